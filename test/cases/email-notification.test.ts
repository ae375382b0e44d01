import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { seedConversation } from '../handoff/seed.js';
import { adminHeaders, createTestApp, type TestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps every message it accepts. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

/** Waits (bounded) until the server holds `count` messages. */
async function waitForMails(mails: Mail[], count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (mails.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect(mails).toHaveLength(count);
}

describeEachDatabase('e-mail to the employee when HR writes', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const admin = (method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: adminHeaders, payload });
  const escalated = (userId: string) =>
    seedConversation(t.db.kysely, {
      userId,
      priority: 6,
      category: 'Benefits',
      escalatedAt: clock.now() - 60_000,
      turns: [{ question: 'Is my partner covered?', at: clock.now() - 60_000 }],
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(
      kind,
      { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'HR Help <hr@example.com>' },
      { clock },
    );
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });

  it("mails HR's reply to the address in the employee's profile", async () => {
    const id = await escalated('emp-77');
    expect((await admin('PUT', '/api/v1/users/emp-77', { email: 'ana@example.com' })).statusCode).toBe(200);
    const res = await admin('POST', `/api/v1/conversations/${id}/reply`, {
      message: 'Yes, from the first of the month.',
    });
    expect(res.statusCode).toBe(200);
    await waitForMails(smtp.mails, 1);
    const [mail] = smtp.mails;
    expect(mail?.to).toEqual(['ana@example.com']);
    expect(mail?.from).toBe('hr@example.com');
    expect(mail?.raw).toMatch(/Subject: HR replied to your question/);
    expect(mail?.raw).toContain('Yes, from the first of the month.');
  });

  it('mails the resolution to an employee whose id is their e-mail address (as sign-in gives it)', async () => {
    const id = await escalated('bo@example.com');
    const res = await admin('POST', `/api/v1/conversations/${id}/resolve`, {
      response: 'Covered.',
      resolved_by: 'Dana',
    });
    expect(res.statusCode).toBe(200);
    await waitForMails(smtp.mails, 1);
    expect(smtp.mails[0]?.to).toEqual(['bo@example.com']);
    expect(smtp.mails[0]?.raw).toMatch(/Subject: Your HR question was resolved/);
  });

  it('sends nothing for internal notes, for an employee closing their own case, or without an address', async () => {
    const withAddress = await escalated('cy@example.com');
    await admin('POST', `/api/v1/conversations/${withAddress}/notes`, { content: 'internal only' });
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${withAddress}/resolve`,
      payload: { user_id: 'cy@example.com' },
    });
    expect(closed.statusCode).toBe(200);
    const noAddress = await escalated('emp-no-mail');
    await admin('POST', `/api/v1/conversations/${noAddress}/reply`, { message: 'Hello' });
    // A later mail that must arrive proves the earlier ones were not merely slow.
    const marker = await escalated('marker@example.com');
    await admin('POST', `/api/v1/conversations/${marker}/reply`, { message: 'Marker' });
    await waitForMails(smtp.mails, 1);
    expect(smtp.mails[0]?.to).toEqual(['marker@example.com']);
  });
});
