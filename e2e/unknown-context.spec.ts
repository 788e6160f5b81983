import { expect, test } from './fixtures';
import { SERVERS, UNKNOWN_CONTEXT } from './failure-env';
import { PodsPage } from './pages/pods-page';
import { ProblemsBanner } from './pages/problems-banner';
import { escapeRegExp, expectServerLog } from './server-log';

// The studio at SERVERS.unknownContext reads a valid kubeconfig (contexts e2e-alpha and e2e-beta) but
// was started with STUDIO_CONTEXT=no-such-context. lib/k8s/context.ts: no silent fallback to another
// context; nothing is selected until the user picks one.
const server = SERVERS.unknownContext;
test.use({ baseURL: server.baseURL });

const message = `Context "${UNKNOWN_CONTEXT}" (from STUDIO_CONTEXT) is not in the kubeconfig. Known contexts: e2e-alpha, e2e-beta.`;
const fix = 'Restart with STUDIO_CONTEXT=<one of: e2e-alpha, e2e-beta>, or pick a context in the header.';

test('an unknown context is named in the terminal and the header, with the known ones and how to fix it', async ({ page, shell }) => {
  await expectServerLog(server.log, `${message}\n  → ${fix}`);

  const pods = new PodsPage(page);
  await pods.goto();
  await expect(pods.heading).toBeVisible();
  const banner = new ProblemsBanner(page);
  const problem = banner.item(/^Context problem/);
  await expect(problem).toHaveCount(1);
  await expect(problem.getByRole('code').first()).toHaveText(`context “${UNKNOWN_CONTEXT}”`);
  await expect(problem).toContainText(message);
  await expect(problem).toContainText(`Fix: ${fix}`);

  // Nothing is quietly selected in its place.
  await expect(shell.contextName).toHaveText('no context');
  await expect(shell.apiServer).toHaveText('—');
  await expect(shell.connection).toHaveAccessibleName(/Connection error/);
  await expect(shell.main.getByRole('alert').filter({ hasText: 'Could not list pods' })).toContainText(new RegExp(escapeRegExp(message)));

  // The fix offered in the header works: picking a known context clears the context problem.
  await shell.switchContext('e2e-beta');
  await expect(shell.apiServer).toHaveText('https://127.0.0.1:2');
  await expect(problem).toHaveCount(0);
  // That cluster is down (nothing listens on port 2): the list says so, it does not go blank.
  await expect(shell.main.getByText(/Reconnecting to the cluster — pods shown may be out of date|Could not list pods/)).toBeVisible();
});
