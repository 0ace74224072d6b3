// ct's update converter (config/types/update.go): /etc/coreos/update.conf from the update
// section (with Flatcar's extra fields) and the locksmith settings, as a data URL.
import type { ConvertContext } from './context.ts';
import type { IgnValue } from '../ignition/types.ts';
import { ignTypes } from '../ignition/types.ts';
import { zeroValue } from '../go/types.ts';
import { inlineDataUrl } from '../go/dataurl.ts';
import { quoteGoString } from '../go/strconv.ts';
import { goToLower } from '../go/strings.ts';

export const UPDATE_CONF_PATH = '/etc/coreos/update.conf';

/** locksmith fields and the update.conf variable each one sets, in ct's order */
export const LOCKSMITH_KEYS: Array<[field: string, variable: string]> = [
  ['RebootStrategy', 'REBOOT_STRATEGY'],
  ['WindowStart', 'LOCKSMITHD_REBOOT_WINDOW_START'],
  ['WindowLength', 'LOCKSMITHD_REBOOT_WINDOW_LENGTH'],
  ['Group', 'LOCKSMITHD_GROUP'],
  ['EtcdEndpoints', 'LOCKSMITHD_ENDPOINT'],
  ['EtcdCAFile', 'LOCKSMITHD_ETCD_CAFILE'],
  ['EtcdCertFile', 'LOCKSMITHD_ETCD_CERTFILE'],
  ['EtcdKeyFile', 'LOCKSMITHD_ETCD_KEYFILE'],
];

/** Locksmith.configLines: VAR="value" (Go %q) for every field that is set, even to "". */
export function locksmithLines(l: Record<string, string | null>): string[] {
  const out: string[] = [];
  for (const [field, variable] of LOCKSMITH_KEYS) {
    const v = l[field];
    if (v !== null && v !== undefined) out.push(`${variable}=${quoteGoString(v)}`);
  }
  return out;
}

/** update fields after GROUP, each written as "\nNAME=value" when non-empty */
const UPDATE_KEYS: Array<[field: string, variable: string]> = [
  ['Server', 'SERVER'],
  ['PCRPolicyServer', 'PCR_POLICY_SERVER'],
  ['DownloadUser', 'DOWNLOAD_USER'],
  ['DownloadPassword', 'DOWNLOAD_PASSWORD'],
  ['MachineAlias', 'MACHINE_ALIAS'],
];

export function convert(ctx: ConvertContext): void {
  let contents = '';
  const update = ctx.in.Update as Record<string, string> | null;
  if (update) {
    if (update.Group !== '') contents += `GROUP=${goToLower(update.Group!)}`;
    for (const [field, variable] of UPDATE_KEYS) {
      if (update[field] !== '') contents += `\n${variable}=${update[field]}`;
    }
  }
  const locksmith = ctx.in.Locksmith as Record<string, string | null> | null;
  if (locksmith) {
    const lines = locksmithLines(locksmith);
    if (lines.length) contents += '\n' + lines.join('\n');
  }
  if (contents === '') return;
  const file = zeroValue(ignTypes.File) as IgnValue;
  file.Filesystem = 'root';
  file.Path = UPDATE_CONF_PATH;
  file.Mode = 0o644;
  file.Contents.Source = inlineDataUrl(contents);
  ((ctx.out.Storage.Files ??= []) as IgnValue[]).push(file);
}
