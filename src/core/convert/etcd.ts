// Converts the etcd part of a Container Linux Config to Ignition: a drop-in for
// etcd-member.service that runs etcd-wrapper with the configured options as flags.
import type { ConvertContext } from './context.ts';
import { childAt, spanOf } from './context.ts';
import type { StructType } from '../go/types.ts';
import { zeroValue } from '../go/types.ts';
import { semverString } from '../go/semver.ts';
import type { SemverVersion } from '../go/semver.ts';
import { IgnConfig } from '../ignition/types.ts';
import type { IgnValue } from '../ignition/types.ts';
import { assembleUnit, cliArgs, unitString } from './options-unit.ts';

export const ETCD_UNIT = 'etcd-member.service';
export const ETCD_DROPIN = '20-clct-etcd-member.conf';
const EXEC = '/usr/lib/coreos/etcd-wrapper $ETCD_OPTS';

/** The drop-in text ct writes for the etcd section, or the error that stops the conversion. */
export function etcdContents(etcd: Record<string, any>, platform: string): { ok: true; text: string } | { ok: false; error: string } {
  const args = cliArgs(etcd.$options, etcd.$optionsType as StructType | undefined);
  const vars = etcd.Version ? [`ETCD_IMAGE_TAG=v${semverString(etcd.Version as SemverVersion)}`] : [];
  const unit = assembleUnit(EXEC, args, vars, platform);
  if (!unit.ok) return unit;
  return { ok: true, text: unitString(unit.unit) };
}

export function convert(ctx: ConvertContext): void {
  const etcd = ctx.in.Etcd as Record<string, any> | null;
  if (!etcd) return;
  const contents = etcdContents(etcd, ctx.platform);
  if (!contents.ok) {
    // ct reports the error without a position and carries on with an empty config
    ctx.report.push({
      severity: 'error',
      message: contents.error,
      span: spanOf(childAt(ctx.root, 'etcd')),
      unpositioned: true,
      code: 'templating',
    });
    ctx.out = zeroValue(IgnConfig) as IgnValue;
    return;
  }
  appendDropinUnit(ctx.out, ETCD_UNIT, ETCD_DROPIN, contents.text);
}

/** Appends an enabled unit with one drop-in, the way ct's etcd and flannel converters do. */
export function appendDropinUnit(out: IgnValue, name: string, dropin: string, contents: string): void {
  const units = (out.Systemd.Units ??= []) as IgnValue[];
  units.push({
    Contents: '',
    Dropins: [{ Contents: contents, Name: dropin }],
    Enable: true,
    Enabled: null,
    Mask: false,
    Name: name,
  });
}
