-- DeepFlow tagging plugin: pods of an OpenGauss cluster become one StatefulSet workload.
-- The pattern of DeepFlow's documentation (our own code): append /bin to package.path, require dkjson,
-- define the GLOBAL GetWorkloadTypeAndName(metadataJson) and return "", "" for pods it does not handle.
-- Upload: deepflow-ctl plugin create --type lua --name opengauss --image opengauss.lua --user server
package.path = package.path .. ";/bin/?.lua"
local dkjson = require("dkjson")

function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  if type(meta) ~= "table" or type(meta.ownerReferences) ~= "table" then return "", "" end
  local owner = meta.ownerReferences[1]
  if type(owner) ~= "table" or owner.kind ~= "OpenGaussCluster" then return "", "" end
  return "StatefulSet", tostring(owner.name)
end
