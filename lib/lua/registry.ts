// gopher-lua's "registry" is its value stack (every frame's registers and every Go function's pushes).
// Neither production host passes registry options, so it is a fixed array of `lua.RegistrySize`
// (256 * 20) slots that never grows (`RegistryMaxSize` 0): a push beyond it raises
// "registry overflow" (state.go, identical at Kruise's pin 658193537a64 and at v1.1.1). Library
// functions that push one value per element (`unpack`, `table.concat`, `string.byte(s, i, j)`) fail
// at a size that depends on how deep the call sits; this module estimates gopher's stack top from
// fengari's, so the preview fails at the same element (docs/differences.md, "production bugs").
import fengari from './fengari';
import type { CallOptions } from './types';

const { lua, lauxlib, to_luastring } = fengari;

/** `lua.RegistrySize` in gopher-lua's config.go at both pinned commits. */
export const GOPHER_REGISTRY_SIZE = 256 * 20;

const CIST_LUA = 1 << 1;

interface TValue { value: unknown }
interface Proto { is_vararg: boolean; linedefined: number }
interface CallInfo { previous: CallInfo | null; funcOff: number; callstatus: number; func: TValue }
interface State { ci: CallInfo; top: number; stack: TValue[]; l_G: Global; studioRegistrySize?: number }
interface Global { mainthread: State; studioRegistry?: HostCall; studioCFunctions?: { pcall: unknown; xpcall: unknown } }

/** Where the host's protected call starts, in fengari's stack and in gopher's registry. */
interface HostCall {
  /** fengari stack index of the called function. */
  funcOff: number;
  /** gopher registry slot of the same function (Kruise `DoString`: 0; DeepFlow plugin k: 2k). */
  base: number;
  /** Current capacity: each overflow raised while full grows it by one slot (`raiseError`'s forceResize). */
  size: number;
}

type RegistryCallOptions = NonNullable<CallOptions['registry']>;

/** Called by `LuaState.call` before `lua_pcall`, with the function at `funcOff`. */
export function beginHostCall(L: unknown, funcOff: number, opts: RegistryCallOptions = {}): void {
  const g = (L as State).l_G;
  const size = opts.fresh === false && g.studioRegistry ? g.studioRegistry.size : GOPHER_REGISTRY_SIZE;
  g.studioRegistry = { funcOff, base: opts.base ?? 0, size };
}

/** Remembers base-library functions whose frames shift the stack relative to gopher-lua's. */
export function rememberCFunctions(L: unknown): void {
  const S = L as State;
  const fn = (name: string): unknown => {
    lua.lua_getglobal(L, to_luastring(name));
    const v = S.stack[S.top - 1].value;
    lua.lua_pop(L, 1);
    return v;
  };
  S.l_G.studioCFunctions = { pcall: fn('pcall'), xpcall: fn('xpcall') };
}

/**
 * fengari stack index minus gopher registry index, for values of the running JS function.
 * Both VMs put a callee right after its caller's call register, so the difference is set by the
 * host's call and changes only where a frame's layout differs:
 * - fengari's `pcall`/`xpcall` insert `true` below the function (gopher's call it in place): +1;
 * - gopher gives every vararg function except a chunk a hidden `arg` register (CompatVarArg): -1.
 * Other JS callers (sort comparators, gsub callbacks, metamethods) are assumed to match.
 */
function offset(S: State): { delta: number; size: { get(): number; grow(): void } } {
  const g = S.l_G;
  if (S !== g.mainthread) {
    // a coroutine has its own registry in gopher (same size); its body sits at fengari index 1, gopher 0
    return {
      delta: 1 + corrections(S, 1),
      size: { get: () => S.studioRegistrySize ?? GOPHER_REGISTRY_SIZE, grow: () => { S.studioRegistrySize = (S.studioRegistrySize ?? GOPHER_REGISTRY_SIZE) + 1; } },
    };
  }
  const host = g.studioRegistry ?? { funcOff: 1, base: 0, size: GOPHER_REGISTRY_SIZE };
  g.studioRegistry = host;
  return { delta: host.funcOff - host.base + corrections(S, host.funcOff), size: { get: () => host.size, grow: () => { host.size += 1; } } };
}

function corrections(S: State, hostFuncOff: number): number {
  const chain: CallInfo[] = [];
  for (let ci: CallInfo | null = S.ci; ci; ci = ci.previous) {
    chain.push(ci);
    if (ci.funcOff === hostFuncOff) break;
  }
  if (chain[chain.length - 1].funcOff !== hostFuncOff) return 0;
  const known = S.l_G.studioCFunctions;
  let d = 0;
  // every frame below the running one is the caller of the frame above it
  for (let i = chain.length - 1; i >= 1; i--) {
    const caller = chain[i];
    if (caller.callstatus & CIST_LUA) {
      const p = (caller.func.value as { p: Proto }).p;
      if (p.is_vararg && p.linedefined !== 0) d -= 1;
    } else if (known && (caller.func.value === known.pcall || caller.func.value === known.xpcall)) {
      d += 1;
    }
  }
  return d;
}

/** How many more values the running JS function may push before gopher-lua's registry overflows. */
export function registryRoom(L: unknown): number {
  const S = L as State;
  const { delta, size } = offset(S);
  return size.get() - (S.top - delta);
}

/** Raises gopher's "registry overflow" (the push that did not fit), growing the capacity as gopher does. */
export function registryOverflow(L: unknown): never {
  // raiseError finds the registry full and resizes it to top + 1 to push the message; it never shrinks
  offset(L as State).size.grow();
  return raiseGopher(L, 'registry overflow');
}

/** gopher's `RaiseError`: the position of the nearest Lua frame (Go frames are skipped), then the message. */
export function raiseGopher(L: unknown, msg: string): never {
  const ar = new lua.lua_Debug();
  let where = '';
  for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, to_luastring('Sl'), ar);
    if (ar.currentline > 0) {
      lauxlib.luaL_where(L, level);
      where = lua.lua_tojsstring(L, -1) as string;
      lua.lua_pop(L, 1);
      break;
    }
  }
  // gopher joins position and message with a space: `<string>:3: msg`, or ` msg` without a Lua frame
  lua.lua_pushstring(L, to_luastring(where === '' ? ' ' + msg : where + msg));
  lua.lua_error(L);
  throw new Error('unreachable: lua_error returned');
}
