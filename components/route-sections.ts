/** The route segments with their own loading.tsx / error.tsx; each names `common.routeLoading.<id>` and `common.routeError.<id>`. */
export type RouteSection = 'page' | 'pods' | 'plugins' | 'rollouts' | 'rollout' | 'playground' | 'settings' | 'resources' | 'audit';
