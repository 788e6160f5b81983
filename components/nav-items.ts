export interface NavItem {
  href: string;
  label: string;
  /** One-line purpose, shown as the link's description. */
  hint: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/pods', label: 'Pods', hint: 'Live pods in the selected namespace' },
  { href: '/plugins', label: 'Plugins', hint: 'DeepFlow tagging plugins' },
  { href: '/rollouts', label: 'Rollouts', hint: 'OpenKruise Rollouts and traffic routing' },
  { href: '/playground', label: 'Playground', hint: 'Lua editor with in-browser preview' },
  { href: '/audit', label: 'Audit', hint: 'Every write the studio made or attempted' },
  { href: '/settings', label: 'Settings', hint: 'Cluster connection and kind registry' },
];
