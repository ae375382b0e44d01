import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers/databases.js';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const cwd = tempDir();
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(8000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('info');
    expect(config.dataDir).toBe(path.join(cwd, 'var'));
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.join(cwd, 'var', 'hr-platform.db') });
    expect(config.adminApiKey).toBeUndefined();
    expect(config.bodyLimitBytes).toBe(65536);
    expect(config.rateLimitPerMinute).toBe(600);
    expect(config.piiRedaction).toBe('mask');
    expect(config.trustProxy).toBe(false);
    expect(config.workerEmbedded).toBe(true);
    expect(config.llm.baseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('keeps runtime state in ./var, apart from the shipped ./data, and git ignores it', () => {
    const cwd = tempDir();
    const config = loadConfig({}, cwd);
    expect(config.dataDir).toBe(path.join(cwd, 'var'));
    expect(config.legacyDataDir).toBe(false);
    const ignored = fs.readFileSync(path.resolve(import.meta.dirname, '../../.gitignore'), 'utf8');
    expect(ignored.split('\n')).toContain('/var/');
  });

  it('keeps using an old ./data/hr-platform.db when there is no ./var one yet', () => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'data'));
    fs.writeFileSync(path.join(cwd, 'data', 'hr-platform.db'), '');
    const legacy = loadConfig({}, cwd);
    expect(legacy.dataDir).toBe(path.join(cwd, 'data'));
    expect(legacy.legacyDataDir).toBe(true);
    fs.mkdirSync(path.join(cwd, 'var'));
    fs.writeFileSync(path.join(cwd, 'var', 'hr-platform.db'), '');
    expect(loadConfig({}, cwd).dataDir).toBe(path.join(cwd, 'var'));
    expect(loadConfig({ DATA_DIR: 'data' }, cwd).legacyDataDir).toBe(false);
  });

  it('places the embedded database inside DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/hr-x' });
    expect(config.database).toEqual({ dialect: 'sqlite', file: '/tmp/hr-x/hr-platform.db' });
  });

  it.each([
    ['sqlite::memory:', { dialect: 'sqlite', file: ':memory:' }],
    ['sqlite:/tmp/a.db', { dialect: 'sqlite', file: '/tmp/a.db' }],
    ['sqlite:rel/b.db', { dialect: 'sqlite', file: path.resolve('rel/b.db') }],
    ['postgres://u@h:5432/db', { dialect: 'postgres', url: 'postgres://u@h:5432/db' }],
    ['postgresql://u@h/db', { dialect: 'postgres', url: 'postgresql://u@h/db' }],
  ])('parses DATABASE_URL=%s', (url, expected) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual(expected);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'sqlite:'],
    ['LOG_LEVEL', 'loud'],
    ['PII_REDACTION', 'maybe'],
    ['WORKER_EMBEDDED', 'perhaps'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['ADMIN_API_KEY', 'short'],
    ['CORS_ORIGINS', 'not a url'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/40'],
    ['TRUST_PROXY', 'proxy.example.com'],
    ['LLM_BASE_URL', 'ftp://x'],
  ])('rejects %s=%s with an error naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(name);
    expect((caught as ConfigError).message).toContain(name);
    expect((caught as ConfigError).message).not.toContain('\n');
  });

  it('parses TRUST_PROXY as proxy addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('requires LLM_MODEL together with LLM_BASE_URL', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:1/v1' })).toThrow(/LLM_MODEL/);
  });
});
