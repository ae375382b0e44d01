import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, pythonNumber } from '../../src/modules/webhooks/canonical-json.js';
import {
  buildEnvelope,
  serializeEnvelope,
  serializeEnvelopeWithData,
} from '../../src/modules/webhooks/events.js';
import { legacySignature } from '../../src/modules/webhooks/sign.js';
import { pythonVerify } from './python.js';

const secret = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTAx';

describe('canonical JSON matches Python json.dumps(sort_keys=True, separators=(",", ":"))', () => {
  it('prints numbers the way Python re-prints them', () => {
    expect(pythonNumber(1)).toBe('1');
    expect(pythonNumber(-0)).toBe('0');
    expect(pythonNumber(0.5)).toBe('0.5');
    expect(pythonNumber(1e-5)).toBe('1e-05');
    expect(pythonNumber(0.0001)).toBe('0.0001');
    expect(pythonNumber(1.5e16)).toBe('1.5e+16');
    expect(pythonNumber(2 ** 53)).toBe('9007199254740992.0');
    expect(pythonNumber(1e300)).toBe('1e+300');
    expect(() => pythonNumber(Number.NaN)).toThrow();
  });

  it('escapes non-ASCII and control characters and sorts keys by code point', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], '\u{1F600}': 'x', '\uFF21': 'y' })).toBe(
      '{"a":[true,null,"\\u00e9"],"b":1,"\\uff21":"y","\\ud83d\\ude00":"x"}',
    );
    expect(canonicalJson('tab\tquote"back\\\u007f\u0001')).toBe('"tab\\tquote\\"back\\\\\\u007f\\u0001"');
  });

  it('round-trips through the original guide’s Python receiver, byte for byte', () => {
    const fixed = [
      { text: 'Ça coûte 12,50 € — 日本語 😀', floats: [0.1, 1.5, 2.25e-7, 123456.789, 1e22, -3.14], n: 42 },
      { nested: { z: { y: [1, { b: 'é', a: null }] } }, empty: {}, list: [] },
      { priority: 7, sentiment: 'Negative', processing_time: 0.0123, big: 2 ** 60, tiny: 5e-324 },
    ];
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const generated = fc.sample(fc.dictionary(fc.string({ unit: 'binary' }), json, { maxKeys: 6 }), 300);
    const bodies = [...fixed, ...generated].map((value) => canonicalJson(value));
    const results = pythonVerify(
      bodies.map((body) => ({ body, secret, signature: legacySignature(secret, body) })),
    );
    results.forEach((result, i) => {
      expect(result.canonical).toBe(bodies[i]);
      expect(result.valid).toBe(true);
    });
  });
});

describe('envelope serialization', () => {
  it('building the body from data serialized once gives the same bytes as serializing the whole envelope', () => {
    const data = { query: 'Où est ma paie? 😟', priority: 8, metadata: { score: 0.25, tags: ['a', 'b'] } };
    const now = Date.UTC(2026, 10, 28, 10, 0, 0, 123);
    const whole = serializeEnvelope(buildEnvelope('evt_1', 'query.created', 'w-1', now, data));
    expect(serializeEnvelopeWithData(canonicalJson(data), 'evt_1', 'query.created', 'w-1', now)).toBe(whole);
  });
});
