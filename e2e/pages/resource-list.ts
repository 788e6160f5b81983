import { expect, type Locator, type Page } from '@playwright/test';

/** A live list section (heading, filter box, table) as rendered by LiveResourceList. */
export class ResourceList {
  readonly table: Locator;
  readonly filter: Locator;
  readonly rows: Locator;
  /** The alert for a `?ns=` namespace the cluster does not have. */
  readonly namespaceMissing: Locator;
  /** The table's own horizontal scroll region ("<title> table" / "<title> 表格"). */
  readonly scrollRegion: Locator;

  constructor(
    readonly page: Page,
    readonly title: string,
  ) {
    const main = page.getByRole('main');
    this.table = main.getByRole('table', { name: title, exact: true });
    this.filter = main.getByRole('searchbox', { name: `Filter ${title.toLowerCase()}` });
    this.rows = this.table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    this.namespaceMissing = main.getByRole('region', { name: title, exact: true }).getByRole('alert');
    this.scrollRegion = main.getByRole('region', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (table|表格)$`) });
  }

  /** The row whose Name cell is exactly `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    const header = await this.table.getByRole('columnheader').allInnerTexts();
    const nameIdx = header.findIndex((h) => /^name/i.test(h.trim()));
    const out: string[] = [];
    for (const r of await this.rows.all()) out.push((await r.getByRole('cell').nth(nameIdx).innerText()).trim());
    return out;
  }

  async expectLoaded() {
    await expect(this.page.getByRole('main').getByRole('status', { name: new RegExp(`Loading ${this.title.toLowerCase()}`) })).toHaveCount(0);
  }
}
