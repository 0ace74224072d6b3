// ct's --platform values and their dynamic data ({PRIVATE_IPV4}...), from schemas/platforms.json,
// plus the templating ct applies to etcd and flannel options.

import table from '../../schemas/platforms.json';

export interface PlatformInfo {
  id: string;
  name: string;
  /** dynamic-data field -> the environment variable coreos-metadata sets */
  fields: Record<string, string>;
}

export const platforms: PlatformInfo[] = (table as { platforms: PlatformInfo[] }).platforms;
export const platformIds: string[] = platforms.map((p) => p.id);

export function isSupportedPlatform(p: string): boolean {
  return p === '' || platformIds.includes(p);
}

export function platformById(id: string): PlatformInfo | undefined {
  return platforms.find((p) => p.id === id);
}

/** ct turns templating on when any argument holds a brace of either kind. */
export function hasTemplating(args: readonly string[]): boolean {
  return args.some((a) => a.includes('{') || a.includes('}'));
}

export const ERR_PLATFORM_UNSPECIFIED = 'platform must be specified to use templating';
export const ERR_UNKNOWN_PLATFORM = 'unsupported platform';
export const ERR_UNKNOWN_FIELD = 'unknown field';

/**
 * Replaces each `{FIELD}` with `${VARIABLE}` for the platform, scanning left to right the way
 * ct does (a `}` before the next `{` ends the scan of that argument).
 */
export function performTemplating(platform: string, args: readonly string[]): { ok: true; args: string[] } | { ok: false; error: string } {
  const p = platformById(platform);
  if (!p) return { ok: false, error: ERR_UNKNOWN_PLATFORM };
  const out: string[] = [];
  for (let s of args) {
    let start = s.indexOf('{');
    let end = s.indexOf('}');
    while (start !== -1 && end !== -1 && start < end) {
      const field = s.slice(start + 1, end);
      const variable = p.fields[field];
      if (variable === undefined) return { ok: false, error: ERR_UNKNOWN_FIELD };
      s = s.replace('{' + field + '}', '${' + variable + '}');
      // continue after the old closing brace so the braces just written are not seen again
      start = s.indexOf('{', end);
      if (start !== -1) end = s.indexOf('}', start);
    }
    out.push(s);
  }
  return { ok: true, args: out };
}
