import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { OVERLAYS, PERMISSIONS, permissionsFor, READ_VERBS, type Overlay, type Permission, type Scope } from './permissions';
import { DEPLOY, generatedDeployFiles, rbacObjects, rulesFor, type PolicyRule } from './rbac-manifests';

const root = path.resolve(__dirname, '../..');

interface RbacObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace: string }[];
}

function committed(overlay: Overlay): RbacObject[] {
  return parseAllDocuments(readFileSync(path.join(root, 'deploy/overlays', overlay, 'rbac.yaml'), 'utf8')).map((d) => d.toJS() as RbacObject);
}

/** `group resource verb name@where`, one per grant. */
function tuples(rules: PolicyRule[], where: string): string[] {
  return rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.flatMap((res) => r.verbs.flatMap((v) => (r.resourceNames ?? ['']).map((n) => `${g} ${res} ${v} ${n}@${where}`)))));
}

const NAMESPACE_OF: Record<Scope, string> = { cluster: '', 'studio-namespace': DEPLOY.namespace, 'kruise-namespace': DEPLOY.kruiseNamespace };

describe('deploy/ RBAC, generated from lib/security/permissions.ts', () => {
  it('the committed files are what the generator writes (else: npm run generate:rbac)', () => {
    for (const [file, text] of Object.entries(generatedDeployFiles())) {
      expect(readFileSync(path.join(root, file), 'utf8'), `${file} drifted from lib/security/permissions.ts: run npm run generate:rbac`).toBe(text);
    }
  });

  for (const overlay of OVERLAYS) {
    it(`${overlay}: the roles grant exactly the list's verbs (a namespaced verb the ClusterRole holds is not repeated)`, () => {
      const objects = committed(overlay);
      const granted = objects.filter((o) => o.rules).flatMap((o) => tuples(o.rules!, o.metadata.namespace ?? ''));
      const perms = permissionsFor(overlay);
      const clusterWide = new Set(perms.filter((p) => p.scope === 'cluster' && !p.resourceNames).flatMap((p) => p.verbs.map((v) => `${p.group} ${p.resource} ${v}`)));
      const wanted = perms.flatMap((p: Permission) =>
        p.verbs
          .filter((v) => p.scope === 'cluster' || !clusterWide.has(`${p.group} ${p.resource} ${v}`))
          .flatMap((v) => (p.resourceNames ?? ['']).map((n) => `${p.group} ${p.resource} ${v} ${n}@${NAMESPACE_OF[p.scope]}`)),
      );
      expect([...new Set(granted)].sort()).toEqual([...new Set(wanted)].sort());
      expect(granted.length, 'no grant twice').toBe(new Set(granted).size);
    });

    it(`${overlay}: no wildcard verb, group, resource or name`, () => {
      for (const o of committed(overlay)) for (const r of o.rules ?? []) expect([...r.apiGroups, ...r.resources, ...r.verbs, ...(r.resourceNames ?? [])]).not.toContain('*');
    });

    it(`${overlay}: ClusterRole, both Roles and their bindings to the studio's service account, always all six`, () => {
      const objects = committed(overlay);
      expect(objects.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
        'ClusterRole /kube-lua-studio',
        'ClusterRoleBinding /kube-lua-studio',
        'Role kube-lua-studio/kube-lua-studio',
        'RoleBinding kube-lua-studio/kube-lua-studio',
        'Role kruise-rollout/kube-lua-studio',
        'RoleBinding kruise-rollout/kube-lua-studio',
      ]);
      for (const b of objects.filter((o) => o.subjects)) expect(b.subjects).toEqual([{ kind: 'ServiceAccount', name: DEPLOY.serviceAccount, namespace: DEPLOY.namespace }]);
    });
  }

  it('the read-only overlay has no write verb at all', () => {
    const verbs = committed('read-only').flatMap((o) => (o.rules ?? []).flatMap((r) => r.verbs));
    expect(verbs.length).toBeGreaterThan(0);
    expect(verbs.filter((v) => !(READ_VERBS as readonly string[]).includes(v))).toEqual([]);
  });

  it('only the proxy overlay may impersonate', () => {
    const impersonates = (o: Overlay) => committed(o).some((x) => (x.rules ?? []).some((r) => r.verbs.includes('impersonate')));
    expect(OVERLAYS.filter(impersonates)).toEqual(['proxy']);
  });

  it('rules share a line only when they share group, verbs and names (RBAC grants the cross product)', () => {
    const rules = rulesFor(
      [
        { group: 'g', resource: 'a', verbs: ['get'], scope: 'cluster', use: 'read', as: 'viewer', why: 'x' },
        { group: 'g', resource: 'b', verbs: ['get'], scope: 'cluster', use: 'read', as: 'viewer', why: 'x' },
        { group: 'g', resource: 'c', verbs: ['get', 'update'], scope: 'cluster', use: 'write', as: 'viewer', why: 'x' },
        { group: 'h', resource: 'a', verbs: ['get'], scope: 'cluster', use: 'read', as: 'viewer', why: 'x' },
        { group: 'g', resource: 'a', verbs: ['list'], scope: 'cluster', use: 'read', as: 'viewer', why: 'x' },
      ],
      'cluster',
    );
    expect(rules).toEqual([
      { apiGroups: ['g'], resources: ['a'], verbs: ['get', 'list'] },
      { apiGroups: ['g'], resources: ['b'], verbs: ['get'] },
      { apiGroups: ['g'], resources: ['c'], verbs: ['get', 'update'] },
      { apiGroups: ['h'], resources: ['a'], verbs: ['get'] },
    ]);
  });

  it('PERMISSIONS.md has one row per permission', () => {
    const md = generatedDeployFiles()['deploy/PERMISSIONS.md'];
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Resource')).length).toBe(PERMISSIONS.length);
    expect(rbacObjects('read-write')).toHaveLength(6);
  });
});
