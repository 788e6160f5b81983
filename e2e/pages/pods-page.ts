import { expect, type Locator, type Page } from '@playwright/test';
import { ResourceList } from './resource-list';

export type ShowTab = 'All' | 'Unmatched' | 'Synchronized' | 'Mapped by plugins' | 'Plugin errors';

/** /pods: the live pods table with DeepFlow's verdicts, its filters, remediation panels and the pod drawer. */
export class PodsPage {
  readonly heading: Locator;
  readonly list: ResourceList;
  readonly main: Locator;
  /** `Evaluated {n} of {total} pods` */
  readonly evaluated: Locator;
  readonly emulating: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Pods', exact: true });
    this.list = new ResourceList(page, 'Pods');
    this.evaluated = this.main.getByRole('status').filter({ hasText: /^Evaluated [\d,]+ of [\d,]+ pods/ });
    this.emulating = this.main.getByText(/^Emulating DeepFlow /);
    this.drawer = page.getByRole('dialog', { name: /^Pod / });
  }

  async goto(ns?: string) {
    await this.page.goto(ns ? `/pods?ns=${encodeURIComponent(ns)}` : '/pods');
  }

  async gotoQuery(query: string) {
    await this.page.goto(`/pods?${query}`);
  }

  tab(name: ShowTab): Locator {
    return this.main.getByRole('tablist', { name: 'Show pods' }).getByRole('tab', { name: new RegExp(`^${name}\\s*[\\d,]+$`) });
  }

  /** Waits until every listed pod has the chain's verdict (the Web Worker starts the engine first: slow on a busy machine). */
  async expectAllEvaluated() {
    await expect(this.evaluated).toHaveText(/^Evaluated ([\d,]+) of \1 pods$/, { timeout: 20_000 });
  }

  /** The row's cell in the column with this header (Name, Status, DeepFlow, Plugin…). */
  async cell(podName: string, column: string): Promise<Locator> {
    await expect(this.list.row(podName)).toBeVisible();
    const headers = (await this.list.table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim().toLowerCase());
    const idx = headers.indexOf(column.toLowerCase());
    if (idx < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.list.row(podName).getByRole('cell').nth(idx);
  }

  filterSelect(label: 'Status' | 'Reason' | 'Platform' | 'Plugin'): Locator {
    return this.main.getByLabel(label, { exact: true });
  }

  /** A remediation panel, by its heading (e.g. /OpenGauss/). */
  remedy(title: RegExp): Locator {
    return this.main.getByRole('region', { name: title });
  }

  drawerSection(title: 'DeepFlow result' | 'Metadata JSON passed to plugins' | 'Plugin trace' | 'YAML' | 'Containers' | 'Logs'): Locator {
    return this.drawer.getByRole('region', { name: title, exact: true });
  }

  async openDrawerWithKeyboard(podName: string) {
    const row = this.list.row(podName);
    await row.focus();
    await row.press('Enter');
    await expect(this.drawer).toBeVisible();
  }
}
