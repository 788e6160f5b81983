import { describe, expect, it } from 'vitest';
import { customNetworkRefs, rolloutSteps, rolloutSummary, stepProgressText } from './rollout-status';
import { seedObject } from '@/lib/k8s/testing/shop-seed';

const v1beta1 = (canary: object, status?: object, extra: object = {}) => ({
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'shop', generation: 2 },
  spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' }, strategy: { canary }, ...extra },
  ...(status ? { status } : {}),
});
const routing = { trafficRoutings: [{ service: 'svc', customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }] }] };
const fourSteps = [{ traffic: '20%', replicas: 1, pause: {} }, { replicas: 1, matches: [{ headers: [{ type: 'Exact', name: 'a', value: '1' }] }], pause: {} }, { traffic: '50%', replicas: '50%', pause: { duration: 60 } }, { replicas: '100%' }];

describe('rolloutSummary / rolloutSteps: the paused seed Rollout (v1beta1)', () => {
  const rollout = seedObject('Rollout', 'frontend');

  it('reads the top-level step index and state', () => {
    const s = rolloutSummary(rollout);
    expect(s).toMatchObject({
      apiVersion: 'rollouts.kruise.io/v1beta1', version: 'v1beta1', strategy: 'canary', phase: 'Progressing',
      currentStepIndex: 2, totalSteps: 4, currentStepState: 'StepPaused', paused: true,
      stableRevision: '6d8f7b9c5d', canaryRevision: '7f9c8d6b4a', canaryReplicas: 1, canaryReadyReplicas: 1,
      observedGeneration: 1, generation: 1, generationObserved: true,
      workload: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'frontend' },
      statusPath: 'canaryStatus', problems: [],
    });
    expect(s.routing).toMatchObject({ service: 'frontend', canaryService: 'frontend-canary', kinds: ['custom'], ingress: null, gateway: null });
    expect(s.routing.customNetworkRefs.map((r) => `${r.kind}/${r.name}`)).toEqual(['VirtualService/frontend', 'DestinationRule/frontend']);
    expect(s.conditions[0]).toMatchObject({ type: 'Progressing', status: 'True', reason: 'InRolling' });
    expect(stepProgressText(rollout)).toBe('2/4');
  });

  it('shows step 2 current with its header matches, ANDed', () => {
    const steps = rolloutSteps(rollout);
    expect(steps.map((s) => s.state)).toEqual(['complete', 'current', 'pending', 'pending']);
    expect(steps[0]).toMatchObject({ index: 1, traffic: '20%', canaryWeight: 20, replicas: 1, pause: { kind: 'manual' }, matches: [], runsLua: true, requestHeaderModifier: null });
    expect(steps[1].matches).toHaveLength(1);
    expect(steps[1].matches[0].conditions.map((c) => c.text)).toEqual(['header user-agent = "iPhone"', 'header x-shop-beta ~ /^(yes|true)$/']);
    expect(steps[1]).toMatchObject({ traffic: null, canaryWeight: -1, runsLua: true });
    expect(steps[2].pause).toEqual({ kind: 'duration', seconds: 600 });
    // replicas-only last step at 100%: no Lua, no pause
    expect(steps[3]).toMatchObject({ runsLua: false, replicas: '100%', pause: null });
  });
});

describe('v1alpha1 (canaryStatus only, weight steps, headers-only matches)', () => {
  it('converts weight to traffic and an unset replicas to the weight', () => {
    const rollout = {
      apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'Rollout', metadata: { name: 'c', namespace: 'shop', generation: 3 },
      spec: {
        objectRef: { workloadRef: { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'c' } },
        strategy: { canary: { steps: [{ weight: 10, pause: {} }, { matches: [{ headers: [{ type: 'Exact', name: 'x', value: 'y' }], path: { type: 'Exact', value: '/x' } }], replicas: 1 }], ...routing } },
      },
      status: { observedGeneration: 2, phase: 'Progressing', canaryStatus: { currentStepIndex: 2, currentStepState: 'StepTrafficRouting', canaryRevision: 'r2' } },
    };
    const steps = rolloutSteps(rollout);
    expect(steps[0]).toMatchObject({ traffic: '10%', canaryWeight: 10, replicas: '10%' });
    // path is not part of a v1alpha1 match: the conversion copies headers only
    expect(steps[1].matches[0].conditions.map((c) => c.field)).toEqual(['header']);
    expect(steps.map((s) => s.state)).toEqual(['complete', 'current']);
    const s = rolloutSummary(rollout);
    expect(s).toMatchObject({ version: 'v1alpha1', currentStepIndex: 2, currentStepState: 'StepTrafficRouting', paused: false, generationObserved: false, canaryRevision: 'r2' });
    expect(s.workload).toEqual({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'c' });
    expect(stepProgressText(rollout)).toBe('2/2');
  });

  it('a Healthy seed Rollout without step status: every step pending, progress "—"', () => {
    const catalog = seedObject('Rollout', 'catalog');
    expect(rolloutSteps(catalog).map((s) => s.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(stepProgressText(catalog)).toBe('—');
    expect(rolloutSummary(catalog)).toMatchObject({ phase: 'Healthy', currentStepIndex: null, paused: false });
  });
});

describe('an unconverted v1alpha1 body labelled v1beta1 (a server that only relabels the version)', () => {
  const relabel = <T extends object>(o: T): T => ({ ...structuredClone(o), apiVersion: 'rollouts.kruise.io/v1beta1' });
  const { apiVersion: _a, version: _v, ...rest } = rolloutSummary(seedObject('Rollout', 'catalog'));

  it('the seed catalog: the same steps and summary as labelled v1alpha1', () => {
    const alpha = seedObject('Rollout', 'catalog');
    const beta = relabel(alpha);
    expect(rolloutSteps(beta)).toEqual(rolloutSteps(alpha));
    expect(rolloutSteps(beta).map((s) => s.traffic)).toEqual(['10%', null, '50%', '100%']);
    const s = rolloutSummary(beta);
    expect(s).toMatchObject({ apiVersion: 'rollouts.kruise.io/v1beta1', version: 'v1beta1' });
    const { apiVersion: _ba, version: _bv, ...betaRest } = s;
    expect(betaRest).toEqual(rest);
    expect(s.workload).toEqual({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'catalog' });
  });

  it('weight steps alone, headers-only matches, and the trafficrouting annotation', () => {
    const alpha = {
      apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'Rollout',
      metadata: { name: 'c', namespace: 'shop', annotations: { 'rollouts.kruise.io/trafficrouting': 'tr-c' } },
      spec: { strategy: { canary: { steps: [{ weight: 10 }, { matches: [{ headers: [{ name: 'x', value: 'y' }], path: { value: '/x' } }], replicas: 1 }], ...routing } } },
    };
    const beta = relabel(alpha);
    expect(rolloutSteps(beta)).toEqual(rolloutSteps(alpha));
    expect(rolloutSteps(beta)[0]).toMatchObject({ traffic: '10%', replicas: '10%' });
    expect(rolloutSteps(beta)[1].matches[0].conditions.map((c) => c.field)).toEqual(['header']);
    expect(rolloutSummary(beta).routing).toEqual(rolloutSummary(alpha).routing);
    expect(rolloutSummary(beta).routing.trafficRoutingRef).toBe('tr-c');
    expect(rolloutSummary(beta).problems).toEqual(rolloutSummary(alpha).problems);
  });

  it('a v1beta1 spec.workloadRef keeps the body v1beta1: a stray weight is no traffic', () => {
    const r = v1beta1({ steps: [{ weight: 10, replicas: 1 }], ...routing });
    expect(rolloutSteps(r)[0]).toMatchObject({ traffic: null, replicas: 1, runsLua: false });
    expect(rolloutSummary(r).workload).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' });
  });
});

describe('step states', () => {
  it('Completed or Healthy at the last step: all complete', () => {
    const done = v1beta1({ steps: fourSteps, ...routing }, { phase: 'Progressing', canaryStatus: { currentStepIndex: 4, currentStepState: 'Completed' } });
    expect(rolloutSteps(done).map((s) => s.state)).toEqual(['complete', 'complete', 'complete', 'complete']);
    const healthy = v1beta1({ steps: fourSteps, ...routing }, { phase: 'Healthy', currentStepIndex: 4, currentStepState: 'StepReady' });
    expect(rolloutSteps(healthy).every((s) => s.state === 'complete')).toBe(true);
  });

  it('the top-level copy wins over canaryStatus', () => {
    const r = v1beta1({ steps: fourSteps, ...routing }, { phase: 'Progressing', currentStepIndex: 3, currentStepState: 'StepUpgrade', canaryStatus: { currentStepIndex: 2, currentStepState: 'StepPaused' } });
    expect(rolloutSummary(r)).toMatchObject({ currentStepIndex: 3, currentStepState: 'StepUpgrade', paused: false });
  });

  it('blue-green: blueGreenStatus, updated revision and replicas, statusPath', () => {
    const r = {
      apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'bg', namespace: 'shop' },
      spec: { workloadRef: {}, strategy: { blueGreen: { steps: [{ traffic: '0%', replicas: '100%' }, { traffic: '100%', replicas: '100%' }], ...routing } } },
      status: { blueGreenStatus: { currentStepIndex: 1, currentStepState: 'StepPaused', updatedRevision: 'u1', updatedReplicas: 3, updatedReadyReplicas: 2 } },
    };
    expect(rolloutSummary(r)).toMatchObject({ strategy: 'blueGreen', statusPath: 'blueGreenStatus', paused: true, canaryRevision: 'u1', canaryReplicas: 3, canaryReadyReplicas: 2, problems: [] });
    expect(customNetworkRefs(r)).toEqual([{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }]);
  });
});

describe('problems in the webhook\'s words', () => {
  it('no steps', () => {
    const r = v1beta1({ steps: [], ...routing });
    expect(rolloutSummary(r).problems).toContain('The number of Canary.Steps cannot be empty');
    expect(rolloutSteps(r)).toEqual([]);
    expect(stepProgressText(r)).toBe('—');
  });

  it('bad traffic, missing replicas, several traffic routings, no service', () => {
    const r = v1beta1({ steps: [{ traffic: '20' }, { traffic: '0%', replicas: 1 }], trafficRoutings: [{ customNetworkRefs: [] }, { service: 'b' }] });
    expect(rolloutSummary(r).problems).toEqual([
      'Step 1: replicas cannot be empty',
      'Step 1: traffic must be percentage with "0%" < traffic <= "100%" in canary strategy',
      'Step 2: traffic must be percentage with "0%" < traffic <= "100%" in canary strategy',
      'Rollout currently only support single TrafficRouting.',
      'TrafficRouting.Service cannot be empty',
    ]);
  });

  it('ingress and gateway routing kinds', () => {
    const r = v1beta1({ steps: fourSteps, trafficRoutings: [{ service: 'svc', ingress: { name: 'web' }, gateway: { httpRouteName: 'r' } }] });
    expect(rolloutSummary(r).routing).toMatchObject({ kinds: ['ingress', 'gateway'], ingress: { classType: 'nginx', name: 'web' }, gateway: { httpRouteName: 'r' }, customNetworkRefs: [] });
  });
});
