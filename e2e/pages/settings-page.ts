import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The page's own names in each language; kinds, groups and plurals stay verbatim. */
export const SETTINGS_TEXT = {
  en: { heading: 'Settings', form: 'Add a custom resource', group: 'Group', version: 'Version', plural: 'Plural', kind: 'Kind (optional)', namespaced: 'Namespaced', submit: 'Add resource', registry: 'Kind registry', contexts: 'Contexts', deepflow: 'DeepFlow settings', list: ': list' },
  'zh-CN': { heading: '设置', form: '添加自定义资源', group: '组', version: '版本', plural: '复数名', kind: 'Kind（可选）', namespaced: '命名空间作用域', submit: '添加资源', registry: '类型注册表', contexts: '上下文', deepflow: 'DeepFlow 设置', list: '：列出' },
} as const;

export class SettingsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly group: Locator;
  readonly version: Locator;
  readonly plural: Locator;
  readonly kind: Locator;
  readonly namespaced: Locator;
  readonly submit: Locator;
  readonly registry: Locator;
  readonly contexts: Locator;

  readonly deepflowForm: Locator;

  constructor(
    readonly page: Page,
    readonly lang: 'en' | 'zh-CN' = 'en',
  ) {
    const text = SETTINGS_TEXT[lang];
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: text.heading, exact: true });
    this.form = main.getByRole('form', { name: text.form });
    this.group = this.form.getByLabel(text.group);
    this.version = this.form.getByLabel(text.version);
    this.plural = this.form.getByLabel(text.plural);
    this.kind = this.form.getByLabel(text.kind);
    this.namespaced = this.form.getByLabel(text.namespaced);
    this.submit = this.form.getByRole('button', { name: text.submit });
    this.registry = main.getByRole('table', { name: text.registry });
    this.contexts = main.getByRole('table', { name: text.contexts });
    this.deepflowForm = main.getByRole('form', { name: text.deepflow });
  }

  /** Opens the page and waits for the live header: a link clicked before hydration can be lost. */
  async goto() {
    await this.page.goto('/settings');
    await new AppShell(this.page, this.lang).expectConnected();
  }

  registryRow(pluralDotGroup: string): Locator {
    return this.registry.getByRole('row').filter({ has: this.page.getByRole('link', { name: new RegExp(`^\\S+${SETTINGS_TEXT[this.lang].list} ${pluralDotGroup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  async addKind(spec: { group: string; version: string; plural: string; kind?: string }) {
    await this.group.fill(spec.group);
    await this.version.fill(spec.version);
    await this.plural.fill(spec.plural);
    if (spec.kind) await this.kind.fill(spec.kind);
    await this.submit.click();
  }
}
