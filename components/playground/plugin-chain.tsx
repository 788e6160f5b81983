'use client';
// DeepFlow runs the server's Lua plugins in order; the first non-empty (type, name) wins.
import { useTranslations } from 'next-intl';
import { LuaEditor, type EditorDiagnostic } from '@/components/editor/lua-editor';
import type { PluginDraft } from '@/lib/playground/state';


const small = 'rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised disabled:opacity-40';

export function PluginChain({ plugins, onChange, diagnostics, onRun }: {
  plugins: PluginDraft[];
  onChange: (next: PluginDraft[]) => void;
  diagnostics: (i: number) => EditorDiagnostic[] | undefined;
  onRun: () => void;
}) {
  const t = useTranslations('playground.plugins');
  const te = useTranslations('editor');
  const editorLabel = (i: number) => (i === 0 ? te('label') : t('editorLabel', { n: i + 1 }));
  const set = (i: number, p: Partial<PluginDraft>) => onChange(plugins.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...plugins];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <section aria-label={t('chain')} className="flex flex-col gap-3">
      <ol className="flex flex-col gap-3">
        {plugins.map((p, i) => (
          <li key={i} aria-label={t('item', { n: i + 1 })} className="rounded-md border border-line bg-surface p-2">
            <div className="mb-1.5 flex flex-wrap items-center gap-2">
              <span className="rounded bg-raised px-1.5 text-[11px] font-semibold text-muted">{i + 1}</span>
              <label className="flex items-center gap-1.5 text-muted">
                {t('name')}
                <input value={p.name} onChange={(e) => set(i, { name: e.target.value })} aria-label={t('nameOf', { n: i + 1 })} className="w-44 rounded border border-line-strong bg-surface px-1.5 py-0.5 font-mono text-[12px] text-fg" />
              </label>
              <div className="ml-auto flex gap-1">
                <button type="button" className={small} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp', { n: i + 1 })}>↑</button>
                <button type="button" className={small} disabled={i === plugins.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown', { n: i + 1 })}>↓</button>
                <button type="button" className={small} disabled={plugins.length === 1} onClick={() => onChange(plugins.filter((_, j) => j !== i))} aria-label={t('removeOf', { n: i + 1 })}>{t('remove')}</button>
              </div>
            </div>
            <LuaEditor value={p.source} onChange={(source) => set(i, { source })} dialect="deepflow" diagnostics={diagnostics(i)} onRun={onRun} label={editorLabel(i)} height={plugins.length > 1 ? 220 : 300} />
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className={small} disabled={plugins.length >= 20} onClick={() => onChange([...plugins, { name: `plugin-${plugins.length + 1}`, source: 'function GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n' }])}>
          {t('add')}
        </button>
        <span className="ml-2 text-[12px] text-muted">{t('order')}</span>
      </div>
    </section>
  );
}
