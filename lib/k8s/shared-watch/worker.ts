// SharedWorker entry (bundled to public/workers/watch-worker.js by scripts/build-engine.mjs): every
// studio tab of this browser connects here, so the browser holds one SSE connection per
// (context, namespace) instead of one per tab (HTTP/1.1 allows six per host).
import { WatchHub, type HubPort } from './hub';
import type { TabMessage } from './protocol';
import type { EventSourceLike } from '../watch-client';

const hub = new WatchHub({ createEventSource: (url) => new EventSource(url) as unknown as EventSourceLike });

interface ConnectEvent {
  ports: readonly MessagePort[];
}

const scope = self as unknown as { onconnect: ((e: ConnectEvent) => void) | null; navigator: Navigator };

scope.onconnect = (e) => {
  const port = e.ports[0];
  const tab: HubPort = { post: (m) => port.postMessage(m) };
  port.onmessage = (ev: MessageEvent<TabMessage>) => {
    const m = ev.data;
    switch (m?.t) {
      case 'hello':
        // A port has no close event. The tab holds this Web Lock for its whole life; our request is
        // granted when the tab is gone (closed, crashed, navigated away), and then we drop it.
        if (m.lock && scope.navigator.locks) void scope.navigator.locks.request(m.lock, () => hub.dropPort(tab));
        break;
      case 'open':
        hub.open(tab, m.id, m.url);
        break;
      case 'close':
        hub.close(tab, m.id);
        break;
      case 'bye':
        hub.dropPort(tab);
        break;
    }
  };
  port.start();
};
