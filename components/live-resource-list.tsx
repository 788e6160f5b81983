'use client';
import { useTranslations } from 'next-intl';
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
import { asSentence, useListReason } from './use-list-reason';
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
  const t = useTranslations('resources');
  const [ns] = useNamespace();
  const namespace = kind.namespaced ? ns : undefined;
  const list = useKubeList<KubeObject>(watchKeyOf(kind), { namespace });
  const listReason = useListReason();
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
  const scope = namespace ? t('scopeNamespace', { namespace }) : kind.namespaced ? t('scopeAll') : t('scopeCluster');
  const headingId = `${kind.key}-heading`;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Heading id={headingId} className={headingLevel === 1 ? 'text-lg font-semibold' : 'text-[15px] font-semibold'}>
          {title}
        </Heading>
        <span className="text-muted">
          {list.state !== 'live' && list.state !== 'reconnecting' ? '' : narrowed ? t('countOf', { shown: rows.length, total: list.items.length, scope }) : t('count', { shown: rows.length, scope })}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {toolbar}
          <FilterBox label={t('filter', { noun: lower })} value={filter} onChange={setFilter} shortcut={shortcut} />
        </div>
      </div>

      {list.state === 'reconnecting' ? (
        <StateNotice tone="warn" title={t('reconnecting', { noun: lower })}>
          {list.reason ? <span translate="no">{asSentence(listReason(list)!)} </span> : null}
          {list.retryInMs !== undefined ? t('retryingIn', { seconds: seconds(list.retryInMs)! }) : t('retrying')}
        </StateNotice>
      ) : null}

      {list.state === 'loading' ? (
        <SkeletonTable label={t('loading', { noun: lower })} cols={shown.length} />
      ) : list.state === 'forbidden' ? (
        <StateNotice tone="warn" title={t('forbidden', { noun: lower, scope })}>
          <p>{list.reason ? <span translate="no">{listReason(list)}</span> : t('forbiddenDefault')}</p>
          <p className="mt-1">
            {t.rich('forbiddenHint', {
              command: `kubectl auth can-i list ${kind.group ? `${kind.plural}.${kind.group}` : kind.plural}${namespace ? ` -n ${namespace}` : kind.namespaced ? ' -A' : ''}`,
              code: (c) => <code className="font-mono text-fg">{c}</code>,
            })}
          </p>
        </StateNotice>
      ) : list.state === 'error' ? (
        <StateNotice tone="danger" title={t('listError', { noun: lower })}>
          <p>{list.reason ? <InlineCode text={listReason(list)!} /> : t('watchFailed')}</p>
          {list.retryInMs !== undefined ? <p className="mt-1">{t('retryingIn', { seconds: seconds(list.retryInMs)! })}</p> : null}
        </StateNotice>
      ) : list.items.length === 0 && missing && namespace ? (
        <NamespaceMissing namespace={namespace} />
      ) : list.items.length === 0 ? (
        list.state === 'live' ? (
          <EmptyState title={t('empty', { noun: lower, scope })}>{t('emptyHint', { noun: lower })}</EmptyState>
        ) : null
      ) : rows.length === 0 ? (
        filter ? (
          <EmptyState title={t('noMatchText', { noun: lower, filter })}>{t('noMatchTextHint', { total: list.items.length })}</EmptyState>
        ) : (
          <EmptyState title={t('noMatch', { noun: lower })}>{t('noMatchHint', { total: list.items.length })}</EmptyState>
        )
      ) : (
        <ResourceTable label={title} columns={shown} rows={rows} rowKey={objectKey} onOpen={onOpen} />
      )}
    </section>
  );
}
