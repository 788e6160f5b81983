'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavIcon } from './nav-icon';
import { NAV_ITEMS } from './nav-items';
import { useNamespace, withNamespace } from './use-namespace';

/**
 * Below `lg` the sidebar is a column of icons: the label stays in the link as sr-only text (so the
 * accessible name never changes with the width) and the title tooltip names it for sighted users.
 */
export function SideNav() {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [ns] = useNamespace();
  return (
    <nav aria-label={t('mainNav')} className="flex flex-col gap-0.5 p-2">
      {NAV_ITEMS.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`) || (item.href === '/settings' && pathname.startsWith('/resources/'));
        const label = t(`nav.${item.key}.label`);
        return (
          <Link
            key={item.href}
            href={withNamespace(item.href, ns)}
            aria-current={active ? 'page' : undefined}
            title={t('navTooltip', { label, hint: t(`nav.${item.key}.hint`) })}
            className={`flex items-center justify-center gap-2 rounded px-2 py-1.5 font-medium lg:justify-start ${
              active ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-raised hover:text-fg'
            }`}
          >
            <NavIcon href={item.href} />
            <span className="sr-only lg:not-sr-only">{label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
