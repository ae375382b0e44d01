import { describe, expect, it } from 'vitest';
import { assertPublicUrl, BlockedUrlError, blockedReason } from '../../src/modules/webhooks/url-guard.js';

const blocked: [string, string][] = [
  ['http://127.0.0.1/hook', 'loopback'],
  ['http://127.1.2.3:8080/', 'loopback'],
  ['http://2130706433/', 'loopback'],
  ['http://0x7f000001/', 'loopback'],
  ['http://017700000001/', 'loopback'],
  ['http://0x7f.1/', 'loopback'],
  ['http://localhost:3000/', 'local name'],
  ['http://api.localhost/', 'local name'],
  ['http://10.0.0.5/', 'private'],
  ['http://172.16.3.4/', 'private'],
  ['http://172.31.255.255/', 'private'],
  ['http://192.168.1.1/', 'private'],
  ['http://100.64.0.1/', 'carrier-grade NAT'],
  ['http://169.254.169.254/latest/meta-data/', 'link-local'],
  ['http://0.0.0.0/', 'unspecified'],
  ['http://224.0.0.1/', 'multicast'],
  ['http://239.255.255.250/', 'multicast'],
  ['http://240.0.0.1/', 'reserved'],
  ['http://255.255.255.255/', 'reserved'],
  ['http://192.0.2.10/', 'documentation'],
  ['http://198.18.0.1/', 'benchmarking'],
  ['http://[::1]/', 'loopback'],
  ['http://[::]/', 'unspecified'],
  ['http://[::ffff:127.0.0.1]/', 'loopback'],
  ['http://[::ffff:7f00:1]/', 'loopback'],
  ['http://[::ffff:10.1.1.1]/', 'private'],
  ['http://[::ffff:169.254.169.254]/', 'link-local'],
  ['http://[64:ff9b::10.0.0.1]/', 'private'],
  ['http://[2002:c0a8:101::1]/', 'private'],
  ['http://[fe80::1]/', 'link-local'],
  ['http://[fc00::1]/', 'unique local'],
  ['http://[fd12:3456::1]/', 'unique local'],
  ['http://[ff02::1]/', 'multicast'],
  ['http://[2001:db8::1]/', 'documentation'],
  // Every form that carries an IPv4 address inside an IPv6 one is judged by that IPv4 address.
  ['http://[::ffff:0:7f00:1]/', 'loopback'],
  ['http://[::ffff:0:127.0.0.1]/', 'loopback'],
  ['http://[::ffff:0:a00:1]/', 'private'],
  ['http://[64:ff9b:1::7f00:1]/', 'loopback'],
  ['http://[64:ff9b:1::808:808]/', 'local-use NAT64'],
  ['http://[64:ff9b::7f00:1]/', 'loopback'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'link-local'],
  ['http://[2002:7f00:1::1]/', 'loopback'],
  ['http://[2002:a9fe:a9fe::]/', 'link-local'],
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'loopback'],
  ['http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/', 'Teredo'],
  ['http://[::7f00:1]/', 'loopback'],
  ['http://[::808:808]/', 'IPv4-compatible'],
  ['http://[5f00::1]/', 'not a global unicast'],
  ['http://localhost.:3000/', 'local name'],
  ['http://localhost..:3000/', 'local name'],
  ['http://api.localhost.../', 'local name'],
  ['http://127.0.0.1../', 'loopback'],
];

const allowed = [
  'https://8.8.8.8/hook',
  'http://1.1.1.1/',
  'https://[2606:4700:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'http://172.32.0.1/',
  'http://11.0.0.1/',
];

const noDns = async () => {
  throw new Error('no DNS in tests');
};

describe('SSRF guard', () => {
  it.each(blocked)('rejects %s (%s)', async (url, reason) => {
    const error = await assertPublicUrl(url, noDns).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedUrlError);
    expect((error as Error).message).toContain(reason);
  });

  it.each(allowed)('accepts %s', async (url) => {
    await expect(assertPublicUrl(url, noDns)).resolves.toBeInstanceOf(URL);
  });

  it('rejects names that resolve to a blocked address, and any of several', async () => {
    await expect(
      assertPublicUrl('https://hooks.example.com/', async () => ['8.8.8.8']),
    ).resolves.toBeTruthy();
    await expect(
      assertPublicUrl('https://hooks.example.com/', async () => ['8.8.8.8', '10.0.0.1']),
    ).rejects.toThrow(/resolves to 10\.0\.0\.1, which is private/);
    await expect(
      assertPublicUrl('https://rebind.example/', async () => ['::ffff:127.0.0.1']),
    ).rejects.toThrow(/loopback/);
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://'])(
    'rejects the malformed or non-http URL %s',
    async (url) => {
      await expect(assertPublicUrl(url, noDns)).rejects.toBeInstanceOf(BlockedUrlError);
    },
  );

  it('classifies resolved addresses', () => {
    expect(blockedReason('93.184.216.34')).toBeNull();
    expect(blockedReason('::ffff:93.184.216.34')).toBeNull();
    expect(blockedReason('::ffff:192.168.0.1')).toBe('private');
    expect(blockedReason('64:ff9b::808:808')).toBeNull();
    expect(blockedReason('2002:808:808::1')).toBeNull();
    expect(blockedReason('fe80::1%eth0')).toBe('link-local');
  });
});
