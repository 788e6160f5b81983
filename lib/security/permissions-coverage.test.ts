// Keeps permissions.ts honest: every typed @kubernetes/client-node call in the studio's code
// (lib/, app/; not the sandbox or test helpers) must be mapped here to the permission it needs, and
// that permission must be in the list. A new cluster call therefore fails this test until the list
// (and so deploy/'s generated roles) says why the studio may make it.
import * as k8s from '@kubernetes/client-node';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './permissions';

const root = path.resolve(__dirname, '../..');

type Need = { groups: string[]; resource: string; verb: string } | { notGranted: string };

const NEEDS: Record<string, Need> = {
  listNamespacedConfigMap: { groups: [''], resource: 'configmaps', verb: 'list' },
  readNamespacedConfigMap: { groups: [''], resource: 'configmaps', verb: 'get' },
  createNamespacedConfigMap: { groups: [''], resource: 'configmaps', verb: 'create' },
  replaceNamespacedConfigMap: { groups: [''], resource: 'configmaps', verb: 'update' },
  deleteNamespacedConfigMap: { groups: [''], resource: 'configmaps', verb: 'delete' },
  readNamespace: { groups: [''], resource: 'namespaces', verb: 'get' },
  readNamespacedPodLog: { groups: [''], resource: 'pods/log', verb: 'get' },
  createNamespacedEvent: { groups: ['', 'events.k8s.io'], resource: 'events', verb: 'create' },
  createSelfSubjectAccessReview: { groups: ['authorization.k8s.io'], resource: 'selfsubjectaccessreviews', verb: 'create' },
  createTokenReview: { groups: ['authentication.k8s.io'], resource: 'tokenreviews', verb: 'create' },
  createSelfSubjectReview: { groups: ['authentication.k8s.io'], resource: 'selfsubjectreviews', verb: 'create' },
  createNamespace: { notGranted: 'the plugin store creates STUDIO_NAMESPACE only when it is missing; deploy/base creates it' },
  getCode: { notGranted: 'GET /version is a non-resource URL every authenticated user may read (system:public-info-viewer)' },
  getAPIResources: { notGranted: 'discovery is a non-resource URL every authenticated user may read (system:discovery)' },
};
// Kind-generic calls: the kind comes from the registry, whose reads and the Rollout actions' writes
// permissions.test.ts checks kind by kind.
const GENERIC = /CustomObject(Status)?$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (['node_modules', 'vendor', 'sandbox', 'testing'].includes(name)) return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const apiMethods = new Set(
  Object.entries(k8s)
    .filter(([name, v]) => /Api$/.test(name) && typeof v === 'function')
    .flatMap(([, v]) => Object.getOwnPropertyNames((v as { prototype: object }).prototype))
    // the compound names only: `list`, `delete`… are also plain Map/array methods
    .filter((m) => m !== 'constructor' && /[A-Z]/.test(m)),
);

const calls = new Map<string, string[]>();
for (const file of [...sources(path.join(root, 'lib')), ...sources(path.join(root, 'app'))]) {
  for (const m of readFileSync(file, 'utf8').matchAll(/\.([A-Za-z]+)\(/g)) {
    if (apiMethods.has(m[1]) && !GENERIC.test(m[1])) calls.set(m[1], [...(calls.get(m[1]) ?? []), path.relative(root, file)]);
  }
}

describe('every typed client-node call has its permission in lib/security/permissions.ts', () => {
  it('finds the calls (the scan works)', () => {
    expect(calls.has('readNamespacedPodLog')).toBe(true);
    expect(calls.has('createSelfSubjectAccessReview')).toBe(true);
  });

  for (const [method, files] of calls) {
    it(`${method} (${[...new Set(files)].join(', ')})`, () => {
      const need = NEEDS[method];
      expect(need, `${method}: map it to its verb and resource here, and add the permission with its reason to lib/security/permissions.ts`).toBeDefined();
      if ('notGranted' in need) return;
      const granted = PERMISSIONS.some((p) => need.groups.includes(p.group) && p.resource === need.resource && p.verbs.includes(need.verb));
      expect(granted, `${method} needs ${need.verb} ${need.resource} in lib/security/permissions.ts`).toBe(true);
    });
  }
});
