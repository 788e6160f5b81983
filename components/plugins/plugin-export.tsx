'use client';
// Export: the editor's text as `<name>.lua`, and the deepflow-ctl line that uploads that file.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { downloadText } from '@/components/playground/download';
import { luaFileName, safeFileName } from '@/lib/playground/exports';

export function deepflowCtlLine(name: string): string {
  const file = luaFileName(name);
  const plugin = safeFileName(name, 'plugin').replace(/\.lua$/i, '');
  return `deepflow-ctl plugin create --type lua --image ${file} --name ${plugin} --user server`;
}

export function PluginExport({ name, source }: { name: string; source: string }) {
  const t = useTranslations('plugins');
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
    <section aria-label={t('export.title')} className="flex flex-col gap-1.5 rounded-md border border-line bg-surface px-3 py-2">
      <h2 className="font-semibold">{t('export.title')}</h2>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => downloadText(luaFileName(name), source, 'text/x-lua')} className="rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised">
          {t.rich('export.download', { file: luaFileName(name), code: (c) => <code>{c}</code> })}
        </button>
        <button type="button" onClick={() => void copy()} className="rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised">
          {t.rich('export.copy', { code: (c) => <code>{c}</code> })}
        </button>
        <span role="status" className="text-[12px] text-muted">
          {copied === true ? t('export.copied') : copied === false ? t('export.noClipboard') : ''}
        </span>
      </div>
      <input readOnly aria-label={t('export.command')} translate="no" value={line} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-line bg-canvas px-1.5 py-0.5 font-mono text-[12px]" />
      <p className="text-[12px] text-muted">{t.rich('export.note', { code: (c) => <code>{c}</code> })}</p>
    </section>
  );
}
