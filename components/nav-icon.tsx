// Inline SVG so the shell ships no icon font and makes no requests.
const paths: Record<string, string> = {
  '/pods': 'M8 1.5 14 5v6l-6 3.5L2 11V5l6-3.5Zm0 0V8m0 0 6-3M8 8 2 5m6 3v6.5',
  '/plugins': 'M6 2v3m4-3v3M4 5h8v3a4 4 0 0 1-8 0V5Zm4 7v2.5',
  '/rollouts': 'M2 12h3l2-8 2 8 2-4h3',
  '/playground': 'M5.5 4 2 8l3.5 4m5-8L14 8l-3.5 4M9 3 7 13',
  '/audit': 'M4 1.5h6l3 3v10H4v-13Zm6 0v3h3M6 7.5h5M6 10h5M6 12.5h3',
  '/settings': 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm5.5-2-1.6-.6.7-1.6-1.4-1.4-1.6.7L9 3H7l-.6 1.1-1.6-.7-1.4 1.4.7 1.6L2.5 7v2l1.6.6-.7 1.6 1.4 1.4 1.6-.7.6 1.6h2l.6-1.6 1.6.7 1.4-1.4-.7-1.6 1.6-.6V8Z',
};

export function NavIcon({ href }: { href: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" strokeLinecap="round">
      <path d={paths[href] ?? ''} />
    </svg>
  );
}
