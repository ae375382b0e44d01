import { execFileSync } from 'node:child_process';

/**
 * The Python receiver of docs/webhooks.md for Ed25519 webhooks (the `cryptography` package): decode the whpk_
 * key, check the timestamp, verify each "v1a," signature over "{id}.{timestamp}.{body}". Keep the two in step.
 */
const script = `
import base64, json, sys, time
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

def verify(body: bytes, headers: dict, public_key: str, tolerance: int = 300) -> bool:
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key.removeprefix("whpk_")))
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    message = f"{msg_id}.{timestamp}.".encode() + body
    for candidate in headers["webhook-signature"].split(" "):
        version, _, signature = candidate.partition(",")
        if version != "v1a":
            continue
        try:
            key.verify(base64.b64decode(signature), message)
            return True
        except InvalidSignature:
            pass
    return False

cases = json.load(sys.stdin)
json.dump([verify(c["body"].encode(), c["headers"], c["public_key"]) for c in cases], sys.stdout)
`;

export interface Ed25519Case {
  body: string;
  headers: Record<string, string>;
  public_key: string;
}

export function pythonVerifyEd25519(cases: Ed25519Case[]): boolean[] {
  const output = execFileSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
  return JSON.parse(output);
}
