import { test, expect } from './fixtures';
import { readFileSync } from 'node:fs';
import { PlaygroundPage } from './pages/playground-page';

// Issue 6 §4: runaway scripts are stopped with a clear message while the editor keeps taking text, and
// the next good script previews normally; inputs that cannot be used are an inline message with the
// last good preview kept, marked stale. Against the sandbox seed, through the real Monaco editor.
test.describe.configure({ timeout: 90_000 });

interface Runaway {
  name: string;
  body: string;
  /** what the preview says: the runner's hard stop (budget message) or the engine's own error */
  says: RegExp;
}

const RUNAWAYS: Runaway[] = [
  { name: 'a pcall-wrapped loop', body: 'while true do pcall(function() while true do end end) end', says: /Budget exceeded|budget exceeded/ },
  { name: 'a string.rep bomb', body: 'local s = string.rep("x", 2^30)', says: /output limit exceeded/ },
  { name: 'a string doubled by concatenation', body: 'local s = "x"\nwhile true do s = s .. s end', says: /output limit exceeded|Budget exceeded/ },
  // (routing: one run stops at the string limit; tagging runs the plugin once per pod, and the pods
  // together may reach the worker's hard stop first)
  { name: 'deep recursion', body: 'local function f(n) return f(n + 1) + 1 end\nf(1)', says: /stack overflow/ },
  { name: 'a huge table fill', body: 'local t = {}\nfor i = 1, 1e9 do t[i] = i end', says: /Budget exceeded|budget exceeded/ },
];

const plugin = (body: string) => `function GetWorkloadTypeAndName(m)\n${body}\n  return "Deployment", "x"\nend\n`;
const goodPlugin = `function GetWorkloadTypeAndName(metaJsonStr)
  local name = string.match(metaJsonStr, '"name":"([^"]+)"')
  return "Deployment", "recovered-" .. name
end
`;
const builtinScript = readFileSync('lua/networking.istio.io/VirtualService/trafficRouting.lua', 'utf8');

async function keepsTyping(pg: PlaygroundPage): Promise<void> {
  const editor = pg.editor();
  await editor.press('ControlOrMeta+End');
  // insertText, not type(): key-by-key typing would open Monaco's completion list on the words
  await pg.page.keyboard.insertText('\n-- still typing');
  await expect.poll(() => editor.text()).toContain('-- still typing');
}

test.describe('tagging', () => {
  for (const r of RUNAWAYS) {
    test(`${r.name} is stopped with a message; typing works; the next good plugin previews`, async ({ page }) => {
      const pg = new PlaygroundPage(page);
      await pg.goto('?mode=tagging&ns=shop');
      const editor = pg.editor();
      await editor.waitForMonaco();
      await expect(pg.taggingTable.getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
      await editor.setText(plugin(r.body));
      await expect(page.getByText(r.says).first()).toBeVisible({ timeout: 2_000 });
      await expect(pg.taggingTable).toBeVisible();
      await keepsTyping(pg);
      await editor.setText(goodPlugin);
      await expect(pg.taggingTable).toContainText('Deployment recovered-', { timeout: 10_000 });
      await expect(pg.budgetMessage).toHaveCount(0);
      await expect(page.getByText(r.says)).toHaveCount(0);
    });
  }

  test('a 50 MB uploaded pod list is an inline size message; the last good table stays, stale', async ({ page }, info) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging');
    await page.getByRole('radio', { name: 'Pasted or uploaded' }).check();
    const pods = page.getByRole('textbox', { name: 'Pods (JSON or YAML)' });
    await pods.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: small\n  namespace: shop\n');
    await expect(pg.taggingTable).toContainText('shop/small', { timeout: 15_000 });

    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'big', labels: { filler: 'x'.repeat(1000) } } });
    const count = Math.ceil((50 * 1024 * 1024) / pod.length);
    const big = `{"apiVersion":"v1","kind":"List","items":[${Array(count).fill(pod).join(',')}]}`;
    const file = info.outputPath('pods-50mb.json');
    await (await import('node:fs/promises')).writeFile(file, big);
    await page.getByLabel('Upload kubectl get pods -o json').setInputFiles(file);
    await expect(page.getByRole('alert').filter({ hasText: 'the playground takes at most' })).toBeVisible({ timeout: 10_000 });
    await expect(pg.taggingTable).toContainText('shop/small');
    await expect(page.getByRole('status', { name: 'Tagging run' })).toContainText('stale');
  });

  test('pasted JSON or YAML that does not parse shows the line', async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto('?mode=tagging');
    await page.getByRole('radio', { name: 'Pasted or uploaded' }).check();
    const pods = page.getByRole('textbox', { name: 'Pods (JSON or YAML)' });
    await pods.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: small\n  namespace: shop\n');
    await expect(pg.taggingTable).toContainText('shop/small', { timeout: 15_000 });

    await pods.fill('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "a" ,, }\n}\n');
    await expect(page.getByRole('alert').filter({ hasText: 'These pods cannot be read, line 4' })).toBeVisible();
    await expect(pg.taggingTable).toContainText('shop/small');
    await expect(page.getByRole('status', { name: 'Tagging run' })).toContainText('stale');

    await pods.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   namespace: [\n');
    await expect(page.getByRole('alert').filter({ hasText: /These pods cannot be read, line [45]/ })).toBeVisible();
    await expect(pg.taggingTable).toContainText('shop/small');
  });
});

test.describe('routing', () => {
  for (const r of RUNAWAYS) {
    test(`${r.name} is stopped with a message; typing works; the next good script previews`, async ({ page }) => {
      const pg = new PlaygroundPage(page);
      await pg.goto('?mode=routing&rollout=shop/frontend');
      await expect(pg.stepCards).toHaveCount(4, { timeout: 30_000 });
      const editor = pg.editor();
      await editor.waitForMonaco();
      await expect(pg.producedObject(1)).toContainText('weight: 20');
      await editor.setText(`${r.body}\nreturn obj.data\n`);
      await expect(page.getByText(r.says).first()).toBeVisible({ timeout: 2_000 });
      await expect(pg.stepCards).toHaveCount(4);
      await keepsTyping(pg);
      // the built-in script again: its step-1 weight comes back
      await editor.setText(builtinScript);
      await expect(pg.producedObject(1)).toContainText('weight: 20', { timeout: 10_000 });
      await expect(pg.budgetMessage).toHaveCount(0);
      await expect(page.getByRole('status', { name: 'Routing run' })).not.toContainText('stale');
      await expect(page.getByText(r.says)).toHaveCount(0);
    });
  }
});
