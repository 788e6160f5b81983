import * as k8s from '@kubernetes/client-node';
import { expect, test } from './fixtures';
import { READ_ONLY_KUBECONFIG, SERVERS } from './failure-env';
import { AuditPage } from './pages/audit-page';
import { RolloutActions } from './pages/rollout-actions';
import { RolloutDetailPage } from './pages/rollout-detail-page';
import { callAction } from './support/server-actions';

// The studio at SERVERS.readOnly runs with STUDIO_READ_ONLY=1 on a sandbox of its own: every write is
// refused on the server (a direct action call too), the UI says so, and the refusals are audited.
const server = SERVERS.readOnly;
test.use({ baseURL: server.baseURL });

const READ_ONLY = 'The studio is read-only (STUDIO_READ_ONLY=1): no change was made.';
type Result = { ok: boolean; error?: string };

function rollouts(): k8s.CustomObjectsApi {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(READ_ONLY_KUBECONFIG);
  kc.setCurrentContext('sandbox');
  return kc.makeApiClient(k8s.CustomObjectsApi);
}
const frontend = () => rollouts().getNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'frontend' }) as Promise<{ metadata: { resourceVersion: string }; status: unknown }>;

test('a write action called directly is refused and changes nothing in the cluster', async () => {
  const before = await frontend();
  const approve = await callAction<Result>(server.baseURL, 'app/rollouts/actions.ts', 'approveStep', { namespace: 'shop', name: 'frontend', resourceVersion: before.metadata.resourceVersion });
  expect(approve).toEqual({ ok: false, error: READ_ONLY, messages: [{ key: 'shell.readOnly.refused' }] });
  const after = await frontend();
  expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  expect(after.status).toEqual(before.status);

  const save = await callAction<Result>(server.baseURL, 'app/plugins/actions.ts', 'savePlugin', { name: 'read-only-probe', source: 'function GetWorkloadTypeAndName(m)\n  return "", ""\nend\n', baseVersion: null });
  expect(save).toEqual({ ok: false, error: READ_ONLY, message: { key: 'shell.readOnly.refused' } });
  const list = (await (await fetch(`${server.baseURL}/api/plugins`)).json()) as { plugins: { name: string }[] };
  expect(list.plugins.map((p) => p.name)).not.toContain('read-only-probe');
});

test('the UI says the studio is read-only: header badge, disabled Rollout actions with the reason, notices on editors', async ({ page, shell }) => {
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'frontend');
  await expect(shell.header.getByRole('status', { name: 'Studio mode' })).toHaveText('Read-only');
  const actions = new RolloutActions(page);
  await actions.expectBlocked(actions.approve, /The studio is read-only \(STUDIO_READ_ONLY=1\)/);
  await actions.expectBlocked(actions.applyStep(1), /The studio is read-only/);

  await shell.goto('/plugins/new');
  await expect(shell.main.getByRole('note', { name: 'Read-only' })).toContainText('The studio is read-only (STUDIO_READ_ONLY=1)');
});

test('the refused attempts are in the audit, with the target and the reason', async ({ page }) => {
  const before = await frontend();
  await callAction<Result>(server.baseURL, 'app/rollouts/actions.ts', 'approveStep', { namespace: 'shop', name: 'frontend', resourceVersion: before.metadata.resourceVersion });
  const audit = new AuditPage(page);
  await audit.goto();
  await audit.filter('Result').selectOption('refused');
  await audit.filter('Action').fill('rollout.approve');
  await audit.open('Rollout shop/frontend');
  await expect(audit.detailValue('Result')).toHaveText('refused');
  await expect(audit.detailValue('Error')).toHaveText(READ_ONLY);
  await expect(audit.diff).toContainText('+    currentStepState: StepReady');
});
