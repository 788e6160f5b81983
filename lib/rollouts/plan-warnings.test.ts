// Plan warnings: each descriptor (after its object's label, through rollouts.actions.labelled)
// renders in English to exactly the English warning, and zh-CN says it in Chinese.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { gatewayLints } from '@/lib/kruise/gateway-lint';
import { parseOriginalAnnotation } from '@/lib/kruise/data';
import { CATALOGUES } from '@/messages';
import { emptyOriginalWarning, labelledWarning, newPlanWarnings, noOriginalWarning, plainWarning, refNotFoundWarning, shadowedKeyWarning, type PlanWarningMsg } from './plan-warnings';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const tr = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);
/** What gateway-plan-view renders for one warning. */
const render = (w: NonNullable<PlanWarningMsg>, t: typeof en) => (w.label ? tr({ key: 'rollouts.actions.labelled', values: { label: w.label, message: tr(w.msg, t) } }, t) : tr(w.msg, t));

describe('plan warnings', () => {
  it('keeps warnings and warningMsgs in step and renders each to its English', () => {
    const label = 'VirtualService(shop/web)';
    const out = newPlanWarnings();
    plainWarning(out, 'ConfigMap kruise-system/kruise-rollout-configuration could not be read, so scripts without a built-in are unknown: forbidden');
    shadowedKeyWarning(out, label, 'lua.traffic.routing.VirtualService.networking.istio.io');
    refNotFoundWarning(out, label);
    noOriginalWarning(out, label);
    emptyOriginalWarning(out, label);
    const bad = parseOriginalAnnotation('{');
    labelledWarning(out, label, bad.malformed!, bad.malformedMsg!);
    const vs = { kind: 'VirtualService', metadata: { name: 'web' }, spec: { http: [{ route: [{ destination: { host: 'web-canary' }, weight: 20 }, { destination: { host: 'web' }, weight: 70 }] }] } };
    for (const l of gatewayLints(vs, { canaryService: 'web-canary', stableService: 'web', services: ['web'] })) labelledWarning(out, label, l.message, l.msg);
    expect(out.warningMsgs).toHaveLength(out.warnings.length);
    expect(out.warnings.length).toBe(8);
    expect(out.warnings.slice(1, 5)).toEqual([
      `${label}: ConfigMap key lua.traffic.routing.VirtualService.networking.istio.io is ignored, the built-in script wins (openkruise/rollouts#322).`,
      `${label} not found: skipped, as the controller's Finalise does.`,
      `${label} has no rollouts.kruise.io/original-spec-configuration annotation: nothing to restore.`,
      `${label}: the original-spec annotation is empty: left alone, as the controller's Finalise does.`,
    ]);
    expect(out.warningMsgs[0]).toBeNull();
    out.warningMsgs.forEach((w, i) => {
      if (!w) return;
      expect(render(w, en)).toBe(out.warnings[i]);
      expect(render(w, zh)).not.toBe(out.warnings[i]);
    });
  });
});
