import { expect, type Locator, type Page } from '@playwright/test';
import { LuaEditorPO } from './lua-editor';

/** /rollouts/<namespace>/<name>: ordered sections (Summary, Gateway objects, Live routing state, Steps), roles and labels only. */
export class RolloutDetailPage {
  readonly heading: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
  }

  async goto(namespace: string, name: string): Promise<void> {
    await this.page.goto(`/rollouts/${namespace}/${name}`);
    await expect(this.heading).toContainText(`${namespace}/${name}`, { timeout: 15_000 });
  }

  section(title: 'Summary' | 'Gateway objects' | 'Live routing state' | 'Steps' | RegExp | (string & {})): Locator {
    return this.main.getByRole('region', { name: title, exact: typeof title === 'string' });
  }

  /** The summary's value for a term ("Step state", "Current step", …). */
  summaryValue(term: string): Locator {
    return this.section('Summary').getByRole('group', { name: term, exact: true }).getByRole('definition');
  }

  get problems(): Locator {
    return this.main.getByRole('alert', { name: 'Rollout problems' });
  }

  stepCard(n: number): Locator {
    return this.section('Steps').getByRole('article', { name: `Step ${n}`, exact: true });
  }

  /** The pipeline of step chips above the cards, by its accessible name ("Step pipeline" / 步骤流水线). */
  stepPipeline(name = 'Step pipeline', steps = 'Steps'): Locator {
    return this.section(steps).getByRole('list', { name, exact: true });
  }

  /** A step card by its heading in any language ("Step 2", "第 2 步"), inside the section titled `steps`. */
  stepCardNamed(heading: string, steps = 'Steps'): Locator {
    return this.section(steps).getByRole('article', { name: heading, exact: true });
  }

  get stepCards(): Locator {
    return this.section('Steps').getByRole('article');
  }

  /** The preview of one gateway object inside a step card, e.g. (2, 'VirtualService/frontend'). */
  refPreview(n: number, ref: string): Locator {
    return this.stepCard(n).getByRole('region', { name: `Step ${n} ${ref}`, exact: true });
  }

  /** Unfolds a ref's preview in a step card (only the current step's are unfolded at first). */
  async unfold(n: number, ref: string): Promise<void> {
    const preview = this.refPreview(n, ref);
    const details = preview.getByRole('group').first();
    if ((await details.getAttribute('open')) === null) await preview.getByText(ref, { exact: true }).click();
    await expect(details).toHaveAttribute('open', '');
  }

  producedObject(n: number, ref: string): Locator {
    return this.stepCard(n).getByRole('region', { name: `Step ${n} ${ref} produced object`, exact: true });
  }

  matches(n: number): Locator {
    return this.stepCard(n).getByRole('list', { name: `Step ${n} matches` });
  }

  gateway(ref: string): Locator {
    return this.section('Gateway objects').getByRole('article', { name: ref, exact: true });
  }

  liveState(ref: string): Locator {
    return this.section('Live routing state').getByRole('listitem', { name: `Live routing state of ${ref}` });
  }

  editScript(ref: string): Locator {
    return this.gateway(ref).getByRole('button', { name: 'Edit script', exact: true });
  }

  editor(): LuaEditorPO {
    return new LuaEditorPO(this.page, 'Lua source');
  }
}
