import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/playground-page';

// The playground in 中文: its labels, the editor's hover docs, and engine errors quoted verbatim.
// Monaco and the Lua worker load in every fresh browser context: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });
test.use({ locale: 'zh-CN' });

test('the playground speaks Chinese, hover docs included', async ({ page }) => {
  const pg = new PlaygroundPage(page, 'zh-CN');
  await pg.goto('?mode=routing');
  await expect(page.getByRole('heading', { level: 1, name: '试验场', exact: true })).toBeVisible();
  for (const name of ['标签', '路由', '集群脚本']) await expect(page.getByRole('tab', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '路由', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: '路由预览' })).toBeVisible();

  const editor = pg.editor();
  await expect(editor.plainSwitch).toBeVisible();
  await editor.waitForMonaco();
  await editor.setText('return obj.data\n');
  const hover = await editor.hover('obj');
  await expect(hover).toContainText('Kruise 在每个步骤传给');
  // Identifiers and code are not translated.
  await expect(hover).toContainText('trafficRouting.lua');
});

test('a Lua error quotes the engine verbatim beside a Chinese explanation', async ({ page }) => {
  const pg = new PlaygroundPage(page, 'zh-CN');
  await pg.goto('?mode=cluster');
  const editor = pg.editor();
  await editor.waitForMonaco();
  await editor.setText('local x = 1\nerror("boom")\n');
  await pg.run();
  const alert = pg.clusterResult.getByRole('alert');
  await expect(alert).toContainText('第 2 行出错', { timeout: 15_000 });
  await expect(alert).toContainText('gopher-lua 的消息');
  await expect(alert).toContainText('<string>:2: boom');
  // The run status says it in words, and is announced politely.
  await expect(page.getByRole('status', { name: '集群脚本运行' })).toBeVisible();
});
