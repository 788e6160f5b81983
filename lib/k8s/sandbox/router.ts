// Maps API paths to routes. Paths are never written by hand elsewhere (kinds.ts builds them), so
// this is the one place that understands `/api/v1/namespaces/x/pods/y/status` and friends.
import type { KindDef } from '../kinds';
import { isReviewResource, REVIEW_GROUP, REVIEW_VERSION, type ReviewResource } from './access-review';
import { AUTHN_GROUP, AUTHN_VERSION, isAuthnResource, type AuthnResource } from './authentication';
import { hasScale } from './scale-subresource';
import type { SandboxStore } from './store';

export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'resources'; group: string; version: string }
  | { type: 'resource'; kind: KindDef; version: string; namespace?: string; name?: string; subresource?: 'status' | 'log' | 'scale'; legacyWatch: boolean }
  | { type: 'openapi'; path: string }
  | { type: 'review'; resource: ReviewResource }
  | { type: 'authn'; resource: AuthnResource }
  | { type: 'notFound' };

export function parseRoute(pathname: string, store: SandboxStore): Route {
  let segs: string[];
  try {
    segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { type: 'notFound' };
  }
  if (segs.length === 1 && segs[0] === 'version') return { type: 'version' };
  if (segs.length === 1 && ['healthz', 'livez', 'readyz'].includes(segs[0])) return { type: 'health' };
  if (segs[0] === 'openapi' && segs[1] === 'v3') return { type: 'openapi', path: segs.slice(2).join('/') };
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1) return { type: 'api' };
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis') {
    if (segs.length === 1) return { type: 'apis' };
    group = segs[1];
    if (segs.length === 2) return { type: 'group', group };
    version = segs[2];
    rest = segs.slice(3);
  } else return { type: 'notFound' };
  if (!rest.length) return { type: 'resources', group, version };
  if (group === REVIEW_GROUP && version === REVIEW_VERSION && rest.length === 1 && isReviewResource(rest[0])) return { type: 'review', resource: rest[0] };
  if (group === AUTHN_GROUP && version === AUTHN_VERSION && rest.length === 1 && isAuthnResource(rest[0])) return { type: 'authn', resource: rest[0] };

  const legacyWatch = rest[0] === 'watch';
  if (legacyWatch) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && store.kindFor(group, rest[2])?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, sub, ...extra] = rest;
  const kind = plural ? store.kindFor(group, plural) : undefined;
  if (!kind || !kind.versions.includes(version) || extra.length) return { type: 'notFound' };
  if (kind.namespaced && name !== undefined && namespace === undefined) return { type: 'notFound' };
  const isPodLog = sub === 'log' && kind.group === '' && kind.plural === 'pods';
  const isScale = sub === 'scale' && hasScale(kind);
  if (sub !== undefined && !isPodLog && !isScale && (sub !== 'status' || !kind.hasStatus)) return { type: 'notFound' };
  return { type: 'resource', kind, version, namespace, name, subresource: sub as 'status' | 'log' | 'scale' | undefined, legacyWatch };
}

/** The RBAC verb a request maps to (used in Forbidden messages). */
export function verbOf(method: string, route: Extract<Route, { type: 'resource' }>, watch: boolean): string {
  if (watch) return 'watch';
  switch (method) {
    case 'GET':
    case 'HEAD':
      return route.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
