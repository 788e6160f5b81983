// The pod's containers (init containers first) with their state as the kubelet reports it. State
// words are translated; the kubelet's reasons and messages stay verbatim.
import { useTranslations } from 'next-intl';
import { field, type KubeObject } from '../kube-object';
import { StatusPill } from '../status-pill';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

type T = ReturnType<typeof useTranslations<'pods.containers'>>;

function stateText(state: unknown, t: T): { tone: 'ok' | 'warn' | 'danger' | 'neutral'; text: string; detail: string } {
  const w = field(state, 'waiting');
  if (w) return { tone: 'warn', text: t('waiting'), detail: [s(field(w, 'reason')), s(field(w, 'message'))].filter(Boolean).join(': ') };
  const r = field(state, 'running');
  if (r) return { tone: 'ok', text: t('running'), detail: s(field(r, 'startedAt')) ? t('since', { time: s(field(r, 'startedAt')) }) : '' };
  const term = field(state, 'terminated');
  if (term) {
    const code = s(field(term, 'exitCode'));
    return { tone: code === '0' ? 'neutral' : 'danger', text: t('terminated'), detail: [s(field(term, 'reason')), code ? t('exitCode', { code }) : ''].filter(Boolean).join(', ') };
  }
  return { tone: 'neutral', text: t('noStatus'), detail: '' };
}

export function PodContainers({ pod }: { pod: KubeObject }) {
  const t = useTranslations('pods.containers');
  const statuses = new Map<string, Obj>();
  for (const st of [...arr(field(pod, 'status', 'initContainerStatuses')), ...arr(field(pod, 'status', 'containerStatuses'))]) statuses.set(s(st.name), st);
  const containers = [
    ...arr(field(pod, 'spec', 'initContainers')).map((c) => ({ c, init: true })),
    ...arr(field(pod, 'spec', 'containers')).map((c) => ({ c, init: false })),
  ];
  if (containers.length === 0) return <p className="text-muted">{t('none')}</p>;
  return (
    <table aria-label={t('label')} className="w-full border-collapse text-left text-[12px]">
      <thead>
        <tr className="border-b border-line text-muted">
          <th scope="col" className="py-1 pr-2 font-semibold">{t('container')}</th>
          <th scope="col" className="py-1 pr-2 font-semibold">{t('state')}</th>
          <th scope="col" className="py-1 pr-2 font-semibold">{t('ready')}</th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">{t('restarts')}</th>
          <th scope="col" className="py-1 font-semibold">{t('lastTermination')}</th>
        </tr>
      </thead>
      <tbody>
        {containers.map(({ c, init }) => {
          const st = statuses.get(s(c.name));
          const now = stateText(st?.state, t);
          const last = field(st, 'lastState', 'terminated');
          return (
            <tr key={`${init}:${s(c.name)}`} className="border-b border-line align-top">
              <td className="py-1 pr-2">
                <div className="font-mono font-medium">{s(c.name)}{init ? <span className="text-muted"> {t('init')}</span> : null}</div>
                <div className="truncate font-mono text-muted" title={s(c.image)}>{s(c.image)}</div>
              </td>
              <td className="py-1 pr-2"><StatusPill tone={now.tone}>{now.text}</StatusPill> <span className="text-muted">{now.detail}</span></td>
              <td className="py-1 pr-2">{st ? t(st.ready === true ? 'yes' : 'no') : '—'}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{s(st?.restartCount) || '0'}</td>
              <td className="py-1 text-muted">{last ? [s(field(last, 'reason')), t('exitCode', { code: s(field(last, 'exitCode')) }), s(field(last, 'finishedAt'))].filter(Boolean).join(', ') : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
