// Ignition 3.x config validation as Ignition does it with vcontext: a depth-first walk over
// the typed value (a value before its fields, fields in Go order with embedded structs
// flattened, slice items in order) that calls each type's Validate method, and a second walk
// that looks for duplicate entries in every list. Entries come out in Ignition's order.
//
// butane runs the duplicate walk first and the Validate walk second (config/util.Translate);
// Ignition itself, reading a .ign file, runs them the other way round
// (config/validate.ValidateWithContext). validateIgnition3 takes butane's order.

import { flatFields } from '../../go/types.ts';
import type { GoType, StructType } from '../../go/types.ts';
import { luksChecks } from './checks/luks.ts';
import { resourceChecks } from './checks/resource.ts';
import { storageChecks } from './checks/storage.ts';
import { systemdChecks } from './checks/systemd.ts';
import type { Checks3 } from './checks/common.ts';
import { ERR } from './errors.ts';
import { Ign3Report, specRules } from './report.ts';
import type { Ign3Entry, Ign3Path, SpecRules } from './report.ts';
import { ign3Types } from './types.ts';
import type { Ign3Value, Ignition3Version } from './types.ts';

const CHECKS: Checks3 = { ...resourceChecks, ...storageChecks, ...luksChecks, ...systemdChecks };

/** A type name, for the types that have one (structs, named scalars and slices). */
function nameOf(t: GoType): string | undefined {
  return t.kind === 'ptr' ? undefined : (t as { name?: string }).name;
}

/**
 * vcontext's walk: `visit` sees every value of a named type before its parts. Undefined
 * stands for Go's zero value, so a missing struct is still visited (as Go's zero struct is).
 */
function walk(v: unknown, t: GoType, at: Ign3Path, visit: (name: string, v: any, t: GoType, at: Ign3Path) => void): void {
  switch (t.kind) {
    case 'ptr':
      if (v != null) walk(v, t.elem, at, visit);
      return;
    case 'struct': {
      const obj = (v ?? {}) as Record<string, unknown>;
      visit(t.name, obj, t, at);
      for (const f of flatFields(t)) walk(obj[f.name], f.type, [...at, f.key], visit);
      return;
    }
    case 'slice': {
      if (t.name) visit(t.name, v, t, at);
      if (v == null) return;
      const items = v as unknown[];
      for (let i = 0; i < items.length; i++) walk(items[i], t.elem, [...at, i], visit);
      return;
    }
    default: {
      const name = nameOf(t);
      if (name) visit(name, v ?? '', t, at);
    }
  }
}

/** The Validate walk: every type's own checks, in walk order. */
export function validateIgnition3Semantics(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  const rules: SpecRules = specRules(version);
  const r = new Ign3Report();
  walk(value, ign3Types(version).Config, [], (name, v, _t, at) => {
    const check = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
    if (check) check(v, at, r, rules);
  });
  return r.entries;
}

// --- duplicates (config/validate.ValidateDups) ---------------------------------------------------

/** Key() of the list item types: what makes two entries "the same". */
const KEYS: Record<string, (v: any) => string> = {
  File: (v) => v.Path ?? '',
  Directory: (v) => v.Path ?? '',
  Link: (v) => v.Path ?? '',
  Resource: (v) => v.Source ?? '',
  HTTPHeader: (v) => v.Name ?? '',
  Partition: (v) => (v.Number ? `number:${v.Number}` : v.Label != null ? `label:${v.Label}` : ''),
  Disk: (v) => v.Device ?? '',
  Filesystem: (v) => v.Device ?? '',
  Luks: (v) => v.Name ?? '',
  Raid: (v) => v.Name ?? '',
  Tang: (v) => v.URL ?? '',
  Unit: (v) => v.Name ?? '',
  Dropin: (v) => v.Name ?? '',
  PasswdUser: (v) => v.Name ?? '',
  PasswdGroup: (v) => v.Name ?? '',
};

/** IgnoreDuplicates(): lists where repeats are fine, by struct. */
const IGNORED: Record<string, ReadonlySet<string>> = {
  File: new Set(['Append']),
  Filesystem: new Set(['Options', 'MountOptions']),
  Luks: new Set(['Options']),
  Raid: new Set(['Options']),
};

/** MergedKeys(): lists of one struct that share one set of keys. */
const MERGED: Record<string, Readonly<Record<string, string>>> = {
  Storage: { Directories: 'Node', Files: 'Node', Links: 'Node' },
  KernelArguments: { ShouldExist: 'KernelArgument', ShouldNotExist: 'KernelArgument' },
};

function itemKey(item: unknown, t: GoType): string {
  if (t.kind === 'string') return (item as string | undefined) ?? '';
  const key = t.kind === 'struct' ? KEYS[t.name] : undefined;
  if (!key) throw new Error(`no Key() for list items of ${t.kind}`);
  return key(item ?? {});
}

function structDups(obj: Record<string, unknown>, t: StructType, at: Ign3Path, r: Ign3Report): void {
  const ignored = IGNORED[t.name];
  const merged = MERGED[t.name];
  const lists = new Map<string, Set<string>>();
  for (const f of flatFields(t)) {
    if (f.type.kind !== 'slice' || ignored?.has(f.name)) continue;
    const listName = merged?.[f.name] ?? f.name;
    let seen = lists.get(listName);
    if (!seen) lists.set(listName, (seen = new Set()));
    const items = (obj[f.name] ?? []) as unknown[];
    for (let i = 0; i < items.length; i++) {
      const key = itemKey(items[i], f.type.elem);
      if (seen.has(key)) r.error([...at, f.key, i], ERR.duplicate);
      seen.add(key);
    }
  }
}

/** The duplicate walk: repeated keys in any list of the config. */
export function validateIgnition3Dups(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  const r = new Ign3Report();
  walk(value, ign3Types(version).Config, [], (_name, v, t, at) => {
    if (t.kind === 'struct') structDups(v, t, at, r);
  });
  return r.entries;
}

/** Everything Ignition reports on a config, in butane's order: duplicates, then Validate. */
export function validateIgnition3(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  return [...validateIgnition3Dups(value, version), ...validateIgnition3Semantics(value, version)];
}
