// net/url.Parse and URL.String as of Go 1.19 (see strconv.ts for why 1.19), including the exact
// err.Error() texts: `parse "<url>": <reason>` with the URL quoted by strconv.Quote.
//
// Go works on bytes, so the input is turned into its UTF-8 bytes, held as a "byte string" (one
// char per byte, 0-255) while parsing; results are decoded back to ordinary JS strings.
// (A lone UTF-16 surrogate, which Go input cannot hold, is encoded as U+FFFD's bytes.)
// Version note: 1.19 added URL.OmitHost, which makes "scheme:/path" print back unchanged
// (1.18 and older printed "scheme:///path").

import { quoteGoBytes } from './strconv.ts';

export type ParseUrlResult = GoUrl | { ok: false; error: string };

const UTF8 = new TextEncoder();
const UTF8_DECODE = new TextDecoder();

function toByteString(s: string): string {
  // ASCII (the usual URL) is already its own byte string
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return Buffer.from(s, 'utf8').toString('latin1');
}

function byteStringToBytes(b: string): Uint8Array {
  return new Uint8Array(Buffer.from(b, 'latin1'));
}

function fromByteString(b: string): string {
  return UTF8_DECODE.decode(byteStringToBytes(b));
}

// strconv.Quote of a byte string, returned as a byte string (its UTF-8) like everything here.
function quote(b: string): string {
  return toByteString(quoteGoBytes(byteStringToBytes(b)));
}

// A parse failure carries Go's error text, already as a byte string.
class UrlError {
  constructor(readonly message: string) {}
}

// The URL component being escaped or unescaped (Go's encoding modes).
const Mode = {
  Path: 1, PathSegment: 2, Host: 3, Zone: 4, UserPassword: 5, QueryComponent: 6, Fragment: 7,
} as const;
type Mode = (typeof Mode)[keyof typeof Mode];

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

export function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 0;
}

// shouldEscape: which bytes each URL component must percent-encode.
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  // Hosts keep sub-delims, ':' (port), '[' ']' (IPv6) and < > " (Parse rejects escaped ASCII).
  if ((mode === Mode.Host || mode === Mode.Zone) && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case Mode.Path: return ch === '?';
      case Mode.PathSegment: return ch === '/' || ch === ';' || ch === ',' || ch === '?';
      case Mode.UserPassword: return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case Mode.QueryComponent: return true;
      case Mode.Fragment: return false;
      default: break;
    }
  }
  if (mode === Mode.Fragment && '!()*'.includes(ch)) return false;
  return true;
}

function escapeError(s: string): UrlError {
  return new UrlError('invalid URL escape ' + quote(s));
}

function unescape(s: string, mode: Mode): string {
  let hasEscape = false;
  let hasPlus = false;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      hasEscape = true;
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        throw escapeError(s.slice(i, i + 3));
      }
      const seq = s.slice(i, i + 3);
      // In a host, %-escapes may only encode non-ASCII bytes (RFC 3986), except %25 (RFC 6874).
      if (mode === Mode.Host && unhex(s.charCodeAt(i + 1)) < 8 && seq !== '%25') throw escapeError(seq);
      if (mode === Mode.Zone) {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (seq !== '%25' && v !== 0x20 && shouldEscape(v, Mode.Host)) throw escapeError(seq);
      }
      i += 3;
    } else if (c === 0x2b) {
      hasPlus = mode === Mode.QueryComponent;
      i++;
    } else {
      if ((mode === Mode.Host || mode === Mode.Zone) && c < 0x80 && shouldEscape(c, mode)) {
        throw new UrlError('invalid character ' + quote(s[i]!) + ' in host name');
      }
      i++;
    }
  }
  if (!hasEscape && !hasPlus) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      out += String.fromCharCode((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 0x2b && mode === Mode.QueryComponent) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

const UPPER_HEX = '0123456789ABCDEF';

function escape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 && mode === Mode.QueryComponent) out += '+';
    else if (shouldEscape(c, mode)) out += '%' + UPPER_HEX[c >> 4] + UPPER_HEX[c & 0xf];
    else out += s[i];
  }
  return out;
}

/** The parts of a URL as net/url keeps them. */
interface Parsed {
  scheme: string;
  opaque: string;
  /** username, and password when one was given after ':' ; null when there was no '@' */
  user: { username: string; password: string | null } | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

/** A parsed URL: its parts as net/url keeps them, and what u.String() gives back. */
export interface GoUrl extends Parsed {
  ok: true;
  /** what u.String() returns for the parsed URL */
  string: string;
}

// getScheme: a leading [a-zA-Z][a-zA-Z0-9+.-]* followed by ':' is a scheme.
function getScheme(raw: string): [scheme: string, rest: string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw]; // any other byte: there is no scheme
  }
  return ['', raw];
}

// validOptionalPort: "" or ":" followed by digits only.
function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quote(colonPort)} after host`);
    // "%25" starts an IPv6 zone, which allows more escapes than the rest of the host.
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), Mode.Host) + unescape(host.slice(zone, i), Mode.Zone) +
        unescape(host.slice(i), Mode.Host);
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quote(colonPort)} after host`);
    }
  }
  return unescape(host, Mode.Host);
}

// validUserinfo: RFC 3986 userinfo characters ('%' escapes are checked later by unescape).
function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function parseAuthority(authority: string, u: Parsed): void {
  const i = authority.lastIndexOf('@');
  u.host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return;
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    u.user = { username: unescape(userinfo, Mode.UserPassword), password: null };
  } else {
    u.user = {
      username: unescape(userinfo.slice(0, colon), Mode.UserPassword),
      password: unescape(userinfo.slice(colon + 1), Mode.UserPassword),
    };
  }
}

// setPath/setFragment keep the raw form only when it differs from the default encoding.
function setPath(u: Parsed, p: string): void {
  u.path = unescape(p, Mode.Path);
  u.rawPath = escape(u.path, Mode.Path) === p ? '' : p;
}

function setFragment(u: Parsed, f: string): void {
  u.fragment = unescape(f, Mode.Fragment);
  u.rawFragment = escape(u.fragment, Mode.Fragment) === f ? '' : f;
}

function parse(raw: string): Parsed {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) throw new UrlError('net/url: invalid control character in URL');
  }
  const u: Parsed = {
    scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '', omitHost: false,
    forceQuery: false, rawQuery: '', fragment: '', rawFragment: '',
  };
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let [scheme, rest] = getScheme(raw);
  u.scheme = scheme.toLowerCase(); // ASCII only by construction

  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }

  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest; // rootless paths are opaque
      return u;
    }
    // A relative path's first segment cannot hold ':' (it would read as a scheme).
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new UrlError('first path segment in URL cannot contain colon');
    }
  }

  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    parseAuthority(authority, u);
  } else if (u.scheme !== '' && rest.startsWith('/')) {
    u.omitHost = true;
  }
  setPath(u, rest);
  return u;
}

// validEncoded: whether a raw path/fragment hint uses only bytes that need no escaping.
function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (`!$&'()*+,;=:@[]%`.includes(ch)) continue;
    if (shouldEscape(s.charCodeAt(i), mode)) return false;
  }
  return true;
}

function escapedHint(raw: string, decoded: string, mode: Mode): string | null {
  if (raw === '' || !validEncoded(raw, mode)) return null;
  try {
    return unescape(raw, mode) === decoded ? raw : null;
  } catch {
    return null;
  }
}

function escapedPath(u: Parsed): string {
  const hint = escapedHint(u.rawPath, u.path, Mode.Path);
  if (hint !== null) return hint;
  if (u.path === '*') return '*';
  return escape(u.path, Mode.Path);
}

function escapedFragment(u: Parsed): string {
  return escapedHint(u.rawFragment, u.fragment, Mode.Fragment) ?? escape(u.fragment, Mode.Fragment);
}

// URL.String, on byte strings.
function format(u: Parsed): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (!(u.omitHost && u.host === '' && u.user === null)) {
        if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
        if (u.user !== null) {
          buf += escape(u.user.username, Mode.UserPassword);
          if (u.user.password !== null) buf += ':' + escape(u.user.password, Mode.UserPassword);
          buf += '@';
        }
        if (u.host !== '') buf += escape(u.host, Mode.Host);
      }
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      // A colon in the first segment of a relative path needs "./" so it is not read as a scheme.
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escapedFragment(u);
  return buf;
}

/**
 * url.Parse(raw). On failure `error` is err.Error(); as in Go, a failure before the fragment
 * quotes the URL without its "#..." part, a bad fragment quotes the whole input.
 */
export function parseUrl(raw: string): ParseUrlResult {
  const bytes = toByteString(raw);
  const hash = bytes.indexOf('#');
  const beforeFrag = hash < 0 ? bytes : bytes.slice(0, hash);
  const frag = hash < 0 ? '' : bytes.slice(hash + 1);
  let u: Parsed;
  try {
    u = parse(beforeFrag);
  } catch (e) {
    if (e instanceof UrlError) return fail(beforeFrag, e);
    throw e;
  }
  if (frag !== '') {
    try {
      setFragment(u, frag);
    } catch (e) {
      if (e instanceof UrlError) return fail(bytes, e);
      throw e;
    }
  }
  return {
    ok: true,
    scheme: fromByteString(u.scheme),
    opaque: fromByteString(u.opaque),
    user: u.user === null ? null : {
      username: fromByteString(u.user.username),
      password: u.user.password === null ? null : fromByteString(u.user.password),
    },
    host: fromByteString(u.host),
    path: fromByteString(u.path),
    rawPath: fromByteString(u.rawPath),
    omitHost: u.omitHost,
    forceQuery: u.forceQuery,
    rawQuery: fromByteString(u.rawQuery),
    fragment: fromByteString(u.fragment),
    rawFragment: fromByteString(u.rawFragment),
    string: fromByteString(format(u)),
  };
}

function fail(url: string, e: UrlError): { ok: false; error: string } {
  return { ok: false, error: fromByteString(`parse ${quote(url)}: ${e.message}`) };
}

/**
 * URL.Query(): ParseQuery with its error dropped. Pairs are split on '&'; a pair containing ';'
 * (rejected since Go 1.17) or with a bad %-escape is skipped; '+' decodes to a space; a key
 * without '=' gets "". Ignition reads `versionId` of s3 URLs through this.
 */
export function urlQuery(rawQuery: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const pair of toByteString(rawQuery).split('&')) {
    if (pair.includes(';') || pair === '') continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = unescape(eq < 0 ? pair : pair.slice(0, eq), Mode.QueryComponent);
      value = unescape(eq < 0 ? '' : pair.slice(eq + 1), Mode.QueryComponent);
    } catch (e) {
      if (e instanceof UrlError) continue;
      throw e;
    }
    const k = fromByteString(key);
    const list = m.get(k) ?? [];
    list.push(fromByteString(value));
    m.set(k, list);
  }
  return m;
}
