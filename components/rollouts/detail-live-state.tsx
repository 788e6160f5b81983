'use client';
import { useTranslations } from 'next-intl';
import { ORIGINAL_SPEC_ANNOTATION } from '@/lib/kruise';
import type { RefPreview } from '@/lib/rollouts/browser-preview';
import { refText } from '@/lib/rollouts/browser-text';
import { DiffView } from '../playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import { useMsg } from '../use-msg';
import { RestoreOriginalButton } from './actions';
import type { RefLoad } from './use-rollout-detail';

/**
 * Where each gateway object stands now: routed (it carries the original-spec annotation) or not, and
 * which step's prediction it equals. Updates with every watch event, e.g. after someone else applies.
 */
export function LiveRoutingSection({ previews, loads }: { previews: readonly RefPreview[]; loads: Record<string, RefLoad> }) {
  const t = useTranslations('rollouts.live');
  const text = useMsg();
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-surface px-3 py-2">
      <ul className="flex flex-col gap-2">
        {previews.map((p) => {
          const load = loads[p.key] ?? { state: 'loading' };
          const s = p.liveState;
          return (
            <li key={p.key} aria-label={t('stateOf', { ref: refText(p.ref) })} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span translate="no" className="font-mono font-semibold">{refText(p.ref)}</span>
                {load.state !== 'ready' ? (
                  <span className="text-muted">{load.state === 'loading' ? t('loading') : t('unreadable')}</span>
                ) : !p.live || !s ? (
                  <span className="text-danger">✗ {t('notFound')}</span>
                ) : (
                  <>
                    <span className="text-[12px]">
                      {s.annotated ? (
                        <span className="text-accent">● {t.rich('annotated', { annotation: ORIGINAL_SPEC_ANNOTATION, code: (c) => <code className="font-mono">{c}</code> })}</span>
                      ) : (
                        <span className="text-muted">○ {t('notAnnotated')}</span>
                      )}
                    </span>
                    <output aria-live="polite" className="rounded bg-raised px-1.5 py-px font-mono text-[12px] font-semibold">{text(p.liveText)}</output>
                  </>
                )}
              </div>
              {s?.annotationError ? <p className="text-[12px] text-warn">{s.annotationErrorMsg ? text(s.annotationErrorMsg) : s.annotationError}</p> : null}
              {p.live && s?.annotated ? (
                <details>
                  <summary className="cursor-pointer text-[12px] text-muted">{t('diffSummary')}</summary>
                  <DiffView lines={lineDiff(p.originalYaml, p.liveYaml)} label={t('diffLabel', { ref: refText(p.ref) })} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2 border-t border-line pt-2">
        <RestoreOriginalButton />
        <span className="text-[12px] text-muted">{t('restoreHint')}</span>
      </div>
    </div>
  );
}
