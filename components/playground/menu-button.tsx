'use client';
import { useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  description?: string;
  disabled?: boolean;
  onSelect: () => void;
}

/** A button opening a menu of actions (Templates, Export): arrow keys, Enter, Escape. */
export function MenuButton({ label, items }: { label: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        className="rounded border border-line-strong bg-surface px-2.5 py-1 text-[12px] font-medium hover:bg-raised"
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul id={menuId} ref={menu} role="menu" aria-label={label} onKeyDown={onKey} className="absolute right-0 z-30 mt-1 max-h-96 w-80 overflow-auto rounded-md border border-line bg-surface py-1 shadow-lg">
          {items.map((it) => (
            <li
              key={it.id}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={it.disabled || undefined}
              onClick={() => {
                if (it.disabled) return;
                setOpen(false);
                it.onSelect();
              }}
              onKeyDown={(e) => {
                if ((e.key === 'Enter' || e.key === ' ') && !it.disabled) {
                  e.preventDefault();
                  setOpen(false);
                  button.current?.focus();
                  it.onSelect();
                }
              }}
              className={`cursor-pointer px-3 py-1.5 outline-none focus:bg-accent-soft ${it.disabled ? 'cursor-not-allowed opacity-50' : 'hover:bg-raised'}`}
            >
              <div className="font-medium">{it.label}</div>
              {it.description ? <div className="text-[11px] text-muted">{it.description}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
