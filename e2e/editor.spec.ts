import { expect, test } from './fixtures';
import { PodsPage } from './pages/pods-page';
import { ScriptCheckPage } from './pages/script-check-page';

const GOTO = 'for i = 1, 2 do\n  goto continue\n  ::continue::\nend\n';

test.describe('Lua editor', () => {
  test('a syntax error puts an error marker on its line', async ({ page }) => {
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText('local a = 1\nlocal b = 2\nlocal c = = 3\nreturn obj.data\n');
    await expect.poll(() => p.editor.markers()).toContainEqual({ severity: 'error', line: 3 });
    await expect.poll(async () => (await p.editor.listedProblems()).filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([3]);
  });

  test('goto is accepted for DeepFlow and marked for Kruise', async ({ page }) => {
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText(`${GOTO}return obj.data\n`);
    await expect.poll(() => p.editor.markers()).toContainEqual({ severity: 'error', line: 2 });

    await p.selectTarget('deepflow');
    await p.editor.setText(`function GetWorkloadTypeAndName(s)\n${GOTO}  return "", ""\nend\n`);
    await expect.poll(async () => (await p.editor.markers()).filter((m) => m.severity === 'error')).toEqual([]);
    await expect(p.editor.root.getByText('No problems.')).toBeVisible();
  });

  test('Ctrl+Enter runs and Ctrl+S saves', async ({ page }) => {
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText('local x = = 1\nreturn obj.data\n');
    await p.editor.press('ControlOrMeta+Enter');
    await expect(p.status).toHaveText(/^Checked: 1 error/);
    await p.editor.press('ControlOrMeta+S');
    await expect(p.status).toHaveText('Saved in this browser.');
  });

  test('the plain text switch swaps Monaco for a textarea of the same name, and is remembered', async ({ page }) => {
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.usePlainText(true);
    await expect.poll(() => p.editor.isMonaco()).toBe(false);
    await p.editor.setText('local a = 1\nlocal b = = 2\nreturn obj.data');
    await expect.poll(() => p.editor.markers()).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
    await p.editor.press('ControlOrMeta+Enter');
    await expect(p.status).toHaveText(/^Checked: 1 error/);

    // Jumping from the problems list puts the caret on that line.
    await p.editor.jumpToProblem(/expected/);
    const caretLine = await p.editor.textbox.evaluate((el) => (el as HTMLTextAreaElement).value.slice(0, (el as HTMLTextAreaElement).selectionStart).split('\n').length);
    expect(caretLine).toBe(2);

    await page.reload();
    await expect(p.editor.plainSwitch).toBeChecked();
    await expect.poll(() => p.editor.isMonaco()).toBe(false);
    await p.editor.usePlainText(false);
    await p.editor.waitForMonaco();
  });

  test('completions list the obj fields in the Kruise dialect', async ({ page }) => {
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText('');
    await p.editor.type('local w = obj.');
    const labels = await p.editor.completions();
    expect(labels).toEqual(expect.arrayContaining(['data', 'canaryWeight', 'stableWeight', 'matches', 'canaryService', 'stableService']));
  });

  test('typing through the completion list keeps every keystroke', async ({ page }) => {
    // Key-by-key typing on a shared 2-core machine is slow; this is a budget, not a timing assertion.
    test.slow();
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText('');
    await p.editor.type('local w = obj.canaryWeight + obj.stableWeight');
    await page.keyboard.press('Escape');
    await expect.poll(() => p.editor.text()).toBe('local w = obj.canaryWeight + obj.stableWeight');
  });

  test('what is typed while Monaco loads is kept', async ({ page }) => {
    // Hold every script the page did not list in its HTML (Monaco's chunks) until the text is typed.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const initial = new Set<string>();
    await page.route('**/playground/editor', async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      for (const m of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css)[^"]*)"/g)) initial.add(new URL(m[1], route.request().url()).pathname);
      await route.fulfill({ response, body: html });
    });
    await page.route('**/_next/static/**', async (route) => {
      if (!initial.has(new URL(route.request().url()).pathname)) await released;
      await route.continue();
    });
    const p = new ScriptCheckPage(page);
    await p.goto();
    await expect(p.editor.root.getByText('Loading the code editor…')).toBeVisible();
    expect(await p.editor.isMonaco()).toBe(false);
    await p.editor.setText('local early = 1\nreturn obj.data\n');
    release();
    await p.editor.waitForMonaco();
    await expect.poll(() => p.editor.text()).toBe('local early = 1\nreturn obj.data\n');
    await expect(p.editor.root.getByText('Loading the code editor…')).toHaveCount(0);
  });

  test('hover shows the catalogue docs; the editor worker comes from the app', async ({ page }) => {
    const workers: string[] = [];
    const complaints: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    page.on('console', (m) => {
      if (/web worker|Content Security Policy|MonacoEnvironment/i.test(m.text())) complaints.push(m.text());
    });
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    await p.editor.setText('local w = obj.canaryWeight\nreturn obj.data\n');
    await expect(await p.editor.hover('canaryWeight')).toContainText('-1 when the step has no');
    // Monaco asks for its editor worker once a model has text: it must start (CSP 'self'), from this origin.
    await expect.poll(() => workers.length).toBeGreaterThan(0);
    expect(workers.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);
    expect(complaints).toEqual([]);
  });

  test('list pages do not download Monaco', async ({ page, requests }) => {
    // Needle: a command id that only Monaco's core contains.
    const NEEDLE = 'editor.action.triggerSuggest';
    const scripts = async () => {
      const urls = [...new Set(requests.filter((u) => /\.js(\?|$)/.test(u)))];
      const bodies = await Promise.all(urls.map(async (u) => (await page.request.get(u)).text()));
      return bodies.filter((b) => b.includes(NEEDLE)).length;
    };
    const pods = new PodsPage(page);
    await pods.goto();
    await expect(pods.heading).toBeVisible({ timeout: 15_000 });
    // The page is done when every pod has its verdict (the live stream never lets the network go idle).
    await pods.expectAllEvaluated();
    await page.waitForLoadState('load');
    expect(requests.some((u) => /\.js(\?|$)/.test(u))).toBe(true);
    expect(await scripts()).toBe(0);

    // The same check finds Monaco on the page that edits.
    const p = new ScriptCheckPage(page);
    await p.goto();
    await p.editor.waitForMonaco();
    expect(await scripts()).toBeGreaterThan(0);
  });
});
