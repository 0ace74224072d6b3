// Ignition spec 2.3 -> 3.0 with the semantics of coreos/ign-converter (translate/v23tov30):
// the reference side of the CLC -> Butane proof. Input is ct's output as our Ignition 2.3
// model (values keyed by Go field name); output is the Ignition 3.0 JSON value as the converter
// serializes it (nil pointers, empty lists and empty objects left out).
//
// What the converter refuses, it refuses in this order: networkd units, a filesystem without a
// mount path, two storage entries for one path, an entry below a link the config creates, two
// units or drop-ins with one name; then the 3.0 validation of the result (duplicate entries...).

import type { IgnValue } from './types.ts';
import { clean, isAbs, join } from '../go/path.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** filesystem name -> where it is mounted in the running system ("root" is always "/") */
export type FsMap = Record<string, string>;

export type V30Result =
  | { ok: true; config: JsonObject }
  /** `message` is the converter's error text; `kind` says which rule refused */
  | { ok: false; kind: 'networkd' | 'no-fs-path' | 'duplicate' | 'own-link' | 'invalid'; message: string; filesystems?: string[]; where?: V30Where };

/** Which input entry a refusal is about (section and index in ct's output), when it has one. */
export interface V30Where {
  list: 'files' | 'directories' | 'links' | 'units' | 'dropins' | 'filesystems';
  index: number;
  dropin?: number;
}

export const MSG_USES_NETWORKD = 'config includes deprecated networkd section - use Files instead';
export const MSG_DUPLICATE = 'duplicate entry defined';

export function noFilesystemMessage(name: string): string {
  return `Config defined filesystem ${JSON.stringify(name)} but no mapping was defined.Please specify a path to be used as the filesystem mountpoint.`;
}
export function duplicateInodeMessage(old: string, now: string): string {
  return `Config has conflicting inodes: ${JSON.stringify(old)} and ${JSON.stringify(now)}.  All files, directories and links must specify a unique \`path\`.`;
}
export function usesOwnLinkMessage(name: string, link: string): string {
  return `${name} uses link defined in config ${JSON.stringify(link)}. Please use a link not defined in Storage:Links`;
}
export function duplicateUnitMessage(name: string): string {
  return `Config has duplicate unit name ${JSON.stringify(name)}.  All units must specify a unique \`name\`.`;
}
export function duplicateDropinMessage(unit: string, name: string): string {
  return `Config has duplicate dropin name ${JSON.stringify(name)} in unit ${JSON.stringify(unit)}.  All dropins must specify a unique \`name\`.`;
}

/** Filesystems other than root that have no mount path in `fsMap`, in config order, once each. */
export function unmappedFilesystems(ign: IgnValue, fsMap: FsMap): string[] {
  const out: string[] = [];
  for (const fs of (ign.Storage.Filesystems ?? []) as IgnValue[]) {
    if (fs.Name !== 'root' && !Object.hasOwn(fsMap, fs.Name) && !out.includes(fs.Name)) out.push(fs.Name);
  }
  return out;
}

/** The path of a node in the 3.0 config: its filesystem's mount path joined with its own. */
function nodePath(fsMap: FsMap, n: IgnValue): string {
  return join(fsMap[n.Filesystem] ?? '', n.Path);
}

/** ign-converter's Check2_3: what stops a translation before it starts. */
export function check23(ign: IgnValue, fsMapIn: FsMap): Extract<V30Result, { ok: false }> | null {
  if (((ign.Networkd?.Units ?? []) as unknown[]).length) return { ok: false, kind: 'networkd', message: MSG_USES_NETWORKD };
  const fsMap: FsMap = { ...fsMapIn, root: '/' };
  const filesystems = (ign.Storage.Filesystems ?? []) as IgnValue[];
  for (let i = 0; i < filesystems.length; i++) {
    if (!Object.hasOwn(fsMap, filesystems[i].Name)) {
      return {
        ok: false,
        kind: 'no-fs-path',
        message: noFilesystemMessage(filesystems[i].Name),
        filesystems: unmappedFilesystems(ign, fsMap),
        where: { list: 'filesystems', index: i },
      };
    }
  }

  const seen = new Map<string, string>();
  const links = ((ign.Storage.Links ?? []) as IgnValue[]).map((l) => join('/', fsMap[l.Filesystem] ?? '', l.Path));
  const underLink = (p: string): string => links.find((l) => p.startsWith(l) && p !== l) ?? '';
  const lists: Array<['files' | 'directories' | 'links', string]> = [
    ['files', 'File'],
    ['directories', 'Directory'],
    ['links', 'Link'],
  ];
  for (const [list, label] of lists) {
    const field = list === 'files' ? 'Files' : list === 'directories' ? 'Directories' : 'Links';
    const entries = (ign.Storage[field] ?? []) as IgnValue[];
    for (let i = 0; i < entries.length; i++) {
      const p = join('/', fsMap[entries[i].Filesystem] ?? '', entries[i].Path);
      const name = `${label}: ${p}`;
      const old = seen.get(p);
      if (old !== undefined) return { ok: false, kind: 'duplicate', message: duplicateInodeMessage(old, name), where: { list, index: i } };
      // a link is recorded before it is checked, the others after
      if (list === 'links') seen.set(p, name);
      const l = underLink(p);
      if (l) return { ok: false, kind: 'own-link', message: usesOwnLinkMessage(name, l), where: { list, index: i } };
      seen.set(p, name);
    }
  }

  const units = (ign.Systemd.Units ?? []) as IgnValue[];
  const unitNames = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (unitNames.has(u.Name)) return { ok: false, kind: 'duplicate', message: duplicateUnitMessage(u.Name), where: { list: 'units', index: i } };
    unitNames.add(u.Name);
    const dropins = new Set<string>();
    const ds = (u.Dropins ?? []) as IgnValue[];
    for (let j = 0; j < ds.length; j++) {
      if (dropins.has(ds[j].Name)) {
        return { ok: false, kind: 'duplicate', message: duplicateDropinMessage(u.Name, ds[j].Name), where: { list: 'dropins', index: i, dropin: j } };
      }
      dropins.add(ds[j].Name);
    }
  }
  return null;
}

// --- translation ------------------------------------------------------------------------------

/** util.StrP / BoolP / IntP: the zero value becomes "not set" */
const strP = (s: string | null | undefined): string | undefined => (s ? s : undefined);
const boolP = (b: boolean | null | undefined): true | undefined => (b ? true : undefined);
const intP = (n: number | null | undefined): number | undefined => (n ? n : undefined);
const list = <T>(a: T[] | null | undefined): T[] | undefined => (a && a.length ? a : undefined);

function verification(hash: string | null | undefined): JsonObject {
  return hash == null ? {} : { hash };
}

function cfgRef(ref: IgnValue): JsonObject {
  return { source: ref.Source, verification: verification(ref.Verification.Hash) };
}

/**
 * The converter takes each reference's source by the address of its loop variable, and the
 * module is built with Go's pre-1.22 loop semantics: every entry ends up with the source of the
 * last one (the hashes are copied and stay their own). Two or more `append` entries therefore
 * always come out as duplicates, which the 3.0 validation refuses.
 */
function mergeRefs(refs: IgnValue[], exact: boolean): JsonObject[] {
  const last = refs.length ? refs[refs.length - 1].Source : '';
  return refs.map((ref) => ({ source: exact ? ref.Source : last, verification: verification(ref.Verification.Hash) }));
}

function nodeOf(n: IgnValue, fsMap: FsMap): JsonObject {
  return (prune({
    group: { id: n.Group?.ID ?? undefined, name: strP(n.Group?.Name) },
    overwrite: n.Overwrite ?? undefined,
    path: nodePath(fsMap, n),
    user: { id: n.User?.ID ?? undefined, name: strP(n.User?.Name) },
  }) ?? {}) as JsonObject;
}

function translateUnit(u: IgnValue): JsonObject {
  // enabled wins over the deprecated enable; an explicit false stays false
  let enabled: boolean | undefined;
  if (u.Enabled === true || u.Enable) enabled = true;
  if (u.Enabled === false) enabled = false;
  return {
    contents: strP(u.Contents),
    dropins: list(((u.Dropins ?? []) as IgnValue[]).map((d) => ({ contents: strP(d.Contents), name: d.Name }))),
    enabled,
    mask: boolP(u.Mask),
    name: u.Name,
  } as any;
}

function translateFile(f: IgnValue, fsMap: FsMap): JsonObject {
  // Ignition 2 overwrites files unless told not to; Ignition 3 needs it said, and an
  // appended file must not be overwritten
  let overwrite: boolean = f.Overwrite ?? true;
  if (f.Append) overwrite = false;
  const contents: JsonObject = {
    compression: strP(f.Contents.Compression),
    source: f.Contents.Source ?? '',
    verification: verification(f.Contents.Verification.Hash),
  } as any;
  return {
    ...nodeOf({ ...f, Overwrite: overwrite }, fsMap),
    append: f.Append ? [contents] : undefined,
    contents: f.Append ? undefined : contents,
    mode: f.Mode ?? undefined,
  } as any;
}

/** Translates after ign-converter's checks; `fsMap` gives the mount path of each filesystem. */
export interface V30Options {
  /**
   * Give each `merge` entry its own source. The converter gives them all the last one (see
   * mergeRefs); the proof of a conversion compares with what Ignition 2 fetched instead.
   */
  exactMergeSources?: boolean;
}

export function translateV23toV30(ign: IgnValue, fsMapIn: FsMap = {}, options: V30Options = {}): V30Result {
  const refused = check23(ign, fsMapIn);
  if (refused) return refused;
  const fsMap: FsMap = { ...fsMapIn, root: '/' };
  const s = ign.Storage;
  const cfg: any = {
    ignition: {
      config: {
        merge: list(mergeRefs((ign.Ignition.Config.Append ?? []) as IgnValue[], !!options.exactMergeSources)),
        replace: ign.Ignition.Config.Replace ? cfgRef(ign.Ignition.Config.Replace) : undefined,
      },
      security: {
        tls: {
          certificateAuthorities: list(
            ((ign.Ignition.Security?.CertificateAuthorities ?? []) as IgnValue[]).map((c) => ({ source: c.Source, verification: verification(c.Verification.Hash) })),
          ),
        },
      },
      timeouts: { httpResponseHeaders: ign.Ignition.Timeouts.HTTPResponseHeaders ?? undefined, httpTotal: ign.Ignition.Timeouts.HTTPTotal ?? undefined },
      version: '3.0.0',
    },
    passwd: {
      groups: list(
        ((ign.Passwd.Groups ?? []) as IgnValue[]).map((g) => ({ gid: g.Gid ?? undefined, name: g.Name, passwordHash: strP(g.PasswordHash), system: boolP(g.System) })),
      ),
      users: list(
        // Ignition 3 has no `create` object; the converter leaves it behind
        ((ign.Passwd.Users ?? []) as IgnValue[]).map((u) => ({
          gecos: strP(u.Gecos),
          groups: list(u.Groups),
          homeDir: strP(u.HomeDir),
          name: u.Name,
          noCreateHome: boolP(u.NoCreateHome),
          noLogInit: boolP(u.NoLogInit),
          noUserGroup: boolP(u.NoUserGroup),
          passwordHash: u.PasswordHash ?? undefined,
          primaryGroup: strP(u.PrimaryGroup),
          sshAuthorizedKeys: list(u.SSHAuthorizedKeys),
          shell: strP(u.Shell),
          system: boolP(u.System),
          uid: u.UID ?? undefined,
        })),
      ),
    },
    storage: {
      directories: list(((s.Directories ?? []) as IgnValue[]).map((d) => ({ ...nodeOf(d, fsMap), mode: d.Mode ?? undefined }))),
      disks: list(
        ((s.Disks ?? []) as IgnValue[]).map((d) => ({
          device: d.Device,
          partitions: list(
            ((d.Partitions ?? []) as IgnValue[]).map((p) => ({
              guid: strP(p.GUID),
              label: p.Label ?? undefined,
              number: intP(p.Number),
              shouldExist: p.ShouldExist ?? undefined,
              sizeMiB: p.SizeMiB ?? undefined,
              startMiB: p.StartMiB ?? undefined,
              typeGuid: strP(p.TypeGUID),
              wipePartitionEntry: boolP(p.WipePartitionEntry),
            })),
          ),
          wipeTable: boolP(d.WipeTable),
        })),
      ),
      files: list(((s.Files ?? []) as IgnValue[]).map((f) => translateFile(f, fsMap))),
      filesystems: list(
        ((s.Filesystems ?? []) as IgnValue[])
          .filter((f) => f.Name !== 'root')
          .map((f) => {
            const m = f.Mount ?? {};
            return {
              device: m.Device ?? '',
              format: strP(m.Format),
              label: m.Label ?? undefined,
              options: list(m.Options),
              path: strP(fsMap[f.Name]),
              uuid: m.UUID ?? undefined,
              wipeFilesystem: boolP(m.WipeFilesystem),
            };
          }),
      ),
      links: list(((s.Links ?? []) as IgnValue[]).map((l) => ({ ...nodeOf(l, fsMap), hard: boolP(l.Hard), target: l.Target }))),
      raid: list(
        ((s.Raid ?? []) as IgnValue[]).map((r) => ({
          devices: list(r.Devices),
          level: r.Level,
          name: r.Name,
          options: list(r.Options),
          spares: intP(r.Spares),
        })),
      ),
    },
    systemd: { units: list(((ign.Systemd.Units ?? []) as IgnValue[]).map(translateUnit)) },
  };
  const config = prune(cfg) as JsonObject;
  const problems = validateV30(config);
  if (problems.length) return { ok: false, kind: 'invalid', message: problems.map((p) => `error at ${p.path}: ${p.message}\n`).join('') };
  return { ok: true, config };
}

/** Leaves out what the converter's JSON writer leaves out: unset values, empty lists and objects. */
export function prune(v: any): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const out = v.map((x) => prune(x) ?? null);
    return out.length ? out : undefined;
  }
  if (typeof v === 'object') {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) {
      const x = prune(v[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

// --- the 3.0 validation the converter runs on its result ----------------------------------------
// Only what a config ct accepted can still fail in 3.0: duplicate entries (every list of keyed
// entries or strings), filesystem format rules and a few storage rules 2.3 did not have.

export interface V30Problem {
  path: string;
  message: string;
}

const KEYS: Record<string, (e: any) => string> = {
  merge: (e) => e.source ?? '',
  certificateAuthorities: (e) => e.source,
  disks: (e) => e.device,
  partitions: (e) => (e.number ? `number:${e.number}` : e.label !== undefined ? `label:${e.label}` : ''),
  raid: (e) => e.name,
  filesystems: (e) => e.device,
  units: (e) => e.name,
  dropins: (e) => e.name,
  users: (e) => e.name,
  groups: (e) => e.name,
};
/** lists whose duplicates the validation allows */
const IGNORED = new Set(['append', 'options']);

function validateV30(cfg: JsonObject): V30Problem[] {
  const out: V30Problem[] = [];
  const storage = (cfg.storage ?? {}) as any;
  // files, directories and links share one path namespace; the converter checked it already
  const filesystems = (storage.filesystems ?? []) as any[];
  filesystems.forEach((f, i) => {
    if (f.path !== undefined && !isAbs(f.path)) out.push({ path: `$.storage.filesystems.${i}.path`, message: 'path not absolute' });
    const fmt = f.format;
    if (fmt === undefined) {
      if (f.path || f.label || f.uuid || f.wipeFilesystem || f.options) {
        out.push({ path: `$.storage.filesystems.${i}.format`, message: 'format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified' });
      }
    } else if (!['ext4', 'btrfs', 'xfs', 'swap', 'vfat'].includes(fmt)) {
      out.push({ path: `$.storage.filesystems.${i}.format`, message: 'invalid filesystem format' });
    }
  });
  ((storage.disks ?? []) as any[]).forEach((d, i) =>
    ((d.partitions ?? []) as any[]).forEach((p, j) => {
      if (!p.number && p.label === undefined) out.push({ path: `$.storage.disks.${i}.partitions.${j}`, message: 'a partition number >= 1 or a label must be specified' });
    }),
  );
  const dirs = new Set(((storage.directories ?? []) as any[]).map((d) => d.path));
  ((storage.links ?? []) as any[]).forEach((l, i) => {
    if (!l.hard) return;
    const target = isAbs(clean(l.target)) ? clean(l.target) : join(l.path, l.target);
    if (dirs.has(target)) out.push({ path: `$.storage.links.${i}`, message: 'hard link target is a directory' });
  });
  // the duplicate check runs after the per-entry checks
  walkDups(cfg, '$', out);
  return out;
}

function walkDups(v: Json, path: string, out: V30Problem[]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => walkDups(x, `${path}.${i}`, out));
    return;
  }
  if (!v || typeof v !== 'object') return;
  // files, directories and links are one list for duplicates (keyed by path)
  const nodes = new Set<string>();
  for (const [k, x] of Object.entries(v)) {
    if (Array.isArray(x) && !IGNORED.has(k)) {
      const shared = k === 'files' || k === 'directories' || k === 'links';
      const seen = shared ? nodes : new Set<string>();
      const key = shared ? (e: any) => e.path : (KEYS[k] ?? ((e: any) => JSON.stringify(e)));
      x.forEach((e, i) => {
        const id = typeof e === 'string' ? e : key(e);
        if (seen.has(id)) out.push({ path: `${path}.${k}.${i}`, message: MSG_DUPLICATE });
        seen.add(id);
      });
    }
    walkDups(x, `${path}.${k}`, out);
  }
}

