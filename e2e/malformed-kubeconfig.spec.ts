import { expect, test } from './fixtures';
import { MALFORMED_KUBECONFIG, MALFORMED_KUBECONFIG_LINE, SERVERS } from './failure-env';
import { NAV } from './pages/app-shell';
import { ProblemsBanner } from './pages/problems-banner';
import { escapeRegExp, expectServerLog } from './server-log';

// The studio at SERVERS.malformedKubeconfig has KUBECONFIG=e2e/fixtures/malformed-kubeconfig.yaml,
// whose YAML breaks on line 17, and no sandbox.
const server = SERVERS.malformedKubeconfig;
test.use({ baseURL: server.baseURL });

const where = `${MALFORMED_KUBECONFIG}:${MALFORMED_KUBECONFIG_LINE}`;

test('a malformed kubeconfig is named with its line in the terminal and the header', async ({ page, shell }) => {
  await expectServerLog(server.log, new RegExp(`${escapeRegExp(where)}: invalid YAML`));
  await expectServerLog(server.log, /→ Fix the YAML at that line/);

  await shell.goto('/pods');
  const banner = new ProblemsBanner(page);
  const problem = banner.item(/^Kubeconfig problem/);
  await expect(problem).toHaveCount(1);
  await expect(problem.getByRole('code').first()).toHaveText(where);
  await expect(problem).toContainText('invalid YAML');
  await expect(problem).toContainText('Fix: Fix the YAML at that line');
  await expect(problem).toContainText('point KUBECONFIG at another file');

  // No context can be chosen: the header and the list say so instead of spinning.
  await expect(shell.contextName).toHaveText('no context');
  await expect(shell.connection).toHaveAccessibleName(/Connection error/);
  await expect(shell.main.getByRole('alert').filter({ hasText: 'Could not list pods' })).toContainText(where);
});

test('with a malformed kubeconfig every navigation page still renders its heading', async ({ page, shell }) => {
  const banner = new ProblemsBanner(page);
  for (const item of NAV) {
    await shell.goto(item.path);
    await expect(shell.heading(item.heading)).toBeVisible();
    await expect(banner.item(/^Kubeconfig problem/)).toHaveCount(1);
    // Not the route error boundary (components/route-error.tsx) either.
    await expect(page.getByRole('heading', { name: /failed to load/ })).toHaveCount(0);
  }
});
