import type { Locator, Page } from '@playwright/test';

/** The header's list of configuration problems (components/problems-banner.tsx). */
export class ProblemsBanner {
  readonly region: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('alert', { name: 'Cluster configuration problems' });
    this.items = this.region.getByRole('listitem');
  }

  /** The problem whose text matches, e.g. `/^Kubeconfig problem/`. */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }
}
