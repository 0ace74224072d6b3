// go-systemd's UnitNamePathEscape (`systemd-escape --path`): slashes collapse into '-', a
// leading '.' and every byte outside [A-Za-z0-9:_.] becomes \xNN (lower-case hex).

const ALLOWED = /[:_.a-zA-Z0-9]/;

export function unitNamePathEscape(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  let inSlashes = false;
  let start = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x2f) {
      inSlashes = true;
      continue;
    }
    if (inSlashes) {
      inSlashes = false;
      if (!start) out += '-';
    }
    const ch = String.fromCharCode(c);
    if ((start && c === 0x2e) || c >= 0x80 || !ALLOWED.test(ch)) out += '\\x' + c.toString(16);
    else out += ch;
    start = false;
  }
  return out === '' ? '-' : out;
}
