// The sandbox bootstrap end to end: two clusters, one kubeconfig file (0600), loaded through the
// normal kubeconfig path; a broken seed starts the sandbox empty and shows up as a problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrap, shutdownSandboxes, wantsSandbox } from './bootstrap';
import { clusterInfo } from './cluster-info';
import { listObjects } from './client';
import { kindByKey } from './kinds';
import { loadKubeconfig } from './kubeconfig';

let dir: string;
let errors: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-boot-'));
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(async () => {
  await shutdownSandboxes();
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sandbox bootstrap', () => {
  it('wants the sandbox when asked to, or when there is no kubeconfig at all', () => {
    expect(wantsSandbox({ STUDIO_CLUSTER: 'sandbox', KUBECONFIG: __filename })).toBe(true);
    expect(wantsSandbox({ KUBECONFIG: __filename })).toBe(false);
    expect(wantsSandbox({ KUBECONFIG: path.join(dir, 'none') })).toBe(true);
  });

  it('does nothing when a kubeconfig exists and the sandbox was not requested', async () => {
    const r = await bootstrap({ KUBECONFIG: __filename }, dir);
    expect(r.started).toBe(false);
    await shutdownSandboxes();
  });

  it('starts both clusters, survives a broken seed and writes one kubeconfig', async () => {
    const seed = path.join(dir, 'seed');
    fs.mkdirSync(seed);
    fs.writeFileSync(path.join(seed, 'pods.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: x\n  labels: [unclosed\n');
    const kubeconfig = path.join(dir, 'out', 'kc.yaml');
    const env = { STUDIO_CLUSTER: 'sandbox', STUDIO_SANDBOX_SEED: seed, STUDIO_SANDBOX_KUBECONFIG: kubeconfig };
    const [first, second] = await Promise.all([bootstrap(env, dir), bootstrap(env, dir)]);
    expect(second).toBe(first); // registered twice, started once
    expect(first.started).toBe(true);
    expect(first.kubeconfig).toBe(kubeconfig);
    expect(fs.statSync(kubeconfig).mode & 0o777).toBe(0o600);

    const loaded = loadKubeconfig();
    expect(loaded.source).toBe('sandbox');
    expect(loaded.paths).toEqual([kubeconfig]);
    expect(loaded.kc!.getContexts().map((c) => c.name)).toEqual(['sandbox', 'sandbox-readonly', 'sandbox-staging']);
    // The read-only context is the same cluster as a user who may read but not write.
    const readonly = loaded.kc!.getContextObject('sandbox-readonly')!;
    expect([readonly.cluster, readonly.user]).toEqual(['sandbox', 'sandbox-viewer']);
    expect(loaded.kc!.getCurrentContext()).toBe('sandbox');

    const seedProblem = first.problems.find((p) => p.source === 'seed');
    expect(seedProblem).toMatchObject({ file: path.join(seed, 'pods.yaml'), context: 'sandbox' });
    expect(seedProblem!.line).toBeGreaterThanOrEqual(6);
    expect(seedProblem!.fix).toMatch(/runs empty/);
    expect(errors.mock.calls.some((c: unknown[]) => String(c[0]).includes('pods.yaml'))).toBe(true);

    const info = await clusterInfo(undefined);
    expect(info).toMatchObject({ sandbox: true, current: 'sandbox', kubeconfigPaths: [kubeconfig], connection: { ok: true } });
    expect(info.problems).toEqual([seedProblem]);
    // The broken seed left `sandbox` empty but serving; staging runs too.
    expect((await listObjects('sandbox', kindByKey('pods')!)).items).toEqual([]);
    await expect(listObjects('sandbox-staging', kindByKey('pods')!)).resolves.toBeDefined();
    const staging = await clusterInfo('sandbox-staging');
    expect(staging.current).toBe('sandbox-staging');
    expect(staging.server).not.toBe(info.server);
  });
});
