// Two entries for one systemd unit: ct makes one for its sugar (etcd-member.service for `etcd`,
// docker.service for `docker`...) and users often add their own drop-ins to the same unit.
// Ignition 2 applied both entries in turn; Ignition 3 wants one entry per unit. When the entries
// do not contradict each other they become one: the contents one of them has, every drop-in,
// enabled or masked if either says so. Two different contents, two different drop-ins of one
// name, or enabled against disabled are contradictions (Ignition 2's result depended on order).

import type { IgnValue } from '../ignition/types.ts';

export interface MergedUnit {
  unit: IgnValue;
  /** indices of the entries in ct's output that make this unit, in order */
  members: number[];
}

export type MergeResult = { ok: true; units: MergedUnit[] } | { ok: false; index: number; message: string };

export function mergeDuplicateUnits(units: readonly IgnValue[]): MergeResult {
  const out: MergedUnit[] = [];
  const byName = new Map<string, MergedUnit>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const seen = byName.get(u.Name);
    if (!seen) {
      const m = { unit: { ...u, Dropins: u.Dropins ? [...u.Dropins] : null }, members: [i] };
      byName.set(u.Name, m);
      out.push(m);
      continue;
    }
    const into = seen.unit;
    if (u.Contents && into.Contents && u.Contents !== into.Contents) {
      return { ok: false, index: i, message: `unit ${u.Name} is defined twice with different contents; Ignition 3 takes one entry per unit` };
    }
    const enabled = (x: IgnValue) => (x.Enabled === false ? false : x.Enabled === true || x.Enable ? true : null);
    const a = enabled(into);
    const b = enabled(u);
    if (a !== null && b !== null && a !== b) {
      return { ok: false, index: i, message: `unit ${u.Name} is both enabled and disabled by its two entries; Ignition 3 takes one entry per unit` };
    }
    for (const d of (u.Dropins ?? []) as IgnValue[]) {
      const same = ((into.Dropins ?? []) as IgnValue[]).find((x) => x.Name === d.Name);
      if (same && same.Contents !== d.Contents) {
        return { ok: false, index: i, message: `drop-in ${d.Name} of unit ${u.Name} is defined twice with different contents` };
      }
      if (!same) (into.Dropins ??= []).push(d);
    }
    if (!into.Contents) into.Contents = u.Contents;
    const en = a ?? b;
    into.Enabled = en;
    into.Enable = false;
    into.Mask = into.Mask || u.Mask;
    seen.members.push(i);
  }
  return { ok: true, units: out };
}

/** ct's output with each unit once (unchanged when no unit repeats). */
export function withMergedUnits(ign: IgnValue): { ok: true; ign: IgnValue } | { ok: false; index: number; message: string } {
  const units = (ign.Systemd.Units ?? []) as IgnValue[];
  const r = mergeDuplicateUnits(units);
  if (!r.ok) return r;
  if (r.units.length === units.length) return { ok: true, ign };
  return { ok: true, ign: { ...ign, Systemd: { Units: r.units.map((m) => m.unit) } } };
}
