// A script the worker could not check is refused in the reader's language, the worker's words verbatim.
import { describe, expect, it, vi } from 'vitest';
import { englishText } from '@/lib/i18n/english';
import { fillIcu, messageAt } from '@/lib/i18n/fill-icu';
import { CATALOGUES } from '@/messages';

vi.mock('./server-env', async (orig) => ({ ...(await orig<object>()), lintKruise: async () => ({ ok: false, error: 'the Lua worker answered another request' }) }));
vi.mock('./server-load', () => ({ loadKruiseConfigMap: async () => ({ namespace: 'kruise-system', name: 'kruise-rollout-configuration', object: null }) }));

const { planSaveScript } = await import('./server-script');
const { guard } = await import('./server-result');

describe('planSaveScript', () => {
  it('refuses when the script cannot be checked, with a descriptor that says the same', async () => {
    const res = await guard(() => planSaveScript('ctx', { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' }, 'return obj'));
    expect(res).toEqual({
      ok: false,
      error: 'The script could not be checked: the Lua worker answered another request',
      messages: [{ key: 'rollouts.refusal.notChecked', values: { error: 'the Lua worker answered another request' } }],
    });
    if (res.ok || !res.messages) return;
    const [m] = res.messages;
    expect(englishText(m.key, m.values)).toBe(res.error);
    const chinese = fillIcu(messageAt(CATALOGUES['zh-CN'], m.key), m.values);
    expect(chinese).not.toBe(res.error);
    expect(chinese).toContain('the Lua worker answered another request');
  });
});
