// Discovery documents built from the kind registry. kubectl asks for aggregated discovery first
// but falls back to these legacy documents when the response Content-Type is plain JSON.
import type { KindDef } from '../kinds';
import { scaleDiscovery } from './scale-subresource';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Groups in first-seen order (core first), versions preferred-first across all kinds of a group. */
export function groupVersions(kinds: readonly KindDef[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of kinds) {
    const list = out.get(k.group) ?? [];
    for (const v of k.versions) if (!list.includes(v)) list.push(v);
    out.set(k.group, list);
  }
  return out;
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(name: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(kinds: readonly KindDef[]) {
  const groups = [...groupVersions(kinds)].filter(([g]) => g !== '').map(([g, vs]) => apiGroup(g, vs));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroupDoc(kinds: readonly KindDef[], group: string) {
  const vs = groupVersions(kinds).get(group);
  return vs ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, vs) } : undefined;
}

export function apiResourceList(kinds: readonly KindDef[], group: string, version: string) {
  const served = kinds.filter((k) => k.group === group && k.versions.includes(version));
  if (!served.length) return undefined;
  const resources = served.flatMap((k) => {
    const main: Record<string, unknown> = { name: k.plural, singularName: k.singular, namespaced: k.namespaced, kind: k.kind, verbs: VERBS };
    if (k.shortNames?.length) main.shortNames = k.shortNames;
    if (k.plural === 'pods' || k.plural === 'deployments' || k.plural === 'statefulsets' || k.plural === 'daemonsets' || k.plural === 'replicasets' || k.plural === 'jobs' || k.plural === 'cronjobs') main.categories = ['all'];
    if (k.plural === 'services' && k.group === '') main.categories = ['all'];
    const status = { name: `${k.plural}/status`, singularName: '', namespaced: k.namespaced, kind: k.kind, verbs: ['get', 'patch', 'update'] };
    return [main, ...(k.hasStatus ? [status] : []), ...scaleDiscovery(k)];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
