'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';


function Leaf({ v }: { v: unknown }) {
  const cls = typeof v === 'string' ? 'text-ok' : typeof v === 'number' ? 'text-accent' : 'text-warn';
  return <span className={cls}>{JSON.stringify(v)}</span>;
}

function Node({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const branch = value !== null && typeof value === 'object';
  const t = useTranslations('playground.tree');
  const [open, setOpen] = useState(depth < 2);
  const summary = (v: unknown) => (Array.isArray(v) ? t('items', { count: v.length }) : v && typeof v === 'object' ? t('keys', { count: Object.keys(v).length }) : '');
  if (!branch) {
    return (
      <li role="treeitem" aria-selected={false} className="pl-4">
        <span className="text-muted">{name}: </span>
        <Leaf v={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((x, i) => [String(i + 1), x] as const) : Object.entries(value as object);
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={false}>
      <button type="button" onClick={() => setOpen(!open)} className="rounded px-1 text-left hover:bg-raised">
        <span aria-hidden="true" className="inline-block w-3 text-muted">{open ? '▾' : '▸'}</span>
        <span className="text-muted">{name}</span> <span className="text-muted">{summary(value)}</span>
      </button>
      {open ? (
        <ul role="group" className="ml-3 border-l border-line">
          {entries.slice(0, 500).map(([k, v]) => (
            <Node key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {entries.length > 500 ? <li className="pl-4 text-muted">{t('more', { count: entries.length - 500 })}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

/** A collapsible tree of plain JSON (Lua tables as objects and arrays, 1-based like Lua). */
export function JsonTree({ value, label, rootName = 'result' }: { value: unknown; label: string; rootName?: string }) {
  return (
    <ul role="tree" aria-label={label} className="font-mono text-[12px] leading-5">
      <Node name={rootName} value={value} depth={0} />
    </ul>
  );
}
