'use client';
// The show tabs (with counts) and the select/text filters. Each control is labelled; the tabs move
// with the arrow keys like any tab list.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PLATFORM_LABELS, type PlatformId } from '@/lib/deepflow/platforms';
import { NO_PLUGIN, SHOW_VALUES, type FilterOptions, type PodsViewState, type Show, type ShowCounts } from '@/lib/pods/filters';
import { reasonTextMsg } from '@/lib/pods/reason-msg';
import { FilterBox } from '../filter-box';
import { useMsg } from '../use-msg';


export function ShowTabs({ show, counts, onChange, controls }: { show: Show; counts: ShowCounts; onChange: (s: Show) => void; controls: string }) {
  const t = useTranslations('pods.show');
  const format = useFormatter();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = (i + d + SHOW_VALUES.length) % SHOW_VALUES.length;
    refs.current[next]?.focus();
    onChange(SHOW_VALUES[next]);
  };
  return (
    <div role="tablist" aria-label={t('label')} className="flex flex-wrap gap-1 border-b border-line">
      {SHOW_VALUES.map((s, i) => (
        <button
          key={s}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          role="tab"
          aria-selected={show === s}
          aria-controls={controls}
          tabIndex={show === s ? 0 : -1}
          title={t(`hint.${s}`)}
          onClick={() => onChange(s)}
          onKeyDown={(e) => onKey(e, i)}
          className={`-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-1.5 text-[13px] ${show === s ? 'border-accent font-semibold text-fg' : 'border-transparent text-muted hover:text-fg'}`}
        >
          {t(s)}
          <span className={`rounded px-1.5 text-[11px] tabular-nums ${s === 'unmatched' && counts.unmatched > 0 ? 'bg-danger-soft text-danger' : s === 'errors' && counts.errors > 0 ? 'bg-danger-soft text-danger' : 'bg-raised text-muted'}`}>
            {format.number(counts[s])}
          </span>
        </button>
      ))}
    </div>
  );
}

type FilterId = 'status' | 'reason' | 'platform' | 'plugin';

function Select({ name, value, options, render, onChange }: { name: FilterId; value: string; options: string[]; render?: (v: string) => string; onChange: (v: string) => void }) {
  const t = useTranslations('pods.filter');
  const id = `pods-filter-${name}`;
  const label = t(name);
  // a value from the URL that no pod has right now stays selectable (and visibly selected)
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <span className="inline-flex items-center gap-1.5">
      <label htmlFor={id} className="text-[12px] text-muted">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="h-7 max-w-52 rounded border border-line bg-surface px-1.5 text-[13px] text-fg">
        <option value="">{t('any')}</option>
        {all.map((o) => <option key={o} value={o}>{render ? render(o) : o}</option>)}
      </select>
    </span>
  );
}

export function PodsFilterBar({ view, q, onQ, options, onChange }: { view: PodsViewState; q: string; onQ: (q: string) => void; options: FilterOptions; onChange: (patch: Partial<PodsViewState>) => void }) {
  const t = useTranslations('pods.filter');
  const m = useMsg();
  // option values stay the English text lib/pods filters on (and the URL keeps); labels are translated
  const reasonLabel = (r: string) => {
    const d = reasonTextMsg(r);
    return d ? m(d) : r;
  };
  const pluginLabel = (p: string) => (p === NO_PLUGIN ? t('noPlugin') : p === 'virtual-kubelet rule' ? t('builtinRule') : p);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Select name="status" value={view.status} options={options.status} onChange={(status) => onChange({ status })} />
      <Select name="reason" value={view.reason} options={options.reason} render={reasonLabel} onChange={(reason) => onChange({ reason })} />
      <Select name="platform" value={view.platform} options={options.platform} render={(p) => PLATFORM_LABELS[p as PlatformId] ?? p} onChange={(platform) => onChange({ platform })} />
      <Select name="plugin" value={view.plugin} options={options.plugin} render={pluginLabel} onChange={(plugin) => onChange({ plugin })} />
      <div className="ml-auto">
        <FilterBox label={t('text')} value={q} onChange={onQ} shortcut />
      </div>
    </div>
  );
}

/** The text filter applies at once (local state); the URL follows after a short pause. */
export function useUrlText(urlValue: string, send: (q: string) => void): [string, (q: string) => void] {
  const [q, setQ] = useState(urlValue);
  const lastSent = useRef(urlValue);
  useEffect(() => {
    if (urlValue !== lastSent.current) {
      lastSent.current = urlValue;
      setQ(urlValue);
    }
  }, [urlValue]);
  useEffect(() => {
    if (q === lastSent.current) return;
    const t = setTimeout(() => {
      lastSent.current = q;
      send(q);
    }, 200);
    return () => clearTimeout(t);
  }, [q, send]);
  return [q, setQ];
}
