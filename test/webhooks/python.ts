import { execFileSync } from 'node:child_process';

/**
 * Runs the receiver from the original system's guide in python3: parse the body, re-serialize it with
 * json.dumps(payload, sort_keys=True, separators=(',', ':')), HMAC it with the whole secret, compare.
 * Takes many cases at once (one interpreter start). Returns, per case, whether it verified and the
 * re-serialized text.
 */
const script = `
import hashlib, hmac, json, sys
cases = json.load(sys.stdin)
out = []
for case in cases:
    payload = json.loads(case["body"])
    canonical = json.dumps(payload, sort_keys=True, separators=(',', ':'))
    expected = hmac.new(case["secret"].encode(), canonical.encode(), hashlib.sha256).hexdigest()
    out.append({"valid": hmac.compare_digest(expected, case["signature"]), "canonical": canonical})
json.dump(out, sys.stdout)
`;

export interface PythonCase {
  body: string;
  secret: string;
  signature: string;
}

export function pythonVerify(cases: PythonCase[]): { valid: boolean; canonical: string }[] {
  const output = execFileSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
  return JSON.parse(output);
}
