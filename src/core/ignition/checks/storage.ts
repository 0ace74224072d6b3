// Ignition's checks on the storage part of the generated config (spec 2.3 types: disks,
// partitions, raid arrays, filesystems, files, directories, links) and the config-wide
// filesystem rules (Config.Validate). Messages and severities are Ignition's. Verification
// hashes are checked with the ignition section (ignition.ts), URLs by ../validate-url.ts.

import type { Diagnostic, Severity } from '../../report.ts';
import type { MethodTable } from '../../go/types.ts';
import { isAbs } from '../../go/path.ts';
import { validateUrl } from '../validate-url.ts';
import { quoteGoString } from '../../go/strconv.ts';
import { raidLevelKind } from '../raid-levels.ts';

function entry(severity: Severity, message: string, code: string): Diagnostic {
  return { severity, message, code };
}
const err = (message: string, code: string): Diagnostic => entry('error', message, code);

/** Go's len() of a string: its UTF-8 byte count. */
function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

// --- shared helpers (path.go, mode.go; url.go is in ../validate-url.ts) -------------------

export const ERR_PATH_RELATIVE = 'path not absolute';

/** Ignition's validateMode: a set mode must lie in 0..07777. */
function modeError(mode: number | null | undefined): string | null {
  if (mode != null && (mode < 0 || mode > 0o7777)) return 'illegal file mode';
  return null;
}

// --- disks and partitions (disk.go, partition.go) ------------------------------------------------

interface IgnPartition {
  GUID: string;
  Label: string | null;
  Number: number;
  ShouldExist: boolean | null;
  Size: number | null;
  SizeMiB: number | null;
  Start: number | null;
  StartMiB: number | null;
  TypeGUID: string;
}

function partitionNumbersCollide(parts: IgnPartition[]): boolean {
  const seen = new Set<number>();
  for (const p of parts) {
    if (p.Number === 0) continue;
    if (seen.has(p.Number)) return true;
    seen.add(p.Number);
  }
  return false;
}

function partitionEnd(p: IgnPartition): number {
  return p.Size === 0 ? p.Start! : p.Start! + p.Size! - 1;
}

function samePartition(a: IgnPartition, b: IgnPartition): boolean {
  // Go compares the structs field by field, pointers by address; the converter never shares
  // pointers between partitions, so only the very same value compares equal
  return a === b;
}

function partitionsOverlap(parts: IgnPartition[]): boolean {
  for (const p of parts) {
    if (p.Start == null || p.Size == null || p.Start === 0) continue;
    for (const o of parts) {
      if (o.Start == null || o.Size == null || samePartition(p, o) || o.Start === 0) continue;
      if (p.Start >= o.Start && p.Start <= partitionEnd(o)) return true;
      if (partitionEnd(p) >= o.Start && partitionEnd(p) <= partitionEnd(o)) return true;
      if (p.Start < o.Start && partitionEnd(p) > partitionEnd(o)) return true;
    }
  }
  return false;
}

function partitionsMisaligned(parts: IgnPartition[]): boolean {
  return parts.some((p) => p.Start != null && Number(BigInt.asIntN(64, BigInt(p.Start)) & 2047n) !== 0);
}

function partitionsMixZeroesAndNonexistence(parts: IgnPartition[]): boolean {
  let hasZero = false;
  let hasShouldNotExist = false;
  for (const p of parts) {
    hasShouldNotExist ||= p.ShouldExist === false;
    hasZero ||= p.Number === 0;
  }
  return hasZero && hasShouldNotExist;
}

function partitionsUnitsMismatch(parts: IgnPartition[]): boolean {
  let inMb = false;
  let notInMb = false;
  for (const p of parts) {
    if (p.Size != null || p.Start != null) notInMb = true;
    if (p.SizeMiB != null || p.StartMiB != null) inMb = true;
  }
  return inMb && notInMb;
}

const GUID_RE = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;
const GUID_FORM = 'doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"';

function validateGuid(guid: string): Diagnostic[] {
  return GUID_RE.test(guid) ? [] : [err(GUID_FORM, 'partition-guid-form')];
}

// --- files, directories, links (file.go, directory.go, node.go) -----------------------------------

interface IgnNode {
  Filesystem: string;
  Path: string;
}

const nodeFields = {
  Filesystem: (n: IgnNode): Diagnostic[] => (n.Filesystem === '' ? [err('no filesystem specified', 'node-no-filesystem')] : []),
  Path: (n: IgnNode): Diagnostic[] => (isAbs(n.Path) ? [] : [err(ERR_PATH_RELATIVE, 'path-relative')]),
};

function validateNodeMode(v: { Mode: number | null }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const e = modeError(v.Mode);
  if (e) out.push(err(e, 'file-mode-illegal'));
  if (v.Mode == null) out.push(entry('warning', 'permissions unset, defaulting to 0000', 'file-mode-unset'));
  return out;
}

function validateOwner(v: { ID: number | null; Name: string }): Diagnostic[] {
  return v.ID != null && v.Name !== '' ? [err('cannot set both id and name', 'owner-id-and-name')] : [];
}

// --- filesystems (filesystem.go) ------------------------------------------------------------------

const LABEL_LIMITS: Record<string, [number, string]> = {
  ext4: [16, 'filesystem labels cannot be longer than 16 characters when using ext4'],
  btrfs: [256, 'filesystem labels cannot be longer than 256 characters when using btrfs'],
  xfs: [12, 'filesystem labels cannot be longer than 12 characters when using xfs'],
  swap: [15, 'filesystem labels cannot be longer than 15 characters when using swap'],
  vfat: [11, 'filesystem labels cannot be longer than 11 characters when using vfat'],
};

// --- config-wide rules (config.go) ----------------------------------------------------------------

function checkNodeFilesystems(node: IgnNode, filesystems: Set<string>, kind: string): Diagnostic[] {
  if (node.Filesystem === '' || filesystems.has(node.Filesystem)) return [];
  return [
    entry(
      'warning',
      `${kind} ${quoteGoString(node.Path)} references nonexistent filesystem ${quoteGoString(node.Filesystem)}. (This is ok if it is defined in a referenced config)`,
      'filesystem-missing',
    ),
  ];
}

function validateConfig(cfg: any): Diagnostic[] {
  const out: Diagnostic[] = [];
  const storage = cfg.Storage ?? {};
  const filesystems: Array<{ Name: string }> = storage.Filesystems ?? [];

  // checkFilesFilesystems
  const known = new Set<string>(['root']);
  for (const fs of filesystems) known.add(fs.Name);
  // each problem carries the path of the node at fault, so the editor can point at it
  const at = (list: string, i: number) => (d: Diagnostic): Diagnostic => ({ ...d, path: ['storage', list, i, 'filesystem'] });
  (storage.Files ?? []).forEach((f: any, i: number) => out.push(...checkNodeFilesystems(f, known, 'File').map(at('files', i))));
  (storage.Links ?? []).forEach((l: any, i: number) => out.push(...checkNodeFilesystems(l, known, 'Link').map(at('links', i))));
  (storage.Directories ?? []).forEach((d: any, i: number) => out.push(...checkNodeFilesystems(d, known, 'Directory').map(at('directories', i))));

  // checkDuplicateFilesystems
  const seen = new Set<string>(['root']);
  filesystems.forEach((fs, i) => {
    if (seen.has(fs.Name)) {
      out.push({ ...entry('warning', `Filesystem ${quoteGoString(fs.Name)} shadows exising filesystem definition`, 'filesystem-shadowed'), path: ['storage', 'filesystems', i, 'name'] });
    }
    seen.add(fs.Name);
  });
  return out;
}

// --- the method table -------------------------------------------------------------------------------

export const methods: MethodTable = {
  Config: { validate: validateConfig },

  Disk: {
    fields: {
      Device: (d: { Device: string }): Diagnostic[] => {
        if (d.Device.length === 0) return [err('disk device is required', 'disk-device-required')];
        if (!isAbs(d.Device)) return [err(ERR_PATH_RELATIVE, 'path-relative')];
        return [];
      },
      Partitions: (d: { Partitions: IgnPartition[] | null }): Diagnostic[] => {
        const parts = d.Partitions ?? [];
        const out: Diagnostic[] = [];
        if (partitionNumbersCollide(parts)) out.push(err('partition numbers collide', 'partition-numbers-collide'));
        if (partitionsOverlap(parts)) out.push(err('partitions overlap', 'partitions-overlap'));
        if (partitionsMisaligned(parts)) out.push(err('partitions misaligned', 'partitions-misaligned'));
        if (partitionsMixZeroesAndNonexistence(parts)) {
          out.push(err('shouldExist is false for a partition and other partition(s) has start or size 0', 'partitions-zero-and-nonexistent'));
        }
        if (partitionsUnitsMismatch(parts)) out.push(err('cannot mix MBs and sectors within a disk', 'partitions-units-mismatch'));
        return out;
      },
    },
  },

  Partition: {
    validate: (p: IgnPartition): Diagnostic[] => {
      const out: Diagnostic[] = [];
      if ((p.Start != null || p.Size != null) && (p.StartMiB != null || p.SizeMiB != null)) {
        out.push(err('cannot mix MBs and sectors within a disk', 'partitions-units-mismatch'));
      }
      if (p.ShouldExist === false && (p.Label != null || p.TypeGUID !== '' || p.GUID !== '' || p.Start != null || p.Size != null)) {
        out.push(err('shouldExist specified false with other options also specified', 'partition-should-not-exist'));
      }
      return out;
    },
    fields: {
      Size: (p: IgnPartition): Diagnostic[] => (p.Size != null ? [entry('deprecated', 'size is deprecated; use sizeMB instead', 'partition-size-deprecated')] : []),
      Start: (p: IgnPartition): Diagnostic[] => (p.Start != null ? [entry('deprecated', 'start is deprecated; use startMB instead', 'partition-start-deprecated')] : []),
      Label: (p: IgnPartition): Diagnostic[] => {
        if (p.Label == null) return [];
        const out: Diagnostic[] = [];
        // the GPT name field holds 36 UTF-16 code units; Ignition counts bytes
        if (byteLength(p.Label) > 36) out.push(err('partition labels may not exceed 36 characters', 'partition-label-too-long'));
        if (p.Label.includes(':')) out.push(entry('warning', 'partition label will be truncated to text before the colon', 'partition-label-colon'));
        return out;
      },
      TypeGUID: (p: IgnPartition): Diagnostic[] => validateGuid(p.TypeGUID),
      GUID: (p: IgnPartition): Diagnostic[] => validateGuid(p.GUID),
    },
  },

  Raid: {
    fields: {
      Level: (a: { Level: string; Spares: number }): Diagnostic[] => {
        const kind = raidLevelKind(a.Level);
        if (kind === 'unknown') return [err('unrecognized raid level', 'raid-level-unknown')];
        return kind === 'without-spares' && a.Spares !== 0 ? [err('spares unsupported for arrays with a level greater than 0', 'raid-spares-unsupported')] : [];
      },
      Devices: (a: { Devices: string[] | null }): Diagnostic[] =>
        (a.Devices ?? []).filter((d) => !isAbs(d)).map(() => err(ERR_PATH_RELATIVE, 'path-relative')),
    },
  },

  Filesystem: {
    validate: (f: { Mount: any; Path: string | null }): Diagnostic[] => {
      const out: Diagnostic[] = [];
      if (f.Mount == null && f.Path == null) out.push(err('filesystem is missing mount or path', 'filesystem-no-mount-or-path'));
      if (f.Mount != null) {
        if (f.Path != null) out.push(err('filesystem has both mount and path defined', 'filesystem-mount-and-path'));
        if (f.Mount.Create != null) {
          if (f.Mount.WipeFilesystem) out.push(err('cannot use both create object and wipeFilesystem field', 'filesystem-create-and-wipe'));
          if ((f.Mount.Options ?? []).length > 0) out.push(err('cannot use both create object and mount-level options field', 'filesystem-create-and-options'));
          out.push(entry('warning', 'the create object has been deprecated in favor of mount-level options', 'filesystem-create-deprecated'));
        }
      }
      return out;
    },
    fields: {
      Path: (f: { Name: string; Path: string | null }): Diagnostic[] =>
        f.Path != null && !isAbs(f.Path) ? [err(`filesystem ${quoteGoString(f.Name)}: path not absolute`, 'path-relative')] : [],
    },
  },

  Mount: {
    validate: (m: { Format: string }): Diagnostic[] =>
      ['ext4', 'btrfs', 'xfs', 'swap', 'vfat'].includes(m.Format) ? [] : [err('invalid filesystem format', 'filesystem-format-invalid')],
    fields: {
      Device: (m: { Device: string }): Diagnostic[] => (isAbs(m.Device) ? [] : [err(ERR_PATH_RELATIVE, 'path-relative')]),
      Label: (m: { Format: string; Label: string | null }): Diagnostic[] => {
        if (m.Label == null) return [];
        const limit = Object.prototype.hasOwnProperty.call(LABEL_LIMITS, m.Format) ? LABEL_LIMITS[m.Format] : undefined;
        if (limit && byteLength(m.Label) > limit[0]) return [err(limit[1], 'filesystem-label-too-long')];
        return [];
      },
    },
  },

  File: {
    validate: (f: { Overwrite: boolean | null; Append: boolean }): Diagnostic[] =>
      f.Overwrite === true && f.Append ? [err('cannot set both append and overwrite to true', 'file-append-and-overwrite')] : [],
    fields: { ...nodeFields, Mode: validateNodeMode },
  },
  Directory: { fields: { ...nodeFields, Mode: validateNodeMode } },
  Link: { fields: { ...nodeFields } },

  NodeUser: { validate: validateOwner },
  NodeGroup: { validate: validateOwner },

  FileContents: {
    fields: {
      Compression: (c: { Compression: string }): Diagnostic[] =>
        c.Compression === '' || c.Compression === 'gzip' ? [] : [err('invalid compression method', 'compression-invalid')],
      Source: (c: { Source: string }): Diagnostic[] => {
        const e = validateUrl(c.Source);
        return e ? [err(`invalid url ${quoteGoString(c.Source)}: ${e}`, 'url-invalid')] : [];
      },
    },
  },

};
