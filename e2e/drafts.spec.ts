import { test, expect } from './fixtures';
import { uniqueName } from './kube';
import { PluginEditorPage } from './pages/plugin-editor-page';

// Unsaved editor text is kept in the browser until it is saved, so a reload (or a forced sign-in
// after an expired token) loses nothing.
test.describe.configure({ timeout: 90_000 });

const NEUTRAL = (tag: string) => `-- ${tag}\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n`;

test.beforeEach(async ({ page }) => {
  // The editor's unsaved-changes guard asks before a reload: leave (the draft is what keeps the text).
  page.on('dialog', (d) => void d.accept());
});

test('plugin editor: typed text survives a reload until it is saved', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('draft');
  await editor.create(name, NEUTRAL('v1'));
  await editor.editor.setText(NEUTRAL('v2, not saved yet'));
  await expect(editor.saveState).toHaveText('Unsaved changes');

  await page.reload();
  await editor.ready();
  await expect(editor.editor.textbox).toHaveValue(NEUTRAL('v2, not saved yet'));
  await expect(editor.editor.restoredNotice).toBeVisible();
  await expect(editor.saveState).toHaveText('Unsaved changes');

  await editor.save.click();
  await expect(editor.saveState).toHaveText('Saved');
  await expect(editor.editor.restoredNotice).toBeHidden();
  expect(await editor.editor.draftKeys()).toEqual([]);

  await page.reload();
  await editor.ready();
  await expect(editor.editor.textbox).toHaveValue(NEUTRAL('v2, not saved yet'));
  await expect(editor.editor.restoredNotice).toBeHidden();
  await expect(editor.saveState).toHaveText('Saved');
});

test('new plugin: text typed before the first save survives a reload', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  await editor.gotoNew();
  const start = await editor.editor.text();
  await editor.editor.setText(NEUTRAL('a new one'));
  await page.reload();
  await editor.ready();
  await expect(editor.editor.textbox).toHaveValue(NEUTRAL('a new one'));
  await expect(editor.editor.restoredNotice).toBeVisible();

  // Put back what the page started with: nothing is left to keep.
  await editor.editor.setText(start);
  await page.reload();
  await editor.ready();
  await expect(editor.editor.textbox).toHaveValue(start);
  await expect(editor.editor.restoredNotice).toBeHidden();
});
