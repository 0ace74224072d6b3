// "Same machine state": two Ignition 3.x configs compared for what they make on a machine, not
// for how they spell it. The spec version is left aside (3.0 to 3.4 add nothing by themselves),
// file contents are compared as the bytes they decode to (a data URL in any encoding, gzip
// undone), unset and empty values count as absent, and the lists of files, directories, links,
// units, users and the like are compared as sets keyed by path or name.

import { decodeDataUrl } from '../go/dataurl-decode.ts';

type Json = any;

/** gunzip for contents compressed with gzip (the caller supplies it: the core imports no Node). */
export type Gunzip = (data: Uint8Array) => Uint8Array;

const KEYED: Record<string, (e: Json) => string> = {
  files: (e) => e.path,
  directories: (e) => e.path,
  links: (e) => e.path,
  units: (e) => e.name,
  dropins: (e) => e.name,
  users: (e) => e.name,
  groups: (e) => (typeof e === 'string' ? e : e.name),
  disks: (e) => e.device,
  filesystems: (e) => e.device ?? e.path,
  raid: (e) => e.name,
  merge: (e) => e.source,
  certificateAuthorities: (e) => e.source,
  partitions: (e) => (e.number ? `#${e.number}` : `label ${e.label}`),
  sshAuthorizedKeys: (e) => e,
};

/** Differences between two Ignition 3 configs as "path: what" lines; empty when the same. */
export function compareMachineState(actual: Json, expected: Json, gunzip?: Gunzip): string[] {
  const out: string[] = [];
  diff(normalize(actual, gunzip), normalize(expected, gunzip), '', out);
  return out;
}

export function normalize(cfg: Json, gunzip?: Gunzip): Json {
  const c = structuredClone(cfg);
  if (c?.ignition) delete c.ignition.version;
  for (const f of c?.storage?.files ?? []) {
    if (f.contents) f.contents = contentBytes(f.contents, gunzip);
    if (Array.isArray(f.append)) f.append = f.append.map((a: Json) => contentBytes(a, gunzip));
  }
  return prune(c);
}

/** A resource as the bytes it stands for, when it is a data URL (with gzip undone). */
function contentBytes(r: Json, gunzip?: Gunzip): Json {
  if (typeof r?.source !== 'string' || !r.source.startsWith('data:')) return r;
  const d = decodeDataUrl(r.source);
  if (!d.ok) return r;
  let data = d.data;
  const { compression, source: _source, ...rest } = r;
  if (compression === 'gzip') {
    if (!gunzip) return r;
    try {
      data = gunzip(data);
    } catch {
      return r;
    }
  } else if (compression) return r;
  return { ...rest, data: readable(data) };
}

/** Text as text (readable in a difference), other bytes in hex. */
function readable(data: Uint8Array): string {
  try {
    return 'text:' + new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return 'bytes:' + Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
  }
}

function prune(v: Json): Json {
  if (v === null || v === undefined || v === '') return undefined;
  if (Array.isArray(v)) {
    const a = v.map(prune).filter((x) => x !== undefined);
    return a.length ? a : undefined;
  }
  if (typeof v === 'object') {
    const o: Record<string, Json> = {};
    for (const k of Object.keys(v)) {
      const x = prune(v[k]);
      if (x !== undefined) o[k] = x;
    }
    return Object.keys(o).length ? o : undefined;
  }
  return v;
}

function show(v: Json): string {
  const s = JSON.stringify(v);
  return s === undefined ? '(unset)' : s.length > 120 ? s.slice(0, 117) + '...' : s;
}

function diff(a: Json, b: Json, path: string, out: string[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const last = path.slice(path.lastIndexOf('.') + 1);
    const key = KEYED[last];
    if (key) {
      const am = new Map(a.map((x) => [key(x), x]));
      const bm = new Map(b.map((x) => [key(x), x]));
      for (const [k, x] of am) {
        if (!bm.has(k)) out.push(`${path}[${k}]: only in the converted config`);
        else diff(x, bm.get(k), `${path}[${k}]`, out);
      }
      for (const k of bm.keys()) if (!am.has(k)) out.push(`${path}[${k}]: missing from the converted config`);
      if (am.size !== a.length || bm.size !== b.length) {
        if (a.length !== b.length) out.push(`${path}: ${a.length} entries, expected ${b.length}`);
      }
      return;
    }
    if (a.length !== b.length) {
      out.push(`${path}: ${show(a)}, expected ${show(b)}`);
      return;
    }
    a.forEach((x, i) => diff(x, b[i], `${path}[${i}]`, out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (a !== b) out.push(`${path}: ${show(a)}, expected ${show(b)}`);
}
