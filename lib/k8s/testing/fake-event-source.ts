// An EventSource the tests drive by hand (watch client, shared-watch hub): messages go through the
// real SSE framing, as the browser would hand them over.
import { encodeEvent } from '../sse';
import type { EventSourceLike } from '../watch-client';
import type { WatchEvent } from '../types';

export class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  onopen: EventSourceLike['onopen'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  onerror: EventSourceLike['onerror'] = null;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  get params() {
    return new URL(this.url, 'http://x').searchParams;
  }
  /** The `kinds` the stream was opened for, comma-separated. */
  get kinds() {
    return this.params.get('kinds');
  }
  open() {
    this.readyState = 1;
    this.onopen?.call(this, new Event('open'));
  }
  send(e: WatchEvent) {
    const data = encodeEvent(e).slice('data: '.length).trimEnd();
    this.onmessage?.call(this, new MessageEvent('message', { data }));
  }
  fail() {
    this.onerror?.call(this, new Event('error'));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}
