// Routing mode: what each "Step N" card shows. The route itself runs in the Worker (routeSteps);
// this turns its output into YAML, diffs, lints and testdata verdicts on the page.
import { diffLines } from 'diff';
import { stringify } from 'yaml';
import { canonicalJson, expectedData } from '@/lib/kruise/expected';
import { originalData, type KruiseData } from '@/lib/kruise/data';
import { kruiseWrite } from '@/lib/kruise/gateway-write';
import { ORIGINAL_SPEC_ANNOTATION } from '@/lib/kruise/input';
import { lintRouteResult, type RouteLintIssue as LintIssue } from '@/lib/kruise/lint';
import type { RouteOutput, RouteStep } from '@/lib/kruise/route';
import { errorLine } from './diagnostics';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DiffLine {
  type: 'add' | 'del' | 'same';
  text: string;
}

/** A line diff (the `diff` library's Myers diff), split into one entry per line. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const type: DiffLine['type'] = part.added ? 'add' : part.removed ? 'del' : 'same';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) out.push({ type, text });
  }
  return out;
}

export const changedLines = (d: readonly DiffLine[]) => d.filter((l) => l.type !== 'same').length;

/** YAML with sorted keys, as Go's encoder orders maps: the diffs then show only real changes. */
export function toYaml(v: unknown): string {
  return stringify(v, { lineWidth: 0, sortMapEntries: true });
}

/**
 * The gateway object as Kruise writes it (lib/kruise `kruiseWrite`, §7.2), trimmed for reading: kind,
 * name, namespace, labels, annotations without the original-spec one, spec.
 */
export function producedObject(gateway: unknown, data: KruiseData): Obj {
  const written = (isObj(gateway) ? kruiseWrite(gateway, data) : kruiseWrite({}, data)) as Obj;
  const m = isObj(written.metadata) ? written.metadata : {};
  const metadata: Obj = {};
  if (m.name !== undefined) metadata.name = m.name;
  if (m.namespace !== undefined) metadata.namespace = m.namespace;
  if (m.labels !== undefined) metadata.labels = m.labels;
  const annotations = isObj(m.annotations) ? { ...m.annotations } : {};
  delete annotations[ORIGINAL_SPEC_ANNOTATION];
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const g = isObj(gateway) ? gateway : {};
  return { ...(g.apiVersion !== undefined ? { apiVersion: g.apiVersion } : {}), ...(g.kind !== undefined ? { kind: g.kind } : {}), metadata, ...(written.spec !== undefined ? { spec: written.spec } : {}) };
}

export interface StepView {
  index: number;
  ran: boolean;
  obj: unknown;
  error: string | null;
  errorLine: number | null;
  production: string | null;
  producedYaml: string | null;
  diff: DiffLine[];
  lints: LintIssue[];
  prints: string[];
  warnings: string[];
  /** testdata only */
  test: { pass: boolean; expectedYaml: string; diff: DiffLine[] } | null;
}

export function stepViews(output: RouteOutput, gateway: unknown, expected?: readonly unknown[]): StepView[] {
  const original = originalData(gateway);
  const originalYaml = toYaml(producedObject(gateway, original));
  const kind = isObj(gateway) && typeof gateway.kind === 'string' ? gateway.kind : '';
  return output.steps.map((s: RouteStep, i) => {
    const producedYaml = s.result ? toYaml(producedObject(gateway, s.result)) : null;
    const obj = isObj(s.obj) ? (s.obj as RouteLintOptionsObj) : undefined;
    let test: StepView['test'] = null;
    if (expected) {
      const exp = expectedData(expected[i]);
      const expectedYaml = toYaml(producedObject(gateway, exp));
      const pass = s.error === null && s.result !== null && expected[i] !== undefined && canonicalJson(s.result) === canonicalJson(exp);
      test = { pass, expectedYaml: expected[i] === undefined ? '' : expectedYaml, diff: lineDiff(expected[i] === undefined ? '' : expectedYaml, producedYaml ?? '') };
    }
    return {
      index: s.index,
      ran: s.ran,
      obj: s.obj,
      error: s.error,
      errorLine: s.error ? errorLine(s.error) : null,
      production: s.production ?? null,
      producedYaml,
      diff: producedYaml ? lineDiff(originalYaml, producedYaml) : [],
      lints: lintRouteResult(kind, s.result, obj ? { obj } : {}),
      prints: s.prints,
      warnings: s.warnings,
      test,
    };
  });
}

type RouteLintOptionsObj = NonNullable<Parameters<typeof lintRouteResult>[2]>['obj'] & object;

export function testSummary(views: readonly StepView[]): { passed: number; failed: number } {
  const t = views.filter((v) => v.test);
  return { passed: t.filter((v) => v.test!.pass).length, failed: t.filter((v) => !v.test!.pass).length };
}
