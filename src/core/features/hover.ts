// Hover: documentation for every key (what it does, its type and default, what ct makes of
// it) and for values where it helps: modes in octal and rwx form, etcd/flannel options as the
// flag ct writes, dynamic-data fields as the variable they become on each platform.

import { isAlias } from 'yaml';
import type { Span } from '../report.ts';
import { quoteGoString } from '../go/strconv.ts';
import { resolveScalar, resolveText, scalarText, isIndicatedString } from '../yaml/resolve.ts';
import { hasTemplating, performTemplating, platformById, platforms } from '../platforms.ts';
import { TYPE_GUID_KEYWORDS } from '../convert/disks.ts';
import { hitAt, itemsOf, nodeAt, pairsOf, scalarString, valueOf } from './ast.ts';
import type { ClcDocument } from './document.ts';
import { decimalLookingModeText, modeString, octal } from './hints.ts';
import { applyLine, framesBefore, framesPath, keysAfter, keysBefore, lineAt } from './scan.ts';
import {
  optionRow,
  optionTableOf,
  optionVersionFor,
  optionsForVersion,
  resolve,
  rootSchema,
  schemaAt,
  typeLabel,
  unquote,
} from './schema.ts';
import type { JsonSchema, PathSeg } from './schema.ts';
import { suggestKey } from './codeActions.ts';
import { keysFor } from './completion.ts';
import { hoverInUnit } from '../units/hover.ts';

export interface HoverResult {
  /** markdown */
  contents: string;
  span: Span;
}

export interface HoverOptions {
  platform?: string;
  /** the schema of the document's format (default: the Container Linux Config schema) */
  schema?: JsonSchema;
  /** what the format's tool does with a key it does not know (default: ct's warning) */
  unknownKeyNote?: (key: string) => string;
}

interface Target {
  path: PathSeg[];
  part: 'key' | 'value' | 'item';
  key?: string;
  span: Span;
  /** the value's text (values and items) */
  text?: string;
  /** the value was written plain (not quoted, not a block scalar) */
  plain?: boolean;
  /** the value as ct's YAML library types it */
  resolved?: { tag: string; value: unknown };
  /** the mapping's own keys and values (for etcd/flannel versions) */
  siblings?: Map<string, string | undefined>;
}

export function hover(doc: ClcDocument, offset: number, options: HoverOptions = {}): HoverResult | null {
  // inside the text of a unit, drop-in or networkd file: that file's own documentation
  const inUnit = hoverInUnit(doc, offset);
  if (inUnit !== undefined) return inUnit;
  const t = targetAt(doc, offset);
  if (!t) return null;
  let contents: string | null = null;
  if (t.part === 'key') contents = keyHover(t, options);
  else contents = valueHover(doc, t, offset, options);
  return contents ? { contents, span: t.span } : null;
}

function targetAt(doc: ClcDocument, offset: number): Target | null {
  // block style: read the line (fast, and works on broken YAML)
  const scan = doc.scan;
  const li = lineAt(scan, offset);
  const line = scan.lines[li];
  const flowish = line.kind === 'flow' || (line.kind === 'content' && line.flowOpen !== undefined && offset >= line.flowOpen);
  if (!flowish) return lineTarget(doc, li, offset);
  // flow style: the YAML tree
  if (!doc.yamlOk || !doc.yaml.root) return null;
  const h = hitAt(doc.yaml.root, offset);
  if (!h) return null;
  const span = { start: h.node.range![0], end: h.node.range![1] };
  const siblings = new Map<string, string | undefined>();
  for (const p of pairsOf(nodeAt(doc.yaml.root, h.path))) {
    const k = scalarString(p.key);
    if (k !== undefined) siblings.set(k, scalarString(p.value));
  }
  if (h.part === 'key') return { path: h.path, part: 'key', key: h.key, span, siblings };
  if (isAlias(h.node)) return null;
  const r = resolveScalar(h.node);
  return {
    path: h.path,
    part: h.part,
    key: h.key,
    span,
    text: scalarText(h.node),
    plain: !isIndicatedString(h.node),
    resolved: 'error' in r ? undefined : r,
    siblings,
  };
}

function lineTarget(doc: ClcDocument, li: number, offset: number): Target | null {
  const scan = doc.scan;
  const line = scan.lines[li];
  if (line.kind !== 'content' || line.key === undefined) return null;
  const frames = framesBefore(scan, li);
  applyLine(frames, line, li);
  const path = framesPath(frames, false);
  const siblings = keysBefore(scan, frames[frames.length - 1], li + 1);
  for (const [k, v] of keysAfter(scan, li, line.keyCol!)) siblings.set(k, v);
  if (offset >= line.keyStart! && offset <= line.keyEnd!) return { path, part: 'key', key: line.key, span: { start: line.keyStart!, end: line.keyEnd! }, siblings };
  if (line.valueStart !== undefined && offset >= line.valueStart && offset <= line.valueEnd! && (line.valueKind === 'plain' || line.valueKind === 'quoted')) {
    const quoted = line.valueKind === 'quoted';
    const text = quoted ? unquoteYaml(line.value!) : line.value!;
    const r = quoted ? { tag: '!!str', value: text } : resolveText('', text);
    return {
      path,
      part: 'value',
      key: line.key,
      span: { start: line.valueStart, end: line.valueEnd! },
      text,
      plain: !quoted,
      resolved: 'error' in r ? undefined : r,
      siblings,
    };
  }
  return null;
}

/** The text of a one-line quoted scalar. */
function unquoteYaml(s: string): string {
  if (s.startsWith("'")) return unquote(s).replace(/''/g, "'");
  if (s.startsWith('"')) {
    try {
      return JSON.parse(s);
    } catch {
      return unquote(s);
    }
  }
  return s;
}

export function displayPath(path: readonly PathSeg[], key?: string): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? '[]' : (s ? '.' : '') + seg;
  if (key !== undefined) s += (s ? '.' : '') + key;
  return s;
}

// --- keys ---------------------------------------------------------------------------------------

function keyHover(t: Target, options: HoverOptions): string | null {
  const root = options.schema ?? rootSchema;
  const parent = schemaAt(t.path, root);
  if (!parent) return null;
  const key = t.key!;
  const prop = resolve(parent)?.properties?.[key];
  const title = `**${displayPath(t.path, key)}**`;
  const opt = optionTableOf(parent);
  if (!prop) {
    if (!parent.properties) return null;
    const known = (keysFor(t.path, t.siblings ?? new Map(), root) ?? []).map((c) => c.key);
    const note = options.unknownKeyNote?.(key) ?? `ct warns \`Config has unrecognized key: ${key}\` and ignores it`;
    const lines = [title, '', `Not a key of ${typeLabel(parent)}: ${note}.`];
    const s = suggestKey(key, known);
    if (s) lines.push('', `Did you mean \`${s}\`?`);
    if (key === '<<') lines.push('', 'As a YAML merge key it still works: ct merges the referenced mapping into this one.');
    return lines.join('\n');
  }
  const r = resolve(prop)!;
  const out = [title + ` · ${typeLabel(r)}`];
  if (prop.deprecationMessage) out.push('', `**Deprecated:** ${prop.deprecationMessage}`);
  out.push('', r.markdownDescription ?? r.description ?? '');
  const facts: string[] = [];
  if (r.default !== undefined) facts.push(`Default: \`${key === 'mode' && typeof r.default === 'number' ? octal(r.default) : JSON.stringify(r.default)}\``);
  if (r.required?.length) facts.push(`Required keys: ${r.required!.map((k) => `\`${k}\``).join(', ')}`);
  if (opt) {
    const row = optionRow(opt.table, key);
    if (row) {
      const v = optionVersionFor(opt.table, t.siblings?.get('version'));
      const ok = optionsForVersion(opt.table, v).some((o) => o.key === key);
      facts.push(`Flag: \`--${row.flag}\``);
      if (!ok) facts.push(`⚠ not an option of ${opt.name} ${v ?? '(no option set)'}: ct reports it as an unrecognized key`);
    }
  }
  if (facts.length) out.push('', facts.join('  \n'));
  return out.join('\n');
}

// --- values -------------------------------------------------------------------------------------

function valueHover(doc: ClcDocument, t: Target, offset: number, options: HoverOptions): string | null {
  const key = t.key;
  const parent = schemaAt(t.path, options.schema ?? rootSchema);
  const opt = optionTableOf(parent);
  const parts: string[] = [];

  // a dynamic-data field under the cursor
  const field = fieldAt(doc.text, offset);
  if (field && opt) parts.push(fieldDoc(field, options.platform));

  if (key === 'mode' && t.path[0] === 'storage' && (t.path[1] === 'files' || t.path[1] === 'directories') && t.resolved?.tag === '!!int') {
    const v = t.resolved.value as number | bigint;
    const lines = [`**mode** \`${octal(v)}\` · \`${modeString(v)}\` · decimal ${v}`];
    if (t.plain && t.text && /^0[0-7]+$/.test(t.text)) lines.push('', `Written in octal; Ignition's JSON shows it as ${v}.`);
    const meant = t.plain ? decimalLookingModeText(t.text ?? '') : null;
    if (meant) lines.push('', `⚠ \`${t.text}\` is a decimal number. \`${meant}\` (\`${modeString(parseInt(meant, 8))}\`) was probably meant.`);
    parts.push(lines.join('\n'));
  }

  if (opt && key && key !== 'version' && key !== 'network_config') {
    const row = optionRow(opt.table, key);
    if (row && t.text !== undefined && t.resolved) {
      const arg = flagText(row.flag, row.type, t.text, t.resolved);
      const lines = [`ct writes \`${arg}\` into the ${opt.name} drop-in.`];
      if (hasTemplating([t.text])) {
        const ids = options.platform ? [options.platform] : platforms.map((p) => p.id);
        const rows: string[] = [];
        for (const id of ids) {
          const r = performTemplating(id, [arg]);
          rows.push(`| ${id} | ${r.ok ? '`' + r.args[0] + '`' : r.error} |`);
        }
        lines.push('', 'With dynamic data:', '', '| platform | argument |', '|---|---|', ...rows);
        if (!options.platform) lines.push('', 'No platform is set: ct fails with "platform must be specified to use templating".');
      }
      parts.push(lines.join('\n'));
    }
  }

  if (key === 'type_guid' && t.text && Object.prototype.hasOwnProperty.call(TYPE_GUID_KEYWORDS, t.text)) {
    parts.push(`\`${t.text}\` becomes the partition type GUID \`${TYPE_GUID_KEYWORDS[t.text].toUpperCase()}\`.`);
  }

  if (key === 'filesystem' && t.path[0] === 'storage' && t.text !== undefined) {
    parts.push(filesystemDoc(doc, t.text));
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
}

/** The argument ct writes for an option: strings Go-quoted, numbers and booleans as they are. */
export function flagText(flag: string, type: 'string' | 'int' | 'bool', text: string, resolved: { tag: string; value: unknown }): string {
  // a string option takes the scalar's text as written (ct's YAML library does not retype it)
  if (type === 'string') return `--${flag}=${quoteGoString(text)}`;
  if (type === 'int') return `--${flag}=${typeof resolved.value === 'number' ? Math.trunc(resolved.value) : String(resolved.value)}`;
  return `--${flag}=${String(resolved.value)}`;
}

/** `{FIELD}` around an offset of the text (on one line). */
function fieldAt(text: string, offset: number): string | null {
  let a = offset;
  while (a > 0 && /[A-Z0-9_]/.test(text[a - 1])) a--;
  let b = offset;
  while (b < text.length && /[A-Z0-9_]/.test(text[b])) b++;
  const start = text[a - 1] === '{' ? a - 1 : text[a] === '{' ? a : -1;
  if (start < 0) return null;
  const nameStart = start + 1;
  let e = nameStart;
  while (e < text.length && /[A-Z0-9_]/.test(text[e])) e++;
  if (text[e] !== '}' || e === nameStart) return null;
  if (offset < start || offset > e + 1) return null;
  return text.slice(nameStart, e);
}

function fieldDoc(field: string, platform: string | undefined): string {
  const rows = platforms.map((p) => `| ${p.id === platform ? `**${p.id}**` : p.id} | ${p.fields[field] ? '`${' + p.fields[field] + '}`' : '— (unknown field)'} |`);
  const lines = [`**{${field}}** · dynamic data`, '', 'ct replaces it with the variable coreos-metadata sets:', '', '| platform | becomes |', '|---|---|', ...rows];
  const chosen = platform ? platformById(platform) : undefined;
  if (platform && chosen && !chosen.fields[field]) lines.push('', `⚠ ${platform} has no ${field}: ct fails with "unknown field".`);
  if (!platform) lines.push('', 'No `clc.platform` is set: ct fails with "platform must be specified to use templating".');
  return lines.join('\n');
}

function filesystemDoc(doc: ClcDocument, name: string): string {
  if (name === 'root') return '**root** · the machine\'s root filesystem (always defined).';
  const root = doc.yamlOk ? doc.yaml.root : null;
  for (const fs of itemsOf(valueOf(valueOf(root, 'storage'), 'filesystems'))) {
    if (scalarString(valueOf(fs, 'name')) !== name) continue;
    const mount = valueOf(fs, 'mount');
    const path = scalarString(valueOf(fs, 'path'));
    if (mount) return `**${name}** · filesystem on \`${scalarString(valueOf(mount, 'device')) ?? '?'}\` (${scalarString(valueOf(mount, 'format')) ?? '?'})`;
    if (path !== undefined) return `**${name}** · filesystem mounted at \`${path}\``;
    return `**${name}** · filesystem`;
  }
  return `**${name}** · no filesystem of this name is declared in storage.filesystems.`;
}
