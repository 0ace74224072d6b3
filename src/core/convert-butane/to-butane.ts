// Container Linux Config -> Butane config (variant flatcar). The machine state is taken from
// ct's own output (our ct stages), so ct's sugar (docker, etcd, flannel, update, locksmith,
// {PRIVATE_IPV4} per platform) arrives expanded exactly as ct expands it; the layout, the order,
// the comments, inline text and `local:` references are taken from the source. Ignition 3's
// rules (ign-converter's semantics) decide overwrite flags, append lists and paths under a
// filesystem's mount path. What Ignition 3 cannot express is an error at the key that causes it.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { convertConfig, parseConfig } from '../transpile.ts';
import type { ParsedConfig } from '../transpile.ts';
import type { ConvertOptions } from '../convert/context.ts';
import { childAt, spanOf } from '../convert/context.ts';
import type { Diagnostic } from '../report.ts';
import type { IgnValue } from '../ignition/types.ts';
import { check23, translateV23toV30 } from '../ignition/v23tov30.ts';
import type { FsMap, V30Result } from '../ignition/v23tov30.ts';
import { decodeDataUrl } from '../go/dataurl-decode.ts';
import { join } from '../go/path.ts';
import { keyText } from '../go/decode.ts';
import { resolveFsPaths } from './mount-paths.ts';
import { mergeDuplicateUnits, withMergedUnits } from './merge-units.ts';
import type { FsPathResolution } from './mount-paths.ts';
import { emitDocument, map, scalar, seq } from './emit.ts';
import type { BEntry, BItem, BMap, BValue } from './emit.ts';
import { own } from '../own.ts';

export const BUTANE_VERSIONS = ['1.1.0', '1.0.0'] as const;
export type ButaneVersion = (typeof BUTANE_VERSIONS)[number];

export interface ToButaneOptions extends ConvertOptions {
  /** the Butane spec version to write (default 1.1.0) */
  butaneVersion?: ButaneVersion;
  /** mount paths given by the user (--fs-path NAME=PATH); they win over mount units */
  fsPaths?: FsMap;
}

export interface ToButaneResult {
  /** the Butane config, or null when the config cannot be converted */
  butane: string | null;
  /** ct's problems with the config, then the conversion's own */
  diagnostics: Diagnostic[];
  parsed: ParsedConfig;
  /** ct's Ignition 2.3 output (null when ct refuses the config) */
  ignition2: IgnValue | null;
  /** the mount path used for each filesystem */
  fsPaths: FsPathResolution | null;
}

const NETWORKD_DIR = '/etc/systemd/network';

/** Converts a Container Linux Config to Butane text. */
export function convertToButane(text: string, options: ToButaneOptions = {}): ToButaneResult {
  const parsed = parseConfig(text, { fullParserOnly: true });
  if (parsed.fatal) return { butane: null, diagnostics: parsed.diagnostics, parsed, ignition2: null, fsPaths: null };
  const converted = convertConfig(parsed, options);
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics];
  if (converted.fatal || !converted.ignition) return { butane: null, diagnostics, parsed, ignition2: null, fsPaths: null };
  const ign = converted.ignition;
  const fsPaths = resolveFsPaths(ign, options.fsPaths ?? {});
  const b = new Builder(parsed, ign, fsPaths, options);
  const errors = b.refusals();
  if (errors.length) return { butane: null, diagnostics: [...diagnostics, ...errors], parsed, ignition2: ign, fsPaths };
  const butane = b.build();
  return { butane, diagnostics: [...diagnostics, ...b.notes], parsed, ignition2: ign, fsPaths };
}

/**
 * The reference the proof compares with: ign-converter's translation of ct's output with the
 * same mount paths. Networkd units, which the converter refuses, are first written as the files
 * Ignition 2 makes of them, so the comparison covers them too.
 */
export function referenceIgnition3(ign: IgnValue, fsMap: FsMap): V30Result {
  const merged = withMergedUnits(networkdAsFiles(withoutPathFilesystems(ign)));
  if (!merged.ok) return { ok: false, kind: 'duplicate', message: merged.message };
  return translateV23toV30(merged.ign, fsMap, { exactMergeSources: true });
}

/**
 * A filesystem Ignition 2 knew by its path is already mounted: Ignition 3 needs no entry for it,
 * only the path (in the mount paths) for the files placed on it.
 */
export function withoutPathFilesystems(ign: IgnValue): IgnValue {
  const all = (ign.Storage.Filesystems ?? []) as IgnValue[];
  const kept = all.filter((f) => f.Mount || !f.Path);
  if (kept.length === all.length) return ign;
  return { ...ign, Storage: { ...ign.Storage, Filesystems: kept.length ? kept : null } };
}

/** Ignition 2 writes a networkd unit to /etc/systemd/network/NAME and a drop-in below NAME.d/. */
export function networkdAsFiles(ign: IgnValue): IgnValue {
  const units = (ign.Networkd?.Units ?? []) as IgnValue[];
  if (!units.length) return ign;
  const files = [...((ign.Storage.Files ?? []) as IgnValue[])];
  for (const u of units) for (const f of networkdFiles(u)) files.push(ign2File(f.path, f.contents));
  return { ...ign, Networkd: { Units: null }, Storage: { ...ign.Storage, Files: files } };
}

function networkdFiles(u: IgnValue): Array<{ path: string; contents: string; dropin?: string }> {
  const out: Array<{ path: string; contents: string; dropin?: string }> = [];
  if (u.Contents) out.push({ path: `${NETWORKD_DIR}/${u.Name}`, contents: u.Contents });
  for (const d of (u.Dropins ?? []) as IgnValue[]) {
    if (d.Contents) out.push({ path: `${NETWORKD_DIR}/${u.Name}.d/${d.Name}`, contents: d.Contents, dropin: d.Name });
  }
  return out;
}

function ign2File(path: string, contents: string): IgnValue {
  const source = 'data:,' + encodeURIComponent(contents);
  return {
    Filesystem: 'root', Path: path, Overwrite: true, Group: null, User: null, Append: false, Mode: 0o644,
    Contents: { Compression: '', Source: source, Verification: { Hash: null } },
  };
}

// --- comments --------------------------------------------------------------------------------

function lines(c: string | null | undefined): string[] {
  return c == null ? [] : c.split('\n');
}

/** Every comment in a subtree, in source order (so that nothing is dropped). */
function allComments(n: YNode | null | undefined, out: string[] = []): string[] {
  if (!n) return out;
  out.push(...lines((n as any).commentBefore));
  if (isMap(n)) {
    for (const p of (n as YAMLMap).items as Pair<YNode, YNode>[]) {
      allComments(p.key, out);
      allComments(p.value, out);
    }
  } else if (isSeq(n)) {
    for (const it of (n as YAMLSeq).items as YNode[]) allComments(it, out);
  }
  out.push(...lines((n as any).comment));
  return out;
}

/** The pair of a CLC mapping for a key (as ct matches keys: the raw key text). */
function pairOf(m: YNode | null | undefined, key: string): Pair<YNode, YNode> | null {
  if (!m || !isMap(m)) return null;
  let found: Pair<YNode, YNode> | null = null;
  for (const p of (m as YAMLMap).items as Pair<YNode, YNode>[]) if (p.key && keyText(p.key) === key) found = p;
  return found;
}

/** Comments of a list item: those before it (the first item's sit on the list). */
function itemBefore(list: YNode | null, index: number): string[] {
  if (!list || !isSeq(list)) return [];
  const item = (list as YAMLSeq).items[index] as YNode | undefined;
  if (!item) return [];
  return [...(index === 0 ? lines((list as any).commentBefore) : []), ...lines((item as any).commentBefore)];
}

/**
 * Places the comments of a CLC mapping on the Butane mapping made from it: a key's comments on
 * the entry that key became (`keyMap`, default: the same name), a scalar's line comment after
 * the value, anything else above the first entry. Entries are ordered like the source keys.
 */
function placeComments(b: BMap, src: YNode | null, keyMap: Record<string, string> = {}, nested: string[] = []): string[] {
  const homeless: string[] = [];
  if (!src || !isMap(src)) return homeless;
  homeless.push(...lines((src as any).commentBefore));
  const order = new Map<string, number>();
  ((src as YAMLMap).items as Pair<YNode, YNode>[]).forEach((p, i) => {
    const k = p.key ? keyText(p.key) : '';
    const target = b.entries.find((e) => e.key === (keyMap[k] ?? k));
    const before = lines((p.key as any)?.commentBefore);
    const v = p.value;
    // a nested list placed item by item keeps its own comments
    const inner = v && nested.includes(k) ? [] : v && !isScalar(v) ? allComments(v) : lines((v as any)?.commentBefore);
    const trailing = v && isScalar(v) ? (v as any).comment : undefined;
    if (target) {
      if (!order.has(target.key)) order.set(target.key, i);
      target.before = [...(target.before ?? []), ...before];
      if (target.value.kind === 'scalar') {
        if (trailing) target.trailing = trailing;
        target.before.push(...inner);
      } else target.before.push(...inner);
      if (trailing && target.value.kind !== 'scalar') target.before.push(...lines(trailing));
    } else {
      homeless.push(...before, ...inner, ...lines(trailing));
    }
  });
  homeless.push(...lines((src as any).comment));
  sortByOrder(b, order);
  return homeless;
}

/** Source order for entries that came from a key; the others stay after their predecessor. */
function sortByOrder(b: BMap, order: Map<string, number>): void {
  let last = -1;
  const ranked = b.entries.map((e, i) => {
    const o = order.get(e.key);
    if (o !== undefined) last = o;
    return { e, rank: o ?? last + 0.001 * (i + 1), i };
  });
  ranked.sort((x, y) => x.rank - y.rank || x.i - y.i);
  b.entries = ranked.map((r) => r.e);
}

function headComments(b: BMap, extra: string[]): void {
  if (!extra.length || !b.entries.length) return;
  b.entries[0].before = [...extra, ...(b.entries[0].before ?? [])];
}

// --- building --------------------------------------------------------------------------------

type Section = 'ignition' | 'storage' | 'systemd' | 'passwd';

/** Which Butane section each CLC top-level key feeds. */
const SECTION_OF: Record<string, Section> = {
  ignition: 'ignition',
  storage: 'storage',
  systemd: 'systemd',
  networkd: 'storage',
  passwd: 'passwd',
  etcd: 'systemd',
  flannel: 'systemd',
  docker: 'systemd',
  update: 'storage',
  locksmith: 'storage',
};

const entry = (key: string, value: BValue | undefined | null): BEntry | null => (value ? { key, value } : null);
const present = (es: Array<BEntry | null>): BEntry[] => es.filter((e): e is BEntry => e !== null);
const str = (s: string | null | undefined): BValue | null => (s ? scalar(s) : null);
const int = (n: number | null | undefined): BValue | null => (n == null ? null : scalar(n));
const yes = (b: boolean | null | undefined): BValue | null => (b ? scalar(true) : null);
const strs = (a: string[] | null | undefined): BValue | null => (a && a.length ? seq(a.map((s) => ({ value: scalar(s) }))) : null);

class Builder {
  readonly notes: Diagnostic[] = [];
  private readonly root: YNode | null;
  private readonly fsMap: FsMap;
  constructor(
    private readonly parsed: ParsedConfig,
    private readonly ign: IgnValue,
    private readonly fs: FsPathResolution,
    private readonly options: ToButaneOptions,
  ) {
    this.root = parsed.yaml.root;
    this.fsMap = { ...fs.fsMap, root: '/' };
  }

  private at(path: Array<string | number>): YNode | null {
    return childAt(this.root, ...path);
  }

  private error(message: string, node: YNode | null, code: string): Diagnostic {
    return { severity: 'error', message, span: spanOf(node ?? this.root), code };
  }

  /** What Ignition 3 cannot express, each at the CLC key that causes it. */
  refusals(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const filesystems = (this.ign.Storage.Filesystems ?? []) as IgnValue[];
    filesystems.forEach((f, i) => {
      const node = this.at(['storage', 'filesystems', i]);
      if (f.Name !== 'root' && !f.Mount && !f.Path) {
        out.push(this.error(`filesystem "${f.Name}" has neither a mount nor a path`, node, 'butane-fs-empty'));
      } else if (this.fs.missing.includes(f.Name)) {
        out.push(
          this.error(
            `filesystem "${f.Name}" has no mount path: Ignition 3 places files by absolute path, so it needs to know where ${f.Mount.Device} is mounted; add a .mount unit with What=${f.Mount.Device} to systemd.units, or give --fs-path ${f.Name}=/mount/path`,
            childAt(node, 'name') ?? node,
            'butane-fs-no-path',
          ),
        );
      }
    });
    if (out.length) return out;
    // units ct and the user both define become one, where they agree
    const merged = withMergedUnits(networkdAsFiles(this.ign));
    if (!merged.ok) {
      out.push(this.error(merged.message, this.unitNode(merged.index), 'butane-unit-conflict'));
      return out;
    }
    // the remaining rules are ign-converter's (networkd units aside: they become files)
    const refused = check23(withoutPathFilesystems(merged.ign), this.fsMap);
    if (refused?.where) {
      const w = refused.where;
      const node =
        w.list === 'units' || w.list === 'dropins'
          ? this.unitNode(w.index, w.dropin)
          : w.list === 'filesystems'
            ? this.at(['storage', 'filesystems', w.index])
            : this.at(['storage', w.list, w.index]);
      out.push(this.error(`Ignition 3 cannot express this: ${refused.message}`, node, 'butane-duplicate'));
      return out;
    }
    const r = referenceIgnition3(this.ign, this.fsMap);
    if (!r.ok) out.push(this.error(`Ignition 3 cannot express this config: ${r.message.trim()}`, this.root, 'butane-invalid'));
    return out;
  }

  /** The CLC node behind an output unit: a user unit, or the section that made ct's unit. */
  private unitNode(index: number, dropin?: number): YNode | null {
    const start = this.userUnitsStart();
    if (index >= start) {
      const n = this.at(['systemd', 'units', index - start]);
      return dropin === undefined ? n : (childAt(n, 'dropins', dropin) ?? n);
    }
    const label = sugarOf(((this.ign.Systemd.Units ?? []) as IgnValue[])[index]);
    return this.topPair(label)?.key ?? this.root;
  }

  private userUnitsStart(): number {
    const units = (this.ign.Systemd.Units ?? []) as IgnValue[];
    const userCount = ((this.parsed.config?.Systemd.Units ?? []) as unknown[]).length;
    return units.length - userCount;
  }

  private topPair(key: string): Pair<YNode, YNode> | null {
    return pairOf(this.root, key);
  }

  build(): string {
    const header: string[] = [];
    const sections = new Map<Section, { entries: BEntry[]; before: string[] }>();
    const topKeys = this.root && isMap(this.root) ? ((this.root as YAMLMap).items as Pair<YNode, YNode>[]) : [];
    topKeys.forEach((p, i) => {
      const k = p.key ? keyText(p.key) : '';
      const before = lines((p.key as any)?.commentBefore);
      // (the first-line marker of a Container Linux Config would make editors take the Butane
      // config for one)
      if (i === 0) header.push(...before.filter((c) => !/^\s*container-linux-config\b/.test(c)));
      const s = own(SECTION_OF, k);
      // a section's comments stay above it; ct's sugar carries its comments to what it makes
      if (s && !sections.has(s)) sections.set(s, { entries: [], before: i === 0 || s !== k ? [] : before });
      else if (s && s === k && i !== 0) sections.get(s)!.before.push(...before);
    });
    const section = (s: Section) => {
      if (!sections.has(s)) sections.set(s, { entries: [], before: [] });
      return sections.get(s)!;
    };

    const ignitionSection = this.ignitionSection();
    if (ignitionSection.length) section('ignition').entries.push(...ignitionSection);
    const storage = this.storageSection();
    if (storage.length) section('storage').entries.push(...storage);
    const units = this.unitItems();
    if (units.length) section('systemd').entries.push({ key: 'units', value: seq(units), before: this.listComments('systemd', 'units') });
    const passwd = this.passwdSection();
    if (passwd.length) section('passwd').entries.push(...passwd);

    const root = map([
      { key: 'variant', value: scalar('flatcar') },
      { key: 'version', value: scalar(this.options.butaneVersion ?? '1.1.0') },
    ]);
    for (const [name, s] of sections) {
      if (!s.entries.length) continue;
      const before = [...s.before, ...(name === 'systemd' || name === 'storage' || name === 'passwd' || name === 'ignition' ? this.sectionComments(name) : [])];
      root.entries.push({ key: name, value: map(s.entries), before: before.length ? before : undefined });
    }
    const footer = lines(this.parsed.yaml.doc?.comment);
    return emitDocument(root, header.length ? [...header, ''] : [], footer);
  }

  /** Comments inside a CLC section key that has no Butane entry of its own (e.g. `systemd:` itself). */
  private sectionComments(name: Section): string[] {
    const p = this.topPair(name);
    return p?.value ? lines((p.value as any).commentBefore) : [];
  }

  private listComments(sectionKey: string, listKey: string): string[] | undefined {
    const p = pairOf(this.topPair(sectionKey)?.value, listKey);
    const c = lines((p?.key as any)?.commentBefore);
    return c.length ? c : undefined;
  }

  // --- ignition -------------------------------------------------------------------------------

  private ignitionSection(): BEntry[] {
    const ig = this.ign.Ignition;
    const node = this.topPair('ignition')?.value ?? null;
    const ref = (r: IgnValue, src: YNode | null): BMap => {
      const m = map(present([entry('source', scalar(r.Source)), entry('verification', r.Verification?.Hash ? map([{ key: 'hash', value: scalar(r.Verification.Hash) }]) : null)]));
      headComments(m, placeComments(m, src));
      return m;
    };
    const config = present([
      entry(
        'merge',
        ig.Config.Append?.length
          ? seq((ig.Config.Append as IgnValue[]).map((r, i) => ({ value: ref(r, childAt(node, 'config', 'append', i)), before: itemBefore(childAt(node, 'config', 'append'), i) })))
          : null,
      ),
      entry('replace', ig.Config.Replace ? ref(ig.Config.Replace, childAt(node, 'config', 'replace')) : null),
    ]);
    const tls = ((ig.Security?.CertificateAuthorities ?? []) as IgnValue[]).map((r, i) => ({
      value: ref(r, childAt(node, 'security', 'tls', 'certificate_authorities', i)),
      before: itemBefore(childAt(node, 'security', 'tls', 'certificate_authorities'), i),
    }));
    const timeouts = present([entry('http_response_headers', int(ig.Timeouts.HTTPResponseHeaders)), entry('http_total', int(ig.Timeouts.HTTPTotal))]);
    const out = present([
      entry('config', config.length ? map(config) : null),
      entry('timeouts', timeouts.length ? map(timeouts) : null),
      entry('security', tls.length ? map([{ key: 'tls', value: map([{ key: 'certificate_authorities', value: seq(tls) }]) }]) : null),
    ]);
    if (out.length && node) headComments(map(out), placeComments(map(out), node, { append: 'config', replace: 'config', tls: 'security' }, ['config', 'security']));
    return out;
  }

  // --- storage --------------------------------------------------------------------------------

  private storageSection(): BEntry[] {
    const s = this.ign.Storage;
    const node = this.topPair('storage')?.value ?? null;
    const list = (key: string, items: BItem[]): BEntry | null => (items.length ? { key, value: seq(items), before: this.listComments('storage', key) } : null);
    const out = present([
      list('disks', ((s.Disks ?? []) as IgnValue[]).map((d, i) => this.item(['storage', 'disks'], i, this.disk(d, childAt(node, 'disks', i)), {}, ['partitions']))),
      list('raid', ((s.Raid ?? []) as IgnValue[]).map((r, i) => this.item(['storage', 'raid'], i, this.raid(r)))),
      list('filesystems', this.filesystems()),
      list('files', this.files()),
      list('directories', ((s.Directories ?? []) as IgnValue[]).map((d, i) => this.item(['storage', 'directories'], i, this.node(d, [this.mode(d.Mode, ['storage', 'directories', i])]), { filesystem: 'path' }))),
      list('links', ((s.Links ?? []) as IgnValue[]).map((l, i) => this.item(['storage', 'links'], i, this.node(l, [entry('target', scalar(l.Target)), entry('hard', yes(l.Hard))]), { filesystem: 'path' }))),
    ]);
    // the source's order of the storage lists
    const order = new Map<string, number>();
    if (node && isMap(node)) ((node as YAMLMap).items as Pair<YNode, YNode>[]).forEach((p, i) => p.key && order.set(keyText(p.key), i));
    const m = map(out);
    sortByOrder(m, order);
    return m.entries;
  }

  /** A Butane list item from a CLC list item: comments placed, keys in source order. */
  private item(path: Array<string | number>, index: number, value: BMap, keyMap: Record<string, string> = {}, nested: string[] = []): BItem {
    const list = this.at(path);
    const src = childAt(list, index);
    headComments(value, placeComments(value, src, keyMap, nested));
    return { value, before: itemBefore(list, index) };
  }

  private disk(d: IgnValue, src: YNode | null): BMap {
    const parts = ((d.Partitions ?? []) as IgnValue[]).map((p, i) => {
      const m = map(
        present([
          entry('label', p.Label == null ? null : scalar(p.Label)),
          entry('number', p.Number ? scalar(p.Number) : null),
          entry('size_mib', int(p.SizeMiB)),
          entry('start_mib', int(p.StartMiB)),
          entry('type_guid', str(p.TypeGUID)),
          entry('guid', str(p.GUID)),
          entry('wipe_partition_entry', yes(p.WipePartitionEntry)),
          entry('should_exist', p.ShouldExist == null ? null : scalar(p.ShouldExist)),
        ]),
      );
      headComments(m, placeComments(m, childAt(src, 'partitions', i), { size: 'size_mib', start: 'start_mib' }));
      return { value: m, before: itemBefore(childAt(src, 'partitions'), i) };
    });
    return map(present([entry('device', scalar(d.Device)), entry('wipe_table', yes(d.WipeTable)), entry('partitions', parts.length ? seq(parts) : null)]));
  }

  private raid(r: IgnValue): BMap {
    return map(present([entry('name', scalar(r.Name)), entry('level', scalar(r.Level)), entry('devices', strs(r.Devices)), entry('spares', r.Spares ? scalar(r.Spares) : null), entry('options', strs(r.Options))]));
  }

  private filesystems(): BItem[] {
    const out: BItem[] = [];
    ((this.ign.Storage.Filesystems ?? []) as IgnValue[]).forEach((f, i) => {
      if (f.Name === 'root') return; // Ignition 3 knows root without being told
      if (!f.Mount) return; // already mounted at its path: its files are placed under it
      const m = f.Mount;
      const origin = this.fs.origin[f.Name];
      const value = map(
        present([
          entry('device', scalar(m.Device)),
          entry('format', str(m.Format)),
          entry('wipe_filesystem', yes(m.WipeFilesystem)),
          entry('label', m.Label == null ? null : scalar(m.Label)),
          entry('uuid', m.UUID == null ? null : scalar(m.UUID)),
          entry('options', strs(m.Options)),
          entry('path', scalar(this.fsMap[f.Name])),
        ]),
      );
      const item = this.item(['storage', 'filesystems'], i, value, { name: 'device' });
      const where = origin?.kind === 'unit' ? `the mount unit ${origin.unit}` : 'the mount paths given';
      const pathEntry = value.entries.find((e) => e.key === 'path')!;
      pathEntry.trailing = `CLC filesystem "${f.Name}"; mount path from ${where}`;
      if (m.Create) {
        this.notes.push({ severity: 'warning', message: `Ignition 3 has no create block: create.force and create.options of filesystem "${f.Name}" are not carried over (use wipe_filesystem and options)`, span: spanOf(childAt(this.at(['storage', 'filesystems', i]), 'mount', 'create')), code: 'butane-fs-create-dropped' });
        item.value = value;
        value.entries[0].before = [...(value.entries[0].before ?? []), ' CLC mount.create has no Ignition 3 equivalent and was left out'];
      }
      out.push(item);
    });
    return out;
  }

  /**
   * A mode in octal. Neither Ignition 2 nor Ignition 3 before spec 3.6.0 applies setuid, setgid
   * or sticky bits, and butane warns about them for the versions written here: the bits are kept
   * (the same config), and said so.
   */
  private mode(mode: number, path: Array<string | number> | null): BEntry {
    const e: BEntry = { key: 'mode', value: scalar(mode, true) };
    if (mode & 0o7000) {
      e.trailing = 'setuid/setgid/sticky bits: not applied by Ignition before spec 3.6.0, nor by Ignition 2';
      const node = path ? this.at(path) : null;
      this.notes.push({
        severity: 'info',
        message: `mode ${'0' + mode.toString(8)} has setuid, setgid or sticky bits: Ignition 2 did not apply them and Ignition 3 applies them from spec 3.6.0 on; butane warns about them for Butane version ${this.options.butaneVersion ?? '1.1.0'}`,
        span: spanOf(childAt(node, 'mode') ?? node ?? this.root),
        code: 'butane-mode-special-bits',
      });
    }
    return e;
  }

  /** path (under the filesystem's mount path), overwrite, user, group and the rest. */
  private node(n: IgnValue, rest: Array<BEntry | null>, overwrite?: boolean | null): BMap {
    const owner = (o: IgnValue | null) => {
      if (!o) return null;
      const e = present([entry('id', int(o.ID)), entry('name', str(o.Name))]);
      return e.length ? map(e) : null;
    };
    const ow = overwrite === undefined ? n.Overwrite : overwrite;
    return map(
      present([
        entry('path', scalar(join(this.fsMap[n.Filesystem] ?? '/', n.Path))),
        entry('overwrite', ow == null ? null : scalar(ow)),
        ...rest,
        entry('user', owner(n.User)),
        entry('group', owner(n.Group)),
      ]),
    );
  }

  private files(): BItem[] {
    const files = (this.ign.Storage.Files ?? []) as IgnValue[];
    const userCount = ((this.parsed.config?.Storage.Files ?? []) as unknown[]).length;
    const out: BItem[] = [];
    files.forEach((f, i) => {
      const src = i < userCount ? this.at(['storage', 'files', i]) : null;
      // Ignition 2 overwrites a file unless told not to; an appended file is never overwritten
      const overwrite = f.Append ? false : (f.Overwrite ?? true);
      const contents = this.contents(f, src);
      const value = this.node(f, [this.mode(f.Mode, i < userCount ? ['storage', 'files', i] : null), entry(f.Append ? 'append' : 'contents', f.Append ? seq([{ value: contents }]) : contents)], overwrite);
      if (src) out.push(this.item(['storage', 'files'], i, value, { filesystem: 'path', contents: f.Append ? 'append' : 'contents', append: f.Append ? 'append' : 'overwrite' }));
      else out.push({ value, before: this.sugarComments(sugarOfFile(f)) });
    });
    for (const [k, u] of ((this.ign.Networkd?.Units ?? []) as IgnValue[]).entries()) {
      const unitNode = this.at(['networkd', 'units', k]);
      for (const nf of networkdFiles(u)) {
        const value = map([
          { key: 'path', value: scalar(nf.path) },
          { key: 'overwrite', value: scalar(true) },
          { key: 'mode', value: scalar(0o644, true) },
          { key: 'contents', value: map([{ key: 'inline', value: scalar(nf.contents) }]) },
        ]);
        const before = [
          ...(nf.dropin === undefined ? itemBefore(this.at(['networkd', 'units']), k) : []),
          nf.dropin === undefined
            ? ` networkd unit ${u.Name} (CLC networkd section): Ignition 3 writes it as a plain file`
            : ` drop-in ${nf.dropin} of networkd unit ${u.Name} (CLC networkd section)`,
        ];
        if (nf.dropin === undefined && unitNode) before.push(...allComments(unitNode).filter((c) => !before.includes(c)));
        out.push({ value, before });
      }
    }
    return out;
  }

  /** A file's contents as the CLC gave them: inline text, a local file, or a remote source. */
  private contents(f: IgnValue, src: YNode | null): BMap {
    const c = f.Contents;
    const cfg = src ? this.userFile(src) : null;
    const extra = present([entry('compression', str(c.Compression)), entry('verification', c.Verification?.Hash ? map([{ key: 'hash', value: scalar(c.Verification.Hash) }]) : null)]);
    if (cfg && cfg.Contents.Remote.Url !== '') return map([{ key: 'source', value: scalar(c.Source) }, ...extra]);
    if (cfg && cfg.Contents.Local !== '') return map([{ key: 'local', value: scalar(cfg.Contents.Local) }, ...extra]);
    const decoded = decodeDataUrl(c.Source);
    if (decoded.ok) {
      const text = utf8(decoded.data);
      if (text !== null) return map([{ key: 'inline', value: scalar(text) }, ...extra]);
    }
    return map([{ key: 'source', value: scalar(c.Source) }, ...extra]);
  }

  private userFile(src: YNode): IgnValue | null {
    const files = (this.parsed.config?.Storage.Files ?? []) as IgnValue[];
    const list = this.at(['storage', 'files']);
    const i = list && isSeq(list) ? (list as YAMLSeq).items.indexOf(src as any) : -1;
    return i >= 0 ? files[i] : null;
  }

  private readonly sugarSeen = new Set<string>();

  /**
   * Where one of ct's generated units or files came from; the CLC section's own comments go
   * above the first thing it made.
   */
  private sugarComments(label: string): string[] {
    const p = this.options.platform;
    const out: string[] = [];
    if (!this.sugarSeen.has(label)) {
      this.sugarSeen.add(label);
      for (const key of label.split('/')) {
        const pair = this.topPair(key);
        if (pair) out.push(...lines((pair.key as any)?.commentBefore), ...allComments(pair.value));
      }
    }
    if (label === 'platform') out.push(` generated by ct for --platform ${p}: tells coreos-metadata its provider`);
    else if (label === 'generated') out.push(' generated by ct');
    else out.push(` generated by ct from the CLC ${label} section${p ? ` (for --platform ${p})` : ''}`);
    return out;
  }

  // --- systemd --------------------------------------------------------------------------------

  private unitItems(): BItem[] {
    const units = (this.ign.Systemd.Units ?? []) as IgnValue[];
    const start = this.userUnitsStart();
    const merged = mergeDuplicateUnits(units);
    if (!merged.ok) return []; // refused before building
    const user: BItem[] = [];
    const sugar: BItem[] = [];
    for (const { unit: u, members } of merged.units) {
      const userMember = members.find((i) => i >= start);
      const sugarMembers = members.filter((i) => i < start);
      const clcIndex = userMember === undefined ? -1 : userMember - start;
      // enabled wins over the deprecated enable; an explicit false stays false
      const enabled = u.Enabled === false ? false : u.Enabled === true || u.Enable ? true : null;
      const dropinsSrc = clcIndex >= 0 ? childAt(this.at(['systemd', 'units', clcIndex]), 'dropins') : null;
      const userDropins = ((userMember === undefined ? [] : units[userMember].Dropins ?? []) as IgnValue[]).map((d) => d.Name);
      const dropins = ((u.Dropins ?? []) as IgnValue[]).map((d) => {
        const m = map(present([entry('name', scalar(d.Name)), entry('contents', str(d.Contents))]));
        const j = userDropins.indexOf(d.Name);
        if (dropinsSrc && j >= 0) {
          headComments(m, placeComments(m, childAt(dropinsSrc, j)));
          return { value: m, before: itemBefore(dropinsSrc, j) };
        }
        return { value: m, before: dropinsSrc ? this.sugarComments(sugarOf(u)) : [] };
      });
      const value = map(
        present([
          entry('name', scalar(u.Name)),
          entry('enabled', enabled == null ? null : scalar(enabled)),
          entry('mask', yes(u.Mask)),
          entry('contents', str(u.Contents)),
          entry('dropins', dropins.length ? seq(dropins) : null),
        ]),
      );
      if (clcIndex >= 0) {
        const item = this.item(['systemd', 'units'], clcIndex, value, { enable: 'enabled' }, ['dropins']);
        if (sugarMembers.length) {
          item.before = [...(item.before ?? []), ` one entry with the unit ct generates from the CLC ${sugarOf(u)} section (Ignition 3 takes one entry per unit)`];
        }
        user.push(item);
      } else sugar.push({ value, before: this.sugarComments(sugarOf(u)) });
    }
    // user units first, in their order; then the units ct generates, in the order of their sections
    return [...user, ...sugar];
  }

  // --- passwd ---------------------------------------------------------------------------------

  private passwdSection(): BEntry[] {
    const p = this.ign.Passwd;
    const users = ((p.Users ?? []) as IgnValue[]).map((u, i) => {
      const value = map(
        present([
          entry('name', scalar(u.Name)),
          entry('password_hash', u.PasswordHash == null ? null : scalar(u.PasswordHash)),
          entry('ssh_authorized_keys', strs(u.SSHAuthorizedKeys)),
          entry('uid', int(u.UID)),
          entry('gecos', str(u.Gecos)),
          entry('home_dir', str(u.HomeDir)),
          entry('no_create_home', yes(u.NoCreateHome)),
          entry('primary_group', str(u.PrimaryGroup)),
          entry('groups', strs(u.Groups)),
          entry('no_user_group', yes(u.NoUserGroup)),
          entry('no_log_init', yes(u.NoLogInit)),
          entry('shell', str(u.Shell)),
          entry('system', yes(u.System)),
        ]),
      );
      const item = this.item(['passwd', 'users'], i, value);
      if (u.Create) {
        const createNode = childAt(this.at(['passwd', 'users', i]), 'create');
        this.notes.push({
          severity: 'warning',
          message: `Ignition 3 has no create block: the fields under create are not carried over (ign-converter drops them too); write them on the user itself`,
          span: spanOf(createNode),
          code: 'butane-user-create-dropped',
        });
        value.entries[0].before = [...(value.entries[0].before ?? []), ' CLC create block left out: Ignition 3 has none (set these fields on the user itself)'];
        item.before = [...(item.before ?? []), ...(value.entries[0].before ?? [])];
        value.entries[0].before = undefined;
      }
      return item;
    });
    const groups = ((p.Groups ?? []) as IgnValue[]).map((g, i) =>
      this.item(['passwd', 'groups'], i, map(present([entry('name', scalar(g.Name)), entry('gid', int(g.Gid)), entry('password_hash', str(g.PasswordHash)), entry('system', yes(g.System))]))),
    );
    const out = present([
      users.length ? { key: 'users', value: seq(users), before: this.listComments('passwd', 'users') } : null,
      groups.length ? { key: 'groups', value: seq(groups), before: this.listComments('passwd', 'groups') } : null,
    ]);
    const node = this.topPair('passwd')?.value;
    const order = new Map<string, number>();
    if (node && isMap(node)) ((node as YAMLMap).items as Pair<YNode, YNode>[]).forEach((pp, i) => pp.key && order.set(keyText(pp.key), i));
    const m = map(out);
    sortByOrder(m, order);
    return m.entries;
  }
}

/** Which CLC section made one of ct's units. */
function sugarOf(u: IgnValue | undefined): string {
  const name: string = u?.Name ?? '';
  if (name === 'docker.service') return 'docker';
  if (name === 'etcd-member.service') return 'etcd';
  if (name === 'flanneld.service' || name === 'flannel-docker-opts.service') return 'flannel';
  if (name.startsWith('coreos-metadata')) return 'platform';
  return 'generated';
}

function sugarOfFile(f: IgnValue): string {
  return f.Path === '/etc/coreos/update.conf' ? 'update/locksmith' : 'generated';
}

function utf8(data: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}
