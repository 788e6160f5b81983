'use client';
// The pod drawer: ordered sections (DeepFlow result, plugin argument, plugin trace, YAML,
// containers, logs). Escape or Close closes it; the page returns focus to the row.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, type ComponentType } from 'react';
import { stringify } from 'yaml';
import type { PodTag } from '@/lib/deepflow/tag';
import { deepflowBehaviour } from '@/lib/deepflow/versions';
import { podMetadataJson } from '@/lib/deepflow/metadata-json';
import { PLATFORM_LABELS } from '@/lib/deepflow/platforms';
import { reasonMsg } from '@/lib/pods/reason-msg';
import { writePluginHref } from '@/lib/pods/remediation';
import type { EvaluationInput } from '@/lib/runner/pod-evaluation';
import { usePodTrace } from '@/lib/runner/use-pod-evaluation';
import type { KubeObject } from '../kube-object';
import { CopyButton } from './copy-button';
import { PodContainers } from './pod-containers';
import { PodLogs } from './pod-logs';
import { useMsg } from '../use-msg';

export interface DrawerProps {
  pod: KubeObject;
  tag: PodTag | null;
  ctx: Omit<EvaluationInput, 'pods'> | null;
}

function Row({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-0.5">
      <dt className="text-muted">{k}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const code = (c: React.ReactNode) => <code className="font-mono">{c}</code>;

function DeepflowResult({ tag }: DrawerProps) {
  const t = useTranslations('pods.drawer');
  const m = useMsg();
  if (!tag) return <p className="text-muted">{t('notEvaluated')}</p>;
  const s = tag.standard;
  const p = tag.plugin;
  const w = tag.workload;
  const ownerKind = tag.reason?.owner?.kind;
  return (
    <dl>
      <Row k={t('standardLogic')}>
        {'type' in s ? (
          <>{t('synchronized')} <code className="font-mono">{s.type} {s.name}</code></>
        ) : (
          <>
            <span className="font-medium text-danger">{t('unsynchronized', { reason: tag.reason ? m(reasonMsg(tag.reason)) : '' })}</span>
            {tag.reason?.detail ? <span translate="no" className="text-muted"> ({tag.reason.detail})</span> : null}
            {tag.reason?.owner ? <div className="font-mono text-[12px] text-muted">{t('firstOwner', { kind: tag.reason.owner.kind, name: tag.reason.owner.name, apiVersion: tag.reason.owner.apiVersion })}</div> : null}
          </>
        )}
      </Row>
      <Row k={t('builtinRule')}>{w?.source === 'builtin-rule' ? <>{t('builtinRuleApplied')} <code className="font-mono">{p.type} / {p.name}</code></> : t('didNotApply')}</Row>
      <Row k={t('pluginChain')}>
        {w?.source === 'builtin-rule' ? t('chainNotRun')
          : p.error !== null ? <span className="text-danger">{t('pluginFailed', { plugin: p.failedPlugin?.name ?? t('aPlugin') })} <code className="font-mono text-[12px]">{p.error}</code></span>
          : tag.matchedPlugin ? <>{t.rich('pluginReturned', { plugin: tag.matchedPlugin.name, type: p.type, name: p.name, code })}</>
          : tag.rejectedType !== null ? <span className="text-warn">{t.rich('returnedRejected', { type: p.type, name: p.name, rejected: tag.rejectedType, code })}</span>
          : p.type !== '' || p.name !== '' ? <>{t.rich('returnedIncomplete', { type: p.type, name: p.name, code })}</>
          : t('noPluginAnswered')}
      </Row>
      <Row k={t('finalLabel')}>
        {tag.label ? <code className="font-mono">{tag.label}</code> : <span className="font-medium text-danger">{t('noLabel')}</span>}
        {tag.overridesOwner ? <div className="text-warn">{t('overridesOwner')}</div> : null}
      </Row>
      {tag.groupKey ? <Row k={t('abstractWorkload')}>{t('abstractWorkloadValue', { key: tag.groupKey, type: w?.type ?? '' })}</Row> : null}
      {tag.platform ? <Row k={t('platform')}>{PLATFORM_LABELS[tag.platform]}</Row> : null}
      {tag.unmatched ? (
        <Row k={t('fix')}>
          <Link href={writePluginHref(ownerKind ?? '', [`${tag.namespace}/${tag.name}`])} className="font-medium text-accent underline underline-offset-2">{t('writePlugin')}</Link>
          <span className="text-muted"> {t('fixHint', { kind: ownerKind || t('noKind') })}</span>
        </Row>
      ) : null}
    </dl>
  );
}

function MetadataJson({ pod, ctx }: DrawerProps) {
  const t = useTranslations('pods.drawer');
  const behaviour = deepflowBehaviour(ctx?.version);
  const json = useMemo(() => podMetadataJson(pod, behaviour.goRelease), [pod, behaviour.goRelease]);
  return (
    <div>
      <p className="mb-1 flex items-center justify-between gap-2 text-[12px] text-muted">
        {t('metadataHint', { version: behaviour.label, go: behaviour.goRelease })}
        <CopyButton text={json} label={t('copyMetadata')} />
      </p>
      <pre role="region" tabIndex={0} aria-label={t('metadataLabel')} className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded border border-line bg-canvas p-2 font-mono text-[12px]">{json}</pre>
    </div>
  );
}

function PluginTrace({ pod, ctx }: DrawerProps) {
  const t = useTranslations('pods.drawer');
  const trace = usePodTrace(pod, ctx && ctx.plugins.length > 0 ? ctx : null);
  if (!ctx) return <p className="text-muted">{t('loadingPlugins')}</p>;
  if (trace.error) return <p className="text-danger">{trace.error}</p>;
  if (!trace.steps) return <p role="status" className="text-muted">{t('tracing', { count: ctx.plugins.length })}</p>;
  return (
    <ol aria-label={t('traceLabel')} className="flex flex-col gap-1">
      {trace.steps.map((s) => (
        <li key={s.index} className="rounded border border-line px-2 py-1">
          <span className="font-mono font-medium">{s.index + 1}. {s.name}</span>{' '}
          {!s.ran ? <span className="text-muted">{t('didNotRun')}</span>
            : s.error ? <span className="text-danger">{s.line ? t('traceErrorAt', { line: s.line }) : t('traceError')} <code className="font-mono text-[12px]">{s.error}</code></span>
            : <span>{t('traceReturned')} <code className="font-mono">“{s.returned?.type}”, “{s.returned?.name}”</code> {s.decided ? <strong>{t('used')}</strong> : <span className="text-muted">{t('incomplete')}</span>}</span>}
          {s.prints.length > 0 ? <pre className="mt-1 whitespace-pre-wrap font-mono text-[12px] text-muted">{s.prints.join('\n')}</pre> : null}
        </li>
      ))}
    </ol>
  );
}

function PodYaml({ pod }: DrawerProps) {
  const t = useTranslations('pods.drawer');
  const text = useMemo(() => {
    const { managedFields: _drop, ...metadata } = pod.metadata; // eslint-disable-line @typescript-eslint/no-unused-vars
    return stringify({ ...pod, metadata });
  }, [pod]);
  return (
    <div>
      <p className="mb-1 flex justify-end"><CopyButton text={text} label={t('copyYaml')} /></p>
      <pre role="region" tabIndex={0} aria-label={t('yamlLabel')} className="max-h-80 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{text}</pre>
    </div>
  );
}

type SectionId = 'deepflow' | 'metadata' | 'trace' | 'yaml' | 'containers' | 'logs';
const SECTIONS: { id: SectionId; Body: ComponentType<DrawerProps> }[] = [
  { id: 'deepflow', Body: DeepflowResult },
  { id: 'metadata', Body: MetadataJson },
  { id: 'trace', Body: PluginTrace },
  { id: 'yaml', Body: PodYaml },
  { id: 'containers', Body: ({ pod }) => <PodContainers pod={pod} /> },
  { id: 'logs', Body: ({ pod }) => <PodLogs pod={pod} /> },
];

export function PodDrawer({ onClose, ...props }: DrawerProps & { onClose: () => void }) {
  const t = useTranslations('pods.drawer');
  const closeRef = useRef<HTMLButtonElement>(null);
  const { pod } = props;
  const title = `${pod.metadata.namespace}/${pod.metadata.name}`;
  useEffect(() => {
    closeRef.current?.focus();
  }, [title]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside role="dialog" aria-labelledby="pod-drawer-title" className="fixed inset-y-0 right-0 z-40 flex w-[min(52rem,95vw)] flex-col border-l border-line bg-surface shadow-2xl">
      <header className="flex items-center gap-3 border-b border-line px-4 py-2.5">
        <h2 id="pod-drawer-title" className="min-w-0 flex-1 truncate font-mono text-[14px] font-semibold">{t('title', { name: title })}</h2>
        <button ref={closeRef} type="button" onClick={onClose} className="rounded border border-line px-2 py-0.5 hover:border-accent">{t('close')}</button>
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-3">
        {SECTIONS.map(({ id, Body }) => (
          <section key={id} aria-labelledby={`pod-section-${id}`} className="mb-5">
            <h3 id={`pod-section-${id}`} className="mb-1.5 text-[13px] font-semibold uppercase tracking-wide text-muted">{t(`section.${id}`)}</h3>
            <Body {...props} />
          </section>
        ))}
      </div>
    </aside>
  );
}
