// The DeepFlow user's whole question on one path: which pods fall out of DeepFlow's maps, the plugin
// that fixes them written from the pods page, saved (file store + the fake DeepFlow server), the pods
// page matching them, a restarted studio still matching them, and the DeepFlow server's state
// (create, update, drift, delete) as the plugins page shows it.
import { expect, test } from './fixtures';
import { uniqueName } from './kube';
import { SANDBOX_KUBECONFIG, STUDIO_DATA_DIR } from './env';
import { PluginEditorPage } from './pages/plugin-editor-page';
import { PluginsPage } from './pages/plugins-page';
import { PodsPage } from './pages/pods-page';
import { createLikeDeepflowCtl, fakeMode, remoteNames } from './support/fake-deepflow-client';
import { startSecondStudio } from './support/second-studio';

test.describe.configure({ timeout: 240_000 });

const OPENGAUSS = ['ogtest-0', 'ogtest-1', 'ogtest-2'];

test('unmatched OpenGauss pods → Write a plugin → saved and uploaded → matched on /pods, also after a restart; drift and delete on /plugins', async ({ page }) => {
  const pods = new PodsPage(page);
  await pods.gotoQuery('show=unmatched');
  await pods.expectAllEvaluated();
  for (const p of OPENGAUSS) await expect(pods.list.row(p)).toBeVisible();

  // The OpenGauss panel's "Write a plugin" opens the editor with a template and these pods as input.
  await pods.remedy(/^OpenGauss/).getByRole('link', { name: 'Write a plugin' }).click();
  await expect(page).toHaveURL(/\/plugins\/new\?kind=OpenGaussCluster&pods=/);
  const editor = new PluginEditorPage(page);
  await editor.ready();
  await expect(editor.rowsByThisPlugin()).toHaveCount(3, { timeout: 30_000 });
  const name = uniqueName('og-journey');
  await editor.name.fill(name);
  await editor.save.click();
  await expect(page).toHaveURL(new RegExp(`/plugins/${name}$`));
  await expect.poll(async () => remoteNames()).toContain(name);

  // /pods: the OpenGauss pods are matched by that plugin and no longer unmatched.
  await pods.gotoQuery('show=unmatched');
  await pods.expectAllEvaluated();
  for (const p of OPENGAUSS) await expect(pods.list.row(p)).toHaveCount(0);
  await pods.goto('db');
  await pods.expectAllEvaluated();
  for (const p of OPENGAUSS) {
    await expect(await pods.cell(p, 'Plugin')).toContainText(name);
    await expect(await pods.cell(p, 'DeepFlow')).toContainText('statefulset:db:ogtest');
  }

  // A restarted studio on the same data directory: the plugin and its matches are still there.
  const studio = await startSecondStudio({ KUBECONFIG: SANDBOX_KUBECONFIG, STUDIO_DATA_DIR, STUDIO_PLUGIN_STORE: 'file' });
  try {
    await page.goto(`${studio.baseURL}/pods?ns=db`);
    await pods.expectAllEvaluated();
    for (const p of OPENGAUSS) await expect(await pods.cell(p, 'Plugin')).toContainText(name);
    await page.goto('about:blank');
  } finally {
    await studio.stop();
  }

  // The DeepFlow server as /plugins shows it: in sync; a plugin made with deepflow-ctl (no local source).
  const ctl = uniqueName('made-by-ctl');
  expect(await createLikeDeepflowCtl(ctl)).toBe(200);
  const list = new PluginsPage(page);
  await list.goto();
  await expect(list.row(name)).toContainText('on the DeepFlow server');
  await expect(page.getByRole('list', { name: 'On the DeepFlow server only' })).toContainText(ctl);

  // An update while DeepFlow answers garbage: saved locally, said so, and the list shows the drift.
  await editor.goto(name);
  await editor.editor.setText(`-- edited while DeepFlow was down\n${await editor.editor.text()}`);
  await fakeMode('garbage');
  try {
    await editor.save.click();
    await expect(editor.main.getByText(/Saved locally; DeepFlow at .* did not answer/)).toBeVisible();
  } finally {
    await fakeMode('normal');
  }
  await list.goto();
  await expect(list.row(name)).toContainText('local edits not uploaded');

  // Saving again uploads; deleting in the UI deletes on the server too.
  await editor.goto(name);
  await editor.editor.setText(`-- uploaded\n${await editor.editor.text()}`);
  await editor.save.click();
  await expect(editor.saveState).toHaveText(/Saved/);
  await list.goto();
  await expect(list.row(name)).toContainText('on the DeepFlow server');
  await list.delete(name);
  await expect.poll(async () => remoteNames()).not.toContain(name);
});
