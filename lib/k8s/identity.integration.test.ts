// Who a cluster call acts as, end to end: the same studio functions, in one process, called for
// different identities against a sandbox, each getting its own RBAC answer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationV1Api } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from './sandbox';
import { useSandboxKubeconfig } from './testing/sandbox-kubeconfig';
import { kindByKey } from './kinds';
import { identityEnded } from './identity-ended';
import { cachedClientCount, clusterClient, forgetClients, KubeRequestError, listObjects, MAX_CLIENTS, patchObject } from './client';
import { NoIdentityError, runWithIdentity, wasUnauthorized, type ClusterIdentity, type Viewer } from './identity';
import { TOKEN_USER } from './identity-kubeconfig';
import { watchStream } from './watch-stream';
import { watchResponse } from './watch-response';
import { EventReader } from './testing/event-reader';

const pods = kindByKey('pods')!;
const CTX = 'sandbox';
const NO_PODS_TOKEN = 'no-pods-token';

let sb: Sandbox;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  sb = await startSandbox({
    name: CTX,
    users: [{ name: 'nopods', token: NO_PODS_TOKEN, rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: ['apps'], resources: ['*'] }] }],
    objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }],
  });
  cleanup = useSandboxKubeconfig(sb, CTX, 'kls-identity-');
});

afterAll(async () => {
  await cleanup?.();
});

afterEach(() => {
  delete process.env.STUDIO_AUTH;
});

const viewer = (user: string): Viewer => ({ user, groups: [], via: 'token' });
const as = <T>(identity: ClusterIdentity, fn: () => Promise<T>) => runWithIdentity(identity, viewer('test'), fn);
const token = (t: string): ClusterIdentity => ({ kind: 'token', token: t });

async function failure(p: Promise<unknown>): Promise<KubeRequestError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(KubeRequestError);
  return err as KubeRequestError;
}

describe('clusterClient per identity', () => {
  it('the viewer token reads but is refused a write; the admin token writes, in the same process', async () => {
    const readAsViewer = await as(token(sb.viewerToken), () => listObjects(CTX, pods, { namespace: 'shop' }));
    expect(readAsViewer.items.map((p) => p.metadata.name)).toEqual(['web-1']);

    const refused = await failure(as(token(sb.viewerToken), () => patchObject(CTX, pods, 'web-1', 'shop', { metadata: { labels: { by: 'viewer' } } })));
    expect(refused.error.code).toBe(403);
    expect(refused.message).toContain('User "sandbox-viewer" cannot patch resource "pods"');

    const written = await as(token(sb.token), () => patchObject(CTX, pods, 'web-1', 'shop', { metadata: { labels: { by: 'admin' } } }));
    expect(written.metadata.labels?.by).toBe('admin');
  });

  it('a token client holds only that token, never the kubeconfig user', async () => {
    const client = runWithIdentity(token(sb.viewerToken), viewer('v'), () => clusterClient(CTX));
    const user = client.kc.getCurrentUser()!;
    expect(user.name).toBe(TOKEN_USER);
    expect(user.token).toBe(sb.viewerToken);
    expect(client.kc.users).toHaveLength(1);
    expect(user.certData ?? user.keyData ?? user.exec ?? user.authProvider).toBeUndefined();
    expect(client.identity).not.toContain(sb.viewerToken);
    const kubeconfigClient = clusterClient(CTX);
    expect(kubeconfigClient).not.toBe(client);
    expect(kubeconfigClient.kc.getCurrentUser()?.token).toBe(sb.token);
  });

  it('a token the cluster refuses marks the request unauthorized', async () => {
    const seen = await as(token('revoked-or-forged'), async () => {
      const err = await failure(listObjects(CTX, pods, { namespace: 'shop' }));
      return { code: err.error.code, marked: wasUnauthorized() };
    });
    expect(seen).toEqual({ code: 401, marked: true });
    // A 403 is the cluster's RBAC, not an ended session.
    const forbidden = await as(token(sb.viewerToken), async () => {
      await failure(patchObject(CTX, pods, 'web-1', 'shop', { metadata: { labels: { x: 'y' } } }));
      return wasUnauthorized();
    });
    expect(forbidden).toBe(false);
  });

  it('fails closed when sign-in is on and a call has no identity', () => {
    process.env.STUDIO_AUTH = 'token';
    expect(() => clusterClient(CTX)).toThrow(NoIdentityError);
  });

  it('keeps at most MAX_CLIENTS client sets, and forgets an identity on request', () => {
    for (let i = 0; i <= MAX_CLIENTS; i++) runWithIdentity(token(`t-${i}`), viewer('u'), () => clusterClient(CTX));
    expect(cachedClientCount()).toBe(MAX_CLIENTS);
    const before = cachedClientCount();
    forgetClients(token(`t-${MAX_CLIENTS}`));
    expect(cachedClientCount()).toBe(before - 1);
  });

  it('drops an ended identity from the cache when the session store says it ended', () => {
    runWithIdentity(token('ended'), viewer('u'), () => clusterClient(CTX));
    const before = cachedClientCount();
    identityEnded(token('ended'));
    expect(cachedClientCount()).toBe(before - 1);
  });

  it("one user's watch never feeds another user's stream", async () => {
    const open = (t: string) => {
      const ac = new AbortController();
      const it = watchStream({ context: CTX, namespace: 'shop', kinds: [pods], signal: ac.signal, slowRetryMs: 60_000 });
      // A generator's body runs in the async context of whoever calls next(), as the route's stream does.
      const reader = new EventReader({ next: () => runWithIdentity(token(t), viewer('w'), () => it.next()) });
      return { reader, stop: () => ac.abort() };
    };
    const admin = open(sb.token);
    const noPods = open(NO_PODS_TOKEN);
    try {
      const snap = await admin.reader.next((e) => e.type === 'snapshot');
      expect(snap.type === 'snapshot' && snap.items.map((p) => p.metadata.name)).toEqual(['web-1']);
      const denied = await noPods.reader.next((e) => e.type === 'status' && e.state === 'forbidden');
      expect(denied.type === 'status' && denied.reason).toContain('User "nopods" cannot list resource "pods"');
    } finally {
      admin.stop();
      noPods.stop();
    }
  });

  it('the watch stream closes when the cluster refuses its token, and says so once', async () => {
    let told = 0;
    const req = new Request(`http://studio/api/watch?context=${CTX}&namespace=shop&kinds=pods`);
    const res = as(token('revoked'), async () => watchResponse(req, { slowRetryMs: 60_000, onUnauthorized: () => told++ }));
    const text = await (await res).text(); // resolves only when the stream closed
    expect(text).toContain('"state":"error"');
    expect(told).toBe(1);
  });

  it('the watch stream closes when its session ends', async () => {
    const ended = new AbortController();
    const req = new Request(`http://studio/api/watch?context=${CTX}&namespace=shop&kinds=pods`);
    const res = await as(token(sb.token), async () => watchResponse(req, { sessionEnded: ended.signal }));
    const reader = EventReader.fromResponse(res);
    await reader.next((e) => e.type === 'snapshot');
    ended.abort();
    await expect(reader.next(() => false)).rejects.toThrow(/stream ended/);
  });

  it('impersonation: the studio\'s credentials act as the proxy\'s user and groups, with their RBAC', async () => {
    const asViewer: ClusterIdentity = { kind: 'impersonate', user: 'sandbox-viewer', groups: [] };
    expect((await as(asViewer, () => listObjects(CTX, pods, { namespace: 'shop' }))).items).toHaveLength(1);
    const refused = await failure(as(asViewer, () => patchObject(CTX, pods, 'web-1', 'shop', { metadata: { labels: { by: 'proxy' } } })));
    expect(refused.message).toContain('User "sandbox-viewer" cannot patch resource "pods"');

    const admins: ClusterIdentity = { kind: 'impersonate', user: 'alice', groups: ['dev', 'system:masters'] };
    const written = await as(admins, () => patchObject(CTX, pods, 'web-1', 'shop', { metadata: { labels: { by: 'alice' } } }));
    expect(written.metadata.labels?.by).toBe('alice');
    const who = await as(admins, async () => {
      const client = clusterClient(CTX);
      const api = client.kc.makeApiClient(AuthenticationV1Api);
      return api.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    });
    expect(who.status?.userInfo).toMatchObject({ username: 'alice', groups: ['dev', 'system:masters', 'system:authenticated'] });
  });
});
