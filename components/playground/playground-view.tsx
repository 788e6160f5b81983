'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ClusterState, PlaygroundState, RoutingState, TaggingState } from '@/lib/playground/state';
import { MODES } from '@/lib/playground/state';
import { ClusterMode } from './cluster-mode';
import { ModeTabs, panelId, tabId } from './mode-tabs';
import { RoutingMode } from './routing-mode';
import { useShare } from './share-button';
import { TaggingMode } from './tagging-mode';
import { usePhrase } from './use-phrase';
import { usePlaygroundState } from './use-playground-state';

export function PlaygroundView() {
  const t = useTranslations('playground');
  const say = usePhrase();
  const { state, setState, setMode, ready, notices, dismiss } = usePlaygroundState();
  const share = useShare(state);
  const part = <K extends 'tagging' | 'routing' | 'cluster'>(k: K) =>
    (fn: (x: PlaygroundState[K]) => PlaygroundState[K]) => setState((s) => ({ ...s, [k]: fn(s[k]) }));
  const updateTagging = useCallback((fn: (t: TaggingState) => TaggingState) => part('tagging')(fn), [setState]); // eslint-disable-line react-hooks/exhaustive-deps
  const updateRouting = useCallback((fn: (r: RoutingState) => RoutingState) => part('routing')(fn), [setState]); // eslint-disable-line react-hooks/exhaustive-deps
  const updateCluster = useCallback((fn: (c: ClusterState) => ClusterState) => part('cluster')(fn), [setState]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!ready) {
    return (
      <div role="status" aria-live="polite" className="text-muted">
        {t('loadingState')}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {notices.map((n) => (
        <div key={n.id} role={n.tone === 'info' ? 'status' : 'alert'} className={`flex items-center gap-2 rounded-md border px-3 py-1.5 text-[12px] ${n.tone === 'info' ? 'border-line bg-surface' : 'border-warn/50 bg-warn-soft'}`}>
          <span>{say(n.phrase)}</span>
          <button type="button" onClick={() => dismiss(n.id)} className="ml-auto rounded px-1.5 hover:bg-raised" aria-label={t('dismiss')}>
            ×
          </button>
        </div>
      ))}
      <ModeTabs mode={state.mode} onChange={setMode} />
      {share.panel}
      {MODES.filter((m) => m === state.mode).map((m) => (
        <div key={m} role="tabpanel" id={panelId(m)} aria-labelledby={tabId(m)}>
          {m === 'tagging' ? (
            <TaggingMode state={state.tagging} update={updateTagging} share={share.button} />
          ) : m === 'routing' ? (
            <RoutingMode state={state.routing} update={updateRouting} share={share.button} />
          ) : (
            <ClusterMode state={state.cluster} update={updateCluster} share={share.button} />
          )}
        </div>
      ))}
    </div>
  );
}
