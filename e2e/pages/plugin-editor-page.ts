import { expect, type Locator, type Page } from '@playwright/test';
import { LuaEditorPO } from './lua-editor';

export type PluginEditorLocale = 'en' | 'zh-CN';

/** The names this page object looks for, per language (messages/<locale>/plugins.json). */
const TEXT = {
  en: { name: 'Plugin name', source: 'Lua source', save: 'Save', delete: 'Delete', preview: 'Impact preview', summary: 'Impact summary', impact: 'Impact', history: 'History', versions: 'Versions', export: 'Export', saveState: 'Save state', title: (n: string) => `Plugin ${n}` },
  'zh-CN': { name: '插件名称', source: 'Lua 源码', save: '保存', delete: '删除', preview: '影响预览', summary: '影响摘要', impact: '影响', history: '历史', versions: '版本', export: '导出', saveState: '保存状态', title: (n: string) => `插件 ${n}` },
} as const;

/** /plugins/new and /plugins/<name>: name, editor, Save/Delete, impact preview, history, export (English unless told otherwise). */
export class PluginEditorPage {
  private readonly text: (typeof TEXT)[PluginEditorLocale];
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

  constructor(
    readonly page: Page,
    readonly locale: PluginEditorLocale = 'en',
  ) {
    const text = (this.text = TEXT[locale]);
    this.main = page.getByRole('main');
    this.name = this.main.getByLabel(text.name, { exact: true });
    this.editor = new LuaEditorPO(page, text.source);
    this.save = this.main.getByRole('button', { name: text.save, exact: true });
    this.delete = this.main.getByRole('button', { name: text.delete, exact: true });
    this.dialog = page.getByRole('dialog');
    this.preview = this.main.getByRole('region', { name: text.preview, exact: true });
    this.summary = this.preview.getByRole('list', { name: text.summary });
    this.impact = this.preview.getByRole('table', { name: text.impact, exact: true });
    this.history = this.main.getByRole('region', { name: text.history, exact: true });
    this.exportSection = this.main.getByRole('region', { name: text.export, exact: true });
    this.saveState = this.main.getByRole('status', { name: text.saveState });
  }

  /** The page's heading: `Plugin <name>` (or its translation). */
  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name: this.text.title(name), exact: true });
  }

  /**
   * Opens /plugins/<name> and waits for the plugin's own parts (name field, preview) only: the
   * editor's mode switch belongs to the editor, whose texts another page object knows.
   */
  async open(name: string) {
    await this.page.goto(`/plugins/${encodeURIComponent(name)}`);
    await expect(this.heading(name)).toBeVisible();
    await expect(this.name).toHaveValue(name, { timeout: 20_000 });
    await expect(this.preview).toBeVisible();
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
    await expect(this.heading(name)).toBeVisible();
  }

  versions(): Locator {
    return this.history.getByRole('list', { name: this.text.versions }).getByRole('listitem');
  }
}
