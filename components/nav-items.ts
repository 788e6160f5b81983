/** The main navigation; each entry's label and one-line purpose are `shell.nav.<key>` in the catalogues. */
export interface NavItem {
  href: string;
  key: 'pods' | 'plugins' | 'rollouts' | 'playground' | 'audit' | 'settings';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/pods', key: 'pods' },
  { href: '/plugins', key: 'plugins' },
  { href: '/rollouts', key: 'rollouts' },
  { href: '/playground', key: 'playground' },
  { href: '/audit', key: 'audit' },
  { href: '/settings', key: 'settings' },
];
