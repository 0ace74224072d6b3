// Converts the flannel part of a Container Linux Config to Ignition: a drop-in for
// flanneld.service that runs flannel-wrapper with the configured options as flags and, when a
// network config is given, stores it in etcd before flannel starts.
import type { ConvertContext } from './context.ts';
import { childAt, spanOf } from './context.ts';
import type { StructType } from '../go/types.ts';
import { zeroValue } from '../go/types.ts';
import { quoteGoString } from '../go/strconv.ts';
import { semverString } from '../go/semver.ts';
import type { SemverVersion } from '../go/semver.ts';
import { IgnConfig } from '../ignition/types.ts';
import type { IgnValue } from '../ignition/types.ts';
import { assembleUnit, cliArgs, unitString } from './options-unit.ts';
import { appendDropinUnit } from './etcd.ts';

export const FLANNEL_UNIT = 'flanneld.service';
export const FLANNEL_DROPIN = '20-clct-flannel.conf';
const EXEC = '/usr/lib/coreos/flannel-wrapper $FLANNEL_OPTS';

/** The drop-in text ct writes for the flannel section, or the error that stops the conversion. */
export function flannelContents(flannel: Record<string, any>, platform: string): { ok: true; text: string } | { ok: false; error: string } {
  const optionsType = flannel.$optionsType as StructType | undefined;
  const options = (flannel.$options ?? null) as Record<string, unknown> | null;
  const args = cliArgs(options, optionsType);
  const vars = flannel.Version ? [`FLANNEL_IMAGE_TAG=v${semverString(flannel.Version as SemverVersion)}`] : [];
  const unit = assembleUnit(EXEC, args, vars, platform);
  if (!unit.ok) return unit;

  const networkConfig = (flannel.NetworkConfig ?? '') as string;
  if (networkConfig !== '') {
    // etcdctl gets the etcd connection options as written (no templating), then the config
    let pre = 'ExecStartPre=/usr/bin/etcdctl';
    const o = optionsType && options ? options : {};
    const opt = (key: string) => (typeof o[key] === 'string' ? (o[key] as string) : null);
    const endpoints = opt('etcd_endpoints');
    const caFile = opt('etcd_cafile');
    const certFile = opt('etcd_certfile');
    const keyFile = opt('etcd_keyfile');
    if (endpoints !== null) pre += ` --endpoints=${quoteGoString(endpoints)}`;
    if (caFile !== null) pre += ` --ca-file=${quoteGoString(caFile)}`;
    if (certFile !== null) pre += ` --cert-file=${quoteGoString(certFile)}`;
    if (keyFile !== null) pre += ` --key-file=${quoteGoString(keyFile)}`;
    pre += ` set /coreos.com/network/config ${quoteGoString(networkConfig)}`;
    unit.unit.service.push(pre);
  }
  return { ok: true, text: unitString(unit.unit) };
}

export function convert(ctx: ConvertContext): void {
  const flannel = ctx.in.Flannel as Record<string, any> | null;
  if (!flannel) return;
  const contents = flannelContents(flannel, ctx.platform);
  if (!contents.ok) {
    // ct reports the error without a position and carries on with an empty config
    ctx.report.push({
      severity: 'error',
      message: contents.error,
      span: spanOf(childAt(ctx.root, 'flannel')),
      unpositioned: true,
      code: 'templating',
    });
    ctx.out = zeroValue(IgnConfig) as IgnValue;
    return;
  }
  appendDropinUnit(ctx.out, FLANNEL_UNIT, FLANNEL_DROPIN, contents.text);
}
