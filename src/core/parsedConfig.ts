// The result of ct's parse stage, in a module of its own: transpile() produces it and the
// features (hints, diagnostics) read it, so neither has to import the other for the type.

import type { Diagnostic } from './report.ts';
import type { ParsedYaml } from './yaml/parse.ts';

export interface ParsedConfig {
  yaml: ParsedYaml;
  /** the decoded config, or null when parsing failed */
  config: Record<string, any> | null;
  diagnostics: Diagnostic[];
  /** true when ct would stop after parsing ("Failed to parse config") */
  fatal: boolean;
}
