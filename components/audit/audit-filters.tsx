'use client';
// The filters of the audit page; times are entered in local time and sent as ISO.
import { useTranslations } from 'next-intl';
import { AUDIT_RESULTS, type AuditFilter } from '@/lib/audit/filter';

const field = 'rounded border border-line bg-canvas px-2 py-1';

function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const t = new Date(local);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/** The form's own state: the filter, plus the times as typed (local, for the inputs). */
export type AuditForm = AuditFilter & { fromLocal?: string; toLocal?: string };

export function queryOf({ fromLocal: _f, toLocal: _t, ...filter }: AuditForm): AuditFilter {
  return filter;
}

export function AuditFilters({ filter, onChange }: { filter: AuditForm; onChange: (f: AuditForm) => void }) {
  const t = useTranslations('audit');
  const set = (k: keyof AuditFilter, v: string) => onChange({ ...filter, [k]: v || undefined });
  return (
    <form role="search" aria-label={t('filters.label')} className="mb-3 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.user')}</span>
        <input className={field} value={filter.user ?? ''} onChange={(e) => set('user', e.target.value)} />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.action')}</span>
        <input className={field} value={filter.action ?? ''} onChange={(e) => set('action', e.target.value)} placeholder="rollout.approve" translate="no" />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.result')}</span>
        <select className={field} value={filter.result ?? ''} onChange={(e) => set('result', e.target.value)}>
          <option value="">{t('filters.any')}</option>
          {AUDIT_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`result.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.target')}</span>
        <input className={field} value={filter.target ?? ''} onChange={(e) => set('target', e.target.value)} placeholder="Rollout shop/web" translate="no" />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.from')}</span>
        <input type="datetime-local" step="1" className={field} value={filter.fromLocal ?? ''} onChange={(e) => onChange({ ...filter, fromLocal: e.target.value || undefined, from: toIso(e.target.value) })} />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-muted">{t('filters.to')}</span>
        <input type="datetime-local" step="1" className={field} value={filter.toLocal ?? ''} onChange={(e) => onChange({ ...filter, toLocal: e.target.value || undefined, to: toIso(e.target.value) })} />
      </label>
    </form>
  );
}
