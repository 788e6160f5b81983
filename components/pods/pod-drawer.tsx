'use client';
// The pod drawer: ordered sections (DeepFlow result, plugin argument, plugin trace, YAML,
// containers, logs). Escape or Close closes it; the page returns focus to the row.
import Link from 'next/link';
import { useEffect, useMemo, useRef, type ComponentType } from 'react';
import { stringify } from 'yaml';
import type { PodTag } from '@/lib/deepflow/tag';
import { deepflowBehaviour } from '@/lib/deepflow/versions';
import { podMetadataJson } from '@/lib/deepflow/metadata-json';
import { PLATFORM_LABELS } from '@/lib/deepflow/platforms';
import { writePluginHref } from '@/lib/pods/remediation';
import type { EvaluationInput } from '@/lib/runner/pod-evaluation';
import { usePodTrace } from '@/lib/runner/use-pod-evaluation';
import type { KubeObject } from '../kube-object';
import { CopyButton } from './copy-button';
import { PodContainers } from './pod-containers';
import { PodLogs } from './pod-logs';

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

function DeepflowResult({ tag }: DrawerProps) {
  if (!tag) return <p className="text-muted">Not evaluated yet.</p>;
  const s = tag.standard;
  const p = tag.plugin;
  const w = tag.workload;
  return (
    <dl>
      <Row k="Standard logic">
        {'type' in s ? (
          <>synchronized: <code className="font-mono">{s.type} {s.name}</code></>
        ) : (
          <>
            <span className="font-medium text-danger">unsynchronized: {tag.reason?.text}</span>
            {tag.reason?.detail ? <span className="text-muted"> ({tag.reason.detail})</span> : null}
            {tag.reason?.owner ? <div className="font-mono text-[12px] text-muted">first owner {tag.reason.owner.kind} {tag.reason.owner.name} ({tag.reason.owner.apiVersion})</div> : null}
          </>
        )}
      </Row>
      <Row k="Built-in rule">{w?.source === 'builtin-rule' ? <>virtual-kubelet rule: <code className="font-mono">{p.type} / {p.name}</code></> : 'did not apply'}</Row>
      <Row k="Plugin chain">
        {w?.source === 'builtin-rule' ? 'not run (the built-in rule answered first)'
          : p.error !== null ? <span className="text-danger">{p.failedPlugin?.name ?? 'a plugin'} failed: <code className="font-mono text-[12px]">{p.error}</code></span>
          : tag.matchedPlugin ? <>{tag.matchedPlugin.name} returned <code className="font-mono">{p.type} / {p.name}</code> (accepted)</>
          : tag.rejectedType !== null ? <span className="text-warn">returned <code className="font-mono">{p.type} / {p.name}</code>: DeepFlow rejects the type {tag.rejectedType}</span>
          : p.type !== '' || p.name !== '' ? <>returned <code className="font-mono">“{p.type}” / “{p.name}”</code>: not a complete pair, ignored</>
          : 'no plugin answered'}
      </Row>
      <Row k="Final label">
        {tag.label ? <code className="font-mono">{tag.label}</code> : <span className="font-medium text-danger">none: DeepFlow leaves the pod unmatched</span>}
        {tag.overridesOwner ? <div className="text-warn">overrides the synchronized owner</div> : null}
      </Row>
      {tag.groupKey ? <Row k="Abstract workload">{tag.groupKey} (type {w?.type}, decided by the group&apos;s first pod)</Row> : null}
      {tag.platform ? <Row k="Platform">{PLATFORM_LABELS[tag.platform]}</Row> : null}
      {tag.unmatched ? (
        <Row k="Fix">
          <Link href={writePluginHref(tag.reason?.owner?.kind ?? '', [`${tag.namespace}/${tag.name}`])} className="font-medium text-accent underline underline-offset-2">Write a plugin</Link>
          <span className="text-muted"> for owner kind {tag.reason?.owner?.kind || '(none)'} with this pod in the preview</span>
        </Row>
      ) : null}
    </dl>
  );
}

function MetadataJson({ pod, ctx }: DrawerProps) {
  const behaviour = deepflowBehaviour(ctx?.version);
  const json = useMemo(() => podMetadataJson(pod, behaviour.goRelease), [pod, behaviour.goRelease]);
  return (
    <div>
      <p className="mb-1 flex items-center justify-between text-[12px] text-muted">
        The exact string GetWorkloadTypeAndName receives (DeepFlow {behaviour.label}, Go {behaviour.goRelease} escapes).
        <CopyButton text={json} label="Copy metadata JSON" />
      </p>
      <pre aria-label="Metadata JSON" className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded border border-line bg-canvas p-2 font-mono text-[12px]">{json}</pre>
    </div>
  );
}

function PluginTrace({ pod, ctx }: DrawerProps) {
  const trace = usePodTrace(pod, ctx && ctx.plugins.length > 0 ? ctx : null);
  if (!ctx) return <p className="text-muted">Loading the saved plugins…</p>;
  if (ctx.plugins.length === 0) return <p className="text-muted">No enabled plugins: DeepFlow runs no Lua for this pod.</p>;
  if (trace.error) return <p className="text-danger">{trace.error}</p>;
  if (!trace.steps) return <p role="status" className="text-muted">Tracing {ctx.plugins.length} plugin{ctx.plugins.length === 1 ? '' : 's'}…</p>;
  return (
    <ol aria-label="Plugin trace" className="flex flex-col gap-1">
      {trace.steps.map((s) => (
        <li key={s.index} className="rounded border border-line px-2 py-1">
          <span className="font-mono font-medium">{s.index + 1}. {s.name}</span>{' '}
          {!s.ran ? <span className="text-muted">did not run</span>
            : s.error ? <span className="text-danger">error{s.line ? ` at line ${s.line}` : ''}: <code className="font-mono text-[12px]">{s.error}</code></span>
            : <span>returned <code className="font-mono">“{s.returned?.type}”, “{s.returned?.name}”</code>{s.decided ? <strong> (used)</strong> : <span className="text-muted"> (incomplete: next plugin)</span>}</span>}
          {s.prints.length > 0 ? <pre className="mt-1 whitespace-pre-wrap font-mono text-[12px] text-muted">{s.prints.join('\n')}</pre> : null}
        </li>
      ))}
    </ol>
  );
}

function PodYaml({ pod }: DrawerProps) {
  const text = useMemo(() => {
    const { managedFields: _drop, ...metadata } = pod.metadata; // eslint-disable-line @typescript-eslint/no-unused-vars
    return stringify({ ...pod, metadata });
  }, [pod]);
  return (
    <div>
      <p className="mb-1 flex justify-end"><CopyButton text={text} label="Copy YAML" /></p>
      <pre aria-label="Pod YAML" className="max-h-80 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{text}</pre>
    </div>
  );
}

const SECTIONS: { id: string; title: string; Body: ComponentType<DrawerProps> }[] = [
  { id: 'deepflow', title: 'DeepFlow result', Body: DeepflowResult },
  { id: 'metadata', title: 'Metadata JSON passed to plugins', Body: MetadataJson },
  { id: 'trace', title: 'Plugin trace', Body: PluginTrace },
  { id: 'yaml', title: 'YAML', Body: PodYaml },
  { id: 'containers', title: 'Containers', Body: ({ pod }) => <PodContainers pod={pod} /> },
  { id: 'logs', title: 'Logs', Body: ({ pod }) => <PodLogs pod={pod} /> },
];

export function PodDrawer({ onClose, ...props }: DrawerProps & { onClose: () => void }) {
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
        <h2 id="pod-drawer-title" className="min-w-0 flex-1 truncate font-mono text-[14px] font-semibold">Pod {title}</h2>
        <button ref={closeRef} type="button" onClick={onClose} className="rounded border border-line px-2 py-0.5 hover:border-accent">Close</button>
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-3">
        {SECTIONS.map(({ id, title: t, Body }) => (
          <section key={id} aria-labelledby={`pod-section-${id}`} className="mb-5">
            <h3 id={`pod-section-${id}`} className="mb-1.5 text-[13px] font-semibold uppercase tracking-wide text-muted">{t}</h3>
            <Body {...props} />
          </section>
        ))}
      </div>
    </aside>
  );
}
