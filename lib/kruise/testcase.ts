// Replays a Kruise testdata case (kruise-testdata/README.md) with TestLuaScript's semantics (§10).
import { routeSteps } from './route';
import type { KruiseData } from './data';
import { canonicalJson, expectedData, isObj } from './expected';

export { canonicalJson, expectedData };

export interface TestCaseStep {
  index: number;
  expected: KruiseData;
  actual: KruiseData | null;
  error: string | null;
  pass: boolean;
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
