import { describe, expect, it } from 'vitest';
import { rolloutSummary } from '@/lib/kruise';
import { approvePatch } from './server-approve';

const loaded = (apiVersion: string, strategy: object, status: object) => {
  const object = { apiVersion, kind: 'Rollout', metadata: { name: 'r', namespace: 'ns', resourceVersion: '7' }, spec: { strategy }, status };
  return { object, version: apiVersion.split('/')[1], summary: rolloutSummary(object) };
};

describe('approvePatch', () => {
  it('v1beta1 canary: canaryStatus plus the top-level copy, resourceVersion as precondition', () => {
    expect(approvePatch(loaded('rollouts.kruise.io/v1beta1', { canary: { steps: [{ replicas: 1 }] } }, { canaryStatus: { currentStepState: 'StepPaused' } }))).toEqual({
      metadata: { resourceVersion: '7' },
      status: { canaryStatus: { currentStepState: 'StepReady' }, currentStepState: 'StepReady' },
    });
  });

  it('v1beta1 blue-green: blueGreenStatus', () => {
    expect(approvePatch(loaded('rollouts.kruise.io/v1beta1', { blueGreen: { steps: [{ replicas: 1 }] } }, { blueGreenStatus: { currentStepState: 'StepPaused' } }))).toEqual({
      metadata: { resourceVersion: '7' },
      status: { blueGreenStatus: { currentStepState: 'StepReady' }, currentStepState: 'StepReady' },
    });
  });

  it('v1alpha1: canaryStatus only (it has no top-level copy)', () => {
    expect(approvePatch(loaded('rollouts.kruise.io/v1alpha1', { canary: { steps: [{ weight: 10 }] } }, { canaryStatus: { currentStepState: 'StepPaused' } }))).toEqual({
      metadata: { resourceVersion: '7' },
      status: { canaryStatus: { currentStepState: 'StepReady' } },
    });
  });
});
