// Works out where "Transpile to Ignition" writes, from the clc.transpile.output pattern.
// Free of VS Code so it can be unit-tested with node:test.

import * as nodePath from 'node:path';

/** The pattern used when clc.transpile.output is empty. */
export const DEFAULT_OUTPUT_PATTERN = '${dir}/${name}.ign';

/** Variables a pattern may use, with what they stand for (also shown in the setting's description). */
export const OUTPUT_VARIABLES: Record<string, string> = {
  dir: "the config's folder",
  name: "the config's file name without .yml/.yaml (and a .clc before it)",
  ext: "the config's extension (.yml, .yaml, .clc.yml, .clc.yaml or empty)",
  fileBasename: "the config's whole file name",
  workspaceFolder: 'the workspace folder that holds the config',
};

export interface OutputPathInput {
  /** absolute path of the Container Linux Config */
  source: string;
  /** the clc.transpile.output setting ("" means the default) */
  pattern: string;
  /** absolute path of the workspace folder holding the source, if any */
  workspaceFolder?: string;
  /** path flavour; node's own by default (tests pass path.posix or path.win32) */
  path?: nodePath.PlatformPath;
  /** compare paths without regard to case (Windows, macOS) */
  caseInsensitive?: boolean;
}

export type OutputPathResult = { ok: true; path: string } | { ok: false; error: string };

const YAML_EXT = /\.ya?ml$/i;
/**
 * `.clc`/`.bu` before the YAML extension only marks the file's language (node.clc.yml,
 * web.bu.yml): not part of the name; `.bu` and `.butane` alone are Butane's own extensions.
 */
const CONFIG_EXT = /(?:(?:\.clc|\.bu)?\.ya?ml|\.bu|\.butane)$/i;

/** Splits a file name into the part before .yml/.yaml (or .clc.yml, .bu.yml, .bu, .butane) and that extension. */
export function splitConfigName(basename: string): { name: string; ext: string } {
  const m = CONFIG_EXT.exec(basename);
  if (!m) return { name: basename, ext: '' };
  if (m.index === 0) {
    const y = YAML_EXT.exec(basename);
    return !y || y.index === 0 ? { name: basename, ext: '' } : { name: basename.slice(0, y.index), ext: basename.slice(y.index) };
  }
  return { name: basename.slice(0, m.index), ext: basename.slice(m.index) };
}

/**
 * Expands the pattern. A relative result is taken from the workspace folder holding the config,
 * or from the config's own folder when it is in none. Refuses results that would overwrite the
 * config itself or another YAML file, since an Ignition file never belongs there.
 */
export function computeOutputPath(input: OutputPathInput): OutputPathResult {
  const p = input.path ?? nodePath;
  const pattern = input.pattern.trim() === '' ? DEFAULT_OUTPUT_PATTERN : input.pattern.trim();
  const dir = p.dirname(input.source);
  const base = p.basename(input.source);
  const { name, ext } = splitConfigName(base);
  const values: Record<string, string | undefined> = {
    dir,
    name,
    ext,
    fileBasename: base,
    workspaceFolder: input.workspaceFolder,
  };

  let error: string | undefined;
  const expanded = pattern.replace(/\$\{([^}]*)\}/g, (whole, variable: string) => {
    if (!(variable in OUTPUT_VARIABLES)) {
      error ??= `clc.transpile.output uses the unknown variable ${whole}; known ones are ${Object.keys(OUTPUT_VARIABLES)
        .map((v) => '${' + v + '}')
        .join(', ')}.`;
      return whole;
    }
    const value = values[variable];
    if (value === undefined) {
      error ??= `clc.transpile.output uses ${whole}, but ${base} is not inside a workspace folder.`;
      return whole;
    }
    return value;
  });
  if (error) return { ok: false, error };

  if (expanded.trim() === '') return { ok: false, error: 'clc.transpile.output gives an empty path.' };
  if (/[\\/]$/.test(expanded)) {
    return { ok: false, error: `clc.transpile.output gives a folder (${expanded}), not a file name; add a file name such as \${name}.ign.` };
  }
  const target = p.resolve(input.workspaceFolder ?? dir, expanded);

  const same = (a: string, b: string) => (input.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (same(target, p.resolve(input.source))) {
    return { ok: false, error: `clc.transpile.output points at the config itself (${target}); it would be overwritten.` };
  }
  if (YAML_EXT.test(target)) {
    return { ok: false, error: `clc.transpile.output gives a YAML file name (${target}); Ignition output is JSON, so it was not written there.` };
  }
  return { ok: true, path: target };
}
