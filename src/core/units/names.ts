// Where unit and networkd files written by a config belong: the file type comes from the name's
// suffix (catalog.ts); a `.conf` file in a `NAME.d/` directory is a drop-in of NAME.

import { unitFileTypeOf } from './catalog.ts';
import type { UnitFileType } from './catalog.ts';

export type { UnitFileType };
export { unitFileTypeOf };

export interface UnitFilePath {
  fileType: UnitFileType | undefined;
  /** the unit (or networkd file) name */
  name: string;
  /** set for `NAME.d/FILE.conf` */
  dropin?: { unit: string; name: string };
}

const UNIT_DIRS = ['/etc/systemd/system/', '/etc/systemd/network/'];

/**
 * What a file written under /etc/systemd/system/ or /etc/systemd/network/ is: a unit or
 * networkd file directly in the directory, or a `.conf` drop-in in its `NAME.d/` directory.
 * Undefined for anything else (wants/ links, other files).
 */
export function unitFileAtPath(path: string): UnitFilePath | undefined {
  const dir = UNIT_DIRS.find((d) => path.startsWith(d));
  if (!dir) return undefined;
  const rest = path.slice(dir.length).split('/');
  if (rest.length === 1) {
    const fileType = unitFileTypeOf(rest[0]!);
    return fileType ? { fileType, name: rest[0]! } : undefined;
  }
  if (rest.length === 2 && rest[0]!.endsWith('.d') && rest[1]!.endsWith('.conf') && rest[1]!.length > 5) {
    const unit = rest[0]!.slice(0, -2);
    const fileType = unitFileTypeOf(unit);
    return fileType ? { fileType, name: unit, dropin: { unit, name: rest[1]! } } : undefined;
  }
  return undefined;
}
