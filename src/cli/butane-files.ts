// --files-dir for the butane CLI: butane's own rules (paths joined and cleaned, `..` leaving the
// folder refused with its message, Go's os error texts), plus clct's confinement: a symbolic link
// that leads outside the folder is refused like `..`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { join as goJoin } from '../core/go/path.ts';
import { ERR } from '../core/butane/messages.ts';
import type { LocalFiles, ReadResult, TreeEntry } from '../core/butane/local-files.ts';
import { goFileError } from './atomic.ts';

function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..' + path.sep) && r !== '..' && !path.isAbsolute(r));
}

export function butaneFiles(filesDir: string): LocalFiles {
  /** butane's EnsurePathWithinFilesDir (lexical), then ours (where links really lead) */
  const escapes = (p: string): boolean => {
    if (!isInside(path.resolve(filesDir), path.resolve(p))) return true;
    let root: string;
    let real: string;
    try {
      root = fs.realpathSync(filesDir);
    } catch {
      return false; // the folder is missing: the read reports it
    }
    try {
      real = fs.realpathSync(p);
    } catch {
      // a missing file: check the part that exists
      let probe = path.dirname(path.resolve(p));
      for (;;) {
        try {
          real = fs.realpathSync(probe);
          break;
        } catch {
          const up = path.dirname(probe);
          if (up === probe) return false;
          probe = up;
        }
      }
    }
    return !isInside(root, real);
  };

  return {
    dir: filesDir,
    read(configPath: string): ReadResult {
      const file = goJoin(filesDir, configPath);
      if (escapes(file)) return { ok: false, error: ERR.filesDirEscape };
      try {
        const st = fs.statSync(file);
        if (st.isDirectory()) return { ok: false, error: `read ${file}: is a directory` };
        return { ok: true, data: fs.readFileSync(file) };
      } catch (e: any) {
        return { ok: false, error: goFileError('open', file, e) };
      }
    },
    tree(local: string) {
      const base = goJoin(filesDir, local);
      if (escapes(base)) return { ok: false, error: ERR.filesDirEscape };
      let st: fs.Stats;
      try {
        st = fs.statSync(base);
      } catch (e: any) {
        return { ok: false, error: goFileError('stat', base, e) };
      }
      if (!st.isDirectory()) return { ok: false, error: ERR.treeNotDirectory };
      const entries: TreeEntry[] = [];
      walk(base, '.', entries);
      return { ok: true, entries };
    },
  };
}

/** filepath.Walk: lstat each entry, a directory's names in byte order, links not followed. */
function walk(abs: string, rel: string, out: TreeEntry[]): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch (e: any) {
    out.push({ rel, kind: 'other', error: goFileError('lstat', abs, e) });
    return;
  }
  if (st.isSymbolicLink()) {
    let target = '';
    try {
      target = fs.readlinkSync(abs);
    } catch (e: any) {
      out.push({ rel, kind: 'symlink', error: goFileError('readlink', abs, e) });
      return;
    }
    out.push({ rel, kind: 'symlink', target });
    return;
  }
  if (st.isFile()) {
    out.push({
      rel,
      kind: 'file',
      executable: (st.mode & 0o111) !== 0,
      read: () => {
        try {
          return { ok: true, data: fs.readFileSync(abs) };
        } catch (e: any) {
          return { ok: false, error: goFileError('open', abs, e) };
        }
      },
    });
    return;
  }
  if (!st.isDirectory()) {
    out.push({ rel, kind: 'other' });
    return;
  }
  out.push({ rel, kind: 'dir' });
  let names: string[];
  try {
    names = fs.readdirSync(abs);
  } catch (e: any) {
    out.push({ rel, kind: 'other', error: goFileError('open', abs, e) });
    return;
  }
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const n of names) walk(path.join(abs, n), rel === '.' ? n : `${rel}/${n}`, out);
}
