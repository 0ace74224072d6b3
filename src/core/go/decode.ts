// Decodes a YAML node tree into values of a Go type model with the rules of ct's YAML
// library (yaml.v3): which scalars fit which field, what null does, merge keys, duplicate
// keys, dropped sequence items, alias expansion limits. Problems are collected per node so
// the editor can point at each one; the CLI joins them into ct's single message.

import { isAlias, isMap, isScalar, isSeq, isPair, isDocument } from 'yaml';
import type { Alias, Document, Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { flatFields, zeroValue } from './types.ts';
import type { GoType, StructType } from './types.ts';
import { resolveScalar, scalarText, shortTag, isIndicatedString, isPlainNull } from '../yaml/resolve.ts';
import { reportSpan } from '../yaml/parse.ts';
import { quoteGoString as goQuote } from './strconv.ts';
import type { Span } from '../report.ts';

export interface TypeError {
  message: string;
  span?: Span;
}

/** A failure that stops decoding altogether (ct: a panic inside the YAML library). */
export class DecodeFailure extends Error {
  constructor(
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
}

export interface DecodeOutcome {
  value: unknown;
  typeErrors: TypeError[];
  failure?: DecodeFailure;
}

const MAX_INT64 = 9223372036854775807;
const MAX_UINT64 = 18446744073709551615;

const INT64_INDEFINITE = -9223372036854775808n;

/** A whole number from a float, kept exact past 2^53 (Go converts floats to int64 exactly). */
function exactInt(n: number): number | bigint {
  if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  // Go's float64 -> int64 conversion of out-of-range values (and infinities) is platform-defined;
  // amd64 gives the "integer indefinite" value
  if (!(n >= -(2 ** 63) && n < 2 ** 63)) return INT64_INDEFINITE;
  return BigInt(n);
}

/** Go's uint64(f) on amd64: below 2^63 a signed conversion (negatives wrap), above it offset by 2^63. */
function floatToUint64(f: number): number | bigint {
  const signed = (x: number): bigint => BigInt.asUintN(64, x >= -(2 ** 63) && x < 2 ** 63 ? BigInt(Math.trunc(x)) : INT64_INDEFINITE);
  const u = f < 2 ** 63 ? signed(f) : signed(f - 2 ** 63) | (1n << 63n);
  return u <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(u) : u;
}

/** yaml.v3 shows at most 7 bytes of a long value in a type error (it counts UTF-8 bytes). */
function shortValue(v: string): string {
  const bytes = Buffer.from(v, 'utf8');
  if (bytes.length <= 10) return ' `' + v + '`';
  return ' `' + new TextDecoder().decode(bytes.subarray(0, 7)) + '...`';
}

/**
 * Where the yaml.v3 versions of the two formats differ. ct's decodes a merge key (`<<`) where it
 * stands, so later keys overwrite merged ones and every merged value is decoded. Butane's
 * (v3.0.1) decodes the mapping's own keys first and the merged mappings after them, skipping
 * every key already set, so a merged value that an explicit key overrides is never decoded.
 * Butane's also tags a plain `<<` as a merge key wherever it stands (a type error on such a
 * value says !!merge); ct's reads it as a string there.
 */
export interface DecodeOptions {
  mergeKeys?: 'in-place' | 'explicit-first';
}

export function decode(doc: Document.Parsed | null, root: YNode | null, t: GoType, lines: { lineCol(o: number): { line: number } }, options: DecodeOptions = {}): DecodeOutcome {
  const d = new Decoder(doc, lines, options.mergeKeys === 'explicit-first');
  let value = zeroValue(t);
  try {
    if (root) value = valueOf(d.unmarshal(root, t, value));
  } catch (e) {
    if (e instanceof DecodeFailure) return { value, typeErrors: d.typeErrors, failure: e };
    throw e;
  }
  return { value, typeErrors: d.typeErrors };
}

/**
 * What decoding one node gives: the decoded value itself, or, when the node did not fit (yaml.v3
 * returns false and leaves the target alone), a Rejected carrying the value left in place.
 * Values are never Rejected instances, so the common case allocates nothing.
 */
class Rejected {
  constructor(readonly value: unknown) {}
}
type Step = unknown;

const valueOf = (s: Step): unknown => (s instanceof Rejected ? s.value : s);

const structKeys = new WeakMap<StructType, Map<string, { name: string; type: GoType }>>();
function keyMap(t: StructType): Map<string, { name: string; type: GoType }> {
  let m = structKeys.get(t);
  if (!m) {
    m = new Map();
    for (const f of t.fields) {
      if (f.embedded && f.type.kind === 'struct') {
        for (const ff of flatFields(f.type)) m.set(ff.key, { name: ff.name, type: ff.type });
      } else m.set(f.key, { name: f.name, type: f.type });
    }
    structKeys.set(t, m);
  }
  return m;
}

export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string':
    case 'bool':
    case 'int':
    case 'uint':
      // a name with its package (butane's "v0_4.Device") is shown as it is
      return t.name ? (t.name.includes('.') ? t.name : `types.${t.name}`) : t.kind;
    case 'ptr':
      return '*' + goTypeName(t.elem);
    case 'slice':
      // a named slice type (butane's HTTPHeaders) is shown by its name
      return t.name ? (t.name.includes('.') ? t.name : `types.${t.name}`) : '[]' + goTypeName(t.elem);
    case 'struct':
    case 'custom':
    case 'versioned':
      return t.name.includes('.') ? t.name : `types.${t.name}`;
  }
}

class Decoder {
  readonly typeErrors: TypeError[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly activeAliases = new Set<YNode>();

  /** yaml.v3 v3.0.1's mergedFields: keys already set while merged mappings are decoded */
  private mergedFields: Set<string> | null = null;

  constructor(
    private readonly doc: Document.Parsed | null,
    private readonly lines: { lineCol(o: number): { line: number } },
    private readonly explicitFirst = false,
  ) {}

  private line(n: YNode): number {
    const s = reportSpan(n);
    return s ? this.lines.lineCol(s.start).line : 0;
  }

  private terror(n: YNode, tag: string, t: GoType): void {
    // an explicit tag replaces the node's kind, also when deciding whether to show the value
    const shownTag = shortTag(n) || tag;
    let shown = '';
    if (shownTag !== '!!seq' && shownTag !== '!!map') {
      const v = isScalar(n) ? scalarText(n) : '';
      shown = shortValue(v);
    }
    this.typeErrors.push({
      message: `line ${this.line(n)}: cannot unmarshal ${shownTag}${shown} into ${goTypeName(t)}`,
      span: reportSpan(n),
    });
  }

  unmarshal(n: YNode, t: GoType, current: unknown): Step {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new DecodeFailure('yaml: document contains excessive aliasing', reportSpan(n));
    }
    if (isAlias(n)) return this.alias(n, t, current);
    if (isScalar(n) && t.kind !== 'custom' && t.kind !== 'versioned') {
      // resolve once; a null leaves non-nullable values alone and sets pointers to nil
      const r = resolveScalar(n);
      if ('error' in r) throw new DecodeFailure(r.error, reportSpan(n));
      if (r.tag === '!!null') return this.nullInto(t, current);
      let target: GoType = t;
      while (target.kind === 'ptr') target = target.elem;
      if (target.kind === 'custom') return this.custom(n, target, current);
      if (target.kind === 'versioned') return this.versioned(n, target, current);
      return this.scalar(n, target, current, r);
    }
    if (isNullNode(n)) return this.nullInto(t, current);
    if (t.kind === 'ptr') {
      return this.unmarshal(n, t.elem, current ?? zeroValue(t.elem));
    }
    if (t.kind === 'custom') return this.custom(n, t, current);
    if (t.kind === 'versioned') return this.versioned(n, t, current);
    if (isScalar(n)) return this.scalar(n, t, current);
    if (isMap(n)) return this.mapping(n as YAMLMap, t, current);
    if (isSeq(n)) return this.sequence(n as YAMLSeq, t, current);
    throw new DecodeFailure('yaml: cannot decode node with unknown kind', reportSpan(n));
  }

  private alias(n: Alias, t: GoType, current: unknown): Step {
    if (this.activeAliases.has(n)) throw new DecodeFailure(`yaml: anchor '${n.source}' value contains itself`, reportSpan(n));
    const target = this.doc ? (n.resolve(this.doc) as YNode | undefined) : undefined;
    if (!target) throw new DecodeFailure(`yaml: unknown anchor '${n.source}' referenced`, reportSpan(n));
    this.activeAliases.add(n);
    this.aliasDepth++;
    try {
      return this.unmarshal(target, t, current);
    } finally {
      this.aliasDepth--;
      this.activeAliases.delete(n);
    }
  }

  private nullInto(t: GoType, current: unknown): Step {
    if (t.kind === 'ptr' || t.kind === 'slice' || t.kind === 'custom') return null;
    return new Rejected(current);
  }

  private custom(n: YNode, t: Extract<GoType, { kind: 'custom' }>, current: unknown): Step {
    // The type's UnmarshalYAML first decodes a plain string, then parses it.
    // a mapping is checked for duplicate keys before it is found not to fit the string
    if (isMap(n)) return this.mapping(n as YAMLMap, { kind: 'string' }, current);
    if (!isScalar(n)) {
      this.terror(n, '!!seq', { kind: 'string' });
      return new Rejected(current);
    }
    const r = resolveScalar(n);
    if ('error' in r) throw new DecodeFailure(r.error, reportSpan(n));
    let text = scalarText(n);
    if (r.tag === '!!binary') {
      // decoding into a string yields the decoded bytes
      const decoded = decodeBase64(text);
      if (decoded === undefined) throw new DecodeFailure('yaml: !!binary value contains invalid base64 data', reportSpan(n));
      text = typeof decoded === 'string' ? decoded : new TextDecoder().decode(decoded);
    }
    const parsed = t.parse(text);
    if (!parsed.ok) throw new DecodeFailure(parsed.error, reportSpan(n));
    return parsed.value;
  }

  private versioned(n: YNode, t: Extract<GoType, { kind: 'versioned' }>, current: unknown): Step {
    const before = this.typeErrors.length;
    const common = this.unmarshal(n, t.common, zeroValue(t.common));
    if (this.typeErrors.length > before || common instanceof Rejected) return new Rejected(current);
    const value = common as Record<string, unknown>;
    const optionsType = t.select(value);
    if (optionsType) {
      const opts = this.unmarshal(n, optionsType, zeroValue(optionsType));
      if (this.typeErrors.length > before) return new Rejected(current);
      value.$options = valueOf(opts);
      value.$optionsType = optionsType;
    }
    return value;
  }

  private scalar(n: YNode, t: GoType, current: unknown, resolved?: ReturnType<typeof resolveScalar>): Step {
    const r = resolved ?? resolveScalar(n);
    if ('error' in r) throw new DecodeFailure(r.error, reportSpan(n));
    let tag = r.tag;
    let value: unknown = r.value;
    // butane's yaml.v3 gives a plain `<<` the merge tag wherever it stands (see DecodeOptions)
    if (this.explicitFirst && tag === '!!str' && !isIndicatedString(n) && shortTag(n) === '' && scalarText(n) === '<<') tag = '!!merge';
    if (tag === '!!binary') {
      const decoded = decodeBase64(scalarText(n));
      if (decoded === undefined) throw new DecodeFailure('yaml: !!binary value contains invalid base64 data', reportSpan(n));
      value = decoded;
      tag = '!!binary';
    }
    if (tag === '!!null') return this.nullInto(t, current);
    switch (t.kind) {
      case 'string':
        return tag === '!!binary' ? value : scalarText(n);
      case 'int':
        if (tag === '!!int' && (typeof value === 'number' || typeof value === 'bigint')) {
          if ('big' in r && r.big) break;
          return value;
        }
        if (tag === '!!float' && typeof value === 'number') {
          if (!(value <= MAX_INT64)) break;
          return exactInt(Math.trunc(value));
        }
        break;
      case 'uint':
        if (tag === '!!int' && (typeof value === 'number' || typeof value === 'bigint') && value >= 0) {
          return value;
        }
        if (tag === '!!float' && typeof value === 'number' && value <= MAX_UINT64) {
          return floatToUint64(value);
        }
        break;
      case 'bool':
        if (tag === '!!bool') return value;
        if (typeof value === 'string' && (tag === '!!str' || 'unresolved' in r)) {
          if (TRUE_WORDS.has(value)) return true;
          if (FALSE_WORDS.has(value)) return false;
        }
        break;
      default:
        break;
    }
    this.terror(n, isIndicatedString(n) ? '!!str' : tag, t);
    return new Rejected(current);
  }

  private checkDuplicates(n: YAMLMap): boolean {
    const items = n.items as Pair<YNode, YNode>[];
    // most mappings are small: comparing every pair costs less than building sets
    if (items.length <= 8 && !hasDuplicateKey(items)) return true;
    // scalar keys (nearly all) by their text; other kinds apart, by kind and text
    const scalars = new Set<string>();
    let others: Set<string> | null = null;
    let dup = false;
    for (let i = 0; i < items.length; i++) {
      const k = items[i].key;
      if (!k) continue;
      const seen = isScalar(k) ? scalars : (others ??= new Set<string>());
      const id = isScalar(k) ? scalarText(k) : keyKind(k) + '\0' + keyText(k);
      if (seen.has(id)) dup = true;
      else seen.add(id);
    }
    if (!dup) return true;
    // ct compares every pair (i < j) in order and reports each equal one
    for (let i = 0; i < items.length; i++) {
      const ki = items[i].key;
      if (!ki) continue;
      for (let j = i + 1; j < items.length; j++) {
        const kj = items[j].key;
        if (kj && sameKey(ki, kj)) {
          this.typeErrors.push({
            message: `line ${this.line(kj)}: mapping key ${goQuote(keyText(kj))} already defined at line ${this.line(ki)}`,
            span: reportSpan(kj),
          });
        }
      }
    }
    return false;
  }

  private mapping(n: YAMLMap, t: GoType, current: unknown): Step {
    if (!this.checkDuplicates(n)) return new Rejected(current);
    if (t.kind !== 'struct') {
      this.terror(n, '!!map', t);
      return new Rejected(current);
    }
    const obj = (current && typeof current === 'object' ? current : zeroValue(t)) as Record<string, unknown>;
    if (this.explicitFirst) return this.mappingExplicitFirst(n, t, obj);
    const keys = keyMap(t);
    const pairs = n.items as Pair<YNode, YNode>[];
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i];
      const k = pair.key;
      const v = pair.value;
      if (k && isMergeKey(k)) {
        this.merge(v, t, obj);
        continue;
      }
      if (!k) continue;
      const name = this.keyName(k);
      if (name === null) continue;
      const field = keys.get(name);
      if (!field) continue;
      if (!v) {
        // `key:` with nothing after it is a null value
        obj[field.name] = valueOf(this.nullInto(field.type, obj[field.name]));
        continue;
      }
      obj[field.name] = valueOf(this.unmarshal(v, field.type, obj[field.name]));
    }
    return obj;
  }

  /** yaml.v3 v3.0.1's mappingStruct: own keys first (skipping keys a merge already set), then `<<`. */
  private mappingExplicitFirst(n: YAMLMap, t: StructType, obj: Record<string, unknown>): Step {
    const keys = keyMap(t);
    const pairs = n.items as Pair<YNode, YNode>[];
    const merged = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: YNode | null | undefined;
    for (let i = 0; i < pairs.length; i++) {
      const { key: k, value: v } = pairs[i];
      if (k && isMergeKey(k)) {
        mergeNode = v ?? null;
        continue;
      }
      if (!k) continue;
      const name = this.keyName(k);
      if (name === null) continue;
      if (merged) {
        if (merged.has(name)) continue;
        merged.add(name);
      }
      const field = keys.get(name);
      if (!field) continue;
      obj[field.name] = v ? valueOf(this.unmarshal(v, field.type, obj[field.name])) : valueOf(this.nullInto(field.type, obj[field.name]));
    }
    this.mergedFields = merged;
    if (mergeNode !== undefined) {
      const outer = this.mergedFields;
      if (!outer) {
        const set = new Set<string>();
        for (const p of pairs) {
          if (!p.key) continue;
          const name = this.keyName(p.key);
          if (name !== null) set.add(name);
        }
        this.mergedFields = set;
      }
      const fail = () => {
        throw new DecodeFailure('yaml: map merge requires map or sequence of maps as the value', reportSpan(mergeNode));
      };
      const m = mergeNode;
      if (!m) fail();
      else if (isMap(m)) this.unmarshal(m, t, obj);
      else if (isAlias(m)) {
        const target = this.doc ? (m.resolve(this.doc) as YNode | undefined) : undefined;
        if (target && !isMap(target)) fail();
        this.unmarshal(m, t, obj);
      } else if (isSeq(m)) {
        for (const it of (m as YAMLSeq).items as YNode[]) {
          if (isAlias(it)) {
            const target = this.doc ? (it.resolve(this.doc) as YNode | undefined) : undefined;
            if (target && !isMap(target)) fail();
          } else if (!isMap(it)) fail();
          this.unmarshal(it, t, obj);
        }
      } else fail();
      this.mergedFields = outer;
    }
    return obj;
  }

  private merge(v: YNode | null, t: GoType, obj: Record<string, unknown>): void {
    const fail = () => {
      throw new DecodeFailure('yaml: map merge requires map or sequence of maps as the value', reportSpan(v));
    };
    if (!v) return fail();
    if (isMap(v)) {
      this.unmarshal(v, t, obj);
    } else if (isAlias(v)) {
      const target = this.doc ? (v.resolve(this.doc) as YNode | undefined) : undefined;
      if (target && !isMap(target)) fail();
      this.unmarshal(v, t, obj);
    } else if (isSeq(v)) {
      const items = (v as YAMLSeq).items as YNode[];
      for (let i = items.length - 1; i >= 0; i--) {
        const it = items[i];
        if (isAlias(it)) {
          const target = this.doc ? (it.resolve(this.doc) as YNode | undefined) : undefined;
          if (target && !isMap(target)) fail();
        } else if (!isMap(it)) fail();
        this.unmarshal(it, t, obj);
      }
    } else fail();
  }

  /**
   * A mapping key decoded into a Go string, or null when it leaves no key (a null scalar).
   * Untagged scalars take a short way (the common case, once per key): their text, unless they
   * read as null; it skips only bookkeeping that cannot matter while no alias was expanded.
   */
  private keyName(k: YNode): string | null {
    if (this.aliasCount === 0 && isScalar(k) && !(k as { tag?: string }).tag) {
      this.decodeCount++;
      const text = scalarText(k);
      return !isIndicatedString(k) && isPlainNull(text) ? null : text;
    }
    const step = this.unmarshal(k, KEY_TYPE, '');
    return step instanceof Rejected ? null : (step as string);
  }

  private sequence(n: YAMLSeq, t: GoType, current: unknown): Step {
    if (t.kind !== 'slice') {
      this.terror(n, '!!seq', t);
      return new Rejected(current);
    }
    const out: unknown[] = [];
    const items = n.items as (YNode | null)[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item) continue;
      const step = this.unmarshal(item, t.elem, zeroValue(t.elem));
      if (!(step instanceof Rejected)) out.push(step);
    }
    return out;
  }
}

const KEY_TYPE: GoType = { kind: 'string' };
const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** A scalar that yaml.v3 reads as null (plain empty, ~, null) or an explicit !!null. */
export function isNullNode(n: YNode): boolean {
  if (!isScalar(n)) return false;
  const tag = shortTag(n);
  if (tag === '!!null') return true;
  if (tag !== '' || isIndicatedString(n)) return false;
  const r = resolveScalar(n);
  return !('error' in r) && r.tag === '!!null';
}

export function isMergeKey(k: YNode): boolean {
  if (!isScalar(k) || scalarText(k) !== '<<') return false;
  if (isIndicatedString(k)) return false;
  const tag = shortTag(k);
  return tag === '' || tag === '!!merge';
}

/** The text ct compares keys by (yaml.v3 Node.Value). */
export function keyText(k: YNode): string {
  if (isScalar(k)) return scalarText(k);
  if (isAlias(k)) return String(k.source);
  return '';
}

function keyKind(k: YNode): string {
  if (isScalar(k)) return 's';
  if (isMap(k)) return 'm';
  if (isSeq(k)) return 'q';
  if (isAlias(k)) return 'a';
  return '?';
}

function hasDuplicateKey(items: Pair<YNode, YNode>[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const ki = items[i].key;
    if (!ki) continue;
    for (let j = i + 1; j < items.length; j++) {
      const kj = items[j].key;
      if (kj && sameKey(ki, kj)) return true;
    }
  }
  return false;
}

function sameKey(a: YNode, b: YNode): boolean {
  return keyKind(a) === keyKind(b) && keyText(a) === keyText(b);
}


function allowedAliasRatio(decodeCount: number): number {
  const low = 400000;
  const high = 4000000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

/**
 * !!binary data. Go keeps the raw bytes in a string; JS strings cannot, so valid UTF-8 becomes
 * text and anything else stays bytes (the file contents converter embeds bytes as they are).
 */
function decodeBase64(s: string): string | Uint8Array | undefined {
  // Go's base64 decoder skips line breaks only
  const clean = s.replace(/[\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(clean, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new Uint8Array(bytes);
  }
}

export { isPair, isDocument };
