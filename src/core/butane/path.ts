// Butane's report paths (vcontext ContextPath): a list of keys and indices printed as
// `$.storage.files.0.mode`. A key that names the mapping key itself rather than its value
// (unused-key warnings point at the key) is a KeyStep.

export class KeyStep {
  constructor(readonly key: string) {}
}

export type PathStep = string | number | KeyStep;
export type ReportPath = readonly PathStep[];

export function pathString(p: ReportPath): string {
  let s = '$';
  for (const step of p) s += '.' + (step instanceof KeyStep ? step.key : String(step));
  return s;
}

/** butane's Snake(): camelCase Ignition keys back to snake_case config keys (MiB is one word). */
export function snake(key: string): string {
  return key.replace(/(MiB|[A-Z])/g, '_$1').toLowerCase();
}

/** butane's Camel(): snake_case config keys to Ignition's camelCase (a `_mib` suffix becomes MiB). */
export function camel(key: string): string {
  let k = key;
  if (k.endsWith('_mib')) k = k.slice(0, -4) + 'MiB';
  let out = '';
  for (let i = 0; i < k.length; i++) {
    const ch = k[i];
    if (ch === '_') continue;
    out += i > 0 && k[i - 1] === '_' ? ch.toUpperCase() : ch;
  }
  return out;
}
