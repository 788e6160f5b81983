import 'server-only';
// The KubeConfig a cluster call uses for one (context, identity). client-node asks the KubeConfig
// to authenticate every request (API clients and watches alike), so the identity lives here and no
// caller can forget it:
//   kubeconfig  → the context's own cluster and user, as kubectl would;
//   token       → the context's cluster (server, CA, TLS name, proxy) and a user holding ONLY the
//                 signed-in user's token: never the kubeconfig user's certificates or exec plugin;
//   impersonate → the kubeconfig's credentials plus Impersonate-User / Impersonate-Group.
// Every request also watches its answer: a 401 marks the ambient identity unauthorized, so lib/auth
// ends a session whose token the cluster no longer accepts.
import { AsyncResource } from 'node:async_hooks';
import * as k8s from '@kubernetes/client-node';
import { markUnauthorized, type ClusterIdentity } from './identity';
import { withImpersonation, type DispatchHeaders, type Impersonation } from './identity-headers';

type Dispatcher = NonNullable<ReturnType<k8s.RequestContext['getDispatcher']>>;
type Interceptor = Parameters<Dispatcher['compose']>[0] extends infer I ? (I extends readonly unknown[] ? I[number] : I) : never;

/** The kubeconfig user name a signed-in token is filed under (never written to disk). */
export const TOKEN_USER = 'kube-lua-studio-token-user';

class IdentityKubeConfig extends k8s.KubeConfig {
  constructor(private readonly as: Impersonation | null) {
    super();
  }

  override createDispatcherOptions(...args: Parameters<k8s.KubeConfig['createDispatcherOptions']>): ReturnType<k8s.KubeConfig['createDispatcherOptions']> {
    const o = super.createDispatcherOptions(...args);
    // Without any TLS option client-node falls back to the global dispatcher, which the
    // interceptor below must not wrap (it serves every other fetch of the process).
    return o.type === 'none' ? { type: 'agent', connect: { keepAlive: true, keepAliveInitialDelay: 30_000 } } : o;
  }

  override async applySecurityAuthentication(ctx: k8s.RequestContext): Promise<void> {
    await super.applySecurityAuthentication(ctx);
    const d = ctx.getDispatcher();
    if (d) ctx.setDispatcher(d.compose(this.intercept) as unknown as Dispatcher);
  }

  private readonly intercept: Interceptor = (dispatch) => (opts, handler) => {
    // Bound now, while the request's identity scope is the current async context.
    const onUnauthorized = AsyncResource.bind(markUnauthorized);
    const headers = this.as ? withImpersonation(opts.headers as DispatchHeaders, this.as) : opts.headers;
    return dispatch({ ...opts, headers }, watchStatus(handler, onUnauthorized));
  };
}

function watchStatus<H extends object>(handler: H, onUnauthorized: () => void): H {
  return new Proxy(handler, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'onResponseStart') {
        return (controller: unknown, status: number, ...rest: unknown[]) => {
          if (status === 401) onUnauthorized();
          return (value as (...a: unknown[]) => unknown).call(target, controller, status, ...rest);
        };
      }
      if (prop === 'onHeaders') {
        return (status: number, ...rest: unknown[]) => {
          if (status === 401) onUnauthorized();
          return (value as (...a: unknown[]) => unknown).call(target, status, ...rest);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** A KubeConfig for `context` of `kc` that acts as `identity`; null when the context is unknown. */
export function identityKubeConfig(kc: k8s.KubeConfig, context: string, identity: ClusterIdentity): k8s.KubeConfig | null {
  const ctx = kc.getContextObject(context);
  if (!ctx) return null;
  const scoped = new IdentityKubeConfig(identity.kind === 'impersonate' ? { user: identity.user, groups: identity.groups } : null);
  if (identity.kind !== 'token') {
    scoped.loadFromOptions({ clusters: kc.clusters, users: kc.users, contexts: kc.contexts, currentContext: context });
    return scoped;
  }
  const cluster = kc.getCluster(ctx.cluster);
  scoped.loadFromOptions({
    clusters: cluster ? [cluster] : [],
    users: [{ name: TOKEN_USER, token: identity.token }],
    contexts: [{ name: context, cluster: ctx.cluster, user: TOKEN_USER, ...(ctx.namespace ? { namespace: ctx.namespace } : {}) }],
    currentContext: context,
  });
  return scoped;
}
