// Templates of the playground's Templates menu, per mode. The DeepFlow examples are the files of
// plugins/examples and the routing templates every built-in script of lua/, both from the modules
// scripts/build-engine.mjs generates.
import builtinScripts from '@/lib/lua/vendor/builtin-scripts.mjs';
import pluginExamples from '@/lib/lua/vendor/plugin-examples.mjs';

export interface Template {
  id: string;
  label: string;
  description: string;
  source: string;
}

/** plugins/examples/opengauss.lua */
export const OPENGAUSS_PLUGIN = pluginExamples['opengauss'] ?? '';

/** plugins/examples/workload-label.lua */
export const LABEL_PLUGIN = pluginExamples['workload-label'] ?? '';

export const POD_NAME_PLUGIN = `-- DeepFlow tagging plugin: the workload is the pod name without its generated suffixes,
-- e.g. "billing-worker-5d9c7f-x2k8p" -> Deployment "billing-worker", "ledger-0" -> StatefulSet "ledger".
-- Return "", "" for pods this plugin does not handle: the next plugin (or DeepFlow's owner logic) decides.
package.path = package.path .. ";/bin/?.lua"
local dkjson = require("dkjson")

function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  if type(meta) ~= "table" or type(meta.name) ~= "string" then return "", "" end
  local name = meta.name
  -- <workload>-<ordinal>: a StatefulSet-like pod
  local sts = string.match(name, "^(.-)%-%d+$")
  if sts and sts ~= "" then return "StatefulSet", sts end
  -- <workload>-<template hash>-<5 random chars>: a Deployment-like pod
  local deploy = string.match(name, "^(.-)%-%w+%-%w%w%w%w%w$")
  if deploy and deploy ~= "" then return "Deployment", deploy end
  return "", ""
end
`;

export const STARTER_PLUGIN = POD_NAME_PLUGIN;

export const TAGGING_TEMPLATES: readonly Template[] = [
  { id: 'opengauss', label: 'OpenGaussCluster (DeepFlow example)', description: 'Pods owned by an OpenGaussCluster become one StatefulSet.', source: OPENGAUSS_PLUGIN },
  { id: 'pod-name', label: 'Workload from the pod name', description: 'Strips the generated suffixes of the pod name.', source: POD_NAME_PLUGIN },
  { id: 'label', label: 'Workload from a label', description: 'workload.example.com/name and /kind labels.', source: LABEL_PLUGIN },
];

const SCRIPTS = builtinScripts as Record<string, { source: string; kruiseBuiltin: boolean }>;

/** Every script in lua/, keyed `<group>/<Kind>`. */
export function builtinScriptSources(): Record<string, { source: string; kruiseBuiltin: boolean }> {
  return SCRIPTS;
}

export const ROUTING_TEMPLATES: readonly Template[] = Object.entries(SCRIPTS)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, s]) => ({
    id: key,
    label: `${key.split('/')[1]} (${key.split('/')[0]})`,
    description: s.kruiseBuiltin ? "Kruise's built-in script (as the controller runs it)" : 'ConfigMap recipe from lua/ (Kruise has no built-in for this kind)',
    source: s.source,
  }));

export const STARTER_ROUTING_SCRIPT = SCRIPTS['networking.istio.io/VirtualService']?.source ?? 'return obj.data\n';

export const STARTER_CLUSTER_SCRIPT = `-- A read-only cluster script with luakube's API (the studio's own module, not luakube).
local config = require "kube.config"
local api = require "kube.api"

local client = api.Client:new(config.from_kube_config())
local pods = client:corev1():pods("shop"):list()

local names = {}
for _, pod in ipairs(pods.items or pods) do
  names[#names + 1] = pod.metadata.name
end
print(#names .. " pods in shop")
return names
`;

export const CLUSTER_TEMPLATES: readonly Template[] = [
  { id: 'pods', label: 'Pods of a namespace', description: 'client:corev1():pods(ns):list()', source: STARTER_CLUSTER_SCRIPT },
  {
    id: 'logs',
    label: 'Logs of a pod',
    description: 'pods(ns):logs(name, { tailLines = … })',
    source: `local config = require "kube.config"
local api = require "kube.api"

local client = api.Client:new(config.from_kube_config())
local pods = client:corev1():pods("shop")
local first = (pods:list().items or pods:list())[1]
local text = pods:logs(first.metadata.name, { tailLines = 5 })
print(text)
return text
`,
  },
  {
    id: 'rollouts',
    label: 'Rollouts and their steps',
    description: 'client:custom(group, version, plural)',
    source: `local config = require "kube.config"
local api = require "kube.api"

local client = api.Client:new(config.from_kube_config())
local rollouts = client:custom("rollouts.kruise.io", "v1beta1", "rollouts"):list()

local out = {}
for _, r in ipairs(rollouts.items or rollouts) do
  local steps = r.spec.strategy.canary and r.spec.strategy.canary.steps or {}
  out[#out + 1] = { name = r.metadata.namespace .. "/" .. r.metadata.name, steps = #steps }
end
return out
`,
  },
];

export const TEMPLATES = { tagging: TAGGING_TEMPLATES, routing: ROUTING_TEMPLATES, cluster: CLUSTER_TEMPLATES } as const;
