// ct's common converter (config/types/common.go): on the platforms whose metadata agent
// needs to be told its provider, two coreos-metadata units with a provider drop-in.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';

/** platforms that get the coreos-metadata provider override units */
export const METADATA_OVERRIDE_PLATFORMS = ['openstack-metadata', 'cloudstack-configdrive'];

export function ignUnit(fields: Partial<IgnValue>): IgnValue {
  return { Contents: '', Dropins: null, Enable: false, Enabled: null, Mask: false, Name: '', ...fields };
}

export function convert(ctx: ConvertContext): void {
  const p = ctx.platform;
  if (!METADATA_OVERRIDE_PLATFORMS.includes(p)) return;
  const dropin = () => ({
    Contents: `[Service]\nEnvironment=COREOS_METADATA_OPT_PROVIDER=--provider=${p}`,
    Name: '20-clct-provider-override.conf',
  });
  const units = (ctx.out.Systemd.Units ??= []) as IgnValue[];
  units.push(ignUnit({ Name: 'coreos-metadata.service', Dropins: [dropin()] }));
  units.push(ignUnit({ Name: 'coreos-metadata-sshkeys@.service', Enabled: true, Dropins: [dropin()] }));
}
