'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavIcon } from './nav-icon';
import { NAV_ITEMS } from './nav-items';
import { useNamespace, withNamespace } from './use-namespace';

export function SideNav() {
  const pathname = usePathname();
  const [ns] = useNamespace();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 p-2">
      {NAV_ITEMS.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`) || (item.href === '/settings' && pathname.startsWith('/resources/'));
        return (
          <Link
            key={item.href}
            href={withNamespace(item.href, ns)}
            aria-current={active ? 'page' : undefined}
            title={item.hint}
            className={`flex items-center gap-2 rounded px-2 py-1.5 font-medium ${
              active ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-raised hover:text-fg'
            }`}
          >
            <NavIcon href={item.href} />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
