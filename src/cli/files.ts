// Reads `local:` file contents for --files-dir, refusing any path that leads outside the
// directory (through `..` or a symbolic link): ct would read it, we will not.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReader } from '../core/convert/context.ts';

export function localFileReader(filesDir: string): FileReader {
  return (rel: string) => {
    let root: string;
    try {
      root = fs.realpathSync(filesDir);
    } catch (e: any) {
      return { ok: false, error: `open ${path.join(filesDir, rel)}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.message}` };
    }
    const joined = path.join(filesDir, rel);
    let real: string;
    try {
      real = fs.realpathSync(joined);
    } catch (e: any) {
      const lexical = path.resolve(root, path.relative(path.resolve(filesDir), path.resolve(joined)));
      if (!isInside(root, lexical)) return { ok: false, error: outsideMessage(rel) };
      return { ok: false, error: `open ${joined}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'ENOTDIR' ? 'not a directory' : e.message}` };
    }
    if (!isInside(root, real)) return { ok: false, error: outsideMessage(rel) };
    try {
      const st = fs.statSync(real);
      if (st.isDirectory()) return { ok: false, error: `read ${joined}: is a directory` };
      return { ok: true, data: fs.readFileSync(real) };
    } catch (e: any) {
      return { ok: false, error: `open ${joined}: ${e.code === 'EACCES' ? 'permission denied' : e.message}` };
    }
  };
}

function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

function outsideMessage(rel: string): string {
  return `local file "${rel}" is outside the files directory; only files inside --files-dir can be embedded`;
}
