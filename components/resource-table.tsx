'use client';
import { useTranslations } from 'next-intl';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A list view is data: an ordered array of these. Later features (e.g. DeepFlow's "unmatched pods"
 * analysis) add columns by appending to the array rather than editing the table.
 */
export interface Column<T> {
  id: string;
  /** A translated node (see ColumnTitle in columns/common.tsx), never a literal. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Plain text of the cell: searched by the filter box and used for sorting. Omit to make the column neither. */
  text?: (row: T) => string;
  /** Sort key when the text would sort wrongly (ages, counts). */
  sortValue?: (row: T) => number | string;
  align?: 'left' | 'right';
  mono?: boolean;
  /** Tailwind width/truncation classes for the cell. */
  className?: string;
}

type Sort = { id: string; dir: 'asc' | 'desc' } | null;

// The first cell takes its row's opaque background so the scrolled columns pass under it.
const STICKY_CELL = 'sticky left-0 z-[1] bg-inherit shadow-[1px_0_0_var(--color-line)]';

export function ResourceTable<T>({
  label,
  columns,
  rows,
  rowKey,
  initialSort = null,
  onOpen,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort?: Sort;
  /** Rows become focusable and open with a click, Enter or Space (the pods table's pattern); arrows move between them. */
  onOpen?: (row: T) => void;
}) {
  const t = useTranslations('resources');
  const [sort, setSort] = useState<Sort>(initialSort);

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.id === sort.id);
    if (!col || !sort) return rows;
    const key = col.sortValue ?? col.text;
    if (!key) return rows;
    const factor = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return c * factor;
    });
  }, [rows, columns, sort]);

  function onRowKey(ev: KeyboardEvent<HTMLTableRowElement>, row: T) {
    if (!onOpen || ev.target !== ev.currentTarget) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onOpen(row);
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const sibling = ev.key === 'ArrowDown' ? ev.currentTarget.nextElementSibling : ev.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  }

  function toggle(id: string) {
    setSort((s) => (s?.id === id ? (s.dir === 'asc' ? { id, dir: 'desc' } : null) : { id, dir: 'asc' }));
  }

  return (
    // A wide table scrolls inside its own region (focusable: the keyboard can scroll it too) and
    // keeps its first column in view; the page itself never scrolls sideways at 768 px.
    <div role="region" aria-label={t('tableRegion', { label })} tabIndex={0} className="overflow-x-auto rounded-md border border-line bg-surface outline-none focus-visible:outline-2 focus-visible:outline-accent">
      <table aria-label={label} className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-line bg-raised">
            {columns.map((c, i) => {
              const sortable = Boolean(c.sortValue ?? c.text);
              const dir = sort?.id === c.id ? sort.dir : undefined;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  className={`px-3 py-1.5 text-[11px] font-semibold uppercase tracking-wide text-muted whitespace-nowrap ${i === 0 ? STICKY_CELL : ''} ${c.align === 'right' ? 'text-right' : ''}`}
                >
                  {sortable ? (
                    <button type="button" onClick={() => toggle(c.id)} className="inline-flex items-center gap-1 uppercase hover:text-fg">
                      {c.header}
                      <span aria-hidden="true" className="w-2 text-[9px]">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={rowKey(row)}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? () => onOpen(row) : undefined}
              onKeyDown={onOpen ? (ev) => onRowKey(ev, row) : undefined}
              className={`border-b border-line bg-surface last:border-b-0 hover:bg-raised ${onOpen ? 'cursor-pointer outline-none focus-visible:bg-accent-soft focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent' : ''}`}
            >
              {columns.map((c, i) => (
                <td
                  key={c.id}
                  className={`px-3 py-1.5 align-top ${i === 0 ? STICKY_CELL : ''} ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${c.mono ? 'font-mono text-[12px]' : ''} ${c.className ?? ''}`}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function matchesFilter<T>(row: T, columns: readonly Column<T>[], needle: string): boolean {
  if (!needle) return true;
  const n = needle.toLowerCase();
  return columns.some((c) => c.text?.(row).toLowerCase().includes(n));
}
