'use client';
import { useMemo, useState, type ReactNode } from 'react';
import type { KindDef } from '@/lib/k8s/kinds';
import { watchKeyOf } from '@/lib/k8s/kind-spec';
import { useKubeList } from '@/lib/k8s/hooks';
import type { KubeObject } from './kube-object';
import { objectKey } from './kube-object';
import { FilterBox } from './filter-box';
import { InlineCode } from './inline-code';
import { EmptyState, SkeletonTable, StateNotice } from './list-states';
import { matchesFilter, ResourceTable, type Column } from './resource-table';
import { NamespaceMissing } from './namespace-missing';
import { useNamespace } from './use-namespace';
import { useNamespaceExists } from './use-namespace-exists';

function seconds(ms?: number) {
  return ms === undefined ? undefined : Math.max(1, Math.round(ms / 1000));
}

/** A live, filterable list of one kind in the namespace chosen in the header. */
export function LiveResourceList({
  kind,
  title,
  columns,
  noun,
  headingLevel = 2,
  shortcut = false,
  select,
  toolbar,
  filter: controlledFilter,
  onFilterChange,
  onOpen,
}: {
  kind: KindDef;
  /** Plural, human: "Pods", "Traffic routings". Used for the heading and every state message. */
  title: string;
  columns: readonly Column<KubeObject>[];
  /** Lower-case plural for messages when the title is not one ("HTTPProxy" → "httpproxies"). */
  noun?: string;
  headingLevel?: 1 | 2;
  shortcut?: boolean;
  /** Narrows the rows before the text filter (a page's own select filters, see `toolbar`). */
  select?: (rows: readonly KubeObject[]) => KubeObject[];
  /** Extra controls beside the text filter. */
  toolbar?: ReactNode;
  /** Controlled text filter (e.g. kept in the URL); uncontrolled when absent. */
  filter?: string;
  onFilterChange?: (v: string) => void;
  onOpen?: (row: KubeObject) => void;
}) {
  const [ns] = useNamespace();
  const namespace = kind.namespaced ? ns : undefined;
  const list = useKubeList<KubeObject>(watchKeyOf(kind), { namespace });
  const missing = useNamespaceExists(namespace) === 'missing';
  const [ownFilter, setOwnFilter] = useState('');
  const filter = controlledFilter ?? ownFilter;
  const setFilter = onFilterChange ?? setOwnFilter;
  const lower = noun ?? title.toLowerCase();
  // With one namespace selected the namespace column says the same thing on every row (kubectl drops it too).
  const shown = useMemo(() => (namespace ? columns.filter((c) => c.id !== 'namespace') : columns), [columns, namespace]);
  const selected = useMemo(() => (select ? select(list.items) : list.items), [select, list.items]);
  const rows = useMemo(() => selected.filter((r) => matchesFilter(r, shown, filter)), [selected, shown, filter]);
  const narrowed = filter !== '' || selected.length !== list.items.length;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const scope = namespace ? `namespace ${namespace}` : kind.namespaced ? 'all namespaces' : 'the cluster';
  const headingId = `${kind.key}-heading`;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Heading id={headingId} className={headingLevel === 1 ? 'text-lg font-semibold' : 'text-[15px] font-semibold'}>
          {title}
        </Heading>
        <span className="text-muted">
          {list.state !== 'live' && list.state !== 'reconnecting' ? '' : `${rows.length}${narrowed ? ` of ${list.items.length}` : ''} in ${scope}`}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {toolbar}
          <FilterBox label={`Filter ${lower}`} value={filter} onChange={setFilter} shortcut={shortcut} />
        </div>
      </div>

      {list.state === 'reconnecting' ? (
        <StateNotice tone="warn" title={`Reconnecting to the cluster — ${lower} shown may be out of date`}>
          {list.reason ? `${list.reason}. ` : ''}
          {list.retryInMs !== undefined ? `Retrying in ${seconds(list.retryInMs)} s.` : 'Retrying.'}
        </StateNotice>
      ) : null}

      {list.state === 'loading' ? (
        <SkeletonTable label={`Loading ${lower}…`} cols={shown.length} />
      ) : list.state === 'forbidden' ? (
        <StateNotice tone="warn" title={`Not allowed to list ${lower} in ${scope}`}>
          <p>{list.reason ?? 'The API server answered 403 Forbidden.'}</p>
          <p className="mt-1">
            Check the permissions of the current context with{' '}
            <code className="font-mono text-fg">
              kubectl auth can-i list {kind.group ? `${kind.plural}.${kind.group}` : kind.plural}
              {namespace ? ` -n ${namespace}` : kind.namespaced ? ' -A' : ''}
            </code>
            , or pick a namespace you can read.
          </p>
        </StateNotice>
      ) : list.state === 'error' ? (
        <StateNotice tone="danger" title={`Could not list ${lower}`}>
          <p>
            <InlineCode text={list.reason ?? 'The watch stream failed.'} />
          </p>
          {list.retryInMs !== undefined ? <p className="mt-1">Retrying in {seconds(list.retryInMs)} s.</p> : null}
        </StateNotice>
      ) : list.items.length === 0 && missing && namespace ? (
        <NamespaceMissing namespace={namespace} />
      ) : list.items.length === 0 ? (
        list.state === 'live' ? (
          <EmptyState title={`No ${lower} in ${scope}`}>The list updates live: new {lower} appear here as soon as the API server reports them.</EmptyState>
        ) : null
      ) : rows.length === 0 ? (
        filter ? (
          <EmptyState title={`No ${lower} match “${filter}”`}>Clear the filter (Escape) to see all {list.items.length}.</EmptyState>
        ) : (
          <EmptyState title={`No ${lower} match these filters`}>Set the filters to “Any” to see all {list.items.length}.</EmptyState>
        )
      ) : (
        <ResourceTable label={title} columns={shown} rows={rows} rowKey={objectKey} onOpen={onOpen} />
      )}
    </section>
  );
}
