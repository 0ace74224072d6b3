// Go's slash-separated path package (path.Clean/Join/Ext/IsAbs/Base/Dir). On POSIX,
// path/filepath behaves the same, so filepathJoin is the same function. All of these only look
// at '/' and '.', which never occur inside a multi-byte character, so UTF-16 indexing is safe.

/** path.Clean: lexical shortest equivalent path. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const n = p.length;
  // out is rebuilt as an array of chars so backing up over ".." stays simple.
  const out: string[] = [];
  let r = 0;
  let dotdot = 0; // length of out that ".." may not back up past
  if (rooted) {
    out.push('/');
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (p[r] === '/') {
      r++;
    } else if (p[r] === '.' && (r + 1 === n || p[r + 1] === '/')) {
      r++;
    } else if (p[r] === '.' && p[r + 1] === '.' && (r + 2 === n || p[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        out.pop();
        while (out.length > dotdot && out[out.length - 1] !== '/') out.pop();
        // Go's lazybuf keeps w pointing at the '/', dropping it: mirror that.
        if (out.length > dotdot && out[out.length - 1] === '/') out.pop();
      } else if (!rooted) {
        if (out.length > 0) out.push('/');
        out.push('.', '.');
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out.push('/');
      for (; r < n && p[r] !== '/'; r++) out.push(p[r]!);
    }
  }
  if (out.length === 0) return '.';
  return out.join('');
}

/** path.Join: joins the non-empty elements with '/' and cleans; "" if all are empty. */
export function join(...elem: string[]): string {
  const i = elem.findIndex((e) => e !== '');
  if (i < 0) return '';
  return clean(elem.slice(i).join('/'));
}

/** filepath.Join on a POSIX system. */
export const filepathJoin = join;

/** path.Ext: the suffix from the final '.' in the last element, or "". */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

/** path.IsAbs */
export function isAbs(p: string): boolean {
  return p.length > 0 && p[0] === '/';
}

/** path.Base: last element after dropping trailing slashes; "." for "", "/" for all-slashes. */
export function base(p: string): string {
  if (p === '') return '.';
  while (p.length > 0 && p[p.length - 1] === '/') p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

/** path.Dir: everything but the last element, cleaned. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1));
}
