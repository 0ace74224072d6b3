// Checks on the storage section (node.go, file.go, directory.go, storage.go, disk.go,
// partition.go, raid.go, filesystem.go, device.go of Ignition's config/v3_x/types).

import { clean, isAbs, join } from '../../../go/path.ts';
import { ERR } from '../errors.ts';
import type { Ign3Path, Ign3Report, SpecRules } from '../report.ts';
import { byteLength, isFalse, isTrue, modeError, modeSpecialBitsWarning, nilOrEmpty, notEmpty, pathError, pathErrorNilOk } from './common.ts';
import type { Checks3 } from './common.ts';
import { raidLevelKind } from '../../raid-levels.ts';

function idOrNameError(o: any): string | null {
  return o.ID != null && notEmpty(o.Name) ? ERR.bothIdAndNameSet : null;
}

function nodeCheck(n: any, at: Ign3Path, r: Ign3Report): void {
  r.errorIn(at, 'path', pathError(n.Path));
}

function modeChecks(n: any, at: Ign3Path, r: Ign3Report, rules: SpecRules): void {
  r.errorIn(at, 'mode', modeError(n.Mode));
  if (rules.modeSpecialBitsWarning) r.warnIn(at, 'mode', modeSpecialBitsWarning(n.Mode));
}

// --- disks and partitions ---------------------------------------------------------------------

// Go's regexp [[:xdigit:]] is ASCII hex; the empty string is allowed.
const GUID = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;

function guidError(g: string | null | undefined): string | null {
  return g != null && !GUID.test(g) ? ERR.doesntMatchGuidRegex : null;
}

/**
 * The index of a partition whose number another one already uses. Ignition ranges over a Go
 * map here, so with several colliding numbers the one it reports varies from run to run; this
 * takes the number that collides first in config order.
 */
function partitionNumberCollision(parts: any[]): number {
  const byNumber = new Map<number, number[]>();
  for (let i = 0; i < parts.length; i++) {
    const n = parts[i].Number ?? 0;
    // a number of 0 means "the next free one": any number of partitions may say so
    if (n === 0) continue;
    const list = byNumber.get(n);
    if (list) list.push(i);
    else byNumber.set(n, [i]);
  }
  for (const list of byNumber.values()) if (list.length > 1) return list[1];
  return -1;
}

function partitionEnd(p: any): number {
  // a size of 0 means "fill what is left": the start stands for the end
  return p.SizeMiB === 0 ? p.StartMiB : p.StartMiB + p.SizeMiB - 1;
}

/** The index of the first explicitly placed partition another explicitly placed one overlaps. */
function partitionOverlap(parts: any[]): number {
  const placed = (p: any) => p.StartMiB != null && p.SizeMiB != null && p.StartMiB !== 0;
  for (let a = 0; a < parts.length; a++) {
    const p = parts[a];
    if (!placed(p)) continue;
    for (let i = 0; i < parts.length; i++) {
      const o = parts[i];
      // Ignition compares the structs; distinct entries never have equal pointers
      if (i === a || !placed(o)) continue;
      const pEnd = partitionEnd(p);
      const oEnd = partitionEnd(o);
      if (p.StartMiB >= o.StartMiB && p.StartMiB <= oEnd) return i;
      if (pEnd >= o.StartMiB && pEnd <= oEnd) return i;
      if (p.StartMiB < o.StartMiB && pEnd > oEnd) return i;
    }
  }
  return -1;
}

function partitionLabelCollision(parts: any[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i].Label;
    if (label == null) continue;
    if (seen.has(label)) return i;
    seen.add(label);
  }
  return -1;
}

function partitionLabelError(label: string | null | undefined): string | null {
  if (label == null) return null;
  if (byteLength(label) > 36) return ERR.labelTooLong;
  if (label.includes(':')) return ERR.labelContainsColon;
  return null;
}

// --- filesystems ----------------------------------------------------------------------------

const FORMATS = new Set(['ext4', 'btrfs', 'xfs', 'swap', 'vfat', 'none']);

function formatError(f: any): string | null {
  if (nilOrEmpty(f.Format)) {
    const others =
      notEmpty(f.Path) || notEmpty(f.Label) || notEmpty(f.UUID) || isTrue(f.WipeFilesystem) || (f.MountOptions?.length ?? 0) !== 0 || (f.Options?.length ?? 0) !== 0;
    return others ? ERR.formatNilWithOthers : null;
  }
  return FORMATS.has(f.Format) ? null : ERR.filesystemInvalidFormat;
}

/** Longest label each mkfs accepts, in bytes. */
const LABEL_LIMITS: Record<string, [number, string]> = {
  ext4: [16, ERR.ext4LabelTooLong],
  btrfs: [256, ERR.btrfsLabelTooLong],
  xfs: [12, ERR.xfsLabelTooLong],
  swap: [15, ERR.swapLabelTooLong],
  vfat: [11, ERR.vfatLabelTooLong],
};

function filesystemLabelError(f: any): string | null {
  if (nilOrEmpty(f.Label)) return null;
  if (nilOrEmpty(f.Format)) return ERR.labelNeedsFormat;
  const limit = Object.hasOwn(LABEL_LIMITS, f.Format) ? LABEL_LIMITS[f.Format] : undefined;
  return limit && byteLength(f.Label) > limit[0] ? limit[1] : null;
}

// --- raid -------------------------------------------------------------------------------------

function raidLevelError(ra: any): string | null {
  if (nilOrEmpty(ra.Level)) return ERR.raidLevelRequired;
  const kind = raidLevelKind(ra.Level);
  if (kind === 'unknown') return ERR.unrecognizedRaidLevel;
  return kind === 'without-spares' && ra.Spares != null && ra.Spares !== 0 ? ERR.sparesUnsupportedForLevel : null;
}

// --- the section as a whole -----------------------------------------------------------------

function storageLinks(s: any, at: Ign3Path, r: Ign3Report): void {
  const links = (s.Links ?? []) as any[];
  const dirs = (s.Directories ?? []) as any[];
  const linkPaths = countLinkPaths(links);
  for (let i = 0; i < links.length; i++) {
    const l1 = links[i];
    const p1 = l1.Path ?? '';
    for (let n = linksAbove(p1, linkPaths); n > 0; n--) r.error([...at, 'links', i], ERR.linkUsedSymlink);
    if (nilOrEmpty(l1.Target)) {
      r.error([...at, 'links', i, 'target'], ERR.linkTargetRequired);
      continue;
    }
    if (!isTrue(l1.Hard)) continue;
    let target = clean(l1.Target);
    if (!isAbs(target)) target = join(p1, l1.Target);
    for (const d of dirs) if (target === (d.Path ?? '')) r.error([...at, 'links', i], ERR.hardLinkToDirectory);
    const owner = (set: boolean, path: Ign3Path) => set && r.warn(path, ERR.hardLinkSpecifiesOwner);
    owner(l1.User?.ID != null, [...at, 'links', i, 'user', 'id']);
    owner(l1.User?.Name != null, [...at, 'links', i, 'user', 'name']);
    owner(l1.Group?.ID != null, [...at, 'links', i, 'group', 'id']);
    owner(l1.Group?.Name != null, [...at, 'links', i, 'group', 'name']);
  }
}

function storageFilesystems(s: any, at: Ign3Path, r: Ign3Report): void {
  const disks = new Map<string, any>();
  for (const d of (s.Disks ?? []) as any[]) disks.set(d.Device ?? '', d);
  const filesystems = (s.Filesystems ?? []) as any[];
  for (let i = 0; i < filesystems.length; i++) {
    const f = filesystems[i];
    const disk = disks.get(f.Device ?? '');
    if (!disk) continue;
    if ((disk.Partitions?.length ?? 0) > 0) r.warn([...at, 'filesystems', i, 'device'], ERR.partitionsOverwritten);
    else if (!isTrue(f.WipeFilesystem) && isTrue(disk.WipeTable)) r.warn([...at, 'filesystems', i, 'device'], ERR.filesystemImplicitWipe);
  }
}

/** Entries whose path runs through a link the config also creates. */
function underLinks(nodes: any[], links: any[], at: Ign3Path, key: string, message: string, r: Ign3Report): void {
  const linkPaths = countLinkPaths(links);
  for (let i = 0; i < nodes.length; i++) {
    for (let n = linksAbove(nodes[i].Path ?? '', linkPaths); n > 0; n--) r.error([...at, key, i], message);
  }
}

// Ignition compares every entry with every link; looking up each parent path of an entry
// instead gives the same reports (one per link, duplicates included) without the quadratic
// cost on configs with thousands of files and links.
function countLinkPaths(links: any[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of links) {
    const p = l.Path ?? '';
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/** How many links have a path q with `path` starting with q + '/'. */
function linksAbove(path: string, linkPaths: Map<string, number>): number {
  if (linkPaths.size === 0) return 0;
  let n = 0;
  for (let j = path.indexOf('/'); j >= 0; j = path.indexOf('/', j + 1)) n += linkPaths.get(path.slice(0, j)) ?? 0;
  return n;
}

export const storageChecks: Checks3 = {
  Node(n, at, r) {
    nodeCheck(n, at, r);
  },
  NodeUser(u, at, r) {
    r.error(at, idOrNameError(u));
  },
  NodeGroup(g, at, r) {
    r.error(at, idOrNameError(g));
  },
  // Link has no Validate of its own: Go promotes Node's
  Link(l, at, r) {
    nodeCheck(l, at, r);
  },
  File(f, at, r, rules) {
    nodeCheck(f, at, r);
    modeChecks(f, at, r, rules);
    r.errorIn(at, 'overwrite', isTrue(f.Overwrite) && f.Contents?.Source == null ? ERR.overwriteAndNilSource : null);
  },
  Directory(d, at, r, rules) {
    nodeCheck(d, at, r);
    modeChecks(d, at, r, rules);
  },

  Storage(s, at, r) {
    const links = (s.Links ?? []) as any[];
    underLinks((s.Directories ?? []) as any[], links, at, 'directories', ERR.directoryUsedSymlink, r);
    underLinks((s.Files ?? []) as any[], links, at, 'files', ERR.fileUsedSymlink, r);
    storageLinks(s, at, r);
    storageFilesystems(s, at, r);
  },

  Disk(d, at, r) {
    if ((d.Device ?? '') === '') return r.errorIn(at, 'device', ERR.diskDeviceRequired);
    r.errorIn(at, 'device', pathError(d.Device));
    const parts = (d.Partitions ?? []) as any[];
    const collision = partitionNumberCollision(parts);
    if (collision >= 0) r.error([...at, 'partitions', collision], ERR.partitionNumbersCollide);
    const overlap = partitionOverlap(parts);
    if (overlap >= 0) r.error([...at, 'partitions', overlap], ERR.partitionsOverlap);
    if (parts.some((p) => isFalse(p.ShouldExist)) && parts.some((p) => (p.Number ?? 0) === 0)) {
      r.errorIn(at, 'partitions', ERR.zeroesWithShouldNotExist);
    }
    const label = partitionLabelCollision(parts);
    if (label >= 0) r.error([...at, 'partitions', label], ERR.duplicateLabels);
  },

  Partition(p, at, r) {
    const others = p.Label != null || notEmpty(p.TypeGUID) || notEmpty(p.GUID) || p.StartMiB != null || p.SizeMiB != null;
    if (isFalse(p.ShouldExist) && others) r.error(at, ERR.shouldNotExistWithOthers);
    if ((p.Number ?? 0) === 0 && p.Label == null) r.error(at, ERR.needLabelOrNumber);
    r.errorIn(at, 'label', partitionLabelError(p.Label));
    r.errorIn(at, 'guid', guidError(p.GUID));
    r.errorIn(at, 'typeGuid', guidError(p.TypeGUID));
  },

  Raid(ra, at, r) {
    r.errorIn(at, 'level', raidLevelError(ra));
    if ((ra.Devices?.length ?? 0) === 0) r.errorIn(at, 'devices', ERR.raidDevicesRequired);
  },

  Device(d, at, r) {
    r.error(at, pathError(d));
  },

  Filesystem(f, at, r) {
    r.errorIn(at, 'path', pathErrorNilOk(f.Path));
    r.errorIn(at, 'device', pathError(f.Device));
    r.errorIn(at, 'format', formatError(f));
    r.errorIn(at, 'label', filesystemLabelError(f));
  },
};
