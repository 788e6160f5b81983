// Go's strings.ToLower maps rune by rune (simple case mapping). JS toLowerCase applies full and
// context-sensitive mappings (U+0130 -> "i̇", final sigma), which would let a different set of
// returned types pass DeepFlow's type check.
export function goToLower(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') { out += 'i'; continue; }
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}
