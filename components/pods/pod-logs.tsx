'use client';
// The drawer's logs: one container at a time, the current or the previous (crashed) instance.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { usePodLogs } from '@/lib/k8s/use-pod-logs';
import { DEFAULT_LOG_TAIL_LINES } from '@/lib/k8s/pod-log-types';
import { field, type KubeObject } from '../kube-object';
import { useMsg } from '../use-msg';

export function PodLogs({ pod }: { pod: KubeObject }) {
  const t = useTranslations('pods.logs');
  const m = useMsg();
  const containers = (Array.isArray(field(pod, 'spec', 'containers')) ? (field(pod, 'spec', 'containers') as { name?: string }[]) : []).map((c) => c.name ?? '').filter(Boolean);
  const [container, setContainer] = useState(containers[0] ?? '');
  const [previous, setPrevious] = useState(false);
  const namespace = pod.metadata.namespace ?? '';
  const logs = usePodLogs({ namespace, name: pod.metadata.name, container: container || undefined, previous, tailLines: DEFAULT_LOG_TAIL_LINES });
  const d = logs.data;
  return (
    <div>
      <div className="mb-1.5 flex flex-wrap items-center gap-2">
        {containers.length > 0 ? (
          <label className="inline-flex items-center gap-1.5 text-[12px] text-muted">
            {t('container')}
            <select aria-label={t('container')} value={container} onChange={(e) => setContainer(e.target.value)} className="h-7 rounded border border-line bg-surface px-1.5 text-[13px] text-fg">
              {containers.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        ) : null}
        <button type="button" aria-pressed={previous} onClick={() => setPrevious((p) => !p)} className="rounded border border-line px-2 py-0.5 text-[12px] hover:border-accent">
          {previous ? t('showCurrent') : t('loadPrevious')}
        </button>
        <button type="button" onClick={() => void logs.refetch()} className="rounded border border-line px-2 py-0.5 text-[12px] hover:border-accent">{t('reload')}</button>
        <span className="text-[12px] text-muted">{t(previous ? 'previousTail' : 'currentTail', { lines: DEFAULT_LOG_TAIL_LINES })}</span>
      </div>
      {logs.isLoading || (logs.isFetching && !d) ? (
        <p role="status" className="text-muted">{t('loading')}</p>
      ) : !d ? null : d.ok ? (
        <pre role="region" tabIndex={0} aria-label={t('label')} className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded border border-line bg-canvas p-2 font-mono text-[12px]">
          {d.truncated ? `${t('olderHidden')}\n` : ''}
          {d.text || t('empty')}
        </pre>
      ) : (
        <p className="text-danger">{d.errorMsg ? m(d.errorMsg) : d.error}</p>
      )}
    </div>
  );
}
