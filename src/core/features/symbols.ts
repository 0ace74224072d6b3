// Document symbols: the sections of the config and, inside them, the things it declares —
// users and groups, systemd and networkd units with their drop-ins, disks with partitions, RAID
// arrays, filesystems, files, directories and links. Read from the lines (block style, works on
// broken YAML and needs no parse); a config written in flow style is read from its YAML tree.

import type { Node as YNode } from 'yaml';
import type { Span } from '../report.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from './document.ts';
import { itemsOf, keyOf, pairsOf, scalarString, valueOf } from './ast.ts';
import type { YPair } from './ast.ts';
import { blocks } from './scan.ts';
import type { Block } from './scan.ts';
import { unquote } from './schema.ts';
import type { PathSeg } from './schema.ts';
import { own } from '../own.ts';

export type SymbolKindName =
  | 'section'
  | 'user'
  | 'group'
  | 'unit'
  | 'dropin'
  | 'disk'
  | 'partition'
  | 'raid'
  | 'filesystem'
  | 'file'
  | 'directory'
  | 'link';

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** the whole entry */
  span: Span;
  /** what to highlight (the name) */
  selection: Span;
  children: SymbolEntry[];
}

/** Reads a key of an item: its value text, and where it is. */
type Lookup = (key: string) => { text: string; span: Span } | undefined;

interface ListSpec {
  kind: SymbolKindName;
  /** keys naming an item, first present wins */
  nameKeys: string[];
  detail?: (get: Lookup) => string | undefined;
  children?: Record<string, ListSpec>;
}

const text = (get: Lookup, k: string) => get(k)?.text;
const dropins: ListSpec = { kind: 'dropin', nameKeys: ['name'] };

const SECTIONS: Record<string, Record<string, ListSpec>> = {
  passwd: {
    users: { kind: 'user', nameKeys: ['name'] },
    groups: { kind: 'group', nameKeys: ['name'] },
  },
  systemd: {
    units: { kind: 'unit', nameKeys: ['name'], detail: unitDetail, children: { dropins } },
  },
  networkd: {
    units: { kind: 'unit', nameKeys: ['name'], children: { dropins } },
  },
  storage: {
    disks: {
      kind: 'disk',
      nameKeys: ['device'],
      children: { partitions: { kind: 'partition', nameKeys: ['label', 'number'], detail: (g) => text(g, 'size') } },
    },
    raid: { kind: 'raid', nameKeys: ['name'], detail: (g) => text(g, 'level') },
    filesystems: { kind: 'filesystem', nameKeys: ['name'], detail: (g) => text(g, 'path') },
    files: { kind: 'file', nameKeys: ['path'], detail: fsName },
    directories: { kind: 'directory', nameKeys: ['path'], detail: fsName },
    links: { kind: 'link', nameKeys: ['path'], detail: (g) => (text(g, 'target') ? `→ ${text(g, 'target')}` : undefined) },
  },
};

function unitDetail(get: Lookup): string | undefined {
  const flags: string[] = [];
  const enabled = text(get, 'enabled') ?? text(get, 'enable');
  if (enabled === 'true') flags.push('enabled');
  if (enabled === 'false') flags.push('disabled');
  if (text(get, 'mask') === 'true') flags.push('masked');
  return flags.join(', ') || undefined;
}

function fsName(get: Lookup): string | undefined {
  const n = text(get, 'filesystem');
  return n && n !== 'root' ? `on ${n}` : undefined;
}

export function documentSymbols(doc: ClcDocument): SymbolEntry[] {
  const fromLines = symbolsFromLines(doc);
  // flow style (or a root that is not a block mapping) needs the YAML tree
  const flowy = doc.scan.lines.some((l) => l.kind === 'content' && l.flowOpen !== undefined && l.keyCol === 0) || (!fromLines.length && doc.text.trim() !== '');
  return flowy ? symbolsFromTree(doc) : fromLines;
}

// --- from the lines ---------------------------------------------------------------------------------

const pathKey = (p: readonly PathSeg[]) => JSON.stringify(p);

function symbolsFromLines(doc: ClcDocument): SymbolEntry[] {
  const all = blocks(doc.scan);
  // a path can occur more than once (a section written twice): everything is looked up by path
  // and then by the lines of the block it must lie in
  const keyBlocks = new Map<string, Block[]>();
  const itemsUnder = new Map<string, Block[]>();
  const add = (m: Map<string, Block[]>, k: string, b: Block) => {
    const list = m.get(k);
    if (list) list.push(b);
    else m.set(k, [b]);
  };
  for (const b of all) {
    if (b.kind === 'key') add(keyBlocks, pathKey(b.path), b);
    else add(itemsUnder, pathKey(b.path.slice(0, -1)), b);
  }
  const inside = (b: Block, outer: Block) => b.startLine >= outer.startLine && b.endLine <= outer.endLine;
  const lookup =
    (item: Block): Lookup =>
    (k) => {
      const b = keyBlocks.get(pathKey([...item.path, k]))?.find((x) => inside(x, item));
      if (!b || b.value === undefined || !b.valueSpan) return undefined;
      return { text: unquote(b.value), span: b.valueSpan };
    };
  const list = (listPath: PathSeg[], spec: ListSpec, within: Block): SymbolEntry[] =>
    (itemsUnder.get(pathKey(listPath)) ?? [])
      .filter((item) => inside(item, within))
      .map((item, i) => {
        const get = lookup(item);
        const span = { start: item.start, end: item.end };
        const named = nameOf(get, spec);
        const children: SymbolEntry[] = [];
        for (const [k, sub] of Object.entries(spec.children ?? {})) children.push(...list([...item.path, k], sub, item));
        return { name: named?.name ?? `(${spec.kind} ${i + 1})`, detail: spec.detail?.(get), kind: spec.kind, span, selection: named?.span ?? { start: item.start, end: item.start + 1 }, children };
      });
  const out: SymbolEntry[] = [];
  for (const b of all) {
    if (b.kind !== 'key' || b.path.length !== 1) continue;
    const children: SymbolEntry[] = [];
    for (const [k, spec] of Object.entries(own(SECTIONS, b.key!) ?? {})) children.push(...list([b.key!, k], spec, b));
    out.push({ name: b.key!, kind: 'section', span: { start: b.start, end: b.end }, selection: b.keySpan!, children });
  }
  return out;
}

function nameOf(get: Lookup, spec: ListSpec): { name: string; span: Span } | undefined {
  for (const k of spec.nameKeys) {
    const v = get(k);
    if (v && v.text !== '') return { name: k === 'number' ? `#${v.text}` : v.text, span: v.span };
  }
  return undefined;
}

// --- from the YAML tree -------------------------------------------------------------------------------

function pairSpan(p: YPair): Span | undefined {
  const k = nodeSpan(p.key);
  const v = nodeSpan(p.value);
  if (!k) return v;
  return { start: k.start, end: v ? Math.max(v.end, k.end) : k.end };
}

function symbolsFromTree(doc: ClcDocument): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  for (const p of pairsOf(doc.yaml.root)) {
    const key = keyOf(p);
    const span = pairSpan(p);
    const sel = nodeSpan(p.key);
    if (!span || !sel) continue;
    const children: SymbolEntry[] = [];
    for (const sub of pairsOf(p.value)) {
      const section = own(SECTIONS, key);
      const spec = section && own(section, keyOf(sub));
      if (spec) children.push(...treeList(sub.value, spec));
    }
    out.push({ name: key, kind: 'section', span, selection: sel, children });
  }
  return out;
}

function treeList(list: YNode | null, spec: ListSpec): SymbolEntry[] {
  return itemsOf(list).flatMap((item, i) => {
    const span = nodeSpan(item);
    if (!span) return [];
    const get: Lookup = (k) => {
      const v = valueOf(item, k);
      const t = scalarString(v);
      const s = nodeSpan(v);
      return t !== undefined && s ? { text: t, span: s } : undefined;
    };
    const named = nameOf(get, spec);
    const children: SymbolEntry[] = [];
    for (const [k, sub] of Object.entries(spec.children ?? {})) children.push(...treeList(valueOf(item, k), sub));
    return [{ name: named?.name ?? `(${spec.kind} ${i + 1})`, detail: spec.detail?.(get), kind: spec.kind, span, selection: named?.span ?? span, children }];
  });
}
