// One version of a config's text with everything the editor features derive from it, each
// computed on first use and kept: the line scan (works on broken YAML), the YAML tree and the
// decoded config, and line/column lookups. The server keeps one per open document version.

import { parseConfig } from '../transpile.ts';
import type { ParsedConfig } from '../transpile.ts';
import { LineIndex, parseYaml } from '../yaml/parse.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { scanText } from './scan.ts';
import type { Scan } from './scan.ts';

export class ClcDocument {
  private _scan?: Scan;
  private _parsed?: ParsedConfig;
  private _yaml?: ParsedYaml;
  private _lines?: LineIndex;

  constructor(
    readonly text: string,
    readonly version: number = 0,
  ) {}

  /** the indentation-based reading of the text */
  get scan(): Scan {
    return (this._scan ??= scanText(this.text));
  }

  /** ct's parse stage: YAML tree, decoded config and parse-stage problems */
  get parsed(): ParsedConfig {
    return (this._parsed ??= parseConfig(this.text));
  }

  /** the YAML tree of the first document (without decoding it) */
  get yaml(): ParsedYaml {
    if (this._parsed) return this._parsed.yaml;
    return (this._yaml ??= parseYaml(this.text));
  }

  /** true when the YAML itself is well-formed (the tree can be trusted for positions) */
  get yamlOk(): boolean {
    return this.yaml.errors.length === 0;
  }

  get lines(): LineIndex {
    if (this._parsed) return this._parsed.yaml.lines;
    if (this._yaml) return this._yaml.lines;
    return (this._lines ??= new LineIndex(this.text));
  }
}
