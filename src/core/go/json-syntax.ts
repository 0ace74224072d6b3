// encoding/json's syntax check (its scanner): whether bytes are one JSON value, and if not the
// error Go gives ("invalid character 'i' looking for beginning of value", "unexpected end of
// JSON input") with the byte offset where it stopped. json.Unmarshal runs it before decoding.

import { quoteGoString } from './strconv.ts';

export type JsonSyntaxResult = { ok: true } | { ok: false; message: string; offset: number };

/** Go's quoteChar: the byte as a one-character quoted string, in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return '\'"\'';
  const q = quoteGoString(String.fromCharCode(c));
  return "'" + q.slice(1, -1) + "'";
}

class SyntaxFail {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

export function checkJsonSyntax(b: Uint8Array): JsonSyntaxResult {
  let i = 0;
  const eof = (): never => {
    throw new SyntaxFail('unexpected end of JSON input', b.length);
  };
  const bad = (context: string): never => {
    throw new SyntaxFail(`invalid character ${quoteChar(b[i])} ${context}`, i);
  };
  const skip = (): void => {
    while (i < b.length && isSpace(b[i])) i++;
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= b.length) eof();
      if (b[i] !== word.charCodeAt(k)) bad(`in literal ${word} (expecting ${quoteChar(word.charCodeAt(k))})`);
    }
    i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= b.length) eof();
      const c = b[i];
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        i++;
        if (i >= b.length) eof();
        const e = b[i];
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= b.length) eof();
            if (!isHex(b[i])) bad('in \\u hexadecimal character escape');
          }
          i++;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) bad('in string escape code');
        i++;
        continue;
      }
      if (c < 0x20) bad('in string literal');
      i++;
    }
  };
  const number = (): void => {
    if (b[i] === 0x2d) {
      i++;
      if (i >= b.length) eof();
      if (!isDigit(b[i])) bad('in numeric literal');
    }
    if (b[i] === 0x30) i++;
    else while (i < b.length && isDigit(b[i])) i++;
    if (i < b.length && b[i] === 0x2e) {
      i++;
      if (i >= b.length) eof();
      if (!isDigit(b[i])) bad('after decimal point in numeric literal');
      while (i < b.length && isDigit(b[i])) i++;
    }
    if (i < b.length && (b[i] === 0x65 || b[i] === 0x45)) {
      i++;
      if (i >= b.length) eof();
      if (b[i] === 0x2b || b[i] === 0x2d) {
        i++;
        if (i >= b.length) eof();
      }
      if (!isDigit(b[i])) bad('in exponent of numeric literal');
      while (i < b.length && isDigit(b[i])) i++;
    }
  };
  const value = (): void => {
    skip();
    if (i >= b.length) eof();
    const c = b[i];
    if (c === 0x7b) {
      i++;
      skip();
      if (i >= b.length) eof();
      if (b[i] === 0x7d) {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (i >= b.length) eof();
        if (b[i] !== 0x22) bad('looking for beginning of object key string');
        string();
        skip();
        if (i >= b.length) eof();
        if (b[i] !== 0x3a) bad('after object key');
        i++;
        value();
        skip();
        if (i >= b.length) eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x7d) {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === 0x5b) {
      i++;
      skip();
      if (i >= b.length) eof();
      if (b[i] === 0x5d) {
        i++;
        return;
      }
      for (;;) {
        value();
        skip();
        if (i >= b.length) eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x5d) {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    bad('looking for beginning of value');
  };
  try {
    value();
    skip();
    if (i < b.length) bad('after top-level value');
    return { ok: true };
  } catch (e) {
    if (e instanceof SyntaxFail) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}
