// The Lua 5.1 standard library as gopher-lua exposes it (lua-dialect.md §4, kruise-routing.md §4.1,
// deepflow-tagging.md §2). No `table.unpack`, no `utf8`, no `math.type`: gopher-lua is Lua 5.1.
import { fn, table, type CatalogueItem } from './types';

export const BASE: CatalogueItem[] = [
  fn('assert', 'assert(v [, message]) -> v, ...', 'Raises `message` (default "assertion failed!") when `v` is false or nil; otherwise returns all its arguments.', '`v` 为 false 或 nil 时抛出 `message`（默认 "assertion failed!"）；否则返回全部参数。'),
  fn('collectgarbage', 'collectgarbage([opt [, arg]])', 'Garbage-collector control. In the studio (JavaScript GC) it does nothing useful.', '控制垃圾回收。在 Studio 中（JavaScript GC）它不起实际作用。'),
  fn('dofile', 'dofile([filename])', 'Runs a file. In production it reads the controller/server filesystem; the studio does not provide it.', '运行一个文件。生产环境中读取控制器/服务器的文件系统；Studio 不提供它。'),
  fn('error', 'error(message [, level])', 'Raises an error. With a string message and level 1 (default) the position `<string>:LINE:` is prepended.', '抛出错误。message 为字符串且 level 为 1（默认）时，前面会加上位置 `<string>:LINE:`。'),
  fn('getfenv', 'getfenv([f]) -> table', 'Lua 5.1 function environments. Not emulated faithfully by the studio (fengari is 5.3).', 'Lua 5.1 的函数环境。Studio 不能如实模拟（fengari 是 5.3）。'),
  fn('getmetatable', 'getmetatable(object) -> table | nil', 'The metatable of `object` (or its `__metatable` field).', '`object` 的元表（或其 `__metatable` 字段）。'),
  fn('ipairs', 'ipairs(t) -> iterator', 'Iterates `t[1]`, `t[2]`, … up to the first nil. Order is preserved (unlike `pairs`).', '依次遍历 `t[1]`、`t[2]`…，直到第一个 nil。顺序是确定的（与 `pairs` 不同）。'),
  fn('load', 'load(func [, chunkname]) -> function | nil, err', 'Loads a chunk from a function that returns pieces of source.', '从一个逐段返回源码的函数加载代码块。'),
  fn('loadfile', 'loadfile([filename]) -> function | nil, err', 'Loads a file. Production reads its own filesystem; the studio does not provide it.', '加载一个文件。生产环境读取自己的文件系统；Studio 不提供它。'),
  fn('loadstring', 'loadstring(source [, chunkname]) -> function | nil, err', 'Compiles a string into a function (Lua 5.1 name of `load` for strings).', '把字符串编译为函数（Lua 5.1 中用于字符串的 `load`）。'),
  fn('module', 'module(name [, ...])', 'Lua 5.1 module declaration (deprecated even in 5.1).', 'Lua 5.1 的模块声明（在 5.1 中也已弃用）。'),
  fn('next', 'next(t [, key]) -> key, value', 'The next key/value of a table traversal; `next(t) == nil` tests for an empty table.', '遍历 table 时的下一个键/值；`next(t) == nil` 可判断 table 是否为空。'),
  fn('pairs', 'pairs(t) -> iterator', 'Iterates every key of `t`. **Order is not deterministic** for tables built from Go maps (`obj`, decoded JSON): never rely on it.', '遍历 `t` 的每个键。对由 Go map 构建的 table（`obj`、解码后的 JSON）**顺序不确定**：切勿依赖它。'),
  fn('pcall', 'pcall(f, ...) -> ok, result...', 'Calls `f` in protected mode: `false, message` on error.', '以保护模式调用 `f`：出错时返回 `false, message`。'),
  fn('print', 'print(...)', 'Writes its arguments separated by tabs. Production writes to the controller/server stdout; the studio shows it in the console.', '输出参数，以制表符分隔。生产环境写到控制器/服务器的 stdout；Studio 显示在控制台中。'),
  fn('rawequal', 'rawequal(a, b) -> boolean', 'Equality without `__eq`.', '不经过 `__eq` 的相等比较。'),
  fn('rawget', 'rawget(t, k) -> value', 'Index without `__index`.', '不经过 `__index` 的索引。'),
  fn('rawset', 'rawset(t, k, v) -> t', 'Assignment without `__newindex`.', '不经过 `__newindex` 的赋值。'),
  fn('require', 'require(name) -> module', 'Loads a module (see the dialect: Kruise only returns `json`/`string`; DeepFlow needs `package.path` to include `/bin/?.lua` for dkjson).', '加载模块（取决于方言：Kruise 只返回 `json`/`string`；DeepFlow 需要 `package.path` 包含 `/bin/?.lua` 才能加载 dkjson）。'),
  fn('select', 'select(index, ...) -> ...', '`select("#", ...)` counts the arguments; `select(n, ...)` returns those from the n-th on.', '`select("#", ...)` 返回参数个数；`select(n, ...)` 返回从第 n 个起的参数。'),
  fn('setfenv', 'setfenv(f, table)', 'Lua 5.1 function environments. Not emulated faithfully by the studio (fengari is 5.3).', 'Lua 5.1 的函数环境。Studio 不能如实模拟（fengari 是 5.3）。'),
  fn('setmetatable', 'setmetatable(t, mt) -> t', 'Sets the metatable of a table.', '设置 table 的元表。'),
  fn('tonumber', 'tonumber(e [, base]) -> number | nil', 'Converts a string to a number (gopher-lua rules: hexadecimal `0x10` works, surrounding spaces are allowed).', '把字符串转为数字（gopher-lua 规则：支持十六进制 `0x10`，允许前后空白）。'),
  fn('tostring', 'tostring(v) -> string', 'Converts to a string. gopher-lua prints integral floats without `.0` and up to 2^63 as integers: `tostring(2^53) == "9007199254740992"`.', '转为字符串。gopher-lua 输出整数值的浮点数时不带 `.0`，2^63 以内按整数输出：`tostring(2^53) == "9007199254740992"`。'),
  fn('type', 'type(v) -> string', '"nil", "boolean", "number", "string", "table", "function", "thread", "userdata" (gopher-lua also has "channel").', '"nil"、"boolean"、"number"、"string"、"table"、"function"、"thread"、"userdata"（gopher-lua 另有 "channel"）。'),
  fn('unpack', 'unpack(t [, i [, j]]) -> ...', 'Returns `t[i]`…`t[j]`. Lua 5.1 name: there is **no `table.unpack`** in gopher-lua.', '返回 `t[i]`…`t[j]`。这是 Lua 5.1 的名称：gopher-lua 中**没有 `table.unpack`**。'),
  fn('xpcall', 'xpcall(f, handler) -> ok, result...', 'Like `pcall` with a message handler (5.1: no extra arguments to `f`).', '与 `pcall` 类似，但带消息处理函数（5.1：不能给 `f` 传额外参数）。'),
  { name: '_G', kind: 'table', doc: 'The global environment.', zh: '全局环境。' },
  { name: '_VERSION', kind: 'constant', doc: '`"Lua 5.1"` in both gopher-lua pins.', zh: '两个 gopher-lua 版本中都是 `"Lua 5.1"`。' },
];

export const STRING = table('string', 'String functions; also available as methods (`s:sub(1, 3)`).', '字符串函数；也可作为方法调用（`s:sub(1, 3)`）。', [
  fn('byte', 'string.byte(s [, i [, j]]) -> codes...', 'Byte values of `s[i..j]`.', '`s[i..j]` 的字节值。'),
  fn('char', 'string.char(...) -> string', 'String from byte values.', '由字节值组成的字符串。'),
  fn('dump', 'string.dump(f) -> string', 'Binary chunk of a function (not meaningful across engines).', '函数的二进制代码块（跨引擎无意义）。'),
  fn('find', 'string.find(s, pattern [, init [, plain]]) -> start, end, captures...', 'Finds a Lua pattern (or plain text with `plain = true`).', '查找 Lua 模式（`plain = true` 时为纯文本）。'),
  fn('format', 'string.format(fmt, ...) -> string', 'printf-style formatting (`%d`, `%s`, `%q`, `%5.2f`, …) with Go semantics in gopher-lua.', 'printf 风格的格式化（`%d`、`%s`、`%q`、`%5.2f`…），在 gopher-lua 中为 Go 的语义。'),
  fn('gmatch', 'string.gmatch(s, pattern) -> iterator', 'Iterates the matches of a pattern.', '遍历模式的所有匹配。'),
  fn('gfind', 'string.gfind(s, pattern) -> iterator', 'Old Lua 5.0 name of `gmatch`, still present in gopher-lua.', '`gmatch` 在 Lua 5.0 中的旧名，gopher-lua 中仍然存在。'),
  fn('gsub', 'string.gsub(s, pattern, repl [, n]) -> string, count', 'Replaces matches; `repl` is a string, table or function.', '替换匹配；`repl` 可以是字符串、table 或函数。'),
  fn('len', 'string.len(s) -> number', 'Length in bytes (same as `#s`).', '字节长度（与 `#s` 相同）。'),
  fn('lower', 'string.lower(s) -> string', 'Lower-cases ASCII letters.', '把 ASCII 字母转为小写。'),
  fn('match', 'string.match(s, pattern [, init]) -> captures...', 'First match of a pattern.', '模式的第一个匹配。'),
  fn('rep', 'string.rep(s, n) -> string', '`s` repeated `n` times (5.1: no separator argument).', '`s` 重复 `n` 次（5.1：没有分隔符参数）。'),
  fn('reverse', 'string.reverse(s) -> string', 'Reversed bytes.', '字节逆序。'),
  fn('sub', 'string.sub(s, i [, j]) -> string', 'Substring; negative indexes count from the end.', '子串；负索引从末尾算起。'),
  fn('upper', 'string.upper(s) -> string', 'Upper-cases ASCII letters.', '把 ASCII 字母转为大写。'),
]);

export const TABLE = table('table', 'Table functions (Lua 5.1: no `table.unpack`, `table.pack`, `table.move`).', 'table 函数（Lua 5.1：没有 `table.unpack`、`table.pack`、`table.move`）。', [
  fn('concat', 'table.concat(t [, sep [, i [, j]]]) -> string', 'Joins the strings/numbers of `t[i..j]`.', '连接 `t[i..j]` 中的字符串/数字。'),
  fn('insert', 'table.insert(t, [pos,] value)', 'Inserts `value` at `pos` (default: the end).', '在 `pos`（默认：末尾）插入 `value`。'),
  fn('remove', 'table.remove(t [, pos]) -> value', 'Removes and returns `t[pos]` (default: the last element).', '移除并返回 `t[pos]`（默认：最后一个元素）。'),
  fn('sort', 'table.sort(t [, comp])', 'Sorts in place; `comp(a, b)` returns true when `a` must come first.', '原地排序；`a` 应排在前面时 `comp(a, b)` 返回 true。'),
  fn('getn', 'table.getn(t) -> number', 'Lua 5.0 name of `#t`.', '`#t` 在 Lua 5.0 中的名称。'),
  fn('maxn', 'table.maxn(t) -> number', 'Largest positive numeric key.', '最大的正数键。'),
]);

const mathFns: [string, string, string, string][] = [
  ['abs', 'math.abs(x)', 'Absolute value.', '绝对值。'], ['acos', 'math.acos(x)', 'Arc cosine.', '反余弦。'], ['asin', 'math.asin(x)', 'Arc sine.', '反正弦。'],
  ['atan', 'math.atan(x)', 'Arc tangent.', '反正切。'], ['atan2', 'math.atan2(y, x)', 'Arc tangent of y/x with the quadrant.', 'y/x 的反正切（考虑象限）。'],
  ['ceil', 'math.ceil(x)', 'Smallest integer ≥ x.', '≥ x 的最小整数。'], ['cos', 'math.cos(x)', 'Cosine.', '余弦。'], ['cosh', 'math.cosh(x)', 'Hyperbolic cosine.', '双曲余弦。'],
  ['deg', 'math.deg(x)', 'Radians to degrees.', '弧度转角度。'], ['exp', 'math.exp(x)', 'e^x.', 'e^x。'], ['floor', 'math.floor(x)', 'Largest integer ≤ x.', '≤ x 的最大整数。'],
  ['fmod', 'math.fmod(x, y)', 'Remainder of x/y rounded towards zero.', 'x/y 向零取整后的余数。'], ['frexp', 'math.frexp(x) -> m, e', 'x = m·2^e.', 'x = m·2^e。'],
  ['ldexp', 'math.ldexp(m, e)', 'm·2^e.', 'm·2^e。'], ['log', 'math.log(x)', 'Natural logarithm (5.1: no base argument).', '自然对数（5.1：没有底数参数）。'],
  ['log10', 'math.log10(x)', 'Base-10 logarithm.', '以 10 为底的对数。'], ['max', 'math.max(x, ...)', 'Largest argument.', '最大的参数。'], ['min', 'math.min(x, ...)', 'Smallest argument.', '最小的参数。'],
  ['mod', 'math.mod(x, y)', 'Lua 5.0 name of `math.fmod`.', '`math.fmod` 在 Lua 5.0 中的名称。'], ['modf', 'math.modf(x) -> int, frac', 'Integral and fractional parts.', '整数部分和小数部分。'],
  ['pow', 'math.pow(x, y)', 'x^y.', 'x^y。'], ['rad', 'math.rad(x)', 'Degrees to radians.', '角度转弧度。'],
  ['random', 'math.random([m [, n]])', 'Pseudo-random number: [0,1), [1,m] or [m,n].', '伪随机数：[0,1)、[1,m] 或 [m,n]。'], ['randomseed', 'math.randomseed(x)', 'Seeds `math.random`.', '设置 `math.random` 的种子。'],
  ['sin', 'math.sin(x)', 'Sine.', '正弦。'], ['sinh', 'math.sinh(x)', 'Hyperbolic sine.', '双曲正弦。'], ['sqrt', 'math.sqrt(x)', 'Square root.', '平方根。'],
  ['tan', 'math.tan(x)', 'Tangent.', '正切。'], ['tanh', 'math.tanh(x)', 'Hyperbolic tangent.', '双曲正切。'],
];

export const MATH = table('math', 'Math functions (Lua 5.1: no `math.type`, `math.tointeger`, integer subtype).', '数学函数（Lua 5.1：没有 `math.type`、`math.tointeger`，也没有整数子类型）。', [
  ...mathFns.map(([n, s, d, z]) => fn(n, s, d, z)),
  { name: 'pi', kind: 'constant', doc: 'π.', zh: 'π。' },
  { name: 'huge', kind: 'constant', doc: 'In gopher-lua the largest **finite** float64 (prints `1.7976931348623157e+308`), not infinity.', zh: '在 gopher-lua 中是最大的**有限** float64（输出 `1.7976931348623157e+308`），不是无穷大。' },
]);

export const COROUTINE = table('coroutine', 'Coroutines (not available to Kruise scripts).', '协程（Kruise 脚本中不可用）。', [
  fn('create', 'coroutine.create(f) -> thread', 'A new coroutine running `f`.', '运行 `f` 的新协程。'),
  fn('resume', 'coroutine.resume(co, ...) -> ok, values...', 'Starts or continues a coroutine.', '启动或继续一个协程。'),
  fn('running', 'coroutine.running() -> thread | nil', 'The running coroutine (5.1: nil in the main thread).', '正在运行的协程（5.1：在主线程中为 nil）。'),
  fn('status', 'coroutine.status(co) -> string', '"suspended", "running", "normal" or "dead".', '"suspended"、"running"、"normal" 或 "dead"。'),
  fn('wrap', 'coroutine.wrap(f) -> function', 'A function that resumes a new coroutine on each call.', '一个函数，每次调用时继续一个新协程。'),
  fn('yield', 'coroutine.yield(...) -> values...', 'Suspends the running coroutine.', '挂起正在运行的协程。'),
]);

export const PACKAGE = table('package', 'Module loading. `package.path` defaults to `./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua`.', '模块加载。`package.path` 默认为 `./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua`。', [
  { name: 'path', kind: 'field', doc: 'Search templates for `require`. DeepFlow plugins append `";/bin/?.lua"` so that `require("dkjson")` finds `/bin/dkjson.lua`.', zh: '`require` 的搜索模板。DeepFlow 插件会追加 `";/bin/?.lua"`，让 `require("dkjson")` 找到 `/bin/dkjson.lua`。' },
  { name: 'cpath', kind: 'field', doc: 'Always `""` in gopher-lua (no C modules).', zh: '在 gopher-lua 中始终为 `""`（没有 C 模块）。' },
  { name: 'loaded', kind: 'field', doc: 'Modules already loaded, by name.', zh: '已加载的模块，按名称索引。' },
  { name: 'preload', kind: 'field', doc: 'Loader functions by module name, tried first.', zh: '按模块名索引的加载函数，最先尝试。' },
  { name: 'loaders', kind: 'field', doc: 'Lua 5.1 searcher functions.', zh: 'Lua 5.1 的搜索函数。' },
  fn('seeall', 'package.seeall(module)', 'Lua 5.1 helper for `module(name, package.seeall)`.', '用于 `module(name, package.seeall)` 的 Lua 5.1 辅助函数。'),
]);

/** DeepFlow's production engine has these (unsandboxed); the studio never opens them. */
export const OS = table('os', 'Operating-system access. **DeepFlow runs plugins unsandboxed** (`os.execute` works in production); the studio preview does not provide `os`.', '操作系统访问。**DeepFlow 在沙箱外运行插件**（生产环境中 `os.execute` 可用）；Studio 预览不提供 `os`。', [
  fn('clock', 'os.clock()', 'CPU time.', 'CPU 时间。'), fn('date', 'os.date([format [, time]])', 'Formatted date.', '格式化的日期。'), fn('difftime', 'os.difftime(t2, t1)', 'Seconds between two times.', '两个时间之间的秒数。'),
  fn('execute', 'os.execute([command])', 'Runs a shell command on the DeepFlow server.', '在 DeepFlow 服务器上运行 shell 命令。'), fn('exit', 'os.exit([code])', 'Exits the process.', '退出进程。'),
  fn('getenv', 'os.getenv(name)', 'Environment variable.', '环境变量。'), fn('remove', 'os.remove(name)', 'Deletes a file.', '删除文件。'), fn('rename', 'os.rename(a, b)', 'Renames a file.', '重命名文件。'),
  fn('setlocale', 'os.setlocale(locale [, category])', 'Locale.', '区域设置。'), fn('time', 'os.time([t])', 'Current time or time of a date table.', '当前时间，或日期 table 对应的时间。'), fn('tmpname', 'os.tmpname()', 'A temporary file name.', '临时文件名。'),
]);

export const IO = table('io', 'File I/O. **DeepFlow runs plugins unsandboxed** (`io.open` works in production); the studio preview does not provide `io`.', '文件 I/O。**DeepFlow 在沙箱外运行插件**（生产环境中 `io.open` 可用）；Studio 预览不提供 `io`。', [
  fn('close', 'io.close([file])', 'Closes a file.', '关闭文件。'), fn('flush', 'io.flush()', 'Flushes stdout.', '刷新 stdout。'), fn('input', 'io.input([file])', 'Default input.', '默认输入。'),
  fn('lines', 'io.lines([filename])', 'Iterates lines.', '逐行遍历。'), fn('open', 'io.open(filename [, mode]) -> file | nil, err', 'Opens a file.', '打开文件。'),
  fn('output', 'io.output([file])', 'Default output.', '默认输出。'), fn('popen', 'io.popen(prog [, mode])', 'Runs a program.', '运行程序。'), fn('read', 'io.read(...)', 'Reads stdin.', '读取 stdin。'),
  fn('tmpfile', 'io.tmpfile()', 'A temporary file.', '临时文件。'), fn('type', 'io.type(obj)', '"file", "closed file" or nil.', '"file"、"closed file" 或 nil。'), fn('write', 'io.write(...)', 'Writes to stdout.', '写到 stdout。'),
]);

export const DEBUG = table('debug', 'The debug library: present in DeepFlow production, never opened by the studio (it could remove the instruction budget).', 'debug 库：DeepFlow 生产环境中存在，Studio 从不打开它（它可能绕过指令预算）。', [
  fn('traceback', 'debug.traceback([message])', 'A stack traceback.', '栈回溯。'), fn('getinfo', 'debug.getinfo(f [, what])', 'Information about a function.', '函数的信息。'),
  fn('sethook', 'debug.sethook(hook, mask [, count])', 'Sets a debug hook.', '设置调试钩子。'), fn('getmetatable', 'debug.getmetatable(v)', 'Metatable without `__metatable`.', '不经过 `__metatable` 的元表。'),
]);

export const CHANNEL = table('channel', 'gopher-lua-only Go channels (`channel.make`, `channel.select`). Present in DeepFlow production; not emulated by the studio.', 'gopher-lua 特有的 Go channel（`channel.make`、`channel.select`）。DeepFlow 生产环境中存在；Studio 不模拟。', [
  fn('make', 'channel.make([size]) -> channel', 'A Go channel.', '一个 Go channel。'), fn('select', 'channel.select(cases...)', 'Go `select` over channels.', '对 channel 执行 Go 的 `select`。'),
]);
