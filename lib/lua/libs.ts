// Opens the libraries of one profile, one by one (never luaL_openlibs, never fengari's `js`,
// `io`, `debug`, `utf8` or `package` libraries), and shapes them into gopher-lua's Lua 5.1 surface.
import fengari from './fengari';
import { checkSyntax } from './syntax';
import { raise } from './raise';
import { stringCase, stringFormat, stringRep } from './strlib';
import { gopherToNumber } from './tonumber';
import { rememberCFunctions } from './registry';
import { withGopherLoadNil } from './gopher-loadnil';
import { baseUnpack, stringByte, tableConcat } from './tablelib';
import type { LuaProfile } from './types';

const { lua, lauxlib, lualib, to_luastring, to_jsstring } = fengari;

type CFunction = (L: unknown) => number;

export interface LibHooks {
  profile: LuaProfile;
  print(text: string): void;
  tooLong(L: unknown, what: string, bytes: number): never;
  maxStringBytes: number;
  /** deepflow: resolves `require(name)` beyond package.loaded / package.preload; pushes the module or returns an error line list. */
  findModule(L: unknown, name: string, packagePath: string): { found: true } | { found: false; searched: string[] };
}

const GOPHER_PACKAGE_PATH = './?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua';

function setFn(L: unknown, name: string, f: CFunction): void {
  lua.lua_pushcfunction(L, f);
  lua.lua_setfield(L, -2, to_luastring(name));
}

function setNil(L: unknown, ...names: string[]): void {
  for (const name of names) {
    lua.lua_pushnil(L);
    lua.lua_setfield(L, -2, to_luastring(name));
  }
}

function unavailable(name: string): CFunction {
  return (L) => raise(L, `${name} is not available in the studio sandbox`);
}

function unsupported(name: string): CFunction {
  // Lua 5.1 environments cannot be emulated on fengari's 5.3 VM (no per-function environments).
  return (L) => raise(L, `${name} is not supported by the studio's engine (Lua 5.1 function environments); it works in production`);
}

function openLib(L: unknown, name: string, open: CFunction): void {
  lauxlib.luaL_requiref(L, to_luastring(name), open, 1);
  lua.lua_pop(L, 1);
}

export function openProfileLibs(L: unknown, hooks: LibHooks): void {
  openLib(L, '_G', lualib.luaopen_base);
  openLib(L, 'table', lualib.luaopen_table);
  openLib(L, 'string', lualib.luaopen_string);
  openLib(L, 'math', lualib.luaopen_math);
  if (hooks.profile === 'deepflow') {
    openLib(L, 'coroutine', lualib.luaopen_coroutine);
    openLib(L, 'os', lualib.luaopen_os);
    // `debug` is never opened: debug.sethook would let a script remove the budget hook.
  }
  shapeBase(L, hooks);
  rememberCFunctions(L);
  shapeTable(L, hooks);
  shapeString(L, hooks);
  shapeMath(L);
  if (hooks.profile === 'deepflow') {
    shapeCoroutine(L);
    shapeOs(L);
    openSandboxIo(L);
    openPackage(L, hooks);
  } else {
    lua.lua_pushcfunction(L, kruiseRequire);
    lua.lua_setglobal(L, to_luastring('require'));
  }
}

function shapeBase(L: unknown, hooks: LibHooks): void {
  lua.lua_pushglobaltable(L);
  setNil(L, 'rawlen');
  // 5.1/gopher: pairs and ipairs require a table (5.3 accepts anything and fails later when indexing)
  lua.lua_getfield(L, -1, to_luastring('next'));
  lua.lua_pushcclosure(L, (L2: unknown) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    lua.lua_pushvalue(L2, lua.lua_upvalueindex(1));
    lua.lua_pushvalue(L2, 1);
    lua.lua_pushnil(L2);
    return 3;
  }, 1);
  lua.lua_setfield(L, -2, to_luastring('pairs'));
  const ipairsAux: CFunction = (L2) => {
    const i = lua.lua_tointeger(L2, 2) + 1;
    lua.lua_pushinteger(L2, i);
    return lua.lua_rawgeti(L2, 1, i) === lua.LUA_TNIL ? 1 : 2;
  };
  setFn(L, 'ipairs', (L2) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    lua.lua_pushcfunction(L2, ipairsAux);
    lua.lua_pushvalue(L2, 1);
    lua.lua_pushinteger(L2, 0);
    return 3;
  });
  // production has them (Kruise's reads controller files); the studio has no file system
  setFn(L, 'dofile', unavailable('dofile'));
  setFn(L, 'loadfile', unavailable('loadfile'));
  setFn(L, 'setfenv', unsupported('setfenv'));
  setFn(L, 'getfenv', unsupported('getfenv'));
  setFn(L, 'module', unsupported('module'));
  setFn(L, 'print', (L2) => {
    const n = lua.lua_gettop(L2);
    const parts: string[] = [];
    for (let i = 1; i <= n; i++) {
      parts.push(to_jsstring(lauxlib.luaL_tolstring(L2, i)));
      lua.lua_pop(L2, 1);
    }
    hooks.print(parts.join('\t'));
    return 0;
  });
  const loadString = (L2: unknown, chunkIndex: number): number => {
    const bytes: Uint8Array = lauxlib.luaL_checklstring(L2, chunkIndex);
    const name = lua.lua_type(L2, chunkIndex + 1) === lua.LUA_TSTRING ? '=' + lua.lua_tojsstring(L2, chunkIndex + 1) : '=<string>';
    const checked = checkSyntax(to_jsstring(bytes), hooks.profile);
    if (!checked.ok) {
      lua.lua_pushnil(L2);
      lua.lua_pushstring(L2, to_luastring(checked.error.message));
      return 2;
    }
    const source = to_jsstring(bytes);
    const compiled = withGopherLoadNil(source);
    if (lauxlib.luaL_loadbuffer(L2, compiled === source ? bytes : to_luastring(compiled), null, to_luastring(name)) !== lua.LUA_OK) {
      lua.lua_pushnil(L2);
      lua.lua_insert(L2, -2);
      return 2;
    }
    return 1;
  };
  setFn(L, 'loadstring', (L2) => loadString(L2, 1));
  setFn(L, 'tonumber', (L2) => {
    lauxlib.luaL_checkany(L2, 1);
    const t = lua.lua_type(L2, 1);
    if (t === lua.LUA_TNUMBER) {
      lua.lua_pushvalue(L2, 1);
    } else if (t === lua.LUA_TSTRING) {
      const base = lua.lua_isnoneornil(L2, 2) ? undefined : Math.trunc(lauxlib.luaL_checknumber(L2, 2));
      const v = gopherToNumber(lua.lua_tojsstring(L2, 1), base);
      if (v === null) lua.lua_pushnil(L2);
      else if ((v | 0) === v && !Object.is(v, -0)) lua.lua_pushinteger(L2, v);
      else lua.lua_pushnumber(L2, v);
    } else {
      lua.lua_pushnil(L2);
    }
    return 1;
  });
  // 5.1 `load(func [, chunkname])`; a string argument goes through the same syntax check
  lua.lua_getfield(L, -1, to_luastring('load'));
  lua.lua_pushcclosure(L, (L2: unknown) => {
    if (lua.lua_type(L2, 1) === lua.LUA_TSTRING) return loadString(L2, 1);
    lua.lua_pushvalue(L2, lua.lua_upvalueindex(1));
    lua.lua_insert(L2, 1);
    lua.lua_settop(L2, 3);
    lua.lua_pushstring(L2, to_luastring('t'));
    lua.lua_call(L2, 3, lua.LUA_MULTRET);
    return lua.lua_gettop(L2);
  }, 1);
  lua.lua_setfield(L, -2, to_luastring('load'));
  setFn(L, 'unpack', baseUnpack);
  lua.lua_pushstring(L, to_luastring('Lua 5.1'));
  lua.lua_setfield(L, -2, to_luastring('_VERSION'));
  lua.lua_pop(L, 1);
}

const toInt = (L: unknown, i: number): number => Math.trunc(lauxlib.luaL_checknumber(L, i));

function setIndex(L: unknown, t: number, i: number): void {
  if ((i | 0) === i) lua.lua_rawseti(L, t, i);
  else { lua.lua_pushnumber(L, i); lua.lua_insert(L, -2); lua.lua_rawset(L, t); }
}

function getIndex(L: unknown, t: number, i: number): void {
  if ((i | 0) === i) lua.lua_rawgeti(L, t, i);
  else { lua.lua_pushnumber(L, i); lua.lua_rawget(L, t); }
}

function shapeTable(L: unknown, hooks: LibHooks): void {
  lua.lua_getglobal(L, to_luastring('table'));
  setNil(L, 'unpack', 'move', 'pack');
  setFn(L, 'concat', tableConcat(hooks.tooLong, hooks.maxStringBytes));
  setFn(L, 'getn', (L2) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    lua.lua_pushinteger(L2, lauxlib.luaL_len(L2, 1));
    return 1;
  });
  setFn(L, 'maxn', (L2) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    let max = 0;
    lua.lua_pushnil(L2);
    while (lua.lua_next(L2, 1)) {
      lua.lua_pop(L2, 1);
      if (lua.lua_type(L2, -1) === lua.LUA_TNUMBER) max = Math.max(max, lua.lua_tonumber(L2, -1));
    }
    lua.lua_pushnumber(L2, max);
    return 1;
  });
  // Lua 5.1 semantics: a position past the end is allowed (`table.insert({1,2}, 5, 9)`)
  setFn(L, 'insert', (L2) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    let e = lauxlib.luaL_len(L2, 1) + 1;
    let pos: number;
    switch (lua.lua_gettop(L2)) {
      case 2: pos = e; break;
      case 3: {
        pos = toInt(L2, 2);
        if (pos > e) e = pos;
        for (let i = e; i > pos; i--) { getIndex(L2, 1, i - 1); setIndex(L2, 1, i); }
        break;
      }
      default: return raise(L2, "wrong number of arguments to 'insert'");
    }
    setIndex(L2, 1, pos);
    return 0;
  });
  setFn(L, 'remove', (L2) => {
    lauxlib.luaL_checktype(L2, 1, lua.LUA_TTABLE);
    const e = lauxlib.luaL_len(L2, 1);
    let pos = lua.lua_isnoneornil(L2, 2) ? e : toInt(L2, 2);
    if (e === 0 || !(1 <= pos && pos <= e)) return 0;
    getIndex(L2, 1, pos);
    for (; pos < e; pos++) { getIndex(L2, 1, pos + 1); setIndex(L2, 1, pos); }
    lua.lua_pushnil(L2);
    setIndex(L2, 1, e);
    return 1;
  });
  lua.lua_pop(L, 1);
}

function shapeString(L: unknown, hooks: LibHooks): void {
  lua.lua_getglobal(L, to_luastring('string'));
  setNil(L, 'pack', 'unpack', 'packsize');
  setFn(L, 'format', stringFormat(hooks.tooLong, hooks.maxStringBytes));
  setFn(L, 'rep', stringRep(hooks.tooLong, hooks.maxStringBytes));
  setFn(L, 'byte', stringByte);
  setFn(L, 'upper', stringCase(true));
  setFn(L, 'lower', stringCase(false));
  lua.lua_getfield(L, -1, to_luastring('gmatch'));
  lua.lua_setfield(L, -2, to_luastring('gfind'));
  lua.lua_pop(L, 1);
}

function shapeMath(L: unknown): void {
  lua.lua_getglobal(L, to_luastring('math'));
  setNil(L, 'type', 'tointeger', 'maxinteger', 'mininteger', 'ult');
  lua.lua_pushnumber(L, Number.MAX_VALUE);
  lua.lua_setfield(L, -2, to_luastring('huge'));
  setFn(L, 'pow', (L2) => { lua.lua_pushnumber(L2, Math.pow(lauxlib.luaL_checknumber(L2, 1), lauxlib.luaL_checknumber(L2, 2))); return 1; });
  setFn(L, 'log10', (L2) => { lua.lua_pushnumber(L2, Math.log10(lauxlib.luaL_checknumber(L2, 1))); return 1; });
  setFn(L, 'log', (L2) => { lua.lua_pushnumber(L2, Math.log(lauxlib.luaL_checknumber(L2, 1))); return 1; });
  // float semantics (gopher has no integers): no wrap for math.abs(-2^31), no error for fmod(x, 0)
  setFn(L, 'abs', (L2) => { lua.lua_pushnumber(L2, Math.abs(lauxlib.luaL_checknumber(L2, 1))); return 1; });
  const fmod: CFunction = (L2) => {
    const a = lauxlib.luaL_checknumber(L2, 1);
    const b = lauxlib.luaL_checknumber(L2, 2);
    lua.lua_pushnumber(L2, a % b);
    return 1;
  };
  setFn(L, 'fmod', fmod);
  setFn(L, 'mod', fmod);
  // Lua 5.1 (and gopher-lua) functions that Lua 5.3 dropped
  const unary = (f: (x: number) => number): CFunction => (L2) => { lua.lua_pushnumber(L2, f(lauxlib.luaL_checknumber(L2, 1))); return 1; };
  setFn(L, 'cosh', unary(Math.cosh));
  setFn(L, 'sinh', unary(Math.sinh));
  setFn(L, 'tanh', unary(Math.tanh));
  setFn(L, 'atan2', (L2) => { lua.lua_pushnumber(L2, Math.atan2(lauxlib.luaL_checknumber(L2, 1), lauxlib.luaL_checknumber(L2, 2))); return 1; });
  setFn(L, 'ldexp', (L2) => { lua.lua_pushnumber(L2, lauxlib.luaL_checknumber(L2, 1) * Math.pow(2, lauxlib.luaL_checknumber(L2, 2))); return 1; });
  setFn(L, 'frexp', (L2) => {
    const [m, e] = frexp(lauxlib.luaL_checknumber(L2, 1));
    lua.lua_pushnumber(L2, m);
    lua.lua_pushnumber(L2, e);
    return 2;
  });
  lua.lua_pop(L, 1);
}

/** C's frexp: x = m * 2^e with 0.5 <= |m| < 1 (m = x, e = 0 for 0, infinities and NaN). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * Math.pow(2, -e);
  while (Math.abs(m) < 0.5) { m *= 2; e--; }
  while (Math.abs(m) >= 1) { m /= 2; e++; }
  return [m, e];
}

function shapeCoroutine(L: unknown): void {
  lua.lua_getglobal(L, to_luastring('coroutine'));
  setNil(L, 'isyieldable');
  lua.lua_pop(L, 1);
}

function shapeOs(L: unknown): void {
  lua.lua_getglobal(L, to_luastring('os'));
  for (const name of ['execute', 'remove', 'rename', 'exit', 'tmpname']) setFn(L, name, unavailable(`os.${name}`));
  lua.lua_pop(L, 1);
}

function openSandboxIo(L: unknown): void {
  const names = ['close', 'flush', 'input', 'lines', 'open', 'output', 'popen', 'read', 'tmpfile', 'type', 'write'];
  lua.lua_createtable(L, 0, names.length);
  for (const name of names) setFn(L, name, unavailable(`io.${name}`));
  lua.lua_pushvalue(L, -1);
  lua.lua_setglobal(L, to_luastring('io'));
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, to_luastring('_LOADED'));
  lua.lua_insert(L, -2);
  lua.lua_setfield(L, -2, to_luastring('io'));
  lua.lua_pop(L, 1);
}

function pushLoaded(L: unknown): void {
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, to_luastring('_LOADED'));
}

/** Kruise: `require` only returns modules already loaded (kruise-routing.md §4.1). */
const kruiseRequire: CFunction = (L) => {
  const name = lauxlib.luaL_checklstring(L, 1);
  pushLoaded(L);
  lua.lua_getfield(L, -1, name);
  if (lua.lua_isnil(L, -1)) return raise(L, 'package.loaders must be a table');
  return 1;
};

function openPackage(L: unknown, hooks: LibHooks): void {
  lua.lua_createtable(L, 0, 8);
  lua.lua_pushstring(L, to_luastring(GOPHER_PACKAGE_PATH));
  lua.lua_setfield(L, -2, to_luastring('path'));
  lua.lua_pushstring(L, to_luastring(''));
  lua.lua_setfield(L, -2, to_luastring('cpath'));
  pushLoaded(L);
  lua.lua_setfield(L, -2, to_luastring('loaded'));
  lua.lua_newtable(L);
  lua.lua_setfield(L, -2, to_luastring('preload'));
  lua.lua_newtable(L);
  lua.lua_setfield(L, -2, to_luastring('loaders'));
  setFn(L, 'loadlib', unavailable('package.loadlib'));
  setFn(L, 'seeall', unsupported('package.seeall'));
  lua.lua_pushvalue(L, -1);
  lua.lua_setglobal(L, to_luastring('package'));
  pushLoaded(L);
  lua.lua_insert(L, -2);
  lua.lua_setfield(L, -2, to_luastring('package'));
  lua.lua_pop(L, 1);

  lua.lua_pushcfunction(L, (L2: unknown) => {
    const nameBytes: Uint8Array = lauxlib.luaL_checklstring(L2, 1);
    const name = to_jsstring(nameBytes);
    lua.lua_settop(L2, 1);
    pushLoaded(L2); // 2
    lua.lua_getfield(L2, 2, nameBytes);
    if (lua.lua_toboolean(L2, -1)) return 1;
    lua.lua_pop(L2, 1);
    lua.lua_getglobal(L2, to_luastring('package')); // 3
    if (lua.lua_type(L2, 3) !== lua.LUA_TTABLE) return raise(L2, 'package.loaders must be a table');
    lua.lua_getfield(L2, 3, to_luastring('preload')); // 4
    if (lua.lua_type(L2, 4) === lua.LUA_TTABLE) {
      lua.lua_getfield(L2, 4, nameBytes);
      if (lua.lua_isfunction(L2, -1)) {
        lua.lua_pushvalue(L2, 1);
        lua.lua_call(L2, 1, 1);
        return storeLoaded(L2, nameBytes);
      }
      lua.lua_pop(L2, 1);
    }
    lua.lua_getfield(L2, 3, to_luastring('path'));
    const path = lua.lua_type(L2, -1) === lua.LUA_TSTRING ? lua.lua_tojsstring(L2, -1) : '';
    lua.lua_pop(L2, 1);
    const found = hooks.findModule(L2, name, path);
    if (found.found) return storeLoaded(L2, nameBytes);
    const lines = [`no field package.preload['${name}']`, ...found.searched];
    return raise(L2, `module ${name} not found:\n\t${lines.join('\n\t')}, `);
  });
  lua.lua_setglobal(L, to_luastring('require'));
}

/** Caches the module on top of the stack in package.loaded (true when it is nil), returns it. */
function storeLoaded(L: unknown, name: Uint8Array): number {
  if (lua.lua_isnil(L, -1)) { lua.lua_pop(L, 1); lua.lua_pushboolean(L, true); }
  pushLoaded(L);
  lua.lua_pushvalue(L, -2);
  lua.lua_setfield(L, -2, name);
  lua.lua_pop(L, 1);
  return 1;
}
