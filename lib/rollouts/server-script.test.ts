// The save's refusals and warnings in the reader's language, the worker's and the parser's words verbatim.
import { describe, expect, it, vi } from 'vitest';
import { englishText } from '@/lib/i18n/english';
import { fillIcu, messageAt } from '@/lib/i18n/fill-icu';
import { CATALOGUES } from '@/messages';

vi.mock('./server-env', async (orig) => ({ ...(await orig<object>()), lintKruise: async () => ({ ok: false, error: 'the Lua worker answered another request' }) }));
vi.mock('./server-load', () => ({ loadKruiseConfigMap: async () => ({ namespace: 'kruise-system', name: 'kruise-rollout-configuration', object: null }) }));

const { planSaveScript, shadowWarning, syntaxRefusal } = await import('./server-script');
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

describe('save script sentences for the page', () => {
  const zhText = (m: { key: string; values?: Record<string, string | number> }) => fillIcu(messageAt(CATALOGUES['zh-CN'], m.key), m.values);
  const expectChinese = (m: { key: string; values?: Record<string, string | number> }, english: string) => {
    const chinese = zhText(m);
    expect(chinese).not.toBe(english);
    expect(chinese).toMatch(/\p{Script=Han}/u);
    for (const v of Object.values(m.values ?? {})) if (!['last', 'more'].includes(String(v))) expect(chinese).toContain(String(v));
  };

  it('a syntax refusal says the same as before, one descriptor per line, the parser verbatim', () => {
    const issue = (line: number, message: string) => ({ rule: 'syntax', severity: 'error' as const, line, message });
    expect(syntaxRefusal([{ rule: 'x', severity: 'warning', line: 1, message: 'w' }])).toBeNull();
    const one = syntaxRefusal([issue(3, "'end' expected near <eof>")])!;
    expect(one.text).toBe("The script was not saved: line 3: 'end' expected near <eof>.");
    const two = syntaxRefusal([issue(1, 'unexpected symbol near x'), issue(4, "'=' expected near y")])!;
    expect(two.text).toBe("The script was not saved: line 1: unexpected symbol near x; line 4: '=' expected near y.");
    for (const r of [one, two]) {
      expect(r.msgs.map((m) => englishText(m.key, m.values)).join(' ')).toBe(r.text);
      for (const m of r.msgs) expectChinese(m, englishText(m.key, m.values));
    }
    expect(two.msgs.map(zhText).join(' ')).toBe("脚本未保存： 第 1 行：unexpected symbol near x； 第 4 行：'=' expected near y。");
  });

  it('the shadow warning and the other refusals render to their English', () => {
    const w = shadowWarning({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' });
    expect(w.text).toBe("Kruise's built-in VirtualService script wins over ConfigMap key lua.traffic.routing.VirtualService.networking.istio.io: the controller ignores the saved script for VirtualService.networking.istio.io (openkruise/rollouts#322).");
    expect(englishText(w.msg.key, w.msg.values)).toBe(w.text);
    expectChinese(w.msg, w.text);
    const cases: [string, Record<string, string>, string][] = [
      ['rollouts.refusal.noNamespace', { namespace: 'kruise-rollout', target: 'ConfigMap kruise-rollout/kruise-rollout-configuration' }, 'Namespace "kruise-rollout" does not exist, so ConfigMap kruise-rollout/kruise-rollout-configuration cannot be created. Install Kruise Rollout there, or set STUDIO_KRUISE_NAMESPACE to the namespace its controller runs in.'],
      ['rollouts.refusal.configMapUnreadable', { configMap: 'kruise-system/kruise-rollout-configuration', error: 'forbidden' }, 'ConfigMap kruise-system/kruise-rollout-configuration could not be read, so scripts without a built-in are unknown: forbidden'],
      ['rollouts.planError.unknownKind', { label: 'Foo(shop/web)', kind: 'Foo', apiVersion: 'x.io/v1' }, 'Foo(shop/web): the studio does not know the kind Foo in x.io/v1, so the server cannot read or write it.'],
      ['rollouts.saveWarning.line', { line: '7', message: 'Weights add up to 90, not 100 (90).' }, 'Line 7: Weights add up to 90, not 100 (90).'],
      ['rollouts.refusal.nothingWritten', {}, 'Nothing was written:'],
    ];
    for (const [key, values, english] of cases) {
      expect(englishText(key, values)).toBe(english);
      expectChinese({ key, values }, english);
    }
  });
});
