// The Lua 5.1 standard library as gopher-lua exposes it (lua-dialect.md §4, kruise-routing.md §4.1,
// deepflow-tagging.md §2). No `table.unpack`, no `utf8`, no `math.type`: gopher-lua is Lua 5.1.
import { fn, table, type CatalogueItem } from './types';

export const BASE: CatalogueItem[] = [
  fn('assert', 'assert(v [, message]) -> v, ...', 'Raises `message` (default "assertion failed!") when `v` is false or nil; otherwise returns all its arguments.'),
  fn('collectgarbage', 'collectgarbage([opt [, arg]])', 'Garbage-collector control. In the studio (JavaScript GC) it does nothing useful.'),
  fn('dofile', 'dofile([filename])', 'Runs a file. In production it reads the controller/server filesystem; the studio does not provide it.'),
  fn('error', 'error(message [, level])', 'Raises an error. With a string message and level 1 (default) the position `<string>:LINE:` is prepended.'),
  fn('getfenv', 'getfenv([f]) -> table', 'Lua 5.1 function environments. Not emulated faithfully by the studio (fengari is 5.3).'),
  fn('getmetatable', 'getmetatable(object) -> table | nil', 'The metatable of `object` (or its `__metatable` field).'),
  fn('ipairs', 'ipairs(t) -> iterator', 'Iterates `t[1]`, `t[2]`, … up to the first nil. Order is preserved (unlike `pairs`).'),
  fn('load', 'load(func [, chunkname]) -> function | nil, err', 'Loads a chunk from a function that returns pieces of source.'),
  fn('loadfile', 'loadfile([filename]) -> function | nil, err', 'Loads a file. Production reads its own filesystem; the studio does not provide it.'),
  fn('loadstring', 'loadstring(source [, chunkname]) -> function | nil, err', 'Compiles a string into a function (Lua 5.1 name of `load` for strings).'),
  fn('module', 'module(name [, ...])', 'Lua 5.1 module declaration (deprecated even in 5.1).'),
  fn('next', 'next(t [, key]) -> key, value', 'The next key/value of a table traversal; `next(t) == nil` tests for an empty table.'),
  fn('pairs', 'pairs(t) -> iterator', 'Iterates every key of `t`. **Order is not deterministic** for tables built from Go maps (`obj`, decoded JSON): never rely on it.'),
  fn('pcall', 'pcall(f, ...) -> ok, result...', 'Calls `f` in protected mode: `false, message` on error.'),
  fn('print', 'print(...)', 'Writes its arguments separated by tabs. Production writes to the controller/server stdout; the studio shows it in the console.'),
  fn('rawequal', 'rawequal(a, b) -> boolean', 'Equality without `__eq`.'),
  fn('rawget', 'rawget(t, k) -> value', 'Index without `__index`.'),
  fn('rawset', 'rawset(t, k, v) -> t', 'Assignment without `__newindex`.'),
  fn('require', 'require(name) -> module', 'Loads a module (see the dialect: Kruise only returns `json`/`string`; DeepFlow needs `package.path` to include `/bin/?.lua` for dkjson).'),
  fn('select', 'select(index, ...) -> ...', '`select("#", ...)` counts the arguments; `select(n, ...)` returns those from the n-th on.'),
  fn('setfenv', 'setfenv(f, table)', 'Lua 5.1 function environments. Not emulated faithfully by the studio (fengari is 5.3).'),
  fn('setmetatable', 'setmetatable(t, mt) -> t', 'Sets the metatable of a table.'),
  fn('tonumber', 'tonumber(e [, base]) -> number | nil', 'Converts a string to a number (gopher-lua rules: hexadecimal `0x10` works, surrounding spaces are allowed).'),
  fn('tostring', 'tostring(v) -> string', 'Converts to a string. gopher-lua prints integral floats without `.0` and up to 2^63 as integers: `tostring(2^53) == "9007199254740992"`.'),
  fn('type', 'type(v) -> string', '"nil", "boolean", "number", "string", "table", "function", "thread", "userdata" (gopher-lua also has "channel").'),
  fn('unpack', 'unpack(t [, i [, j]]) -> ...', 'Returns `t[i]`…`t[j]`. Lua 5.1 name: there is **no `table.unpack`** in gopher-lua.'),
  fn('xpcall', 'xpcall(f, handler) -> ok, result...', 'Like `pcall` with a message handler (5.1: no extra arguments to `f`).'),
  { name: '_G', kind: 'table', doc: 'The global environment.' },
  { name: '_VERSION', kind: 'constant', doc: '`"Lua 5.1"` in both gopher-lua pins.' },
];

export const STRING = table('string', 'String functions; also available as methods (`s:sub(1, 3)`).', [
  fn('byte', 'string.byte(s [, i [, j]]) -> codes...', 'Byte values of `s[i..j]`.'),
  fn('char', 'string.char(...) -> string', 'String from byte values.'),
  fn('dump', 'string.dump(f) -> string', 'Binary chunk of a function (not meaningful across engines).'),
  fn('find', 'string.find(s, pattern [, init [, plain]]) -> start, end, captures...', 'Finds a Lua pattern (or plain text with `plain = true`).'),
  fn('format', 'string.format(fmt, ...) -> string', 'printf-style formatting (`%d`, `%s`, `%q`, `%5.2f`, …) with Go semantics in gopher-lua.'),
  fn('gmatch', 'string.gmatch(s, pattern) -> iterator', 'Iterates the matches of a pattern.'),
  fn('gfind', 'string.gfind(s, pattern) -> iterator', 'Old Lua 5.0 name of `gmatch`, still present in gopher-lua.'),
  fn('gsub', 'string.gsub(s, pattern, repl [, n]) -> string, count', 'Replaces matches; `repl` is a string, table or function.'),
  fn('len', 'string.len(s) -> number', 'Length in bytes (same as `#s`).'),
  fn('lower', 'string.lower(s) -> string', 'Lower-cases ASCII letters.'),
  fn('match', 'string.match(s, pattern [, init]) -> captures...', 'First match of a pattern.'),
  fn('rep', 'string.rep(s, n) -> string', '`s` repeated `n` times (5.1: no separator argument).'),
  fn('reverse', 'string.reverse(s) -> string', 'Reversed bytes.'),
  fn('sub', 'string.sub(s, i [, j]) -> string', 'Substring; negative indexes count from the end.'),
  fn('upper', 'string.upper(s) -> string', 'Upper-cases ASCII letters.'),
]);

export const TABLE = table('table', 'Table functions (Lua 5.1: no `table.unpack`, `table.pack`, `table.move`).', [
  fn('concat', 'table.concat(t [, sep [, i [, j]]]) -> string', 'Joins the strings/numbers of `t[i..j]`.'),
  fn('insert', 'table.insert(t, [pos,] value)', 'Inserts `value` at `pos` (default: the end).'),
  fn('remove', 'table.remove(t [, pos]) -> value', 'Removes and returns `t[pos]` (default: the last element).'),
  fn('sort', 'table.sort(t [, comp])', 'Sorts in place; `comp(a, b)` returns true when `a` must come first.'),
  fn('getn', 'table.getn(t) -> number', 'Lua 5.0 name of `#t`.'),
  fn('maxn', 'table.maxn(t) -> number', 'Largest positive numeric key.'),
]);

const mathFns: [string, string, string][] = [
  ['abs', 'math.abs(x)', 'Absolute value.'], ['acos', 'math.acos(x)', 'Arc cosine.'], ['asin', 'math.asin(x)', 'Arc sine.'],
  ['atan', 'math.atan(x)', 'Arc tangent.'], ['atan2', 'math.atan2(y, x)', 'Arc tangent of y/x with the quadrant.'],
  ['ceil', 'math.ceil(x)', 'Smallest integer ≥ x.'], ['cos', 'math.cos(x)', 'Cosine.'], ['cosh', 'math.cosh(x)', 'Hyperbolic cosine.'],
  ['deg', 'math.deg(x)', 'Radians to degrees.'], ['exp', 'math.exp(x)', 'e^x.'], ['floor', 'math.floor(x)', 'Largest integer ≤ x.'],
  ['fmod', 'math.fmod(x, y)', 'Remainder of x/y rounded towards zero.'], ['frexp', 'math.frexp(x) -> m, e', 'x = m·2^e.'],
  ['ldexp', 'math.ldexp(m, e)', 'm·2^e.'], ['log', 'math.log(x)', 'Natural logarithm (5.1: no base argument).'],
  ['log10', 'math.log10(x)', 'Base-10 logarithm.'], ['max', 'math.max(x, ...)', 'Largest argument.'], ['min', 'math.min(x, ...)', 'Smallest argument.'],
  ['mod', 'math.mod(x, y)', 'Lua 5.0 name of `math.fmod`.'], ['modf', 'math.modf(x) -> int, frac', 'Integral and fractional parts.'],
  ['pow', 'math.pow(x, y)', 'x^y.'], ['rad', 'math.rad(x)', 'Degrees to radians.'],
  ['random', 'math.random([m [, n]])', 'Pseudo-random number: [0,1), [1,m] or [m,n].'], ['randomseed', 'math.randomseed(x)', 'Seeds `math.random`.'],
  ['sin', 'math.sin(x)', 'Sine.'], ['sinh', 'math.sinh(x)', 'Hyperbolic sine.'], ['sqrt', 'math.sqrt(x)', 'Square root.'],
  ['tan', 'math.tan(x)', 'Tangent.'], ['tanh', 'math.tanh(x)', 'Hyperbolic tangent.'],
];

export const MATH = table('math', 'Math functions (Lua 5.1: no `math.type`, `math.tointeger`, integer subtype).', [
  ...mathFns.map(([n, s, d]) => fn(n, s, d)),
  { name: 'pi', kind: 'constant', doc: 'π.' },
  { name: 'huge', kind: 'constant', doc: 'In gopher-lua the largest **finite** float64 (prints `1.7976931348623157e+308`), not infinity.' },
]);

export const COROUTINE = table('coroutine', 'Coroutines (not available to Kruise scripts).', [
  fn('create', 'coroutine.create(f) -> thread', 'A new coroutine running `f`.'),
  fn('resume', 'coroutine.resume(co, ...) -> ok, values...', 'Starts or continues a coroutine.'),
  fn('running', 'coroutine.running() -> thread | nil', 'The running coroutine (5.1: nil in the main thread).'),
  fn('status', 'coroutine.status(co) -> string', '"suspended", "running", "normal" or "dead".'),
  fn('wrap', 'coroutine.wrap(f) -> function', 'A function that resumes a new coroutine on each call.'),
  fn('yield', 'coroutine.yield(...) -> values...', 'Suspends the running coroutine.'),
]);

export const PACKAGE = table('package', 'Module loading. `package.path` defaults to `./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua`.', [
  { name: 'path', kind: 'field', doc: 'Search templates for `require`. DeepFlow plugins append `";/bin/?.lua"` so that `require("dkjson")` finds `/bin/dkjson.lua`.' },
  { name: 'cpath', kind: 'field', doc: 'Always `""` in gopher-lua (no C modules).' },
  { name: 'loaded', kind: 'field', doc: 'Modules already loaded, by name.' },
  { name: 'preload', kind: 'field', doc: 'Loader functions by module name, tried first.' },
  { name: 'loaders', kind: 'field', doc: 'Lua 5.1 searcher functions.' },
  fn('seeall', 'package.seeall(module)', 'Lua 5.1 helper for `module(name, package.seeall)`.'),
]);

/** DeepFlow's production engine has these (unsandboxed); the studio never opens them. */
export const OS = table('os', 'Operating-system access. **DeepFlow runs plugins unsandboxed** (`os.execute` works in production); the studio preview does not provide `os`.', [
  fn('clock', 'os.clock()', 'CPU time.'), fn('date', 'os.date([format [, time]])', 'Formatted date.'), fn('difftime', 'os.difftime(t2, t1)', 'Seconds between two times.'),
  fn('execute', 'os.execute([command])', 'Runs a shell command on the DeepFlow server.'), fn('exit', 'os.exit([code])', 'Exits the process.'),
  fn('getenv', 'os.getenv(name)', 'Environment variable.'), fn('remove', 'os.remove(name)', 'Deletes a file.'), fn('rename', 'os.rename(a, b)', 'Renames a file.'),
  fn('setlocale', 'os.setlocale(locale [, category])', 'Locale.'), fn('time', 'os.time([t])', 'Current time or time of a date table.'), fn('tmpname', 'os.tmpname()', 'A temporary file name.'),
]);

export const IO = table('io', 'File I/O. **DeepFlow runs plugins unsandboxed** (`io.open` works in production); the studio preview does not provide `io`.', [
  fn('close', 'io.close([file])', 'Closes a file.'), fn('flush', 'io.flush()', 'Flushes stdout.'), fn('input', 'io.input([file])', 'Default input.'),
  fn('lines', 'io.lines([filename])', 'Iterates lines.'), fn('open', 'io.open(filename [, mode]) -> file | nil, err', 'Opens a file.'),
  fn('output', 'io.output([file])', 'Default output.'), fn('popen', 'io.popen(prog [, mode])', 'Runs a program.'), fn('read', 'io.read(...)', 'Reads stdin.'),
  fn('tmpfile', 'io.tmpfile()', 'A temporary file.'), fn('type', 'io.type(obj)', '"file", "closed file" or nil.'), fn('write', 'io.write(...)', 'Writes to stdout.'),
]);

export const DEBUG = table('debug', 'The debug library: present in DeepFlow production, never opened by the studio (it could remove the instruction budget).', [
  fn('traceback', 'debug.traceback([message])', 'A stack traceback.'), fn('getinfo', 'debug.getinfo(f [, what])', 'Information about a function.'),
  fn('sethook', 'debug.sethook(hook, mask [, count])', 'Sets a debug hook.'), fn('getmetatable', 'debug.getmetatable(v)', 'Metatable without `__metatable`.'),
]);

export const CHANNEL = table('channel', 'gopher-lua-only Go channels (`channel.make`, `channel.select`). Present in DeepFlow production; not emulated by the studio.', [
  fn('make', 'channel.make([size]) -> channel', 'A Go channel.'), fn('select', 'channel.select(cases...)', 'Go `select` over channels.'),
]);
