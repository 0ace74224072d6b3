// What ct's etcd and flannel converters share (config/types/common.go and util/unit.go):
// turning an option struct into `--flag=value` arguments, and laying out the systemd drop-in
// that runs the wrapper with them, templated for the --platform when a value uses `{FIELD}`.

import type { StructType } from '../go/types.ts';
import { quoteGoString } from '../go/strconv.ts';
import { ERR_PLATFORM_UNSPECIFIED, hasTemplating, performTemplating } from '../platforms.ts';

/** A drop-in's three sections, each a list of lines (ct's util.SystemdUnit). */
export interface UnitText {
  unit: string[];
  service: string[];
  install: string[];
}

/** The sections that have lines, as `[Name]` blocks separated by a blank line; no final newline. */
export function unitString(u: UnitText): string {
  const blocks: string[] = [];
  for (const [name, lines] of [
    ['Unit', u.unit],
    ['Service', u.service],
    ['Install', u.install],
  ] as const) {
    if (!lines.length) continue;
    blocks.push(['[' + name + ']', ...lines].join('\n'));
  }
  return blocks.join('\n\n');
}

/** Go's %v of an option value: strings are %q-quoted first, numbers and bools print plainly. */
export function formatOptionValue(v: unknown): string {
  if (typeof v === 'string') return quoteGoString(v);
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  return String(v);
}

/**
 * getCliArgs: one `--flag=value` per option that was set (a nil pointer is skipped, a pointer to
 * an empty string is not), in the option struct's field order.
 */
export function cliArgs(options: Record<string, unknown> | null | undefined, type: StructType | null | undefined): string[] {
  if (!options || !type) return [];
  const out: string[] = [];
  for (const f of type.fields) {
    const v = options[f.name];
    if (v === null || v === undefined) continue;
    const flag = (f as { flag?: string }).flag ?? f.key;
    out.push(`--${flag}=${formatOptionValue(v)}`);
  }
  return out;
}

/**
 * assembleUnit: the drop-in running `exec` with the arguments, with `Environment="..."` lines for
 * `vars`. When an argument holds a brace the platform's metadata is pulled in and `{FIELD}`s are
 * replaced, which needs a platform.
 */
export function assembleUnit(
  exec: string,
  args: readonly string[],
  vars: readonly string[],
  platform: string,
): { ok: true; unit: UnitText } | { ok: false; error: string } {
  const unit: UnitText = { unit: [], service: [], install: [] };
  let finalArgs = [...args];
  if (hasTemplating(finalArgs)) {
    if (platform === '') return { ok: false, error: ERR_PLATFORM_UNSPECIFIED };
    unit.unit.push('Requires=coreos-metadata.service', 'After=coreos-metadata.service');
    unit.service.push('EnvironmentFile=/run/metadata/coreos');
    const t = performTemplating(platform, finalArgs);
    if (!t.ok) return { ok: false, error: t.error };
    finalArgs = t.args;
  }
  for (const v of vars) unit.service.push(`Environment="${v}"`);
  let line = exec;
  for (const a of finalArgs) line += ` \\\n  ${a}`;
  unit.service.push('ExecStart=', `ExecStart=${line}`);
  return { ok: true, unit };
}
