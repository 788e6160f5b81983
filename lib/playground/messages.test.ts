// The playground's sentences keep the English the studio always wrote, and render from the same
// catalogue entry in the reader's language.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import type { Msg } from '@/lib/i18n/message';
import type { PodTag } from '@/lib/deepflow/tag';
import { decodeShareHash, saveStored } from './codec';
import { parseDeepLink, pickGatewayRef } from './deep-link';
import { checkSize, parseDocuments, parsePodsInput, parseRoutingInput, parseTestdata, type InputProblem } from './input';
import { defaultState } from './state';
import { podRow } from './tagging';
import { phrase, playgroundProblem, type Phrase } from './text';

type T = (k: string, v?: Msg['values']) => string;
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;
const HAN = /\p{Script=Han}/u;

function render(t: T, p: Phrase): string {
  if (!p.msg) return p.text;
  const inner = Object.fromEntries(Object.entries(p.inner ?? {}).map(([k, q]) => [k, render(t, q)]));
  return t(p.msg.key, { ...p.msg.values, ...inner });
}

/** English from the descriptor is the text; Chinese differs and is Chinese. */
function expectBoth(text: string, m: Msg) {
  expect(en(m.key, m.values)).toBe(text);
  const chinese = zh(m.key, m.values);
  expect(chinese).not.toBe(text);
  expect(chinese).toMatch(HAN);
}

const problemOf = (r: { ok: boolean; error?: InputProblem }) => {
  if (r.ok || !r.error?.msg) throw new Error('expected a problem with a descriptor');
  return r.error as InputProblem & { msg: Msg };
};

describe('input problems', () => {
  const cases: [InputProblem & { msg?: Msg }, string][] = [
    [checkSize(50_000_000)!, 'This input is 50 MB; the playground takes at most 8.0 MB. Narrow it down (one namespace, a label selector: kubectl get pods -n NS -l KEY=VALUE -o json).'],
    [checkSize(12_300_000, 'pods.json')!, 'pods.json is 12 MB; the playground takes at most 8.0 MB. Narrow it down (one namespace, a label selector: kubectl get pods -n NS -l KEY=VALUE -o json).'],
    [problemOf(parseDocuments('{\n  "a": 1,\n  "b": ,\n}')), "JSON does not parse: Unexpected token ','"],
    [problemOf(parsePodsInput('kind: Service\nmetadata: {name: s}\n---\nkind: Service\nmetadata: {name: t}\n')), 'No pod in this input (found 2× Service). Paste pods as JSON or YAML, or upload kubectl get pods -o json.'],
    [problemOf(parseRoutingInput('kind: VirtualService\n')), 'No Rollout or TrafficRouting in this YAML: paste the Rollout and its gateway object as two documents (separated by ---).'],
    [problemOf(parseRoutingInput('kind: Rollout\n')), 'No gateway object in this YAML: add the object the Rollout routes (e.g. its VirtualService) as another document after ---.'],
    [problemOf(parseTestdata('a: 1\n---\nb: 2\n')), 'A Kruise testdata file is one YAML document with rollout (or trafficRouting), original and expected.'],
    [problemOf(parseTestdata('original: {kind: X}\nexpected: []\n')), 'This testdata file has neither rollout nor trafficRouting.'],
    [problemOf(parseTestdata('rollout: {kind: Rollout}\ntrafficRouting: {}\noriginal: {kind: X}\nexpected: []\n')), 'This testdata file has both rollout and trafficRouting; a Kruise testdata file has exactly one.'],
    [problemOf(parseTestdata('rollout: {kind: Rollout}\nexpected: []\n')), 'This testdata file has no original object (the gateway object before routing).'],
    [problemOf(parseTestdata('rollout: {kind: Rollout}\noriginal: {kind: X}\n')), 'This testdata file has no expected list, so there is nothing to check. Add expected (one object per step), or paste the rollout and original as plain YAML to preview them.'],
    [problemOf(parseTestdata('rollout: {kind: Rollout}\noriginal: {kind: VirtualService}\nexpected: 3\n')), 'expected must be a list with one object per step.'],
  ];
  it('is the English the playground always wrote, and Chinese in zh-CN', () => {
    for (const [p, text] of cases) {
      expect(p.message).toBe(text);
      expectBoth(text, p.msg!);
    }
  });

  it('quotes the parser inside the sentence', () => {
    const p = problemOf(parseDocuments('a: 1\nb: [1, 2\nc: 3\n'));
    expect(p.message).toMatch(/^YAML does not parse: /);
    const quote = p.message.slice('YAML does not parse: '.length);
    expectBoth(p.message, p.msg);
    expect(zh(p.msg.key, p.msg.values)).toContain(quote);
  });

  it('words the cluster source problems', () => {
    const all: [{ message: string; msg: Msg }, string][] = [
      [playgroundProblem('playground.routingInput.unknownKind', { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', name: 'web' }), 'The studio does not know the kind projectcontour.io/v1 HTTPProxy: add it on the Settings page (group/version/plural) to load HTTPProxy/web.'],
      [playgroundProblem('playground.routingInput.gatewayMissing', { kind: 'VirtualService', target: 'shop/web' }), 'VirtualService shop/web, referenced by the Rollout, does not exist.'],
      [playgroundProblem('playground.routingInput.noRollout', { rollout: 'shop/web' }), 'There is no Rollout shop/web in this cluster.'],
      [playgroundProblem('playground.routingInput.configMapForbidden', { configMap: 'kruise-rollout/kruise-rollout-configuration' }), 'The kruise-rollout/kruise-rollout-configuration ConfigMap cannot be read (forbidden): only built-in scripts can be resolved.'],
      [playgroundProblem('playground.routingInput.configMapShadowed', { key: 'lua.traffic.routing.VirtualService.networking.istio.io' }), 'The ConfigMap key lua.traffic.routing.VirtualService.networking.istio.io exists but Kruise uses its built-in script instead (openkruise/rollouts#322).'],
    ];
    for (const [p, text] of all) {
      expect(p.message).toBe(text);
      expectBoth(text, p.msg);
    }
  });
});

describe('share links and storage', () => {
  it('names each refused link', async () => {
    const base = defaultState();
    const refusals: { error: string; msg: Msg }[] = [];
    for (const h of ['#s=2.abc', '#s=1.***']) {
      const d = await decodeShareHash(h, base);
      if (d.ok === false) refusals.push(d);
    }
    const texts = refusals.map((r) => r.error);
    expect(texts).toEqual(['This share link is not one this version of the studio can read.', 'This share link is damaged (it may have been cut off when it was copied); it was not opened.']);
    for (const r of refusals) expectBoth(r.error, r.msg);
    expectBoth('This share link holds more than 4 MB of state; it was not opened.', { key: 'playground.share.error.tooLarge' });
    expectBoth('This share link does not hold a playground state.', { key: 'playground.share.error.notState' });
    const refused = phrase('playground.notice.shareRefused', {}, { error: { text: texts[0], msg: refusals[0].msg } });
    expect(refused.text).toBe('This share link is not one this version of the studio can read. Your own work is shown instead.');
    expect(render(en, refused)).toBe(refused.text);
    expect(render(zh, refused)).toMatch(HAN);
    expectBoth('Opened the shared playground state from the link.', phrase('playground.notice.shared').msg!);
  });

  it('says why the work was not saved', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const r = saveStored(full, defaultState());
    expect(!r.ok && r.error).toBe('The work could not be saved in local storage (QuotaExceededError); use Share or Export to keep it');
    if (!r.ok) expectBoth(r.error, r.msg);
    const none = saveStored(null, defaultState());
    expect(!none.ok && none.error).toBe('local storage is not available in this browser');
    if (!none.ok) expectBoth(none.error, none.msg);
  });
});

describe('deep links', () => {
  it('words each unreadable parameter', () => {
    const d = parseDeepLink(new URLSearchParams('mode=x&rollout=bad&ref=1/2&ns=Bad_NS'));
    expect(d.errors).toEqual(['Unknown mode "x": use tagging, routing or cluster.', 'rollout=bad is not <namespace>/<name>.', 'ref=1/2 is not <Kind>/<name>.', 'ns=Bad_NS is not a namespace name.']);
    d.errors.forEach((e, i) => expectBoth(e, d.errorMsgs![i]));
  });

  it('words a gateway reference that cannot be picked', () => {
    const none = pickGatewayRef({ spec: { strategy: { canary: { trafficRoutings: [{ service: 's' }] } } } }, null);
    expect(!none.ok && none.error).toBe('This Rollout has no customNetworkRefs: it routes through an Ingress or Gateway API, which need no Lua script.');
    if (!none.ok) expectBoth(none.error, none.msg);
    const rollout = { metadata: { namespace: 'shop' }, spec: { strategy: { canary: { trafficRoutings: [{ customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'web' }] }] } } } };
    const other = pickGatewayRef(rollout, { kind: 'DestinationRule', name: 'web' });
    expect(!other.ok && other.error).toBe('This Rollout does not reference DestinationRule/web; it references VirtualService/web.');
    if (!other.ok) expectBoth(other.error, other.msg);
  });
});

describe('tagging reasons', () => {
  const tag = (over: Partial<PodTag>): PodTag => ({
    namespace: 'ns', name: 'p', uid: 'u', plugin: { type: '', name: '', error: null }, accepted: false, standard: { unsynchronized: 'no-owner' }, workload: null, prints: [],
    reason: null, platform: null, overridesOwner: false, label: null, unmatched: false, matchedPlugin: null, rejectedType: null, groupKey: null,
    ...over,
  } as PodTag);
  it('renders each reason to its English text, and to Chinese in zh-CN', () => {
    const rows = [
      [podRow(tag({ accepted: true, plugin: { type: 'deployment', name: 'api', error: null }, workload: { type: 'Deployment', name: 'api', source: 'plugin' } as PodTag['workload'] })), 'DeepFlow groups the pod as Deployment api'],
      [podRow(tag({ standard: { type: 'StatefulSet', name: 'redis' } as PodTag['standard'], workload: { type: 'StatefulSet', name: 'redis', source: 'owner' } as PodTag['workload'] })), 'no plugin result; owner reference: StatefulSet redis'],
      [podRow(tag({ reason: { code: 'no-owner', text: 'no owner', detail: 'no ownerReferences', owner: null } })), 'no plugin result; unsynchronized: no owner (no ownerReferences)'],
      [podRow(tag({ reason: { code: 'unsupported-kind', text: 'unsupported owner kind Foo', detail: 'Foo', owner: { kind: 'Foo', name: 'f', apiVersion: 'v1', uid: 'x' } } })), 'no plugin result; unsynchronized: unsupported owner kind Foo'],
      [podRow(tag({})), 'no plugin result; unsynchronized'],
    ] as const;
    for (const [row, text] of rows) {
      expect(row.reason).toBe(text);
      expect(render(en, row.reasonPhrase)).toBe(text);
      expect(render(zh, row.reasonPhrase)).not.toBe(text);
      expect(render(zh, row.reasonPhrase)).toMatch(HAN);
    }
  });
});
