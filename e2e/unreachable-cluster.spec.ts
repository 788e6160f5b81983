import { startSandbox, type Sandbox } from '../lib/k8s/sandbox';
import { expect, test } from './fixtures';
import { FLAKY_API_PORT, FLAKY_TOKEN, SERVERS } from './failure-env';
import { PodsPage } from './pages/pods-page';
import { ProblemsBanner } from './pages/problems-banner';
import { escapeRegExp } from './server-log';

// The studio at SERVERS.unreachable reads e2e/fixtures/flaky-kubeconfig.yaml, whose only cluster is
// https://127.0.0.1:3195. Nothing listens there until this spec starts a sandbox on that port.
const server = SERVERS.unreachable;
test.use({ baseURL: server.baseURL });

// The watch backoff caps at 10 s (lib/k8s/watch-stream.ts); recovery must come within one full wait.
const RECOVERY = 25_000;
test.setTimeout(90_000);

let sandbox: Sandbox | undefined;
test.afterAll(async () => {
  await sandbox?.close();
});

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flaky' } },
  ...['flaky-api-0', 'flaky-api-1'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'flaky', creationTimestamp: new Date().toISOString() },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
    status: { phase: 'Running' },
  })),
];

function startFlaky(): Promise<Sandbox> {
  return startSandbox({ name: 'e2e-flaky', port: FLAKY_API_PORT, token: FLAKY_TOKEN, objects });
}

test('an unreachable API server shows a reconnecting state with a reason, and the page recovers by itself', async ({ page, shell }) => {
  const pods = new PodsPage(page);
  const reconnecting = shell.main.getByRole('status').filter({ hasText: 'Reconnecting to the cluster — pods shown may be out of date' });

  await pods.goto();
  await expect(pods.heading).toBeVisible();
  await expect(shell.contextName).toHaveText('e2e-flaky');
  await expect(shell.apiServer).toHaveText(`https://127.0.0.1:${FLAKY_API_PORT}`);
  // Down from the start: the indicator and the list both say so, with the reason and the next retry.
  const refused = `Cannot reach https://127.0.0.1:${FLAKY_API_PORT}: connection refused`;
  await expect(shell.connection).toHaveAccessibleName(new RegExp(`^Cluster connection: Reconnecting — ${escapeRegExp(refused)}`));
  await expect(reconnecting).toBeVisible();
  await expect(reconnecting).toContainText(refused);
  await expect(reconnecting).toContainText(/Retrying in \d+ s\./);
  await expect(pods.list.table).toHaveCount(0);
  // The header names the context and says what to check.
  const outage = new ProblemsBanner(page).item(/^Connection problem/);
  await expect(outage.getByRole('code').first()).toHaveText('context “e2e-flaky”');
  await expect(outage).toContainText(`Fix: Check that https://127.0.0.1:${FLAKY_API_PORT} is reachable from this machine`);
  await expect(outage).toContainText('the studio keeps retrying');

  sandbox = await startFlaky();

  // No reload: the stream's own retry finds the server.
  await expect(pods.list.rows).toHaveCount(2, { timeout: RECOVERY });
  await expect(pods.list.row('flaky-api-0')).toBeVisible();
  await expect(pods.list.row('flaky-api-1')).toBeVisible();
  await shell.expectConnected();
  await expect(reconnecting).toHaveCount(0);

  // The server goes away under an open watch: back to reconnecting, the last known pods still shown.
  await sandbox.pause();
  await expect(shell.connection).toHaveAccessibleName(/^Cluster connection: Reconnecting — .+/, { timeout: RECOVERY });
  await expect(reconnecting).toBeVisible();
  await expect(pods.list.rows).toHaveCount(2);

  await sandbox.resume();
  await expect(shell.connection).toHaveAccessibleName(/^Cluster connection: Connected/, { timeout: RECOVERY });
  await expect(reconnecting).toHaveCount(0);
  await expect(pods.list.rows).toHaveCount(2);
});

// The problems banner comes from /api/cluster, the indicator from the watch stream: after an outage
// both must agree again (useConnection refetches cluster info when the stream state changes).
test('the header drops its connection problem once the cluster is back', async ({ page, shell }) => {
  sandbox ??= await startFlaky();
  await sandbox.pause();
  const pods = new PodsPage(page);
  await pods.goto();
  const outage = new ProblemsBanner(page).item(/^Connection problem/);
  await expect(outage).toHaveCount(1, { timeout: RECOVERY });

  await sandbox.resume();
  await expect(shell.connection).toHaveAccessibleName(/^Cluster connection: Connected/, { timeout: RECOVERY });
  await expect(pods.list.rows).toHaveCount(2);
  // Already connected here: one backoff cap (10 s) is plenty for the header to catch up.
  await expect(outage).toHaveCount(0, { timeout: 12_000 });
});
