-- Istio VirtualService: OpenKruise Rollout custom traffic routing (Kube Lua Studio's built-in copy).
-- Kruise always runs its own built-in script for this kind (a ConfigMap key
-- `lua.traffic.routing.VirtualService.networking.istio.io` is ignored, openkruise/rollouts#322), so
-- this file reproduces that script's output, quirks included, to predict the controller. It is our
-- own code, written from the behaviour description (kruise-routing.md §8.1).
-- Match mode (obj.matches non-empty): each match becomes an HTTP rule routed to the canary, inserted at
-- position 1 (so the matches end up in reverse order). Weight mode: every rule without `match` whose
-- route targets the stable host (compared up to the first '.') is rescaled, once per stable route.
-- Failing lines (24, 63, 76, 113) sit where upstream's do, so error messages carry the same numbers.
-- Lua 5.1 (gopher-lua at Kruise's pin): no goto.

spec = obj.data.spec
canaryWeight = obj.canaryWeight
stableWeight = obj.stableWeight
if canaryWeight == -1 then canaryWeight = 100; stableWeight = 0 end

-- Weight mode, step 1: a rule without `match` is collected once for EVERY route to the stable host.
-- (No break: with two stable routes the rule is rescaled twice, a quirk the controller has.)
function CollectStableRules(rules)
  local collected = {}
  for _, rule in ipairs(rules) do
    if rule.match == nil then
      -- a rule without `route` (e.g. a catch-all redirect) fails here, as upstream does
      for _, route in ipairs(rule.route) do
        local host = route.destination and route.destination.host
        if type(host) == "string" and string.gsub(host, "%..*$", "") == obj.stableService then
          table.insert(collected, rule)
        end
      end
    end
  end
  return collected
end

-- Weight mode, step 2: rescale every route of the rule to the stable share, then append the canary.
function RescaleAndAppendCanary(rule)
  local count = #rule.route
  for _, route in ipairs(rule.route) do
    if route.weight ~= nil then
      route.weight = math.floor(route.weight * stableWeight / 100)
    else
      route.weight = math.floor(stableWeight / count)
    end
  end
  table.insert(rule.route, { destination = CanaryDestination(), weight = canaryWeight })
end

-- canary == stable (TrafficRouting, disableGenerateCanaryService): the DestinationRule subset `canary`.
function CanaryDestination()
  if obj.canaryService == obj.stableService then
    return { host = obj.stableService, subset = "canary" }
  end
  return { host = obj.canaryService }
end

PATH_KEYS = { Exact = "exact", PathPrefix = "prefix", RegularExpression = "regex" }
VALUE_KEYS = { Exact = "exact", RegularExpression = "regex", Prefix = "prefix" }
-- matchKey is global and kept between conditions: a condition without (or with an unknown) `type`
-- reuses the previous condition's kind, or fails with `table index is nil` when there was none.
function ConvertPath(path, request)
  if PATH_KEYS[path.type] ~= nil then matchKey = PATH_KEYS[path.type] end
  request.uri = {}
  request.uri[matchKey] = path.value
end

-- Headers and query parameters share one shape and one mapping (Exact, RegularExpression, Prefix).
-- They are keyed by name, so two conditions on the same name collapse to the last one.
function ConvertConditions(conditions)
  local converted = {}
  for _, condition in ipairs(conditions) do
    if VALUE_KEYS[condition.type] ~= nil then matchKey = VALUE_KEYS[condition.type] end
    -- Upstream walks a match's fields with pairs(), so the order of path / headers / queryParams
    -- (which only matters for the kind reuse above) varies from run to run there. We always use
    -- path, headers, queryParams: the preview is deterministic where production is not.
    -- Next line: a nil matchKey (first condition without `type`) fails with `table index is nil`.
    converted[condition.name] = { [matchKey] = condition.value }
  end
  return converted
end

function ConvertMatch(match)
  local request = {}
  if match.path ~= nil then ConvertPath(match.path, request) end
  if match.headers ~= nil then request.headers = ConvertConditions(match.headers) end
  if match.queryParams ~= nil then request.queryParams = ConvertConditions(match.queryParams) end
  return request
end

-- `set` / `add` become name -> value maps, `remove` a list. Every rule gets its own tables (a shared
-- table would fail Kruise's encoder); an empty modifier gives {"request":null}.
function ConvertModifier(modifier)
  local request = {}
  if modifier.set ~= nil then
    request.set = {}
    for _, header in ipairs(modifier.set) do request.set[header.name] = header.value end
  end
  if modifier.add ~= nil then
    request.add = {}
    for _, header in ipairs(modifier.add) do request.add[header.name] = header.value end
  end
  if modifier.remove ~= nil then
    request.remove = {}
    for i, name in ipairs(modifier.remove) do request.remove[i] = name end
  end
  return { request = request }
end

if obj.matches ~= nil and next(obj.matches) ~= nil then
  for _, match in ipairs(obj.matches) do
    local rule = { match = { ConvertMatch(match) }, route = { { destination = CanaryDestination() } } }
    if obj.requestHeaderModifier ~= nil then rule.headers = ConvertModifier(obj.requestHeaderModifier) end
    -- Without spec.http this fails with `bad argument #1 to insert`, as upstream does.
    table.insert(spec.http, 1, rule)
  end
else
  for _, section in ipairs({ "http", "tcp", "tls" }) do
    if spec[section] ~= nil then
      local collected = CollectStableRules(spec[section])
      for _, rule in ipairs(collected) do RescaleAndAppendCanary(rule) end
    end
  end
end
return obj.data
