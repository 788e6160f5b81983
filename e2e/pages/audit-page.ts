import { expect, type Locator, type Page } from '@playwright/test';

/** /audit: the filters, the entries table and one entry's detail, roles and labels only. */
export class AuditPage {
  readonly heading: Locator;
  readonly main: Locator;
  readonly table: Locator;
  readonly detail: Locator;
  readonly diff: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Audit', exact: true });
    this.table = this.main.getByRole('table', { name: 'Audit entries' });
    this.detail = this.main.getByRole('region', { name: 'Audit entry' });
    this.diff = this.detail.getByLabel('Diff');
    this.empty = this.main.getByText(/^No (write has been recorded yet|entry matches these filters)$/);
  }

  async goto(): Promise<void> {
    await this.page.goto('/audit');
    await expect(this.heading).toBeVisible();
  }

  filter(label: 'User' | 'Action' | 'Result' | 'Target' | 'From' | 'To'): Locator {
    return this.main.getByRole('search', { name: 'Audit filters' }).getByRole(label === 'Result' ? 'combobox' : 'textbox', { name: label, exact: true });
  }

  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  row(target: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('button', { name: target, exact: true }) });
  }

  /** Opens the newest entry on `target` ("Kind namespace/name"). */
  async open(target: string): Promise<void> {
    await this.row(target).first().getByRole('button', { name: target, exact: true }).click();
    await expect(this.detail).toBeVisible();
  }

  detailValue(term: string): Locator {
    return this.detail.getByRole('group', { name: term, exact: true }).getByRole('definition');
  }
}
