import { expect, type Locator, type Page } from '@playwright/test';
import { ResourceList } from './resource-list';

export type ShowTab = 'All' | 'Unmatched' | 'Synchronized' | 'Mapped by plugins' | 'Plugin errors';
export type PodsLanguage = 'en' | 'zh-CN';

/** The page's own names in each language (Kubernetes kinds, pod names and DeepFlow stay verbatim). */
export const PODS_TEXT = {
  en: { heading: 'Pods', table: 'Pods', tableRegion: 'Pods table', tabs: 'Show pods', evaluated: /^Evaluated [\d,]+ of [\d,]+ pods/, allEvaluated: /^Evaluated ([1-9][\d,]*) of \1 pods$/, emulating: /^Emulating DeepFlow / },
  'zh-CN': { heading: 'Pod', table: 'Pod', tableRegion: 'Pod 表格', tabs: '显示 Pod', evaluated: /^已评估 [\d,]+ \/ [\d,]+ 个 Pod/, allEvaluated: /^已评估 ([1-9][\d,]*) \/ \1 个 Pod$/, emulating: /^模拟 DeepFlow / },
} as const;

/** /pods: the live pods table with DeepFlow's verdicts, its filters, remediation panels and the pod drawer. */
export class PodsPage {
  readonly heading: Locator;
  readonly list: ResourceList;
  readonly main: Locator;
  /** `Evaluated {n} of {total} pods` */
  readonly evaluated: Locator;
  readonly emulating: Locator;
  readonly drawer: Locator;
  /** The table's own scroll region (focusable; the first column stays in view). */
  readonly tableRegion: Locator;

  constructor(
    readonly page: Page,
    readonly lang: PodsLanguage = 'en',
  ) {
    const text = PODS_TEXT[lang];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: text.heading, exact: true });
    this.list = new ResourceList(page, text.table);
    this.evaluated = this.main.getByRole('status').filter({ hasText: text.evaluated });
    this.emulating = this.main.getByText(text.emulating);
    this.tableRegion = this.main.getByRole('region', { name: text.tableRegion, exact: true });
    this.drawer = page.getByRole('dialog', { name: /^Pod / });
  }

  async goto(ns?: string) {
    await this.page.goto(ns ? `/pods?ns=${encodeURIComponent(ns)}` : '/pods');
  }

  async gotoQuery(query: string) {
    await this.page.goto(`/pods?${query}`);
  }

  /** A show tab by its label in the page's language (`ShowTab` in English). */
  tab(name: ShowTab | (string & {})): Locator {
    return this.main.getByRole('tablist', { name: PODS_TEXT[this.lang].tabs }).getByRole('tab', { name: new RegExp(`^${name}\\s*[\\d,]+$`) });
  }

  /** Waits until every listed pod has the chain's verdict (the Web Worker starts the engine first: slow on a busy machine). */
  async expectAllEvaluated() {
    await expect(this.evaluated).toHaveText(PODS_TEXT[this.lang].allEvaluated, { timeout: 20_000 });
  }

  /** The row's cell in the column with this header (Name, Status, DeepFlow, Plugin…). */
  async cell(podName: string, column: string): Promise<Locator> {
    await expect(this.list.row(podName)).toBeVisible();
    const headers = (await this.list.table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim().toLowerCase());
    const idx = headers.indexOf(column.toLowerCase());
    if (idx < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.list.row(podName).getByRole('cell').nth(idx);
  }

  filterSelect(label: 'Status' | 'Reason' | 'Platform' | 'Plugin' | (string & {})): Locator {
    return this.main.getByLabel(label, { exact: true });
  }

  /** A remediation panel, by its heading (e.g. /OpenGauss/). */
  remedy(title: RegExp): Locator {
    return this.main.getByRole('region', { name: title });
  }

  /** A drawer section by its heading (the English names, or the page language's). */
  drawerSection(title: 'DeepFlow result' | 'Metadata JSON passed to plugins' | 'Plugin trace' | 'YAML' | 'Containers' | 'Logs' | (string & {})): Locator {
    return this.drawer.getByRole('region', { name: title, exact: true });
  }

  async openDrawerWithKeyboard(podName: string) {
    const row = this.list.row(podName);
    await row.focus();
    await row.press('Enter');
    await expect(this.drawer).toBeVisible();
  }
}
