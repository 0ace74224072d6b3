// Completion at an offset: keys valid at the cursor (required first, present ones left out),
// values (enums, booleans, modes, filesystem names, etcd/flannel versions), dynamic-data
// fields inside etcd/flannel values, and snippets from the schema's defaultSnippets.
// Works on block and flow style, and on broken YAML (see context.ts).

import type { Span } from '../report.ts';
import { platformById, platforms } from '../platforms.ts';
import { contextAt } from './context.ts';
import type { CursorContext } from './context.ts';
import type { ClcDocument } from './document.ts';
import { allKeys } from './scan.ts';
import {
  enumValues,
  isArray,
  isObject,
  optionRow,
  optionTableOf,
  optionVersionFor,
  optionsForVersion,
  propertiesOf,
  resolve,
  schemaAt,
  rootSchema,
  typeLabel,
  types,
  unquote,
} from './schema.ts';
import type { JsonSchema, PathSeg, Snippet } from './schema.ts';
import { modeString, octal } from './hints.ts';
import { completeInUnit } from '../units/completion.ts';

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'field' | 'reference' | 'keyword';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** markdown */
  documentation?: string;
  insertText: string;
  /** insertText uses snippet syntax ($1, ${1:x}, $0) */
  snippet: boolean;
  replace: Span;
  sortText: string;
  filterText?: string;
  deprecated?: boolean;
  /** open completion again after inserting (a key whose value has choices) */
  retrigger?: boolean;
}

export interface CompletionOptions {
  /** clc.platform: which dynamic-data fields to offer */
  platform?: string;
  /** the schema of the document's format (default: the Container Linux Config schema) */
  schema?: JsonSchema;
}

export function complete(doc: ClcDocument, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  // inside the text of a unit, drop-in or networkd file: that file's own language
  const inUnit = completeInUnit(doc, offset);
  if (inUnit) return inUnit;
  const ctx = contextAt(doc.scan, offset);
  if (!ctx) return [];
  const root = options.schema ?? rootSchema;
  switch (ctx.kind) {
    case 'key':
      return completeKeys(ctx, root);
    case 'value': {
      const out = completeValue(doc, ctx, options, root);
      // `key:|` — a value needs its space
      if (ctx.spaceBefore) for (const e of out) e.insertText = ' ' + e.insertText;
      return out;
    }
    case 'item':
      return completeItem(ctx, root);
  }
}

// --- keys ---------------------------------------------------------------------------------------

interface KeyChoice {
  key: string;
  schema: JsonSchema;
  required: boolean;
  order: number;
}

/** The keys a mapping at `path` accepts; etcd/flannel ones follow the declared version. */
export function keysFor(path: PathSeg[], present: Map<string, string | undefined>, root: JsonSchema = rootSchema): KeyChoice[] | null {
  const s = schemaAt(path, root);
  if (!isObject(s)) return null;
  const required = new Set(s!.required ?? []);
  const opt = optionTableOf(s);
  const props = propertiesOf(s);
  if (!opt) return props.map(([key, schema], i) => ({ key, schema, required: required.has(key), order: suggestOrder(s!, key, i) }));
  const version = optionVersionFor(opt.table, present.get('version'));
  const common = props.filter(([, p]) => !p['x-clc-options-table']);
  const options = optionsForVersion(opt.table, version);
  const byKey = new Map(props);
  return [
    ...common.map(([key, schema], order) => ({ key, schema, required: false, order })),
    ...options.map((o, i) => ({ key: o.key, schema: byKey.get(o.key) ?? { type: o.type === 'int' ? 'integer' : o.type === 'bool' ? 'boolean' : 'string', description: o.description }, required: false, order: common.length + i })),
  ];
}

/** Where a key goes in the list: the schema's `x-clc-suggest-order` (most useful first), else its place among the properties. */
function suggestOrder(s: JsonSchema, key: string, index: number): number {
  const order = s['x-clc-suggest-order'];
  if (!order) return index;
  const at = order.indexOf(key);
  return at >= 0 ? at : order.length + index;
}

function completeKeys(ctx: CursorContext, root: JsonSchema): CompletionEntry[] {
  const choices = keysFor(ctx.path, ctx.present, root);
  if (!choices) return [];
  const out: CompletionEntry[] = [];
  // `dash` leads every insertion: `- ` to open the first item, or the spaces that carry a key
  // from a sequence's dash column over to the keys of the item above
  const dash = ctx.needsDash ? '- ' : ctx.indentBy ? ' '.repeat(ctx.indentBy) : '';
  const col = ctx.needsDash ? ctx.column + dash.length : ctx.column;
  for (const c of choices) {
    if (ctx.present.has(c.key)) continue;
    const s = resolve(c.schema)!;
    const deprecated = !!c.schema.deprecationMessage;
    const ins = keyInsert(c.key, s, ctx, col);
    out.push({
      label: c.key,
      kind: 'property',
      detail: (c.required ? 'required · ' : '') + typeLabel(s),
      documentation: keyDoc(c.key, c.schema),
      insertText: dash + ins.text,
      snippet: ins.snippet,
      replace: ctx.replace,
      sortText: `${deprecated ? '3' : c.required ? '0' : '1'}_${String(c.order).padStart(3, '0')}`,
      // a deprecated key must not win over its replacement on an exact match (`enable` vs `enabled`)
      filterText: deprecated ? `${c.key} (deprecated)` : dash ? c.key : undefined,
      deprecated: deprecated || undefined,
      retrigger: ins.retrigger || undefined,
    });
  }
  if (ctx.style === 'block' && !ctx.hasColon) {
    // a key snippet with the same text as a snippet of the mapping itself is the same suggestion twice
    const own = snippetsFor(ctx, col, dash, root);
    const texts = new Set(own.map((e) => e.insertText));
    out.push(...own, ...keySnippets(ctx, choices, col, dash).filter((e) => !texts.has(e.insertText)));
    if (ctx.newItemPath && !ctx.prefix) out.push(newItem(ctx, ctx.newItemPath));
  }
  return out;
}

/** At a sequence's dash column: the one explicit way to start another entry, listed last. */
function newItem(ctx: CursorContext, seqPath: PathSeg[]): CompletionEntry {
  const name = [...seqPath].reverse().find((p) => typeof p === 'string') ?? 'list';
  return {
    label: `- (new ${name} entry)`,
    kind: 'snippet',
    detail: `starts another item of ${name}`,
    documentation: `Inserts \`- \` to start a new entry of \`${name}\`. The other suggestions here add keys to the entry above.`,
    insertText: '- $0',
    snippet: true,
    replace: ctx.replace,
    sortText: '9_new_entry',
    filterText: '-',
    retrigger: true,
  };
}

/** A key together with a ready-made value: `flannel:` with a whole flannel section, `units:` with a unit. */
function keySnippets(ctx: CursorContext, choices: KeyChoice[], col: number, dash: string): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const c of choices) {
    if (ctx.present.has(c.key)) continue;
    const s = resolve(c.schema)!;
    const list = isArray(s);
    const target = list ? resolve(s.items) : s;
    (target?.defaultSnippets ?? []).forEach((sn: Snippet, i) => {
      if (!sn.body || typeof sn.body !== 'object' || Array.isArray(sn.body)) return;
      const body = sn.body as Record<string, unknown>;
      const pad = ' '.repeat(col + 2);
      const inner = list ? `${pad}- ${renderMapping(body, col + 4).join('\n')}` : pad + renderMapping(body, col + 2).join('\n');
      out.push({
        // each snippet its own label: several share a key (`units` with contents, with a drop-in, masked)
        label: `${c.key}: ${sn.label}`,
        kind: 'snippet',
        detail: sn.label,
        documentation: sn.description,
        insertText: `${dash}${snippetEscape(c.key)}:\n${inner}`,
        snippet: true,
        replace: ctx.replace,
        sortText: `2_${String(c.order).padStart(3, '0')}_${i}`,
        filterText: c.key,
      });
    });
  }
  return out;
}

function keyInsert(key: string, s: JsonSchema, ctx: CursorContext, col: number): { text: string; snippet: boolean; retrigger: boolean } {
  const k = snippetEscape(key);
  if (ctx.hasColon) return { text: key, snippet: false, retrigger: false };
  const choices = hasValueChoices(key, s);
  if (ctx.style === 'flow') {
    if (isArray(s)) return { text: `${k}: [$0]`, snippet: true, retrigger: false };
    if (isObject(s)) return { text: `${k}: {$0}`, snippet: true, retrigger: false };
    return { text: `${key}: `, snippet: false, retrigger: choices };
  }
  const pad = ' '.repeat(col + 2);
  // unit and file texts span lines: open a literal block so the text keeps its line breaks
  if (MULTILINE_TEXT_KEYS.has(key) && types(s).includes('string')) return { text: `${k}: |\n${pad}$0`, snippet: true, retrigger: false };
  if (isArray(s)) return { text: `${k}:\n${pad}- $0`, snippet: true, retrigger: isObject(resolve(s.items)) };
  if (isObject(s)) return { text: `${k}:\n${pad}$0`, snippet: true, retrigger: true };
  return { text: `${key}: `, snippet: false, retrigger: choices };
}

/** String keys whose value is the text of a file (units, drop-ins, networkd units, inline file contents). */
const MULTILINE_TEXT_KEYS = new Set(['contents', 'inline']);

function hasValueChoices(key: string, s: JsonSchema): boolean {
  return enumValues(s).length > 0 || types(s).includes('boolean') || !!s.examples?.length || key === 'mode' || key === 'filesystem';
}

function keyDoc(key: string, s: JsonSchema): string {
  const r = resolve(s)!;
  const parts = [r.markdownDescription ?? r.description ?? ''];
  const facts: string[] = [`Type: ${typeLabel(r)}`];
  if (r.default !== undefined) facts.push(`Default: \`${key === 'mode' && typeof r.default === 'number' ? octal(r.default) : JSON.stringify(r.default)}\``);
  parts.push(facts.join(' · '));
  if (s.deprecationMessage) parts.push(`**Deprecated:** ${s.deprecationMessage}`);
  return parts.filter(Boolean).join('\n\n');
}

// --- snippets -----------------------------------------------------------------------------------

function snippetsFor(ctx: CursorContext, col: number, dash: string, root: JsonSchema): CompletionEntry[] {
  const s = schemaAt(ctx.path, root);
  const out: CompletionEntry[] = [];
  (s?.defaultSnippets ?? []).forEach((sn: Snippet, i) => {
    if (!sn.body || typeof sn.body !== 'object' || Array.isArray(sn.body)) return;
    const keys = Object.keys(sn.body as object);
    if (keys.some((k) => ctx.present.has(k))) return;
    out.push({
      label: sn.label,
      kind: 'snippet',
      detail: 'snippet',
      documentation: sn.description,
      insertText: dash + renderMapping(sn.body as Record<string, unknown>, col).join('\n'),
      snippet: true,
      replace: ctx.replace,
      sortText: `2_${String(i).padStart(3, '0')}`,
      filterText: ctx.prefix || sn.label,
    });
  });
  return out;
}

/** Renders a snippet body as block YAML whose first line starts at the cursor (column `col`). */
export function renderMapping(body: Record<string, unknown>, col: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(col);
  let first = true;
  for (const [k, v] of Object.entries(body)) {
    const lead = first ? '' : pad;
    first = false;
    lines.push(...renderEntry(lead, k, v, col));
  }
  return lines;
}

function renderEntry(lead: string, key: string, v: unknown, col: number): string[] {
  const k = snippetEscape(key);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const inner = renderMapping(v as Record<string, unknown>, col + 2);
    return [`${lead}${k}:`, ' '.repeat(col + 2) + inner[0], ...inner.slice(1)];
  }
  if (Array.isArray(v)) {
    const out = [`${lead}${k}:`];
    const ipad = ' '.repeat(col + 2);
    for (const it of v) {
      if (it && typeof it === 'object' && !Array.isArray(it)) {
        const inner = renderMapping(it as Record<string, unknown>, col + 4);
        out.push(`${ipad}- ${inner[0]}`, ...inner.slice(1));
      } else out.push(`${ipad}- ${renderScalar(key, it)}`);
    }
    return out;
  }
  if (typeof v === 'string' && v.includes('\n')) {
    const body = v.endsWith('\n') ? v.slice(0, -1) : v;
    const ipad = ' '.repeat(col + 2);
    return [`${lead}${k}: ${v.endsWith('\n') ? '|' : '|-'}`, ...body.split('\n').map((l) => (l ? ipad + l : ''))];
  }
  return [`${lead}${k}: ${renderScalar(key, v)}`];
}

function renderScalar(key: string, v: unknown): string {
  if (typeof v === 'string') {
    if (v.startsWith('^')) {
      const raw = v.slice(1);
      if (key === 'mode') return raw.replace(/^\$\{(\d+):(\d+)\}$/, (_m, n: string, d: string) => `\${${n}:${octal(Number(d))}}`);
      return raw;
    }
    const shown = v.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\(.)/g, '$1');
    return needsQuotes(shown) ? `"${v}"` : v;
  }
  if (typeof v === 'number') return key === 'mode' ? octal(v) : String(v);
  return String(v);
}

/** Whether a plain scalar would not read back as this string. */
export function needsQuotes(s: string, flow = false): boolean {
  if (s === '') return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^-[^\s-]/.test(s)) return true;
  if (/: |\s#|:$/.test(s)) return true;
  if (flow && /[,[\]{}]/.test(s)) return true;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(s)) return true;
  if (/^[-+]?(\.?[0-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?$/.test(s) || /^0[xob]/i.test(s) || /^[-+]?\.(inf|nan)$/i.test(s)) return true;
  return false;
}

function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

// --- values -------------------------------------------------------------------------------------

interface ValueChoice {
  label: string;
  insert?: string;
  detail?: string;
  documentation?: string;
  kind: CompletionKind;
}

const COMMON_MODES = [0o644, 0o755, 0o600, 0o640, 0o700, 0o750, 0o444, 0o400, 0o775, 0o664];

function completeValue(doc: ClcDocument, ctx: CursorContext, options: CompletionOptions, root: JsonSchema): CompletionEntry[] {
  const key = ctx.key!;
  const parent = schemaAt(ctx.path, root);
  const s = schemaAt([...ctx.path, key], root);
  const opt = optionTableOf(parent);
  const out: CompletionEntry[] = [];

  // dynamic data inside etcd/flannel option values
  if (opt && key !== 'version' && key !== 'network_config' && optionRow(opt.table, key)) {
    out.push(...dynamicFields(ctx, options, opt.name));
    if (ctx.braceValue) return out;
  }
  if (ctx.braceValue) return out;

  const choices: ValueChoice[] = [];
  const inFileLike = ctx.path.length === 3 && ctx.path[0] === 'storage' && ['files', 'directories', 'links'].includes(String(ctx.path[1]));
  if (key === 'filesystem' && inFileLike) {
    const names = new Set<string>(['root']);
    for (const k of allKeys(doc.scan)) {
      if (k.key === 'name' && k.path.length === 3 && k.path[0] === 'storage' && k.path[1] === 'filesystems' && k.value) names.add(unquote(k.value));
    }
    for (const n of names) choices.push({ label: n, insert: valueText(n, ctx), kind: 'reference', detail: n === 'root' ? 'the root filesystem' : 'filesystem declared in storage.filesystems' });
  } else if (key === 'mode' && (inFileLike || ctx.path[1] === 'directories')) {
    const def = typeof s?.default === 'number' ? s.default : undefined;
    const modes = def !== undefined ? [def, ...COMMON_MODES.filter((m) => m !== def)] : COMMON_MODES;
    for (const m of modes) choices.push({ label: octal(m), kind: 'value', detail: modeString(m) + (m === def ? ' (default)' : '') });
  } else if (s) {
    const seen = new Set<string>();
    for (const v of enumValues(s)) {
      if (v === '' && enumValues(s).length > 1) continue;
      if (seen.has(String(v))) continue;
      seen.add(String(v));
      choices.push({ label: String(v), insert: valueText(v, ctx), kind: 'enum' });
    }
    if (types(s).includes('boolean')) {
      for (const b of ['true', 'false']) choices.push({ label: b, kind: 'keyword', detail: s.default === (b === 'true') ? 'default' : undefined });
    }
    if (!choices.length && s.examples) {
      for (const ex of s.examples) if (typeof ex === 'string' || typeof ex === 'number') choices.push({ label: String(ex), insert: valueText(ex, ctx), kind: 'value', detail: 'example' });
    }
    if (key === 'version' && opt) {
      for (const v of [...opt.table.versions].reverse()) {
        const label = `${v}.0`;
        if (!choices.some((c) => c.label === label)) choices.push({ label, kind: 'value', detail: `${opt.name} ${v} option set` });
      }
    }
  }
  choices.forEach((c, i) =>
    out.push({
      label: c.label,
      kind: c.kind,
      detail: c.detail,
      documentation: c.documentation,
      insertText: c.insert ?? c.label,
      snippet: false,
      replace: ctx.replace,
      sortText: `1_${String(i).padStart(3, '0')}`,
    }),
  );
  return out;
}

/** A value as it should be typed at the cursor (quoted when a plain scalar would change it). */
function valueText(v: unknown, ctx: CursorContext): string {
  const s = String(v);
  if (ctx.quote) return s;
  if (typeof v === 'number' || typeof v === 'boolean') return s;
  return needsQuotes(s, ctx.style === 'flow') ? JSON.stringify(s) : s;
}

function dynamicFields(ctx: CursorContext, options: CompletionOptions, section: string): CompletionEntry[] {
  const chosen = options.platform ? platformById(options.platform) : undefined;
  const fields = chosen ? Object.keys(chosen.fields) : [...new Set(platforms.flatMap((p) => Object.keys(p.fields)))];
  const prefix = ctx.prefix;
  const open = prefix.lastIndexOf('{');
  const typingField = open >= 0 && open > prefix.lastIndexOf('}');
  let replace: Span;
  let wrap: (f: string) => string;
  if (ctx.braceValue) {
    replace = ctx.replace;
    wrap = (f) => `"{${f}}"`;
  } else if (typingField) {
    const start = ctx.replace.start + open;
    replace = { start, end: ctx.replace.start + prefix.length };
    const valueStartsHere = open === 0 && !ctx.quote;
    wrap = (f) => (valueStartsHere ? `"{${f}}"` : `{${f}}`);
  } else {
    const at = ctx.replace.start + prefix.length;
    replace = { start: at, end: at };
    const empty = prefix === '' && !ctx.quote;
    wrap = (f) => (empty ? `"{${f}}"` : `{${f}}`);
  }
  return fields.map((f, i) => {
    const rows = platforms.filter((p) => p.fields[f]).map((p) => `| ${p.id} | \`\${${p.fields[f]}}\` |`);
    const doc = [
      `Dynamic data: ct replaces \`{${f}}\` with the variable coreos-metadata sets on the chosen platform, and makes the ${section} unit wait for \`coreos-metadata.service\`.`,
      '',
      '| platform | becomes |',
      '|---|---|',
      ...rows,
    ];
    if (!options.platform) doc.push('', 'No `clc.platform` is set: ct refuses templating without `--platform`.');
    return {
      label: `{${f}}`,
      kind: 'field' as const,
      detail: chosen ? `\${${chosen.fields[f]}} on ${chosen.id}` : 'dynamic data (needs a platform)',
      documentation: doc.join('\n'),
      insertText: wrap(f),
      snippet: false,
      replace,
      sortText: `0_${String(i).padStart(3, '0')}`,
      filterText: typingField || ctx.braceValue ? `{${f}}` : undefined,
    };
  });
}

// --- sequence items -------------------------------------------------------------------------------

function completeItem(ctx: CursorContext, root: JsonSchema): CompletionEntry[] {
  const item = schemaAt([...ctx.path, 0], root);
  if (!item) return [];
  const dash = ctx.needsDash ? '- ' : '';
  return enumValues(item).map((v, i) => ({
    label: String(v),
    kind: 'enum' as const,
    insertText: dash + valueText(v, ctx),
    snippet: false,
    replace: ctx.replace,
    sortText: `1_${String(i).padStart(3, '0')}`,
  }));
}
