import { expect, type Locator, type Page } from '@playwright/test';
import { LuaEditorPO } from './lua-editor';

/** /plugins/new and /plugins/<name>: name, editor, Save/Delete, impact preview, history, export. */
export class PluginEditorPage {
  readonly main: Locator;
  readonly name: Locator;
  readonly editor: LuaEditorPO;
  readonly save: Locator;
  readonly delete: Locator;
  readonly dialog: Locator;
  readonly preview: Locator;
  readonly summary: Locator;
  readonly impact: Locator;
  readonly history: Locator;
  readonly exportSection: Locator;
  /** "Saved", "Unsaved changes", "Not saved yet" or "Saving…". */
  readonly saveState: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.name = this.main.getByLabel('Plugin name', { exact: true });
    this.editor = new LuaEditorPO(page, 'Lua source');
    this.save = this.main.getByRole('button', { name: 'Save', exact: true });
    this.delete = this.main.getByRole('button', { name: 'Delete', exact: true });
    this.dialog = page.getByRole('dialog');
    this.preview = this.main.getByRole('region', { name: 'Impact preview' });
    this.summary = this.preview.getByRole('list', { name: 'Impact summary' });
    this.impact = this.preview.getByRole('table', { name: 'Impact' });
    this.history = this.main.getByRole('region', { name: 'History' });
    this.exportSection = this.main.getByRole('region', { name: 'Export' });
    this.saveState = this.main.getByRole('status', { name: 'Save state' });
  }

  async gotoNew(query = '') {
    await this.page.goto(`/plugins/new${query}`);
    await this.ready();
  }

  async goto(name: string) {
    await this.page.goto(`/plugins/${encodeURIComponent(name)}`);
    await this.ready();
  }

  /**
   * The editor's plain-text mode (the same LuaEditor, kept per browser): these specs are about the
   * plugin pages, and Monaco is covered by editor.spec.ts; loading it beside two Lua workers on a
   * busy machine only slows them down.
   */
  async ready() {
    await expect(this.editor.plainSwitch).toBeVisible({ timeout: 20_000 });
    await this.editor.usePlainText(true);
    await expect(this.editor.textbox).toBeEditable();
  }

  /** Data rows of the impact table. */
  impactRows(): Locator {
    return this.impact.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** `namespace/name` of each impact row (its first cell, without the "from the link" badge). */
  async impactPods(): Promise<string[]> {
    const firstCells = await this.impactRows().evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]?.innerText ?? ''));
    return firstCells.map((t) => t.replace(/\s*from the link\s*$/, '').trim());
  }

  /** Impact rows whose new workload comes from the edited plugin. */
  rowsByThisPlugin(): Locator {
    return this.impactRows().filter({ hasText: '(this plugin)' });
  }

  summaryValue(label: string): Locator {
    return this.summary.getByRole('listitem').filter({ hasText: new RegExp(`^${label} \\d+$`) });
  }

  alert(text: string | RegExp): Locator {
    return this.main.getByRole('alert').filter({ hasText: text });
  }

  /** Creates a plugin through the editor and waits for its edit page. */
  async create(name: string, source: string) {
    await this.gotoNew();
    await this.name.fill(name);
    await this.editor.setText(source);
    await this.save.click();
    await expect(this.page).toHaveURL(new RegExp(`/plugins/${encodeURIComponent(name)}$`));
    await expect(this.main.getByRole('heading', { level: 1, name: `Plugin ${name}` })).toBeVisible();
  }

  versions(): Locator {
    return this.history.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  }
}
