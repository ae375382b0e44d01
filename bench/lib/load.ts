import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives a URL with `connections` concurrent clients for `seconds`, POSTing bodies produced by `body(i)`. */
export async function postLoad(
  url: string,
  body: (i: number) => unknown,
  { connections = 10, seconds = 8, headers = {} as Record<string, string> } = {},
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body(i++)) }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Realistic questions the HTTP benchmarks cycle through, from many employees. */
export const sampleQuestions = [
  'How do I reset my portal password?',
  'When is payday this month?',
  'How many PTO days can I carry over to next year?',
  'What is the 401k company match?',
  'How do I apply for an internal job opening?',
  'When is the next performance review cycle?',
  'Can I work remotely two days a week?',
  'How do I change my direct deposit account?',
  'is there a bike-to-work scheme I can join',
  'What does the dental plan cover?',
  'How do I request parental leave?',
  'My paycheck was short this week, who do I contact?',
  'How does the employee referral bonus work?',
  'What is the dress code for the office?',
  'When does open enrollment start?',
];

export const queryBody = (i: number) => ({
  user_id: `bench-${i % 500}`,
  message: sampleQuestions[i % sampleQuestions.length],
});
