// Translation of a decoded Butane config into an Ignition 3 config value (keyed by Go field
// names, like every value model here), recording the translation trail as it goes. Fields with
// the same Go name are copied as they are (butane's default translator); the rest is butane's
// sugar: inline/local contents, contents_local, ssh_authorized_keys_local, mount units, trees
// and quadlets. Problems found here are reported on config paths.

import type { GoType, StructType } from '../go/types.ts';
import { join as pathJoin } from '../go/path.ts';
import type { BaseSchema } from './schema/base.ts';
import type { Entry } from './entry.ts';
import { isFatalEntries } from './entry.ts';
import { ERR } from './messages.ts';
import { camel } from './path.ts';
import type { PathStep, ReportPath } from './path.ts';
import { TranslationTrail } from './trail.ts';
import type { LocalFiles } from './local-files.ts';
import { makeDataUrl } from './data-url.ts';
import { mountUnit } from './mount-units.ts';
import { quadletPath, templateOf } from './quadlets.ts';
import { baseName } from './walk.ts';

export interface TranslateOptions {
  /** the Ignition spec version written into the output */
  ignitionVersion: string;
  files: LocalFiles | null;
  /** butane's NoResourceAutoCompression is false for the CLI */
  allowCompression: boolean;
}

export interface Translated {
  config: Record<string, any>;
  trail: TranslationTrail;
  entries: Entry[];
}

type Obj = Record<string, any>;

const UTF8 = new TextEncoder();
const UTF8_LOOSE = new TextDecoder('utf-8');

class Translator {
  readonly trail = new TranslationTrail();
  readonly entries: Entry[] = [];

  constructor(
    private readonly schema: BaseSchema,
    private readonly opts: TranslateOptions,
  ) {}

  error(path: ReportPath, message: string): void {
    this.entries.push({ kind: 'error', message, path: [...path] });
  }

  /**
   * butane's default translation: same-named fields copied, sugar fields left to the custom steps.
   * inPath and outPath are stacks: a step pushes and pops its own part and never keeps them (a
   * record copies what it keeps), so a config of thousands of entries allocates no paths.
   */
  copy(v: unknown, t: GoType, inPath: PathStep[], outPath: PathStep[]): unknown {
    switch (t.kind) {
      case 'ptr':
        return v == null ? null : this.copy(v, t.elem, inPath, outPath);
      case 'slice': {
        if (!Array.isArray(v)) return null;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          inPath.push(i);
          outPath.push(i);
          out[i] = this.copy(v[i], t.elem, inPath, outPath);
          inPath.pop();
          outPath.pop();
        }
        return out;
      }
      case 'struct':
        return this.struct((v ?? {}) as Obj, t, inPath, outPath);
      default:
        return v;
    }
  }

  private fields(v: Obj, t: StructType, inPath: PathStep[], outPath: PathStep[], order?: readonly string[]): Obj {
    const skip = this.schema.skip[baseName(t)];
    const out: Obj = {};
    const fields = order ? orderedFields(t, order) : t.fields;
    for (const f of fields) {
      if (skip?.has(f.name)) continue;
      const ft = f.type;
      // plain values (and pointers to them) need no path: nothing below them is reported
      if (ft.kind !== 'slice' && ft.kind !== 'struct' && (ft.kind !== 'ptr' || isPlain(ft.elem))) {
        const x = v[f.name];
        out[f.name] = ft.kind === 'ptr' && x == null ? null : x;
        continue;
      }
      inPath.push(f.key);
      outPath.push(camelKey(f.key));
      out[f.name] = this.copy(v[f.name], ft, inPath, outPath);
      inPath.pop();
      outPath.pop();
    }
    return out;
  }

  private struct(v: Obj, t: StructType, inPath: PathStep[], outPath: PathStep[]): Obj {
    switch (baseName(t)) {
      case 'Resource':
        return this.resource(v, t, inPath, outPath);
      case 'File':
        return this.fields(v, t, inPath, outPath, FILE_ORDER);
      case 'PasswdUser':
        return this.passwdUser(v, t, inPath, outPath);
      case 'Unit':
      case 'Dropin':
        return this.unitLike(v, t, inPath, outPath);
      default:
        return this.fields(v, t, inPath, outPath);
    }
  }

  private resource(v: Obj, t: StructType, inPath: PathStep[], outPath: PathStep[]): Obj {
    const out = this.fields(v, t, inPath, outPath, RESOURCE_ORDER);
    if (v.Local != null) {
      const c = [...inPath, 'local'];
      const files = this.opts.files;
      if (!files) {
        this.error(c, ERR.noFilesDir);
        return out;
      }
      const r = files.read(v.Local);
      if (!r.ok) {
        this.error(c, r.error);
        return out;
      }
      this.embed(out, r.data, c, outPath);
    }
    if (v.Inline != null) this.embed(out, UTF8.encode(v.Inline), [...inPath, 'inline'], outPath);
    return out;
  }

  private embed(out: Obj, data: Uint8Array, from: PathStep[], outPath: PathStep[]): void {
    const d = makeDataUrl(data, out.Compression, this.opts.allowCompression);
    out.Source = d.url;
    this.trail.add(from, [...outPath, 'source']);
    if (d.compression !== null) {
      out.Compression = d.compression;
      this.trail.add(from, [...outPath, 'compression']);
    }
  }

  private passwdUser(v: Obj, t: StructType, inPath: PathStep[], outPath: PathStep[]): Obj {
    const out = this.fields(v, t, inPath, outPath);
    const locals = v.SSHAuthorizedKeysLocal as string[] | null | undefined;
    if (!locals || locals.length === 0) return out;
    const c = [...inPath, 'ssh_authorized_keys_local'];
    this.trail.add(c, [...outPath, 'sshAuthorizedKeys']);
    const files = this.opts.files;
    if (!files) {
      this.error(c, ERR.noFilesDir);
      return out;
    }
    for (let i = 0; i < locals.length; i++) {
      const r = files.read(locals[i]);
      if (!r.ok) {
        this.error([...c, i], r.error);
        continue;
      }
      for (const line of UTF8_LOOSE.decode(r.data).split(/\r?\n/)) {
        if (line === '') continue;
        out.SSHAuthorizedKeys ??= [];
        this.trail.add([...c, i], [...outPath, 'sshAuthorizedKeys', out.SSHAuthorizedKeys.length]);
        out.SSHAuthorizedKeys.push(line);
      }
    }
    return out;
  }

  private unitLike(v: Obj, t: StructType, inPath: PathStep[], outPath: PathStep[]): Obj {
    const out = this.fields(v, t, inPath, outPath);
    if (v.ContentsLocal != null && v.ContentsLocal !== '') {
      const c = [...inPath, 'contents_local'];
      const files = this.opts.files;
      const r = files ? files.read(v.ContentsLocal) : ({ ok: false, error: ERR.noFilesDir } as const);
      if (!r.ok) {
        this.error(c, r.error);
        return out;
      }
      this.trail.add(c, [...outPath, 'contents']);
      out.Contents = UTF8_LOOSE.decode(r.data);
    }
    return out;
  }

  // --- whole-config steps ------------------------------------------------------------------------

  config(cfg: Obj): Obj {
    const types = this.schema.types;
    const ign = this.fields(cfg.Ignition ?? {}, types.Ignition, ['ignition'], ['ignition']);
    ign.Version = this.opts.ignitionVersion;
    this.trail.add(['version'], ['ignition', 'version']);
    const out: Obj = {
      Ignition: ign,
      KernelArguments: this.copy(cfg.KernelArguments, types.KernelArguments, ['kernel_arguments'], ['kernelArguments']),
      Passwd: this.copy(cfg.Passwd, types.Passwd, ['passwd'], ['passwd']),
      Storage: this.copy(cfg.Storage, types.Storage, ['storage'], ['storage']),
      Systemd: this.systemd(cfg),
    };
    this.trees(cfg, out);
    this.quadlets(cfg, out);
    return out;
  }

  /**
   * Units, with the mount units of `with_mount_unit` filesystems merged in the way butane does
   * it (an Ignition config merge with the mount units as the parent): mount units come first, a
   * user unit of the same name is merged into its mount unit, the other user units follow.
   */
  private systemd(cfg: Obj): Obj {
    const types = this.schema.types;
    const fss = (cfg.Storage?.Filesystems ?? []) as Obj[];
    const luks = (cfg.Storage?.Luks ?? []) as Obj[];
    const mounts: Array<{ unit: Obj; from: number }> = [];
    for (let i = 0; i < fss.length; i++) {
      const fs = fss[i];
      if (fs.WithMountUnit !== true) continue;
      let remote = false;
      if (fs.Device.startsWith('/dev/mapper/') || fs.Device.startsWith('/dev/disk/by-id/dm-name-')) {
        remote = luks.some((l) => (fs.Device === `/dev/mapper/${l.Name}` || fs.Device === `/dev/disk/by-id/dm-name-${l.Name}`) && (l.Clevis?.Tang?.length ?? 0) > 0);
      }
      const r = mountUnit(fs as never, remote);
      mounts.push({ unit: { Name: r.name, Enabled: true, Contents: r.contents, Dropins: null, Mask: null }, from: i });
    }
    const userUnits = (cfg.Systemd?.Units ?? null) as Obj[] | null;
    const systemd: Obj = {};
    for (const f of types.Systemd.fields) {
      if (this.schema.skip.Systemd?.has(f.name) || f.name === 'Units') continue;
      systemd[f.name] = this.copy(cfg.Systemd?.[f.name], f.type, ['systemd', f.key], ['systemd', camel(f.key)]);
    }
    if (!mounts.length) {
      systemd.Units = this.copy(userUnits, (types.Systemd.fields.find((f) => f.name === 'Units')!).type, ['systemd', 'units'], ['systemd', 'units']);
      return systemd;
    }
    // final places: mount units first, user units merged into same-named ones or appended.
    // Ignition's merge matches each mount unit with the LAST user unit of its name; earlier user
    // units of that name are dropped, and user units of other names are all appended, repeats
    // included (the duplicate check reports those).
    const units: Obj[] = mounts.map((m) => m.unit);
    for (let k = 0; k < mounts.length; k++) this.trail.addCommon(['storage', 'filesystems', mounts[k].from, 'with_mount_unit'], ['systemd', 'units', k]);
    const mountsNamed = new Map<string, number[]>();
    units.forEach((u, k) => mountsNamed.set(u.Name, [...(mountsNamed.get(u.Name) ?? []), k]));
    const lastNamed = new Map<string, number>();
    userUnits?.forEach((u, j) => lastNamed.set(u.Name, j));
    const nowhere = units.length + (userUnits?.length ?? 0);
    for (let j = 0; j < (userUnits?.length ?? 0); j++) {
      const u = userUnits![j];
      const targets = mountsNamed.get(u.Name);
      if (targets && lastNamed.get(u.Name) !== j) {
        // dropped by the merge: still translated (its problems are reported), its output unused
        this.copy(u, types.Unit, ['systemd', 'units', j], ['systemd', 'units', nowhere + j]);
        continue;
      }
      const at = targets ? targets[0] : units.length;
      if (at !== j && !targets) this.trail.addRebase(['systemd', 'units', j], ['systemd', 'units', at]);
      const out = this.copy(u, types.Unit, ['systemd', 'units', j], ['systemd', 'units', at]) as Obj;
      if (!targets) {
        units.push(out);
        this.untranscribedZeros(u, at);
      } else {
        const parentDropins = new Map(((units[at].Dropins ?? []) as Obj[]).map((d, i) => [d.Name as string, i]));
        for (const k of targets) units[k] = mergeUnit(units[k], out);
        this.trailMergedUnit(u, j, at, units[at], parentDropins);
      }
    }
    systemd.Units = units;
    return systemd;
  }

  /**
   * Ignition's merge transcript records no zero value (an empty name) and no entry made only of
   * them; butane then reports on such output paths as they are, at the same path in the config
   * (which may be another unit). An appended user unit gets those identity records.
   */
  private untranscribedZeros(u: Obj, at: number): void {
    const to: PathStep[] = ['systemd', 'units', at];
    let any = u.Contents != null || u.Enabled != null || u.Mask != null;
    if (!u.Name) this.trail.add([...to, 'name'], [...to, 'name']);
    else any = true;
    const dropins = (u.Dropins ?? []) as Obj[];
    let anyDropin = false;
    dropins.forEach((d, i) => {
      const dto: PathStep[] = [...to, 'dropins', i];
      if (!d.Name) this.trail.add([...dto, 'name'], [...dto, 'name']);
      if (d.Name || d.Contents != null) anyDropin = true;
      else this.trail.add(dto, dto);
    });
    if (dropins.length && !anyDropin) this.trail.add([...to, 'dropins'], [...to, 'dropins']);
    if (!any && !anyDropin) this.trail.add(to, to);
  }

  /**
   * A user unit merged into a mount unit: what the user's unit set is reported on the user's
   * unit (butane prefers the child of a merge), the rest on the filesystem's with_mount_unit.
   */
  private trailMergedUnit(u: Obj, j: number, at: number, merged: Obj, parentDropins: Map<string, number>): void {
    const from: PathStep[] = ['systemd', 'units', j];
    const to: PathStep[] = ['systemd', 'units', at];
    this.trail.add(from, to);
    for (const [field, key] of [['Name', 'name'], ['Contents', 'contents'], ['Enabled', 'enabled'], ['Mask', 'mask']] as const) {
      if (u[field] != null) this.trail.add([...from, key], [...to, key]);
    }
    // where each drop-in landed (see mergeUnit): a parent's slot, else appended in order
    const dropins = (u.Dropins ?? []) as Obj[];
    const parentCount = (merged.Dropins?.length ?? 0) - dropins.filter((d) => !parentDropins.has(d.Name)).length;
    let appended = 0;
    dropins.forEach((d, i) => {
      const k = parentDropins.has(d.Name) ? parentDropins.get(d.Name)! : parentCount + appended++;
      this.trail.addRebase([...from, 'dropins', i], [...to, 'dropins', k]);
    });
  }

  private trees(cfg: Obj, out: Obj): void {
    const trees = (cfg.Storage?.Trees ?? []) as Obj[];
    if (!trees.length) return;
    const t = new NodeTracker(out);
    for (let i = 0; i < trees.length; i++) {
      const tree = trees[i];
      const yamlPath: PathStep[] = ['storage', 'trees', i];
      const files = this.opts.files;
      if (!files) {
        this.error(yamlPath, ERR.noFilesDir);
        return;
      }
      const walked = files.tree(tree.Local);
      if (!walked.ok) {
        this.error(yamlPath, walked.error);
        continue;
      }
      const destBase = tree.Path != null && tree.Path !== '' ? tree.Path : '/';
      const user = tree.User ?? { ID: null, Name: null };
      const group = tree.Group ?? { ID: null, Name: null };
      const custom = tree.DirMode != null || user.ID != null || user.Name != null || group.ID != null || group.Name != null;
      for (const e of walked.entries) {
        if (e.error) {
          this.error(yamlPath, e.error);
          continue;
        }
        const dest = pathJoin(destBase, e.rel);
        if (e.kind === 'dir') {
          if (!custom) continue;
          if (t.exists(dest)) {
            this.error(yamlPath, ERR.nodeExists);
            continue;
          }
          const i2 = t.add('dirs', { ...newNode(dest, user, group), Mode: tree.DirMode ?? 0o755 });
          this.trail.addCommon(yamlPath, ['storage', 'directories', i2]);
        } else if (e.kind === 'file') {
          let found = t.get('files', dest);
          if (found) {
            if (found.node.Contents?.Source != null && found.node.Contents.Source !== '') {
              this.error(yamlPath, ERR.nodeExists);
              continue;
            }
          } else {
            if (t.exists(dest)) {
              this.error(yamlPath, ERR.nodeExists);
              continue;
            }
            const idx = t.add('files', { ...newNode(dest, user, group), Append: null, Contents: emptyResource(), Mode: null });
            found = { index: idx, node: t.list('files')[idx] };
            this.trail.addCommon(yamlPath, ['storage', 'files', idx]);
          }
          const r = e.read!();
          if (!r.ok) {
            this.error(yamlPath, r.error);
            continue;
          }
          const file = found.node;
          file.Contents ??= emptyResource();
          const d = makeDataUrl(r.data, file.Contents.Compression, this.opts.allowCompression);
          file.Contents.Source = d.url;
          if (d.compression !== null) file.Contents.Compression = d.compression;
          if (file.Mode == null) file.Mode = tree.FileMode ?? (e.executable ? 0o755 : 0o644);
          this.trail.addCommon(yamlPath, ['storage', 'files', found.index, 'contents']);
          this.trail.addCommon(yamlPath, ['storage', 'files', found.index, 'mode']);
        } else if (e.kind === 'symlink') {
          let found = t.get('links', dest);
          if (found) {
            if (found.node.Target != null && found.node.Target !== '') {
              this.error(yamlPath, ERR.nodeExists);
              continue;
            }
          } else {
            if (t.exists(dest)) {
              this.error(yamlPath, ERR.nodeExists);
              continue;
            }
            const idx = t.add('links', { ...newNode(dest, user, group), Hard: null, Target: null });
            found = { index: idx, node: t.list('links')[idx] };
            this.trail.addCommon(yamlPath, ['storage', 'links', idx]);
          }
          found.node.Target = e.target;
          this.trail.addCommon(yamlPath, ['storage', 'links', found.index, 'target']);
        } else {
          this.error(yamlPath, ERR.fileType);
        }
      }
    }
  }

  private quadlets(cfg: Obj, out: Obj): void {
    const quadlets = (cfg.Systemd?.Quadlets ?? []) as Obj[];
    if (!quadlets.length) return;
    const t = new NodeTracker(out);
    for (let qi = 0; qi < quadlets.length; qi++) {
      const q = quadlets[qi];
      const qPath: PathStep[] = ['systemd', 'quadlets', qi];
      const template = templateOf(q.Name);
      const dest = quadletPath(q.Rootful === true, q.Name);
      if (template !== null) {
        if (t.get('links', dest) || t.exists(dest)) this.error(qPath, ERR.nodeExists);
        else {
          const idx = t.add('links', { ...newNode(dest, null, null), Hard: null, Target: template });
          this.trail.addCommon(qPath, ['storage', 'links', idx]);
          this.trail.add([...qPath, 'name'], ['storage', 'links', idx, 'path']);
        }
      } else this.fileWithContents(t, q.ContentsLocal, q.Contents, dest, qPath);
      const dropins = (q.Dropins ?? []) as Obj[];
      for (let i = 0; i < dropins.length; i++) {
        const d = dropins[i];
        this.fileWithContents(t, d.ContentsLocal, d.Contents, `${dest}.d/${d.Name}`, [...qPath, 'dropins', i]);
      }
    }
  }

  private fileWithContents(t: NodeTracker, local: string | null, inline: string | null, dest: string, ctxPath: PathStep[]): void {
    const existing = t.get('files', dest);
    if ((existing && existing.node.Contents?.Source != null && existing.node.Contents.Source !== '') || t.exists(dest)) {
      this.error(ctxPath, ERR.nodeExists);
      return;
    }
    const idx = t.add('files', { ...newNode(dest, null, null), Append: null, Contents: emptyResource(), Mode: null });
    const file = t.list('files')[idx];
    this.trail.addCommon(ctxPath, ['storage', 'files', idx]);
    this.trail.add([...ctxPath, 'name'], ['storage', 'files', idx, 'path']);
    let content: Uint8Array = new Uint8Array(0);
    let contentPath = ctxPath;
    if (local != null && local !== '') {
      contentPath = [...ctxPath, 'contents_local'];
      const files = this.opts.files;
      const r = files ? files.read(local) : ({ ok: false, error: ERR.noFilesDir } as const);
      if (!r.ok) {
        this.error(contentPath, r.error);
        return;
      }
      content = r.data;
    }
    if (inline != null && inline !== '') {
      contentPath = [...ctxPath, 'contents'];
      content = UTF8.encode(inline);
    }
    const d = makeDataUrl(content, file.Contents.Compression, this.opts.allowCompression);
    file.Contents.Source = d.url;
    this.trail.add(contentPath, ['storage', 'files', idx, 'contents', 'source']);
    if (d.compression !== null) file.Contents.Compression = d.compression;
    this.trail.add(contentPath, ['storage', 'files', idx, 'contents']);
    if (file.Mode == null) file.Mode = 0o644;
  }
}

function emptyResource(): Obj {
  return { Compression: null, HTTPHeaders: null, Source: null, Verification: { Hash: null } };
}

function newNode(path: string, user: Obj | null, group: Obj | null): Obj {
  return { Group: { ID: group?.ID ?? null, Name: group?.Name ?? null }, Overwrite: null, Path: path, User: { ID: user?.ID ?? null, Name: user?.Name ?? null } };
}

/**
 * An Ignition merge of one unit: child fields that are set win; drop-ins keyed by name, each
 * parent drop-in merged with the last child drop-in of its name, then the child's drop-ins of
 * other names appended (repeats included).
 */
function mergeUnit(parent: Obj, child: Obj): Obj {
  const out: Obj = { ...parent };
  for (const k of Object.keys(child)) {
    if (k === 'Dropins') continue;
    if (child[k] != null) out[k] = child[k];
  }
  const pd = (parent.Dropins ?? []) as Obj[];
  const cd = (child.Dropins ?? []) as Obj[];
  if (pd.length + cd.length) {
    const lastNamed = new Map(cd.map((d) => [d.Name, d]));
    const parentNames = new Set(pd.map((d) => d.Name));
    const list = pd.map((d) => {
      const c = lastNamed.get(d.Name);
      return c ? { ...d, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v != null)) } : { ...d };
    });
    for (const d of cd) if (!parentNames.has(d.Name)) list.push({ ...d });
    out.Dropins = list;
  }
  return out;
}

type NodeKind = 'files' | 'dirs' | 'links';
const LIST_FIELD: Record<NodeKind, string> = { files: 'Files', dirs: 'Directories', links: 'Links' };

/** butane's nodeTracker: the output's files, directories and links by path. */
class NodeTracker {
  private readonly maps: Record<NodeKind, Map<string, number>> = { files: new Map(), dirs: new Map(), links: new Map() };

  constructor(private readonly out: Obj) {
    out.Storage ??= {};
    for (const k of Object.keys(LIST_FIELD) as NodeKind[]) {
      const list = (out.Storage[LIST_FIELD[k]] ?? []) as Obj[];
      list.forEach((n, i) => this.maps[k].set(n.Path, i));
    }
  }

  list(kind: NodeKind): Obj[] {
    return (this.out.Storage[LIST_FIELD[kind]] ??= []);
  }

  exists(path: string): boolean {
    return this.maps.files.has(path) || this.maps.dirs.has(path) || this.maps.links.has(path);
  }

  get(kind: NodeKind, path: string): { index: number; node: Obj } | null {
    const i = this.maps[kind].get(path);
    return i === undefined ? null : { index: i, node: this.list(kind)[i] };
  }

  add(kind: NodeKind, node: Obj): number {
    const list = this.list(kind);
    list.push(node);
    this.maps[kind].set(node.Path, list.length - 1);
    return list.length - 1;
  }
}

export function translateConfig(cfg: Obj, schema: BaseSchema, opts: TranslateOptions): Translated {
  const tr = new Translator(schema, opts);
  const config = tr.config(cfg);
  // butane returns an empty result when translation failed
  return { config: isFatalEntries(tr.entries) ? {} : config, trail: tr.trail, entries: tr.entries };
}

// butane's translateFile and translateResource visit the fields in these orders (it shows in
// the order of their reports)
const FILE_ORDER: readonly string[] = ['Group', 'User', 'Append', 'Contents', 'Overwrite', 'Path', 'Mode'];
const RESOURCE_ORDER: readonly string[] = ['Verification', 'HTTPHeaders', 'Source', 'Compression'];

// fields() runs for every struct of a config: what it derives from the schema alone is kept
const orderedCache = new WeakMap<StructType, Map<readonly string[], StructType['fields']>>();
function orderedFields(t: StructType, order: readonly string[]): StructType['fields'] {
  let byOrder = orderedCache.get(t);
  if (!byOrder) orderedCache.set(t, (byOrder = new Map()));
  let list = byOrder.get(order);
  if (!list) byOrder.set(order, (list = order.map((n) => t.fields.find((f) => f.name === n)!).filter(Boolean)));
  return list;
}
function isPlain(t: GoType): boolean {
  return t.kind !== 'slice' && t.kind !== 'struct' && (t.kind !== 'ptr' || isPlain(t.elem));
}
const camelKeys = new Map<string, string>();
function camelKey(key: string): string {
  let c = camelKeys.get(key);
  if (c === undefined) camelKeys.set(key, (c = camel(key)));
  return c;
}
