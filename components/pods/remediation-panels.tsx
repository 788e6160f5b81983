'use client';
// One panel per platform (or owner kind) among the unmatched pods: what fixes DeepFlow's view of
// them — an agent-config snippet and ClusterRole rules to copy, or a plugin.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { PLATFORM_LABELS, remediationFor } from '@/lib/deepflow/platforms';
import { reasonTextMsg } from '@/lib/pods/reason-msg';
import type { RemediationGroup } from '@/lib/pods/remediation';
import { useMsg } from '../use-msg';
import { CopyButton } from './copy-button';

function Snippet({ title, text }: { title: string; text: string }) {
  const t = useTranslations('pods.remedy');
  return (
    <figure className="min-w-0 flex-1">
      <figcaption className="mb-1 flex items-center justify-between gap-2 text-[12px] text-muted">
        {title}
        <CopyButton text={text} label={t('copySnippet', { title })} />
      </figcaption>
      <pre className="overflow-x-auto rounded border border-line bg-canvas p-2 font-mono text-[12px] leading-5">{text}</pre>
    </figure>
  );
}

function Panel({ g }: { g: RemediationGroup }) {
  const t = useTranslations('pods.remedy');
  const m = useMsg();
  const r = g.platform ? remediationFor(g.platform) : null;
  // the platform's title and explanation come from lib/deepflow/platforms (English for now)
  const title = r ? t('platformTitle', { platform: PLATFORM_LABELS[g.platform!], title: r.title }) : g.kind ? t('ownerKind', { kind: g.kind }) : t('noOwner');
  const headingId = `remedy-${g.platform ?? g.kind ?? 'none'}`;
  const canHelp = r ? r.agentConfigCanHelp : false;
  const reasons = g.reasons.map((x) => { const d = reasonTextMsg(x); return d ? m(d) : x; }).join('; ');
  const pods = g.pods.length <= 4 ? g.pods.join(', ') : t('podListMore', { pods: g.pods.slice(0, 4).join(', '), more: g.pods.length - 4 });
  const template = g.kind ? t(canHelp ? 'templateForOrAgent' : 'templateFor', { kind: g.kind }) : t(canHelp ? 'templateNoOwnerOrAgent' : 'templateNoOwner');
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-line bg-surface px-3 py-2">
      <h3 id={headingId} className="text-[13px] font-semibold">{title}</h3>
      <p className="mt-0.5 truncate text-[12px] text-muted" title={g.pods.join(', ')}>
        {t('summary', { count: g.pods.length, reasons, pods })}
      </p>

      {!canHelp ? (
        <p className="mt-1 text-[12px] font-medium">{t('noAgentConfig')}</p>
      ) : null}
      {r ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-[12px] font-medium text-accent">
            {r.apiResourcesYaml || r.clusterRoleYaml ? t('agentConfigAndRules') : t('why')}
          </summary>
          <p className="mt-1 text-[12px] leading-5">{r.explanation}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            {r.apiResourcesYaml ? <Snippet title={t('apiResourcesSnippet')} text={r.apiResourcesYaml} /> : null}
            {r.clusterRoleYaml ? <Snippet title={t('clusterRoleSnippet')} text={r.clusterRoleYaml} /> : null}
          </div>
        </details>
      ) : null}
      <p className="mt-1.5 flex flex-wrap items-center gap-3">
        <Link href={g.href} title={g.kind ? t('writePluginHintKind', { kind: g.kind }) : t('writePluginHintNoOwner')} className="whitespace-nowrap rounded bg-accent px-2 py-0.5 text-[12px] font-medium text-accent-fg hover:opacity-90">{t('writePlugin')}</Link>
        <span className="text-[12px] text-muted">{template}</span>
      </p>
    </section>
  );
}

export function RemediationPanels({ groups }: { groups: RemediationGroup[] }) {
  const t = useTranslations('pods.remedy');
  if (groups.length === 0) return null;
  return (
    <details open className="group">
      <summary className="cursor-pointer text-[15px] font-semibold">
        <h2 id="remedies-heading" className="inline">{t('heading')}</h2>
        <span className="ml-2 text-[12px] font-normal text-muted">{t('fixes', { count: groups.length })}</span>
      </summary>
      <section aria-labelledby="remedies-heading" className="mt-2 grid items-start gap-2 lg:grid-cols-2 xl:grid-cols-3">
        {groups.map((g) => <Panel key={`${g.platform}:${g.kind}`} g={g} />)}
      </section>
    </details>
  );
}
