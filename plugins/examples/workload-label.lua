-- DeepFlow tagging plugin: pods created by an in-house controller (no ownerReferences, the situation of
-- deepflowio/deepflow#5838) are grouped by their labels:
--   workload.example.com/name  -> workload name (required)
--   workload.example.com/kind  -> workload type (default Deployment; DeepFlow accepts only Deployment,
--                                 StatefulSet, DaemonSet, CloneSet, ReplicaSet, ReplicationController)
-- Upload: deepflow-ctl plugin create --type lua --name workload-label --image workload-label.lua --user server
package.path = package.path .. ";/bin/?.lua"
local dkjson = require("dkjson")

function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  local labels = type(meta) == "table" and meta.labels or nil
  if type(labels) ~= "table" then return "", "" end
  local name = labels["workload.example.com/name"]
  if type(name) ~= "string" or name == "" then return "", "" end
  local kind = labels["workload.example.com/kind"]
  if type(kind) ~= "string" or kind == "" then kind = "Deployment" end
  return kind, name
end
