-- Istio DestinationRule: OpenKruise Rollout custom traffic routing (Kube Lua Studio's built-in copy;
-- our own code reproducing Kruise's built-in script, kruise-routing.md §8.2, which always wins over a
-- ConfigMap key `lua.traffic.routing.DestinationRule.networking.istio.io`, openkruise/rollouts#322).
-- Appends the subset `canary` selecting `istio.service.tag: gray`, whatever the step says; canary
-- pods need that label (e.g. via patchPodTemplateMetadata). Without spec.subsets the insert below
-- fails on line 7, as upstream's does. Lua 5.1, no goto.
table.insert(obj.data.spec.subsets, { name = "canary", labels = { ["istio.service.tag"] = "gray" } })
return obj.data
