// How ct's YAML library (gopkg.in/yaml.v3) types a scalar: YAML 1.2 core schema plus some
// 1.1 leftovers (0644 octals, 0b binaries, `_` separators), with quoted and block scalars
// always strings. Kept separate so hover, checks and the decoder agree on one answer.

import { Scalar, isScalar } from 'yaml';
import type { Node as YNode } from 'yaml';

export type ResolvedTag = '!!str' | '!!int' | '!!float' | '!!bool' | '!!null' | '!!binary' | '!!merge' | string;

export type Resolved =
  | { tag: '!!str'; value: string }
  | { tag: '!!int'; value: number | bigint; big?: 'uint' }
  | { tag: '!!float'; value: number }
  | { tag: '!!bool'; value: boolean }
  | { tag: '!!null'; value: null }
  | { tag: '!!merge'; value: string }
  | { tag: string; value: string; unresolved: true };

const YAML_PREFIX = 'tag:yaml.org,2002:';

/** The short form of an explicit tag ("!!int"), "" when none or non-specific ("!"). */
export function shortTag(n: YNode): string {
  const t = (n as { tag?: string }).tag;
  if (!t || t === '!') return '';
  if (t.startsWith(YAML_PREFIX)) return '!!' + t.slice(YAML_PREFIX.length);
  return t;
}

const RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

// (a map: an object literal would answer for `toString` and the other names of Object.prototype)
const KEYWORDS = new Map<string, Resolved>(Object.entries({
  true: { tag: '!!bool', value: true },
  True: { tag: '!!bool', value: true },
  TRUE: { tag: '!!bool', value: true },
  false: { tag: '!!bool', value: false },
  False: { tag: '!!bool', value: false },
  FALSE: { tag: '!!bool', value: false },
  '': { tag: '!!null', value: null },
  '~': { tag: '!!null', value: null },
  null: { tag: '!!null', value: null },
  Null: { tag: '!!null', value: null },
  NULL: { tag: '!!null', value: null },
  '.nan': { tag: '!!float', value: NaN },
  '.NaN': { tag: '!!float', value: NaN },
  '.NAN': { tag: '!!float', value: NaN },
  '.inf': { tag: '!!float', value: Infinity },
  '.Inf': { tag: '!!float', value: Infinity },
  '.INF': { tag: '!!float', value: Infinity },
  '+.inf': { tag: '!!float', value: Infinity },
  '+.Inf': { tag: '!!float', value: Infinity },
  '+.INF': { tag: '!!float', value: Infinity },
  '-.inf': { tag: '!!float', value: -Infinity },
  '-.Inf': { tag: '!!float', value: -Infinity },
  '-.INF': { tag: '!!float', value: -Infinity },
  '<<': { tag: '!!merge', value: '<<' },
} as Record<string, Resolved>));

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;
const MAX_UINT64 = 18446744073709551615n;

/** True for quoted and block scalars (or an explicit !!str): they never resolve to non-strings. */
export function isIndicatedString(n: YNode): boolean {
  if (!isScalar(n)) return false;
  const tag = shortTag(n);
  if (tag === '!!str') return true;
  if (tag !== '') return false;
  const t = (n as Scalar).type;
  return t === Scalar.QUOTE_DOUBLE || t === Scalar.QUOTE_SINGLE || t === Scalar.BLOCK_LITERAL || t === Scalar.BLOCK_FOLDED;
}

/** The text of a scalar node as ct sees it. */
export function scalarText(n: YNode): string {
  const v = (n as Scalar).value;
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

/**
 * Resolves a scalar node. Returns an `error` string where ct's YAML library would fail the
 * whole decode (an explicit tag that does not fit the text).
 */
export function resolveScalar(n: YNode): Resolved | { error: string } {
  const text = scalarText(n);
  if (isIndicatedString(n)) {
    if (shortTag(n) === '!!binary') return { tag: '!!str', value: text };
    return { tag: '!!str', value: text };
  }
  return resolveText(shortTag(n), text);
}

export function resolveText(tag: string, text: string): Resolved | { error: string } {
  if (tag === '!!binary') return { tag: '!!binary', value: text, unresolved: true };
  if (!RESOLVABLE.has(tag)) return { tag, value: text, unresolved: true };
  const out = resolvePlain(text, tag);
  if (tag === '' || tag === out.tag || tag === '!!str') {
    if (tag === '!!str') return { tag: '!!str', value: text };
    return out;
  }
  if (tag === '!!float' && out.tag === '!!int') return { tag: '!!float', value: Number(out.value) };
  return { error: `yaml: cannot decode ${out.tag} \`${text}\` as a ${tag}` };
}

/** Whether an untagged plain scalar with this text reads as null (`~`, `null`, empty...). */
export function isPlainNull(text: string): boolean {
  const kw = KEYWORDS.get(text);
  return kw !== undefined && kw.tag === '!!null' && hinted(text.length ? text[0] : 'N');
}

function resolvePlain(text: string, tag: string): Resolved {
  const c = text.length ? text[0] : 'N';
  const kw = KEYWORDS.get(text);
  if (kw && hinted(c)) return kw;
  if (c === '.') {
    const f = goParseFloat(text);
    if (f !== undefined) return { tag: '!!float', value: f };
    return { tag: '!!str', value: text };
  }
  if ((c >= '0' && c <= '9') || c === '-' || c === '+') {
    if ((tag === '' || tag === '!!timestamp') && isTimestamp(text)) return { tag: '!!timestamp', value: text, unresolved: true };
    const plain = text.includes('_') ? text.replace(/_/g, '') : text;
    const i = goParseInt(plain);
    if (i !== undefined) return intResult(i);
    if (YAML_FLOAT.test(plain)) {
      const f = goParseFloat(plain);
      if (f !== undefined) return { tag: '!!float', value: f };
    }
    if (plain.startsWith('0b')) {
      const b = parseDigits(plain.slice(2), 2);
      if (b !== undefined && b <= MAX_UINT64) return intResult(b);
    } else if (plain.startsWith('-0b')) {
      const b = parseDigits(plain.slice(3), 2);
      if (b !== undefined && -b >= MIN_INT64) return intResult(-b);
    }
    if (plain.startsWith('0o')) {
      const o = parseDigits(plain.slice(2), 8);
      if (o !== undefined && o <= MAX_UINT64) return intResult(o);
    } else if (plain.startsWith('-0o')) {
      const o = parseDigits(plain.slice(3), 8);
      if (o !== undefined && -o >= MIN_INT64) return intResult(-o);
    }
  }
  return { tag: '!!str', value: text };
}

const HINTED = new Set('yYnNtTfFoO~.+-0123456789');
function hinted(c: string): boolean {
  return HINTED.has(c);
}

/** Ints stay exact: plain numbers while they are safe, bigint beyond 2^53. */
function intResult(v: bigint): Resolved {
  const value = v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
  if (v > MAX_INT64) return { tag: '!!int', value, big: 'uint' };
  return { tag: '!!int', value };
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const EXACT_DIGITS: Record<number, number> = { 2: 52, 8: 17, 10: 15, 16: 13 };

function parseDigits(s: string, base: number): bigint | undefined {
  if (!s.length) return undefined;
  const re = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!re.test(s)) return undefined;
  // digits few enough to stay below 2^53 are exact as a double (most numbers in a config)
  if (s.length <= EXACT_DIGITS[base]) return BigInt(parseInt(s, base));
  let v = 0n;
  const b = BigInt(base);
  for (const ch of s) v = v * b + BigInt(parseInt(ch, base));
  return v;
}

/** strconv.ParseInt(s, 0, 64) and, failing that, ParseUint(s, 0, 64). */
function goParseInt(s: string): bigint | undefined {
  let sign = 1n;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (body[0] === '-') sign = -1n;
    body = body.slice(1);
  }
  if (!body.length) return undefined;
  let v: bigint | undefined;
  if (/^0[xX]/.test(body)) v = parseDigits(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = parseDigits(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = parseDigits(body.slice(2), 2);
  else if (body.length > 1 && body[0] === '0') v = parseDigits(body.slice(1), 8);
  else v = parseDigits(body, 10);
  if (v === undefined) return undefined;
  const r = sign * v;
  if (sign < 0n) return r >= MIN_INT64 ? r : undefined;
  return r <= MAX_UINT64 ? r : undefined;
}

function goParseFloat(s: string): number | undefined {
  const f = Number(s);
  if (Number.isNaN(f)) return undefined;
  return f;
}

// yaml.v3 tries these layouts (only for plain scalars) before numbers.
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  return TIMESTAMP.test(s);
}
