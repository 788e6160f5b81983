import { test, expect } from './fixtures';
import { uniqueName } from './kube';
import { PluginEditorPage } from './pages/plugin-editor-page';
import { PluginsPage } from './pages/plugins-page';

// The plugins pages against the sandbox seed (lib/k8s/sandbox/seed/default) and the file store (a
// fresh STUDIO_DATA_DIR per run). Every test names its own plugins; the ones that map pods delete
// them again so the saved chain the others compare with stays neutral.
test.describe.configure({ timeout: 90_000 });

/** The seed's OpenGauss pods: owned by the OpenGaussCluster db/ogtest, unsynchronized for DeepFlow. */
const OPENGAUSS_PODS = ['db/ogtest-0', 'db/ogtest-1', 'db/ogtest-2'];

/** Maps no pod: the chain's result stays what it was. */
const NEUTRAL = (tag: string) => `-- ${tag}\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n`;

test('from an OpenGauss pod: template, preview of exactly those pods, save, listed with its pod count', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  await editor.gotoNew(`?kind=OpenGaussCluster&pods=${OPENGAUSS_PODS.join(',')}`);
  await expect(editor.name).not.toHaveValue('');
  expect(await editor.editor.text()).toContain('StatefulSet');

  // The pods from the link come first; the plugin maps exactly those (the first plugin of an empty
  // chain may also switch DeepFlow's virtual-kubelet rule on: those rows say so and are not "this plugin").
  await expect(editor.rowsByThisPlugin()).toHaveCount(3, { timeout: 20_000 });
  expect((await editor.impactPods()).slice(0, 3)).toEqual(OPENGAUSS_PODS);
  for (const row of await editor.rowsByThisPlugin().all()) {
    await expect(row).toContainText('StatefulSet/ogtest');
    await expect(row).toContainText('added');
  }
  for (const row of await editor.impactRows().all()) {
    if ((await row.innerText()).includes('StatefulSet/ogtest')) await expect(row).toContainText('(this plugin)');
  }
  await expect(editor.summaryValue('Added')).toHaveText('Added 3');
  await expect(editor.summaryValue('Mapped by this plugin')).toHaveText('Mapped by this plugin 3');

  const name = uniqueName('og');
  await editor.name.fill(name);
  await editor.save.click();
  await expect(page).toHaveURL(new RegExp(`/plugins/${name}$`));
  // Saved: the edited chain equals the saved one, so nothing changes any more.
  await expect(editor.summaryValue('Added')).toHaveText('Added 0', { timeout: 20_000 });

  const list = new PluginsPage(page);
  await list.goto();
  await expect(list.row(name)).toContainText('3 pods', { timeout: 20_000 });

  // Delete with confirmation: Escape cancels and gives focus back to the button.
  const del = list.action(name, 'Delete');
  await del.click();
  await expect(list.dialog).toBeVisible();
  await expect(list.dialog.getByRole('heading')).toHaveText(`Delete ${name}?`);
  await page.keyboard.press('Escape');
  await expect(list.dialog).toBeHidden();
  await expect(del).toBeFocused();
  await expect(list.row(name)).toBeVisible();
  await list.delete(name);
});

test('new plugin name is checked live: DeepFlow’s rule and "already exists"', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('taken');
  await editor.create(name, NEUTRAL('taken'));
  await editor.gotoNew();
  await editor.name.fill(name);
  await expect(editor.name).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.main).toContainText(`A plugin named ${name} already exists.`);
  await editor.save.click();
  await expect(editor.alert(/Not saved/)).toBeVisible();
  await expect(page).toHaveURL(/\/plugins\/new$/);
});

test('rename, duplicate, disable from the list; a row opens its editor with Enter', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('row');
  await editor.create(name, NEUTRAL('row'));
  const list = new PluginsPage(page);
  await list.goto();

  const renamed = `${name}-renamed`;
  await list.rename(name, renamed);
  await expect(list.row(renamed)).toBeVisible();
  await expect(list.row(name)).toHaveCount(0);

  const copy = `${name}-copy`;
  await list.duplicate(renamed, copy);
  await expect(list.row(copy)).toBeVisible();
  const names = await list.names();
  expect(names.indexOf(copy)).toBeGreaterThan(names.indexOf(renamed));

  await expect(list.enabledSwitch(copy)).toBeChecked();
  await list.enabledSwitch(copy).click();
  await expect(list.enabledSwitch(copy)).not.toBeChecked();
  await expect(list.row(copy)).toContainText('disabled');

  await list.row(renamed).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/plugins/${renamed}$`));
  await editor.ready();
  expect(await editor.editor.text()).toContain('-- row');
});

test('a stale save is refused and the text stays in the editor', async ({ page, context }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('stale');
  await editor.create(name, NEUTRAL('v1'));

  // Someone else saves the same plugin meanwhile.
  const other = new PluginEditorPage(await context.newPage());
  await other.goto(name);
  await other.editor.setText(NEUTRAL('theirs'));
  await other.save.click();
  await expect(other.saveState).toHaveText('Saved', { timeout: 10_000 });
  await other.page.close();

  const mine = NEUTRAL('mine');
  await editor.editor.setText(mine);
  await editor.save.click();
  await expect(editor.alert(/changed since you opened it/)).toBeVisible();
  expect((await editor.editor.text()).trim()).toBe(mine.trim());
  await expect(editor.main.getByRole('region', { name: 'Stored version compared with your text' })).toContainText('theirs');
});

test('history: view a version, compare it, restore it', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('hist');
  await editor.create(name, NEUTRAL('first'));
  await editor.editor.setText(NEUTRAL('second'));
  await editor.save.click();
  await expect(editor.saveState).toHaveText('Saved');
  await expect(editor.versions()).toHaveCount(2, { timeout: 10_000 });

  const oldest = editor.versions().last();
  await oldest.getByRole('button', { name: /^View version/ }).click();
  const diff = editor.history.getByRole('region', { name: /diff$/ });
  await expect(diff).toContainText('removed: -- first');
  await expect(diff).toContainText('added: -- second');
  await editor.history.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect.poll(() => editor.editor.text(), { timeout: 10_000 }).toContain('-- first');
  await expect(editor.saveState).toHaveText('Saved');
  await expect(editor.versions()).toHaveCount(3, { timeout: 10_000 });

  await expect(editor.exportSection.getByRole('textbox', { name: 'deepflow-ctl command' })).toHaveValue(
    `deepflow-ctl plugin create --type lua --image ${name}.lua --name ${name} --user server`,
  );
  const download = page.waitForEvent('download');
  await editor.exportSection.getByRole('button', { name: `Download ${name}.lua` }).click();
  expect((await download).suggestedFilename()).toBe(`${name}.lua`);
});

test('delete from the editor asks first; Escape cancels and focus returns', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  const name = uniqueName('del');
  await editor.create(name, NEUTRAL('del'));
  await editor.delete.click();
  await expect(editor.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor.dialog).toBeHidden();
  await expect(editor.delete).toBeFocused();
  await editor.delete.click();
  await editor.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/plugins$/);
  await expect(new PluginsPage(page).row(name)).toHaveCount(0);
});

test('a runaway plugin or a syntax error cannot break the page: the preview says so', async ({ page }) => {
  const editor = new PluginEditorPage(page);
  await editor.gotoNew();
  await expect(editor.summary).toBeVisible({ timeout: 20_000 });

  await editor.editor.setText('function GetWorkloadTypeAndName(m)\n  while true do end\nend\n');
  await expect(editor.preview).toContainText(/budget|stopped/i, { timeout: 45_000 });

  await editor.editor.setText('function GetWorkloadTypeAndName(m)\n  local x = = 1\nend\n');
  await expect(editor.preview.getByRole('alert').filter({ hasText: 'Syntax error on line 2' })).toBeVisible();
  // still usable
  await editor.name.fill('still-typing');
  await expect(editor.name).toHaveValue('still-typing');
});
