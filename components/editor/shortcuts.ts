/** Ctrl/⌘+Enter runs, Ctrl/⌘+S saves: the one place both editors read their shortcuts from. */
export function shortcutOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): 'run' | 'save' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === 'Enter' && !e.shiftKey) return 'run';
  if (e.key.toLowerCase() === 's' && !e.shiftKey) return 'save';
  return null;
}
