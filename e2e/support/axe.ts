import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The WCAG 2.0 and 2.1 A/AA rules: what the issue's "zero serious or critical violations" is measured against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Nothing of ours is excluded. Monaco's own DOM is: its hidden input textarea, view lines and
 * minimap are drawn by the editor library (not our markup), axe cannot see the text it paints on a
 * canvas, and its line-number and token colours come from the editor theme. The editor's wrapper,
 * its label and the plain-text mode (components/editor) are ours and are checked.
 */
const EXCLUDED = ['.monaco-editor'];

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now (an open dialog included) and fails listing every serious or
 * critical violation: rule id, impact, the target selectors of each node, and axe's help text.
 */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of EXCLUDED) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}\n    ${v.helpUrl}`);
  if (blocking.length) await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(blocking, null, 2), contentType: 'application/json' });
  expect(report, `serious or critical axe violations on ${label} (${page.url()})`).toEqual([]);
}
