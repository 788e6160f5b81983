-- DeepFlow tagging plugin: teams that cannot label their pods name the workload in an annotation:
--   workload.example.com/deployment -> grouped as Deployment <value>
-- Pods without the annotation answer "", "" so the next plugin (or DeepFlow's own logic) decides.
-- Upload: deepflow-ctl plugin create --type lua --name workload-annotation --image workload-annotation.lua --user server
package.path = package.path .. ";/bin/?.lua"
local dkjson = require("dkjson")

function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  local annotations = type(meta) == "table" and meta.annotations or nil
  if type(annotations) ~= "table" then return "", "" end
  local workload = annotations["workload.example.com/deployment"]
  if type(workload) ~= "string" or workload == "" then return "", "" end
  return "Deployment", workload
end
