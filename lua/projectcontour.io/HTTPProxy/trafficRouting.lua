-- Contour HTTPProxy (projectcontour.io/v1): OpenKruise Rollout custom traffic routing.
-- Kruise has no built-in script for this kind; install this one through the ConfigMap:
--   kubectl -n kruise-rollout edit configmap kruise-rollout-configuration
--   data key: lua.traffic.routing.HTTPProxy.projectcontour.io   (value: this file)
-- then reference the HTTPProxy from the Rollout:
--   trafficRoutings: [{service: <stable svc>, customNetworkRefs: [{apiVersion: projectcontour.io/v1,
--     kind: HTTPProxy, name: <proxy>}]}]
-- (the kruise-rollout ClusterRole needs get/list/watch/update on httpproxies.projectcontour.io).
--
-- Weight mode (no matches): in every spec.routes[] entry whose services include the stable Service,
-- the stable service(s) get obj.stableWeight (split in proportion to their weights, default 1) and a
-- canary service (same port) gets obj.canaryWeight. Contour gives unweighted services 0 once any
-- weight is set, so other services of such a route are left as they are (the lints flag them).
-- Match mode: for every such route, one route per match is placed before it: a copy whose only
-- service is the canary, with the match's conditions added to the route's (Contour ANDs the
-- conditions of a route; separate routes are ORed, and Contour ranks routes with more header
-- conditions first). Header / query conditions: `exact`, or `regex` for RegularExpression; a repeated
-- header or parameter name keeps the last condition (Contour rejects duplicates). A path replaces the
-- route's path condition (`prefix`, `exact`, `regex`). requestHeaderModifier becomes the route's
-- requestHeadersPolicy (`add` entries are set, Contour has no add). canaryService == stableService
-- (TrafficRouting CRD) cannot be expressed (no subsets): weight mode leaves the routes alone and canary
-- routes target the stable Service. A step without traffic and matches (only Kruise's test runs Lua
-- for it) leaves the object unchanged, as the controller does.
-- Lua 5.1 (no goto), nil-safe, never depends on pairs() order; returns obj.data.

local data = obj.data
local spec = data and data.spec
if type(spec) ~= "table" or type(spec.routes) ~= "table" then return data end

local matches = obj.matches
local matchMode = type(matches) == "table" and next(matches) ~= nil
if not matchMode and obj.canaryWeight == -1 then return data end
local sameService = obj.canaryService == obj.stableService

local function copy(value)
  if type(value) ~= "table" then return value end
  local result = {}
  for k, v in pairs(value) do result[k] = copy(v) end
  return result
end

local function isCanary(s) return not sameService and type(s) == "table" and s.name == obj.canaryService end
local function isStable(s) return type(s) == "table" and s.name == obj.stableService end

local function canaryService(template, weight)
  return { name = obj.canaryService, port = template.port, protocol = template.protocol, weight = weight }
end

-- Integer split of `total` over the services in proportion to their weights; the rounding remainder
-- goes to the first one, so the stable side always sums to exactly `total`.
local function split(services, total, default)
  local sum = 0
  for _, s in ipairs(services) do sum = sum + (tonumber(s.weight) or default) end
  local given = 0
  for _, s in ipairs(services) do
    local share = sum > 0 and (tonumber(s.weight) or default) / sum or 1 / #services
    s.weight = math.floor(total * share)
    given = given + s.weight
  end
  services[1].weight = services[1].weight + (total - given)
end

local function stableServices(route)
  local stable, canary = {}, nil
  if type(route) ~= "table" or type(route.services) ~= "table" then return stable, canary end
  for _, s in ipairs(route.services) do
    if isCanary(s) then canary = s elseif isStable(s) then table.insert(stable, s) end
  end
  return stable, canary
end

local function isPathCondition(c)
  return type(c) == "table" and (c.prefix ~= nil or c.exact ~= nil or c.regex ~= nil)
end

-- Adds `kind` conditions (header / queryParameter) keyed by name: a later condition on the same name
-- replaces the earlier one in place.
local function addConditions(conditions, kind, list)
  if type(list) ~= "table" then return end
  for _, c in ipairs(list) do
    local condition = { name = c.name }
    if c.type == "RegularExpression" then condition.regex = c.value else condition.exact = c.value end
    local replaced = false
    for _, existing in ipairs(conditions) do
      if type(existing) == "table" and type(existing[kind]) == "table" and existing[kind].name == c.name then
        existing[kind] = condition
        replaced = true
      end
    end
    if not replaced then table.insert(conditions, { [kind] = condition }) end
  end
end

local function conditionsFor(route, match)
  local conditions = {}
  local path = match.path
  local hasPath = type(path) == "table" and path.value ~= nil
  if type(route.conditions) == "table" then
    for _, c in ipairs(route.conditions) do
      if not (hasPath and isPathCondition(c)) then table.insert(conditions, copy(c)) end
    end
  end
  if hasPath then
    local key = ({ Exact = "exact", RegularExpression = "regex" })[path.type] or "prefix"
    table.insert(conditions, 1, { [key] = path.value })
  end
  addConditions(conditions, "header", match.headers)
  addConditions(conditions, "queryParameter", match.queryParams)
  return conditions
end

local function headersPolicy(route, modifier)
  if type(modifier) ~= "table" then return route.requestHeadersPolicy end
  local policy = type(route.requestHeadersPolicy) == "table" and copy(route.requestHeadersPolicy) or {}
  for _, list in ipairs({ modifier.set, modifier.add }) do
    if type(list) == "table" then
      policy.set = type(policy.set) == "table" and policy.set or {}
      for _, h in ipairs(list) do table.insert(policy.set, { name = h.name, value = h.value }) end
    end
  end
  if type(modifier.remove) == "table" then
    policy.remove = type(policy.remove) == "table" and policy.remove or {}
    for _, name in ipairs(modifier.remove) do table.insert(policy.remove, name) end
  end
  if next(policy) == nil then return nil end
  return policy
end

if matchMode then
  local routes = {}
  for _, route in ipairs(spec.routes) do
    local stable = stableServices(route)
    if stable[1] ~= nil then
      for _, match in ipairs(matches) do
        if type(match) == "table" then
          local canary = copy(route)
          canary.conditions = conditionsFor(route, match)
          canary.services = { canaryService(stable[1], nil) }
          canary.requestHeadersPolicy = headersPolicy(canary, obj.requestHeaderModifier)
          table.insert(routes, canary)
        end
      end
    end
    table.insert(routes, route)
  end
  spec.routes = routes
else
  for _, route in ipairs(spec.routes) do
    local stable, canary = stableServices(route)
    if stable[1] ~= nil and not sameService then
      split(stable, obj.stableWeight, 1)
      if canary ~= nil then
        canary.weight = obj.canaryWeight
      else
        table.insert(route.services, canaryService(stable[1], obj.canaryWeight))
      end
    end
  end
end
return data
