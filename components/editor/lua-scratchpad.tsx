'use client';
// A script checked against one target's dialect, without running it: the smallest page that uses
// LuaEditor, and the one its e2e spec drives.
import { useEffect, useState } from 'react';
import { lintLua, LUA_DIALECTS, type LuaDialect } from '@/lib/lua/lint';
import { LuaEditor } from './lua-editor';

const STARTERS: Record<LuaDialect, string> = {
  kruise: '-- trafficRouting.lua: Kruise passes `obj`, expects the new object data back\nlocal spec = obj.data.spec\nreturn obj.data\n',
  deepflow: '-- DeepFlow tagging plugin\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n',
  cluster: 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\nreturn client:corev1():pods("default"):list()\n',
};

const NAMES: Record<LuaDialect, string> = { kruise: 'Kruise trafficRouting.lua', deepflow: 'DeepFlow tagging plugin', cluster: 'Cluster script' };
const storageKey = (d: LuaDialect) => `kube-lua-studio.scratchpad.${d}`;

export function LuaScratchpad() {
  const [dialect, setDialect] = useState<LuaDialect>('kruise');
  const [text, setText] = useState(STARTERS.kruise);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey(dialect));
    setText(saved ?? STARTERS[dialect]);
    setStatus('');
  }, [dialect]);

  const check = () => {
    const issues = lintLua(text, dialect);
    const errors = issues.filter((i) => i.severity === 'error').length;
    setStatus(`Checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${issues.length - errors} other ${issues.length - errors === 1 ? 'problem' : 'problems'}.`);
  };
  const save = () => {
    window.localStorage.setItem(storageKey(dialect), text);
    setStatus('Saved in this browser.');
  };

  return (
    <div className="flex max-w-5xl flex-col gap-3">
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2 text-[13px]">
          Target
          <select value={dialect} onChange={(e) => setDialect(e.target.value as LuaDialect)} className="h-7 rounded border border-line bg-surface px-2">
            {LUA_DIALECTS.map((d) => (
              <option key={d} value={d}>
                {NAMES[d]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={check} className="h-7 rounded border border-line px-3 text-[13px] hover:bg-raised">
          Check <span className="text-muted">(Ctrl+Enter)</span>
        </button>
        <p role="status" className="text-[13px] text-muted">
          {status}
        </p>
      </div>
      <LuaEditor value={text} onChange={setText} dialect={dialect} onRun={check} onSave={save} height={360} />
    </div>
  );
}
