// The native side of the tagging benchmark: a Lua 5.1 driver (PUC lua5.1 + Debian's dkjson) that
// mimics DeepFlow's per-pod fresh state: for every pod a new global environment, dkjson loaded again
// by `require` and every plugin chunk compiled and run again, then GetWorkloadTypeAndName called
// until one plugin answers with two non-empty strings.
// `compileOnce` keeps DeepFlow's fresh globals per pod but compiles dkjson and the plugins once (what
// the studio itself does): the fastest honest native figure, so the ratio against it is the strict one.
export function nativeDriver(dkjsonPath: string, compileOnce = false): string {
  return `
local compileOnce = ${compileOnce ? 'true' : 'false'}
local dkjsonPath, metaFile = ${JSON.stringify(dkjsonPath)}, arg[1]
local function slurp(p) local f = assert(io.open(p, "rb")); local s = f:read("*a"); f:close(); return s end
local dksrc = slurp(dkjsonPath)
local plugins = {}
for i = 2, #arg do plugins[#plugins + 1] = slurp(arg[i]) end
local dkcompiled = compileOnce and assert(loadstring(dksrc, "=dkjson"))
local compiled = {}
if compileOnce then for i, src in ipairs(plugins) do compiled[i] = loadstring(src, "=<string>") or false end end
local lines = {}
for line in io.lines(metaFile) do lines[#lines + 1] = line end
local base = {}
for k, v in pairs(_G) do base[k] = v end
local matched, errors = 0, 0
local started = os.clock()
for _, meta in ipairs(lines) do
  local G = {}
  for k, v in pairs(base) do G[k] = v end
  G._G = G
  G.package = { path = "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua", loaded = {} }
  G.require = function(name)
    local loaded = G.package.loaded[name]
    if loaded ~= nil then return loaded end
    if name ~= "dkjson" or not string.find(G.package.path, "/bin/?.lua", 1, true) then error("module " .. name .. " not found") end
    local chunk = dkcompiled or assert(loadstring(dksrc, "=dkjson"))
    setfenv(chunk, G)
    local m = chunk()
    G.package.loaded[name] = m
    return m
  end
  local t, n = "", ""
  for i, src in ipairs(plugins) do
    local chunk
    if compileOnce then chunk = compiled[i] else chunk = loadstring(src, "=<string>") end
    if not chunk then errors = errors + 1; break end
    setfenv(chunk, G)
    local ok = pcall(chunk)
    if not ok then errors = errors + 1; break end
    local ok2, a, b = pcall(G.GetWorkloadTypeAndName, meta)
    if not ok2 or type(a) ~= "string" or type(b) ~= "string" then errors = errors + 1; t, n = "", ""; break end
    t, n = a, b
    if t ~= "" and n ~= "" then break end
  end
  if t ~= "" and n ~= "" then matched = matched + 1 end
end
io.write(string.format('{"pods":%d,"matched":%d,"errors":%d,"cpuSeconds":%.6f}', #lines, matched, errors, os.clock() - started))
`;
}
