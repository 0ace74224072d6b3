// ct's validation walk: visit a typed value alongside the YAML node it came from, call the
// type's Validate()/Validate<Field>() methods, stop descending into a value whose own check
// failed, give position-less problems the position of the nearest node, and (for the config
// itself) report keys that no field claims.
//
// ct fills in missing positions on the way back up (each level stamps its node's position on
// entries that have none), which amounts to "the innermost node that exists". The walk passes
// that node down instead, so no intermediate report is built per value.

import { isMap, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Report } from '../report.ts';
import type { Diagnostic } from '../report.ts';
import { reportSpan } from '../yaml/parse.ts';
import { keyText } from './decode.ts';
import { flatFields, typeName } from './types.ts';
import type { GoField, GoType, MethodTable, StructType, Validator } from './types.ts';

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
  /** place problems that name a `path` at that node (the editor's exact ranges; ct does not) */
  resolvePaths?: boolean;
}

export function validateTree(value: unknown, t: GoType, node: YNode | null, opts: WalkOptions): Report {
  const r = new Report();
  new Walker(opts, r.entries).walk(value, t, node, null);
  return r;
}

const keySets = new WeakMap<GoField[], Set<string>>();
/** The keys a struct's fields claim, as a set. */
function fieldKeys(fields: GoField[]): Set<string> {
  let keys = keySets.get(fields);
  if (!keys) keySets.set(fields, (keys = new Set(fields.map((f) => f.key))));
  return keys;
}

const camelCache = new Map<string, string>();
/** snake_case config keys compared with Ignition's camelCase field names */
function ignKeyName(k: string): string {
  let c = camelCache.get(k);
  if (c === undefined) {
    const words = k.split('_');
    for (let i = 1; i < words.length; i++) words[i] = words[i].replace(/(^|\s)(\S)/g, (_m, a: string, b: string) => a + b.toUpperCase());
    c = words.join('');
    if (camelCache.size < 10000) camelCache.set(k, c);
  }
  return c;
}

/** A struct field as a walk treats it: its Validate<Field>() if any, and whether to visit its value. */
interface FieldStep {
  name: string;
  key: string;
  type: GoType;
  check: Validator | undefined;
  visit: boolean;
}

/** Per method table: which types have nothing to visit, and each struct's field steps. */
const inertTypes = new WeakMap<MethodTable, Map<GoType, boolean>>();
const fieldPlans = new WeakMap<MethodTable, WeakMap<GoField[], Map<string, FieldStep[]>>>();

class Walker {
  private readonly inertCache: Map<GoType, boolean>;
  private readonly plans: WeakMap<GoField[], Map<string, FieldStep[]>>;

  constructor(
    private readonly opts: WalkOptions,
    private readonly out: Diagnostic[],
  ) {
    let cache = inertTypes.get(opts.methods);
    if (!cache) inertTypes.set(opts.methods, (cache = new Map()));
    this.inertCache = cache;
    let plans = fieldPlans.get(opts.methods);
    if (!plans) fieldPlans.set(opts.methods, (plans = new WeakMap()));
    this.plans = plans;
  }

  /** The fields of a struct that have something to check or visit, worked out once per struct type. */
  private plan(tname: string, fields: GoField[]): FieldStep[] {
    let byName = this.plans.get(fields);
    if (!byName) this.plans.set(fields, (byName = new Map()));
    let steps = byName.get(tname);
    if (!steps) {
      const methods = this.opts.methods[tname]?.fields;
      steps = [];
      for (const f of fields) {
        const check = methods?.[f.name];
        const visit = !this.inert(f.type);
        if (check || visit) steps.push({ name: f.name, key: f.key, type: f.type, check, visit });
      }
      byName.set(tname, steps);
    }
    return steps;
  }

  /**
   * Whether walking a value of this type can do nothing: a leaf (or a pointer to one) without a
   * Validate() of its own. Most fields are such leaves; skipping them saves a call per field.
   */
  private inert(t: GoType): boolean {
    let known = this.inertCache.get(t);
    if (known === undefined) {
      let e = t;
      while (e.kind === 'ptr') e = e.elem;
      const leaf = e.kind === 'string' || e.kind === 'int' || e.kind === 'uint' || e.kind === 'bool' || e.kind === 'custom';
      const name = typeName(e);
      known = leaf && !(name && this.opts.methods[name]?.validate);
      this.inertCache.set(t, known);
    }
    return known;
  }

  /** Runs a method and stamps its entries; returns whether any of them is an error. */
  private call(m: Validator, value: unknown, at: YNode | null): boolean {
    const found = m(value);
    let fatal = false;
    for (const d of found) {
      if (!d.span && d.path && this.opts.resolvePaths) {
        const target = this.follow(at, d.path);
        if (target) d.span = reportSpan(target);
      }
      if (!d.span && at) d.span = reportSpan(at);
      if (d.severity === 'error') fatal = true;
      this.out.push(d);
    }
    return fatal;
  }

  /** The node a problem's path leads to from `from`, matching keys as this walk does. */
  private follow(from: YNode | null, path: ReadonlyArray<string | number>): YNode | null {
    let n = from;
    for (const step of path) {
      if (!n) return null;
      if (typeof step === 'number') {
        if (!isSeq(n)) return null;
        n = ((n as YAMLSeq).items[step] as YNode | undefined) ?? null;
        continue;
      }
      if (!isMap(n)) return null;
      let next: YNode | null = null;
      for (const p of (n as YAMLMap).items as Pair<YNode, YNode>[]) {
        const k = p.key ? keyText(p.key) : '';
        const name = this.opts.keys === 'json' ? ignKeyName(k) : k;
        if (name === (this.opts.keys === 'json' ? ignKeyName(step) : step)) next = p.value ?? p.key ?? null;
      }
      n = next;
    }
    return n;
  }

  /** `at` is the innermost existing node around this value, whose position problems take. */
  walk(value: unknown, t: GoType, node: YNode | null, at: YNode | null): void {
    if (value === undefined) return;
    const here = node ?? at;
    if (t.kind === 'ptr') {
      if (value !== null) this.walk(value, t.elem, node, here);
      return;
    }
    const name = typeName(t);
    const own = name && value !== null ? this.opts.methods[name]?.validate : undefined;
    if (own && this.call(own, value, here)) return;

    switch (t.kind) {
      case 'struct':
        this.struct(value as Record<string, unknown>, t.name, flatFields(t), node, here);
        break;
      case 'versioned': {
        if (value === null) break;
        const v = value as Record<string, unknown>;
        const optType = v.$optionsType as StructType | undefined;
        if (!optType) {
          this.struct(v, t.name, flatFields(t.common), node, here);
          break;
        }
        this.struct({ ...v, ...(v.$options as object) }, t.name, [...flatFields(t.common), ...flatFields(optType)], node, here);
        break;
      }
      case 'slice': {
        if (!Array.isArray(value) || this.inert(t.elem)) break;
        const items = node && isSeq(node) ? ((node as YAMLSeq).items as YNode[]) : null;
        for (let i = 0; i < value.length; i++) {
          let child: YNode | null = node;
          if (items) {
            const idx = this.opts.sliceIndex ? this.opts.sliceIndex(value, i) : i;
            if (idx >= 0 && idx < items.length) child = items[idx] ?? node;
          }
          this.walk(value[i], t.elem, child, here);
        }
        break;
      }
      default:
        break;
    }
  }

  private struct(v: Record<string, unknown>, tname: string, fields: GoField[], node: YNode | null, at: YNode | null): void {
    const opts = this.opts;
    const fromObject = !!node && isMap(node);
    // the mapping's keys as ct sees them (camelCase for the Ignition pass), later ones winning
    // like a Go map; kept as parallel arrays because mappings are small and this runs per value
    let names: string[] | null = null;
    // parallel to names: the key node and the value node of each (no object per pair)
    let keyNodes: Array<YNode | null> | null = null;
    let valueNodes: Array<YNode | null> | null = null;
    if (fromObject) {
      names = [];
      keyNodes = [];
      valueNodes = [];
      const items = (node as YAMLMap).items as Pair<YNode, YNode>[];
      const json = opts.keys === 'json';
      let count = 0;
      for (let i = 0; i < items.length; i++) {
        const p = items[i];
        const k = p.key ? keyText(p.key) : '';
        const name = json ? ignKeyName(k) : k;
        let idx = names.indexOf(name);
        if (idx < 0) names[(idx = count++)] = name;
        keyNodes[idx] = p.key ?? null;
        valueNodes[idx] = p.value ?? null;
      }
      const extra = opts.keyOverrides?.get(node as YNode);
      if (extra) {
        for (const [k, n] of extra) {
          const idx = names.indexOf(k);
          if (idx >= 0) valueNodes[idx] = n;
          else {
            names.push(k);
            keyNodes.push(null);
            valueNodes.push(n);
          }
        }
      }
    }
    const plan = this.plan(tname, fields);
    for (let i = 0; i < plan.length; i++) {
      const f = plan[i];
      let sub: YNode | null = null;
      if (names) {
        const idx = names.indexOf(f.key);
        if (idx >= 0) sub = valueNodes![idx] ?? keyNodes![idx];
      }
      if (f.check) this.call(f.check, v, sub ?? at);
      if (f.visit) this.walk(v[f.name], f.type, sub, at);
    }

    if (!names || !opts.checkUnusedKeys) return;
    const known = fieldKeys(fields);
    let tags: string[] | null = null;
    for (let i = 0; i < names.length; i++) {
      const k = names[i];
      if (known.has(k)) continue;
      tags ??= fields.map((f) => f.key);
      const kspan = reportSpan(keyNodes![i]) ?? reportSpan(at);
      const lower = k.toLowerCase();
      const typo = tags.find((c) => c.toLowerCase() === lower);
      this.out.push({ severity: 'warning', message: `Config has unrecognized key: ${k}`, span: kspan, code: 'unknown-key', data: { key: k, known: tags } });
      if (typo) this.out.push({ severity: 'info', message: `Did you mean ${typo} instead of ${k}`, span: kspan, code: 'unknown-key-typo', data: { key: k, replacement: typo } });
    }
  }
}
