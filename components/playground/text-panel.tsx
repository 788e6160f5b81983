'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shows generated text (a share link, a deepflow-ctl command) to copy, select or download. */
export function TextPanel({ title, text, onClose, onDownload, rows = 3, autoCopy = false }: { title: string; text: string; onClose: () => void; onDownload?: () => void; rows?: number; autoCopy?: boolean }) {
  const t = useTranslations('playground.text');
  const [copied, setCopied] = useState<boolean | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.select();
    if (autoCopy) void copy(text).then(setCopied);
  }, [text, autoCopy]);
  return (
    <section aria-label={title} className="rounded-md border border-accent/40 bg-accent-soft px-3 py-2">
      <div className="mb-1 flex items-center gap-2">
        <h3 className="font-semibold">{title}</h3>
        <span role="status" className="text-[12px] text-muted">
          {copied === true ? t('copied') : copied === false ? t('copyByHand') : null}
        </span>
        <div className="ml-auto flex gap-1.5">
          <button type="button" onClick={() => void copy(text).then(setCopied)} className="rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised">
            {t('copy')}
          </button>
          {onDownload ? (
            <button type="button" onClick={onDownload} className="rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised">
              {t('download')}
            </button>
          ) : null}
          <button type="button" onClick={onClose} className="rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised">
            {t('close')}
          </button>
        </div>
      </div>
      <textarea ref={area} readOnly aria-label={title} rows={rows} value={text} className="w-full resize-y rounded border border-line bg-surface p-1.5 font-mono text-[12px]" />
    </section>
  );
}
