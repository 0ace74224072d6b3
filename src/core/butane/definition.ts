// Go to definition inside a Butane config: the `device` of a filesystem or LUKS volume to what
// makes that device - a disk with that device path, a RAID array (/dev/md/<name>), a partition
// (/dev/disk/by-partlabel/<label>) or a LUKS volume (/dev/mapper/<name>, /dev/disk/by-id/dm-name-<name>).

import type { Node as YNode } from 'yaml';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from '../features/document.ts';
import type { DefinitionTarget } from '../features/definition.ts';
import { hitAt, itemsOf, scalarString, valueOf } from '../features/ast.ts';

const REFERRERS = new Set(['filesystems', 'luks']);

export function butaneDefinition(doc: ClcDocument, offset: number): DefinitionTarget[] {
  const root = doc.yaml.root as YNode | null;
  if (!root) return [];
  const h = hitAt(root, offset);
  if (!h || h.part !== 'value' || h.key !== 'device' || h.path.length !== 3 || h.path[0] !== 'storage' || !REFERRERS.has(String(h.path[1]))) return [];
  const device = scalarString(h.node);
  const origin = nodeSpan(h.node);
  if (!device || !origin) return [];
  const storage = valueOf(root, 'storage');
  const out: DefinitionTarget[] = [];
  const add = (entry: YNode | null, name: YNode | null) => {
    const span = nodeSpan(entry);
    const selection = nodeSpan(name);
    if (span && selection) out.push({ span, selection, origin });
  };
  for (const disk of itemsOf(valueOf(storage, 'disks'))) {
    if (scalarString(valueOf(disk, 'device')) === device) add(disk, valueOf(disk, 'device'));
    for (const part of itemsOf(valueOf(disk, 'partitions'))) {
      const label = scalarString(valueOf(part, 'label'));
      if (label !== undefined && device === `/dev/disk/by-partlabel/${label}`) add(part, valueOf(part, 'label'));
    }
  }
  for (const raid of itemsOf(valueOf(storage, 'raid'))) {
    const name = scalarString(valueOf(raid, 'name'));
    if (name !== undefined && device === `/dev/md/${name}`) add(raid, valueOf(raid, 'name'));
  }
  for (const luks of itemsOf(valueOf(storage, 'luks'))) {
    const name = scalarString(valueOf(luks, 'name'));
    if (name !== undefined && (device === `/dev/mapper/${name}` || device === `/dev/disk/by-id/dm-name-${name}`)) add(luks, valueOf(luks, 'name'));
  }
  return out;
}
