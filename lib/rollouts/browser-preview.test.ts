// The detail page's preview model against the sandbox seed: Lua runs in-process here (routeSteps),
// in the browser it runs in the Worker; the folding is the same.
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { kruiseBuiltins, refKey, routeSteps, type RefInput } from '@/lib/kruise';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { builtinScriptSources } from '@/lib/playground/templates';
import { findKruiseConfigMap } from '@/lib/playground/deep-link';
import { named, seedObjects } from '@/lib/playground/seed-fixture';
import { editorDiagnostics, editorStartText, gatewayView, liveText, previewInputs, refPreview, scriptErrorLine, type PreviewArgs } from './browser-preview';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as (k: string, v?: Msg['values']) => string;
const text = (m: Msg) => en(m.key, m.values);

type Obj = Awaited<ReturnType<typeof seedObjects>>[number];
let seed: Obj[];
const builtins = kruiseBuiltins(builtinScriptSources());

beforeAll(async () => {
  seed = await seedObjects();
});

function args(ns: string, name: string, extra: Partial<PreviewArgs> = {}): PreviewArgs {
  const rollout = named(seed, 'Rollout', ns, name) as { spec: { strategy: { canary: { trafficRoutings: { customNetworkRefs: { kind: string; name: string }[] }[] } } } };
  const lives: Record<string, object | null> = {};
  for (const ref of rollout.spec.strategy.canary.trafficRoutings[0].customNetworkRefs) {
    lives[refKey(ref)] = seed.find((o) => o.kind === ref.kind && o.metadata?.namespace === ns && o.metadata?.name === ref.name) ?? null;
  }
  return { rollout, lives, configMap: findKruiseConfigMap(seed), builtins, ...extra };
}

const run = (ri: RefInput) => (ri.input ? routeSteps(ri.input) : null);
const services = (ns: string) => seed.filter((o) => o.kind === 'Service' && o.metadata?.namespace === ns).map((o) => o.metadata!.name!);

describe('the preview of shop/frontend (paused at step 2)', () => {
  it('runs the built-in VirtualService script: step 2 routes the header match to the canary', () => {
    const { actual } = previewInputs(args('shop', 'frontend'));
    expect(actual.map((r) => refKey(r.ref))).toEqual(['VirtualService/frontend', 'DestinationRule/frontend']);
    const vs = refPreview(actual[0], run(actual[0]), { services: services('shop') });
    expect(vs.error).toBeNull();
    expect(vs.script.source).toBe('builtin');
    expect(vs.script.shadowedConfigMapKey).toBe('lua.traffic.routing.VirtualService.networking.istio.io');
    expect(vs.steps).toHaveLength(4);
    const step2 = vs.steps[1];
    expect(step2.ran).toBe(true);
    expect(step2.producedYaml).toContain('host: frontend-canary');
    expect(step2.producedYaml).toContain('exact: iPhone');
    expect(step2.obj).toMatchObject({ canaryWeight: -1, canaryService: 'frontend-canary', stableService: 'frontend' });
    expect(vs.steps[3].noLua).toBe(true);
    expect(vs.steps[3].obj).toBeNull();
    expect(vs.liveState?.annotated).toBe(true);
    expect(text(vs.liveText)).toBe('live = step 2');
  });

  it('diffs each step against the original and the live object', () => {
    const { actual } = previewInputs(args('shop', 'frontend'));
    const vs = refPreview(actual[0], run(actual[0]));
    expect(vs.steps[1].changedVsLive).toBe(0);
    expect(vs.steps[1].changedVsOriginal).toBeGreaterThan(0);
    expect(vs.steps[0].diffLive.some((l) => l.type === 'add' && l.text.includes('weight: 20'))).toBe(true);
    // the restore step equals the original, annotation gone
    expect(vs.steps[3].producedYaml).not.toContain('original-spec-configuration');
    expect(vs.steps[3].changedVsOriginal).toBe(0);
  });

  it('previews an edited script instead of the controller one, and keeps the controller view apart', () => {
    const script = 'local d = obj.data\nd.spec.hosts = { "edited.example.com" }\nreturn d\n';
    const { actual, edited } = previewInputs(args('shop', 'frontend', { edits: { 'networking.istio.io/VirtualService': script } }));
    expect(edited[0]).not.toBeNull();
    expect(edited[1]).toBeNull();
    expect(edited[0]!.input!.script).toBe(script);
    expect(actual[0].input!.script).not.toBe(script);
    const p = refPreview(edited[0]!, run(edited[0]!));
    expect(p.steps[0].producedYaml).toContain('edited.example.com');
  });
});

describe('bad input renders as the controller would see it', () => {
  it('no steps: no predictions, no crash', () => {
    const { actual } = previewInputs(args('rollout-lab', 'no-steps'));
    const p = refPreview(actual[0], run(actual[0]));
    expect(p.steps).toEqual([]);
    expect(p.error).toBeNull();
  });

  it('a missing gateway object: the controller error, no run', () => {
    const { actual } = previewInputs(args('rollout-lab', 'missing-gateway'));
    expect(actual[0].input).toBeNull();
    const p = refPreview(actual[0], null);
    expect(p.error).toBe('failed to get custom network provider VirtualService(rollout-lab/web-missing): virtualservices.networking.istio.io "web-missing" not found');
    expect(text(p.liveText)).toBe('live object not found');
    expect(p.steps.every((s) => s.error === null)).toBe(true);
  });

  it('an annotation that is not JSON: Kruise runs with an empty obj.data and the built-in fails', () => {
    const { actual } = previewInputs(args('rollout-lab', 'bad-annotation'));
    const p = refPreview(actual[0], run(actual[0]));
    expect(p.annotationProblem).toBeTruthy();
    expect(p.steps[0].error).toMatch(/^failed to execute lua for VirtualService\(rollout-lab\/web-bad-annotation\): <string>:\d+:/);
    expect(p.steps[0].errorLine).toBeGreaterThan(0);
    expect(p.scriptErrors).toHaveLength(1);
  });

  it('a ConfigMap script that does not parse: one syntax error with its line, for every step that runs Lua', () => {
    const { actual } = previewInputs(args('rollout-lab', 'bad-script'));
    expect(actual[0].script).toMatchObject({ source: 'configmap', key: 'v1/Service' });
    const p = refPreview(actual[0], run(actual[0]));
    expect(p.scriptErrors).toHaveLength(1);
    expect(p.scriptErrors[0].message).toMatch(/^failed to execute lua for Service\(rollout-lab\/web-edge\): <string> line:6/);
    expect(p.scriptErrors[0].line).toBe(6);
    expect(p.scriptErrors[0].steps).toEqual([1]);
    expect(p.steps[1].noLua).toBe(true);
    expect(editorDiagnostics([p])).toEqual([expect.objectContaining({ line: 6, severity: 'error' })]);
    // the catalogue's wording matches the built-in English one, the engine's message verbatim inside
    expect(editorDiagnostics([p], text)).toEqual(editorDiagnostics([p]));
  });

  it('no ConfigMap: the controller lookup error', () => {
    const { actual } = previewInputs(args('shop', 'storefront', { configMap: null }));
    expect(actual[0].error).toMatch(/failed to get ConfigMap\(kruise-rollout\/kruise-rollout-configuration\)/);
  });
});

describe('shop/storefront on a Contour HTTPProxy', () => {
  it('takes the script from the ConfigMap and splits the first route', () => {
    const { actual } = previewInputs(args('shop', 'storefront'));
    expect(actual[0].script.source).toBe('configmap');
    const p = refPreview(actual[0], run(actual[0]), { services: services('shop') });
    expect(p.error).toBeNull();
    expect(p.steps[0].producedYaml).toMatch(/name: storefront-canary[\s\S]*weight: 20/);
    expect(text(p.liveText)).toBe('live = step 3 = original');
  });
});

describe('helpers', () => {
  it('reads line numbers from runtime and syntax errors', () => {
    expect(scriptErrorLine('failed to execute lua for X(a/b): <string>:12: attempt to index a nil value')).toBe(12);
    expect(scriptErrorLine("<string> line:6(column:5) near 'end':   syntax error")).toBe(6);
    expect(scriptErrorLine('expect table output from Lua script, not nil')).toBeNull();
  });

  it('shows gateway objects without status and server fields', () => {
    expect(gatewayView({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', uid: 'u', resourceVersion: '3', labels: { x: 'y' } }, spec: { a: 1 }, status: {} })).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', labels: { x: 'y' } }, spec: { a: 1 } });
  });

  it('words the live state', () => {
    expect(text(liveText({}, { annotated: true, equalsSteps: [1], equalsOriginal: false }))).toBe('live = step 1');
    expect(text(liveText({}, { annotated: false, equalsSteps: [], equalsOriginal: true }))).toBe('live = original');
    expect(text(liveText({}, { annotated: true, equalsSteps: [], equalsOriginal: false }))).toMatch(/^live = no step/);
  });

  it('starts the editor from the running script, the lua/ recipe, or a pass-through', () => {
    expect(editorStartText({ source: 'builtin', script: 'x', key: 'a/B' }, {})).toBe('x');
    expect(editorStartText({ source: 'none', key: 'a/B' }, { 'a/B': { source: 'recipe' } })).toBe('recipe');
    expect(editorStartText({ source: 'none', key: 'a/C' }, {})).toContain('return obj.data');
  });
});
