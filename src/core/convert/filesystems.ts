// Converts the filesystems part of a Container Linux Config to Ignition.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { copyStrings } from './raid.ts';

export function convert(ctx: ConvertContext): void {
  for (const fs of ctx.in.Storage.Filesystems ?? []) {
    const out: IgnValue = { Mount: null, Name: fs.Name, Path: fs.Path };
    const m = fs.Mount;
    if (m) {
      out.Mount = {
        Create: null,
        Device: m.Device,
        Format: m.Format,
        Label: m.Label,
        Options: copyStrings(m.Options),
        UUID: m.UUID,
        WipeFilesystem: m.WipeFilesystem,
      };
      if (m.Create) out.Mount.Create = { Force: m.Create.Force, Options: copyStrings(m.Create.Options) };
    }
    (ctx.out.Storage.Filesystems ??= []).push(out);
  }
}
