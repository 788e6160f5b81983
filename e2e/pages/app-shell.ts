import { expect, type Locator, type Page } from '@playwright/test';

export const NAV = [
  { label: 'Pods', path: '/pods', heading: 'Pods' },
  { label: 'Plugins', path: '/plugins', heading: 'Plugins' },
  { label: 'Rollouts', path: '/rollouts', heading: 'Rollouts' },
  { label: 'Playground', path: '/playground', heading: 'Playground' },
  { label: 'Audit', path: '/audit', heading: 'Audit' },
  { label: 'Settings', path: '/settings', heading: 'Settings' },
] as const;

export type ShellLocale = 'en' | 'zh-CN';

/** The 中文 labels of the same navigation items (messages/zh-CN/shell.json). */
export const NAV_ZH: Record<(typeof NAV)[number]['path'], string> = {
  '/pods': 'Pod',
  '/plugins': '插件',
  '/rollouts': '发布',
  '/playground': '试验场',
  '/audit': '审计',
  '/settings': '设置',
};

/** The shell's accessible names in each language; English is what every older spec uses. */
const NAMES = {
  en: { nav: 'Main', header: 'Cluster', currentContext: 'Current context', clusterType: 'Cluster type', apiServer: 'API server', connection: /^Cluster connection/, connected: /Connected/, context: 'Context', namespace: 'Namespace' },
  'zh-CN': { nav: '主导航', header: '集群', currentContext: '当前上下文', clusterType: '集群类型', apiServer: 'API 服务器', connection: /^集群连接/, connected: /已连接/, context: '上下文', namespace: '命名空间' },
} as const;

/** The frame around every page: main navigation and the cluster header. */
export class AppShell {
  readonly nav: Locator;
  readonly header: Locator;
  readonly contextName: Locator;
  readonly sandboxBadge: Locator;
  readonly apiServer: Locator;
  readonly connection: Locator;
  readonly contextSelect: Locator;
  readonly namespaceSelect: Locator;
  readonly main: Locator;
  /** Named in the current language: "Language" or "语言". */
  readonly languageSelect: Locator;
  private readonly names: (typeof NAMES)[ShellLocale];

  /** `locale` picks the language the locators are named in (the page's, not the browser's). */
  constructor(
    readonly page: Page,
    readonly locale: ShellLocale = 'en',
  ) {
    const n = (this.names = NAMES[locale]);
    this.nav = page.getByRole('navigation', { name: n.nav });
    this.header = page.getByRole('banner', { name: n.header });
    this.contextName = this.header.getByLabel(n.currentContext);
    this.sandboxBadge = this.header.getByLabel(n.clusterType);
    this.apiServer = this.header.getByLabel(n.apiServer);
    this.connection = this.header.getByRole('status', { name: n.connection });
    this.contextSelect = this.header.getByRole('combobox', { name: n.context });
    this.namespaceSelect = this.header.getByRole('combobox', { name: n.namespace });
    this.main = page.getByRole('main');
    // the header's own name changes with the language, so the switch is found by its name alone
    this.languageSelect = page.getByRole('banner').getByRole('combobox', { name: /^(Language|语言)$/ });
  }

  /** Picks a language in the header and waits until the page has re-rendered in it. */
  async switchLanguage(locale: 'en' | 'zh-CN'): Promise<void> {
    await this.languageSelect.selectOption(locale);
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name, exact: true });
  }

  async goto(path: string) {
    await this.page.goto(path);
  }

  async expectConnected() {
    await expect(this.connection).toHaveAccessibleName(this.names.connected);
  }

  async switchContext(name: string) {
    await this.contextSelect.selectOption(name);
    await expect(this.contextName).toHaveText(name);
  }

  async selectNamespace(ns: string | 'All namespaces') {
    await this.namespaceSelect.selectOption(ns === 'All namespaces' ? { label: ns } : ns);
  }
}
