'use client';
// One panel per platform (or owner kind) among the unmatched pods: what fixes DeepFlow's view of
// them — an agent-config snippet and ClusterRole rules to copy, or a plugin.
import Link from 'next/link';
import { PLATFORM_LABELS, remediationFor } from '@/lib/deepflow/platforms';
import type { RemediationGroup } from '@/lib/pods/remediation';
import { CopyButton } from './copy-button';

function Snippet({ title, text }: { title: string; text: string }) {
  return (
    <figure className="min-w-0 flex-1">
      <figcaption className="mb-1 flex items-center justify-between gap-2 text-[12px] text-muted">
        {title}
        <CopyButton text={text} label={`Copy ${title}`} />
      </figcaption>
      <pre className="overflow-x-auto rounded border border-line bg-canvas p-2 font-mono text-[12px] leading-5">{text}</pre>
    </figure>
  );
}

const podList = (pods: string[]) => (pods.length <= 4 ? pods.join(', ') : `${pods.slice(0, 4).join(', ')} and ${pods.length - 4} more`);

function Panel({ g }: { g: RemediationGroup }) {
  const r = g.platform ? remediationFor(g.platform) : null;
  const title = r ? `${PLATFORM_LABELS[g.platform!]}: ${r.title}` : g.kind ? `Owner kind ${g.kind}` : 'Pods without an owner';
  const headingId = `remedy-${g.platform ?? g.kind ?? 'none'}`;
  const canHelp = r ? r.agentConfigCanHelp : false;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-line bg-surface px-3 py-2">
      <h3 id={headingId} className="text-[13px] font-semibold">{title}</h3>
      <p className="mt-0.5 truncate text-[12px] text-muted" title={g.pods.join(', ')}>
        {g.pods.length} unmatched pod{g.pods.length === 1 ? '' : 's'} ({g.reasons.join('; ')}): {podList(g.pods)}
      </p>

      {!canHelp ? (
        <p className="mt-1 text-[12px] font-medium">
          No agent configuration can help here: only a plugin returning a type DeepFlow accepts can map these pods.
        </p>
      ) : null}
      {r ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-[12px] font-medium text-accent">
            {r.apiResourcesYaml || r.clusterRoleYaml ? 'Agent configuration and ClusterRole rules to copy' : 'Why'}
          </summary>
          <p className="mt-1 text-[12px] leading-5">{r.explanation}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            {r.apiResourcesYaml ? <Snippet title="api_resources (agent config)" text={r.apiResourcesYaml} /> : null}
            {r.clusterRoleYaml ? <Snippet title="ClusterRole rules" text={r.clusterRoleYaml} /> : null}
          </div>
        </details>
      ) : null}
      <p className="mt-1.5 flex items-center gap-3">
        <Link href={g.href} className="rounded bg-accent px-2 py-0.5 text-[12px] font-medium text-accent-fg hover:opacity-90">Write a plugin</Link>
        <span className="text-[12px] text-muted">
          template for {g.kind ? `owner kind ${g.kind}` : 'pods without an owner'}, these pods in the preview{canHelp ? ' (an alternative to the agent configuration)' : ''}
        </span>
      </p>
    </section>
  );
}

export function RemediationPanels({ groups }: { groups: RemediationGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <details open className="group">
      <summary className="cursor-pointer text-[15px] font-semibold">
        <h2 id="remedies-heading" className="inline">How to map the unmatched pods</h2>
        <span className="ml-2 text-[12px] font-normal text-muted">{groups.length} fix{groups.length === 1 ? '' : 'es'}</span>
      </summary>
      <section aria-labelledby="remedies-heading" className="mt-2 grid items-start gap-2 lg:grid-cols-2 2xl:grid-cols-3">
        {groups.map((g) => <Panel key={`${g.platform}:${g.kind}`} g={g} />)}
      </section>
    </details>
  );
}
