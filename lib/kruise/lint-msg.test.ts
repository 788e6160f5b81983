// The English of every routing lint and route warning has one source of truth: the catalogue renders
// each `msg` to exactly the `message` (or warning) the CLI and the tests read, and zh-CN says it in Chinese.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { gatewayLints } from './gateway-lint';
import { lintMatches, lintRouteResult, type RouteLintIssue } from './lint';
import { originalData, parseOriginalAnnotation } from './data';
import { ORIGINAL_SPEC_ANNOTATION } from './input';
import { routeSteps } from './route';
import { newWarnings } from '@/lib/i18n/warnings';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en = en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

/** The catalogue's English is the English text, byte for byte; the Chinese is another sentence. */
function expectSame(m: Msg, english: string) {
  expect(text(m)).toBe(english);
  const chinese = text(m, zh);
  expect(chinese).not.toBe(english);
  expect(chinese).not.toContain(m.key);
}

const expectIssues = (issues: RouteLintIssue[], key: string, n = 1) => {
  const hits = issues.filter((i) => i.msg.key === key);
  expect(hits).toHaveLength(n);
  for (const i of hits) expectSame(i.msg, i.message);
  return hits;
};

const dest = (host: string, weight?: number, extra: Record<string, unknown> = {}) => ({ destination: { host, ...extra }, ...(weight === undefined ? {} : { weight }) });

describe('routing lints: msg renders to message', () => {
  it('every issue carries a msg', () => {
    const issues = [
      ...lintRouteResult('VirtualService', { spec: { http: [{ route: [dest('a', 50), dest('a', 20)] }], x: null } }),
      ...lintMatches([{ headers: [{ name: 'h', value: '1' }], path: { value: '/' } }]),
    ];
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expectSame(i.msg, i.message);
  });

  it('repeated destination (Istio, with subset and port, and the other gateway kinds)', () => {
    const vs = lintRouteResult('VirtualService', { spec: { http: [{ route: [dest('a', 50, { subset: 'v1', port: { number: 80 } }), dest('a', 50, { subset: 'v1', port: { number: 80 } })] }] } });
    const [hit] = expectIssues(vs, 'rollouts.lint.repeatedDestination');
    expect(hit.message).toBe('Destination a subset v1 port 80 repeats spec.http[0].route[0] in the same route.');
    const route = lintRouteResult('HTTPRoute', { spec: { rules: [{ backendRefs: [{ name: 'b', port: 80 }, { name: 'b', port: 80 }] }] } });
    expectIssues(route, 'rollouts.lint.repeatedDestination');
    const wrr = lintRouteResult('TraefikService', { spec: { weighted: { services: [{ name: 's', port: 80, weight: 1 }, { name: 's', port: 80, weight: 1 }] } } });
    expectIssues(wrr, 'rollouts.lint.repeatedDestination');
  });

  it('weights that do not add up to 100, with unset weights and large or fractional sums', () => {
    const [hit] = expectIssues(lintRouteResult('VirtualService', { spec: { tcp: [{ route: [dest('a', 30), dest('b')] }] } }), 'rollouts.lint.weightsSum');
    expect(hit.message).toBe('Weights add up to 30, not 100 (30 + unset=0).');
    expectIssues(lintRouteResult('VirtualService', { spec: { http: [{ route: [dest('a', 1000), dest('b', 0.3333333)] }] } }), 'rollouts.lint.weightsSum');
    expectIssues(lintRouteResult('ApisixRoute', { spec: { http: [{ backends: [{ serviceName: 'a', servicePort: 80, weight: 10 }, { serviceName: 'b', servicePort: 80 }] }] } }), 'rollouts.lint.weightsSum');
  });

  it('null in the result', () => {
    const issues = lintRouteResult('VirtualService', { spec: { http: [{ route: [dest('a')], headers: null }] }, labels: { a: null as unknown as string } });
    const hits = expectIssues(issues, 'rollouts.lint.nullValue', 2);
    expect(hits.map((h) => h.path)).toEqual(['spec.http[0].headers', 'labels.a']);
  });

  it('condition and path without type', () => {
    const issues = lintMatches([{ headers: [{ name: 'user-agent', value: 'pc' }], queryParams: [{ name: "it's {odd}", value: '1', type: '' }], path: { value: '/a' } }]);
    const conditions = expectIssues(issues, 'rollouts.lint.conditionNoType', 2);
    expect(conditions[1].message).toContain(`Condition on "it's {odd}" has no type.`);
    expectIssues(issues, 'rollouts.lint.pathNoType');
  });

  it('several routes to the stable host', () => {
    const obj = { data: { spec: { http: [{ route: [dest('web', 50), dest('web.shop.svc.cluster.local', 50), dest('web', 0)] }] } }, stableService: 'web' };
    const [hit] = expectIssues(lintRouteResult('VirtualService', null, { obj }), 'rollouts.lint.stableRoutes');
    expect(hit.message).toContain('3 routes go to the stable host "web"');
  });

  it('missing canary Service', () => {
    const vs = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { http: [{ route: [dest('web', 80), dest('web-canary', 20)] }] } };
    const lints = gatewayLints(vs, { canaryService: 'web-canary', stableService: 'web', services: ['web'] });
    const hits = lints.filter((l) => l.msg.key === 'rollouts.lint.missingCanaryService');
    expect(hits).toHaveLength(1);
    expectSame(hits[0].msg, hits[0].message);
    for (const l of lints) expectSame(l.msg, l.message);
  });
});

describe('route warnings: warningMsgs renders to warnings', () => {
  const rollout = (steps: unknown[]) => ({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', spec: { strategy: { canary: { steps, trafficRoutings: [{ service: 'svc' }] } } } });
  const gateway = (annotations?: Record<string, string>) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', ...(annotations ? { annotations } : {}) }, spec: { hosts: ['*'] } });

  it('keeps warnings and warningMsgs in step: CRD defaults and a malformed original', () => {
    const steps = [{ matches: [{ headers: [{ name: 'a', value: '1' }], path: { value: '/' } }] }];
    const out = routeSteps({ rollout: rollout(steps), gateway: gateway({ [ORIGINAL_SPEC_ANNOTATION]: '{not json' }), script: 'return obj.data', crdDefaults: true });
    expect(out.warnings).toHaveLength(2);
    expect(out.warningMsgs.map((m) => m.key)).toEqual(['rollouts.warning.originalMalformed', 'rollouts.warning.crdDefaults']);
    out.warningMsgs.forEach((m, i) => expectSame(m, out.warnings[i]));
    expect(out.warnings[1]).toMatch(/^applied CRD defaults \(an API server would\): /);
  });

  it('no warnings: both arrays empty, also for unusable input', () => {
    const ok = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway(), script: 'return obj.data' });
    expect(ok.warnings).toEqual([]);
    expect(ok.warningMsgs).toEqual([]);
    const bad = routeSteps({ gateway: gateway(), script: 'return obj.data' });
    expect(bad.warningMsgs).toEqual(bad.warnings);
  });

  it('originalData and parseOriginalAnnotation', () => {
    const parsed = parseOriginalAnnotation('nope');
    expectSame(parsed.malformedMsg!, parsed.malformed!);
    expect(parseOriginalAnnotation('{}').malformedMsg).toBeUndefined();
    const sink = newWarnings();
    originalData(gateway({ [ORIGINAL_SPEC_ANNOTATION]: 'nope' }), sink);
    expect(sink.warnings).toEqual([parsed.malformed]);
    expect(sink.warningMsgs).toEqual([parsed.malformedMsg]);
    expect(originalData(gateway({ [ORIGINAL_SPEC_ANNOTATION]: 'nope' }))).toEqual({});
  });
});
