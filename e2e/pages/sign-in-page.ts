import { expect, type Locator, type Page } from '@playwright/test';

const NAMES = {
  en: { heading: 'Sign in to Kube Lua Studio', token: 'Bearer token', submit: 'Sign in', form: 'Sign in', user: 'Signed-in user', signOut: 'Sign out', open: 'Open the studio', language: 'Language' },
  'zh-CN': { heading: '登录 Kube Lua Studio', token: '持有者令牌（bearer token）', submit: '登录', form: '登录', user: '已登录用户', signOut: '退出登录', open: '打开 Studio', language: '语言' },
} as const;

/** /sign-in (STUDIO_AUTH=token) and the header's signed-in user: roles and labels only. */
export class SignInPage {
  /** The way on to the studio where it needs no sign-in (STUDIO_AUTH none or proxy). */
  readonly openStudio: Locator;
  /** The page's own language switch (the sign-in page has no cluster header). */
  readonly languageSelect: Locator;
  readonly heading: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly form: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly signedInUser: Locator;
  readonly signOut: Locator;

  /** `locale` picks the language the locators are named in; English is what the older specs use. */
  constructor(
    readonly page: Page,
    locale: 'en' | 'zh-CN' = 'en',
  ) {
    const n = NAMES[locale];
    this.heading = page.getByRole('heading', { name: n.heading });
    this.token = page.getByLabel(n.token, { exact: true });
    this.submit = page.getByRole('button', { name: n.submit, exact: true });
    this.form = page.getByRole('form', { name: n.form });
    // inside the form: Next's route announcer is an (empty) alert too
    this.error = this.form.getByRole('alert');
    this.notice = page.getByRole('status');
    this.signedInUser = page.getByLabel(n.user, { exact: true });
    this.signOut = page.getByRole('button', { name: n.signOut, exact: true });
    this.openStudio = page.getByRole('link', { name: n.open, exact: true });
    this.languageSelect = page.getByRole('combobox', { name: n.language });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/sign-in${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Fills and submits the form (without JavaScript yet, it posts as a plain form: same action). */
  async signIn(token: string): Promise<void> {
    await this.token.fill(token);
    await this.submit.click();
  }

  /** Signs in and waits for the page the sign-in was for. */
  async signInAndLand(token: string, path: string | RegExp): Promise<void> {
    await this.signIn(token);
    await expect(this.page).toHaveURL(typeof path === 'string' ? new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : path, { timeout: 15_000 });
    await expect(this.signedInUser).toBeVisible({ timeout: 15_000 });
  }
}
