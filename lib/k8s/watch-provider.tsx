'use client';
// Owns the page's WatchClient (one stream per context + namespace for every mounted list), whose
// streams are shared by every tab of the browser through the watch SharedWorker (shared-watch/).
// Must sit inside the QueryClientProvider: events are folded into that cache.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { WatchClient } from './watch-client';
import { createSharedWatch } from './shared-watch/client';

const WatchContext = createContext<WatchClient | null>(null);

export function KubeWatchProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [shared] = useState(createSharedWatch);
  const [client] = useState(() => new WatchClient(queryClient, { createEventSource: shared.createEventSource }));
  useEffect(() => shared.warm(), [shared]);
  useEffect(() => () => client.dispose(), [client]);
  return <WatchContext.Provider value={client}>{children}</WatchContext.Provider>;
}

export function useWatchClient(): WatchClient {
  const c = useContext(WatchContext);
  if (!c) throw new Error('useKubeList/useConnection need <KubeWatchProvider> (inside the QueryClientProvider).');
  return c;
}
