'use client';
// Read-only mode in the UI: a badge in the header, a notice wherever a change can be started.
import { useTranslations } from 'next-intl';
import { useReadOnly } from '@/lib/security/use-studio-info';

export function ReadOnlyBadge() {
  const t = useTranslations('shell.readOnly');
  if (!useReadOnly()) return null;
  return (
    <span role="status" aria-label={t('badgeLabel')} title={t('reason')} className="rounded border border-warn/50 bg-warn-soft px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-warn">
      {t('badge')}
    </span>
  );
}

export function ReadOnlyNotice() {
  const t = useTranslations('shell.readOnly');
  if (!useReadOnly()) return null;
  return (
    <p role="note" aria-label={t('noticeLabel')} className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
      {t('notice')}
    </p>
  );
}
