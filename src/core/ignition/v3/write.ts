// Ignition 3.x JSON output, byte for byte what butane prints: butane marshals with
// github.com/clarketm/json (json.Marshal, or json.MarshalIndent(v, "", "  ") for --pretty),
// which lays fields out in Go struct order, escapes < > & and U+2028/U+2029 like
// encoding/json, and also leaves out `omitempty` structs whose fields are all empty.

import { JsonWriter } from '../../go/json.ts';
import { writeTyped } from '../../go/typed-json.ts';
import { ign3Types } from './types.ts';
import type { Ign3Value, Ignition3Version } from './types.ts';

export interface WriteIgnition3Options {
  /** two-space indentation, as `butane --pretty` */
  pretty?: boolean;
}

const CLARKETM_JSON = { omitEmptyStructs: true };

/** The JSON text of a config (no trailing newline; the CLI adds what butane adds). */
export function writeIgnition3(value: Ign3Value, version: Ignition3Version, opts: WriteIgnition3Options = {}): string {
  const w = new JsonWriter(opts.pretty ? '  ' : null);
  writeTyped(w, value, ign3Types(version).Config, CLARKETM_JSON);
  return w.text();
}
