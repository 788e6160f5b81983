// A unified diff as text, one line per row, added and removed lines marked by colour and sign.
export function UnifiedDiff({ diff, label }: { diff: string; label: string }) {
  if (!diff) return <p className="text-muted">No change (the write would leave the object as it was).</p>;
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <pre aria-label={label} className="max-h-[28rem] overflow-auto rounded-md border border-line bg-raised/40 p-2 font-mono text-xs leading-5">
      {lines.map((l, i) => {
        const tone = l.startsWith('+++') || l.startsWith('---') ? 'text-muted' : l.startsWith('+') ? 'text-ok' : l.startsWith('-') ? 'text-danger' : l.startsWith('@@') ? 'text-accent' : '';
        return (
          <span key={i} className={`block whitespace-pre ${tone}`}>
            {l || ' '}
          </span>
        );
      })}
    </pre>
  );
}
