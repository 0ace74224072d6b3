// Where each filesystem of a Container Linux Config is mounted. Ignition 2 names a filesystem
// by a name; Ignition 3 places files by absolute path under a mounted filesystem, so every
// filesystem other than root needs a mount path: from a `.mount` unit of the same config whose
// What= is the filesystem's device (its Where=), or given by the user (--fs-path NAME=PATH).

import type { IgnValue } from '../ignition/types.ts';
import { parseUnitFile } from '../ignition/unit-file.ts';
import type { FsMap } from '../ignition/v23tov30.ts';

export interface MountUnit {
  unit: string;
  what: string;
  where: string;
}

/** The What= and Where= of every `.mount` unit with contents (Where= from the name if unset). */
export function mountUnits(ign: IgnValue): MountUnit[] {
  const out: MountUnit[] = [];
  for (const u of (ign.Systemd.Units ?? []) as IgnValue[]) {
    if (!u.Name.endsWith('.mount') || !u.Contents) continue;
    const parsed = parseUnitFile(u.Contents);
    if (!parsed.ok) continue;
    let what = '';
    let where = '';
    // the last assignment wins, as in systemd
    for (const o of parsed.options) {
      if (o.section !== 'Mount') continue;
      if (o.name === 'What') what = o.value.trim();
      if (o.name === 'Where') where = o.value.trim();
    }
    if (!where) where = pathFromMountUnitName(u.Name);
    if (what && where) out.push({ unit: u.Name, what, where });
  }
  return out;
}

/** systemd's unit name -> path for mount units: "-" is "/", "\xNN" is a byte. */
export function pathFromMountUnitName(name: string): string {
  const stem = name.slice(0, -'.mount'.length);
  if (stem === '-') return '/';
  const bytes: number[] = [];
  for (let i = 0; i < stem.length; i++) {
    const m = /^\\x([0-9a-fA-F]{2})/.exec(stem.slice(i));
    if (m) {
      bytes.push(parseInt(m[1], 16));
      i += 3;
    } else bytes.push(...new TextEncoder().encode(stem[i] === '-' ? '/' : stem[i]));
  }
  return '/' + new TextDecoder().decode(new Uint8Array(bytes));
}

export interface FsPathResolution {
  fsMap: FsMap;
  /** where each mapped path came from */
  origin: Record<string, { kind: 'given' } | { kind: 'unit'; unit: string } | { kind: 'path' }>;
  /** filesystems other than root still without a path, in config order */
  missing: string[];
}

/**
 * Paths given by the user win; a filesystem named by its path (Ignition 2's form for one that
 * is already mounted) is at that path; the rest come from mount units whose What= is the device.
 */
export function resolveFsPaths(ign: IgnValue, given: FsMap = {}): FsPathResolution {
  const units = mountUnits(ign);
  const fsMap: FsMap = {};
  const origin: FsPathResolution['origin'] = {};
  const missing: string[] = [];
  for (const fs of (ign.Storage.Filesystems ?? []) as IgnValue[]) {
    const name: string = fs.Name;
    if (name === 'root' || Object.hasOwn(fsMap, name)) continue;
    if (Object.hasOwn(given, name)) {
      fsMap[name] = given[name];
      origin[name] = { kind: 'given' };
      continue;
    }
    // a filesystem given by path is one that is already mounted there
    if (!fs.Mount && fs.Path) {
      fsMap[name] = fs.Path;
      origin[name] = { kind: 'path' };
      continue;
    }
    const device: string | undefined = fs.Mount?.Device;
    const unit = device ? units.find((u) => u.what === device) : undefined;
    if (unit) {
      fsMap[name] = unit.where;
      origin[name] = { kind: 'unit', unit: unit.unit };
    } else if (!missing.includes(name)) missing.push(name);
  }
  return { fsMap, origin, missing };
}

/** `NAME=PATH` of --fs-path; the path must be absolute. */
export function parseFsPathArg(arg: string): { ok: true; name: string; path: string } | { ok: false; error: string } {
  const eq = arg.indexOf('=');
  if (eq <= 0) return { ok: false, error: `--fs-path wants NAME=PATH, got "${arg}"` };
  const name = arg.slice(0, eq);
  const p = arg.slice(eq + 1);
  if (!p.startsWith('/')) return { ok: false, error: `--fs-path ${name}: the mount path must be absolute, got "${p}"` };
  return { ok: true, name, path: p };
}
