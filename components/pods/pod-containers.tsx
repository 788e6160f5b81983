// The pod's containers (init containers first) with their state as the kubelet reports it.
import { field, type KubeObject } from '../kube-object';
import { StatusPill } from '../status-pill';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function stateText(state: unknown): { tone: 'ok' | 'warn' | 'danger' | 'neutral'; text: string; detail: string } {
  const w = field(state, 'waiting');
  if (w) return { tone: 'warn', text: 'waiting', detail: [s(field(w, 'reason')), s(field(w, 'message'))].filter(Boolean).join(': ') };
  const r = field(state, 'running');
  if (r) return { tone: 'ok', text: 'running', detail: s(field(r, 'startedAt')) ? `since ${s(field(r, 'startedAt'))}` : '' };
  const t = field(state, 'terminated');
  if (t) {
    const code = s(field(t, 'exitCode'));
    return { tone: code === '0' ? 'neutral' : 'danger', text: 'terminated', detail: [s(field(t, 'reason')), code ? `exit code ${code}` : ''].filter(Boolean).join(', ') };
  }
  return { tone: 'neutral', text: 'no status yet', detail: '' };
}

export function PodContainers({ pod }: { pod: KubeObject }) {
  const statuses = new Map<string, Obj>();
  for (const st of [...arr(field(pod, 'status', 'initContainerStatuses')), ...arr(field(pod, 'status', 'containerStatuses'))]) statuses.set(s(st.name), st);
  const containers = [
    ...arr(field(pod, 'spec', 'initContainers')).map((c) => ({ c, init: true })),
    ...arr(field(pod, 'spec', 'containers')).map((c) => ({ c, init: false })),
  ];
  if (containers.length === 0) return <p className="text-muted">No containers in the spec.</p>;
  return (
    <table aria-label="Containers" className="w-full border-collapse text-left text-[12px]">
      <thead>
        <tr className="border-b border-line text-muted">
          <th scope="col" className="py-1 pr-2 font-semibold">Container</th>
          <th scope="col" className="py-1 pr-2 font-semibold">State</th>
          <th scope="col" className="py-1 pr-2 font-semibold">Ready</th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">Restarts</th>
          <th scope="col" className="py-1 font-semibold">Last termination</th>
        </tr>
      </thead>
      <tbody>
        {containers.map(({ c, init }) => {
          const st = statuses.get(s(c.name));
          const now = stateText(st?.state);
          const last = field(st, 'lastState', 'terminated');
          return (
            <tr key={`${init}:${s(c.name)}`} className="border-b border-line align-top">
              <td className="py-1 pr-2">
                <div className="font-mono font-medium">{s(c.name)}{init ? <span className="text-muted"> (init)</span> : null}</div>
                <div className="truncate font-mono text-muted" title={s(c.image)}>{s(c.image)}</div>
              </td>
              <td className="py-1 pr-2"><StatusPill tone={now.tone}>{now.text}</StatusPill> <span className="text-muted">{now.detail}</span></td>
              <td className="py-1 pr-2">{st ? (st.ready === true ? 'yes' : 'no') : '—'}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{s(st?.restartCount) || '0'}</td>
              <td className="py-1 text-muted">{last ? [s(field(last, 'reason')), `exit code ${s(field(last, 'exitCode'))}`, s(field(last, 'finishedAt'))].filter(Boolean).join(', ') : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
