/** Renders `backtick` spans in server-written hints (fixes, reasons) as code, the way they are meant to read. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-raised px-1 font-mono text-[12px] text-fg">
            {p}
          </code>
        ) : (
          p
        ),
      )}
    </>
  );
}
