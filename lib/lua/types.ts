// Public types of the engine. Stable: lib/kruise, lib/deepflow, lib/runner and lib/cli build on them.
import type { Fengari } from './fengari-types';

export type { Fengari };

/** `kruise`: gopher-lua at Kruise's pin (5.1, no goto, restricted libs). `deepflow`: gopher-lua v1.1.1 (5.1 + goto, all libs). */
export type LuaProfile = 'kruise' | 'deepflow';

/** Per top-level `call`: both budgets are reset when a call starts. */
export interface Budget {
  instructions: number;
  ms: number;
}

export interface LuaFailure {
  kind: 'syntax' | 'runtime' | 'budget' | 'limit' | 'result';
  /** fengari's message, chunk name `<string>` (accurate line numbers). */
  message: string;
  /** The message production (gopher-lua) would log, where a mapping is known (lua-dialect.md §5.2). */
  production?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export type LuaResult = { ok: true } | { ok: false; error: LuaFailure };

export interface CallOptions {
  /**
   * Where production makes this call in gopher-lua's registry (its value stack, 5,120 slots), so
   * that `unpack`/`table.concat`/`string.byte` overflow at the same element. Defaults: `base` 0 and
   * `fresh` true (Kruise: a new state per script, `DoString`). DeepFlow plugin k of a pod: `base`
   * 2k (each earlier plugin's two results stay on the stack), `fresh` only for the first chunk.
   */
  registry?: { base?: number; fresh?: boolean };
}

export interface LuaStateOptions {
  profile: LuaProfile;
  budget?: Partial<Budget>;
  /** Receives each `print` line (arguments joined by tabs, no trailing newline). Output beyond `LIMITS.printBytes` is dropped. */
  onPrint?: (text: string) => void;
}

/**
 * A module served by `require(name)` (deepflow profile). A JS loader runs inside the protected call
 * and must push exactly one value; a `{ source }` loader is compiled and run like a Lua file and its
 * first return value is the module (true when it returns nothing).
 */
export type ModuleLoader = ((state: LuaState) => void) | { source: string; chunkName?: string };

export interface RegisterModuleOptions {
  /**
   * deepflow: the module is found only when a `package.path` template resolves to this path
   * (e.g. `/bin/dkjson.lua`), like gopher-lua's file searcher. Without it the module is served as a
   * preloaded module (`package.preload`-like, always found).
   */
  requiresPath?: string;
}

export interface LuaState {
  /** Raw fengari `lua_State` for host modules. */
  readonly L: unknown;
  readonly fengari: Fengari;
  readonly profile: LuaProfile;
  /** Plain JSON -> Lua: int32 integers as Lua integers, every other number as float; arrays skip null items; objects omit null members. */
  pushJson(value: unknown): void;
  setGlobalJson(name: string, value: unknown): void;
  /** Pushes a JS function; it receives this state and returns the number of results it pushed. */
  pushFunction(fn: (state: LuaState) => number): void;
  setGlobalFunction(name: string, fn: (state: LuaState) => number): void;
  /** Syntax-checks for the profile (luaparse + escape lint), then compiles with chunk name `=<string>`; on success pushes the chunk. */
  load(source: string, chunkName?: string): LuaResult;
  /** Protected call under the budget (like `lua_pcall`); on failure the error value is popped. */
  call(nargs: number, nresults: number, opts?: CallOptions): LuaResult;
  /** `require(name)` module for the deepflow profile (kruise: `require` serves only loaded modules; use `registerGlobalModule`). */
  registerModule(name: string, loader: ModuleLoader, opts?: RegisterModuleOptions): void;
  /** Kruise: register a global module (like `json`) that `require(name)` returns. */
  registerGlobalModule(name: string, pushModule: (state: LuaState) => void): void;
  /** Stack helpers. */
  top(): number;
  pop(n: number): void;
  /** `type()` name of the value at `index`. */
  typeName(index: number): string;
  /** The string at `index` (numbers converted with gopher-lua's rule); null for other types. */
  toStringValue(index: number): string | null;
  /** True when the last `call` was stopped by a budget or size limit (reset by the next `call`; the state stays usable). */
  readonly killed: boolean;
  close(): void;
}
