import type { Locator, Page } from '@playwright/test';
import { ResourceList } from './resource-list';

/** /rollouts: the Rollouts list (filters, step progress, rows that open the detail) and the TrafficRoutings list. */
export class RolloutsPage {
  readonly heading: Locator;
  readonly rollouts: ResourceList;
  readonly trafficRoutings: ResourceList;

  /** `names`: the lists' headings in the page's language (English by default). */
  constructor(
    readonly page: Page,
    readonly names: { rollouts: string; trafficRoutings: string } = { rollouts: 'Rollouts', trafficRoutings: 'Traffic routings' },
  ) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: names.rollouts, exact: true });
    this.rollouts = new ResourceList(page, names.rollouts);
    this.trafficRoutings = new ResourceList(page, names.trafficRoutings);
  }

  async goto(query = '') {
    await this.page.goto(`/rollouts${query}`);
  }

  /** A Rollout row; names repeat across namespaces, so the namespace narrows when given. */
  row(name: string, namespace?: string): Locator {
    const row = this.rollouts.row(name);
    return namespace ? row.filter({ has: this.page.getByRole('cell', { name: namespace, exact: true }) }) : row;
  }

  /** A select filter of the list: "Phase", "Step state", "Routing". */
  filterSelect(label: 'Phase' | 'Step state' | 'Routing' | (string & {})): Locator {
    return this.page.getByRole('main').getByRole('region', { name: this.names.rollouts, exact: true }).getByLabel(label, { exact: true });
  }

  stepProgress(row: Locator): Locator {
    return row.getByRole('progressbar');
  }
}
