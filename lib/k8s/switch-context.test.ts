// The `switchContext` server action (app/actions.ts): validated input, typed result, never throws.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const jar = { set: vi.fn() };
// actionScope reads the request's headers (session, viewer): none here, as on loopback without sign-in
// a loopback studio without sign-in (the auth mode is decided from HOST, as `npm start` sets it)
process.env.HOST = '127.0.0.1';
vi.mock('next/headers', () => ({ cookies: async () => jar, headers: async () => new Headers() }));

const { switchContext } = await import('@/app/actions');
const { resetKubeconfigCache } = await import('./kubeconfig');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-sw-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, 'clusters:\n- name: a\n  cluster: {server: "https://a"}\n- name: b\n  cluster: {server: "https://b"}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: a\n  context: {cluster: a, user: u}\n- name: b\n  context: {cluster: b, user: u}\ncurrent-context: a\n');
  vi.stubEnv('KUBECONFIG', file);
  resetKubeconfigCache();
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => jar.set.mockReset());

describe('switchContext', () => {
  it('sets the kls-context cookie for a known context', async () => {
    await expect(switchContext({ context: 'b' })).resolves.toEqual({ ok: true, context: 'b' });
    expect(jar.set).toHaveBeenCalledWith('kls-context', 'b', expect.objectContaining({ path: '/', httpOnly: true, sameSite: 'lax' }));
  });

  it('refuses unknown contexts, naming the known ones', async () => {
    const r = await switchContext({ context: 'prod' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/"prod".*known: a, b/);
    expect(!r.ok && r.errorMsg).toMatchObject({ key: 'shell.contextSwitcher.error.unknown', values: { context: 'prod', known: 'a, b' } });
    expect(jar.set).not.toHaveBeenCalled();
  });

  it('words each refusal as it always did, with a descriptor for the reader\'s language', async () => {
    const { createTranslator } = await import('next-intl');
    const { CATALOGUES } = await import('@/messages');
    const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as (k: string, v?: object) => string;
    const unknown = await switchContext({ context: 'prod' });
    expect(!unknown.ok && unknown.error).toBe(`Context "prod" is not in ${process.env.KUBECONFIG} (known: a, b).`);
    const empty = await switchContext({ context: ' ' });
    expect(!empty.ok && empty.error).toBe('context name is required');
    for (const r of [unknown, empty]) {
      if (r.ok || !r.errorMsg) throw new Error('expected a refusal with a descriptor');
      expect(zh(r.errorMsg.key, r.errorMsg.values)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('validates input and never throws', async () => {
    expect((await switchContext({ context: '' })).ok).toBe(false);
    expect((await switchContext({ context: 42 } as never)).ok).toBe(false);
    expect((await switchContext(null as never)).ok).toBe(false);
    jar.set.mockImplementationOnce(() => {
      throw new Error('cookies can only be modified in a Server Action');
    });
    const r = await switchContext({ context: 'a' });
    expect(!r.ok && r.error).toMatch(/Could not switch context/);
  });
});
