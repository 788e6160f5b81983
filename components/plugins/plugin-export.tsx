'use client';
// Export: the editor's text as `<name>.lua`, and the deepflow-ctl line that uploads that file.
import { useState } from 'react';
import { downloadText } from '@/components/playground/download';
import { luaFileName, safeFileName } from '@/lib/playground/exports';

export function deepflowCtlLine(name: string): string {
  const file = luaFileName(name);
  const plugin = safeFileName(name, 'plugin').replace(/\.lua$/i, '');
  return `deepflow-ctl plugin create --type lua --image ${file} --name ${plugin} --user server`;
}

export function PluginExport({ name, source }: { name: string; source: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const line = deepflowCtlLine(name);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(line);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-label="Export" className="flex flex-col gap-1.5 rounded-md border border-line bg-surface px-3 py-2">
      <h2 className="font-semibold">Export</h2>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => downloadText(luaFileName(name), source, 'text/x-lua')} className="rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised">
          Download {luaFileName(name)}
        </button>
        <button type="button" onClick={() => void copy()} className="rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised">
          Copy deepflow-ctl command
        </button>
        <span role="status" className="text-[12px] text-muted">
          {copied === true ? 'Copied to the clipboard.' : copied === false ? 'The clipboard is not available here: copy it from the box.' : ''}
        </span>
      </div>
      <input readOnly aria-label="deepflow-ctl command" value={line} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-line bg-canvas px-1.5 py-0.5 font-mono text-[12px]" />
      <p className="text-[12px] text-muted">Exports the text in the editor. <code>--user server</code> is required: the CLI&apos;s default user is the agent, which never runs Lua plugins.</p>
    </section>
  );
}
