'use client';
// The impact table's columns: one entry per column, in order.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Column } from '@/components/resource-table';
import type { ImpactChange, ImpactFlag, ImpactRow } from '@/lib/plugins/impact';

const CHANGE_TONE: Record<ImpactChange, string> = { added: 'text-ok', changed: 'text-warn', lost: 'text-danger', same: 'text-muted' };

/** The columns in the reader's language; the change is told by a sign and a word, not by colour alone. */
export function useImpactColumns(): readonly Column<ImpactRow>[] {
  const t = useTranslations('plugins');
  return useMemo(() => impactColumns(t), [t]);
}

function impactColumns(t: ReturnType<typeof useTranslations<'plugins'>>): readonly Column<ImpactRow>[] {
  return [
    {
      id: 'pod',
      header: t('impact.columns.pod'),
      className: 'min-w-[10rem] break-words',
      cell: (r) => (
        <span className="font-mono text-[12px]">
          {r.namespace}/{r.name}
          {r.highlighted ? <span className="ml-1.5 rounded bg-accent-soft px-1 font-sans text-[11px] text-accent">{t('impact.fromLink')}</span> : null}
        </span>
      ),
    },
    { id: 'change', header: t('impact.columns.change'), cell: (r) => <span className={`font-semibold ${CHANGE_TONE[r.change]}`}>{t(`impact.change.${r.change}`)}</span> },
    { id: 'before', header: t('impact.columns.before'), mono: true, cell: (r) => r.before ?? <span className="font-sans text-muted">{t('impact.none')}</span> },
    {
      id: 'after',
      header: t('impact.columns.after'),
      mono: true,
      cell: (r) => (
        <>
          {r.after ?? <span className="font-sans text-muted">{t('impact.none')}</span>}
          {r.byThisPlugin ? <span className="ml-1.5 font-sans text-[11px] text-muted">{t('impact.thisPlugin')}</span> : r.byBuiltinRule && r.after ? <span className="ml-1.5 font-sans text-[11px] text-muted">{t('impact.builtinRule')}</span> : null}
          {r.afterLabel ? <span className="block text-[11px] text-muted" title={t('impact.deepflowLabel')}>{r.afterLabel}</span> : null}
        </>
      ),
    },
    {
      id: 'problem',
      header: t('impact.columns.problem'),
      className: 'max-w-[18rem]',
      cell: (r) => (
        <div className="flex flex-col gap-0.5 text-[12px]">
          {r.error ? (
            <span className="whitespace-pre-wrap text-danger">
              {r.error.plugin ? `${t('impact.errorAt', { plugin: r.error.plugin, line: r.error.line ?? 'none' })} ` : ''}
              <samp translate="no">{r.error.message}</samp>
            </span>
          ) : null}
          {r.flags.filter((f) => f !== 'no-hook' || !r.error).map((f) => <span key={f} className="text-warn">⚠ {t.rich(`impact.flag.${f}`, { code: (c) => <code>{c}</code> })}</span>)}
        </div>
      ),
    },
  ];
}
