// One problem as butane reports it: its kind, the config path it is about, and the message.
// Where it shows in the text is worked out later from the path (see context-tree.ts).

import type { ReportPath } from './path.ts';

export type EntryKind = 'error' | 'warning' | 'info';

export interface Entry {
  kind: EntryKind;
  message: string;
  /** the config path (after translation back from the Ignition output) */
  path: ReportPath;
}

export const isFatalEntries = (list: readonly Entry[]): boolean => list.some((e) => e.kind === 'error');
