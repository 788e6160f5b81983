// GeneratePodGroup's plugin loop (deepflow-tagging.md §3): plugins share one state per pod, run in
// order, and the first pair of non-empty strings wins.
import type { Budget, LuaFailure } from '@/lib/lua';
import { PodState } from './pod-state';

export interface ChainResult {
  type: string;
  name: string;
  error: string | null;
  /** The text DeepFlow would log, where it differs from `error` and is known. */
  production?: string;
  /**
   * With an error: the plugin that raised it (0-based position in the chain, and its name), so the
   * studio can mark that plugin's source. DeepFlow's log text does not say; `error` stays its text.
   */
  failedPlugin?: PluginRef;
}

export interface PluginRef {
  index: number;
  name: string;
}

const CALL_NON_FUNCTION = ' attempt to call a non-function object\nstack traceback:\n\t[G]: ?';

function loadingError(f: LuaFailure): ChainResult {
  const production = f.kind === 'syntax'
    ? (f.production !== undefined ? `lua script loading error: (${f.production}\n)` : undefined)
    : f.kind === 'budget' ? 'DeepFlow has no time limit: the gather loop would hang on this plugin'
    : `lua script loading error: (${f.production ?? f.message})`;
  return { type: '', name: '', error: `lua script loading error: (${f.message})`, ...(production !== undefined ? { production } : {}) };
}

function executionError(f: LuaFailure, notAFunction: boolean): ChainResult {
  const production = notAFunction
    ? `lua script execution error: (${CALL_NON_FUNCTION})`
    : f.kind === 'budget' ? 'DeepFlow has no time limit: the gather loop would hang on this plugin'
    : `lua script execution error: (${f.production ?? f.message})`;
  return { type: '', name: '', error: `lua script execution error: (${f.message})`, production };
}

/** Runs every pod of a batch through the same plugin list, keeping DeepFlow's per-pod state semantics. */
export class PluginChain {
  private current: PodState | null = null;
  private readonly sources: string[];
  private readonly names: string[];
  /** instructions of the states already discarded */
  private retired = 0;
  /** The plugin whose pair ended the last `run` (both strings non-empty), else null. */
  lastMatch: PluginRef | null = null;

  constructor(plugins: { name: string; source: string }[], private readonly budget?: Partial<Budget>) {
    this.sources = plugins.map((p) => p.source);
    this.names = plugins.map((p) => p.name);
  }

  get size(): number {
    return this.sources.length;
  }

  /** Lua instructions the chain has executed so far, over every pod. */
  get instructionsUsed(): number {
    return this.retired + (this.current?.state.instructionsUsed ?? 0);
  }

  private podState(): PodState {
    if (!this.current) this.current = new PodState(this.sources, this.budget);
    return this.current;
  }

  /** The chain's answer for one pod's metadata JSON; `prints` receives the pod's `print` output. */
  run(metadataJson: string, prints: string[]): ChainResult {
    this.lastMatch = null;
    const ps = this.podState();
    ps.onPrint = (line) => prints.push(line);
    try {
      return this.runIn(ps, metadataJson);
    } finally {
      ps.onPrint = null;
      if (!ps.reset()) this.discard();
    }
  }

  private runIn(ps: PodState, metadataJson: string): ChainResult {
    const { state } = ps;
    let last: ChainResult = { type: '', name: '', error: null };
    for (const [k, plugin] of ps.plugins.entries()) {
      const failed = (r: ChainResult): ChainResult => ({ ...r, failedPlugin: { index: k, name: this.names[k] } });
      if (!plugin.ok) return failed(loadingError(plugin.error));
      // gopher's registry: DeepFlow never pops the two results, so plugin k runs 2k slots higher
      const registry = { base: 2 * k, fresh: k === 0 };
      state.pushRef(plugin.ref);
      const ran = state.call(0, 0, { registry });
      if (!ran.ok) return failed(loadingError(ran.error));
      state.getGlobal('GetWorkloadTypeAndName');
      const notAFunction = state.typeName(-1) !== 'function';
      state.pushString(metadataJson);
      const called = state.call(1, 2, { registry: { ...registry, fresh: false } });
      if (!called.ok) return failed(executionError(called.error, notAFunction));
      // Type checks, not conversions: a number is not a string here (gopher's LString assertion).
      if (state.typeName(-2) !== 'string') { state.setTop(0); return failed({ type: '', name: '', error: 'lua script get pod group type failed' }); }
      if (state.typeName(-1) !== 'string') { state.setTop(0); return failed({ type: '', name: '', error: 'lua script get pod group name failed' }); }
      const type = state.toStringValue(-2) as string;
      const name = state.toStringValue(-1) as string;
      state.setTop(0);
      last = { type, name, error: null };
      if (type !== '' && name !== '') {
        this.lastMatch = { index: k, name: this.names[k] };
        return last;
      }
    }
    return last;
  }

  private discard(): void {
    if (!this.current) return;
    this.retired += this.current.state.instructionsUsed;
    this.current.close();
    this.current = null;
  }

  close(): void {
    this.discard();
  }
}

export interface PluginLoadFailure extends PluginRef {
  /** `lua script loading error: (…)`, as the chain reports it for every pod that reaches the plugin. */
  error: string;
  production?: string;
}

/**
 * The plugins that fail to load (syntax error, or an error while their top level runs), checked
 * once in a scratch state where each chunk runs after the ones before it, as in DeepFlow's chain.
 * First match means DeepFlow never loads a plugin for pods an earlier one maps, but any pod the
 * earlier ones leave reaches it: every failure here is a defect of the chain.
 */
export function pluginLoadFailures(plugins: { name: string; source: string }[], budget?: Partial<Budget>): PluginLoadFailure[] {
  if (plugins.length === 0) return [];
  const ps = new PodState(plugins.map((p) => p.source), budget);
  try {
    const failures: PluginLoadFailure[] = [];
    ps.plugins.forEach((plugin, k) => {
      let result: ChainResult | null = null;
      if (!plugin.ok) result = loadingError(plugin.error);
      else {
        ps.state.pushRef(plugin.ref);
        const ran = ps.state.call(0, 0, { registry: { base: 2 * k, fresh: k === 0 } });
        if (!ran.ok) result = loadingError(ran.error);
      }
      if (result) failures.push({ index: k, name: plugins[k].name, error: result.error!, ...(result.production !== undefined ? { production: result.production } : {}) });
    });
    return failures;
  } finally {
    ps.close();
  }
}
