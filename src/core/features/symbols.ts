// Document symbols: the sections of the config and, inside them, the things it declares —
// users and groups, systemd and networkd units with their drop-ins, disks with partitions, RAID
// arrays, filesystems, files, directories and links.

import type { Node as YNode } from 'yaml';
import type { Span } from '../report.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from './document.ts';
import { itemsOf, keyOf, pairsOf, scalarString, valueOf } from './ast.ts';
import type { YPair } from './ast.ts';

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

interface ListSpec {
  kind: SymbolKindName;
  /** keys naming an item, first present wins */
  nameKeys: string[];
  detail?: (item: YNode) => string | undefined;
  children?: Record<string, ListSpec>;
}

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
      children: { partitions: { kind: 'partition', nameKeys: ['label', 'number'], detail: (p) => scalarString(valueOf(p, 'size')) } },
    },
    raid: { kind: 'raid', nameKeys: ['name'], detail: (r) => scalarString(valueOf(r, 'level')) },
    filesystems: { kind: 'filesystem', nameKeys: ['name'], detail: fsDetail },
    files: { kind: 'file', nameKeys: ['path'], detail: (f) => fsName(f) },
    directories: { kind: 'directory', nameKeys: ['path'], detail: (f) => fsName(f) },
    links: { kind: 'link', nameKeys: ['path'], detail: (l) => (scalarString(valueOf(l, 'target')) ? `→ ${scalarString(valueOf(l, 'target'))}` : undefined) },
  },
};

function unitDetail(u: YNode): string | undefined {
  const flags: string[] = [];
  const enabled = scalarString(valueOf(u, 'enabled')) ?? scalarString(valueOf(u, 'enable'));
  if (enabled === 'true') flags.push('enabled');
  if (enabled === 'false') flags.push('disabled');
  if (scalarString(valueOf(u, 'mask')) === 'true') flags.push('masked');
  return flags.join(', ') || undefined;
}

function fsDetail(f: YNode): string | undefined {
  const m = valueOf(f, 'mount');
  if (m) return [scalarString(valueOf(m, 'device')), scalarString(valueOf(m, 'format'))].filter(Boolean).join(' ');
  return scalarString(valueOf(f, 'path'));
}

function fsName(f: YNode): string | undefined {
  const n = scalarString(valueOf(f, 'filesystem'));
  return n && n !== 'root' ? `on ${n}` : undefined;
}

function pairSpan(p: YPair): Span | undefined {
  const k = nodeSpan(p.key);
  const v = nodeSpan(p.value);
  if (!k) return v;
  return { start: k.start, end: v ? Math.max(v.end, k.end) : k.end };
}

export function documentSymbols(doc: ClcDocument): SymbolEntry[] {
  const root = doc.yaml.root;
  const out: SymbolEntry[] = [];
  for (const p of pairsOf(root)) {
    const key = keyOf(p);
    const span = pairSpan(p);
    const sel = nodeSpan(p.key);
    if (!span || !sel) continue;
    const children: SymbolEntry[] = [];
    const lists = SECTIONS[key];
    if (lists) for (const sub of pairsOf(p.value)) {
      const spec = lists[keyOf(sub)];
      if (spec) children.push(...listSymbols(sub.value, spec));
    }
    out.push({ name: key, kind: 'section', span, selection: sel, children });
  }
  return out;
}

function listSymbols(list: YNode | null, spec: ListSpec): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  itemsOf(list).forEach((item, i) => {
    const span = nodeSpan(item);
    if (!span) return;
    let name: string | undefined;
    let selection: Span = span;
    for (const k of spec.nameKeys) {
      const v = valueOf(item, k);
      const text = scalarString(v);
      if (text !== undefined && text !== '') {
        name = k === 'number' ? `#${text}` : text;
        selection = nodeSpan(v) ?? span;
        break;
      }
    }
    const children: SymbolEntry[] = [];
    for (const [k, sub] of Object.entries(spec.children ?? {})) children.push(...listSymbols(valueOf(item, k), sub));
    out.push({ name: name ?? `(${spec.kind} ${i + 1})`, detail: spec.detail?.(item), kind: spec.kind, span, selection, children });
  });
  return out;
}
