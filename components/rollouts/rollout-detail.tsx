'use client';
// /rollouts/<namespace>/<name>: the Rollout's summary, its gateway objects, their live routing
// state and the step pipeline with what every step's script produces. This file wires data ->
// preview model -> ordered sections; the decisions live in lib/kruise and lib/rollouts.
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { kruiseBuiltins, refKey, rolloutSteps, rolloutSummary, type GatewayRefKey } from '@/lib/kruise';
import { builtinScriptSources } from '@/lib/playground/templates';
import { editorStartText, previewInputs, refPreview, type RefPreview } from '@/lib/rollouts/browser-preview';
import { InlineCode } from '../inline-code';
import { useListReason } from '../use-list-reason';
import { SkeletonTable, StateNotice } from '../list-states';
import { ListProbe, RefRun, type RefRunState } from './detail-probes';
import { DetailSummary } from './detail-summary';
import { GatewayObjects } from './detail-gateways';
import { LiveRoutingSection } from './detail-live-state';
import { StepPipeline } from './detail-steps';
import { ScriptEditorPanel } from './script-editor-panel';
import { RolloutActionsProvider } from './actions';
import { useRolloutDetail } from './use-rollout-detail';

const SOURCES = builtinScriptSources();
const BUILTINS = kruiseBuiltins(SOURCES);

type Runs = Record<string, { actual?: RefRunState; edited?: RefRunState }>;

interface Section {
  id: string;
  title: string;
  /** shown beside the heading */
  aside?: ReactNode;
  body: ReactNode;
}

export function RolloutDetail({ namespace, name }: { namespace: string; name: string }) {
  const t = useTranslations('rollouts.detail');
  const data = useRolloutDetail(namespace, name);
  const listReason = useListReason();
  const { rollout } = data;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<GatewayRefKey | null>(null);
  const [runs, setRuns] = useState<Runs>({});
  const onRun = useCallback((key: string, which: 'actual' | 'edited', s: RefRunState) => setRuns((r) => ({ ...r, [key]: { ...r[key], [which]: s } })), []);

  const summary = useMemo(() => (rollout ? rolloutSummary(rollout) : null), [rollout]);
  const steps = useMemo(() => (rollout ? rolloutSteps(rollout) : []), [rollout]);
  const lives = useMemo(() => {
    const out: Record<string, object | null> = {};
    for (const [k, l] of Object.entries(data.loads)) out[k] = l.state === 'ready' ? l.live : null;
    return out;
  }, [data.loads]);

  const base = useMemo(() => (rollout ? previewInputs({ rollout, lives, configMap: data.configMap, builtins: BUILTINS }) : null), [rollout, lives, data.configMap]);
  // an edit counts while it differs from what the controller would run
  const edits = useMemo(() => {
    const out: Record<string, string> = {};
    for (const ri of base?.actual ?? []) {
      const d = drafts[ri.script.key];
      if (d !== undefined && d !== ri.script.script) out[ri.script.key] = d;
    }
    return out;
  }, [base, drafts]);
  const inputs = useMemo(
    () => (rollout && base && Object.keys(edits).length ? previewInputs({ rollout, lives, configMap: data.configMap, builtins: BUILTINS, edits }) : base),
    [rollout, base, lives, data.configMap, edits],
  );

  // the controller's view (live routing state, script errors) and what the step cards show (edited scripts win)
  const controller = useMemo<RefPreview[]>(
    () => (inputs?.actual ?? []).map((ri) => refPreview(ri, runs[refKey(ri.ref)]?.actual?.output ?? null, { services: data.services })),
    [inputs, runs, data.services],
  );
  const shown = useMemo<RefPreview[]>(
    () => (inputs?.actual ?? []).map((ri, i) => {
      const e = inputs!.edited[i];
      return e ? refPreview(e, runs[refKey(ri.ref)]?.edited?.output ?? null, { services: data.services }) : controller[i];
    }),
    [inputs, runs, data.services, controller],
  );

  if (data.rollouts.state === 'loading') return <SkeletonTable label={t('loading')} rows={4} cols={4} />;
  if (data.rollouts.state === 'forbidden' || data.rollouts.state === 'error') {
    return (
      <StateNotice tone={data.rollouts.state === 'forbidden' ? 'warn' : 'danger'} title={data.rollouts.state === 'forbidden' ? t('forbidden', { namespace }) : t('readError')}>
        <p><InlineCode text={listReason(data.rollouts) ?? t('watchFailed')} /></p>
      </StateNotice>
    );
  }
  if (!rollout || !summary) {
    return (
      <div className="flex flex-col gap-2">
        <BackLink />
        <StateNotice tone="warn" title={t('missingTitle', { namespace, name })}>
          {t.rich('missingBody', { link: (c) => <Link href="/rollouts" className="text-accent underline underline-offset-2">{c}</Link> })}
        </StateNotice>
      </div>
    );
  }

  const editingPreview = editing ? shown.filter((p) => p.script.key === controller.find((c) => c.key === refKey(editing))?.script.key) : [];
  const editingRef = editing && controller.find((c) => c.key === refKey(editing));
  const editedKeys = new Set(Object.keys(edits));
  const sections: (Section | null)[] = [
    { id: 'summary', title: t('sections.summary'), body: <DetailSummary rollout={rollout} summary={summary} /> },
    {
      id: 'gateways',
      title: t('sections.gateways'),
      body: <GatewayObjects summary={summary} previews={controller} loads={data.loads} configMapState={data.configMapState} editing={editing} onEdit={setEditing} namespace={namespace} name={name} />,
    },
    editingRef
      ? {
          id: 'script',
          title: t('sections.script', { script: `${editingRef.ref.kind}.${editingRef.ref.apiVersion.split('/')[0]}` }),
          body: (
            <ScriptEditorPanel
              key={editingRef.script.key}
              preview={editingRef}
              editedPreviews={editingPreview}
              text={drafts[editingRef.script.key] ?? editorStartText(editingRef.script, SOURCES)}
              savedText={editorStartText(editingRef.script, SOURCES)}
              onText={(t) => setDrafts((d) => ({ ...d, [editingRef.script.key]: t }))}
              onReset={() => setDrafts((d) => {
                const next = { ...d };
                delete next[editingRef.script.key];
                return next;
              })}
              onClose={() => setEditing(null)}
              namespace={namespace}
              name={name}
              edited={editedKeys.has(editingRef.script.key)}
              running={!!runs[editingRef.key]?.edited?.running}
            />
          ),
        }
      : null,
    { id: 'live', title: t('sections.live'), body: <LiveRoutingSection previews={controller} loads={data.loads} /> },
    {
      id: 'steps',
      title: t('sections.steps'),
      aside: editedKeys.size ? <span className="rounded bg-warn-soft px-1.5 py-px text-[11px] font-semibold text-warn">{t('editedAside')}</span> : null,
      body: <StepPipeline steps={steps} summary={summary} previews={shown} loads={data.loads} runs={runs} edited={editedKeys} />,
    },
  ];

  return (
    <RolloutActionsProvider namespace={namespace} name={name}>
      {data.kindKeys.map((k) => <ListProbe key={k} kindKey={k} namespace={namespace} onChange={data.onList} />)}
      {(inputs?.actual ?? []).map((ri, i) => <RefRun key={refKey(ri.ref)} refKey={refKey(ri.ref)} actual={ri} edited={inputs!.edited[i]} onChange={onRun} />)}
      <div className="flex min-w-0 flex-col gap-5">
        <header className="flex min-w-0 flex-col gap-1">
          <BackLink />
          <h1 className="text-lg font-semibold break-words">
            {t.rich('heading', { ref: `${namespace}/${name}`, name: (c) => <span translate="no" className="font-mono break-all">{c}</span> })}
          </h1>
          <p className="text-muted">{t('subtitle', { apiVersion: summary.apiVersion, strategy: summary.strategy ?? t('noStrategy') })}</p>
        </header>
        {summary.problems.length ? (
          <div role="alert" aria-label={t('problems')} className="rounded-md border border-danger/50 bg-danger-soft px-4 py-2">
            <p className="font-semibold text-danger">{t('problemsTitle')}</p>
            <ul className="mt-1 list-disc pl-5">
              {summary.problems.map((p) => <li key={p}><InlineCode text={p} /></li>)}
            </ul>
          </div>
        ) : null}
        {sections.filter((s): s is Section => s !== null).map((s) => (
          <section key={s.id} id={`rollout-${s.id}`} aria-labelledby={`rollout-${s.id}-heading`} className="flex min-w-0 flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`rollout-${s.id}-heading`} className="text-[15px] font-semibold">{s.title}</h2>
              {s.aside}
            </div>
            {s.body}
          </section>
        ))}
      </div>
    </RolloutActionsProvider>
  );
}

function BackLink() {
  const t = useTranslations('rollouts.detail');
  return (
    <Link href="/rollouts" className="w-fit text-[12px] text-accent underline-offset-2 hover:underline">
      {t('back')}
    </Link>
  );
}
