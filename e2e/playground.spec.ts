import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/playground-page';

// The playground against the sandbox seed (lib/k8s/sandbox/seed/default), through the real Monaco editor.
// Monaco and the Lua worker load in every fresh browser context: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const VS_TESTDATA = 'lua/networking.istio.io/VirtualService/testdata/upstream_rollout_with_three_steps.yaml';

const namingPlugin = (prefix: string) => `function GetWorkloadTypeAndName(metaJsonStr)
  local name = string.match(metaJsonStr, '"name":"([^"]+)"')
  return "Deployment", "${prefix}-" .. name
end
`;

/** Requests the page makes while `action` runs and `until` becomes true. */
async function requestsDuring(page: import('@playwright/test').Page, action: () => Promise<void>, until: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (r: import('@playwright/test').Request) => seen.push(`${r.method()} ${r.url()}`);
  page.on('request', record);
  try {
    await action();
    await until();
  } finally {
    page.off('request', record);
  }
  return seen;
}

test.describe('tagging', () => {
  test('typing a plugin changes the table without a click, in the browser only', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging&ns=shop');
    const editor = pg.editor();
    await editor.waitForMonaco();
    await expect(pg.taggingTable.getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
    await editor.setText(namingPlugin('first'));
    await expect(pg.taggingTable).toContainText('Deployment first-', { timeout: 10_000 });

    const during = await requestsDuring(
      page,
      () => editor.setText(namingPlugin('second')),
      () => expect(pg.taggingTable).toContainText('Deployment second-', { timeout: 10_000 }),
    );
    expect(during, 'requests between the keystroke and the updated preview').toEqual([]);
    await expect(pg.taggingTable).not.toContainText('Deployment first-');
    await expect(pg.taggingSummary).toContainText(/\d+ matched/);
  });

  test('a syntax error puts a marker on its line; goto is DeepFlow Lua but not Kruise Lua', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging');
    const editor = pg.editor();
    await editor.waitForMonaco();
    await editor.setText('function GetWorkloadTypeAndName(m)\n  local x = = 1\n  return "", ""\nend\n');
    await expect.poll(() => editor.markers(), { timeout: 10_000 }).toContainEqual({ severity: 'error', line: 2 });

    const withGoto = 'function GetWorkloadTypeAndName(m)\n  for i = 1, 3 do\n    if i == 2 then goto continue end\n    ::continue::\n  end\n  return "", ""\nend\n';
    await editor.setText(withGoto);
    await expect.poll(async () => (await editor.markers()).filter((m) => m.severity === 'error'), { timeout: 10_000 }).toEqual([]);

    await pg.tab('Routing').click();
    await expect(page).toHaveURL(/mode=routing/);
    const script = pg.editor();
    await script.waitForMonaco();
    await script.setText('for i = 1, 3 do\n  if i == 2 then goto continue end\n  ::continue::\nend\nreturn obj.data\n');
    await expect.poll(async () => (await script.markers()).some((m) => m.severity === 'error'), { timeout: 10_000 }).toBe(true);
  });

  test('a runtime error of the second plugin is a marker on the second editor, not the first', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging&ns=shop');
    const first = pg.editor();
    await first.waitForMonaco();
    await expect(pg.taggingTable.getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
    await first.setText('function GetWorkloadTypeAndName(m)\n  return "", ""\nend\n');
    await pg.addPlugin();
    const second = pg.editor('Lua source (plugin 2)');
    await second.waitForMonaco();
    await second.setText('function GetWorkloadTypeAndName(m)\n  local x\n  return x.y, ""\nend\n');
    await expect(pg.taggingTable).toContainText('lua script execution error', { timeout: 10_000 });
    await expect.poll(() => second.markers(), { timeout: 10_000 }).toContainEqual({ severity: 'error', line: 3 });
    expect((await first.markers()).filter((m) => m.severity === 'error')).toEqual([]);
  });

  test('while true do end shows the budget message within 2 s, and typing keeps working', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging&ns=shop');
    const editor = pg.editor();
    await editor.waitForMonaco();
    await expect(pg.taggingTable.getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
    await editor.setText('function GetWorkloadTypeAndName(m)\n  while true do end\nend\n');
    await expect(pg.budgetMessage).toBeVisible({ timeout: 2_000 });
    // the last good table stays, marked stale
    await expect(pg.taggingTable).toBeVisible();
    await expect(page.getByRole('status', { name: 'Tagging run' })).toContainText('stale');
    // the page never froze: typing goes on and the editor shows it
    await editor.press('ControlOrMeta+End');
    // insertText, not type(): key-by-key typing would open Monaco's completion list on the words
    await page.keyboard.insertText('\n-- still typing');
    await expect.poll(() => editor.text()).toContain('-- still typing');
  });
});

test.describe('routing', () => {
  test('a deep link shows the built-in VirtualService script’s object for every step', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=routing&rollout=shop/frontend');
    await expect(pg.tab('Routing')).toHaveAttribute('aria-selected', 'true');
    await expect(pg.stepCards).toHaveCount(4, { timeout: 15_000 });
    for (const n of [1, 2, 3, 4]) {
      await expect(pg.producedObject(n)).toContainText('kind: VirtualService');
      await expect(pg.producedObject(n)).toContainText('name: frontend');
    }
    await expect(pg.producedObject(1)).toContainText('weight: 20');
    await expect(pg.producedObject(2)).toContainText('exact: iPhone');
    await expect(pg.producedObject(3)).toContainText('weight: 50');
    await expect(page.getByText("Script: Kruise's built-in networking.istio.io/VirtualService")).toBeVisible();
    const editor = pg.editor();
    await editor.waitForMonaco();
    await expect.poll(() => editor.text()).toContain('Istio VirtualService');
  });

  test('an imported Kruise testdata file passes every step; an edited expected fails with its diff', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=routing');
    await pg.importTestdata(VS_TESTDATA);
    await expect(pg.testSummary).toHaveText('3 passed, 0 failed', { timeout: 15_000 });
    for (const n of [1, 2, 3]) await expect(pg.stepCard(n)).toContainText('pass');

    const text = await pg.testdataText.inputValue();
    const at = text.lastIndexOf('weight: 50');
    const during = await requestsDuring(
      page,
      () => pg.testdataText.fill(text.slice(0, at) + 'weight: 51' + text.slice(at + 'weight: 50'.length)),
      () => expect(pg.testSummary).toHaveText('2 passed, 1 failed', { timeout: 10_000 }),
    );
    expect(during, 'requests between the edit and the updated preview').toEqual([]);
    await expect(pg.stepCard(3)).toContainText('fail');
    await expect(pg.expectedVsActual(3)).toContainText('removed: weight: 51');
    await expect(pg.expectedVsActual(3)).toContainText('added: weight: 50');
  });

  test('a testdata file without expected is an inline message; the last good preview stays, stale', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=routing');
    await pg.importTestdata(VS_TESTDATA);
    await expect(pg.testSummary).toHaveText('3 passed, 0 failed', { timeout: 15_000 });
    const text = await pg.testdataText.inputValue();
    await pg.testdataText.fill(text.slice(0, text.indexOf('\nexpected:')));
    await expect(page.getByRole('alert').filter({ hasText: 'no expected list' })).toBeVisible();
    await expect(pg.stepCards).toHaveCount(3);
    await expect(page.getByRole('status', { name: 'Routing run' })).toContainText('stale');
  });
});

test.describe('keeping the work', () => {
  test('reload keeps the text; the share link reproduces it in a new page', async ({ page, browser }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging');
    const editor = pg.editor();
    await editor.waitForMonaco();
    await editor.setText(namingPlugin('kept'));
    await expect.poll(() => editor.text()).toContain('"kept-"');
    await page.reload();
    await editor.waitForMonaco();
    await expect.poll(() => editor.text()).toContain('"kept-"');
    await expect(pg.tab('Tagging')).toHaveAttribute('aria-selected', 'true');

    const url = await pg.share();
    const other = await browser.newContext();
    try {
      const fresh = new PlaygroundPage(await other.newPage());
      await fresh.page.goto(url);
      await expect(fresh.tab('Tagging')).toBeVisible({ timeout: 30_000 });
      const shared = fresh.editor();
      await shared.waitForMonaco();
      await expect.poll(() => shared.text()).toContain('"kept-"');
      await expect(fresh.tab('Tagging')).toHaveAttribute('aria-selected', 'true');
    } finally {
      await other.close();
    }
  });

  test('a damaged share link says so and opens the stored work', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await page.goto('/playground?mode=cluster#s=1.not*base64');
    await expect(page.getByRole('alert').filter({ hasText: 'share link is damaged' })).toBeVisible({ timeout: 30_000 });
    await expect(pg.tab('Cluster script')).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('cluster scripts', () => {
  const prelude = 'local api = require "kube.api"\nlocal config = require "kube.config"\nlocal client = api.Client:new(config.from_kube_config())\n';

  test('list returns the sandbox pods of the namespace, logs the seeded lines, delete is read-only', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=cluster');
    const editor = pg.editor();
    await editor.waitForMonaco();

    await editor.setText(`${prelude}local pods = client:corev1():pods("shop"):list()\nlocal names = {}\nfor _, p in ipairs(pods.items or pods) do names[#names + 1] = p.metadata.name end\nreturn names\n`);
    await pg.run();
    const json = await pg.showJson();
    await expect(json).toContainText('frontend-', { timeout: 15_000 });
    await expect(json).not.toContainText('"ledger-');

    await editor.setText(`${prelude}local pods = client:corev1():pods("shop")\nlocal first = (pods:list().items or pods:list())[1]\nreturn pods:logs(first.metadata.name, { tailLines = 2 })\n`);
    await pg.run();
    await expect(await pg.showJson()).toContainText(/\S/, { timeout: 15_000 });

    await editor.setText(`${prelude}return client:corev1():pods("shop"):delete("anything")\n`);
    await pg.run();
    await expect(pg.clusterResult.getByRole('alert')).toContainText('read-only in the studio', { timeout: 15_000 });
  });
});
