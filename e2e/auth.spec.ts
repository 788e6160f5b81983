import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { expect, test } from './fixtures';
import { PORT_OFFSET } from './env';
import { ROOT, SERVERS, TOKEN_AUTH_KUBECONFIG } from './failure-env';
import { RolloutActions } from './pages/rollout-actions';
import { RolloutDetailPage } from './pages/rollout-detail-page';
import { SignInPage } from './pages/sign-in-page';
import { callServerAction } from './support/server-action';

// The studio at SERVERS.tokenAuth runs with STUDIO_AUTH=token against a sandbox of its own; its
// kubeconfig holds the sandbox's admin token (user sandbox-admin) and viewer token (sandbox-viewer).
const server = SERVERS.tokenAuth;
test.use({ baseURL: server.baseURL });
test.describe.configure({ timeout: 90_000 });

function tokenOf(user: string): string {
  const kc = YAML.parse(fs.readFileSync(TOKEN_AUTH_KUBECONFIG, 'utf8')) as { users: { name: string; user: { token?: string } }[] };
  const token = kc.users.find((u) => u.name === user)?.user.token;
  if (!token) throw new Error(`no token for ${user} in ${TOKEN_AUTH_KUBECONFIG}`);
  return token;
}

function rollouts(): k8s.CustomObjectsApi {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(TOKEN_AUTH_KUBECONFIG);
  kc.setCurrentContext('sandbox');
  return kc.makeApiClient(k8s.CustomObjectsApi);
}
const FRONTEND = { group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'frontend' };

test('without a session every page goes to sign-in and /api/* answers 401', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await page.goto('/rollouts/shop/frontend');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Frollouts%2Fshop%2Ffrontend$/);
  await expect(signIn.token).toBeVisible();
  for (const url of ['/api/cluster', '/api/plugins', '/api/watch?context=sandbox&kinds=pods']) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(401);
    expect(await res.json()).toMatchObject({ signedOut: true });
  }
});

test('a wrong token is refused with a clear message', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn('not-a-token-of-this-cluster');
  await expect(signIn.error).toHaveText('The cluster did not accept this token.');
});

test('the admin token signs in, the header names the user, and sign-out ends the session for good', async ({ page, context, request }) => {
  const signIn = new SignInPage(page);
  await page.goto('/pods');
  await signIn.signInAndLand(tokenOf('sandbox-admin'), '/pods');
  await expect(signIn.signedInUser).not.toHaveText('');
  const cookie = (await context.cookies()).find((c) => c.name === 'kls_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
  expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const asThem = { headers: { cookie: `kls_session=${cookie!.value}` } };
  expect((await request.get('/api/cluster', asThem)).status()).toBe(200);

  await signIn.signOut.click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(signIn.notice).toHaveText('Signed out.');
  // the old cookie, replayed, is refused like any unknown one
  expect((await request.get('/api/cluster', asThem)).status()).toBe(401);
  await page.goto('/pods');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpods$/);
});

test('a forged session cookie is refused', async ({ page, context, request }) => {
  const forged = 'A'.repeat(43);
  expect((await request.get('/api/cluster', { headers: { cookie: `kls_session=${forged}` } })).status()).toBe(401);
  await context.addCookies([{ name: 'kls_session', value: forged, url: server.baseURL }]);
  await page.goto('/pods');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpods$/);
});

test('the viewer token sees the Rollout write buttons disabled, and a forged write is refused by the cluster', async ({ page, context }) => {
  const signIn = new SignInPage(page);
  await page.goto('/rollouts/shop/frontend');
  await signIn.signInAndLand(tokenOf('sandbox-viewer'), '/rollouts/shop/frontend');
  const detail = new RolloutDetailPage(page);
  await expect(detail.heading).toContainText('shop/frontend', { timeout: 15_000 });
  const actions = new RolloutActions(page);
  for (const b of [actions.applyStep(1), actions.restoreOriginal, actions.approve]) await actions.expectBlocked(b, /may not/);

  // The buttons are only the UI: the same session calling the write action directly gets the
  // cluster's RBAC answer, and nothing changes.
  const before = (await rollouts().getNamespacedCustomObject(FRONTEND)) as { metadata: { resourceVersion: string } };
  const forged = await callServerAction(context.request, server.baseURL, '/rollouts/shop/frontend', 'app/rollouts/actions.ts', 'approveStep', [
    { namespace: 'shop', name: 'frontend', resourceVersion: before.metadata.resourceVersion },
  ]);
  expect(forged.status).toBe(200);
  expect(forged.body).toContain('"ok":false');
  expect(forged.body).toMatch(/may not|forbidden|403/i);
  const after = (await rollouts().getNamespacedCustomObject(FRONTEND)) as { metadata: { resourceVersion: string } };
  expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
});

test('a server action without a session is refused with 401', async ({ request }) => {
  const res = await callServerAction(request, server.baseURL, '/rollouts/shop/frontend', 'app/rollouts/actions.ts', 'approveStep', [{ namespace: 'shop', name: 'frontend', resourceVersion: '1' }]);
  expect(res.status).toBe(401);
});

// Last in this file: it leaves this address rate-limited for a minute.
test('repeated failed sign-ins are slowed: 429 with Retry-After', async ({ request }) => {
  const attempt = () => request.post('/api/session', { data: { token: 'wrong-token-for-the-rate-limit' } });
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await limited.json()).error).toMatch(/^Too many failed sign-ins from your address: try again in \d+ seconds?\.$/);
});

/** Runs a command until it exits; its exit code and everything it printed. */
function runToExit(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, STUDIO_AUTH: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const SPARE_PORT = String(3600 + PORT_OFFSET);

test('started with HOST=0.0.0.0 and no STUDIO_AUTH, npm start refuses and says why', async () => {
  const r = await runToExit([path.join('scripts', 'start.mjs')], { HOST: '0.0.0.0', PORT: SPARE_PORT });
  expect(r.code).not.toBe(0);
  expect(r.output).toContain('Refusing to start: HOST=0.0.0.0 exposes the studio beyond this machine');
});

test('next start run directly on every interface without STUDIO_AUTH refuses too', async () => {
  const r = await runToExit([path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', SPARE_PORT], { HOST: '', NEXT_TELEMETRY_DISABLED: '1' });
  expect(r.code).not.toBe(0);
  expect(r.output).toContain('Refusing to start: HOST=(unset: every interface) exposes the studio');
});
