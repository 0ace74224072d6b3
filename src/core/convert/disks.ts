// Converts the disks part of a Container Linux Config to Ignition: partition sizes and starts
// given with units become whole MiB counts, and type_guid keywords become their GUIDs.
import type { ConvertContext } from './context.ts';
import { childAt, spanOf } from './context.ts';
import { parseBase2Bytes } from '../go/units.ts';
import { quoteGoString } from '../go/strconv.ts';
import type { IgnValue } from '../ignition/types.ts';

const MEGABYTE = 1024n * 1024n;

/** ct's shorthand names for common GPT partition types */
export const TYPE_GUID_KEYWORDS: Readonly<Record<string, string>> = {
  raid_containing_root: 'be9067b9-ea49-4f15-b4f6-f36f8c9e1818',
  linux_filesystem_data: '0fc63daf-8483-4772-8e79-3d69d8477de4',
  swap_partition: '0657fd6d-a4ab-43c4-84e5-0933c84b4f4f',
  raid_partition: 'a19d880f-05fc-4d3b-a006-743f0f84911e',
};

export type DimensionResult = { ok: true; value: number | null } | { ok: false; error: string };

/** ct's convertPartitionDimension: "" is unset, otherwise a base-2 size in whole MiB. */
export function convertPartitionDimension(text: string): DimensionResult {
  if (text === '') return { ok: true, value: null };
  const b = parseBase2Bytes(text);
  if (!b.ok) return b;
  if (b.value < 0n) return { ok: false, error: `invalid dimension (negative): ${quoteGoString(text)}` };
  if (b.value % MEGABYTE !== 0n) return { ok: false, error: 'invalid dimension (finest granularity is 1MiB)' };
  return { ok: true, value: Number(b.value / MEGABYTE) };
}

export function convert(ctx: ConvertContext): void {
  const disks: any[] | null = ctx.in.Storage.Disks;
  if (!disks) return;
  for (let di = 0; di < disks.length; di++) {
    const disk = disks[di];
    const newDisk: IgnValue = { Device: disk.Device, Partitions: null, WipeTable: disk.WipeTable };
    const parts: any[] = disk.Partitions ?? [];
    for (let pi = 0; pi < parts.length; pi++) {
      const part = parts[pi];
      const size = convertPartitionDimension(part.Size);
      if (!size.ok) {
        report(ctx, size.error, di, pi, 'size');
        continue;
      }
      const start = convertPartitionDimension(part.Start);
      if (!start.ok) {
        report(ctx, start.error, di, pi, 'start');
        continue;
      }
      const typeGuid: string = Object.prototype.hasOwnProperty.call(TYPE_GUID_KEYWORDS, part.TypeGUID)
        ? TYPE_GUID_KEYWORDS[part.TypeGUID]
        : part.TypeGUID;
      (newDisk.Partitions ??= []).push({
        GUID: part.GUID,
        Label: part.Label,
        Number: part.Number,
        ShouldExist: null,
        Size: null,
        SizeMiB: size.value,
        Start: null,
        StartMiB: start.value,
        TypeGUID: typeGuid,
        WipePartitionEntry: false,
      });
    }
    (ctx.out.Storage.Disks ??= []).push(newDisk);
  }
}

/** An invalid dimension: an error at the value, or without a position when ct finds no node. */
function report(ctx: ConvertContext, message: string, di: number, pi: number, key: string): void {
  const node = childAt(ctx.root, 'storage', 'disks', di, 'partitions', pi, key);
  if (node) {
    ctx.report.add('error', message, spanOf(node), 'partition-dimension');
    return;
  }
  const near = childAt(ctx.root, 'storage', 'disks', di, 'partitions', pi) ?? childAt(ctx.root, 'storage', 'disks', di);
  ctx.report.push({ severity: 'error', message, span: spanOf(near), code: 'partition-dimension', unpositioned: true });
}
