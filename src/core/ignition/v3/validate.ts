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

type Visit = (name: string, v: any, t: GoType, at: Ign3Path) => void;

/** A struct field the walk descends into. */
interface Step {
  name: string;
  key: string;
  type: GoType;
}

/**
 * vcontext's walk: `visit` sees every value of a named type before its parts. Undefined
 * stands for Go's zero value, so a missing struct is still visited (as Go's zero struct is).
 * Only the types `wanted` picks are visited, and subtrees holding none of them are skipped;
 * the path is one array changed in place (visitors copy what they keep).
 */
class Walker {
  private readonly live = new Map<GoType, boolean>();
  private readonly steps = new Map<StructType, Step[]>();
  private readonly wantedCache = new Map<GoType, boolean>();

  constructor(private readonly wants: (t: GoType) => boolean) {}

  private wanted(t: GoType): boolean {
    let w = this.wantedCache.get(t);
    if (w === undefined) this.wantedCache.set(t, (w = this.wants(t)));
    return w;
  }

  /** Whether a value of this type, or anything inside it, gets visited. */
  private isLive(t: GoType): boolean {
    let known = this.live.get(t);
    if (known !== undefined) return known;
    this.live.set(t, false); // (no recursive types in the model; this only guards)
    switch (t.kind) {
      case 'ptr':
        known = this.isLive(t.elem);
        break;
      case 'slice':
        known = this.wanted(t) || this.isLive(t.elem);
        break;
      case 'struct':
        known = this.wanted(t) || flatFields(t).some((f) => this.isLive(f.type));
        break;
      default:
        known = this.wanted(t);
    }
    this.live.set(t, known);
    return known;
  }

  private plan(t: StructType): Step[] {
    let s = this.steps.get(t);
    if (!s) {
      s = flatFields(t)
        .filter((f) => this.isLive(f.type))
        .map((f) => ({ name: f.name, key: f.key, type: f.type }));
      this.steps.set(t, s);
    }
    return s;
  }

  run(value: unknown, t: GoType, visit: Visit): void {
    if (this.isLive(t)) this.walk(value, t, [], visit);
  }

  private walk(v: unknown, t: GoType, at: Ign3Path, visit: Visit): void {
    switch (t.kind) {
      case 'ptr':
        if (v != null) this.walk(v, t.elem, at, visit);
        return;
      case 'struct': {
        const obj = (v ?? {}) as Record<string, unknown>;
        if (this.wanted(t)) visit(t.name, obj, t, at);
        const steps = this.plan(t);
        for (let i = 0; i < steps.length; i++) {
          const f = steps[i];
          at.push(f.key);
          this.walk(obj[f.name], f.type, at, visit);
          at.pop();
        }
        return;
      }
      case 'slice': {
        if (this.wanted(t)) visit(t.name!, v, t, at);
        if (v == null || !this.isLive(t.elem)) return;
        const items = v as unknown[];
        for (let i = 0; i < items.length; i++) {
          at.push(i);
          this.walk(items[i], t.elem, at, visit);
          at.pop();
        }
        return;
      }
      default:
        if (this.wanted(t)) visit(nameOf(t)!, v ?? '', t, at);
    }
  }
}

const semanticsWalker = new Walker((t) => {
  const name = nameOf(t);
  return name !== undefined && Object.hasOwn(CHECKS, name);
});

/** The Validate walk: every type's own checks, in walk order. */
export function validateIgnition3Semantics(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  const rules: SpecRules = specRules(version);
  const r = new Ign3Report();
  semanticsWalker.run(value, ign3Types(version).Config, (name, v, _t, at) => CHECKS[name](v, at, r, rules));
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

/** A list field ValidateDups checks, and the name of the key set it shares. */
interface DupList {
  name: string;
  key: string;
  elem: GoType;
  listName: string;
}

const dupLists = new Map<StructType, DupList[]>();

/** The lists of a struct that are checked for repeats (ignored ones left out), worked out once. */
function dupListsOf(t: StructType): DupList[] {
  let lists = dupLists.get(t);
  if (!lists) {
    const ignored = IGNORED[t.name];
    const merged = MERGED[t.name];
    lists = flatFields(t)
      .filter((f) => f.type.kind === 'slice' && !ignored?.has(f.name))
      .map((f) => ({ name: f.name, key: f.key, elem: (f.type as { elem: GoType }).elem, listName: merged?.[f.name] ?? f.name }));
    dupLists.set(t, lists);
  }
  return lists;
}

function structDups(obj: Record<string, unknown>, t: StructType, at: Ign3Path, r: Ign3Report): void {
  const lists = dupListsOf(t);
  let seenByList: Map<string, Set<string>> | null = null;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    const items = obj[list.name] as unknown[] | null | undefined;
    if (!items || items.length === 0) continue;
    seenByList ??= new Map();
    let seen = seenByList.get(list.listName);
    if (!seen) seenByList.set(list.listName, (seen = new Set()));
    for (let i = 0; i < items.length; i++) {
      const key = itemKey(items[i], list.elem);
      if (seen.has(key)) r.error([...at, list.key, i], ERR.duplicate);
      seen.add(key);
    }
  }
}

/** Structs with a list among their fields are the ones ValidateDups looks at. */
const dupsWalker = new Walker((t) => t.kind === 'struct' && dupListsOf(t).length > 0);

/** The duplicate walk: repeated keys in any list of the config. */
export function validateIgnition3Dups(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  const r = new Ign3Report();
  dupsWalker.run(value, ign3Types(version).Config, (_name, v, t, at) => structDups(v, t as StructType, at, r));
  return r.entries;
}

/** Everything Ignition reports on a config, in butane's order: duplicates, then Validate. */
export function validateIgnition3(value: Ign3Value, version: Ignition3Version): Ign3Entry[] {
  return [...validateIgnition3Dups(value, version), ...validateIgnition3Semantics(value, version)];
}
