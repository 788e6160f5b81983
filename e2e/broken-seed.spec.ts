import { expect, test } from './fixtures';
import { BROKEN_SEED_FILE, BROKEN_SEED_LINE, SERVERS } from './failure-env';
import { PodsPage } from './pages/pods-page';
import { ProblemsBanner } from './pages/problems-banner';
import { escapeRegExp, expectServerLog } from './server-log';

// The studio at SERVERS.brokenSeed runs the sandbox with STUDIO_SANDBOX_SEED=e2e/fixtures/broken-seed/,
// whose pods.yaml has a YAML syntax error on line 15.
const server = SERVERS.brokenSeed;
test.use({ baseURL: server.baseURL });

const where = `${BROKEN_SEED_FILE}:${BROKEN_SEED_LINE}`;

test('a broken seed file is named with its line in the terminal and the header, and the studio keeps serving', async ({ page, shell }) => {
  await expectServerLog(server.log, new RegExp(`Seed for "sandbox" not loaded: ${escapeRegExp(where)}\\b.*invalid YAML`));
  await expectServerLog(server.log, new RegExp(`→ Fix ${escapeRegExp(where)} and restart the studio`));

  const pods = new PodsPage(page);
  await pods.goto();
  await expect(pods.heading).toBeVisible();

  const banner = new ProblemsBanner(page);
  const problem = banner.item(/^Sandbox seed problem/);
  await expect(problem).toHaveCount(1);
  await expect(problem.getByRole('code').first()).toHaveText(where);
  await expect(problem).toContainText('invalid YAML');
  await expect(problem).toContainText(`Fix: Fix ${where} and restart the studio; "sandbox" runs empty until then.`);

  // The "sandbox" cluster runs, empty: a live, explicit empty list, not a blank page.
  await expect(shell.contextName).toHaveText('sandbox');
  await shell.expectConnected();
  await expect(shell.main.getByText('No pods in all namespaces')).toBeVisible();

  // The staging cluster has its own (valid) seed and is one click away.
  await shell.switchContext('sandbox-staging');
  await shell.expectConnected();
  await expect(pods.list.rows.first()).toBeVisible();
  // The seed problem stays on screen until the file is fixed and the studio restarted.
  await expect(problem).toHaveCount(1);
});
