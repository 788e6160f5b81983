import { expect, type Locator, type Page } from '@playwright/test';

/** /sign-in (STUDIO_AUTH=token) and the header's signed-in user: roles and labels only. */
export class SignInPage {
  readonly heading: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly form: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly signedInUser: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to Kube Lua Studio' });
    this.token = page.getByLabel('Bearer token', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.form = page.getByRole('form', { name: 'Sign in' });
    // inside the form: Next's route announcer is an (empty) alert too
    this.error = this.form.getByRole('alert');
    this.notice = page.getByRole('status');
    this.signedInUser = page.getByLabel('Signed-in user', { exact: true });
    this.signOut = page.getByRole('button', { name: 'Sign out', exact: true });
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
