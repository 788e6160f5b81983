// Starting points for "Write a plugin": our own Lua in the documented pattern (deepflow-tagging.md
// §7): extend package.path, require dkjson, define the global GetWorkloadTypeAndName that decodes
// the metadata, handles the pods of one owner kind and returns "", "" for every other pod.

export interface PluginTemplate {
  /** A suggested plugin name (lower-case letters, digits and dashes). */
  name: string;
  source: string;
}

interface Mapping {
  type: string;
  /** Lua statements that set `name` from `meta` and `owner` (or return "", ""). */
  nameCode: string;
  why: string;
}

const OWNER_NAME = `  local name = tostring(owner.name or "")`;

/** Lua string literal for any text (kinds arrive from a URL). */
function luaQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\${c}`;
    else out += ch;
  }
  return `${out}"`;
}

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'owner';
const commentSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');

function mappingFor(kind: string): Mapping {
  switch (kind) {
    case 'OpenGaussCluster':
      return { type: 'StatefulSet', nameCode: OWNER_NAME, why: 'DeepFlow groups OpenGauss pods as a StatefulSet named after the cluster' };
    case 'Job':
      return {
        type: 'Deployment',
        nameCode: `  -- A CronJob names its Jobs <cronjob>-<scheduled minute>: drop that suffix so every run joins one workload.
  local name = (string.gsub(tostring(owner.name or ""), "%-%d%d%d%d%d%d%d%d+$", ""))`,
        why: 'DeepFlow rejects the type Job, so Job pods become a Deployment named after the Job (or its CronJob)',
      };
    case 'Node':
      return {
        type: 'DaemonSet',
        nameCode: `  -- A static pod is named <manifest name>-<node name>: keep the manifest name.
  local name = tostring(meta.name or "")
  local suffix = "-" .. tostring(owner.name or "")
  if #name > #suffix and string.sub(name, -#suffix) == suffix then
    name = string.sub(name, 1, #name - #suffix)
  end`,
        why: 'static pods of one manifest (one per node) become a DaemonSet named after the manifest',
      };
    case 'CloneSet':
      return { type: 'CloneSet', nameCode: OWNER_NAME, why: 'OpenKruise CloneSet pods keep their CloneSet' };
    case 'StatefulSet':
    case 'StatefulSetPlus':
      return { type: 'StatefulSet', nameCode: OWNER_NAME, why: 'the pods keep their StatefulSet' };
    case 'DaemonSet':
      return { type: 'DaemonSet', nameCode: OWNER_NAME, why: 'the pods keep their DaemonSet' };
    case 'ReplicaSet':
      return {
        type: 'Deployment',
        nameCode: `  -- <name>-<pod template hash>: keep the name.
  local name = (string.gsub(tostring(owner.name or ""), "%-[^%-]+$", ""))`,
        why: 'pods of a ReplicaSet DeepFlow skips become a Deployment named after it, without its hash',
      };
    default:
      return { type: 'Deployment', nameCode: OWNER_NAME, why: 'the pods become a Deployment named after their owner' };
  }
}

const HEADER = `-- DeepFlow passes every pod's metadata (JSON) to this function; it returns a workload type
-- (Deployment, StatefulSet, DaemonSet, CloneSet, ReplicaSet or ReplicationController) and a name,
-- or "", "" for pods it leaves to DeepFlow's own logic.
package.path = package.path .. ";/bin/?.lua"
local dkjson = require("dkjson")
`;

function ownerFilter(names: readonly string[]): string {
  const unique = [...new Set(names.filter((n) => n !== ''))];
  const entries = unique.map((n) => `[${luaQuote(n)}] = true`).join(', ');
  return `-- Only these owners (empty: every owner of this kind). DeepFlow passes every pod, and a result
-- here replaces even an owner DeepFlow already knows.
local OWNER_NAMES = { ${entries} }
`;
}

function ownedTemplate(kind: string, ownerNames: readonly string[]): PluginTemplate {
  const m = mappingFor(kind);
  const filter = kind === 'Node' ? '' : ownerFilter(ownerNames);
  const filterCheck = kind === 'Node' ? '' : '  if next(OWNER_NAMES) ~= nil and not OWNER_NAMES[tostring(owner.name)] then return "", "" end\n';
  const source = `-- Pods whose first owner is a ${commentSafe(kind)}: ${m.why}.
${HEADER}
local OWNER_KIND = ${luaQuote(kind)}
${filter}
function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  if type(meta) ~= "table" or type(meta.ownerReferences) ~= "table" then return "", "" end
  local owner = meta.ownerReferences[1]
  if type(owner) ~= "table" or owner.kind ~= OWNER_KIND then return "", "" end
${filterCheck}${m.nameCode}
  if name == "" then return "", "" end
  return ${luaQuote(m.type)}, name
end
`;
  return { name: `${kebab(kind)}-${m.type.toLowerCase()}`, source };
}

const NO_OWNER = `-- Pods without an owner: grouped as a Deployment named after their app label.
${HEADER}
local NAME_LABELS = { "app.kubernetes.io/name", "app", "run" }

function GetWorkloadTypeAndName(metaJsonStr)
  local meta = dkjson.decode(metaJsonStr, 1, nil)
  if type(meta) ~= "table" then return "", "" end
  if type(meta.ownerReferences) == "table" and meta.ownerReferences[1] ~= nil then return "", "" end
  local labels = meta.labels
  if type(labels) ~= "table" then return "", "" end
  for _, key in ipairs(NAME_LABELS) do
    local value = labels[key]
    if type(value) == "string" and value ~= "" then return "Deployment", value end
  end
  return "", ""
end
`;

/**
 * The template for pods whose first owner has `ownerKind` (null or '' → pods without an owner).
 * `ownerNames` (the owners of the pods the user picked) narrows it to those owners.
 */
export function pluginTemplateFor(ownerKind: string | null, ownerNames: readonly string[] = []): PluginTemplate {
  const kind = (ownerKind ?? '').trim();
  if (kind === '') return { name: 'no-owner-deployment', source: NO_OWNER };
  // Pods never name a CronJob as owner: its Jobs own them (and a Job name is not the CronJob's).
  if (kind === 'CronJob') return ownedTemplate('Job', []);
  if (kind === 'Node') return { ...ownedTemplate(kind, []), name: 'static-pod-daemonset' };
  return ownedTemplate(kind, ownerNames);
}
