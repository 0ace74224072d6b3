// What every section converter gets: the decoded config, the Ignition config being built,
// the YAML tree for positions, and the options ct takes on its command line.

import { isMap, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Report } from '../report.ts';
import type { Span } from '../report.ts';
import { reportSpan } from '../yaml/parse.ts';
import { keyText } from '../go/decode.ts';
import type { IgnValue } from '../ignition/types.ts';

export type FileReader = (path: string) => { ok: true; data: Uint8Array } | { ok: false; error: string };

export interface ConvertOptions {
  /** ct's --platform ("" for none) */
  platform?: string;
  /** ct's --files-dir; local file contents are refused without it */
  filesDir?: string;
  /** reads a file below filesDir (the CLI and server pass one; tests can pass a fake) */
  readFile?: FileReader;
}

export interface ConvertContext {
  /** the decoded Container Linux Config (values keyed by Go field name) */
  in: Record<string, any>;
  out: IgnValue;
  platform: string;
  options: ConvertOptions;
  /** problems found while converting; a converter that adds an error stops the conversion */
  report: Report;
  /** the YAML root, for positions */
  root: YNode | null;
  /**
   * Replacements in the YAML tree seen by the Ignition validation (ct rewires a file's
   * `contents` to its `remote` block and `url` to `source`, so errors land on the URL).
   */
  keyOverrides: Map<YNode, Map<string, YNode>>;
  /** index of the first unit the user wrote in the output's systemd units (set by convert/systemd) */
  userUnitsStart?: number;
}

export type Converter = (ctx: ConvertContext) => void;

/** snake_case -> camelCase, the way ct maps config keys onto Ignition's */
export function ignKeyName(k: string): string {
  const words = k.split('_');
  for (let i = 1; i < words.length; i++) words[i] = words[i] ? words[i][0].toUpperCase() + words[i].slice(1) : words[i];
  return words.join('');
}

/**
 * Follows a path of keys and indices from a node, matching keys the way ct does during
 * conversion (Ignition's camelCase names). Aliases are not followed, as in ct.
 */
export function childAt(node: YNode | null | undefined, ...path: Array<string | number>): YNode | null {
  let n: YNode | null = node ?? null;
  for (const step of path) {
    if (!n) return null;
    if (typeof step === 'number') {
      if (!isSeq(n)) return null;
      n = ((n as YAMLSeq).items[step] as YNode | undefined) ?? null;
    } else {
      if (!isMap(n)) return null;
      let found: YNode | null = null;
      for (const p of (n as YAMLMap).items as Pair<YNode, YNode>[]) {
        if (p.key && ignKeyName(keyText(p.key)) === ignKeyName(step)) found = p.value ?? p.key;
      }
      n = found;
    }
  }
  return n;
}

export function spanOf(node: YNode | null | undefined): Span | undefined {
  return reportSpan(node);
}
