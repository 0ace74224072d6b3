// Custom LSP messages between the clc client and server, shared by both sides.
// (Standard features — diagnostics, completion, hover, symbols, definition, code actions,
// folding — use the plain LSP methods.)

/** The language id the extension registers for Container Linux Configs. */
export const LANGUAGE_ID = 'clc';

/** The language id of Butane configs (variant/version YAML, transpiled to Ignition 3). */
export const BUTANE_LANGUAGE_ID = 'butane';

/** Every language the server and the transpile commands work on. */
export const CONFIG_LANGUAGE_IDS: readonly string[] = [LANGUAGE_ID, BUTANE_LANGUAGE_ID];

export const isConfigLanguage = (id: string): boolean => CONFIG_LANGUAGE_IDS.includes(id);

/** Settings under "clc." that the server reads (workspace/configuration, section "clc"). */
export interface ClcSettings {
  /** ct's --platform ("" for none) */
  platform: string;
  /** ct's --files-dir, relative to the workspace folder ("" for none) */
  filesDir: string;
  /** ct's --strict: warnings make transpiling fail */
  strict: boolean;
  /** systemd's verdict on the unit files inside a config (shown as warnings) */
  unitChecks: boolean;
  transpile: {
    pretty: boolean;
    /** output path pattern; ${dir}, ${name} (file name without .yml/.yaml), ${ext} */
    output: string;
  };
}

export const DEFAULT_SETTINGS: ClcSettings = {
  platform: '',
  filesDir: '',
  strict: false,
  unitChecks: true,
  transpile: { pretty: true, output: '${dir}/${name}.ign' },
};

/** Request `clc/transpile`: transpile an open document with the current settings. */
export const TRANSPILE_REQUEST = 'clc/transpile';

export interface TranspileParams {
  uri: string;
  /** overrides the clc.platform setting (the preview's platform picker) */
  platform?: string;
  /** overrides clc.transpile.pretty */
  pretty?: boolean;
}

export interface TranspileProblem {
  severity: 'error' | 'warning' | 'info' | 'deprecated';
  message: string;
  /** 0-based LSP range, when the problem has a place */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface TranspileResponse {
  /** the Ignition JSON text, or null when ct would produce none */
  output: string | null;
  problems: TranspileProblem[];
  /** "parse" or "convert" when transpiling failed at that stage, else null */
  failedAt: 'parse' | 'convert' | null;
  /** true when the result would fail under clc.strict (errors, or any problem with strict on) */
  blocked: boolean;
  /** the document version the result belongs to */
  version: number;
}

/** Request `clc/toButane`: convert an open document to a Butane config and prove the result. */
export const TO_BUTANE_REQUEST = 'clc/toButane';

export interface ToButaneParams {
  uri: string;
  /** mount paths by filesystem name, for filesystems no .mount unit places */
  fsPaths?: Record<string, string>;
  /** "1.1.0" (default) or "1.0.0" */
  butaneVersion?: string;
  /** a butane executable for the proof (clc.butane.transpilerPath), "" for clc's own transpiler */
  transpilerPath?: string;
}

export interface ToButaneResponse {
  /** the Butane config, or null when the config cannot be converted */
  butane: string | null;
  problems: TranspileProblem[];
  /** filesystems that still need a mount path (ask the user, then ask again with fsPaths) */
  missingFsPaths: Array<{ name: string; device: string }>;
  /** the proof: Butane -> Ignition 3 compared with ign-converter's translation of ct's output */
  proof:
    | { kind: 'same'; transpiler: string }
    | { kind: 'different'; transpiler: string; differences: string[] }
    | { kind: 'not-run'; reason: string };
}
