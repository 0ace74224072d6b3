// Converts the disks part of a Container Linux Config to Ignition.
import type { ConvertContext } from './context.ts';

export function convert(ctx: ConvertContext): void {
  void ctx;
}
