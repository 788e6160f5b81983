'use client';
// DeepFlow runs the server's Lua plugins in order; the first non-empty (type, name) wins.
import { LuaEditor, type EditorDiagnostic } from '@/components/editor/lua-editor';
import type { PluginDraft } from '@/lib/playground/state';

export const pluginEditorLabel = (i: number) => (i === 0 ? 'Lua source' : `Lua source (plugin ${i + 1})`);

const small = 'rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised disabled:opacity-40';

export function PluginChain({ plugins, onChange, diagnostics, onRun }: {
  plugins: PluginDraft[];
  onChange: (next: PluginDraft[]) => void;
  diagnostics: (i: number) => EditorDiagnostic[] | undefined;
  onRun: () => void;
}) {
  const set = (i: number, p: Partial<PluginDraft>) => onChange(plugins.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...plugins];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <section aria-label="Plugin chain" className="flex flex-col gap-3">
      <ol className="flex flex-col gap-3">
        {plugins.map((p, i) => (
          <li key={i} aria-label={`Plugin ${i + 1}`} className="rounded-md border border-line bg-surface p-2">
            <div className="mb-1.5 flex flex-wrap items-center gap-2">
              <span className="rounded bg-raised px-1.5 text-[11px] font-semibold text-muted">{i + 1}</span>
              <label className="flex items-center gap-1.5 text-muted">
                Plugin name
                <input value={p.name} onChange={(e) => set(i, { name: e.target.value })} aria-label={`Plugin ${i + 1} name`} className="w-44 rounded border border-line-strong bg-surface px-1.5 py-0.5 font-mono text-[12px] text-fg" />
              </label>
              <div className="ml-auto flex gap-1">
                <button type="button" className={small} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move plugin ${i + 1} up`}>↑</button>
                <button type="button" className={small} disabled={i === plugins.length - 1} onClick={() => move(i, 1)} aria-label={`Move plugin ${i + 1} down`}>↓</button>
                <button type="button" className={small} disabled={plugins.length === 1} onClick={() => onChange(plugins.filter((_, j) => j !== i))} aria-label={`Remove plugin ${i + 1}`}>Remove</button>
              </div>
            </div>
            <LuaEditor value={p.source} onChange={(source) => set(i, { source })} dialect="deepflow" diagnostics={diagnostics(i)} onRun={onRun} label={pluginEditorLabel(i)} height={plugins.length > 1 ? 220 : 300} />
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className={small} disabled={plugins.length >= 20} onClick={() => onChange([...plugins, { name: `plugin-${plugins.length + 1}`, source: 'function GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n' }])}>
          Add plugin
        </button>
        <span className="ml-2 text-[12px] text-muted">Plugins run in this order; the first one that returns a type and a name decides.</span>
      </div>
    </section>
  );
}
