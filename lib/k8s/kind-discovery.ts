import 'server-only';
// What the cluster calls a resource: its discovery document (`GET /apis/<group>/<version>`) names
// the Kind, singular and scope of every plural it serves. Used where the user typed only a plural,
// so the studio never shows a guessed singular ("Httpproxie") as a kind's name.
import * as k8s from '@kubernetes/client-node';
import { clusterClient, KubeRequestError } from './client';
import { toKubeError } from './errors';
import type { KubeError } from './types';
import { commonTextAndMsg, type TextAndMsg } from '@/lib/i18n/common-text';
import type { Msg } from '@/lib/i18n/message';
import { resourceInList, type DiscoveredKind } from './kind-discovery-types';

export type { DiscoveredKind } from './kind-discovery-types';

function refused(r: TextAndMsg): { ok: false; error: string; errorMsg: Msg } {
  return { ok: false, error: r.text, errorMsg: r.msg };
}

function timeout(ms: number): k8s.ConfigurationOptions {
  const pre = (ctx: k8s.RequestContext) => {
    ctx.setSignal(AbortSignal.timeout(ms));
    return new k8s.Observable(Promise.resolve(ctx));
  };
  return { middleware: [{ pre, post: (r: k8s.ResponseContext) => new k8s.Observable(Promise.resolve(r)) }], middlewareMergeStrategy: 'append' } as k8s.ConfigurationOptions;
}

export async function discoverKind(
  context: string,
  r: { group: string; version: string; plural: string },
  timeoutMs = 4000,
): Promise<{ ok: true; kind: DiscoveredKind } | { ok: false; error: string; errorMsg?: Msg }> {
  try {
    const client = clusterClient(context);
    let list: k8s.V1APIResourceList;
    try {
      list = await client.objects.getAPIResources({ group: r.group, version: r.version }, timeout(timeoutMs));
    } catch (err) {
      throw new KubeRequestError(toKubeError(err, { verb: 'get', resource: `${r.group}/${r.version}`, server: client.server, context }));
    }
    const found = resourceInList(list, r.plural);
    return found ? { ok: true, kind: found } : refused(commonTextAndMsg('common.kubeError.servesNoResource', { groupVersion: `${r.group}/${r.version}`, plural: r.plural }));
  } catch (err) {
    const e = err as { error?: KubeError; message?: string };
    if (e.error?.code === 404) return refused(commonTextAndMsg('common.kubeError.groupNotServed', { groupVersion: `${r.group}/${r.version}` }));
    if (e.error?.messageMsg) return { ok: false, error: e.error.message, errorMsg: e.error.messageMsg };
    return { ok: false, error: e.message ?? String(err) };
  }
}
