// Public API of the Lua engine (fengari 0.1.5 shaped into gopher-lua's Lua 5.1 dialects).
// No React, DOM or Node imports: this runs in the browser Worker, Node worker threads and the CLI.
//
//   createLuaState({ profile: 'kruise' | 'deepflow', budget?, onPrint? }): LuaState
//     state.pushJson / setGlobalJson / pushFunction / setGlobalFunction
//     state.load(source)            -> { ok } | { ok: false, error: LuaFailure }   (pushes the chunk)
//     state.call(nargs, nresults[, { registry }]) -> { ok } | { ok: false, error: LuaFailure }   (protected, budgeted;
//                                   registry: where production makes the call in gopher's registry, registry.ts)
//     state.registerModule(name, loader, { requiresPath })   deepflow `require` (e.g. dkjson at /bin/dkjson.lua)
//     state.registerGlobalModule(name, push)                 global module that `require` also returns (Kruise `json`)
//     state.pushFunctionTable({ name: fn }) / pushNil / pushString / getGlobal / checkBytes / setTop
//     state.readValue(index)        -> LuaTree: the value as plain JS, tables in `next` order
//     state.ref() / pushRef(ref)    keep a value (a compiled chunk) in the registry
//     state.snapshot() / restore(h) put the standard environment back (false: build a new state)
//     state.instructionsUsed        instructions run by `call`s so far
//     state.close()
//   checkSyntax(source, profile)     luaparse 5.1 (kruise) / 5.2 (deepflow)
//   escapeWarnings(source)           5.2+ escapes that gopher-lua reads literally
//   formatLuaNumber(n)               gopher-lua's number -> string rule
//   findLoadNilMerges(source)        gopher-lua's LOADNIL merge miscompile, for the lint (gopher-loadnil.ts)
//   DEFAULT_BUDGETS, LIMITS
export type {
  Budget,
  CallOptions,
  Fengari,
  LuaFailure,
  LuaOpaque,
  LuaProfile,
  LuaRef,
  LuaResult,
  LuaSnapshot,
  LuaState,
  LuaTable,
  LuaTree,
  LuaStateOptions,
  ModuleLoader,
  RegisterModuleOptions,
} from './types';
export { createLuaState, LUA_MULTRET } from './state';
export { checkSyntax, escapeWarnings } from './syntax';
export type { SyntaxWarning } from './syntax';
export { formatLuaNumber } from './number';
export { findLoadNilMerges } from './gopher-loadnil';
export type { LoadNilMerge } from './gopher-loadnil';
export { DEFAULT_BUDGETS, LIMITS } from './limits';
export { InputLimitError } from './push';
export { createResumable, NOT_YIELDABLE, NESTED_COROUTINE, type Resumable, type ResumableOutcome, type ResumableRunOptions } from './resumable';
