// The generated roles are enough, and no more: the sandbox gets two users whose rules are exactly
// the read-write and the read-only overlay's ClusterRole and Roles (a Role's rules limited to its
// namespace), and the studio's own functions make their real calls with each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, sandboxKubeconfig, startSandbox, type PolicyRule, type Sandbox } from '@/lib/k8s/sandbox';
import { BUILTIN_KINDS, kindByKey } from '@/lib/k8s/kinds';
import { clusterClient, createObject, getObject, listObjects, patchStatus, replaceObject, KubeRequestError } from '@/lib/k8s/client';
import { resetKubeconfigCache } from '@/lib/k8s/kubeconfig';
import { readPodLog } from '@/lib/k8s/pod-logs';
import { selfSubjectAccessReview } from '@/lib/k8s/access-review';
import { ClusterStore } from '@/lib/plugins/cluster-store';
import { rbacObjects } from '@/lib/security/rbac-manifests';
import type { Overlay } from '@/lib/security/permissions';

interface Generated {
  kind: string;
  metadata: { namespace?: string };
  rules?: PolicyRule[];
}

function sandboxRules(overlay: Overlay): PolicyRule[] {
  return (rbacObjects(overlay) as Generated[]).flatMap((o) => {
    if (o.kind === 'ClusterRole') return o.rules!;
    if (o.kind === 'Role') return o.rules!.map((r) => ({ ...r, namespaces: [o.metadata.namespace!] }));
    return [];
  });
}

const VS = kindByKey('virtualservices.networking.istio.io')!;
const ROLLOUTS = kindByKey('rollouts.rollouts.kruise.io')!;
const CONFIGMAPS = kindByKey('configmaps')!;
const STUDIO_NS = 'kube-lua-studio';
const KRUISE_NS = 'kruise-rollout';

let sb: Sandbox;
let dir: string;
const savedKubeconfig = process.env.KUBECONFIG;

beforeAll(async () => {
  sb = await startSandbox({
    name: 'rbac',
    seed: DEFAULT_SEED_DIR,
    // the namespace deploy/base creates
    objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: STUDIO_NS } }],
    users: [
      { name: 'studio-read-write', token: 'read-write-token', rules: sandboxRules('read-write') },
      { name: 'studio-read-only', token: 'read-only-token', rules: sandboxRules('read-only') },
    ],
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-rbac-'));
  const file = path.join(dir, 'config');
  const as = (token: string) => ({ url: sb.url, caPem: sb.caPem, token });
  fs.writeFileSync(file, sandboxKubeconfig([{ name: 'rw', sandbox: as('read-write-token') }, { name: 'ro', sandbox: as('read-only-token') }, { name: 'admin', sandbox: as(sb.token) }], 'rw'));
  process.env.KUBECONFIG = file;
  resetKubeconfigCache();
});

afterAll(async () => {
  process.env.KUBECONFIG = savedKubeconfig;
  resetKubeconfigCache();
  await sb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function status(p: Promise<unknown>): Promise<number | string> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof KubeRequestError) return e.error.code;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    if (/forbidden/i.test(String((e as Error).message))) return 403;
    throw e;
  }
}

describe('the generated roles against the studio\'s real calls', () => {
  for (const context of ['rw', 'ro']) {
    it(`${context}: lists every registry kind in every namespace, reads pod logs, asks access reviews`, async () => {
      for (const k of BUILTIN_KINDS) expect(await status(listObjects(context, k)), k.key).toBe(200);
      const pod = (await listObjects(context, kindByKey('pods')!, { namespace: 'shop' })).items[0];
      const log = await readPodLog(context, { namespace: 'shop', name: pod.metadata!.name! });
      expect(log.ok, JSON.stringify(log)).toBe(true);
      expect((await selfSubjectAccessReview(context, { verb: 'get', group: '', resource: 'pods', namespace: 'shop' })).state).toBe('allowed');
    });
  }

  it('rw: every write the studio makes succeeds', async () => {
    const vs = await getObject('rw', VS, 'frontend', 'shop');
    expect(await status(replaceObject('rw', VS, vs, 'shop'))).toBe(200);
    const ro = await getObject('rw', ROLLOUTS, 'frontend', 'shop');
    expect(await status(patchStatus('rw', ROLLOUTS, 'frontend', 'shop', { metadata: { resourceVersion: ro.metadata!.resourceVersion }, status: {} }))).toBe(200);
    // "Save script": update the ConfigMap Kruise reads, or create it when it is missing
    const seeded = await getObject('rw', CONFIGMAPS, 'kruise-rollout-configuration', KRUISE_NS);
    expect(await status(replaceObject('rw', CONFIGMAPS, seeded, KRUISE_NS))).toBe(200);
    await clusterClient('admin').kc.makeApiClient(k8s.CoreV1Api).deleteNamespacedConfigMap({ name: 'kruise-rollout-configuration', namespace: KRUISE_NS });
    const cm = await createObject('rw', CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kruise-rollout-configuration', namespace: KRUISE_NS }, data: {} }, KRUISE_NS);
    expect(await status(replaceObject('rw', CONFIGMAPS, { ...cm, data: { a: 'b' } }, KRUISE_NS))).toBe(200);
    // the sandbox serves no Events: ask whether the audit's Event would be allowed
    expect((await selfSubjectAccessReview('rw', { verb: 'create', group: '', resource: 'events', namespace: 'shop' })).state).toBe('allowed');

    const store = new ClusterStore({ context: 'rw', namespace: STUDIO_NS });
    const created = await store.create({ name: 'rbac-check', source: 'return 1' });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const renamed = await store.update('rbac-check', created.plugin.version, { rename: 'rbac-check-2', source: 'return 2' });
    expect(renamed.ok, JSON.stringify(renamed)).toBe(true);
    if (!renamed.ok) return;
    expect((await store.list()).plugins.map((p) => p.name)).toEqual(['rbac-check-2']);
    expect((await store.remove('rbac-check-2', renamed.plugin.version)).ok).toBe(true);
  });

  it('rw: no more than that (other Kruise ConfigMaps, other namespaces, other kinds)', async () => {
    const other = await getObject('rw', CONFIGMAPS, 'kruise-rollout-configuration', KRUISE_NS);
    expect(await status(replaceObject('rw', CONFIGMAPS, { ...other, metadata: { ...other.metadata, name: 'something-else' } }, KRUISE_NS))).toBe(403);
    expect(await status(createObject('rw', CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'shop' } }, 'shop'))).toBe(403);
    const deploy = (await listObjects('rw', kindByKey('deployments.apps')!, { namespace: 'shop' })).items[0];
    expect(await status(replaceObject('rw', kindByKey('deployments.apps')!, deploy, 'shop'))).toBe(403);
  });

  it('ro: every write is refused by the cluster', async () => {
    const vs = await getObject('ro', VS, 'frontend', 'shop');
    expect(await status(replaceObject('ro', VS, vs, 'shop'))).toBe(403);
    expect(await status(patchStatus('ro', ROLLOUTS, 'frontend', 'shop', { status: {} }))).toBe(403);
    const cm = await getObject('ro', CONFIGMAPS, 'kruise-rollout-configuration', KRUISE_NS);
    expect(await status(replaceObject('ro', CONFIGMAPS, cm, KRUISE_NS))).toBe(403);
    expect((await selfSubjectAccessReview('ro', { verb: 'create', group: '', resource: 'events', namespace: 'shop' })).state).toBe('denied');
    const store = new ClusterStore({ context: 'ro', namespace: STUDIO_NS });
    expect(await status(store.create({ name: 'nope', source: 'return 1' }))).toBe(403);
  });
});
