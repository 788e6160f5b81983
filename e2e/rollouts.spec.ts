// The /rollouts list and the /rollouts/<ns>/<name> detail page against the sandbox seed
// (lib/k8s/sandbox/seed/default: shop-rollouts.yaml, rollout-lab.yaml). Only seed state is assumed;
// what this spec changes in the sandbox it puts back.
import * as k8s from '@kubernetes/client-node';
import { setupKubeConfig } from './kube';
import { expect, test } from './fixtures';
import { RolloutDetailPage } from './pages/rollout-detail-page';
import { RolloutsPage } from './pages/rollouts-page';

function customObjects(): k8s.CustomObjectsApi {
  return setupKubeConfig().makeApiClient(k8s.CustomObjectsApi);
}

test.describe('the list', () => {
  test('shows every Rollout with its step progress, state, workload and routing kind', async ({ page }) => {
    const list = new RolloutsPage(page);
    await list.goto();
    await expect(list.heading).toBeVisible({ timeout: 15_000 });
    const frontend = list.row('frontend', 'shop');
    await expect(frontend).toBeVisible({ timeout: 15_000 });
    await expect(frontend.getByRole('cell', { name: 'Progressing', exact: true })).toBeVisible();
    await expect(frontend.getByRole('cell', { name: 'StepPaused', exact: true })).toBeVisible();
    await expect(frontend.getByRole('cell', { name: 'Deployment/frontend', exact: true })).toBeVisible();
    await expect(frontend.getByRole('cell', { name: 'VirtualService + DestinationRule', exact: true })).toBeVisible();
    await expect(list.stepProgress(frontend)).toHaveAccessibleName('Step 2 of 4, StepPaused');
    await expect(list.stepProgress(frontend)).toHaveAttribute('aria-valuenow', '2');
    await expect(frontend).toContainText('2/4');
    // v1alpha1 and the Contour Rollout are listed too
    await expect(list.row('catalog', 'shop')).toBeVisible();
    // the list reads v1beta1; the sandbox serves catalog's v1alpha1 body unconverted (spec.objectRef)
    await expect(list.row('catalog', 'shop').getByRole('cell', { name: 'CloneSet/catalog', exact: true })).toBeVisible();
    await expect(list.row('storefront', 'shop').getByRole('cell', { name: 'HTTPProxy', exact: true })).toBeVisible();
    await expect(list.trafficRoutings.rows.first()).toBeVisible();
  });

  test('filters by step state and text; the filters live in the URL', async ({ page }) => {
    const list = new RolloutsPage(page);
    await list.goto();
    await expect(list.row('frontend', 'shop')).toBeVisible({ timeout: 15_000 });
    const all = await list.rollouts.rows.count();
    expect(all).toBeGreaterThan(3);
    await list.filterSelect('Step state').selectOption('StepPaused');
    await expect(page).toHaveURL(/[?&]state=StepPaused(&|$)/);
    await expect(list.rollouts.rows).toHaveCount(1);
    await expect(list.row('frontend', 'shop')).toBeVisible();
    await page.reload();
    await expect(list.filterSelect('Step state')).toHaveValue('StepPaused');
    await expect(list.rollouts.rows).toHaveCount(1);
    await list.filterSelect('Step state').selectOption('');
    await expect(list.rollouts.rows).toHaveCount(all);

    await list.filterSelect('Routing').selectOption('custom');
    await list.rollouts.filter.fill('rollout-lab');
    await expect(list.rollouts.rows).toHaveCount(4);
    await expect(page).toHaveURL(/[?&]q=rollout-lab(&|$)/);
    await list.rollouts.filter.press('Escape');
    await expect(list.rollouts.rows).toHaveCount(all);
  });

  test('a row opens the detail page by click and by Enter', async ({ page }) => {
    const list = new RolloutsPage(page);
    const detail = new RolloutDetailPage(page);
    await list.goto();
    await list.row('frontend', 'shop').getByRole('cell', { name: 'StepPaused', exact: true }).click();
    await expect(page).toHaveURL(/\/rollouts\/shop\/frontend$/);
    await expect(detail.heading).toHaveText('Rollout shop/frontend');

    await page.goBack();
    const cart = list.row('cart', 'shop');
    await expect(cart).toBeVisible();
    await cart.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/rollouts\/shop\/cart$/);
    await expect(detail.heading).toHaveText('Rollout shop/cart');
  });
});

test.describe('the detail page', () => {
  test('the paused seed Rollout: step 2 is current in StepPaused, the cards show the header matches', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('shop', 'frontend');
    await expect(detail.summaryValue('Step state')).toContainText('StepPaused');
    await expect(detail.summaryValue('Current step')).toHaveText('2 of 4');
    await expect(detail.summaryValue('Canary revision')).toHaveText('7f9c8d6b4a');
    await expect(detail.summaryValue('Canary replicas ready')).toHaveText('1 of 1');
    await expect(detail.section('Summary').getByRole('table', { name: 'Conditions' }).getByRole('row', { name: /Progressing/ })).toContainText('InRolling');

    await expect(detail.stepCards).toHaveCount(4);
    await expect(detail.section('Steps').getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Step 2', exact: true }) })).toHaveAttribute('aria-current', 'step');
    await expect(detail.stepCard(2)).toContainText('Current');
    await expect(detail.stepCard(2)).toContainText('StepPaused');
    await expect(detail.stepCard(1)).toContainText('Complete');
    await expect(detail.stepCard(3)).toContainText('Pending');
    await expect(detail.matches(2)).toHaveText('header user-agent = "iPhone" AND header x-shop-beta ~ /^(yes|true)$/');
    await expect(detail.stepCard(1)).toContainText('20%');
    await expect(detail.stepCard(1)).toContainText('manual approval');
    await expect(detail.stepCard(3)).toContainText('10 min');

    // the actions sit where the contract says
    await expect(detail.section('Summary').getByRole('button', { name: 'Approve' })).toBeVisible();
    for (const n of [1, 2, 3, 4]) await expect(detail.stepCard(n).getByRole('button', { name: `Apply step ${n}` })).toBeVisible();
    await expect(detail.section('Live routing state').getByRole('button', { name: 'Restore original' })).toBeVisible();
  });

  test('the step 2 preview of its VirtualService holds the canary route with the match; live = step 2', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('shop', 'frontend');
    const vs = detail.producedObject(2, 'VirtualService/frontend');
    await expect(vs).toContainText('host: frontend-canary', { timeout: 15_000 });
    await expect(vs).toContainText('user-agent:');
    await expect(vs).toContainText('exact: iPhone');
    await expect(vs).toContainText('regex: ^(yes|true)$');
    await detail.unfold(1, 'VirtualService/frontend');
    await expect(detail.producedObject(1, 'VirtualService/frontend')).toContainText('weight: 20');
    await expect(detail.refPreview(4, 'VirtualService/frontend')).toContainText('no Lua at this step');
    await expect(detail.refPreview(2, 'DestinationRule/frontend')).toContainText('kind: DestinationRule');

    // the obj Kruise passes is there, folded
    const refPreview = detail.refPreview(2, 'VirtualService/frontend');
    await refPreview.getByText('obj Kruise passes to the script').click();
    await expect(refPreview.getByLabel('Step 2 VirtualService/frontend obj')).toContainText('"canaryWeight": -1');

    await expect(detail.liveState('VirtualService/frontend')).toContainText('live = step 2');
    await expect(detail.liveState('VirtualService/frontend')).toContainText('original-spec-configuration');
    await expect(detail.gateway('VirtualService/frontend')).toContainText("Kruise's built-in script lua_configuration/networking.istio.io/VirtualService/trafficRouting.lua");
    await expect(detail.gateway('VirtualService/frontend').getByRole('note')).toContainText('lua.traffic.routing.VirtualService.networking.istio.io exists but Kruise uses its built-in script');
  });

  test('the live state follows changes made by someone else', async ({ page }) => {
    test.slow(); // two API writes and the watch events they cause, on a machine shared by many
    const api = customObjects();
    const path = { group: 'projectcontour.io', version: 'v1', namespace: 'shop', plural: 'httpproxies', name: 'storefront' };
    const detail = new RolloutDetailPage(page);
    await detail.goto('shop', 'storefront');
    const live = detail.liveState('HTTPProxy/storefront');
    await expect(live).toContainText('live = step 3 = original', { timeout: 15_000 });
    await expect(live).toContainText('no original-spec annotation');
    const original = (await api.getNamespacedCustomObject(path)) as { metadata: { resourceVersion?: string; annotations?: Record<string, string> }; spec: object };
    try {
      // what a store of the original by someone else leaves: the annotation, the spec as it was
      const annotated = structuredClone(original);
      annotated.metadata.annotations = { ...annotated.metadata.annotations, 'rollouts.kruise.io/original-spec-configuration': JSON.stringify({ spec: original.spec }) };
      await api.replaceNamespacedCustomObject({ ...path, body: annotated });
      await expect(live).toContainText('carries rollouts.kruise.io/original-spec-configuration');
      await expect(live).toContainText('live = no step');
    } finally {
      const now = (await api.getNamespacedCustomObject(path)) as { metadata: { resourceVersion?: string } };
      await api.replaceNamespacedCustomObject({ ...path, body: { ...original, metadata: { ...original.metadata, resourceVersion: now.metadata.resourceVersion } } });
    }
    await expect(live).toContainText('live = step 3 = original');
  });

  test('Edit script: the previews re-run with the edited text', async ({ page }) => {
    test.slow(); // loads the editor and re-runs the previews three times
    const detail = new RolloutDetailPage(page);
    await detail.goto('shop', 'storefront');
    await expect(detail.gateway('HTTPProxy/storefront')).toContainText('ConfigMap kruise-rollout/kruise-rollout-configuration, key lua.traffic.routing.HTTPProxy.projectcontour.io');
    await expect(detail.producedObject(1, 'HTTPProxy/storefront')).toContainText('name: storefront-canary', { timeout: 15_000 });
    await detail.editScript('HTTPProxy/storefront').click();
    const editor = detail.editor();
    await editor.usePlainText(true);
    await expect.poll(() => editor.text()).toContain('Contour HTTPProxy');
    await expect(detail.main.getByRole('link', { name: 'Open in the playground' }).first()).toHaveAttribute('href', '/playground?mode=routing&rollout=shop%2Fstorefront&ref=HTTPProxy%2Fstorefront');
    await expect(detail.main.getByRole('button', { name: 'Save script' })).toBeVisible();

    await editor.setText('local d = obj.data\nd.spec.virtualhost.fqdn = "preview-" .. obj.canaryWeight .. ".example.com"\nreturn d\n');
    await expect(detail.producedObject(1, 'HTTPProxy/storefront')).toContainText('fqdn: preview-20.example.com');
    await detail.unfold(2, 'HTTPProxy/storefront');
    await expect(detail.producedObject(2, 'HTTPProxy/storefront')).toContainText('fqdn: preview-50.example.com');
    await expect(detail.section('Steps')).toContainText('previews use the edited script');
    // the controller's view is unchanged: the live state still compares with the ConfigMap's script
    await expect(detail.liveState('HTTPProxy/storefront')).toContainText('live = step 3 = original');

    // an error in the edited text shows with its line, in the card and in the editor's problems
    await editor.setText('local d = obj.data\nlocal x = nil\nreturn x.y\n');
    await expect(detail.refPreview(1, 'HTTPProxy/storefront').getByRole('alert')).toContainText('line 3:');
    await expect.poll(async () => (await editor.listedProblems()).some((p) => p.line === 3 && p.severity === 'error')).toBe(true);

    await detail.main.getByRole('button', { name: 'Discard edits' }).click();
    await expect(detail.producedObject(1, 'HTTPProxy/storefront')).toContainText('name: storefront-canary');
  });
});

test.describe('bad input renders with the controller’s errors', () => {
  test('a Rollout with no steps', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('rollout-lab', 'no-steps');
    await expect(detail.problems).toContainText('The number of Canary.Steps cannot be empty');
    await expect(detail.section('Steps')).toContainText('This Rollout has no steps');
    await expect(detail.stepCards).toHaveCount(0);
  });

  test('a ref to a gateway object that does not exist', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('rollout-lab', 'missing-gateway');
    await expect(detail.gateway('VirtualService/web-missing').getByRole('alert')).toContainText(
      'failed to get custom network provider VirtualService(rollout-lab/web-missing): virtualservices.networking.istio.io "web-missing" not found',
    );
    await expect(detail.liveState('VirtualService/web-missing')).toContainText('not found');
    await expect(detail.stepCards).toHaveCount(2);
  });

  test('an original-spec annotation that is not JSON', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('rollout-lab', 'bad-annotation');
    const gw = detail.gateway('VirtualService/web-bad-annotation');
    await expect(gw.getByRole('note').filter({ hasText: 'original-spec annotation' })).toContainText('is not valid JSON');
    await expect(gw.getByRole('alert', { name: 'Script errors for VirtualService/web-bad-annotation' })).toContainText('failed to execute lua for VirtualService(rollout-lab/web-bad-annotation): <string>:', { timeout: 15_000 });
    await expect(detail.refPreview(2, 'VirtualService/web-bad-annotation')).toContainText('no Lua at this step');
  });

  test('a ConfigMap key holding a script that does not parse', async ({ page }) => {
    const detail = new RolloutDetailPage(page);
    await detail.goto('rollout-lab', 'bad-script');
    const gw = detail.gateway('Service/web-edge');
    await expect(gw).toContainText('key lua.traffic.routing.Service.v1');
    const errors = gw.getByRole('alert', { name: 'Script errors for Service/web-edge' });
    await expect(errors).toContainText('line 6:', { timeout: 15_000 });
    await expect(errors).toContainText('failed to execute lua for Service(rollout-lab/web-edge): <string> line:6');
    await expect(errors).toContainText('syntax error');
  });

  test('a Rollout that does not exist', async ({ page }) => {
    await page.goto('/rollouts/shop/no-such-rollout');
    await expect(page.getByRole('main').getByText('There is no Rollout shop/no-such-rollout')).toBeVisible({ timeout: 15_000 });
  });
});
