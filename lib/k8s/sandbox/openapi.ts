// Just enough OpenAPI v3 for kubectl: it downloads these documents before `create -f`/`apply` to
// learn whether the server validates fields itself (a `fieldValidation` parameter on PATCH). When
// it does, kubectl skips client-side schema validation, which would otherwise need full schemas.
// No schemas are served.
import type { KindDef } from '../kinds';
import { groupVersions } from './discovery';

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

export function openapiRoot(kinds: readonly KindDef[]) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [group, versions] of groupVersions(kinds)) {
    for (const v of versions) paths[gvPath(group, v)] = { serverRelativeURL: `/openapi/v3/${gvPath(group, v)}?hash=sandbox-${kinds.length}` };
  }
  return { paths };
}

const param = (name: string, where: 'query' | 'path') => ({ name, in: where, ...(where === 'path' ? { required: true } : {}), schema: { type: 'string', uniqueItems: true } });

export function openapiGroupVersion(kinds: readonly KindDef[], pathAfterV3: string) {
  const served = kinds.filter((k) => k.versions.some((v) => gvPath(k.group, v) === pathAfterV3));
  if (!served.length) return undefined;
  const paths: Record<string, unknown> = {};
  for (const k of served) {
    const version = k.versions.find((v) => gvPath(k.group, v) === pathAfterV3)!;
    const base = `/${pathAfterV3}${k.namespaced ? '/namespaces/{namespace}' : ''}/${k.plural}/{name}`;
    paths[base] = {
      parameters: [param('name', 'path'), ...(k.namespaced ? [param('namespace', 'path')] : [])],
      patch: {
        operationId: `patch${k.namespaced ? 'Namespaced' : ''}${k.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: k.group, version, kind: k.kind },
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((n) => param(n, 'query')),
        requestBody: { content: { 'application/merge-patch+json': { schema: { type: 'object' } } }, required: true },
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0-sandbox' }, paths, components: { schemas: {} } };
}
