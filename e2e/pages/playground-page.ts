import { expect, type Locator, type Page } from '@playwright/test';
import { EDITOR_WORDS, LuaEditorPO, type EditorLanguage } from './lua-editor';

export type PlaygroundMode = 'Tagging' | 'Routing' | 'Cluster script';

/** /playground: the three modes, their inputs and previews, Share. Roles and labels only. */
/** Names the page object looks for, per UI language (messages/<locale>/playground.json). */
const WORDS = {
  en: { modeTabs: 'Playground mode', run: 'Run', clusterResult: 'Cluster script result' },
  'zh-CN': { modeTabs: '试验场模式', run: '运行', clusterResult: '集群脚本结果' },
} as const;

export class PlaygroundPage {
  constructor(
    readonly page: Page,
    readonly language: EditorLanguage = 'en',
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/playground${query}`);
    // the first visit of a fresh browser compiles the page's scripts; on a busy machine that takes a while
    await expect(this.page.getByRole('tablist', { name: WORDS[this.language].modeTabs })).toBeVisible({ timeout: 30_000 });
  }

  tab(mode: PlaygroundMode): Locator {
    return this.page.getByRole('tab', { name: mode, exact: true });
  }

  /** The first plugin's editor in tagging, the script's in routing and cluster mode. */
  editor(name: string = EDITOR_WORDS[this.language].source): LuaEditorPO {
    return new LuaEditorPO(this.page, name, this.language);
  }

  // --- Tagging ---
  /** Adds a plugin at the end of the chain; its editor is `editor(\`Lua source (plugin N)\`)`. */
  async addPlugin(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add plugin', exact: true }).click();
  }

  get taggingTable(): Locator {
    return this.page.getByRole('table', { name: 'Tagging result' });
  }

  taggingRow(podKey: string): Locator {
    return this.taggingTable.getByRole('row').filter({ hasText: podKey });
  }

  get taggingSummary(): Locator {
    return this.page.getByLabel('Tagging summary');
  }

  // --- Routing ---
  stepCard(n: number): Locator {
    return this.page.getByRole('article', { name: `Step ${n}`, exact: true });
  }

  get stepCards(): Locator {
    return this.page.getByRole('region', { name: 'Routing preview' }).getByRole('article');
  }

  producedObject(n: number): Locator {
    return this.page.getByRole('region', { name: `Step ${n} produced object` });
  }

  expectedVsActual(n: number): Locator {
    return this.page.getByRole('region', { name: `Step ${n} expected vs actual` });
  }

  get testSummary(): Locator {
    return this.page.getByLabel('Test summary');
  }

  async importTestdata(file: string): Promise<void> {
    await this.page.getByRole('radio', { name: 'Kruise testdata file' }).check();
    await this.page.getByLabel('Import a Kruise testdata file').setInputFiles(file);
  }

  get testdataText(): Locator {
    return this.page.getByRole('textbox', { name: /^Testdata \(YAML/ });
  }

  // --- Cluster script ---
  async run(): Promise<void> {
    await this.page.getByRole('button', { name: WORDS[this.language].run, exact: true }).click();
  }

  get clusterResult(): Locator {
    return this.page.getByRole('region', { name: WORDS[this.language].clusterResult });
  }

  async showJson(): Promise<Locator> {
    await this.clusterResult.getByRole('tab', { name: 'JSON' }).click();
    return this.clusterResult.getByLabel('Returned JSON');
  }

  // --- Safety, keeping the work ---
  get budgetMessage(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Budget exceeded' });
  }

  /** Clicks Share and returns the link it made. */
  async share(): Promise<string> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).first().click();
    const box = this.page.getByRole('textbox', { name: 'Share link' });
    await expect(box).toHaveValue(/#s=1\./);
    return box.inputValue();
  }
}
