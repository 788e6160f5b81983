import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import type { RoutingSummary } from '@/lib/kruise';
import { rolloutHref, routingKindText, scriptName, stepProgressLabel, workloadText } from './browser-text';

// descriptors read as English through the real catalogue, and carry Kruise's words verbatim in Chinese
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en = en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

const routing = (p: Partial<RoutingSummary>): RoutingSummary => ({ service: 'web', customNetworkRefs: [], ingress: null, gateway: null, kinds: [], trafficRoutingRef: null, canaryService: null, ...p }) as RoutingSummary;

describe('rollout texts', () => {
  it('links to the detail page with encoded segments', () => {
    expect(rolloutHref('shop', 'frontend')).toBe('/rollouts/shop/frontend');
  });

  it('names the workload and the routing kinds', () => {
    expect(workloadText({ workload: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } })).toBe('Deployment/web');
    expect(workloadText({ workload: null })).toBe('—');
    const refs = [
      { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'a' },
      { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', name: 'a' },
      { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'b' },
    ];
    expect(routingKindText(routing({ kinds: ['custom'], customNetworkRefs: refs }))).toBe('VirtualService + DestinationRule');
    expect(routingKindText(routing({ kinds: ['ingress', 'gateway'], ingress: { classType: 'nginx', name: 'x' }, gateway: { httpRouteName: 'r' } }))).toBe('Ingress (nginx), Gateway API HTTPRoute');
    expect(routingKindText(routing({}))).toBe('—');
  });

  it('words the step progress', () => {
    expect(text(stepProgressLabel({ currentStepIndex: 2, totalSteps: 4, currentStepState: 'StepPaused' }))).toBe('Step 2 of 4, StepPaused');
    expect(text(stepProgressLabel({ currentStepIndex: 2, totalSteps: 4, currentStepState: 'StepPaused' }), zh)).toBe('第 2 步，共 4 步，StepPaused');
    expect(text(stepProgressLabel({ currentStepIndex: null, totalSteps: 3, currentStepState: null }))).toBe('Not started, 3 steps');
    expect(text(stepProgressLabel({ currentStepIndex: null, totalSteps: 0, currentStepState: null }))).toBe('No steps');
  });

  it('names the script as Kruise keys it: version ignored, core v1 is group v1', () => {
    expect(scriptName({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' })).toBe('VirtualService.networking.istio.io');
    expect(scriptName({ apiVersion: 'v1', kind: 'Service' })).toBe('Service.v1');
  });
});

describe('step and script texts', () => {
  it('words pauses, states and header modifiers', async () => {
    const { pauseText, stepStateText, headerModifierLines } = await import('./browser-text');
    expect(text(pauseText({ kind: 'manual' }))).toBe('manual approval');
    expect(text(pauseText({ kind: 'duration', seconds: 600 }))).toBe('10 min');
    expect(text(pauseText({ kind: 'duration', seconds: 45 }))).toBe('45 s');
    expect(text(pauseText(null))).toBe('none');
    expect(text(stepStateText('current'))).toBe('Current');
    expect(headerModifierLines({ set: [{ name: 'x-a', value: '1' }], add: [{ name: 'x-b', value: '2' }], remove: ['x-c'] })).toEqual(['set x-a: 1', 'add x-b: 2', 'remove x-c']);
    expect(headerModifierLines(null)).toEqual([]);
  });

  it('says where the script comes from and links to the playground', async () => {
    const { scriptSourceText, playgroundHref } = await import('./browser-text');
    const cm = 'kruise-rollout/kruise-rollout-configuration';
    expect(text(scriptSourceText({ source: 'configmap', key: 'projectcontour.io/HTTPProxy' }, { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' }, cm))).toBe(`ConfigMap ${cm}, key lua.traffic.routing.HTTPProxy.projectcontour.io`);
    expect(text(scriptSourceText({ source: 'builtin', key: 'networking.istio.io/VirtualService' }, { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' }, cm))).toMatch(/built-in script lua_configuration\/networking.istio.io\/VirtualService/);
    expect(playgroundHref('shop', 'frontend', { kind: 'VirtualService', name: 'frontend' })).toBe('/playground?mode=routing&rollout=shop%2Ffrontend&ref=VirtualService%2Ffrontend');
  });
});
