'use client';
// The DeepFlow server beside the local store (DEEPFLOW_SERVER_URL): where it is, whether it
// answered (its error as it is), and the plugins it has that the studio has no source for.
import { StateNotice } from '@/components/list-states';
import type { DeepflowSyncState } from '@/lib/plugins/types';

export function DeepflowPanel({ deepflow, remote }: { deepflow: DeepflowSyncState | null; remote: { name: string; updatedAt: string }[] }) {
  if (!deepflow) return null;
  const where = `${deepflow.url} (org ${deepflow.orgId})`;
  if (!deepflow.ok) {
    return (
      <StateNotice tone="danger" title={`The DeepFlow server ${where} could not be read`}>
        <span className="whitespace-pre-wrap">{deepflow.error ?? 'no answer'}</span> The local store is intact; saves keep working locally.
      </StateNotice>
    );
  }
  const lua = deepflow.remote.filter((r) => r.type === 3).length;
  return (
    <section aria-label="DeepFlow server" className="rounded-md border border-line bg-surface px-3 py-2 text-[12px]">
      <p>
        Synchronised with the DeepFlow server <span className="font-mono">{where}</span>: {lua} Lua {lua === 1 ? 'plugin' : 'plugins'} there. Saving uploads, deleting or disabling removes a plugin from it.
      </p>
      {remote.length ? (
        <div className="mt-1 text-warn">
          On the server with no local source (DeepFlow cannot return a plugin&apos;s code, so the studio cannot show it):
          <ul aria-label="On the DeepFlow server only" className="ml-4 list-disc font-mono">
            {remote.map((r) => <li key={r.name}>{r.name} <span className="font-sans text-muted">updated {r.updatedAt}</span></li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
