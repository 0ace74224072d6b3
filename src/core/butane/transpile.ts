// Butane's whole run as one function over text, in butane's order:
//   1. read `variant` and `version` (the rest ignored) and pick the spec
//   2. decode the config into that spec's structs (go-yaml v3 rules, the shared decoder)
//   3. unused keys; butane's checks on the config; translation to Ignition 3 (trail kept)
//   4. fields this Ignition target refuses; Ignition's duplicate checks and validation, with
//      their paths translated back to config paths
// Every report gets its place in the text from its path. A fatal problem ends the run with
// butane's one-line error ("Error translating config: ...").

import type { Node as YNode } from 'yaml';
import { parseYaml } from '../yaml/parse.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { decode } from '../go/decode.ts';
import { str, struct } from '../go/types.ts';
import { writeIgnition3 } from '../ignition/v3/write.ts';
import type { Entry } from './entry.ts';
import { isFatalEntries } from './entry.ts';
import { ERR } from './messages.ts';
import { findSpec } from './variants.ts';
import type { ButaneSpec } from './variants.ts';
import { unusedKeys } from './unused-keys.ts';
import { checkConfig } from './checks.ts';
import { validateInlineConfig } from './inline-config.ts';
import { translateConfig } from './translate.ts';
import type { TranslationTrail } from './trail.ts';
import { applyFieldFilters } from './filters.ts';
import { goYamlSyntaxError } from './yaml-errors.ts';
import { ign3Types } from '../ignition/v3/types.ts';
import { validateOutput } from './ignition-checks.ts';
import { markerOffset } from './context-tree.ts';
import { parseSemver, semverString } from '../go/semver.ts';
import type { LocalFiles } from './local-files.ts';

export interface ButaneOptions {
  pretty?: boolean;
  files?: LocalFiles | null;
  /** gzip contents where butane would (default true); false for a reader that cannot gunzip */
  compress?: boolean;
}

/** A report entry with the source offset it is shown at (none when the path finds no node). */
export interface PlacedEntry extends Entry {
  offset?: number;
}

export interface ButaneResult {
  /** the Ignition JSON (without the newline the CLI adds), or null when the run failed */
  output: string | null;
  entries: PlacedEntry[];
  /** the fatal error butane prints after "Error translating config: ", or null */
  error: string | null;
  yaml: ParsedYaml;
  spec: ButaneSpec | null;
}

/** butane's yaml.v3 (v3.0.1) rules where they differ from ct's (see DecodeOptions) */
const BUTANE_YAML = { mergeKeys: 'explicit-first' } as const;

const CommonFields = struct('config.commonFields', [
  ['Version', 'version', str],
  ['Variant', 'variant', str],
]);

export function transpileButane(text: string, options: ButaneOptions = {}): ButaneResult {
  const yaml = parseYaml(text);
  const fail = (error: string, entries: PlacedEntry[] = [], spec: ButaneSpec | null = null): ButaneResult => ({ output: null, entries, error, yaml, spec });

  // 1. variant and version
  const syntax = yamlSyntaxError(yaml);
  if (syntax) return fail(`Error unmarshaling yaml: ${syntax}`);
  const head = decode(yaml.doc, yaml.root, CommonFields, yaml.lines, BUTANE_YAML);
  if (head.failure) return fail(`Error unmarshaling yaml: ${head.failure.message}`);
  if (head.typeErrors.length) return fail(`Error unmarshaling yaml: ${typeErrorText(head.typeErrors)}`);
  const common = head.value as { Version: string; Variant: string };
  if (common.Variant === '') return fail(ERR.noVariant);
  const ver = parseSemver(common.Version);
  if (!ver.ok) return fail(ERR.invalidVersion);
  const found = findSpec(common.Variant, semverString(ver.version));
  if (found.kind === 'error') return fail(found.message);
  if (found.kind === 'unsupported') return fail(`No translator exists for variant ${found.variant} with version ${found.version}`);
  const spec = found.spec;

  // 2. the whole config
  const decoded = decode(yaml.doc, yaml.root, spec.base.config, yaml.lines, BUTANE_YAML);
  if (decoded.failure) return fail(decoded.failure.message, [], spec);
  if (decoded.typeErrors.length) return fail(typeErrorText(decoded.typeErrors), [], spec);
  const cfg = decoded.value as Record<string, any>;
  const root = yaml.root as YNode | null;
  const place = (list: Entry[]): PlacedEntry[] => list.map((e) => ({ ...e, offset: markerOffset(root, e.path) }));

  // 3. unused keys, checks, translation
  const entries: PlacedEntry[] = place(unusedKeys(cfg, spec.base.config, root));
  if (isFatalEntries(entries)) return fail(ERR.invalidSourceConfig, entries, spec);
  entries.push(...place(checkConfig(cfg, spec.base.config, { validateIgnitionConfig: (path, raw) => validateInlineConfig(path, raw, spec.ignitionVersion) })));
  if (isFatalEntries(entries)) return fail(ERR.invalidSourceConfig, entries, spec);
  const tr = translateConfig(cfg, spec.base, { ignitionVersion: spec.ignitionVersion, files: options.files ?? null, allowCompression: options.compress ?? true });
  entries.push(...place(tr.entries));
  if (isFatalEntries(entries)) return fail(ERR.invalidSourceConfig, entries, spec);

  // 4. the generated config
  entries.push(...place(backToConfig(applyFieldFilters(tr.config, spec.filters, ign3Types(spec.ignitionVersion).Config), tr.trail)));
  if (isFatalEntries(entries)) return fail(ERR.invalidSourceConfig, entries, spec);
  entries.push(...place(backToConfig(validateOutput(tr.config, spec.ignitionVersion), tr.trail)));
  if (isFatalEntries(entries)) return fail(ERR.invalidGeneratedConfig, entries, spec);

  return { output: writeIgnition3(tr.config, spec.ignitionVersion, { pretty: !!options.pretty }), entries, error: null, yaml, spec };
}

/** Reports on Ignition paths, moved to the config paths they came from. */
function backToConfig(list: Entry[], trail: TranslationTrail): Entry[] {
  return list.map((e) => ({ ...e, path: trail.lookup(e.path) }));
}

/** go-yaml's text for the first syntax error ("yaml: line 4: did not find expected '-' indicator"). */
function yamlSyntaxError(yaml: ParsedYaml): string | null {
  // go-yaml stops at the first problem in the text (an undefined alias, a directive, a control
  // character, a syntax error); the shared reader lists them by kind
  let e = yaml.errors[0];
  for (const x of yaml.errors) if ((x.span?.start ?? Infinity) < (e.span?.start ?? Infinity)) e = x;
  if (!e) return null;
  if (e.code !== 'yaml-syntax' || !e.span) return e.message;
  const go = goYamlSyntaxError(e, yaml.text);
  const { line } = yaml.lines.lineCol(go.offset);
  const msg = go.message.replace(/^yaml: /, '');
  return line > 1 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`;
}

function typeErrorText(errors: Array<{ message: string }>): string {
  return `yaml: unmarshal errors:\n  ${errors.map((e) => e.message).join('\n  ')}`;
}
