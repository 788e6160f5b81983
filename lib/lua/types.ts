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

/**
 * A Lua value read off the stack as plain JS (`readValue`): nil -> null, strings as their bytes, a
 * table as its entries in `next` order (the order gopher-lua's encoders see for the hash part). The
 * same Lua table is the same `LuaTable` object wherever it occurs, so cycles and shared tables can be
 * detected by identity.
 */
export type LuaTree = null | boolean | number | Uint8Array | LuaTable | LuaOpaque;

export interface LuaTable {
  readonly kind: 'table';
  readonly entries: [key: LuaTree, value: LuaTree][];
}

/** A function, userdata or thread: only its `type()` name. */
export interface LuaOpaque {
  readonly kind: 'opaque';
  readonly typeName: string;
}

/** An opaque handle of `snapshot()`; `restore` takes it back. */
export interface LuaSnapshot {
  readonly id: number;
}

/** A value kept in the registry (`ref`); `pushRef` pushes it again. */
export type LuaRef = number & { readonly __luaRef: true };

export interface LuaState {
  /** Raw fengari `lua_State` for host modules. */
  readonly L: unknown;
  readonly fengari: Fengari;
  readonly profile: LuaProfile;
  /** Plain JSON -> Lua: int32 integers as Lua integers, every other number as float; arrays skip null items; objects omit null members. */
  pushJson(value: unknown): void;
  setGlobalJson(name: string, value: unknown): void;
  /**
   * Pushes a JS function; it returns the number of results it pushed. It receives a state whose
   * stack operations work on the calling thread (a coroutine's, when called from one).
   */
  pushFunction(fn: (state: LuaState) => number): void;
  setGlobalFunction(name: string, fn: (state: LuaState) => number): void;
  /** Pushes a table of JS functions (a library such as Kruise's `json`). */
  pushFunctionTable(fns: Record<string, (state: LuaState) => number>): void;
  pushNil(): void;
  /** A JS string (as UTF-8) or raw bytes. */
  pushString(value: string | Uint8Array): void;
  /** Pushes the global `name`. */
  getGlobal(name: string): void;
  /** Pops the top value into the registry. */
  ref(): LuaRef;
  pushRef(ref: LuaRef): void;
  /** Argument `arg` of a JS function as bytes (numbers converted), or a Lua "bad argument" error. */
  checkBytes(arg: number): Uint8Array;
  /** The value at `index` as a plain JS tree (see LuaTree); the stack is unchanged. */
  readValue(index: number): LuaTree;
  /**
   * Records every table reachable from the standard environment (globals, library tables,
   * package.loaded/preload/loaders, the string metatable) as it is now.
   */
  snapshot(): LuaSnapshot;
  /**
   * Puts those tables back to the snapshot (new keys removed, changed values restored) and empties
   * the stack. False when that cannot be done in place (a killed call, a removed entry, a replaced
   * metatable, a table key): the caller must build a new state.
   */
  restore(snapshot: LuaSnapshot): boolean;
  /**
   * Lua instructions executed by `call`s so far (cumulative over the state's life). Exact for the
   * main thread; inside coroutines they are counted in whole hook periods (`LIMITS.hookEvery`).
   */
  readonly instructionsUsed: number;
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
  /** Like lua_settop: drops or pads (with nil) the stack to `index` values. */
  setTop(index: number): void;
  /** True when the last `call` was stopped by a budget or size limit (reset by the next `call`; the state stays usable). */
  readonly killed: boolean;
  close(): void;
}
