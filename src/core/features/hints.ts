// Hints: places where ct accepts a config but does something the author probably did not
// expect. ct prints none of these, so they carry `hint: true`, their own codes, and never make
// a run fail; the editor always shows them, clct only with --hints. transpile() calls
// computeHints() when asked to, so the CLI and the server get them from this one place.

import { isScalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { Diagnostic } from '../report.ts';
import type { ParsedConfig } from '../parsedConfig.ts';
import { isMergeKey } from '../go/decode.ts';
import { isIndicatedString, resolveScalar, scalarText } from '../yaml/resolve.ts';
import { nodeSpan } from '../yaml/parse.ts';
import { platforms } from '../platforms.ts';
import { itemsOf, keyOf, pairsOf, valueOf } from './ast.ts';
import type { YPair } from './ast.ts';
import { ACCOUNT_CODES, namelessAccounts } from './accounts.ts';
import { STORAGE_PATH_CODES, storagePathProblems } from './storagePaths.ts';
import { clcUnitRegions } from '../units/clc-places.ts';
import { unitDiagnostics } from '../units/diagnostics.ts';

export const HINT_CODES = {
  laterDocument: 'later-document',
  mergeKey: 'merge-key',
  templating: 'templating-brace',
  decimalMode: 'decimal-mode',
  deprecatedEnable: 'deprecated-enable',
  ...ACCOUNT_CODES,
  ...STORAGE_PATH_CODES,
} as const;

export function isHintCode(code: string | undefined): boolean {
  return !!code && (Object.values(HINT_CODES) as string[]).includes(code);
}

export interface HintOptions {
  /** systemd's verdict on the unit files inside the config (default on; clc.unitChecks) */
  unitChecks?: boolean;
}

export function computeHints(parsed: ParsedConfig, options: HintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { yaml } = parsed;
  const root = yaml.root;
  if (root && !yaml.errors.length) {
    mergeKeys(root, out, new Set());
    templating(root, out);
    decimalModes(root, out);
    deprecatedEnable(root, out);
    out.push(...namelessAccounts(yaml), ...storagePathProblems(yaml));
    if (options.unitChecks !== false) out.push(...unitDiagnostics(yaml.text, clcUnitRegions(yaml)));
  }
  if (yaml.laterDocumentAt !== undefined) {
    const start = yaml.laterDocumentAt;
    let end = yaml.text.indexOf('\n', start);
    if (end < 0) end = yaml.text.length;
    if (end > start && yaml.text[end - 1] === '\r') end--;
    out.push(hint('info', 'ct reads only the first YAML document: this document and any after it are ignored', { start, end }, HINT_CODES.laterDocument));
  }
  return out.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

function hint(severity: Diagnostic['severity'], message: string, span: Diagnostic['span'], code: string, data?: Record<string, unknown>): Diagnostic {
  return { severity, message, span, code, hint: true, ...(data ? { data } : {}) };
}

function mergeKeys(n: YNode, out: Diagnostic[], seen: Set<YNode>): void {
  if (seen.has(n)) return;
  seen.add(n);
  for (const p of pairsOf(n)) {
    if (p.key && isMergeKey(p.key)) {
      out.push(
        hint(
          'info',
          'ct reports "<<" as an unrecognized key, but it does merge the referenced mapping into this one (keys written here win)',
          nodeSpan(p.key),
          HINT_CODES.mergeKey,
        ),
      );
    }
    if (p.value) mergeKeys(p.value, out, seen);
  }
  for (const it of itemsOf(n)) mergeKeys(it, out, seen);
}

const KNOWN_FIELDS = new Set(platforms.flatMap((p) => Object.keys(p.fields)));

/** True when every brace of the value belongs to a `{FIELD}` of some platform. */
export function bracesAreDynamicData(s: string): boolean {
  const stripped = s.replace(/\{([A-Z0-9_]+)\}/g, (m, f: string) => (KNOWN_FIELDS.has(f) ? '' : m));
  return !stripped.includes('{') && !stripped.includes('}');
}

function templating(root: YNode, out: Diagnostic[]): void {
  for (const section of ['etcd', 'flannel'] as const) {
    const sec = valueOf(root, section);
    for (const p of pairsOf(sec)) {
      const key = keyOf(p);
      if (key === 'version' || key === 'network_config' || !p.value || !isScalar(p.value)) continue;
      const text = scalarText(p.value);
      if (!text.includes('{') && !text.includes('}')) continue;
      if (bracesAreDynamicData(text)) continue;
      out.push(
        hint(
          'info',
          `a brace in ${section}.${key} turns on ct's dynamic-data templating for the whole ${section} section: ct then requires --platform and rewrites {FIELD} into metadata variables; a brace is never passed through as written`,
          nodeSpan(p.value),
          HINT_CODES.templating,
        ),
      );
    }
  }
}

// --- modes -------------------------------------------------------------------------------------

/** "rwxr-xr-x" with setuid/setgid/sticky shown as ls does (s/S, t/T). */
export function modeString(mode: number | bigint): string {
  // only 0..07777 are permissions; anything else (negative, huge, exact bigint) has no rwx form
  if (typeof mode !== 'number' || mode < 0 || mode > 0o7777) return 'not a valid mode';
  const bits = ['r', 'w', 'x'];
  let s = '';
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  const chars = s.split('');
  if (mode & 0o4000) chars[2] = chars[2] === 'x' ? 's' : 'S';
  if (mode & 0o2000) chars[5] = chars[5] === 'x' ? 's' : 'S';
  if (mode & 0o1000) chars[8] = chars[8] === 'x' ? 't' : 'T';
  return chars.join('');
}

export function octal(mode: number | bigint): string {
  if (mode < 0) return '-0' + (-mode).toString(8).padStart(3, '0');
  return '0' + mode.toString(8).padStart(3, '0');
}

const TYPICAL_MODES = new Set([
  0o400, 0o440, 0o444, 0o500, 0o550, 0o555, 0o600, 0o640, 0o644, 0o660, 0o664, 0o666, 0o700, 0o750, 0o755, 0o770, 0o775, 0o777,
  0o1777, 0o2755, 0o4755, 0o2775,
]);

/**
 * For a mode written like `644` (a plain decimal integer whose digits are all octal digits and
 * whose decimal value is no usual mode), the octal text probably meant ("0644"); else null.
 */
export function decimalLookingMode(n: YNode | null | undefined): string | null {
  if (!n || !isScalar(n) || isIndicatedString(n)) return null;
  const r = resolveScalar(n);
  if ('error' in r || r.tag !== '!!int') return null;
  return decimalLookingModeText(scalarText(n));
}

/** The same rule on the text of a plain scalar. */
export function decimalLookingModeText(text: string): string | null {
  if (!/^[1-7][0-7]{2,3}$/.test(text)) return null;
  if (TYPICAL_MODES.has(Number(text))) return null;
  return '0' + text;
}

function decimalModes(root: YNode, out: Diagnostic[]): void {
  const storage = valueOf(root, 'storage');
  for (const list of ['files', 'directories'] as const) {
    for (const item of itemsOf(valueOf(storage, list))) {
      const mode = valueOf(item, 'mode');
      const meant = decimalLookingMode(mode);
      if (!meant || !mode) continue;
      const text = scalarText(mode);
      const value = Number(text);
      // a warning, as Butane gives: the file ends up with permissions nobody asks for
      out.push(
        hint(
          'warning',
          `mode ${text} is the decimal number ${text} (octal ${octal(value)}, ${modeString(value)}); write ${meant} (${modeString(parseInt(text, 8))}) if that was meant`,
          nodeSpan(mode),
          HINT_CODES.decimalMode,
          { replacement: meant },
        ),
      );
    }
  }
}

function deprecatedEnable(root: YNode, out: Diagnostic[]): void {
  const units = valueOf(valueOf(root, 'systemd'), 'units');
  for (const unit of itemsOf(units)) {
    const pairs = pairsOf(unit);
    const enable = pairs.find((p: YPair) => keyOf(p) === 'enable');
    if (!enable?.key) continue;
    const hasEnabled = pairs.some((p) => keyOf(p) === 'enabled');
    const v = enable.value && isScalar(enable.value) ? resolveScalar(enable.value) : null;
    const isTrue = !!v && !('error' in v) && v.tag === '!!bool' && v.value === true;
    out.push(
      hint('deprecated', 'enable is deprecated; use enabled instead', nodeSpan(enable.key), HINT_CODES.deprecatedEnable, {
        replacement: 'enabled',
        fixable: isTrue && !hasEnabled,
      }),
    );
  }
}
