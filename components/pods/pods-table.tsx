'use client';
// TanStack Table for the column model, TanStack Virtual for the rows: only the rows in view (plus
// overscan) are in the DOM, and a row re-renders only when its entry object changes. Lists of up to
// FULL_RENDER rows render whole (find-in-page and screen readers see every pod; cheap at that size).
import { useTranslations } from 'next-intl';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type Row, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Msg } from '@/lib/i18n/message';
import type { Sort, SortId } from '@/lib/pods/filters';
import type { PodEntry } from '@/lib/pods/pod-entry';
import { podColumns, type PodColumnMeta, type PodsTableMeta } from './pod-columns';

const ROW_HEIGHT = 34;
// The first column (the pod's name) stays in view while the table scrolls sideways at 768 px; the
// cell takes its row's (opaque) background so the other columns pass under it.
const STICKY_CELL = 'sticky left-0 z-[1] bg-inherit shadow-[1px_0_0_var(--color-line)]';
const FULL_RENDER = 300;
const getRowId = (e: PodEntry) => e.uid;
const coreRowModel = getCoreRowModel<PodEntry>();

export interface PodsTableProps {
  rows: PodEntry[];
  sort: Sort | null;
  onSort: (id: SortId) => void;
  onOpen: (e: PodEntry) => void;
  hideNamespace: boolean;
  groupNotes: ReadonlyMap<string, Msg>;
  selectedKey: string | null;
  /** The key of the row to scroll to and focus (after the drawer closes). */
  focusKey: string | null;
  onFocused: () => void;
}

const RowView = memo(
  function RowView({ row, selected, onOpen, onKey }: { row: Row<PodEntry>; entry: PodEntry; note: Msg | undefined; selected: boolean; colsKey: string; onOpen: (e: PodEntry) => void; onKey: (ev: KeyboardEvent<HTMLTableRowElement>, e: PodEntry) => void }) {
    const e = row.original;
    return (
      <tr
        data-pod-key={e.key}
        tabIndex={0}
        aria-selected={selected}
        onClick={() => onOpen(e)}
        onKeyDown={(ev) => onKey(ev, e)}
        style={{ height: ROW_HEIGHT }}
        className={`group cursor-pointer border-b border-line outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent ${selected ? 'bg-accent-soft' : 'bg-surface hover:bg-raised focus-visible:bg-accent-soft'}`}
      >
        {row.getVisibleCells().map((cell, i) => {
          const meta = cell.column.columnDef.meta as PodColumnMeta;
          return (
            <td key={cell.id} className={`overflow-hidden px-3 py-1 align-middle ${i === 0 ? STICKY_CELL : ''} ${meta.align === 'right' ? 'text-right tabular-nums' : ''}`}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
    );
  },
  // the Row object is rebuilt with every data change; what the row shows is its entry
  (a, b) => a.entry === b.entry && a.note === b.note && a.selected === b.selected && a.colsKey === b.colsKey && a.onOpen === b.onOpen,
);

export function PodsTable({ rows, sort, onSort, onOpen, hideNamespace, groupNotes, selectedKey, focusKey, onFocused }: PodsTableProps) {
  const t = useTranslations('pods');
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnVisibility = useMemo<VisibilityState>(() => ({ namespace: !hideNamespace }), [hideNamespace]);
  const meta = useMemo<PodsTableMeta>(() => ({ groupNotes }), [groupNotes]);
  const table = useReactTable({
    data: rows,
    columns: podColumns,
    getRowId,
    getCoreRowModel: coreRowModel,
    manualSorting: true,
    state: { columnVisibility },
    meta,
  });
  const modelRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: modelRows.length <= FULL_RENDER ? FULL_RENDER : 12,
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length > 0 ? items[0].start : 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const leaves = table.getVisibleLeafColumns();
  const colsKey = leaves.map((c) => c.id).join(',');

  const firstRows = useRef(false);
  useEffect(() => {
    if (!firstRows.current && items.length > 0) {
      firstRows.current = true;
      performance.mark('kls:pods-first-rows');
    }
  }, [items.length]);

  useEffect(() => {
    if (!focusKey) return;
    const index = modelRows.findIndex((r) => r.original.key === focusKey);
    if (index < 0) return onFocused();
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const id = requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-pod-key="${CSS.escape(focusKey)}"]`)?.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(id);
  }, [focusKey, modelRows, virtualizer, onFocused]);

  const onKey = useMemo(
    () => (ev: KeyboardEvent<HTMLTableRowElement>, e: PodEntry) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        onOpen(e);
      } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        const sibling = ev.key === 'ArrowDown' ? ev.currentTarget.nextElementSibling : ev.currentTarget.previousElementSibling;
        if (sibling instanceof HTMLElement && sibling.dataset.podKey) sibling.focus();
        else scrollRef.current?.scrollBy({ top: ev.key === 'ArrowDown' ? ROW_HEIGHT : -ROW_HEIGHT });
      }
    },
    [onOpen],
  );

  return (
    // its own scroll region, focusable so the keyboard can scroll it sideways
    <div ref={scrollRef} role="region" aria-label={t('tableRegion')} tabIndex={0} className="max-h-[calc(100vh-16rem)] min-h-48 overflow-auto rounded-md border border-line bg-surface outline-none focus-visible:outline-2 focus-visible:outline-accent">
      <table aria-label={t('tableLabel')} aria-rowcount={rows.length + 1} className="w-full min-w-[72rem] table-fixed border-collapse text-left">
        <colgroup>
          {leaves.map((c) => <col key={c.id} style={(c.columnDef.meta as PodColumnMeta).width ? { width: (c.columnDef.meta as PodColumnMeta).width } : undefined} />)}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-raised">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} className="border-b border-line bg-raised">
              {hg.headers.map((h, i) => {
                const m = h.column.columnDef.meta as PodColumnMeta;
                const dir = sort?.id === m.sortId ? sort.dir : undefined;
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    className={`px-3 py-1.5 text-[11px] font-semibold uppercase tracking-wide text-muted whitespace-nowrap ${i === 0 ? STICKY_CELL : ''} ${m.align === 'right' ? 'text-right' : ''}`}
                  >
                    <button type="button" onClick={() => onSort(m.sortId)} className="inline-flex items-center gap-1 uppercase hover:text-fg">
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true" className="w-2 text-[9px]">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }}><td colSpan={leaves.length} /></tr> : null}
          {items.map((vi) => {
            const row = modelRows[vi.index];
            return (
              <RowView
                key={row.id}
                row={row}
                entry={row.original}
                note={groupNotes.get(row.original.uid)}
                selected={row.original.key === selectedKey}
                colsKey={colsKey}
                onOpen={onOpen}
                onKey={onKey}
              />
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }}><td colSpan={leaves.length} /></tr> : null}
        </tbody>
      </table>
    </div>
  );
}
