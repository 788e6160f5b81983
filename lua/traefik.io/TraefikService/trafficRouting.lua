-- Traefik weighted TraefikService (traefik.io/v1alpha1, spec.weighted.services): OpenKruise Rollout
-- custom traffic routing. Kruise has no built-in script for this kind; install it through the ConfigMap:
--   kubectl -n kruise-rollout edit configmap kruise-rollout-configuration
--   data key: lua.traffic.routing.TraefikService.traefik.io   (value: this file)
-- then reference the TraefikService from the Rollout (the IngressRoute routes to it with
-- `kind: TraefikService`); list the IngressRoute too (customNetworkRefs takes several objects) when
-- steps use matches: header matches live in the IngressRoute's rule, weights here.
--   customNetworkRefs: [{apiVersion: traefik.io/v1alpha1, kind: TraefikService, name: <wrr>}]
-- (the kruise-rollout ClusterRole needs get/list/watch/update on traefikservices.traefik.io).
--
-- Weight mode (no matches): the stable Service entry (or entries, split in proportion to their
-- weights, default 1) of spec.weighted.services gets obj.stableWeight and a canary entry (same port)
-- gets obj.canaryWeight. Match mode, canaryService == stableService (TrafficRouting CRD: Traefik has no
-- subsets) and a step without traffic and matches (only Kruise's test runs Lua for it) leave the
-- object unchanged. Lua 5.1 (no goto), nil-safe, never depends on pairs() order; returns obj.data.

local data = obj.data
local spec = data and data.spec
local weighted = type(spec) == "table" and spec.weighted or nil
if type(weighted) ~= "table" or type(weighted.services) ~= "table" then return data end
if type(obj.matches) == "table" and next(obj.matches) ~= nil then return data end
if obj.canaryWeight == -1 or obj.canaryService == obj.stableService then return data end

local function isService(s) return type(s) == "table" and (s.kind == nil or s.kind == "Service") end

local stable, canary = {}, nil
for _, s in ipairs(weighted.services) do
  if isService(s) and s.name == obj.canaryService then
    canary = s
  elseif isService(s) and s.name == obj.stableService then
    table.insert(stable, s)
  end
end
if stable[1] == nil then return data end

-- Integer split in proportion to the current weights; the remainder goes to the first entry.
local sum, given = 0, 0
for _, s in ipairs(stable) do sum = sum + (tonumber(s.weight) or 1) end
for _, s in ipairs(stable) do
  local share = sum > 0 and (tonumber(s.weight) or 1) / sum or 1 / #stable
  s.weight = math.floor(obj.stableWeight * share)
  given = given + s.weight
end
stable[1].weight = stable[1].weight + (obj.stableWeight - given)

if canary ~= nil then
  canary.weight = obj.canaryWeight
else
  table.insert(weighted.services, { name = obj.canaryService, namespace = stable[1].namespace,
    port = stable[1].port, kind = stable[1].kind, weight = obj.canaryWeight })
end
return data
