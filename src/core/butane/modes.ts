// butane's decimal-mode heuristic: a mode such as 644 written without its leading zero is
// 0o1204, an odd mode; when reading the same digits as octal gives a typical mode, warn.

/** True when `mode` looks like octal digits written as a decimal number. */
export function checkForDecimalMode(mode: number, directory: boolean): boolean {
  const corrected = decimalModeToOctal(mode);
  if (corrected === null) return false;
  return !isTypicalMode(mode, directory) && isTypicalMode(corrected, directory);
}

function decimalModeToOctal(mode: number): number | null {
  if (mode < 0 || mode > 7777) return null;
  let ret = 0;
  for (let divisor = 1000; divisor > 0; divisor = Math.floor(divisor / 10)) {
    const digit = Math.floor(mode / divisor) % 10;
    if (digit > 7) return null;
    ret = (ret << 3) | digit;
  }
  return ret;
}

function isTypicalMode(mode: number, directory: boolean): boolean {
  if (mode === 0) return true; // root ignores the bits anyway
  // other, group, owner: each more specific class must have the bits of the less specific one
  const perms = [mode & 0o7, (mode & 0o70) >> 3, (mode & 0o700) >> 6];
  let hadR = false;
  let hadW = false;
  let hadX = false;
  for (const perm of perms) {
    const r = (perm & 4) !== 0;
    const w = (perm & 2) !== 0;
    const x = (perm & 1) !== 0;
    if ((!r && hadR) || (!w && hadW) || (!x && hadX)) return false;
    if (x && hadR && !hadX) return false;
    if ((w || x) && !r) return false;
    hadR ||= r;
    hadW ||= w;
    hadX ||= x;
  }
  if (!hadR) return false;
  if (directory) {
    if (!hadX) return false;
    if (mode & 0o4000) return false;
    if (mode & 0o3000 && !hadW) return false;
  } else {
    if (mode & 0o6000) {
      if (!hadX) return false;
      if (mode & 2) return false;
    }
    if (mode & 0o1000) return false;
  }
  return true;
}
