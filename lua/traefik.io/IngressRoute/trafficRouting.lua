-- Traefik IngressRoute (traefik.io/v1alpha1, Traefik v3 rule syntax): OpenKruise Rollout custom
-- traffic routing. Kruise has no built-in script for this kind; install this one through the ConfigMap:
--   kubectl -n kruise-rollout edit configmap kruise-rollout-configuration
--   data key: lua.traffic.routing.IngressRoute.traefik.io   (value: this file)
-- then reference the IngressRoute from the Rollout:
--   trafficRoutings: [{service: <stable svc>, customNetworkRefs: [{apiVersion: traefik.io/v1alpha1,
--     kind: IngressRoute, name: <route>}]}]
-- (the kruise-rollout ClusterRole needs get/list/watch/update on ingressroutes.traefik.io).
--
-- Weight mode (no matches): in every spec.routes[] entry whose services include the stable Service
-- (kind Service or no kind), the stable service(s) get obj.stableWeight (split in proportion to
-- their weights, default 1) and a canary service (same port) gets obj.canaryWeight: Traefik's
-- weighted round robin. Services of kind TraefikService keep their weights: they live in that object
-- (see lua/traefik.io/TraefikService/trafficRouting.lua; list both objects in customNetworkRefs).
-- Match mode: for every such route, one canary route is placed before it: a copy whose only service
-- is the canary and whose `match` is `<original> && <matches>`, where the conditions of one match are
-- ANDed and several matches are ORed: Header(`x`, `1`) / HeaderRegexp, Query / QueryRegexp, Path /
-- PathPrefix / PathRegexp. An explicit priority becomes priority + 1 (without one, Traefik ranks by
-- rule length and the longer canary rule wins). requestHeaderModifier needs a Middleware object and is
-- ignored. canaryService == stableService (TrafficRouting CRD) cannot be expressed (Traefik has no
-- subsets): weight mode leaves the routes alone and canary routes target the stable Service. A step without traffic and matches (only Kruise's
-- test runs Lua for it) leaves the object unchanged, as the controller does.
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

local function isService(s) return type(s) == "table" and (s.kind == nil or s.kind == "Service") end
local function isCanary(s) return not sameService and isService(s) and s.name == obj.canaryService end
local function isStable(s) return isService(s) and s.name == obj.stableService end

local function canaryService(template, weight)
  return { name = obj.canaryService, namespace = template.namespace, port = template.port,
    kind = template.kind, weight = weight }
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

-- Traefik v3 rule strings: backticks, or a double-quoted string when the value holds a backtick.
local function quote(value)
  value = tostring(value or "")
  if not string.find(value, "`", 1, true) then return "`" .. value .. "`" end
  return '"' .. string.gsub(string.gsub(value, "\\", "\\\\"), '"', '\\"') .. '"'
end

local function conditionsOf(match)
  local terms = {}
  local path = match.path
  if type(path) == "table" and path.value ~= nil then
    local fn = ({ Exact = "Path", RegularExpression = "PathRegexp" })[path.type] or "PathPrefix"
    table.insert(terms, fn .. "(" .. quote(path.value) .. ")")
  end
  for _, field in ipairs({ { "headers", "Header" }, { "queryParams", "Query" } }) do
    if type(match[field[1]]) == "table" then
      for _, c in ipairs(match[field[1]]) do
        local fn = field[2] .. (c.type == "RegularExpression" and "Regexp" or "")
        table.insert(terms, fn .. "(" .. quote(c.name) .. ", " .. quote(c.value) .. ")")
      end
    end
  end
  return table.concat(terms, " && ")
end

local function canaryRule(original)
  local groups = {}
  for _, match in ipairs(matches) do
    if type(match) == "table" then table.insert(groups, conditionsOf(match)) end
  end
  local extra
  if #groups == 1 and groups[1] ~= "" then
    extra = groups[1]
  elseif #groups > 1 then
    -- `A || (B && C)`; the whole alternative is parenthesised before being ANDed to the original.
    for i, terms in ipairs(groups) do
      if string.find(terms, " && ", 1, true) then groups[i] = "(" .. terms .. ")" end
      -- a match without conditions matches everything: the canary route takes all the route's traffic
      if terms == "" then groups[i] = "PathPrefix(`/`)" end
    end
    extra = "(" .. table.concat(groups, " || ") .. ")"
  end
  original = type(original) == "string" and original or ""
  if extra == nil then return original end
  if original == "" then return extra end
  if string.find(original, "||", 1, true) then original = "(" .. original .. ")" end
  return original .. " && " .. extra
end

if matchMode then
  local routes = {}
  for _, route in ipairs(spec.routes) do
    local stable = stableServices(route)
    if stable[1] ~= nil then
      local canary = copy(route)
      canary.match = canaryRule(route.match)
      canary.services = { canaryService(stable[1], nil) }
      if tonumber(route.priority) ~= nil then canary.priority = tonumber(route.priority) + 1 end
      table.insert(routes, canary)
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
