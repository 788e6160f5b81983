'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useMsg } from '../use-msg';
import type { GatewayRefKey, RolloutSummary } from '@/lib/kruise';
import { refKey } from '@/lib/kruise';
import { KRUISE_CONFIGMAP, KRUISE_NAMESPACE } from '@/lib/playground/deep-link';
import type { RefPreview } from '@/lib/rollouts/browser-preview';
import { playgroundHref, refText, scriptName, scriptSourceText } from '@/lib/rollouts/browser-text';
import type { KubeListResult } from '@/lib/k8s/hooks';
import type { RefLoad } from './use-rollout-detail';

const CONFIG_MAP = `${KRUISE_NAMESPACE}/${KRUISE_CONFIGMAP}`;
const mono = (c: ReactNode) => <span translate="no" className="font-mono">{c}</span>;
const code = (c: ReactNode) => <code className="font-mono">{c}</code>;

// the controller's own words stay verbatim (they are what its log shows); the lead-in is ours
function ControllerError({ text }: { text: string }) {
  const t = useTranslations('rollouts.gateways');
  return (
    <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
      <span className="font-semibold">{t('controllerLog')}</span>
      <samp translate="no" className="font-mono break-all">{text}</samp>
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
  const t = useTranslations('rollouts.gateways');
  const text = useMsg();
  const r = summary.routing;
  return (
    <div className="flex flex-col gap-2">
      {r.kinds.includes('ingress') || r.kinds.includes('gateway') ? (
        <p className="text-[12px] text-muted">
          {r.ingress && r.gateway
            ? t.rich('ingressAndGateway', { ingress: r.ingress.name, classType: r.ingress.classType, route: r.gateway.httpRouteName, name: mono })
            : r.ingress
              ? t.rich('ingressOnly', { ingress: r.ingress.name, classType: r.ingress.classType, name: mono })
              : r.gateway
                ? t.rich('gatewayOnly', { route: r.gateway.httpRouteName, name: mono })
                : null}
        </p>
      ) : null}
      {r.trafficRoutingRef ? <p className="text-[12px] text-muted">{t.rich('linkedTrafficRouting', { ref: r.trafficRoutingRef, name: mono })}</p> : null}
      {configMapState === 'forbidden' ? (
        <p className="text-[12px] text-warn">{t('configMapForbidden', { configMap: CONFIG_MAP })}</p>
      ) : null}
      {previews.length === 0 ? (
        <p className="text-muted">{t.rich('noRefs', { code })}</p>
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
                {load.state === 'loading' ? <span className="text-muted">{t('loading')}</span> : load.state === 'unreadable' ? <span className="text-warn">{t('unreadable')}</span> : load.live ? <span className="text-ok">✓ {t('exists')}</span> : <span className="font-semibold text-danger">✗ {t('notFound')}</span>}
              </span>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls="rollout-script"
                  onClick={() => onEdit(open ? null : p.ref)}
                  className="h-7 rounded border border-line-strong px-2 text-[13px] hover:bg-raised"
                >
                  {t('editScript')}
                </button>
                <Link href={playgroundHref(namespace, name, p.ref)} className="text-[12px] text-accent underline-offset-2 hover:underline">
                  {t('openPlayground')}
                </Link>
              </div>
            </div>
            {load.state === 'unreadable' ? <p className="text-[12px] text-warn">{load.reason}</p> : null}
            <p className="text-[12px]">
              <span className="text-muted">{t('scriptLabel')}</span>
              {text(scriptSourceText(p.script, p.ref, CONFIG_MAP))}
            </p>
            {p.script.shadowedConfigMapKey ? (
              <p role="note" className="text-[12px] text-warn">
                {t.rich('shadowed', { key: p.script.shadowedConfigMapKey, name: mono, link: (c) => <a className="underline" href="https://github.com/openkruise/rollouts/issues/322">{c}</a> })}
              </p>
            ) : null}
            {p.error && load.state === 'ready' ? <ControllerError text={p.error} /> : null}
            {p.annotationProblem ? (
              <p role="note" className="text-[12px] text-warn">
                {t.rich('annotationInvalid', { problem: p.annotationProblem, name: mono, code })}
              </p>
            ) : null}
            {p.scriptErrors.length ? (
              <div role="alert" aria-label={t('scriptErrorsFor', { ref: refText(p.ref) })} className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
                <p className="font-semibold text-danger">{t('scriptFails', { script: scriptName(p.ref) })}</p>
                <ul className="mt-0.5 flex flex-col gap-0.5">
                  {p.scriptErrors.map((e) => (
                    <li key={e.message}>
                      {e.line !== null ? <span className="font-semibold">{t('line', { line: e.line })}</span> : null}
                      <samp translate="no" className="font-mono break-all">{e.message}</samp>
                      <span className="text-muted">{t('errorSteps', { count: e.steps.length, steps: e.steps.join(', ') })}</span>
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
