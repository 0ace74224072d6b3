// fmt.Sprintf(text) with no arguments. ct prints its reports through a printf-style helper with
// the report text as the format string, so a '%' in a message (a URL escape, a key, a path) is
// read as a verb: "%%" becomes "%", a verb with nothing to print becomes "%!v(MISSING)", and so
// on, exactly as Go's fmt (1.19) writes them.

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** fmt's parsenum: digits from i; a number over 1e6 gives up and swallows the rest. */
function parseNum(s: string, i: number, end: number): { present: boolean; next: number } {
  if (i >= end) return { present: false, next: end };
  let num = 0;
  let present = false;
  let j = i;
  for (; j < end && isDigit(s[j]); j++) {
    if (num > 1e6) return { present: false, next: end };
    num = num * 10 + (s.charCodeAt(j) - 0x30);
    present = true;
  }
  return { present, next: j };
}

/**
 * fmt's argNumber for "[n]" with no operands: any index is bad. Returns the new position and
 * whether a well-formed index was found.
 */
function argIndex(s: string, i: number): { next: number; found: boolean; bad: boolean } {
  if (i >= s.length || s[i] !== '[') return { next: i, found: false, bad: false };
  const rest = s.length - i;
  if (rest < 3) return { next: i + 1, found: false, bad: true };
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === ']') {
      const n = parseNum(s, i + 1, j);
      if (!n.present || n.next !== j) return { next: j + 1, found: false, bad: true };
      return { next: j + 1, found: true, bad: true };
    }
  }
  return { next: i + 1, found: false, bad: true };
}

export function sprintfNoArgs(format: string): string {
  let out = '';
  const end = format.length;
  let i = 0;
  while (i < end) {
    let goodArgNum = true;
    const last = i;
    while (i < end && format[i] !== '%') i++;
    if (i > last) out += format.slice(last, i);
    if (i >= end) break;
    i++; // the '%'
    while (i < end && '#0+- '.includes(format[i]!)) i++;

    let a = argIndex(format, i);
    if (a.bad) goodArgNum = false;
    i = a.next;
    let afterIndex = a.found;
    if (i < end && format[i] === '*') {
      i++;
      out += '%!(BADWIDTH)';
      afterIndex = false;
    } else {
      const w = parseNum(format, i, end);
      i = w.next;
      if (afterIndex && w.present) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      a = argIndex(format, i);
      if (a.bad) goodArgNum = false;
      i = a.next;
      afterIndex = a.found;
      if (i < end && format[i] === '*') {
        i++;
        out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        i = parseNum(format, i, end).next;
      }
    }
    if (!afterIndex) {
      a = argIndex(format, i);
      if (a.bad) goodArgNum = false;
      i = a.next;
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') out += '%';
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else out += `%!${verb}(MISSING)`;
  }
  return out;
}
