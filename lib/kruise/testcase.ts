// Replays a Kruise testdata case (kruise-testdata/README.md) with TestLuaScript's semantics (§10).
import { routeSteps } from './route';
import type { KruiseData } from './data';

export interface TestCaseStep {
  index: number;
  expected: KruiseData;
  actual: KruiseData | null;
  error: string | null;
  pass: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function expectedData(o: unknown): KruiseData {
  const out: KruiseData = {};
  if (!isObj(o)) return out;
  if (o.spec !== undefined && o.spec !== null) out.spec = o.spec;
  const meta = isObj(o.metadata) ? o.metadata : {};
  if (isObj(meta.labels) && Object.keys(meta.labels).length) out.labels = meta.labels as Record<string, string>;
  if (isObj(meta.annotations) && Object.keys(meta.annotations).length) out.annotations = meta.annotations as Record<string, string>;
  return out;
}

/** Compact JSON with sorted keys (the upstream comparison). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (isObj(v)) return '{' + Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k])).join(',') + '}';
  return JSON.stringify(v);
}

export function runTestCase(testCase: unknown, script: string): { steps: TestCaseStep[]; inputErrors: string[] } {
  const tc = isObj(testCase) ? testCase : {};
  const routed = routeSteps({ rollout: tc.rollout ?? undefined, trafficRouting: tc.trafficRouting ?? undefined, gateway: tc.original, script, mode: 'test' });
  const expected = Array.isArray(tc.expected) ? tc.expected : [];
  const steps = routed.steps.map((s, i) => {
    const exp = expectedData(expected[i]);
    const pass = s.error === null && s.result !== null && expected[i] !== undefined && canonicalJson(s.result) === canonicalJson(exp);
    return { index: s.index, expected: exp, actual: s.result, error: s.error, pass };
  });
  return { steps, inputErrors: routed.inputErrors.map((e) => e.message) };
}
