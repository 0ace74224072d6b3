// ct's own checks (Validate methods) on the storage part of a Container Linux Config: the
// mode defaults it announces for files and directories, and the one-source rule for contents.
import type { Diagnostic } from '../../report.ts';
import type { MethodTable } from '../../go/types.ts';

export const DEFAULT_FILE_MODE = 0o644;
export const DEFAULT_DIR_MODE = 0o755;

/** Go's %#o: octal with a leading 0 (just "0" for zero). */
function goAltOctal(n: number): string {
  return n === 0 ? '0' : '0' + n.toString(8);
}

export const MSG_TOO_MANY_SOURCES = 'only one of the following can be set: local, inline, remote.url';

/** a Go string field's emptiness (a !!binary value decodes to a string as well) */
function isSet(s: unknown): boolean {
  return typeof s === 'string' ? s !== '' : s != null && (s as { length?: number }).length !== 0;
}

export const methods: MethodTable = {
  File: {
    fields: {
      Mode: (f: { Mode: number | null; Append: boolean }): Diagnostic[] => {
        if (f.Mode != null) return [];
        if (f.Append) {
          return [{
            severity: 'info',
            message: `mode unspecified for file, defaulting to ${goAltOctal(DEFAULT_FILE_MODE)} if the file does not exist`,
            code: 'file-mode-default-append',
          }];
        }
        return [{ severity: 'warning', message: `mode unspecified for file, defaulting to ${goAltOctal(DEFAULT_FILE_MODE)}`, code: 'file-mode-default' }];
      },
    },
  },
  Directory: {
    fields: {
      Mode: (d: { Mode: number | null }): Diagnostic[] =>
        d.Mode != null ? [] : [{ severity: 'warning', message: `mode unspecified for directory, defaulting to ${goAltOctal(DEFAULT_DIR_MODE)}`, code: 'dir-mode-default' }],
    },
  },
  FileContents: {
    validate: (c: { Remote: { Url: string }; Inline: string; Local: string }): Diagnostic[] => {
      let n = 0;
      if (isSet(c.Remote.Url)) n++;
      if (isSet(c.Inline)) n++;
      if (isSet(c.Local)) n++;
      return n > 1 ? [{ severity: 'error', message: MSG_TOO_MANY_SOURCES, code: 'file-too-many-sources' }] : [];
    },
  },
};
