-- Apache APISIX ApisixRoute (apisix.apache.org/v2): OpenKruise Rollout custom traffic routing.
-- Kruise has no built-in script for this kind; install this one through the ConfigMap:
--   kubectl -n kruise-rollout edit configmap kruise-rollout-configuration
--   data key: lua.traffic.routing.ApisixRoute.apisix.apache.org   (value: this file)
-- then reference the route from the Rollout:
--   trafficRoutings: [{service: <stable svc>, customNetworkRefs: [{apiVersion: apisix.apache.org/v2,
--     kind: ApisixRoute, name: <route>}]}]
-- and let the controller update it (ClusterRole of kruise-rollout: get/list/watch/update apisixroutes).
--
-- Weight mode (no matches): in every spec.http[] rule whose backends include the stable Service, the
-- stable backend(s) get obj.stableWeight (split in proportion to their weights, default 100) and a
-- canary backend (same servicePort) gets obj.canaryWeight. Other backends are left alone.
-- Match mode: for every such rule, one new rule per match, placed before it with priority + 1:
-- a copy of the rule whose backend is the canary only and whose match adds one `exprs` entry per
-- header / query parameter (exprs are ANDed; separate rules are ORed). A path replaces match.paths
-- (PathPrefix `/api` -> `/api*`, Exact as is, RegularExpression as a Path expr). The step's
-- requestHeaderModifier becomes a proxy-rewrite plugin on the canary rules.
-- canaryService == stableService (TrafficRouting CRD): the canary backend is subset `canary` of the
-- stable Service (define it in the ApisixUpstream). A step without traffic and matches (only Kruise's
-- test runs Lua for it) leaves the object unchanged, as the controller does.
-- Lua 5.1 (no goto), nil-safe, never depends on pairs() order; returns obj.data.

local data = obj.data
local spec = data and data.spec
if type(spec) ~= "table" or type(spec.http) ~= "table" then return data end

local sameService = obj.canaryService == obj.stableService
local matches = obj.matches
local matchMode = type(matches) == "table" and next(matches) ~= nil
if not matchMode and obj.canaryWeight == -1 then return data end

local function copy(value)
  if type(value) ~= "table" then return value end
  local result = {}
  for k, v in pairs(value) do result[k] = copy(v) end
  return result
end

local function isCanary(backend)
  return backend.serviceName == obj.canaryService and (not sameService or backend.subset == "canary")
end

local function isStable(backend)
  return backend.serviceName == obj.stableService and not isCanary(backend)
end

local function canaryBackend(template, weight)
  local backend = { serviceName = obj.canaryService, servicePort = template.servicePort,
    resolveGranularity = template.resolveGranularity, weight = weight }
  if sameService then backend.subset = "canary" end
  return backend
end

-- Integer split of `total` over the backends in proportion to their weights; the rounding remainder
-- goes to the first one, so the stable side always sums to exactly `total`.
local function split(backends, total, default)
  local sum = 0
  for _, b in ipairs(backends) do sum = sum + (tonumber(b.weight) or default) end
  local given = 0
  for _, b in ipairs(backends) do
    local share = sum > 0 and (tonumber(b.weight) or default) / sum or 1 / #backends
    b.weight = math.floor(total * share)
    given = given + b.weight
  end
  backends[1].weight = backends[1].weight + (total - given)
end

local function stableBackends(rule)
  local stable, canary = {}, nil
  if type(rule) ~= "table" or type(rule.backends) ~= "table" then return stable, canary end
  for _, b in ipairs(rule.backends) do
    if type(b) == "table" then
      if isCanary(b) then canary = b elseif isStable(b) then table.insert(stable, b) end
    end
  end
  return stable, canary
end

local OPS = { Exact = "Equal", RegularExpression = "RegexMatch" }

local function addExprs(exprs, scope, conditions)
  if type(conditions) ~= "table" then return end
  for _, c in ipairs(conditions) do
    table.insert(exprs, { subject = { scope = scope, name = c.name }, op = OPS[c.type] or "Equal", value = c.value })
  end
end

local function applyMatch(rule, match)
  rule.match = type(rule.match) == "table" and rule.match or {}
  local exprs = type(rule.match.exprs) == "table" and rule.match.exprs or {}
  local path = match.path
  if type(path) == "table" and path.value ~= nil then
    if path.type == "Exact" then
      rule.match.paths = { path.value }
    elseif path.type == "RegularExpression" then
      table.insert(exprs, { subject = { scope = "Path" }, op = "RegexMatch", value = path.value })
    else
      rule.match.paths = { path.value .. "*" }
    end
  end
  addExprs(exprs, "Header", match.headers)
  addExprs(exprs, "Query", match.queryParams)
  if next(exprs) ~= nil then rule.match.exprs = exprs end
end

local function headerMap(list)
  if type(list) ~= "table" or next(list) == nil then return nil end
  local map = {}
  for _, h in ipairs(list) do map[h.name] = h.value end
  return map
end

local function addHeaderPlugin(rule, modifier)
  if type(modifier) ~= "table" then return end
  local headers = { set = headerMap(modifier.set), add = headerMap(modifier.add) }
  if type(modifier.remove) == "table" and next(modifier.remove) ~= nil then headers.remove = copy(modifier.remove) end
  if next(headers) == nil then return end
  rule.plugins = type(rule.plugins) == "table" and rule.plugins or {}
  table.insert(rule.plugins, { name = "proxy-rewrite", enable = true, config = { headers = headers } })
end

if matchMode then
  local rules = {}
  for _, rule in ipairs(spec.http) do
    local stable = stableBackends(rule)
    if stable[1] ~= nil then
      for i, match in ipairs(matches) do
        local canary = copy(rule)
        canary.name = tostring(rule.name or "rule") .. "-canary" .. (#matches > 1 and ("-" .. i) or "")
        canary.priority = (tonumber(rule.priority) or 0) + 1
        canary.backends = { canaryBackend(stable[1], nil) }
        if type(match) == "table" then applyMatch(canary, match) end
        addHeaderPlugin(canary, obj.requestHeaderModifier)
        table.insert(rules, canary)
      end
    end
    table.insert(rules, rule)
  end
  spec.http = rules
else
  for _, rule in ipairs(spec.http) do
    local stable, canary = stableBackends(rule)
    if stable[1] ~= nil then
      split(stable, obj.stableWeight, 100)
      if canary ~= nil then
        canary.weight = obj.canaryWeight
      else
        table.insert(rule.backends, canaryBackend(stable[1], obj.canaryWeight))
      end
    end
  end
end
return data
