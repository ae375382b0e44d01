import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/logger.js';
import { redactForLogs } from '../../src/modules/security/log-redaction.js';

function capture(piiRedaction?: 'mask' | 'off') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = pino({ ...loggerOptions({ logLevel: 'info', piiRedaction }) }, stream);
  return { log, lines };
}

describe('PII and secrets in application logs', () => {
  it('masks identifiers in messages, merge objects, child loggers and errors', () => {
    const { log, lines } = capture('mask');
    log.info('question from employee: my SSN is 123-45-6789');
    log.info({ question: { text: 'card 4111 1111 1111 1111' }, items: ['acct 12345678'] }, 'stored');
    log.child({ reqId: 'r1' }).warn('routing %s', 'routing 021000021');
    log.error({ err: new Error('duplicate key for SSN 123-45-6789') }, 'failed');
    const all = lines.join('');
    expect(all).not.toContain('123-45-6789');
    expect(all).not.toContain('4111 1111 1111 1111');
    expect(all).not.toContain('12345678"');
    expect(all).not.toContain('021000021');
    expect(all).toContain('***-**-6789');
    expect(all).toContain('[card ending 1111]');
    expect(JSON.parse(lines[3]!).err.type).toBe('Error');
  });

  it('keeps identifiers when PII_REDACTION=off', () => {
    const { log, lines } = capture('off');
    log.info('my SSN is 123-45-6789');
    expect(lines.join('')).toContain('123-45-6789');
  });

  it('never writes the admin key or webhook secrets', () => {
    const { log, lines } = capture('mask');
    log.info({ req: { headers: { authorization: 'Bearer hrk_topsecret', 'x-api-key': 'hrk_other' } } }, 'in');
    log.info(
      { webhook: { secret: 'whsec_abc', previous_secret: 'whsec_old' }, secret: 'whsec_def' },
      'created',
    );
    log.info({ config: { llm: { apiKey: 'sk-provider-key' } }, db: { password: 'pg-pass' } }, 'started');
    const all = lines.join('');
    expect(all).not.toMatch(/hrk_topsecret|hrk_other|whsec_abc|whsec_def|whsec_old|sk-provider-key|pg-pass/);
  });

  it('masks identifiers in request URLs that Fastify logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { ...loggerOptions({ logLevel: 'info', piiRedaction: 'mask' }), stream } });
    app.get('/search', async () => ({ ok: true }));
    await app.ready();
    await app.inject({ method: 'GET', url: '/search?q=my%20SSN%20123-45-6789&card=4111+1111+1111+1111' });
    await app.inject({ method: 'GET', url: '/search?q=plain%20question' });
    await app.close();
    const all = lines.join('');
    expect(all).toContain('incoming request');
    expect(all).not.toContain('123-45-6789');
    expect(all).not.toMatch(/4111.1111.1111.1111/);
    expect(all).toContain('***-**-6789');
    // URLs without identifiers are logged exactly as received.
    expect(all).toContain('/search?q=plain%20question');
  });

  for (const piiRedaction of ['mask', 'off'] as const) {
    it(`redacts credential-like query parameters in logged URLs (PII_REDACTION=${piiRedaction})`, async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const app = Fastify({ logger: { ...loggerOptions({ logLevel: 'info', piiRedaction }), stream } });
      app.get('/hooks', async () => ({ ok: true }));
      await app.ready();
      await app.inject({
        method: 'GET',
        url: '/hooks?api_key=hrk-leaked-0001&KEY=hrk-leaked-0002&token=tok-0003&access_token=tok-0004&secret=s-0005&limit=5',
      });
      await app.inject({ method: 'GET', url: '/hooks?x=1&Api-Key=hrk-leaked-0006&apiKey=hrk-leaked-0007' });
      await app.close();
      const all = lines.join('');
      expect(all).toContain('incoming request');
      expect(all).not.toMatch(/hrk-leaked|tok-000|s-0005/);
      expect(all).toContain('/hooks?api_key=[redacted]&KEY=[redacted]&token=[redacted]');
      expect(all).toContain('limit=5');
    });
  }

  it('masks SSN- and card-shaped path segments in logged URLs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { ...loggerOptions({ logLevel: 'info', piiRedaction: 'mask' }), stream } });
    app.get('/api/v1/users/:id/conversations', async () => ({ ok: true }));
    await app.ready();
    await app.inject({ method: 'GET', url: '/api/v1/users/123-45-6789/conversations' });
    await app.inject({ method: 'GET', url: '/api/v1/users/4111111111111111/conversations' });
    await app.inject({ method: 'GET', url: '/api/v1/users/123%2D45%2D6789/conversations' });
    await app.inject({ method: 'GET', url: '/api/v1/users/emp-42/conversations' });
    await app.close();
    const all = lines.join('');
    expect(all).not.toContain('123-45-6789');
    expect(all).not.toContain('4111111111111111');
    expect(all).not.toContain('123%2D45%2D6789');
    expect(all).toContain('/api/v1/users/***-**-6789/conversations');
    expect(all).toContain('/api/v1/users/emp-42/conversations');
  });

  it('redactForLogs copies plain data and leaves other objects alone', () => {
    const original = { a: 'SSN 123-45-6789', n: 5, nested: [{ b: 'ok' }] };
    expect(redactForLogs(original)).toEqual({ a: 'SSN ***-**-6789', n: 5, nested: [{ b: 'ok' }] });
    expect(original.a).toBe('SSN 123-45-6789');
    const date = new Date(0);
    expect(redactForLogs(date)).toBe(date);
  });
});
