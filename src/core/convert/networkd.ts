// ct's networkd converter (config/types/networkd.go): units and drop-ins copied over.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';

interface NetworkdUnit {
  Name: string;
  Contents: string;
  Dropins: Array<{ Name: string; Contents: string }> | null;
}

export function convert(ctx: ConvertContext): void {
  for (const unit of (ctx.in.Networkd.Units ?? []) as NetworkdUnit[]) {
    const out: IgnValue = { Contents: unit.Contents, Dropins: null, Name: unit.Name };
    for (const d of unit.Dropins ?? []) (out.Dropins ??= []).push({ Contents: d.Contents, Name: d.Name });
    ((ctx.out.Networkd.Units ??= []) as IgnValue[]).push(out);
  }
}
