// Recognises a Butane config by its top level: the first top-level key is `variant:` or
// `version:`, and `variant:` names a variant clc transpiles. Free of VS Code for unit tests.

/** The variants clc transpiles (butane's flatcar variant). */
export const BUTANE_VARIANTS: readonly string[] = ['flatcar'];

/** How many lines are looked at: the header sits at the top of a config. */
const MAX_LINES = 200;

/** The value of a plain or quoted top-level scalar (`key: value  # comment`). */
function scalarValue(rest: string): string {
  let v = rest.trim();
  const q = v[0];
  if (q === '"' || q === "'") {
    const end = v.indexOf(q, 1);
    return end > 0 ? v.slice(1, end) : v.slice(1);
  }
  const hash = v.search(/\s#/);
  if (hash >= 0) v = v.slice(0, hash);
  return v.trim();
}

/** True when `text` starts (at its top level) with `variant:`/`version:` of a supported variant. */
export function hasButaneHeader(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split('\n', MAX_LINES);
  let first = true;
  let variant: string | undefined;
  let version = false;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || /^\s*#/.test(line) || line === '---') continue;
    if (/^\s/.test(line)) continue; // inside a top-level value
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s(.*))?$/.exec(line) ?? /^([A-Za-z_][\w-]*)\s*:$/.exec(line);
    if (!m) return false;
    const key = m[1];
    if (first && key !== 'variant' && key !== 'version') return false;
    first = false;
    if (key === 'variant') variant = scalarValue(m[2] ?? '');
    if (key === 'version') version = true;
    if (variant !== undefined && version) return BUTANE_VARIANTS.includes(variant);
  }
  return false;
}
