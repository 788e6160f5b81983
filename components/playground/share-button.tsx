'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { encodeShareHash } from '@/lib/playground/codec';
import type { PlaygroundState } from '@/lib/playground/state';
import { TextPanel } from './text-panel';

/** "Share": a URL with this mode's state in the hash, copied to the clipboard and shown to copy by hand. */
export function useShare(state: PlaygroundState) {
  const t = useTranslations('playground.share');
  const [url, setUrl] = useState<string | null>(null);
  const share = async () => {
    const hash = await encodeShareHash(state);
    const u = new URL(window.location.href);
    u.search = `?mode=${state.mode}`;
    u.hash = hash;
    setUrl(u.toString());
  };
  const button = (
    <button type="button" onClick={() => void share()} className="rounded border border-line-strong bg-surface px-2.5 py-1 text-[12px] font-medium hover:bg-raised">
      {t('button')}
    </button>
  );
  const panel = url ? <TextPanel title={t('title')} text={url} rows={2} autoCopy onClose={() => setUrl(null)} /> : null;
  return { button, panel };
}
