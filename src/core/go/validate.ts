// ct's validation walk: visit a typed value alongside the YAML node it came from, call the
// type's Validate()/Validate<Field>() methods, stop descending into a value whose own check
// failed, give position-less problems the position of the nearest node, and (for the config
// itself) report keys that no field claims.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Report } from '../report.ts';
import type { Span } from '../report.ts';
import { nodeSpan } from '../yaml/parse.ts';
import { keyText } from './decode.ts';
import { flatFields, typeName } from './types.ts';
import type { GoField, GoType, MethodTable, StructType } from './types.ts';

export interface WalkOptions {
  methods: MethodTable;
  /** which key names the YAML tree is matched with: the config's own keys, or Ignition's camelCase */
  keys: 'yaml' | 'json';
  /** report keys no field claims (ct does this for the config, not for the generated Ignition) */
  checkUnusedKeys: boolean;
  /** maps an Ignition slice to the YAML sequence index its items came from (see convert) */
  sliceIndex?: (value: unknown[], index: number) => number;
  /** per-mapping key replacements (ct rewires parts of the tree during conversion) */
  keyOverrides?: Map<YNode, Map<string, YNode>>;
}

export function validateTree(value: unknown, t: GoType, node: YNode | null, opts: WalkOptions): Report {
  return walk(value, t, node, opts);
}

function walk(value: unknown, t: GoType, node: YNode | null, opts: WalkOptions): Report {
  const r = new Report();
  if (value === undefined) return r;
  const span = nodeSpan(node);

  if (t.kind === 'ptr') {
    if (value === null) return r;
    const sub = walk(value, t.elem, node, opts);
    sub.addPosition(span);
    r.merge(sub);
    return r;
  }

  const name = typeName(t);
  const own = name ? opts.methods[name]?.validate : undefined;
  if (own && value !== null) {
    const sub = new Report();
    sub.merge(own(value));
    sub.addPosition(span);
    r.merge(sub);
    if (sub.isFatal) return r;
  }

  switch (t.kind) {
    case 'struct': {
      const sub = walkStruct(value as Record<string, unknown>, t.name, flatFields(t), node, opts);
      sub.addPosition(span);
      r.merge(sub);
      break;
    }
    case 'versioned': {
      if (value === null) break;
      const v = value as Record<string, unknown>;
      const fields: GoField[] = [...flatFields(t.common)];
      const optType = v.$optionsType as StructType | undefined;
      const merged: Record<string, unknown> = { ...v };
      if (optType) {
        fields.push(...flatFields(optType));
        Object.assign(merged, v.$options as object);
      }
      const sub = walkStruct(merged, t.name, fields, node, opts);
      sub.addPosition(span);
      r.merge(sub);
      break;
    }
    case 'slice': {
      if (!Array.isArray(value)) break;
      for (let i = 0; i < value.length; i++) {
        let child: YNode | null = node;
        if (node && isSeq(node)) {
          const idx = opts.sliceIndex ? opts.sliceIndex(value, i) : i;
          const items = (node as YAMLSeq).items as YNode[];
          if (idx >= 0 && idx < items.length) child = items[idx] ?? node;
        }
        const sub = walk(value[i], t.elem, child, opts);
        sub.addPosition(span);
        r.merge(sub);
      }
      break;
    }
    default:
      break;
  }
  return r;
}

/** snake_case config keys compared with Ignition's camelCase field names */
function ignKeyName(k: string): string {
  const words = k.split('_');
  for (let i = 1; i < words.length; i++) words[i] = words[i].replace(/(^|\s)(\S)/g, (_m, a: string, b: string) => a + b.toUpperCase());
  return words.join('');
}

function walkStruct(v: Record<string, unknown>, tname: string, fields: GoField[], node: YNode | null, opts: WalkOptions): Report {
  const r = new Report();
  const fromObject = !!node && isMap(node);
  const keys = new Map<string, { key: YNode | null; value: YNode | null }>();
  if (fromObject) {
    for (const p of (node as YAMLMap).items as Pair<YNode, YNode>[]) {
      const k = p.key ? keyText(p.key) : '';
      const name = opts.keys === 'json' ? ignKeyName(k) : k;
      keys.set(name, { key: p.key ?? null, value: p.value ?? null });
    }
    const extra = opts.keyOverrides?.get(node as YNode);
    if (extra) for (const [k, v] of extra) keys.set(k, { key: keys.get(k)?.key ?? null, value: v });
  }
  const used = new Set<string>();
  const tags: string[] = [];
  const structSpan = nodeSpan(node);
  const methods = opts.methods[tname]?.fields;

  for (const f of fields) {
    let sub: YNode | null = null;
    if (fromObject) {
      tags.push(f.key);
      used.add(f.key);
      const hit = keys.get(f.key);
      if (hit) sub = hit.value ?? hit.key;
    }
    let span: Span | undefined = structSpan;
    const m = methods?.[f.name];
    if (m) {
      if (sub) span = nodeSpan(sub) ?? span;
      const res = new Report();
      res.merge(m(v));
      res.addPosition(span);
      r.merge(res);
    }
    const res = walk(v[f.name], f.type, sub, opts);
    res.addPosition(span);
    r.merge(res);
  }

  if (!fromObject || !opts.checkUnusedKeys) return r;
  for (const [k, kv] of keys) {
    if (used.has(k)) continue;
    const kspan = nodeSpan(kv.key) ?? structSpan;
    const typo = tags.find((c) => c.toLowerCase() === k.toLowerCase());
    r.add('warning', `Config has unrecognized key: ${k}`, kspan, 'unknown-key', { key: k, known: tags });
    if (typo) r.add('info', `Did you mean ${typo} instead of ${k}`, kspan, 'unknown-key-typo', { key: k, replacement: typo });
  }
  return r;
}

export { isScalar };
