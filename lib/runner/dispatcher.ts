// Request bookkeeping shared by the browser Web Worker client and the Node worker-thread client:
// request ids, one waiting callback per request, the wall-clock hard stop (terminate the worker, fail
// whatever else was queued on it, start afresh next time) and crash handling. Never rejects.
// The platform part is a small adapter.
import type { RunnerError, RunnerRequestBody, RunnerResponse, RunnerResult } from './protocol';

export interface WorkerAdapter {
  post(message: unknown): void;
  terminate(): Promise<unknown> | void;
  /** Node: hold the process open only while requests are waiting. */
  busy?(busy: boolean): void;
}

export interface WorkerEvents {
  message(response: RunnerResponse): void;
  crash(message: string): void;
}

const crashed = (message: string): RunnerResult => ({ ok: false, error: { kind: 'crash', message } });
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Dispatcher {
  private worker: WorkerAdapter | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: RunnerResult) => void>();

  constructor(
    private readonly start: (events: WorkerEvents) => WorkerAdapter,
    /** Says what happened after a timeout, in the platform's terms. */
    private readonly afterTimeout: string,
  ) {}

  run(request: RunnerRequestBody, timeoutMs: number): Promise<RunnerResult> {
    return new Promise((resolve) => {
      let w: WorkerAdapter;
      try {
        w = this.current();
      } catch (e) {
        resolve(crashed(`cannot start the Lua worker: ${messageOf(e)}`));
        return;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => {
        if (!this.pending.delete(id)) return;
        this.discard(w, 'the Lua worker was restarted after another request timed out');
        resolve({ ok: false, error: { kind: 'timeout', message: `stopped after ${timeoutMs} ms; ${this.afterTimeout}` } });
      }, timeoutMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      w.busy?.(true);
      w.post({ ...request, id });
    });
  }

  /** Terminates the current worker now (a superseded runaway); what waits on it resolves with `error`. The next run starts a fresh worker. */
  abort(error: RunnerError): void {
    const w = this.worker;
    if (w) this.discard(w, error.message, error.kind);
  }

  /** Stops the worker; requests still waiting fail as crashed. */
  async close(): Promise<void> {
    const w = this.worker;
    if (w) {
      this.discard(w, 'the Lua worker was stopped');
      await w.terminate();
    }
  }

  private current(): WorkerAdapter {
    if (this.worker) return this.worker;
    const w: WorkerAdapter = this.start({
      message: (res) => this.settle(res.id, res.ok ? res : { ok: false, error: res.error }),
      crash: (message) => {
        if (this.worker === w) this.discard(w, message);
      },
    });
    this.worker = w;
    return w;
  }

  private settle(id: number, result: RunnerResult): void {
    const done = this.pending.get(id);
    if (!done) return;
    this.pending.delete(id);
    done(result);
    if (this.pending.size === 0) this.worker?.busy?.(false);
  }

  /** Terminates `w` and fails every request still waiting on it (they are lost with it). */
  private discard(w: WorkerAdapter, message: string, kind: RunnerError['kind'] = 'crash'): void {
    if (this.worker === w) this.worker = null;
    void w.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const done of waiting) done({ ok: false, error: { kind, message } });
  }
}
