'use client';
// The playground's state, where it comes from on load (a share link, else the stored work, with the
// deep-link parameters applied on top) and where it goes (local storage, and `?mode=` in the URL).
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeShareHash, loadStored, NOT_SAVED_KEYS, saveStored } from '@/lib/playground/codec';
import { parseDeepLink } from '@/lib/playground/deep-link';
import { defaultState, type Mode, type PlaygroundState } from '@/lib/playground/state';
import { phrase, type Phrase } from '@/lib/playground/text';

/** `id` is the English text: the same notice twice is one notice. */
export type Notice = { tone: 'info' | 'warn' | 'danger'; id: string; phrase: Phrase };

function notice(tone: Notice['tone'], p: Phrase): Notice {
  return { tone, id: p.text, phrase: p };
}

const isNotSaved = (n: Notice) => NOT_SAVED_KEYS.includes(n.phrase.msg?.key ?? '');

const SAVE_DELAY_MS = 300;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function applyDeepLink(s: PlaygroundState, params: URLSearchParams): { state: PlaygroundState; errors: Phrase[] } {
  const link = parseDeepLink(params);
  let state = s;
  if (link.mode) state = { ...state, mode: link.mode };
  if (link.rollout) {
    state = {
      ...state,
      mode: link.mode ?? 'routing',
      routing: {
        ...state.routing,
        source: 'cluster',
        rollout: `${link.rollout.namespace}/${link.rollout.name}`,
        ref: link.ref ? `${link.ref.kind}/${link.ref.name}` : '',
        mode: 'controller',
        // the link asks for the controller's script for that gateway: load it once resolved
        scriptKey: '',
        scriptPristine: true,
      },
    };
  }
  if (link.ns) {
    state = { ...state, mode: link.mode ?? 'tagging', tagging: { ...state.tagging, source: 'cluster', scope: 'namespace', namespace: link.ns } };
  }
  return { state, errors: link.errors.map((text, i) => ({ text, msg: link.errorMsgs?.[i] ?? null })) };
}

export function usePlaygroundState() {
  const [state, setStateRaw] = useState<PlaygroundState>(defaultState);
  const [ready, setReady] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(state);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const stored = loadStored(storage()) ?? defaultState();
      const found: Notice[] = [];
      let next = stored;
      const shared = await decodeShareHash(window.location.hash, stored);
      if (shared.ok === true) {
        next = shared.state;
        found.push(notice('info', phrase('playground.notice.shared')));
      } else {
        if (shared.ok === false) found.push(notice('warn', phrase('playground.notice.shareRefused', {}, { error: { text: shared.error, msg: shared.msg } })));
        const linked = applyDeepLink(stored, new URLSearchParams(window.location.search));
        next = linked.state;
        for (const e of linked.errors) found.push(notice('warn', e));
      }
      if (cancelled) return;
      latest.current = next;
      setStateRaw(next);
      setNotices(found);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const flush = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const r = saveStored(storage(), latest.current);
    setNotices((n) => {
      const others = n.filter((x) => !isNotSaved(x));
      return r.ok ? (others.length === n.length ? n : others) : [...others, notice('warn', { text: r.error, msg: r.msg })];
    });
  }, []);

  const setState = useCallback(
    (update: (s: PlaygroundState) => PlaygroundState) => {
      setStateRaw((s) => {
        const next = update(s);
        latest.current = next;
        return next;
      });
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    if (!ready) return;
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [ready, flush]);

  // `?mode=` follows the tab. A share hash or deep-link parameters, once applied, leave the address:
  // the work is stored now, and a reload must not apply them again over what the user typed since.
  useEffect(() => {
    if (!ready) return;
    const url = new URL(window.location.href);
    // (`ns` stays: it is also the studio-wide namespace of the header)
    const linkParams = ['rollout', 'ref'].filter((k) => url.searchParams.has(k));
    if (url.searchParams.get('mode') === state.mode && !url.hash && linkParams.length === 0) return;
    url.searchParams.set('mode', state.mode);
    for (const k of linkParams) url.searchParams.delete(k);
    url.hash = '';
    window.history.replaceState(window.history.state, '', url.toString());
  }, [ready, state.mode]);

  const setMode = useCallback((mode: Mode) => setState((s) => ({ ...s, mode })), [setState]);
  const dismiss = useCallback((id: string) => setNotices((n) => n.filter((x) => x.id !== id)), []);

  return { state, setState, setMode, ready, notices, dismiss };
}
