import { describe, expect, it } from 'vitest';
import { gate, safeNext, type GateRequest } from './gate';

const base: GateRequest = { mode: 'token', pathname: '/rollouts', search: '?ns=shop', method: 'GET', serverAction: false, signedIn: false };

describe('gate', () => {
  it('passes everything in mode none', () => expect(gate({ ...base, mode: 'none' })).toEqual({ kind: 'pass' }));
  it('passes a signed-in request', () => expect(gate({ ...base, signedIn: true })).toEqual({ kind: 'pass' }));
  it('sends a page to sign-in with where it was going', () =>
    expect(gate(base)).toEqual({ kind: 'redirect', location: '/sign-in?next=%2Frollouts%3Fns%3Dshop' }));
  it('answers 401 for /api/* and the watch stream', () => {
    expect(gate({ ...base, pathname: '/api/cluster', search: '' }).kind).toBe('unauthorized');
    expect(gate({ ...base, pathname: '/api/watch' }).kind).toBe('unauthorized');
  });
  it('answers 401 for a server action', () => expect(gate({ ...base, method: 'POST', serverAction: true }).kind).toBe('unauthorized'));
  it('exempts sign-in, the health probe and static assets', () => {
    for (const pathname of ['/sign-in', '/api/healthz', '/api/session', '/_next/static/chunks/a.js', '/icon.svg']) expect(gate({ ...base, pathname })).toEqual({ kind: 'pass' });
  });
  it('in proxy mode only the probe passes without a user', () => {
    expect(gate({ ...base, mode: 'proxy', pathname: '/api/healthz' }).kind).toBe('pass');
    expect(gate({ ...base, mode: 'proxy', pathname: '/sign-in' }).kind).toBe('unauthorized');
    expect(gate({ ...base, mode: 'proxy' }).kind).toBe('unauthorized');
  });
});

describe('safeNext', () => {
  it.each([
    ['/plugins/a?x=1', '/plugins/a?x=1'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/sign-in?next=/x', '/'],
    [null, '/'],
  ])('%s → %s', (input, out) => expect(safeNext(input)).toBe(out));
});
