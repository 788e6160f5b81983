import 'server-only';
// Is this bearer token a user of the cluster, and who? In order:
// 1. TokenReview with the studio's own credentials (needs `create tokenreviews`; gives the user name);
// 2. SelfSubjectReview with the token itself (`kubectl auth whoami`; any authenticated user may);
// 3. a SelfSubjectAccessReview with the token: proves only that the cluster accepts it, so the user
//    is named "token user".
// A 403/404 on one step (not allowed, or not served) moves to the next; a 401 with the user's own
// token is the cluster's "no".
import * as k8s from '@kubernetes/client-node';
import { callFor, clusterClient, KubeRequestError, requestOptions } from '@/lib/k8s/client';
import { runAsStudio, runWithIdentity } from '@/lib/k8s/identity';

export type TokenVerdict =
  | { ok: true; user: string; groups: string[]; via: 'tokenreview' | 'selfsubjectreview' | 'accessreview' }
  | { ok: false; rejected: true }
  | { ok: false; rejected: false; message: string };

const TIMEOUT_MS = 5_000;
const UNNAMED_USER = 'token user';

function codeOf(err: unknown): number | string | undefined {
  return err instanceof KubeRequestError ? err.error.code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof KubeRequestError ? err.error.message : (err as Error).message;
}

type Step = { verdict: TokenVerdict } | { next: true };

async function tokenReview(context: string, token: string): Promise<Step> {
  return runAsStudio(async () => {
    const client = clusterClient(context);
    const api = client.kc.makeApiClient(k8s.AuthenticationV1Api);
    try {
      const review = await callFor(client, { verb: 'create', resource: 'tokenreviews.authentication.k8s.io' }, () =>
        api.createTokenReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } } }, requestOptions(client, { timeoutMs: TIMEOUT_MS })),
      );
      const s = review.status;
      if (!s?.authenticated || !s.user?.username) return { verdict: { ok: false, rejected: true } };
      return { verdict: { ok: true, user: s.user.username, groups: s.user.groups ?? [], via: 'tokenreview' } };
    } catch (err) {
      const code = codeOf(err);
      if (code === 403 || code === 404 || code === 401) return { next: true };
      return { verdict: { ok: false, rejected: false, message: messageOf(err) } };
    }
  });
}

async function asUser<T>(token: string, fn: () => Promise<T>): Promise<T> {
  return runWithIdentity({ kind: 'token', token }, { user: UNNAMED_USER, groups: [], via: 'token' }, fn);
}

/**
 * Fail closed: a client that would send the studio's own credentials instead of this token would
 * make every token "valid". lib/k8s/client.ts builds a token-only user for a token identity.
 */
function tokenClient(context: string, token: string): ReturnType<typeof clusterClient> {
  const client = clusterClient(context);
  const user = client.kc.getCurrentUser();
  if (user?.token !== token || user.certData || user.keyData || user.certFile || user.exec || user.authProvider) {
    throw new Error('the studio cannot act with your token here (its cluster client does not carry the signed-in user\'s token), so sign-in is refused');
  }
  return client;
}

async function selfSubjectReview(context: string, token: string): Promise<Step> {
  return asUser(token, async () => {
    let client: ReturnType<typeof clusterClient>;
    try {
      client = tokenClient(context, token);
    } catch (err) {
      return { verdict: { ok: false, rejected: false, message: messageOf(err) } };
    }
    const api = client.kc.makeApiClient(k8s.AuthenticationV1Api);
    try {
      const review = await callFor(client, { verb: 'create', resource: 'selfsubjectreviews.authentication.k8s.io' }, () =>
        api.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } }, requestOptions(client, { timeoutMs: TIMEOUT_MS })),
      );
      const info = review.status?.userInfo;
      if (!info?.username) return { next: true };
      return { verdict: { ok: true, user: info.username, groups: info.groups ?? [], via: 'selfsubjectreview' } };
    } catch (err) {
      const code = codeOf(err);
      if (code === 401) return { verdict: { ok: false, rejected: true } };
      if (code === 403 || code === 404) return { next: true };
      return { verdict: { ok: false, rejected: false, message: messageOf(err) } };
    }
  });
}

async function accessReview(context: string, token: string): Promise<TokenVerdict> {
  return asUser(token, async () => {
    const api = (client: ReturnType<typeof clusterClient>) => client.kc.makeApiClient(k8s.AuthorizationV1Api);
    try {
      const client = tokenClient(context, token);
      await callFor(client, { verb: 'create', resource: 'selfsubjectaccessreviews.authorization.k8s.io' }, () =>
        api(client).createSelfSubjectAccessReview(
          { body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'get', resource: 'namespaces' } } } },
          requestOptions(client, { timeoutMs: TIMEOUT_MS }),
        ),
      );
      return { ok: true, user: UNNAMED_USER, groups: [], via: 'accessreview' };
    } catch (err) {
      if (codeOf(err) === 401) return { ok: false, rejected: true };
      return { ok: false, rejected: false, message: messageOf(err) };
    }
  });
}

export async function reviewToken(context: string, token: string): Promise<TokenVerdict> {
  for (const step of [tokenReview, selfSubjectReview]) {
    const r = await step(context, token);
    if ('verdict' in r) return r.verdict;
  }
  return accessReview(context, token);
}
