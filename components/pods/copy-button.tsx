'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Copies `text`; says so for two seconds (and says when the browser refused). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations('pods.copy');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('failed'));
        setTimeout(() => setState('idle'), 2000);
      }}
      className="rounded border border-line bg-surface px-2 py-0.5 text-[12px] hover:border-accent"
    >
      {t(state === 'copied' ? 'copied' : state === 'failed' ? 'failed' : 'copy')}
    </button>
  );
}
