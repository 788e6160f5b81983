import { test, expect } from './fixtures';
import { BASE_URL } from './env';
import { uniqueName } from './kube';
import { PluginEditorPage } from './pages/plugin-editor-page';
import { PluginsPage } from './pages/plugins-page';
import { callAction } from './support/server-actions';
import type { PluginRecord, Result } from '../lib/plugins/types';

// The plugins pages in 中文 (a Chinese browser, no switch touched): the list, an editor page, the
// impact preview, and a save the server refuses, whose explanation is shown in Chinese.
test.describe.configure({ timeout: 90_000 });
test.use({ locale: 'zh-CN' });

const ACTIONS = 'app/plugins/actions.ts';
type Saved = Result<{ plugin: PluginRecord; warnings: string[] }>;
const save = (input: { name: string; source: string; baseVersion: string | null }) => callAction<Saved>(BASE_URL, ACTIONS, 'savePlugin', input);

/** Maps no pod: the chain the other specs compare with stays neutral. */
const NEUTRAL = (tag: string) => `-- ${tag}\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n`;

function saved(r: Saved): PluginRecord {
  if (!r.ok) throw new Error(r.error);
  return r.plugin;
}

test('list, editor page and impact preview in 中文; a refused stale save is explained in Chinese', async ({ page }) => {
  const name = uniqueName('zh');
  const first = saved(await save({ name, source: NEUTRAL('first'), baseVersion: null }));
  let latest = first;
  try {
    const list = new PluginsPage(page, 'zh-CN');
    await list.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(list.newPlugin).toBeVisible();
    await expect(list.table.getByRole('columnheader', { name: '当前映射' })).toBeVisible();
    await expect(list.enabledSwitch(name)).toBeChecked();
    await expect(list.row(name)).toContainText('0 个 Pod', { timeout: 20_000 });

    // A row dialog in Chinese; Escape closes it and focus goes back to its button.
    const rename = list.action(name, 'Rename');
    await rename.click();
    await expect(list.dialog.getByRole('heading')).toHaveText(`重命名 ${name}`);
    await expect(list.dialog.getByLabel('新名称')).toHaveValue(name);
    await expect(list.dialog.getByRole('button', { name: '取消', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list.dialog).toBeHidden();
    await expect(rename).toBeFocused();

    // The editor page and its impact preview.
    const editor = new PluginEditorPage(page, 'zh-CN');
    await editor.open(name);
    await expect(editor.saveState).toHaveText('已保存');
    await expect(editor.preview.getByRole('heading', { name: '影响预览' })).toBeVisible();
    await expect(editor.summaryValue('由本插件映射')).toHaveText('由本插件映射 0', { timeout: 20_000 });
    await expect(editor.summaryValue('新增')).toBeVisible();
    await expect(editor.history.getByRole('heading', { name: '历史' })).toBeVisible();
    await expect(editor.exportSection.getByRole('button', { name: `下载 ${name}.lua` })).toBeVisible();

    // Someone else saves first: the server refuses this page's save as stale.
    latest = saved(await save({ name, source: NEUTRAL('theirs'), baseVersion: first.version }));
    await editor.save.click();
    await expect(editor.alert('未保存：插件在你打开之后已被修改')).toBeVisible();
    await expect(editor.alert(`插件“${name}”在你打开之后已被修改（版本 ${first.version} → ${latest.version}）`)).toBeVisible();
    await expect(editor.main).not.toContainText('was changed since you opened it');

    // At 768 px the heading and the Save button stay in view.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(editor.heading(name)).toBeInViewport();
    await expect(editor.save).toBeInViewport();
  } finally {
    await callAction(BASE_URL, ACTIONS, 'deletePlugin', { name, baseVersion: latest.version });
  }
});
