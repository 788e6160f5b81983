import { expect, test } from './fixtures';
import { coreApi, customApi } from './kube';
import { RolloutActions, SHADOW_WARNING } from './pages/rollout-actions';
import { LuaEditorPO } from './pages/lua-editor';
import { PlaygroundPage } from './pages/playground-page';
import { RolloutDetailPage } from './pages/rollout-detail-page';

// The Rollout actions against the shared sandbox. Every object a test changes is put back as it was
// (afterEach), so the other specs (rollouts.spec.ts expects frontend at step 2, StepPaused, with the
// seeded VirtualService) pass in any order.

type Obj = { apiVersion?: string; kind?: string; metadata: { name: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown; status?: Record<string, unknown>; data?: Record<string, string> };
interface Ref {
  group: string;
  version: string;
  plural: string;
  namespace: string;
  name: string;
}
const ANNOTATION = 'rollouts.kruise.io/original-spec-configuration';
const vs = (name: string): Ref => ({ group: 'networking.istio.io', version: 'v1beta1', plural: 'virtualservices', namespace: 'shop', name });
const dr = (name: string): Ref => ({ group: 'networking.istio.io', version: 'v1beta1', plural: 'destinationrules', namespace: 'shop', name });
const rollout = (name: string, version = 'v1beta1'): Ref => ({ group: 'rollouts.kruise.io', version, plural: 'rollouts', namespace: 'shop', name });
const KRUISE_CM = { namespace: 'kruise-rollout', name: 'kruise-rollout-configuration' };

const api = () => customApi('sandbox');
const read = async (r: Ref) => (await api().getNamespacedCustomObject(r)) as Obj;

/** Sorted keys, no whitespace: two objects are the same bytes once the key order is fixed. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

const restores: (() => Promise<void>)[] = [];

// Each test loads a page, runs the routing previews and round-trips the server several times on a
// shared two-core machine: more than the default 30 s, never a timed assertion.
test.describe.configure({ timeout: 90_000 });

/** Remembers an object (and, for a Rollout, its status) to put it back after the test. */
async function keep(r: Ref, opts: { status?: boolean } = {}): Promise<Obj> {
  const snap = await read(r);
  restores.push(async () => {
    const now = await read(r);
    const body = { ...snap, metadata: { ...snap.metadata, resourceVersion: now.metadata.resourceVersion } };
    const put = (await api().replaceNamespacedCustomObject({ ...r, body })) as Obj;
    if (opts.status) await api().replaceNamespacedCustomObjectStatus({ ...r, body: { ...body, metadata: { ...body.metadata, resourceVersion: put.metadata.resourceVersion } } });
  });
  return snap;
}

async function keepKruiseConfigMap() {
  const snap = await coreApi().readNamespacedConfigMap(KRUISE_CM);
  restores.push(async () => {
    const now = await coreApi().readNamespacedConfigMap(KRUISE_CM);
    await coreApi().replaceNamespacedConfigMap({ ...KRUISE_CM, body: { ...snap, metadata: { ...snap.metadata, resourceVersion: now.metadata?.resourceVersion } } });
  });
  return snap;
}

test.afterEach(async () => {
  while (restores.length) await restores.pop()!();
});

test('Apply step 1 on the progressing shop/frontend needs the override; Restore original puts the stored original back', async ({ page }) => {
  const before = await keep(vs('frontend'));
  await keep(dr('frontend'));
  const original = JSON.parse(before.metadata.annotations![ANNOTATION]) as { spec: unknown; labels?: unknown; annotations?: unknown };
  const actions = new RolloutActions(page);
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'frontend');
  await expect(detail.liveState('VirtualService/frontend')).toContainText('live = step 2');

  const apply = actions.applyDialog(1, 'shop/frontend');
  await actions.open(actions.applyStep(1), apply);
  await apply.expectPlanned('VirtualService/frontend');
  await expect(apply.root.getByText(/Rollout shop\/frontend is Progressing/)).toBeVisible();
  await expect(apply.confirm).toBeDisabled();
  await apply.override.check();
  await apply.confirm.click();
  await expect(apply.root).toBeHidden();
  await expect(actions.result).toContainText('Applied step 1 to shop/frontend');
  await expect(actions.applyStep(1)).toBeFocused();

  const applied = await read(vs('frontend'));
  // the annotation was there already: kept as it was (Kruise stores the original once)
  expect(applied.metadata.annotations?.[ANNOTATION]).toBe(before.metadata.annotations![ANNOTATION]);
  // step 1 of frontend is traffic 20%: the stable route split with the canary Service
  expect((applied.spec as { http: unknown[] }).http).toEqual([
    { route: [{ destination: { host: 'frontend', subset: 'stable' }, weight: 80 }, { destination: { host: 'frontend-canary' }, weight: 20 }] },
  ]);
  await expect(detail.liveState('VirtualService/frontend')).toContainText(/live = step 1(?!\d)/);

  const restore = actions.restoreDialog('shop/frontend');
  await actions.open(actions.restoreOriginal, restore);
  await restore.expectPlanned('VirtualService/frontend');
  await restore.override.check();
  await restore.confirm.click();
  await expect(restore.root).toBeHidden();
  await expect(actions.result).toContainText('Restored the original for shop/frontend');

  const restored = await read(vs('frontend'));
  expect(canonical(restored.spec)).toBe(canonical(original.spec));
  expect(restored.metadata.labels ?? {}).toEqual(original.labels ?? {});
  expect(restored.metadata.annotations ?? {}).toEqual(original.annotations ?? {});
  expect(restored.metadata.annotations?.[ANNOTATION]).toBeUndefined();
  await expect(detail.liveState('VirtualService/frontend')).toContainText(/live = (.* = )?original/);
});

test('on the healthy shop/cart no override is asked; the original is stored, then restored byte for byte', async ({ page }) => {
  const before = await keep(vs('cart'));
  expect(before.metadata.annotations?.[ANNOTATION]).toBeUndefined();
  const actions = new RolloutActions(page);
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'cart');

  const apply = actions.applyDialog(1, 'shop/cart');
  await actions.open(actions.applyStep(1), apply);
  await apply.expectPlanned('VirtualService/cart');
  await expect(apply.root.getByText('stores the original spec in the annotation')).toBeVisible();
  await expect(apply.override).toHaveCount(0);
  await apply.confirm.click();
  await expect(apply.root).toBeHidden();
  await expect(actions.result).toContainText('Applied step 1 to shop/cart: wrote VirtualService/cart.');

  const applied = await read(vs('cart'));
  const stored = JSON.parse(applied.metadata.annotations![ANNOTATION]) as { spec: unknown };
  expect(canonical(stored.spec)).toBe(canonical(before.spec));
  // step 1 of cart is a match step: a canary rule for ?canary=true under /api/v2 goes first
  const [first, ...rest] = (applied.spec as { http: unknown[] }).http;
  expect(first).toEqual({ match: [{ queryParams: { canary: { exact: 'true' } }, uri: { prefix: '/api/v2' } }], route: [{ destination: { host: 'cart-canary' } }] });
  expect(canonical(rest)).toBe(canonical((before.spec as { http: unknown[] }).http));
  await expect(detail.liveState('VirtualService/cart')).toContainText(/live = step 1(?!\d)/);

  const restore = actions.restoreDialog('shop/cart');
  await actions.open(actions.restoreOriginal, restore);
  await restore.expectPlanned('VirtualService/cart');
  await restore.confirm.click();
  await expect(restore.root).toBeHidden();

  const restored = await read(vs('cart'));
  expect(canonical(restored.spec)).toBe(canonical(before.spec));
  expect(restored.metadata.labels).toEqual(before.metadata.labels);
  expect(restored.metadata.annotations ?? {}).toEqual(before.metadata.annotations ?? {});
});

test('a stale apply (the object changed after the diff) is refused, nothing is written, and a new diff can be reviewed', async ({ page }) => {
  await keep(vs('cart'));
  const actions = new RolloutActions(page);
  await new RolloutDetailPage(page).goto('shop', 'cart');
  const apply = actions.applyDialog(1, 'shop/cart');
  await actions.open(actions.applyStep(1), apply);
  await apply.expectPlanned('VirtualService/cart');

  // someone else changes the object meanwhile
  const now = await read(vs('cart'));
  const touched = (await api().replaceNamespacedCustomObject({ ...vs('cart'), body: { ...now, metadata: { ...now.metadata, labels: { ...now.metadata.labels, 'e2e.example.com/touched': 'yes' } } } })) as Obj;

  await apply.confirm.click();
  await expect(apply.alerts.filter({ hasText: /changed since you opened it/ })).toBeVisible();
  await expect(apply.root).toBeVisible();
  await expect(apply.confirm).toBeDisabled();
  const after = await read(vs('cart'));
  expect(after.metadata.resourceVersion).toBe(touched.metadata.resourceVersion);
  expect(after.metadata.annotations?.[ANNOTATION]).toBeUndefined();

  await apply.reviewNewDiff.click();
  await expect(apply.alerts.filter({ hasText: /changed since you opened it/ })).toHaveCount(0);
  await expect(apply.confirm).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(apply.root).toBeHidden();
  await expect(actions.applyStep(1)).toBeFocused();
});

test('Approve moves the paused shop/frontend to StepReady', async ({ page }) => {
  await keep(rollout('frontend'), { status: true });
  const actions = new RolloutActions(page);
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'frontend');
  await expect(detail.summaryValue('Step state')).toContainText('StepPaused');
  const approve = actions.approveDialog('shop/frontend');
  await actions.open(actions.approve, approve);
  await expect(approve.root.getByText('StepPaused')).toBeVisible({ timeout: 15_000 });
  await approve.confirm.click();
  await expect(approve.root).toBeHidden();
  await expect(actions.result).toContainText('StepReady');
  const r = await read(rollout('frontend'));
  const status = r.status as { currentStepState?: string; canaryStatus?: { currentStepState?: string } };
  expect(status.canaryStatus?.currentStepState ?? status.currentStepState).toBe('StepReady');
  await expect(detail.summaryValue('Step state')).toContainText('StepReady');
  // not paused any more: Approve says why it cannot be used
  await actions.expectBlocked(actions.approve, /not paused/);
});

test('in the read-only context every action button is disabled with the reason', async ({ page, shell }) => {
  const actions = new RolloutActions(page);
  await new RolloutDetailPage(page).goto('shop', 'frontend');
  await expect(actions.applyStep(1)).not.toHaveAttribute('aria-disabled', 'true', { timeout: 15_000 });
  await shell.switchContext('sandbox-readonly');
  try {
    for (const b of [actions.applyStep(1), actions.restoreOriginal, actions.approve]) await actions.expectBlocked(b, /may not/);
    // a click on a blocked button opens nothing (force: Playwright itself waits for aria-disabled to go)
    await actions.applyStep(1).click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
  } finally {
    await shell.switchContext('sandbox');
  }
});

const MARKER_SCRIPT = [
  '-- e2e: marks what it produces, to see that the preview runs the saved key',
  'local data = obj.data',
  'data.annotations = data.annotations or {}',
  'data.annotations["e2e.example.com/saved-script"] = "yes"',
  'return data',
].join('\n');

test('Save script for HTTPProxy (no built-in) writes the ConfigMap key and the preview uses it', async ({ page }) => {
  await keepKruiseConfigMap();
  const pg = new PlaygroundPage(page);
  await pg.goto('?mode=routing&rollout=shop/storefront');
  const editor = new LuaEditorPO(page, 'Lua source');
  await editor.waitForMonaco();
  await expect.poll(() => editor.text()).toContain('obj.data');
  await editor.setText(MARKER_SCRIPT);
  const actions = new RolloutActions(page);
  const save = actions.saveDialog('HTTPProxy.projectcontour.io');
  await actions.open(actions.saveScript, save);
  await save.expectPlanned('lua.traffic.routing.HTTPProxy.projectcontour.io');
  await expect(save.root.getByText(SHADOW_WARNING, { exact: false })).toHaveCount(0);
  await save.confirm.click();
  await expect(save.root).toBeHidden();
  await expect(actions.result).toContainText('Saved lua.traffic.routing.HTTPProxy.projectcontour.io');

  const cm = await coreApi().readNamespacedConfigMap(KRUISE_CM);
  expect(cm.data?.['lua.traffic.routing.HTTPProxy.projectcontour.io']?.trim()).toBe(MARKER_SCRIPT);
  // the other keys stay
  expect(cm.data?.['lua.traffic.routing.VirtualService.networking.istio.io']).toBeTruthy();

  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'storefront');
  await expect(detail.gateway('HTTPProxy/storefront')).toContainText('lua.traffic.routing.HTTPProxy.projectcontour.io');
  await expect(detail.producedObject(1, 'HTTPProxy/storefront')).toContainText('e2e.example.com/saved-script', { timeout: 20_000 });
});

test('Save script for VirtualService.networking.istio.io warns that the built-in wins', async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto('?mode=routing&rollout=shop/frontend');
  const actions = new RolloutActions(page);
  const save = actions.saveDialog('VirtualService.networking.istio.io');
  await actions.open(actions.saveScript, save);
  await save.expectPlanned('lua.traffic.routing.VirtualService.networking.istio.io');
  await expect(save.root.getByText(SHADOW_WARNING, { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(save.root).toBeHidden();
  await expect(actions.saveScript).toBeFocused();
});
