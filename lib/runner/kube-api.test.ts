// The runtime kube module and the editor's catalogue are built from one list
// (lib/lua/catalogue/kube-api.ts); this walks the real module and the catalogue and compares them.
import { describe, expect, it } from 'vitest';
import { CLUSTER_MODULES } from '@/lib/lua/catalogue/cluster';
import type { CatalogueItem } from '@/lib/lua/catalogue';
import { runClusterScript } from './cluster-script';

// Every method a script reaches: `client:<m>`, `<group>:<resource>`, `<group>:<resource>:<verb>`,
// `custom:<verb>`, plus the kube.config functions. Methods come through the __index chain, as a call would.
const WALK = String.raw`
local config = require "kube.config"
local api = require "kube.api"
local client = api.Client:new(config.from_kube_config())
local out = {}
local function methods(obj)
  local names, seen = {}, {}
  local t = obj
  while type(t) == "table" do
    for k, v in pairs(t) do
      if type(k) == "string" and type(v) == "function" and not seen[k] then seen[k] = true; names[#names + 1] = k end
    end
    local mt = getmetatable(t)
    t = mt and mt.__index
  end
  table.sort(names)
  return names
end
for k, v in pairs(config) do if type(v) == "function" then out[#out + 1] = "config." .. k end end
-- api.Client is also the instances' method table: its other methods are walked as client:<m>
for k, v in pairs(api.Client) do if type(v) == "table" and k ~= "__index" then out[#out + 1] = "api.Client." .. k end end
out[#out + 1] = type(api.Client.new) == "function" and "api.Client:new" or "api.Client.new is missing"
for _, m in ipairs(methods(client)) do
  if m ~= "new" then
    out[#out + 1] = "client:" .. m
    if m == "custom" then
      for _, verb in ipairs(methods(client:custom("g", "v1", "things"))) do out[#out + 1] = "custom:" .. verb end
    elseif m ~= "call" and m ~= "raw_call" then
      local g = client[m](client)
      for _, r in ipairs(methods(g)) do
        out[#out + 1] = m .. ":" .. r
        if r ~= "call" and r ~= "raw_call" then
          for _, verb in ipairs(methods(g[r](g))) do out[#out + 1] = m .. ":" .. r .. ":" .. verb end
        end
      end
    end
  end
end
table.sort(out)
return out`;

function documented(): string[] {
  const out: string[] = [];
  const member = (item: CatalogueItem, name: string) => item.members?.find((m) => m.name === name);
  for (const f of CLUSTER_MODULES['kube.config'].members ?? []) out.push(`config.${f.name}`);
  const Client = member(CLUSTER_MODULES['kube.api'], 'Client')!;
  for (const c of Client.members ?? []) out.push(`api.Client:${c.name}`);
  for (const m of member(Client, 'new')?.members ?? []) {
    out.push(`client:${m.name}`);
    if (m.name === 'custom') for (const v of m.members ?? []) out.push(`custom:${v.name}`);
    else for (const r of m.members ?? []) {
      out.push(`${m.name}:${r.name}`);
      for (const v of r.members ?? []) out.push(`${m.name}:${r.name}:${v.name}`);
    }
  }
  return out.sort();
}

describe('the kube module and its catalogue', () => {
  it('document exactly the clients, resources and verbs the runtime serves', async () => {
    const { output } = await runClusterScript({ source: WALK }, async () => ({ ok: false, status: 500, reason: 'x', message: 'no reads here' }));
    expect(output.error).toBeNull();
    const served = output.returned[0] as string[];
    // a sanity floor, so an empty walk cannot pass
    expect(served).toEqual(expect.arrayContaining(['client:corev1', 'corev1:pods:logs', 'corev1:svc:list', 'networkingv1:ingressclasses:delete', 'custom:get']));
    expect(served.filter((p) => !documented().includes(p))).toEqual([]);
    expect(documented().filter((p) => !served.includes(p))).toEqual([]);
  });

  it('documents logs on pods only and every write as read-only in the studio', () => {
    const paths = documented();
    expect(paths.filter((p) => p.endsWith(':logs'))).toEqual(['corev1:pods:logs']);
    const client = CLUSTER_MODULES['kube.api'].members![0].members![0].members!;
    const del = client.find((g) => g.name === 'appsv1')!.members!.find((r) => r.name === 'deploy')!.members!.find((v) => v.name === 'delete')!;
    expect(del.doc).toContain('read-only in the studio: delete');
  });
});
