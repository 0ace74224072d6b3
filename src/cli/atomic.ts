// Writes the output file all at once: a temporary file beside it, then a rename, so a
// crash or a full disk never leaves a half-written Ignition config behind.

import * as fs from 'node:fs';
import * as path from 'node:path';

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EEXIST: 'file exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** The text Go's os package gives for a failed file operation ("open x: no such file or directory"). */
export function goFileError(op: string, file: string, e: NodeJS.ErrnoException): string {
  const reason = (e.code && GO_ERRNO[e.code]) || e.message;
  return `${op} ${file}: ${reason}`;
}

/** Returns null on success, or ct's wording of the failure. */
export function writeFileAtomic(target: string, data: string | Uint8Array): string | null {
  const dir = path.dirname(target);
  try {
    const st = fs.statSync(target, { throwIfNoEntry: false });
    if (st?.isDirectory()) return goFileError('open', target, Object.assign(new Error(), { code: 'EISDIR' }));
  } catch (e: any) {
    return goFileError('open', target, e);
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o666);
  } catch (e: any) {
    return goFileError('open', target, e);
  }
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    return null;
  } catch (e: any) {
    if (fd !== undefined) fs.closeSync(fd);
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    return goFileError('write', target, e);
  }
}
