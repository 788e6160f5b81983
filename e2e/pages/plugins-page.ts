import { expect, type Locator, type Page } from '@playwright/test';

export type PluginsLocale = 'en' | 'zh-CN';

type RowAction = 'Rename' | 'Duplicate' | 'Delete' | 'Move up' | 'Move down';

/** The names this page object looks for, per language (messages/<locale>/plugins.json). */
const TEXT = {
  en: {
    title: 'Plugins',
    table: 'Plugins',
    newPlugin: 'New plugin',
    enabled: (n: string) => `Enabled: ${n}`,
    action: (n: string, a: RowAction) => (a.startsWith('Move') ? a.replace(' ', ` ${n} `) : `${a} ${n}`),
    newName: 'New name',
    copyName: 'Name of the copy',
    button: (a: 'Rename' | 'Duplicate' | 'Delete') => a,
  },
  'zh-CN': {
    title: '插件',
    table: '插件',
    newPlugin: '新建插件',
    enabled: (n: string) => `启用：${n}`,
    action: (n: string, a: RowAction) => `${({ Rename: '重命名', Duplicate: '复制', Delete: '删除', 'Move up': '上移', 'Move down': '下移' } as const)[a]} ${n}`,
    newName: '新名称',
    copyName: '副本名称',
    button: (a: 'Rename' | 'Duplicate' | 'Delete') => ({ Rename: '重命名', Duplicate: '复制', Delete: '删除' } as const)[a],
  },
} as const;

/** /plugins: the plugin list, its row actions and their dialogs (English unless told otherwise). */
export class PluginsPage {
  private readonly text: (typeof TEXT)[PluginsLocale];
  readonly heading: Locator;
  readonly table: Locator;
  readonly newPlugin: Locator;
  readonly dialog: Locator;
  readonly status: Locator;
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    readonly locale: PluginsLocale = 'en',
  ) {
    this.text = TEXT[locale];
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: this.text.title, exact: true });
    this.table = main.getByRole('table', { name: this.text.table });
    this.newPlugin = main.getByRole('link', { name: this.text.newPlugin, exact: true }).first();
    this.dialog = page.getByRole('dialog');
    this.status = main.getByRole('status').filter({ hasText: /\S/ });
    this.alert = main.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/plugins');
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name, exact: true });
  }

  /** Data rows, top to bottom. */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async names(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  enabledSwitch(name: string): Locator {
    return this.row(name).getByRole('switch', { name: this.text.enabled(name) });
  }

  action(name: string, action: RowAction): Locator {
    return this.row(name).getByRole('button', { name: this.text.action(name, action), exact: true });
  }

  async rename(name: string, newName: string) {
    await this.action(name, 'Rename').click();
    await this.dialog.getByLabel(this.text.newName).fill(newName);
    await this.dialog.getByRole('button', { name: this.text.button('Rename'), exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async duplicate(name: string, newName: string) {
    await this.action(name, 'Duplicate').click();
    await this.dialog.getByLabel(this.text.copyName).fill(newName);
    await this.dialog.getByRole('button', { name: this.text.button('Duplicate'), exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async delete(name: string) {
    await this.action(name, 'Delete').click();
    await this.dialog.getByRole('button', { name: this.text.button('Delete'), exact: true }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.row(name)).toHaveCount(0);
  }
}
