import type { Locator, Page } from '@playwright/test';
import { LuaEditorPO } from './lua-editor';

/** /playground/editor: one LuaEditor with a target picker; Ctrl+Enter checks, Ctrl+S saves. */
export class ScriptCheckPage {
  readonly heading: Locator;
  readonly target: Locator;
  readonly status: Locator;
  readonly editor: LuaEditorPO;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Script check', exact: true });
    this.target = main.getByRole('combobox', { name: 'Target' });
    this.status = main.getByRole('status');
    this.editor = new LuaEditorPO(page);
  }

  async goto() {
    await this.page.goto('/playground/editor');
  }

  async selectTarget(dialect: 'kruise' | 'deepflow' | 'cluster') {
    const names = { kruise: 'Kruise trafficRouting.lua', deepflow: 'DeepFlow tagging plugin', cluster: 'Cluster script' };
    await this.target.selectOption({ label: names[dialect] });
  }
}
