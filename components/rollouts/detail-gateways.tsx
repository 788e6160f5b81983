'use client';
import Link from 'next/link';
import type { GatewayRefKey, RolloutSummary } from '@/lib/kruise';
import { refKey } from '@/lib/kruise';
import { KRUISE_CONFIGMAP, KRUISE_NAMESPACE } from '@/lib/playground/deep-link';
import type { RefPreview } from '@/lib/rollouts/browser-preview';
import { playgroundHref, refText, scriptName, scriptSourceText } from '@/lib/rollouts/browser-text';
import type { KubeListResult } from '@/lib/k8s/hooks';
import type { RefLoad } from './use-rollout-detail';

const CONFIG_MAP = `${KRUISE_NAMESPACE}/${KRUISE_CONFIGMAP}`;

function ControllerError({ text }: { text: string }) {
  return (
    <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
      <span className="font-semibold">The controller would log: </span>
      <span className="font-mono break-all">{text}</span>
    </div>
  );
}

/** Every customNetworkRefs object: does it exist, which script the controller runs for it, and what fails. */
export function GatewayObjects({ summary, previews, loads, configMapState, editing, onEdit, namespace, name }: {
  summary: RolloutSummary;
  previews: readonly RefPreview[];
  loads: Record<string, RefLoad>;
  configMapState: KubeListResult<unknown>['state'];
  editing: GatewayRefKey | null;
  onEdit: (ref: GatewayRefKey | null) => void;
  namespace: string;
  name: string;
}) {
  const r = summary.routing;
  return (
    <div className="flex flex-col gap-2">
      {r.kinds.includes('ingress') || r.kinds.includes('gateway') ? (
        <p className="text-[12px] text-muted">
          {r.ingress ? <>Ingress <span className="font-mono">{r.ingress.name}</span> (class {r.ingress.classType}) and </> : null}
          {r.gateway ? <>HTTPRoute <span className="font-mono">{r.gateway.httpRouteName}</span> </> : null}
          are routed by Kruise&apos;s ingress / Gateway API providers, which the studio does not preview.
        </p>
      ) : null}
      {r.trafficRoutingRef ? <p className="text-[12px] text-muted">Linked TrafficRouting: <span className="font-mono">{r.trafficRoutingRef}</span></p> : null}
      {configMapState === 'forbidden' ? (
        <p className="text-[12px] text-warn">The ConfigMap {CONFIG_MAP} cannot be read (forbidden): only built-in scripts can be resolved.</p>
      ) : null}
      {previews.length === 0 ? (
        <p className="text-muted">This Rollout has no customNetworkRefs: no routing script runs for it.</p>
      ) : null}
      {previews.map((p) => {
        const load = loads[p.key] ?? { state: 'loading' };
        const open = editing !== null && refKey(editing) === p.key;
        return (
          <article key={p.key} aria-label={refText(p.ref)} className="flex flex-col gap-1.5 rounded-md border border-line bg-surface px-3 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-mono font-semibold">{refText(p.ref)}</h3>
              <span className="text-[12px] text-muted">{p.ref.apiVersion}</span>
              <span className="text-[12px]">
                {load.state === 'loading' ? <span className="text-muted">loading…</span> : load.state === 'unreadable' ? <span className="text-warn">cannot be read</span> : load.live ? <span className="text-ok">exists</span> : <span className="font-semibold text-danger">not found</span>}
              </span>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls="rollout-script"
                  onClick={() => onEdit(open ? null : p.ref)}
                  className="h-7 rounded border border-line-strong px-2 text-[13px] hover:bg-raised"
                >
                  Edit script
                </button>
                <Link href={playgroundHref(namespace, name, p.ref)} className="text-[12px] text-accent underline-offset-2 hover:underline">
                  Open in the playground
                </Link>
              </div>
            </div>
            {load.state === 'unreadable' ? <p className="text-[12px] text-warn">{load.reason}</p> : null}
            <p className="text-[12px]">
              <span className="text-muted">Script: </span>
              {scriptSourceText(p.script, p.ref, CONFIG_MAP)}
            </p>
            {p.script.shadowedConfigMapKey ? (
              <p role="note" className="text-[12px] text-warn">
                The ConfigMap key <span className="font-mono">{p.script.shadowedConfigMapKey}</span> exists but Kruise uses its built-in script instead: a ConfigMap cannot override a built-in (
                <a className="underline" href="https://github.com/openkruise/rollouts/issues/322">openkruise/rollouts#322</a>).
              </p>
            ) : null}
            {p.error && load.state === 'ready' ? <ControllerError text={p.error} /> : null}
            {p.annotationProblem ? (
              <p role="note" className="text-[12px] text-warn">
                The original-spec annotation is not valid JSON (<span className="font-mono">{p.annotationProblem}</span>). Kruise ignores the parse error and runs the script with an empty <span className="font-mono">obj.data</span>; a restore would empty the object.
              </p>
            ) : null}
            {p.scriptErrors.length ? (
              <div role="alert" aria-label={`Script errors for ${refText(p.ref)}`} className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
                <p className="font-semibold text-danger">Script {scriptName(p.ref)} fails</p>
                <ul className="mt-0.5 flex flex-col gap-0.5">
                  {p.scriptErrors.map((e) => (
                    <li key={e.message}>
                      {e.line !== null ? <span className="font-semibold">line {e.line}: </span> : null}
                      <span className="font-mono break-all">{e.message}</span>
                      <span className="text-muted"> (step{e.steps.length === 1 ? '' : 's'} {e.steps.join(', ')})</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}
