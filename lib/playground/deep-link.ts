// Deep links into the playground (used by the pods and rollouts pages):
//   /playground?mode=routing&rollout=<ns>/<name>[&ref=<Kind>/<name>]
//   /playground?mode=tagging&ns=<ns>
//   /playground?mode=cluster
// and the routing resolution they imply: the gateway object a Rollout references and the script
// the controller would run for its kind.
import { customNetworkRefs } from '@/lib/kruise/rollout-status';
import { KRUISE_CONFIGMAP, kruiseBuiltins, resolveScript, scriptGroup, type ResolvedScript } from '@/lib/kruise/script';
import type { Msg } from '@/lib/i18n/message';
import { isMode, type Mode } from './state';
import { playgroundRefusal, playgroundTextAndMsg } from './text';
import { builtinScriptSources } from './templates';

export const KRUISE_NAMESPACE = 'kruise-rollout';
export { KRUISE_CONFIGMAP };

export interface NamespacedName {
  namespace: string;
  name: string;
}

export interface DeepLink {
  mode: Mode | null;
  rollout: NamespacedName | null;
  ref: { kind: string; name: string } | null;
  ns: string | null;
  /** what could not be read, for an inline message */
  errors: string[];
  /** `errors` in the reader's language, index for index; only when there are errors */
  errorMsgs?: Msg[];
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function parseDeepLink(params: URLSearchParams): DeepLink {
  const errors: string[] = [];
  const errorMsgs: Msg[] = [];
  const refuse = (key: `playground.deepLink.${string}`, values: Record<string, string>) => {
    const t = playgroundTextAndMsg(key, values);
    errors.push(t.text);
    errorMsgs.push(t.msg);
  };
  const rawMode = params.get('mode');
  const mode = isMode(rawMode) ? rawMode : null;
  if (rawMode !== null && !mode) refuse('playground.deepLink.mode', { mode: rawMode });
  let rollout: NamespacedName | null = null;
  const r = params.get('rollout');
  if (r !== null) {
    const [namespace, name, ...rest] = r.split('/');
    if (rest.length === 0 && namespace && name && NAME.test(namespace) && NAME.test(name)) rollout = { namespace, name };
    else refuse('playground.deepLink.rollout', { value: r });
  }
  let ref: DeepLink['ref'] = null;
  const f = params.get('ref');
  if (f !== null) {
    const [kind, name, ...rest] = f.split('/');
    if (rest.length === 0 && kind && name && /^[A-Za-z][A-Za-z0-9]*$/.test(kind) && NAME.test(name)) ref = { kind, name };
    else refuse('playground.deepLink.ref', { value: f });
  }
  const rawNs = params.get('ns');
  let ns: string | null = null;
  if (rawNs !== null) {
    if (NAME.test(rawNs)) ns = rawNs;
    else refuse('playground.deepLink.ns', { value: rawNs });
  }
  return { mode, rollout, ref, ns, errors, ...(errorMsgs.length ? { errorMsgs } : {}) };
}

export interface GatewayRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Every `customNetworkRefs` entry of the Rollout's (or TrafficRouting's) traffic routing, in order, in
 * the object's namespace: lib/kruise's `customNetworkRefs` (the first traffic routing, as the
 * controller reads it; canary or blue-green).
 */
export function gatewayRefs(routing: unknown): GatewayRef[] {
  if (!isObj(routing)) return [];
  const namespace = str(isObj(routing.metadata) ? routing.metadata.namespace : '');
  return customNetworkRefs(routing).map((r) => ({ ...r, namespace }));
}

/** The referenced gateway: the `ref` the link names, else the first customNetworkRefs entry. */
export function pickGatewayRef(routing: unknown, ref: { kind: string; name: string } | null): { ok: true; ref: GatewayRef } | { ok: false; error: string; msg: Msg } {
  const refs = gatewayRefs(routing);
  if (refs.length === 0) return playgroundRefusal('playground.deepLink.noRefs');
  if (!ref) return { ok: true, ref: refs[0] };
  const found = refs.find((r) => r.kind === ref.kind && r.name === ref.name);
  if (!found) return playgroundRefusal('playground.deepLink.notReferenced', { ref: `${ref.kind}/${ref.name}`, refs: refs.map((r) => `${r.kind}/${r.name}`).join(', ') });
  return { ok: true, ref: found };
}

/** The live object of a reference among objects of its kind. */
export function findGateway(ref: GatewayRef, objects: readonly unknown[]): unknown {
  return objects.find((o) => {
    if (!isObj(o) || !isObj(o.metadata)) return false;
    const group = scriptGroup(str(o.apiVersion) || ref.apiVersion);
    return o.metadata.name === ref.name && o.metadata.namespace === ref.namespace && (!str(o.kind) || str(o.kind) === ref.kind) && group === scriptGroup(ref.apiVersion);
  });
}

/** The script the controller would use for the gateway's kind: a built-in, else the ConfigMap key. */
export function controllerScript(ref: { apiVersion: string; kind: string }, configMap: { data?: Record<string, string> | null } | null | undefined): ResolvedScript {
  return resolveScript(ref, { builtins: kruiseBuiltins(builtinScriptSources()), configMap: configMap ?? null });
}

/** The script a testdata file is for: upstream picks it by directory, i.e. by the original's kind. */
export function testdataScript(original: unknown): { key: string; source: string } | null {
  if (!isObj(original)) return null;
  const key = `${scriptGroup(str(original.apiVersion))}/${str(original.kind)}`;
  const s = builtinScriptSources()[key];
  return s ? { key, source: s.source } : null;
}

/** The kruise-rollout-configuration ConfigMap among ConfigMaps of the kruise-rollout namespace. */
export function findKruiseConfigMap(configMaps: readonly unknown[]): { data?: Record<string, string> } | null {
  const cm = configMaps.find((o) => isObj(o) && isObj(o.metadata) && o.metadata.name === KRUISE_CONFIGMAP && o.metadata.namespace === KRUISE_NAMESPACE);
  return (cm as { data?: Record<string, string> } | undefined) ?? null;
}
