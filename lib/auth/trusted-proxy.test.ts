import { describe, expect, it } from 'vitest';
import { isTrustedProxy, parseGroups, parseTrustedProxies } from './trusted-proxy';

describe('trusted proxies', () => {
  const p = parseTrustedProxies('10.1.0.0/16, 192.168.0.7, fd00::/8, ::1');
  it('matches addresses and CIDRs of both families', () => {
    expect(isTrustedProxy('10.1.200.3', p)).toBe(true);
    expect(isTrustedProxy('::ffff:10.1.2.3', p)).toBe(true);
    expect(isTrustedProxy('192.168.0.7', p)).toBe(true);
    expect(isTrustedProxy('fd12::5', p)).toBe(true);
    expect(isTrustedProxy('::1', p)).toBe(true);
  });
  it('refuses everything else', () => {
    expect(isTrustedProxy('10.2.0.1', p)).toBe(false);
    expect(isTrustedProxy('192.168.0.8', p)).toBe(false);
    expect(isTrustedProxy('127.0.0.1', p)).toBe(false);
    expect(isTrustedProxy('', p)).toBe(false);
    expect(isTrustedProxy(null, p)).toBe(false);
    expect(isTrustedProxy('not-an-ip', p)).toBe(false);
  });
  it('reports entries that are not addresses', () => {
    expect(parseTrustedProxies('10.0.0.0/33, proxy.example, 1.2.3.4/8/1, 10.0.0.1').invalid).toEqual(['10.0.0.0/33', 'proxy.example', '1.2.3.4/8/1']);
  });
  it('splits the groups header', () => expect(parseGroups(' dev, ops ,,')).toEqual(['dev', 'ops']));
});
