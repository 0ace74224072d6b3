// The problems the editor shows for a text: exactly those clct prints with the same options
// (ct's rules for when to stop, --strict included), plus the hints. Same logic as transpile()
// minus writing the Ignition JSON, which the editor does not need on every keystroke;
// test/unit/features-diagnostics.test.ts checks both agree.

import { convertConfig, parseConfig } from '../transpile.ts';
import type { ParsedConfig, TranspileOptions } from '../transpile.ts';
import type { Diagnostic } from '../report.ts';
import { computeHints } from './hints.ts';

export interface DiagnoseResult {
  diagnostics: Diagnostic[];
  parsed: ParsedConfig;
}

export function diagnose(text: string, options: TranspileOptions = {}): DiagnoseResult {
  const parsed = parseConfig(text);
  const hints = options.hints === false ? [] : computeHints(parsed, { unitChecks: options.unitChecks });
  if (parsed.fatal || (options.strict && parsed.diagnostics.length)) {
    return { diagnostics: [...parsed.diagnostics, ...hints], parsed };
  }
  const converted = convertConfig(parsed, options);
  return { diagnostics: [...parsed.diagnostics, ...converted.diagnostics, ...hints], parsed };
}
