// GET /api/pods/{namespace}/{name}/log against a sandbox cluster (through KUBECONFIG, as in production).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxKubeconfig, startSandbox, type Sandbox } from './sandbox';
import { containerLogLines } from './sandbox/logs';
import { resetKubeconfigCache } from './kubeconfig';
import { CONTEXT_COOKIE } from './types';
import { podLogResponse } from './pod-logs';
import { podLogUrl, type PodLogParams, type PodLogResult } from './pod-log-types';

const CTX = 'logs-sandbox';
const DENY_CTX = 'logs-deny';
let sb: Sandbox;
let deny: Sandbox;
let dir: string;

const running = (name: string, restartCount = 0) => ({ name, ready: true, restartCount, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } });
const pod = (name: string, namespace: string, containers: string[], restartCount = 0) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
  spec: { containers: containers.map((c) => ({ name: c, image: 'nginx' })) },
  status: { phase: 'Running', containerStatuses: containers.map((c) => running(c, restartCount)) },
});
const joined = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

beforeAll(async () => {
  sb = await startSandbox({
    name: CTX,
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vault' } },
      pod('web-1', 'shop', ['app']),
      pod('web-2', 'shop', ['app', 'proxy'], 2),
      pod('secret-1', 'vault', ['app']),
    ],
  });
  deny = await startSandbox({ name: DENY_CTX, objects: [pod('web-1', 'shop', ['app'])], denyResources: ['pods/log'] });
  // Two contexts in one kubeconfig: the request's cookie picks one, as after a context switch.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-pod-logs-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, sandboxKubeconfig([{ name: CTX, sandbox: sb }, { name: DENY_CTX, sandbox: deny }], CTX));
  process.env.KUBECONFIG = file;
  resetKubeconfigCache();
});

afterAll(async () => {
  await sb?.close();
  await deny?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function get(p: PodLogParams, query = '', cookie?: string): Promise<{ status: number; body: PodLogResult }> {
  const url = `http://127.0.0.1${podLogUrl(p)}${query}`;
  const res = await podLogResponse(new Request(url, { headers: cookie ? { cookie } : {} }), { namespace: p.namespace, name: p.name });
  return { status: res.status, body: (await res.json()) as PodLogResult };
}

describe('pod logs route', () => {
  it('returns the whole log when it fits in tailLines', async () => {
    const all = containerLogLines('shop', 'web-1', 'app');
    expect(await get({ namespace: 'shop', name: 'web-1' })).toEqual({ status: 200, body: { ok: true, text: joined(all), truncated: false } });
    expect((await get({ namespace: 'shop', name: 'web-1', tailLines: all.length })).body).toEqual({ ok: true, text: joined(all), truncated: false });
  });

  it('returns the last tailLines lines and says older ones exist', async () => {
    const all = containerLogLines('shop', 'web-1', 'app');
    expect((await get({ namespace: 'shop', name: 'web-1', tailLines: 3 })).body).toEqual({ ok: true, text: joined(all.slice(-3)), truncated: true });
  });

  it('reads the chosen container and its previous instance', async () => {
    const proxy = await get({ namespace: 'shop', name: 'web-2', container: 'proxy', tailLines: 2 });
    expect(proxy.body).toEqual({ ok: true, text: joined(containerLogLines('shop', 'web-2', 'proxy').slice(-2)), truncated: true });
    const prev = await get({ namespace: 'shop', name: 'web-2', container: 'app', previous: true, tailLines: 1 });
    expect(prev.body).toEqual({ ok: true, text: 'ERROR fatal: out of memory, exiting\n', truncated: true });
  });

  it('passes the API server\'s 400 on (no container chosen, no previous instance)', async () => {
    const r = await get({ namespace: 'shop', name: 'web-2' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, code: 400, error: 'a container name must be specified for pod web-2, choose one of: [app proxy]' });
    const prev = await get({ namespace: 'shop', name: 'web-1', previous: true });
    expect(prev.body).toMatchObject({ ok: false, code: 400, error: 'previous terminated container "app" in pod "web-1" not found' });
  });

  it('says 404 about the pod', async () => {
    const r = await get({ namespace: 'shop', name: 'nope' });
    expect(r).toEqual({ status: 404, body: { ok: false, code: 404, reason: 'NotFound', error: 'Pod "nope" was not found in namespace "shop".', errorMsg: expect.objectContaining({ key: 'common.kubeError.notFound' }) } });
  });

  it('uses the context chosen by the request (cookie) and says 403 with the RBAC words', async () => {
    const r = await get({ namespace: 'shop', name: 'web-1' }, '', `${CONTEXT_COOKIE}=${DENY_CTX}`);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ ok: false, code: 403 });
    expect(!r.body.ok && r.body.error).toMatch(/^Forbidden: you may not get pods\/log "web-1" in namespace "shop" \(context "logs-deny"\)\./);
  });

  it('refuses bad parameters before calling the cluster', async () => {
    const r = await get({ namespace: 'shop', name: 'web-1' }, '?tailLines=-4');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, code: 400, error: expect.stringMatching(/^Invalid log request: tailLines: /) });
    expect((await get({ namespace: 'Bad_NS', name: 'web-1' })).status).toBe(400);
  });
});
