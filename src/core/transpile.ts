// The two stages of ct, as plain functions over text:
//   parseConfig:   YAML -> typed config, with ct's parse-stage problems
//   convertConfig: typed config -> Ignition 2.3.0, with conversion and validation problems
// The CLI, the language server and the tests all go through here.

import { placeUnitContentErrors } from './units/content-errors.ts';
import { Report } from './report.ts';
import type { Diagnostic } from './report.ts';
import { parseYaml } from './yaml/parse.ts';
import type { ParseYamlOptions, ParsedYaml } from './yaml/parse.ts';
import { decode } from './go/decode.ts';
import { validateTree } from './go/validate.ts';
import { zeroValue } from './go/types.ts';
import { Config } from './clc/model.ts';
import { clcMethods } from './clc/checks/index.ts';
import { ignitionMethods } from './ignition/checks/index.ts';
import { IgnConfig, newIgnitionConfig, writeJson } from './ignition/types.ts';
import type { IgnValue } from './ignition/types.ts';
import { JsonWriter } from './go/json.ts';
import type { ConvertContext, ConvertOptions, Converter } from './convert/context.ts';
import { isSupportedPlatform } from './platforms.ts';
import * as common from './convert/common.ts';
import * as config from './convert/config.ts';
import * as disks from './convert/disks.ts';
import * as docker from './convert/docker.ts';
import * as etcd from './convert/etcd.ts';
import * as files from './convert/files.ts';
import * as filesystems from './convert/filesystems.ts';
import * as flannel from './convert/flannel.ts';
import * as networkd from './convert/networkd.ts';
import * as passwd from './convert/passwd.ts';
import * as raid from './convert/raid.ts';
import * as security from './convert/security.ts';
import * as systemd from './convert/systemd.ts';
import * as update from './convert/update.ts';
import { computeHints } from './features/hints.ts';
import type { ParsedConfig } from './parsedConfig.ts';

export type { ConvertOptions };

/** ct runs its section converters in this order; the order shows in the output arrays. */
const CONVERTERS: Converter[] = [
  common.convert,
  config.convert,
  disks.convert,
  docker.convert,
  etcd.convert,
  files.convert,
  filesystems.convert,
  flannel.convert,
  networkd.convert,
  passwd.convert,
  raid.convert,
  security.convert,
  systemd.convert,
  update.convert,
];

export type { ParsedConfig };

const TOO_DEEP = 'yaml: the document is nested too deeply to be read';

/** `yamlOptions.fullParserOnly` keeps comments in the tree (the Butane conversion wants them). */
export function parseConfig(text: string, yamlOptions: ParseYamlOptions = {}): ParsedConfig {
  const yaml = parseYaml(text, yamlOptions);
  try {
    return parseParsedYaml(yaml);
  } catch (e) {
    // very deep nesting exhausts the stack in a recursive walk; report it like a YAML error
    if (e instanceof RangeError) return { yaml, config: null, diagnostics: [{ severity: 'error', message: TOO_DEEP, code: 'yaml-syntax' }], fatal: true };
    throw e;
  }
}

function parseParsedYaml(yaml: ParsedYaml): ParsedConfig {
  if (yaml.errors.length) return { yaml, config: null, diagnostics: yaml.errors, fatal: true };

  const decoded = decode(yaml.doc, yaml.root, Config, yaml.lines);
  if (decoded.failure) {
    return {
      yaml,
      config: null,
      diagnostics: [{ severity: 'error', message: decoded.failure.message, span: decoded.failure.span, code: 'yaml-decode', unpositioned: true }],
      fatal: true,
    };
  }
  if (decoded.typeErrors.length) {
    return {
      yaml,
      config: null,
      diagnostics: decoded.typeErrors.map((e) => ({ severity: 'error', message: e.message, span: e.span, code: 'yaml-type' })),
      fatal: true,
    };
  }

  const cfg = decoded.value as Record<string, any>;
  const r = new Report();
  if (!yaml.root) {
    r.add('warning', 'Configuration is empty', undefined, 'empty-config');
    r.merge(validateTree(cfg, Config, null, { methods: clcMethods, keys: 'yaml', checkUnusedKeys: false }));
  } else {
    r.merge(validateTree(cfg, Config, yaml.root, { methods: clcMethods, keys: 'yaml', checkUnusedKeys: true }));
  }
  if (r.isFatal) return { yaml, config: null, diagnostics: r.entries, fatal: true };
  return { yaml, config: cfg, diagnostics: r.entries, fatal: false };
}

export interface ConvertResult {
  /** the Ignition config, or null when conversion failed */
  ignition: IgnValue | null;
  diagnostics: Diagnostic[];
  fatal: boolean;
}

export function convertConfig(parsed: ParsedConfig, options: ConvertOptions = {}): ConvertResult {
  const platform = options.platform ?? '';
  if (!isSupportedPlatform(platform)) {
    return { ignition: null, diagnostics: [{ severity: 'error', message: 'unsupported platform', code: 'platform' }], fatal: true };
  }
  const ctx: ConvertContext = {
    in: parsed.config ?? (zeroValue(Config) as Record<string, any>),
    out: newIgnitionConfig(),
    platform,
    options,
    report: new Report(),
    root: parsed.yaml.root,
    keyOverrides: new Map(),
  };
  for (const convert of CONVERTERS) convert(ctx);
  if (ctx.report.isFatal) return { ignition: null, diagnostics: ctx.report.entries, fatal: true };

  const r = validateTree(ctx.out, IgnConfig, parsed.yaml.root, {
    methods: ignitionMethods,
    keys: 'json',
    checkUnusedKeys: false,
    keyOverrides: ctx.keyOverrides,
  });
  if (r.entries.length) {
    placeExactly(r.entries, ctx, parsed);
    placeUnitContentErrors(r.entries, parsed.yaml);
  }
  const diagnostics = [...ctx.report.entries, ...r.entries];
  if (r.isFatal) return { ignition: null, diagnostics, fatal: true };
  return { ignition: ctx.out, diagnostics, fatal: false };
}

/**
 * ct validates the generated Ignition config against the YAML by index and by Ignition's key
 * names, so a problem can land on the wrong unit (ct's own units come first) or on the whole
 * config. Those positions are what clct prints (`ctSpan`); a second walk that skips ct's units
 * and follows each problem's path gives the editor the node really at fault (`span`). Only runs
 * when there is something to place.
 */
function placeExactly(entries: Diagnostic[], ctx: ConvertContext, parsed: ParsedConfig): void {
  const unitsStart = ctx.userUnitsStart ?? 0;
  const exact = validateTree(ctx.out, IgnConfig, parsed.yaml.root, {
    methods: ignitionMethods,
    keys: 'json',
    checkUnusedKeys: false,
    keyOverrides: ctx.keyOverrides,
    resolvePaths: true,
    sliceIndex: (arr, i) => (arr === ctx.out.Systemd.Units ? i - unitsStart : i),
  }).entries;
  // both walks visit the same values with the same checks, so their problems pair up in order
  if (exact.length !== entries.length || exact.some((d, i) => d.message !== entries[i].message)) return;
  for (let i = 0; i < entries.length; i++) {
    const ct = entries[i].span;
    const real = exact[i].span;
    if (!real || (ct && ct.start === real.start && ct.end === real.end)) continue;
    entries[i].ctSpan = ct;
    entries[i].span = real;
  }
}

/** The Ignition JSON exactly as ct prints it (compact without newline, or pretty with one). */
export function serializeIgnition(ign: IgnValue, pretty: boolean): string {
  const w = new JsonWriter(pretty ? '  ' : null);
  writeJson(w, ign, IgnConfig);
  return pretty ? w.text() + '\n' : w.text();
}

export interface TranspileOptions extends ConvertOptions {
  pretty?: boolean;
  strict?: boolean;
  /** include hints ct does not print (they never make a run fail) */
  hints?: boolean;
  /** with hints: systemd's verdict on the unit files inside the config (default on) */
  unitChecks?: boolean;
}

export interface TranspileResult {
  /** the JSON text, or null when ct would print none */
  output: string | null;
  /** every problem in the order ct reports them */
  diagnostics: Diagnostic[];
  /** which stage stopped the run, if any */
  failedAt: 'parse' | 'convert' | null;
  parsed: ParsedConfig;
}

/** Both stages with ct's rules for when to stop, --strict included. */
export function transpile(text: string, options: TranspileOptions = {}): TranspileResult {
  const parsed = parseConfig(text);
  // hints come after ct's own problems and never count for --strict
  const withHints = (list: Diagnostic[]): Diagnostic[] => (options.hints ? [...list, ...computeHints(parsed, { unitChecks: options.unitChecks })] : list);
  if (parsed.fatal || (options.strict && parsed.diagnostics.length)) {
    return { output: null, diagnostics: withHints(parsed.diagnostics), failedAt: 'parse', parsed };
  }
  const converted = convertConfig(parsed, options);
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics];
  if (converted.fatal || !converted.ignition || (options.strict && converted.diagnostics.length)) {
    return { output: null, diagnostics: withHints(diagnostics), failedAt: 'convert', parsed };
  }
  return { output: serializeIgnition(converted.ignition, !!options.pretty), diagnostics: withHints(diagnostics), failedAt: null, parsed };
}
