import { expect, type Locator, type Page } from '@playwright/test';

export interface Marker {
  severity: 'error' | 'warning' | 'info';
  line: number;
}

/** The editor's own words around its label, per UI language (messages/<locale>/editor.json). */
export const EDITOR_WORDS = {
  en: { source: 'Lua source', group: (n: string) => `${n} editor`, problems: (n: string) => `${n} problems`, plainText: 'Plain text editor', restored: 'Restored unsaved text' },
  'zh-CN': { source: 'Lua 源码', group: (n: string) => `${n}编辑器`, problems: (n: string) => `${n}的问题`, plainText: '纯文本编辑器', restored: '已恢复未保存的文本' },
} as const;
export type EditorLanguage = keyof typeof EDITOR_WORDS;

/**
 * One LuaEditor (components/editor/lua-editor.tsx), Monaco or plain textarea alike. Monaco's own DOM
 * (squiggles, the suggest widget) is reached here only, so the specs stay on roles and labels.
 */
export class LuaEditorPO {
  readonly root: Locator;
  readonly textbox: Locator;
  readonly plainSwitch: Locator;
  readonly problems: Locator;
  /** "Restored unsaved text": a kept draft replaced the saved text when the editor opened. */
  readonly restoredNotice: Locator;

  constructor(
    readonly page: Page,
    readonly name: string = EDITOR_WORDS.en.source,
    readonly language: EditorLanguage = 'en',
  ) {
    const w = EDITOR_WORDS[language];
    this.root = page.getByRole('group', { name: w.group(name), exact: true });
    this.textbox = this.root.getByRole('textbox', { name, exact: true });
    this.plainSwitch = this.root.getByRole('switch', { name: w.plainText });
    this.problems = this.root.getByRole('list', { name: w.problems(name) });
    this.restoredNotice = this.root.getByRole('status').filter({ hasText: w.restored });
  }

  /** Keys of the drafts this browser keeps (components/editor/drafts.ts). */
  async draftKeys(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('kube-lua-studio.draft.')));
  }

  async isMonaco(): Promise<boolean> {
    return this.textbox.evaluate((el) => el.closest('.monaco-editor') !== null);
  }

  /** Waits until Monaco has replaced the loading textarea. */
  async waitForMonaco(): Promise<void> {
    await expect.poll(() => this.isMonaco(), { timeout: 20_000 }).toBe(true);
  }

  async usePlainText(on: boolean): Promise<void> {
    // A click that lands before React has hydrated the switch is undone by hydration: retry the
    // click until the switch holds the state.
    await expect(async () => {
      await this.plainSwitch.setChecked(on, { timeout: 2_000 });
      await expect(this.plainSwitch).toBeChecked({ checked: on, timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  async setText(text: string): Promise<void> {
    if (await this.isMonaco()) {
      await this.textbox.focus();
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('Delete');
      if (text) await this.page.keyboard.insertText(text);
    } else {
      await this.textbox.fill(text);
    }
  }

  /** Types key by key (fires Monaco's completion triggers). */
  async type(text: string): Promise<void> {
    await this.textbox.focus();
    await this.page.keyboard.type(text);
  }

  async press(keys: string): Promise<void> {
    await this.textbox.focus();
    await this.page.keyboard.press(keys);
  }

  async text(): Promise<string> {
    if (!(await this.isMonaco())) return this.textbox.inputValue();
    const lines = this.root.locator('.view-lines .view-line');
    const tops = await lines.evaluateAll((els) =>
      els.map((el) => ({ top: parseFloat((el as HTMLElement).style.top) || 0, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') })),
    );
    return tops.sort((a, b) => a.top - b.top).map((l) => l.text).join('\n');
  }

  /**
   * Severity and line of each marker. In Monaco: the squiggles drawn in the text, matched to the line
   * number beside them; in the textarea: the problems list (the only place it shows them).
   */
  async markers(): Promise<Marker[]> {
    if (!(await this.isMonaco())) return this.listedProblems();
    return this.root.evaluate((root) => {
      const numbers = [...root.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')].map((el) => {
        const r = el.getBoundingClientRect();
        return { mid: r.top + r.height / 2, line: Number(el.textContent) };
      });
      const found: { severity: 'error' | 'warning' | 'info'; line: number }[] = [];
      for (const severity of ['error', 'warning', 'info'] as const) {
        for (const el of root.querySelectorAll<HTMLElement>(`.squiggly-${severity}`)) {
          const r = el.getBoundingClientRect();
          const mid = r.top + r.height / 2;
          const nearest = numbers.reduce((best, n) => (Math.abs(n.mid - mid) < Math.abs(best.mid - mid) ? n : best), numbers[0]);
          if (nearest) found.push({ severity, line: nearest.line });
        }
      }
      const key = (m: { severity: string; line: number }) => `${m.line}:${m.severity}`;
      return [...new Map(found.map((m) => [key(m), m])).values()].sort((a, b) => a.line - b.line);
    });
  }

  /** The accessible problems list below the editor: severity, line, column and message. */
  async listedProblems(): Promise<(Marker & { column: number; message: string })[]> {
    if ((await this.problems.count()) === 0) return [];
    const rows = await this.problems.getByRole('listitem').allInnerTexts();
    return rows.map((row) => {
      const m = /^(error|warning|info)\s+(\d+):(\d+)\s+([\s\S]*)$/.exec(row.trim());
      if (!m) throw new Error(`unexpected problem row: ${row}`);
      return { severity: m[1] as Marker['severity'], line: Number(m[2]), column: Number(m[3]), message: m[4].trim() };
    });
  }

  async jumpToProblem(message: string | RegExp): Promise<void> {
    await this.problems.getByRole('button', { name: message }).first().click();
  }

  /** Hovers the first occurrence of `word` in Monaco's text; returns the hover widget. */
  async hover(word: string): Promise<Locator> {
    await this.root.locator('.view-lines').getByText(word, { exact: false }).first().hover();
    const widget = this.page.locator('.monaco-hover').filter({ hasText: /\S/ }).first();
    await expect(widget).toBeVisible({ timeout: 10_000 });
    return widget;
  }

  /** Labels of the completion list Monaco shows (after `type('obj.')`, for instance). */
  async completions(): Promise<string[]> {
    const widget = this.page.locator('.suggest-widget.visible');
    await expect(widget).toBeVisible({ timeout: 10_000 });
    await expect(widget.getByRole('option').first()).toBeVisible();
    return widget.getByRole('option').evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent ?? el.getAttribute('aria-label') ?? ''));
  }
}
