import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { PodsPage } from './pods-page';
import { ResourceList } from './resource-list';

/** One browser tab on a studio page with a live list, for specs that open many of them. */
export class LiveTab {
  readonly shell: AppShell;
  readonly list: { row(name: string): Locator; expectLoaded(): Promise<void> };

  constructor(
    readonly page: Page,
    readonly path: string,
    /** Accessible name of the page's list (the table), e.g. "Pod" on /resources/pods. */
    readonly listTitle: string,
  ) {
    this.shell = new AppShell(page);
    this.list = path.startsWith('/pods') ? new PodsPage(page).list : new ResourceList(page, listTitle);
  }

  async open() {
    await this.page.goto(this.path);
  }

  /**
   * Loaded (a first data cell in the page's table), fed by the live stream, and the header says so.
   * Generous: eight studio tabs load at once on a 2-core machine; this is no performance check.
   */
  async expectLive() {
    const main = this.page.getByRole('main');
    const cell = main.getByRole('table').or(main.getByRole('grid')).first().getByRole('cell').or(main.getByRole('gridcell')).first();
    await expect(cell).toBeVisible({ timeout: 30_000 });
    await this.list.expectLoaded();
    await expect(this.shell.connection).toHaveAccessibleName(/Connected/, { timeout: 15_000 });
  }

  /** `/api/cluster` answered from inside the page: the browser still has a connection to spare. */
  async clusterInfoStatus(): Promise<number> {
    return this.page.evaluate(() => fetch('/api/cluster', { cache: 'no-store' }).then((r) => r.status));
  }

  async expectRow(name: string) {
    await expect(this.list.row(name)).toBeVisible({ timeout: 15_000 });
  }

  async expectNoRow(name: string) {
    await expect(this.list.row(name)).toHaveCount(0, { timeout: 15_000 });
  }
}
