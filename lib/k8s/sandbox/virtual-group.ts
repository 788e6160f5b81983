// An API group the sandbox answers itself (computed, never stored) whose resources are create-only
// reviews: authorization.k8s.io and authentication.k8s.io. Their discovery documents, in one place.
export function createOnlyGroup<R extends string>(group: string, version: string, resources: Record<R, string>) {
  const groupVersion = `${group}/${version}`;
  const entry = () => {
    const v = { groupVersion, version };
    return { name: group, versions: [v], preferredVersion: v };
  };
  return {
    is: (r: string | undefined): r is R => r !== undefined && Object.hasOwn(resources, r),
    group: entry,
    groupDoc: () => ({ kind: 'APIGroup', apiVersion: 'v1', ...entry() }),
    resourceList: () => ({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion,
      resources: Object.entries(resources).map(([name, kind]) => ({ name, singularName: name.slice(0, -1), namespaced: false, kind, verbs: ['create'] })),
    }),
  };
}
