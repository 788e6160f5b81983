// The scheduling core of useLuaRun, free of React so it can be tested with fake timers and a fake
// runner. Rules:
// - requests are compared by value (their JSON): the same request again schedules nothing;
// - a changed request runs after `debounceMs` of quiet (runNow() skips the wait);
// - latest wins: a result that arrives for an older request is dropped;
// - one run at a time per scheduler: a newer request waits for the running one, but at most
//   `graceMs` plus twice the last good run's time (a long but honest run is not killed on every
//   keystroke); then the worker is terminated (the old run is a possible runaway) and the new run
//   starts on a fresh worker;
// - the last good output stays as `result`, with `stale` set while it belongs to an older request.
import type { RunnerError, RunnerRequestBody, RunnerResult, RunStats } from './protocol';

export interface RunState<O> {
  /** The last good output (of the current request or, when `stale`, of an older one). */
  result: O | null;
  /** The failure (timeout, crash, unsupported) of the latest finished run of the current request. */
  error: RunnerError | null;
  /** A run of the current request is waiting for the worker or running. */
  running: boolean;
  /** `result` comes from an older request than the current one. */
  stale: boolean;
  /** Stats of the run that produced `result`. */
  stats: RunStats | null;
  /** The latest output for the current request, also when `accept` rejected it as `result`. */
  latest: O | null;
}

export interface SchedulerRunner {
  run(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult>;
  abort(error: RunnerError): void;
}

export interface SchedulerOptions<O> {
  debounceMs: number;
  timeoutMs: number;
  /** How long a newer request waits for a superseded run before its worker is terminated. */
  graceMs: number;
  /** Whether an output may replace the last good result (e.g. not while the script has a syntax error). */
  accept?: (output: O) => boolean;
}

// No quiet time by default: one run at a time already coalesces a burst of keystrokes into the
// latest request, and any wait here adds straight to keystroke-to-preview latency (target <= 150 ms).
export const DEFAULT_DEBOUNCE_MS = 0;
export const DEFAULT_GRACE_MS = 100;
/** Cluster scripts wait on the network; everything else is a pure computation. */
export const DEFAULT_TIMEOUT_MS: Record<RunnerRequestBody['type'], number> = { route: 3000, tag: 5000, lint: 3000, check: 3000, cluster: 35_000 };

type Timer = ReturnType<typeof setTimeout>;

const initial = <O>(): RunState<O> => ({ result: null, error: null, running: false, stale: false, stats: null, latest: null });

export class RunScheduler<O> {
  private state: RunState<O> = initial<O>();
  private readonly listeners = new Set<() => void>();
  private wanted: { key: string; request: RunnerRequestBody } | null = null;
  private resultKey: string | null = null;
  private inFlight: { key: string; seq: number } | null = null;
  private queued = false;
  private seq = 0;
  private debounceTimer: Timer | null = null;
  private graceTimer: Timer | null = null;
  private lastRunMs = 0;

  constructor(
    private readonly runner: SchedulerRunner,
    private options: SchedulerOptions<O>,
  ) {}

  configure(options: Partial<SchedulerOptions<O>>): void {
    this.options = { ...this.options, ...options };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RunState<O> => this.state;

  /** The request to keep up to date (null: nothing to run). */
  setRequest(request: RunnerRequestBody | null): void {
    const key = request === null ? null : JSON.stringify(request);
    if (key === (this.wanted?.key ?? null)) return;
    this.clearDebounce();
    if (request === null || key === null) {
      this.wanted = null;
      this.queued = false;
      this.clearGrace();
      this.update({ error: null, latest: null });
      return;
    }
    this.wanted = { key, request };
    this.update({ error: null, latest: null });
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.launch(false);
    }, this.options.debounceMs);
  }

  /** Runs the current request now, without the debounce (and again if it already has a result). */
  runNow = (): void => {
    this.clearDebounce();
    this.launch(true);
  };

  /** Forgets the current request, cancels timers and stops the worker (unmount); a later setRequest starts afresh. */
  reset(): void {
    this.clearDebounce();
    this.clearGrace();
    this.wanted = null;
    this.queued = false;
    if (this.inFlight) this.runner.abort({ kind: 'superseded', message: 'the preview was closed' });
  }

  private launch(force: boolean): void {
    if (!this.wanted) return;
    if (!this.inFlight) return this.dispatch();
    if (this.inFlight.key === this.wanted.key && !force) {
      // the running run is the one wanted (the text went back to it): just wait for it
      this.queued = false;
      this.clearGrace();
      return this.update({});
    }
    this.queued = true;
    this.graceTimer ??= setTimeout(() => {
      this.graceTimer = null;
      if (this.inFlight && this.queued) this.runner.abort({ kind: 'superseded', message: 'a newer run replaced this one' });
    }, this.options.graceMs + 2 * this.lastRunMs);
    this.update({});
  }

  private dispatch(): void {
    const wanted = this.wanted;
    if (!wanted) return;
    this.queued = false;
    const seq = ++this.seq;
    this.inFlight = { key: wanted.key, seq };
    this.update({});
    void this.runner.run(wanted.request, { timeoutMs: this.options.timeoutMs }).then((r) => this.settle(seq, wanted.key, r));
  }

  private settle(seq: number, key: string, r: RunnerResult): void {
    if (this.inFlight?.seq !== seq) return;
    this.inFlight = null;
    this.clearGrace();
    if (key === this.wanted?.key) {
      if (r.ok) {
        const output = r.output as O;
        const accepted = this.options.accept ? this.options.accept(output) : true;
        if (accepted) this.resultKey = key;
        this.lastRunMs = r.stats.ms;
        this.update(accepted ? { result: output, stats: r.stats, error: null, latest: output } : { error: null, latest: output });
      } else if (r.error.kind !== 'superseded') {
        this.update({ error: r.error, latest: null });
      } else this.update({});
    }
    if (this.queued) this.dispatch();
    else this.update({});
  }

  private update(patch: Partial<RunState<O>>): void {
    const next = { ...this.state, ...patch };
    next.running = this.wanted !== null && (this.queued || this.inFlight?.key === this.wanted.key);
    next.stale = next.result !== null && this.resultKey !== (this.wanted?.key ?? this.resultKey);
    const prev = this.state;
    const same = (Object.keys(next) as (keyof RunState<O>)[]).every((k) => prev[k] === next[k]);
    if (same) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  private clearDebounce(): void {
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }

  private clearGrace(): void {
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}
