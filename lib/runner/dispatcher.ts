// Request bookkeeping shared by the browser Web Worker client and the Node worker-thread client:
// request ids, one waiting callback per request, the wall-clock hard stop (terminate the worker, fail
// whatever else was queued on it, start afresh next time) and crash handling. Never rejects.
// The platform part is a small adapter.
// The hard stop measures the run, not the worker's start: a fresh worker first loads and compiles the
// engine bundle, which on a busy machine can take longer than a warm preview's whole budget. Workers
// that announce readiness (`{ ready: true }`) get their requests' clocks started only then, with a
// separate, generous limit on the start itself.
import type { RunnerError, RunnerRequestBody, RunnerResponse, RunnerResult } from './protocol';

export interface WorkerAdapter {
  post(message: unknown): void;
  /** The worker posts `{ ready: true }` once its script has loaded (see WORKER_READY). */
  announcesReady?: boolean;
  terminate(): Promise<unknown> | void;
  /** Node: hold the process open only while requests are waiting. */
  busy?(busy: boolean): void;
}

export interface WorkerEvents {
  message(response: RunnerResponse): void;
  crash(message: string): void;
}

/** What a worker posts once loaded, before any answer. */
export const WORKER_READY = { ready: true } as const;
export const isReadyMessage = (m: unknown): boolean => typeof m === 'object' && m !== null && (m as { ready?: unknown }).ready === true;

/** How long a fresh worker may take to load before it is called crashed. */
export const WORKER_START_MS = 20_000;

const crashed = (message: string): RunnerResult => ({ ok: false, error: { kind: 'crash', message } });
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Dispatcher {
  private worker: WorkerAdapter | null = null;
  private ready = false;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  /** hard-stop clocks waiting for the current worker to be ready */
  private readonly unarmed: (() => void)[] = [];
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
      let timer: ReturnType<typeof setTimeout> | null = null;
      const arm = () => {
        if (!this.pending.has(id)) return;
        timer = setTimeout(() => {
          if (!this.pending.delete(id)) return;
          this.discard(w, 'the Lua worker was restarted after another request timed out');
          resolve({ ok: false, error: { kind: 'timeout', message: `stopped after ${timeoutMs} ms; ${this.afterTimeout}` } });
        }, timeoutMs);
      };
      this.pending.set(id, (r) => {
        if (timer !== null) clearTimeout(timer);
        resolve(r);
      });
      if (this.ready) arm();
      else this.unarmed.push(arm);
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
      message: (res) => {
        if (isReadyMessage(res)) return this.worker === w ? this.markReady() : undefined;
        this.settle(res.id, res.ok ? res : { ok: false, error: res.error });
      },
      crash: (message) => {
        if (this.worker === w) this.discard(w, message);
      },
    });
    this.worker = w;
    this.ready = !w.announcesReady;
    if (!this.ready) {
      this.startTimer = setTimeout(() => {
        if (this.worker === w && !this.ready) this.discard(w, `the Lua worker did not start within ${WORKER_START_MS / 1000} s`);
      }, WORKER_START_MS);
    }
    return w;
  }

  private markReady(): void {
    this.ready = true;
    this.clearStart();
    for (const arm of this.unarmed.splice(0)) arm();
  }

  private clearStart(): void {
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    this.startTimer = null;
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
    if (this.worker === w) {
      this.worker = null;
      this.ready = false;
      this.clearStart();
      this.unarmed.length = 0;
    }
    void w.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const done of waiting) done({ ok: false, error: { kind, message } });
  }
}
