'use client';
// A script checked against one target's dialect, without running it: the smallest page that uses
// LuaEditor, and the one its e2e spec drives.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { lintLua, LUA_DIALECTS, type LuaDialect } from '@/lib/lua/lint';
import { LuaEditor } from './lua-editor';

const STARTERS: Record<LuaDialect, string> = {
  kruise: '-- trafficRouting.lua: Kruise passes `obj`, expects the new object data back\nlocal spec = obj.data.spec\nreturn obj.data\n',
  deepflow: '-- DeepFlow tagging plugin\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n',
  cluster: 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\nreturn client:corev1():pods("default"):list()\n',
};

const storageKey = (d: LuaDialect) => `kube-lua-studio.scratchpad.${d}`;

export function LuaScratchpad() {
  const t = useTranslations('editor.scratchpad');
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
    setStatus(t('checked', { errors, others: issues.length - errors }));
  };
  const save = () => {
    window.localStorage.setItem(storageKey(dialect), text);
    setStatus(t('saved'));
  };

  return (
    <div className="flex max-w-5xl flex-col gap-3">
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2 text-[13px]">
          {t('target')}
          <select value={dialect} onChange={(e) => setDialect(e.target.value as LuaDialect)} className="h-7 rounded border border-line bg-surface px-2">
            {LUA_DIALECTS.map((d) => (
              <option key={d} value={d}>
                {t(`dialect.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={check} className="h-7 rounded border border-line px-3 text-[13px] hover:bg-raised">
          {t('check')} <span className="text-muted">{t('checkShortcut')}</span>
        </button>
        <p role="status" className="text-[13px] text-muted">
          {status}
        </p>
      </div>
      <LuaEditor value={text} onChange={setText} dialect={dialect} onRun={check} onSave={save} height={360} />
    </div>
  );
}
