'use client';
import type { Problem } from '@/lib/k8s/types';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { InlineCode } from './inline-code';

const sourceLabel: Record<Problem['source'], string> = {
  kubeconfig: 'Kubeconfig',
  seed: 'Sandbox seed',
  context: 'Context',
  connection: 'Connection',
};

function where(p: Problem): string | undefined {
  if (p.file) return p.line ? `${p.file}:${p.line}` : p.file;
  return p.context ? `context “${p.context}”` : undefined;
}

/** Configuration problems the server found; each names where it is and what to do about it. */
export function ProblemsBanner() {
  const info = useClusterInfo();
  if (info.error) {
    return (
      <div role="alert" className="border-b border-danger/40 bg-danger-soft px-4 py-2">
        <p className="font-semibold text-danger">Could not read the cluster configuration</p>
        <p className="text-muted">{info.error.message}. The studio server may have stopped; reload the page once it is running again.</p>
      </div>
    );
  }
  const problems = info.data?.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <div role="alert" aria-label="Cluster configuration problems" className="border-b border-warn/40 bg-warn-soft px-4 py-2">
      <ul className="flex flex-col gap-1.5">
        {problems.map((p, i) => {
          const w = where(p);
          // Messages often repeat the location already shown before them.
          const message = w && p.message.startsWith(`${w}: `) ? p.message.slice(w.length + 2) : p.message;
          return (
            <li key={i}>
              <p>
                <span className="font-semibold text-warn">{sourceLabel[p.source]} problem</span>
                {w ? (
                  <>
                    {' '}
                    in <code className="font-mono text-fg">{w}</code>
                  </>
                ) : null}
                : <InlineCode text={message} />
              </p>
              <p className="text-muted">
                <span className="font-medium text-fg">Fix:</span> <InlineCode text={p.fix} />
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
