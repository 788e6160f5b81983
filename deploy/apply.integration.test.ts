// `kubectl apply -k deploy/overlays/…` against the sandbox (the real kubectl, the sandbox's admin
// user), then `kubectl get` every object back.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import { KUBECTL, kubectlSession, type KubectlSession } from '@/lib/k8s/sandbox/kubectl-support';
import { rbacObjects } from '@/lib/security/rbac-manifests';

const root = path.resolve(__dirname, '..');

if (!KUBECTL) console.warn('apply.integration.test.ts: skipped because `kubectl` is not on PATH');

describe.skipIf(!KUBECTL)('kubectl apply -k deploy/overlays/… against the sandbox', () => {
  let sb: Sandbox;
  let k: KubectlSession;

  beforeAll(async () => {
    sb = await startSandbox({ name: 'deploy' });
    k = await kubectlSession(sb);
  });
  afterAll(async () => {
    await k?.close();
    await sb?.close();
  });

  const get = async (what: string, ns?: string) => JSON.parse(await k.ok(['get', what, ...(ns ? ['-n', ns] : []), '-o', 'json']));

  it('read-write applies, and every object reads back', async () => {
    const out = await k.ok(['apply', '-k', path.join(root, 'deploy/overlays/read-write')]);
    expect(out).toMatch(/namespace\/kube-lua-studio (created|configured|unchanged)/);
    expect(out).toMatch(/clusterrole\.rbac\.authorization\.k8s\.io\/kube-lua-studio created/);
    expect((await get('namespace/kube-lua-studio')).metadata.name).toBe('kube-lua-studio');
    expect((await get('serviceaccount/kube-lua-studio', 'kube-lua-studio')).kind).toBe('ServiceAccount');
    expect((await get('service/kube-lua-studio', 'kube-lua-studio')).spec.type).toBe('ClusterIP');
    const deploy = await get('deployment/kube-lua-studio', 'kube-lua-studio');
    expect(deploy.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    const role = await get('clusterrole/kube-lua-studio');
    const generated = rbacObjects('read-write')[0] as { rules: unknown[] };
    expect(role.rules).toEqual(generated.rules);
    expect((await get('clusterrolebinding/kube-lua-studio')).subjects).toEqual([{ kind: 'ServiceAccount', name: 'kube-lua-studio', namespace: 'kube-lua-studio' }]);
    expect((await get('role/kube-lua-studio', 'kruise-rollout')).rules.length).toBeGreaterThan(0);
    expect((await get('rolebinding/kube-lua-studio', 'kube-lua-studio')).roleRef).toMatchObject({ kind: 'Role', name: 'kube-lua-studio' });
  });

  it('read-only applied over it takes every write away and sets STUDIO_READ_ONLY', async () => {
    await k.ok(['apply', '-k', path.join(root, 'deploy/overlays/read-only')]);
    const verbs = [
      ...(await get('clusterrole/kube-lua-studio')).rules,
      ...((await get('role/kube-lua-studio', 'kube-lua-studio')).rules ?? []),
      ...((await get('role/kube-lua-studio', 'kruise-rollout')).rules ?? []),
    ].flatMap((r: { verbs: string[] }) => r.verbs);
    expect(new Set(verbs)).toEqual(new Set(['get', 'list', 'watch']));
    const env = (await get('deployment/kube-lua-studio', 'kube-lua-studio')).spec.template.spec.containers[0].env as { name: string; value: string }[];
    expect(env).toContainEqual({ name: 'STUDIO_READ_ONLY', value: '1' });
  });

  it('the rendered objects are listed by kind, as a cluster would', async () => {
    expect(await k.ok(['get', 'clusterroles,clusterrolebindings', '-o', 'name'])).toBe('clusterrole.rbac.authorization.k8s.io/kube-lua-studio\nclusterrolebinding.rbac.authorization.k8s.io/kube-lua-studio\n');
    expect(await k.ok(['get', 'roles,rolebindings', '-A', '-o', 'name'])).toMatch(/role\.rbac\.authorization\.k8s\.io\/kube-lua-studio/);
  });
});
