import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KINDS, SANDBOX_ONLY_KINDS } from '@/lib/k8s/kinds';
import { REF_RESOURCE, REQUIRED_PERMISSIONS } from '@/lib/rollouts/required-permissions';
import { GATEWAY_KIND_KEYS, PERMISSIONS, permissionsFor, READ_VERBS } from './permissions';

const root = path.resolve(__dirname, '../..');
const grants = (group: string, resource: string, verb: string, scope?: string) =>
  PERMISSIONS.some((p) => p.group === group && p.resource === resource && p.verbs.includes(verb) && (!scope || p.scope === scope));

describe('the permission list', () => {
  it('reads every registry kind everywhere (get, list, watch), and no sandbox-only kind', () => {
    for (const k of BUILTIN_KINDS) for (const v of READ_VERBS) expect(grants(k.group, k.plural, v, 'cluster'), `${v} ${k.key}`).toBe(true);
    for (const k of SANDBOX_ONLY_KINDS) expect(PERMISSIONS.filter((p) => p.group === k.group && p.resource.split('/')[0] === k.plural)).toEqual([]);
  });

  it('holds every verb of REQUIRED_PERMISSIONS, gateway refs spelled out per gateway kind', () => {
    for (const r of REQUIRED_PERMISSIONS) {
      const targets = r.resource === REF_RESOURCE ? GATEWAY_KIND_KEYS.map((key) => BUILTIN_KINDS.find((k) => k.key === key)!) : [{ group: r.group, plural: r.resource }];
      const scope = r.scope === 'kruise-namespace' ? 'kruise-namespace' : 'cluster';
      for (const t of targets) for (const v of r.verbs) expect(grants(t.group, r.subresource ? `${t.plural}/${r.subresource}` : t.plural, v, scope), `${r.action}: ${v} ${t.plural}`).toBe(true);
    }
  });

  it('names the one Kruise ConfigMap wherever RBAC can (create cannot be limited by name)', () => {
    const kruise = PERMISSIONS.filter((p) => p.scope === 'kruise-namespace' && p.use === 'write');
    expect(kruise.map((p) => [p.verbs.join(), p.resourceNames?.join() ?? ''])).toEqual([['get,update', 'kruise-rollout-configuration'], ['create', '']]);
  });

  it('writes plugin ConfigMaps in the studio namespace only', () => {
    for (const v of ['create', 'update', 'delete']) expect(grants('', 'configmaps', v, 'studio-namespace')).toBe(true);
    expect(PERMISSIONS.filter((p) => p.resource === 'configmaps' && p.scope === 'cluster').flatMap((p) => p.verbs)).toEqual([...READ_VERBS]);
  });

  it('has the reviews, the audit Events and (proxy only) impersonation', () => {
    expect(grants('authorization.k8s.io', 'selfsubjectaccessreviews', 'create')).toBe(true);
    expect(grants('authentication.k8s.io', 'tokenreviews', 'create')).toBe(true);
    expect(grants('', 'events', 'create', 'cluster')).toBe(true);
    const impersonate = PERMISSIONS.filter((p) => p.verbs.includes('impersonate'));
    expect(impersonate.map((p) => p.resource).sort()).toEqual(['groups', 'users']);
    expect(permissionsFor('read-write').some((p) => p.verbs.includes('impersonate'))).toBe(false);
    expect(permissionsFor('proxy').filter((p) => p.verbs.includes('impersonate'))).toEqual(impersonate);
  });

  it('read-only keeps get/list/watch alone', () => {
    const verbs = new Set(permissionsFor('read-only').flatMap((p) => p.verbs));
    expect([...verbs].filter((v) => !(READ_VERBS as readonly string[]).includes(v))).toEqual([]);
  });

  it('says why for each entry and never uses a wildcard', () => {
    for (const p of PERMISSIONS) {
      expect(p.why.length, `${p.resource}`).toBeGreaterThan(10);
      expect([p.group, p.resource, ...p.verbs, ...(p.resourceNames ?? [])]).not.toContain('*');
    }
  });

  it('gateway kinds are the registry kinds with a routing script under lua/', () => {
    const withScript = BUILTIN_KINDS.filter((k) => existsSync(path.join(root, 'lua', k.group, k.kind))).map((k) => k.key);
    expect([...GATEWAY_KIND_KEYS].sort()).toEqual(withScript.sort());
    // and every script directory's kind is either such a kind or not in the registry at all
    for (const group of readdirSync(path.join(root, 'lua'))) {
      for (const kind of readdirSync(path.join(root, 'lua', group))) {
        const k = BUILTIN_KINDS.find((x) => x.group === group && x.kind === kind);
        if (k) expect(GATEWAY_KIND_KEYS as readonly string[]).toContain(k.key);
      }
    }
  });
});
