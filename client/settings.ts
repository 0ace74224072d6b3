// The clc.* settings as the server should see them. Free of VS Code for unit tests.

import { DEFAULT_SETTINGS, type ClcSettings } from '../src/shared/protocol.ts';

/** Anything with a get(key) like vscode.WorkspaceConfiguration for section "clc". */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}
function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/**
 * Reads the settings with defaults for anything missing or of the wrong type. In an untrusted
 * workspace filesDir is forced to "" so nothing from the local disk is embedded (Restricted Mode).
 */
export function effectiveSettings(config: ConfigReader, trusted: boolean): ClcSettings {
  return {
    platform: str(config.get('platform'), DEFAULT_SETTINGS.platform),
    filesDir: trusted ? str(config.get('filesDir'), DEFAULT_SETTINGS.filesDir) : '',
    strict: bool(config.get('strict'), DEFAULT_SETTINGS.strict),
    unitChecks: bool(config.get('unitChecks'), DEFAULT_SETTINGS.unitChecks),
    transpile: {
      pretty: bool(config.get('transpile.pretty'), DEFAULT_SETTINGS.transpile.pretty),
      output: str(config.get('transpile.output'), DEFAULT_SETTINGS.transpile.output),
    },
  };
}

/**
 * Answers one item of a workspace/configuration request. `section` is what the server asked for
 * ("clc", "clc.filesDir", or undefined for everything); `value` is what the client library found.
 */
export function sanitizeConfigurationItem(section: string | undefined | null, value: unknown, trusted: boolean): unknown {
  if (trusted) return value;
  if (section === 'clc.filesDir') return '';
  if (section === 'clc' && value && typeof value === 'object') return { ...(value as object), filesDir: '' };
  if ((section === undefined || section === null || section === '') && value && typeof value === 'object') {
    const all = value as Record<string, unknown>;
    if (all.clc && typeof all.clc === 'object') return { ...all, clc: { ...(all.clc as object), filesDir: '' } };
  }
  return value;
}
