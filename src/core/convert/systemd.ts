// ct's systemd converter (config/types/systemd.go): units and drop-ins copied over.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { ignUnit } from './common.ts';

interface SystemdUnit {
  Name: string;
  Enable: boolean;
  Enabled: boolean | null;
  Mask: boolean;
  Contents: string;
  Dropins: Array<{ Name: string; Contents: string }> | null;
}

export function convert(ctx: ConvertContext): void {
  // units ct generated (docker, etcd, flannel, coreos-metadata) come first in the output
  ctx.userUnitsStart = (ctx.out.Systemd.Units as IgnValue[] | null)?.length ?? 0;
  for (const unit of (ctx.in.Systemd.Units ?? []) as SystemdUnit[]) {
    const out = ignUnit({ Name: unit.Name, Enable: unit.Enable, Enabled: unit.Enabled, Mask: unit.Mask, Contents: unit.Contents });
    for (const d of unit.Dropins ?? []) (out.Dropins ??= []).push({ Name: d.Name, Contents: d.Contents });
    ((ctx.out.Systemd.Units ??= []) as IgnValue[]).push(out);
  }
}
