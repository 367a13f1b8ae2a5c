import { describe, expect, it } from 'vitest';
import { endpointUrlProblem, isPublicAddress } from './addresses.js';
import { guardedLookup } from './post-json.js';

describe('webhook address guard', () => {
  it.each([
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    // Every IPv6 form of an IPv4 address is judged by that address (issue 14.8).
    ['::ffff:7f00:1', false],
    ['::ffff:0:7f00:1', false],
    ['::ffff:0:127.0.0.1', false],
    ['::7f00:1', false],
    ['::127.0.0.1', false],
    ['::a9fe:a9fe', false],
    ['0:0:0:0:0:ffff:a00:1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::127.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::808:808', true],
    ['64:ff9b:1::1', false],
    ['2002:7f00:1::', false],
    ['2002:808:808::1', true],
    ['::ffff:808:808', true],
    ['::', false],
    ['not-an-ip', false],
  ])('%s is public: %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });

  it('refuses URLs that are not http(s), carry credentials or name private hosts, unless allowed', () => {
    expect(endpointUrlProblem('https://erp.example.com/hooks', [])).toBeNull();
    expect(endpointUrlProblem('ftp://erp.example.com/', [])).toBe('scheme');
    expect(endpointUrlProblem('no url', [])).toBe('not_a_url');
    expect(endpointUrlProblem('https://u:p@erp.example.com/', [])).toBe('credentials');
    expect(endpointUrlProblem('http://127.0.0.1:8080/', [])).toBe('private_address');
    expect(endpointUrlProblem('http://[::1]/', [])).toBe('private_address');
    for (const host of ['[::7f00:1]', '[::ffff:0:7f00:1]', '[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', '[64:ff9b::7f00:1]', '[::127.0.0.1]']) {
      expect([host, endpointUrlProblem(`http://${host}:8080/hook`, [])]).toEqual([host, 'private_address']);
    }
    expect(endpointUrlProblem('http://localhost/', [])).toBe('private_address');
    expect(endpointUrlProblem('http://metadata.google.internal/', [])).toBe('private_address');
    expect(endpointUrlProblem('http://169.254.169.254/latest/meta-data', [])).toBe('private_address');
    expect(endpointUrlProblem('http://127.0.0.1:8080/', ['127.0.0.1'])).toBeNull();
    const self = { publicUrl: 'https://returns.shop.example', port: 3000 };
    expect(endpointUrlProblem('https://returns.shop.example/api/v1/orders', [], self)).toBe('self');
    expect(endpointUrlProblem('http://127.0.0.1:3000/api/v1/returns', ['127.0.0.1'], self)).toBe('self');
    expect(endpointUrlProblem('http://localhost:3000/', ['localhost'], self)).toBe('self');
    expect(endpointUrlProblem('http://127.0.0.1:3001/', ['127.0.0.1'], self)).toBeNull();
    expect(endpointUrlProblem('https://erp.shop.example/', [], self)).toBeNull();
  });
});

describe('send-time resolution guard', () => {
  // A resolver answering as a re-pointed public name would (DNS rebinding).
  const resolver = (addresses: string[]) =>
    ((_host: string, _opts: unknown, cb: (err: null, a: { address: string; family: number }[]) => void) =>
      cb(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))) as never;
  const lookup = (allowed: boolean, addresses: string[]) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      guardedLookup(allowed, resolver(addresses))('hooks.example.com', {}, (err, address) => resolve({ err, address: address as string })),
    );

  it('refuses a name that resolves only to private addresses, and skips private ones among public', async () => {
    expect((await lookup(false, ['10.0.0.5', '169.254.169.254'])).err?.code).toBe('EPRIVATE');
    expect(await lookup(false, ['10.0.0.5', '93.184.216.34'])).toEqual({ err: null, address: '93.184.216.34' });
    expect(await lookup(true, ['10.0.0.5'])).toEqual({ err: null, address: '10.0.0.5' });
  });
});
