'use client';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { NONE, ROUTING_KINDS, type RolloutFilterOptions, type RolloutsViewState, type RoutingFilter } from '@/lib/rollouts/browser-list';

function Select({ label, value, options, render, onChange }: { label: string; value: string; options: readonly string[]; render?: (v: string) => string; onChange: (v: string) => void }) {
  const id = useId();
  const t = useTranslations('rollouts.filters');
  // a value from the URL that no row has right now stays selectable (and visibly selected)
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <span className="inline-flex items-center gap-1.5">
      <label htmlFor={id} className="text-[12px] text-muted">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="h-7 max-w-52 rounded border border-line bg-surface px-1.5 text-[13px] text-fg">
        <option value="">{t('any')}</option>
        {all.map((o) => <option key={o} value={o}>{render ? render(o) : o === NONE ? t('none') : o}</option>)}
      </select>
    </span>
  );
}

/** Phase, step state and routing kind: each a labelled select whose values come from the rows. */
export function RolloutsFilters({ view, options, onChange }: { view: RolloutsViewState; options: RolloutFilterOptions; onChange: (patch: Partial<RolloutsViewState>) => void }) {
  const t = useTranslations('rollouts.filters');
  return (
    <>
      <Select label={t('phase')} value={view.phase} options={options.phase} onChange={(phase) => onChange({ phase })} />
      <Select label={t('stepState')} value={view.state} options={options.state} onChange={(state) => onChange({ state })} />
      <Select label={t('routing')} value={view.routing} options={options.routing} render={(r) => ((ROUTING_KINDS as readonly string[]).includes(r) ? t(`routingKind.${r as RoutingFilter}`) : r)} onChange={(routing) => onChange({ routing: routing as RoutingFilter | '' })} />
    </>
  );
}
