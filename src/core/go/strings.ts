// Go's strings.ToLower, which maps each code point on its own (no final-sigma rule, and
// U+0130 becomes a plain "i" where JavaScript adds a combining dot).

export function goToLower(s: string): string {
  // ASCII fast path, as in Go
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp === 0x130 ? 'i' : ch.toLowerCase();
  }
  return out;
}
