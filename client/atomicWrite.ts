// Writes a file all at once: the data goes to a temporary file in the same folder, is flushed to
// disk, and is then renamed over the target. Readers see either the old file or the whole new one,
// never a torn write. Free of VS Code so it can be unit-tested with node:test.

import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** create missing parent folders */
  mkdirs?: boolean;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENOENT: 'the folder does not exist',
  EXDEV: 'the temporary file ended up on another device',
  ENAMETOOLONG: 'the file name is too long',
};

/** A readable error for a failed write of `target`. */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    readonly code: string | undefined,
    reason: string,
  ) {
    super(`Could not write ${target}: ${reason}`);
    this.name = 'WriteError';
  }
}

function wrap(target: string, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  const err = e as NodeJS.ErrnoException;
  return new WriteError(target, err?.code, (err?.code && REASONS[err.code]) || err?.message || String(e));
}

/**
 * Follows a symbolic link at `target` so the link keeps pointing at the file we update
 * (renaming over the link itself would replace it with a plain file).
 */
async function resolveTarget(target: string): Promise<string> {
  let st;
  try {
    st = await fs.lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return target;
    throw e;
  }
  if (st.isSymbolicLink()) {
    try {
      return await fs.realpath(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        // a dangling link: write where it points
        const linked = await fs.readlink(target);
        return path.resolve(path.dirname(target), linked);
      }
      throw e;
    }
  }
  if (st.isDirectory()) throw new WriteError(target, 'EISDIR', REASONS.EISDIR!);
  return target;
}

/** Atomically replaces (or creates) `target` with `data`. Throws a WriteError on failure. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  let real: string;
  try {
    real = await resolveTarget(path.resolve(target));
  } catch (e) {
    throw wrap(target, e);
  }
  const dir = path.dirname(real);
  if (options.mkdirs) {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (e) {
      throw wrap(target, e);
    }
  }

  // keep the permissions of a file we replace
  let mode: number | undefined;
  try {
    mode = (await fs.stat(real)).mode & 0o7777;
  } catch {
    mode = undefined;
  }

  const tmp = path.join(dir, `.${path.basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode ?? 0o666);
    await handle.writeFile(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, real);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw wrap(target, e);
  }

  // make the rename itself durable where the platform allows syncing a folder
  if (process.platform !== 'win32') {
    try {
      const d = await fs.open(dir, 'r');
      await d.sync().catch(() => undefined);
      await d.close();
    } catch {
      /* best effort */
    }
  }
}
