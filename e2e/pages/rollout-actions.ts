import { expect, type Locator, type Page } from '@playwright/test';

export const OVERRIDE_LABEL = 'Override: I understand the controller will overwrite this';
export const SHADOW_WARNING = 'the built-in script wins: Kruise ignores this key (openkruise/rollouts#322)';

/** One confirmation dialog of the Rollout actions (components/rollouts/actions): roles and labels only. */
export class ActionDialogPO {
  readonly root: Locator;
  readonly confirm: Locator;
  readonly cancel: Locator;
  readonly override: Locator;
  readonly reviewNewDiff: Locator;
  readonly alerts: Locator;

  constructor(
    readonly page: Page,
    readonly title: string | RegExp,
    /** the footer's buttons in the dialog's language; English by default */
    buttons: { confirm: string; cancel: string } = { confirm: 'Confirm', cancel: 'Cancel' },
  ) {
    this.root = page.getByRole('dialog', { name: title });
    this.confirm = this.root.getByRole('button', { name: buttons.confirm, exact: true });
    this.cancel = this.root.getByRole('button', { name: buttons.cancel, exact: true });
    this.override = this.root.getByRole('checkbox', { name: OVERRIDE_LABEL });
    this.reviewNewDiff = this.root.getByRole('button', { name: 'Review the new diff', exact: true });
    this.alerts = this.root.getByRole('alert');
  }

  /** The unified diff of one object (`Kind/name`) or ConfigMap key. */
  diff(of: string): Locator {
    return this.root.getByRole('region', { name: `Diff of ${of}`, exact: true });
  }

  /** Waits for the server's plan: the diff of `of` is shown. */
  async expectPlanned(of: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.diff(of)).toBeVisible({ timeout: 15_000 });
  }
}

/** The action buttons and their result announcement (on the Rollout detail page or the playground). */
export class RolloutActions {
  readonly result: Locator;

  constructor(
    readonly page: Page,
    /** the buttons' names in the page's language; English by default */
    readonly labels: { applyStep: (n: number) => string; restore: string; approve: string; saveScript: string; result: string } = {
      applyStep: (n) => `Apply step ${n}`,
      restore: 'Restore original',
      approve: 'Approve',
      saveScript: 'Save script',
      result: 'Action result',
    },
  ) {
    this.result = page.getByRole('status', { name: labels.result });
  }

  applyStep(n: number): Locator {
    return this.page.getByRole('button', { name: this.labels.applyStep(n), exact: true });
  }

  get restoreOriginal(): Locator {
    return this.page.getByRole('button', { name: this.labels.restore, exact: true });
  }

  get approve(): Locator {
    return this.page.getByRole('button', { name: this.labels.approve, exact: true });
  }

  get saveScript(): Locator {
    return this.page.getByRole('button', { name: this.labels.saveScript, exact: true });
  }

  applyDialog(n: number, rollout: string): ActionDialogPO {
    return new ActionDialogPO(this.page, `Apply step ${n} to ${rollout}`);
  }

  restoreDialog(rollout: string): ActionDialogPO {
    return new ActionDialogPO(this.page, `Restore original for ${rollout}`);
  }

  approveDialog(rollout: string): ActionDialogPO {
    return new ActionDialogPO(this.page, `Approve the paused step of ${rollout}`);
  }

  saveDialog(kindGroup: string): ActionDialogPO {
    return new ActionDialogPO(this.page, `Save script for ${kindGroup}`);
  }

  /** Opens a dialog from its button; retried until hydration has wired the click. */
  async open(button: Locator, dialog: ActionDialogPO): Promise<void> {
    await expect(async () => {
      // once the modal is open the page behind it is inert: click only while it is not
      if (!(await dialog.root.isVisible())) await button.click({ timeout: 5_000 });
      await expect(dialog.root).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** A button that may not be used: still focusable, aria-disabled, saying why. */
  async expectBlocked(button: Locator, reason: RegExp): Promise<void> {
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(reason);
    await button.focus();
    await expect(button).toBeFocused();
  }
}
