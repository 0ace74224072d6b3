// Unit and networkd file names: which kind of file a name is, and where drop-ins belong.
// systemd takes the type from the suffix after the last dot; `app@.service` is a template and
// `app@web.service` an instance of it (both read like any service file).

export type UnitFileType =
  | 'service' | 'socket' | 'timer' | 'mount' | 'automount' | 'swap' | 'path' | 'target'
  | 'slice' | 'scope' | 'device' | 'network' | 'netdev' | 'link';

const TYPES = new Set<string>(['service', 'socket', 'timer', 'mount', 'automount', 'swap', 'path', 'target', 'slice', 'scope', 'device', 'network', 'netdev', 'link']);

/** The file type of `app.service`, `app@.service`, `app@x.service`, `10-eth.network`; undefined if unknown. */
export function unitTypeOfName(name: string): UnitFileType | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const suffix = name.slice(dot + 1);
  return TYPES.has(suffix) ? (suffix as UnitFileType) : undefined;
}

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
    const fileType = unitTypeOfName(rest[0]!);
    return fileType ? { fileType, name: rest[0]! } : undefined;
  }
  if (rest.length === 2 && rest[0]!.endsWith('.d') && rest[1]!.endsWith('.conf') && rest[1]!.length > 5) {
    const unit = rest[0]!.slice(0, -2);
    const fileType = unitTypeOfName(unit);
    return fileType ? { fileType, name: unit, dropin: { unit, name: rest[1]! } } : undefined;
  }
  return undefined;
}
