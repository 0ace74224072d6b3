// Converts the raid part of a Container Linux Config to Ignition.
import type { ConvertContext } from './context.ts';

/** ct's string-slice conversions: a nil slice for no items (so `devices` prints as null) */
export function copyStrings(list: string[] | null | undefined): string[] | null {
  return list && list.length ? [...list] : null;
}

export function convert(ctx: ConvertContext): void {
  for (const array of ctx.in.Storage.Arrays ?? []) {
    (ctx.out.Storage.Raid ??= []).push({
      Devices: copyStrings(array.Devices),
      Level: array.Level,
      Name: array.Name,
      Options: copyStrings(array.Options),
      Spares: array.Spares,
    });
  }
}
