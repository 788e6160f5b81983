import { expect, type Locator, type Page } from '@playwright/test';

const NAMES = {
  en: { heading: 'Audit', table: 'Audit entries', detail: 'Audit entry', diff: 'Diff', empty: /^No (write has been recorded yet|entry matches these filters)$/, filters: 'Audit filters' },
  'zh-CN': { heading: '审计', table: '审计记录', detail: '审计记录详情', diff: '差异', empty: /^(尚未记录任何写操作|没有符合这些筛选条件的记录)$/, filters: '审计筛选' },
} as const;

/** /audit: the filters, the entries table and one entry's detail, roles and labels only. */
export class AuditPage {
  /** The filters form, named in the page's language. */
  readonly filters: Locator;
  readonly heading: Locator;
  readonly main: Locator;
  readonly table: Locator;
  readonly detail: Locator;
  readonly diff: Locator;
  readonly empty: Locator;

  /** `locale` picks the language the locators are named in; English is what the older specs use. */
  constructor(
    readonly page: Page,
    locale: 'en' | 'zh-CN' = 'en',
  ) {
    const n = NAMES[locale];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: n.heading, exact: true });
    this.table = this.main.getByRole('table', { name: n.table });
    this.detail = this.main.getByRole('region', { name: n.detail });
    this.diff = this.detail.getByLabel(n.diff);
    this.empty = this.main.getByText(n.empty);
    this.filters = this.main.getByRole('search', { name: n.filters });
  }

  async goto(): Promise<void> {
    await this.page.goto('/audit');
    await expect(this.heading).toBeVisible();
  }

  filter(label: 'User' | 'Action' | 'Result' | 'Target' | 'From' | 'To'): Locator {
    return this.filters.getByRole(label === 'Result' ? 'combobox' : 'textbox', { name: label, exact: true });
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
