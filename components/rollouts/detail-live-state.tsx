'use client';
import { ORIGINAL_SPEC_ANNOTATION } from '@/lib/kruise';
import type { RefPreview } from '@/lib/rollouts/browser-preview';
import { refText } from '@/lib/rollouts/browser-text';
import { DiffView } from '../playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import { RestoreOriginalButton } from './actions';
import type { RefLoad } from './use-rollout-detail';

/**
 * Where each gateway object stands now: routed (it carries the original-spec annotation) or not, and
 * which step's prediction it equals. Updates with every watch event, e.g. after someone else applies.
 */
export function LiveRoutingSection({ previews, loads }: { previews: readonly RefPreview[]; loads: Record<string, RefLoad> }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-surface px-3 py-2">
      <ul className="flex flex-col gap-2">
        {previews.map((p) => {
          const load = loads[p.key] ?? { state: 'loading' };
          const s = p.liveState;
          return (
            <li key={p.key} aria-label={`Live routing state of ${refText(p.ref)}`} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono font-semibold">{refText(p.ref)}</span>
                {load.state !== 'ready' ? (
                  <span className="text-muted">{load.state === 'loading' ? 'loading…' : 'cannot be read'}</span>
                ) : !p.live || !s ? (
                  <span className="text-danger">not found</span>
                ) : (
                  <>
                    <span className="text-[12px]">
                      {s.annotated ? (
                        <span className="text-accent">carries {ORIGINAL_SPEC_ANNOTATION}: routing applied, not restored</span>
                      ) : (
                        <span className="text-muted">no original-spec annotation: routing not applied</span>
                      )}
                    </span>
                    <output aria-live="polite" className="rounded bg-raised px-1.5 py-px font-mono text-[12px] font-semibold">{p.liveText}</output>
                  </>
                )}
              </div>
              {s?.annotationError ? <p className="text-[12px] text-warn">{s.annotationError}</p> : null}
              {p.live && s?.annotated ? (
                <details>
                  <summary className="cursor-pointer text-[12px] text-muted">Live object against its stored original</summary>
                  <DiffView lines={lineDiff(p.originalYaml, p.liveYaml)} label={`${refText(p.ref)} original vs live`} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2 border-t border-line pt-2">
        <RestoreOriginalButton />
        <span className="text-[12px] text-muted">puts every object back from its annotation and removes it, as Kruise&apos;s finalise does.</span>
      </div>
    </div>
  );
}
