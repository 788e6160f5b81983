// The Lua side of cluster scripts' `kube` module: `require "kube.config"` and `require "kube.api"`.
//
// This is the studio's own, read-only module with luakube's call shape (github.com/f4z3r/luakube),
// not luakube: luakube needs LuaSocket/LuaSec/lyaml, which cannot run in a browser. Supported:
//   config.from_kube_config(), config.in_cluster_config()   both mean the studio's current context
//   api.Client:new(conf)
//   client:corev1(), :appsv1(), :batchv1(), :networkingv1()   group clients; their resources
//                         (and luakube's short names) are listed in lib/lua/catalogue/kube-api.ts
//   client:custom(group, version, plural[, namespace])   custom resources
//   resource clients: list(query) (the list object, `items` as objects), get(name[, query]),
//     get() / get(query) (the items), status(name), pods(ns):logs(name, {tailLines, container,
//     sinceSeconds, timestamps, previous, limitBytes}) (a string); each returns value, info, code
//   objects: :name() :namespace() :labels() :annotations() :uid() :creation_timestamp()
//     :is_failure() (and set_labels / set_annotations, which change only the local table)
// Every write (create, update, patch, delete, apply, scale, …) raises "read-only in the studio: <verb>".
// Differences from luakube: reads the route refuses (403, 404, …) raise a Lua error naming the verb
// and resource instead of returning the Status body; persistentvolumes are cluster-scoped (luakube
// marks them namespaced); only kinds in the studio's registry or added in Settings are served.
//
// Written for the studio; no luakube code. `request` pauses the script until the worker has the
// answer (lib/lua/resumable.ts); `fail` raises at the user's line.
import { isPodsClient, KUBE_GROUP_CLIENTS, KUBE_WRITE_VERBS, READ_ONLY, type KubeGroupClient } from '@/lib/lua/catalogue/kube-api';

export const KUBE_MODULE_CHUNK = 'kube';

// The group clients and write verbs come from lib/lua/catalogue/kube-api.ts, which the editor's
// completions document: the module is generated from that list so the two cannot disagree.
const luaString = (s: string) => JSON.stringify(s);
const luaStrings = (list: readonly string[]) => `{ ${list.map(luaString).join(', ')} }`;
const luaGroup = (g: KubeGroupClient) =>
  `  ${g.client} = group_client(${luaString(g.group)}, ${luaString(g.version)}, {\n` +
  g.resources.map((r) => `    { ${[luaString(r.plural), String(r.namespaced), ...r.aliases.map(luaString)].join(', ')}${isPodsClient(g.group, r.plural) ? ', pods = true' : ''} },\n`).join('') +
  '  }),';

export const KUBE_MODULE_SOURCE = String.raw`
local request, fail = ...

local WRITES = ${luaStrings(KUBE_WRITE_VERBS)}

local function read(spec)
  local ok, value = request(spec)
  if not ok then error(value, 0) end
  return value
end

-- objects -------------------------------------------------------------------------------------------
local Response = {}
Response.__index = Response
function Response:is_failure() return self.kind == "Status" and self.status == "Failure" end

local APIObject = setmetatable({}, Response)
APIObject.__index = APIObject
local function meta(o) return rawget(o, "metadata") or {} end
function APIObject:name() return meta(self).name end
function APIObject:labels() return meta(self).labels or {} end
function APIObject:annotations() return meta(self).annotations or {} end
function APIObject:uid() return meta(self).uid end
function APIObject:creation_timestamp() return meta(self).creationTimestamp end
function APIObject:set_labels(labels) self.metadata = meta(self); self.metadata.labels = labels end
function APIObject:set_annotations(a) self.metadata = meta(self); self.metadata.annotations = a end

local NamespacedAPIObject = setmetatable({}, APIObject)
NamespacedAPIObject.__index = NamespacedAPIObject
function NamespacedAPIObject:namespace() return meta(self).namespace end

-- resource clients ----------------------------------------------------------------------------------
local ResourceClient = {}
ResourceClient.__index = ResourceClient
for _, verb in ipairs(WRITES) do
  ResourceClient[verb] = function() fail("${READ_ONLY}: " .. verb) end
end

local function wrap(self, obj)
  if type(obj) ~= "table" then return obj end
  local ns = self.namespaced_
  if ns == nil then ns = meta(obj).namespace ~= nil end
  return setmetatable(obj, ns and NamespacedAPIObject or APIObject)
end

local function path(self, name, sub)
  local p = self.group_ == "" and ("/api/" .. self.version_) or ("/apis/" .. self.group_ .. "/" .. self.version_)
  if self.namespace_ then p = p .. "/namespaces/" .. self.namespace_ end
  p = p .. "/" .. self.plural_
  if name then p = p .. "/" .. name end
  if sub then p = p .. "/" .. sub end
  return p
end

local function spec(self, verb, name, query)
  if query ~= nil and type(query) ~= "table" then fail(verb .. ": the query must be a table") end
  return { verb = verb, group = self.group_, version = self.version_, plural = self.plural_,
    namespace = self.namespace_, name = name, query = query }
end

local function info(p) return { method = "GET", url = p } end

local function items_of(self, list)
  local items = type(list) == "table" and list.items or nil
  if type(items) ~= "table" then items = {} end
  for i, item in ipairs(items) do items[i] = wrap(self, item) end
  return items
end

local function need_namespace(self, what)
  if self.namespaced_ and not self.namespace_ then fail("can only " .. what .. " when providing namespace") end
end

function ResourceClient:list(query)
  local list = read(spec(self, "list", nil, query))
  if type(list) == "table" then list.items = items_of(self, list) end
  return setmetatable(list, Response), info(path(self)), 200
end

function ResourceClient:get(name, query)
  if type(name) ~= "string" then
    query = query or name
    return items_of(self, read(spec(self, "list", nil, query))), info(path(self)), 200
  end
  need_namespace(self, "get object by name")
  return wrap(self, read(spec(self, "get", name, query))), info(path(self, name)), 200
end

function ResourceClient:status(name)
  if type(name) ~= "string" then fail("status: the object name must be a string") end
  need_namespace(self, "get object status")
  local obj = read(spec(self, "get", name))
  return type(obj) == "table" and obj.status or nil, info(path(self, name, "status")), 200
end

function ResourceClient:call(method) fail(method ~= "GET" and ("${READ_ONLY}: " .. tostring(method)) or "call is not available in the studio; use the resource clients") end
ResourceClient.raw_call = ResourceClient.call

local PodClient = setmetatable({}, ResourceClient)
PodClient.__index = PodClient
function PodClient:logs(name, query)
  if not self.namespace_ then fail("can only get pod logs when providing namespace") end
  if type(name) ~= "string" then fail("logs: the pod name must be a string") end
  return read(spec(self, "log", name, query)), info(path(self, name, "log")), 200
end

local function resource_client(class, group, version, plural, namespaced, ns)
  if ns ~= nil then
    if type(ns) ~= "string" then fail("the namespace must be a string") end
    if namespaced == false then fail("cannot provide namespace on non-namespaced object type") end
  end
  return setmetatable({ group_ = group, version_ = version, plural_ = plural, namespaced_ = namespaced, namespace_ = ns }, class)
end

-- group clients -------------------------------------------------------------------------------------
local GroupClient = {}
GroupClient.__index = GroupClient
GroupClient.call = ResourceClient.call
GroupClient.raw_call = ResourceClient.call

local function group_client(group, version, resources)
  local g = setmetatable({}, GroupClient)
  for _, r in ipairs(resources) do
    local plural, namespaced = r[1], r[2]
    local class = r.pods and PodClient or ResourceClient
    local make = function(_, ns) return resource_client(class, group, version, plural, namespaced, ns) end
    g[plural] = make
    for i = 3, #r do g[r[i]] = make end
  end
  return g
end

local GROUPS = {
${KUBE_GROUP_CLIENTS.map(luaGroup).join('\n')}
}

-- kube.api ------------------------------------------------------------------------------------------
local api = { Client = {} }
api.Client.__index = api.Client

function api.Client:new(conf)
  if type(conf) ~= "table" then fail("api.Client:new(conf): conf must come from config.from_kube_config() or config.in_cluster_config()") end
  return setmetatable({ conf_ = conf }, api.Client)
end
for name, g in pairs(GROUPS) do
  api.Client[name] = function() return g end
end
function api.Client:custom(group, version, plural, ns)
  if type(group) ~= "string" or type(version) ~= "string" or type(plural) ~= "string" then
    fail("custom(group, version, plural[, namespace]): group, version and plural must be strings")
  end
  return resource_client(ResourceClient, group, version, plural, nil, ns)
end
api.Client.call = ResourceClient.call
api.Client.raw_call = ResourceClient.call

-- kube.config ---------------------------------------------------------------------------------------
local Config = {}
Config.__index = Config
function Config:server_addr() return "studio://current-context" end
function Config:headers() return {} end
for _, m in ipairs({ "context", "contexts", "cluster", "clusters", "username", "usernames", "cert", "key" }) do
  Config[m] = function() fail("config:" .. m .. "() is not available: the studio reads with its own credentials, through its current context") end
end

local config = {}
function config.from_kube_config() return setmetatable({}, Config) end
function config.in_cluster_config() return setmetatable({}, Config) end
function config.from_token() fail("config.from_token: the studio reads with its own credentials; use config.from_kube_config()") end

package.loaded["kube.config"] = config
package.loaded["kube.api"] = api
package.loaded["kube"] = { version = function() return "studio" end }
`;
