// A single-pass reader for the plain block-style YAML that configs are nearly always written in.
// It builds exactly the tree the yaml package's parser builds (same node classes, values,
// styles and all three range offsets), several times faster, and fast even before V8 has
// optimised anything, which is what a short `clct` process runs on. Whenever the text leaves the
// subset this reader knows (anchors, tags, multi-line flow or plain scalars, tabs, CR, document
// markers, explicit keys, anything malformed...) it gives up and returns undefined, and the
// caller reads the text with the full parser. So the subset decides speed, never results:
// test/unit/fast-reader.test.ts holds both readers to identical trees on generated documents.
//
// Where the full parser puts comment lines decides some range ends; the rules mirrored here:
// - a scalar or flow collection value owns its line end; comment lines indented deeper than its
//   collection that follow it (blank lines between allowed) extend its end too;
// - other trailing blank and comment lines stay with the collection being closed (extending its
//   range's last offset) when one of the comments is indented at least as deep as it and it is
//   not at column 0; otherwise they pass to the enclosing collection, which applies the same test.

import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Schema } from 'yaml';

const NL = 10;
const SP = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const COMMA = 44;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const PIPE = 124;
const GT = 62;

/** Nesting this deep is left to the full parser (which reports it like ct would). */
const MAX_DEPTH = 64;
/** The full parser refuses implicit keys longer than this; leave them to it. */
const MAX_KEY = 1000;

/** Characters whose presence anywhere sends the text to the full parser. */
const OUTSIDE_SUBSET = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.)(?=[ \n]|$)|^%/m;

/**
 * The next occurrence of a fixed string at or after an offset, remembered: the reader only moves
 * forward, so each search resumes where the last one found nothing nearer, and all of them
 * together scan the text about once (a plain indexOf per line could scan to the end each time).
 */
class Finder {
  private from = Infinity;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  at(from: number): number {
    if (from < this.from || (this.found >= 0 && this.found < from)) {
      this.from = from;
      this.found = this.text.indexOf(this.needle, from);
    }
    return this.found;
  }
}

/** Thrown (once) to abandon the fast reading; never escapes readCommonYaml. */
const GIVE_UP = { giveUp: true };

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

type Block = YAMLMap | YAMLSeq;

export interface CommonYaml {
  doc: Document.Parsed;
  /**
   * Empty values with spaces between them and their `:` or `-`: the full parser places them
   * after the spaces, ct right after the indicator (offset given here).
   */
  emptyAfterIndicator: Array<[Scalar, number]>;
}

/**
 * The text's only document as the yaml package's composer would give it with the options
 * parse.ts uses, or undefined when the text is outside the subset this reader handles.
 * Within the subset there is nothing else parse.ts's tree checks would find (no anchors,
 * aliases, tags or bad escapes; every block scalar ends with a line break).
 */
export function readCommonYaml(text: string, options: object): CommonYaml | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const doc = new Document(undefined, options) as Document.Parsed;
  try {
    const reader = new FastReader(text, doc.schema);
    const root = reader.document();
    if (!root) return undefined;
    doc.contents = root as never;
    doc.range = [root.range![0], root.range![2], reader.documentEnd(root)];
    return { doc, emptyAfterIndicator: reader.emptyAfterIndicator };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class FastReader {
  private readonly len: number;

  // --- what the last look() saw -------------------------------------------------------------
  private lineIndent = 0;
  /** offset of the first non-space character of the line */
  private lineFirst = 0;
  /** offset of the line's '\n' (or the text's end) */
  private lineEnd = 0;
  /** a stretch of one line, [knownFrom, knownEnd], and that line's end */
  private knownFrom = -1;
  private knownEnd = -1;

  // --- the stretch between the last value and the next content line ----------------------------
  /** blank or comment lines (or indentation) follow the last value: a trailing item exists */
  private trailing = false;
  /** deepest indentation of a comment in that stretch, -1 without comments */
  private trailingComment = -1;
  /** the next content line: indentation (-1 at the end of the text) and first character */
  private nextIndent = -1;
  private nextAt = 0;
  /** skipToContent passed a comment line */
  private sawComment = false;
  /** comment lines came before the current sequence entry's `-` */
  private entryComment = false;

  /** offset just past the closing bracket of the last flow collection read */
  private flowEnd = 0;

  readonly emptyAfterIndicator: Array<[Scalar, number]> = [];

  // where the next ` #`, `: ` and `:` + line break are (plain scalars end or split there)
  private readonly spaceHash: Finder;
  private readonly colonSpace: Finder;
  private readonly colonBreak: Finder;

  // collections of this document: their prototypes carry the node tag and the document's schema
  private readonly mapProto: YAMLMap;
  private readonly seqProto: YAMLSeq;

  constructor(private readonly text: string, schema: Schema) {
    this.len = text.length;
    this.mapProto = taggedPrototype(new YAMLMap(schema));
    this.seqProto = taggedPrototype(new YAMLSeq(schema));
    this.spaceHash = new Finder(text, ' #');
    this.colonSpace = new Finder(text, ': ');
    this.colonBreak = new Finder(text, ':\n');
  }

  /** Where the document ends: past the trailing lines the root passed on, if it did. */
  documentEnd(root: Block): number {
    return this.trailing ? this.len : root.range![2];
  }

  document(): Block | undefined {
    if (!this.skipToContent(0)) return undefined;
    if (this.nextIndent !== 0) return undefined;
    const at = this.nextAt;
    let root: Block;
    if (this.isSeqEntry(at)) root = this.blockSeq(at, 0, 0);
    else if (this.keyColon(at) >= 0) root = this.blockMap(at, 0, 0);
    else return undefined;
    if (this.nextAt < this.len) giveUp(); // content after the root: not for this reader
    return root;
  }

  /** Looks at the line starting at `at`: 0 blank, 1 comment, 2 content. */
  private look(at: number): number {
    const t = this.text;
    let i = at;
    while (i < this.len && t.charCodeAt(i) === SP) i++;
    this.lineIndent = i - at;
    this.lineFirst = i;
    if (i >= this.len) {
      this.lineEnd = i;
      return 0;
    }
    const c = t.charCodeAt(i);
    if (c === NL) {
      this.lineEnd = i;
      return 0;
    }
    const e = t.indexOf('\n', i);
    this.lineEnd = e < 0 ? this.len : e;
    this.knownFrom = i;
    this.knownEnd = this.lineEnd;
    return c === HASH ? 1 : 2;
  }

  private afterLine(): number {
    return this.lineEnd < this.len ? this.lineEnd + 1 : this.len;
  }

  /**
   * Skips blank and comment lines from `at` to the next content line, recording it in
   * nextIndent / nextAt, and in sawComment whether a comment line was among them. Returns
   * whether a content line was found.
   */
  private skipToContent(at: number): boolean {
    this.sawComment = false;
    while (at < this.len) {
      const kind = this.look(at);
      if (kind === 2) {
        this.nextIndent = this.lineIndent;
        this.nextAt = this.lineFirst;
        return true;
      }
      if (kind === 1) this.sawComment = true;
      at = this.afterLine();
    }
    this.nextIndent = -1;
    this.nextAt = this.len;
    return false;
  }

  /**
   * After a value that ends at `end` (past its own line), inside a collection indented
   * `indent`: takes the comment lines the value owns (when `ownsComments`), records the
   * trailing stretch and the next content line, and returns the value's final end.
   */
  private settle(end: number, indent: number, ownsComments: boolean): number {
    let at = end;
    let trailing = false;
    let deepest = -1;
    let owning = ownsComments;
    while (at < this.len) {
      const kind = this.look(at);
      if (kind === 2) break;
      const next = this.afterLine();
      if (kind === 1) {
        if (owning && this.lineIndent > indent) {
          end = next;
          trailing = false;
          at = next;
          continue;
        }
        owning = false;
        if (this.lineIndent > deepest) deepest = this.lineIndent;
      }
      trailing = true;
      at = next;
    }
    if (at < this.len) {
      this.nextIndent = this.lineIndent;
      this.nextAt = this.lineFirst;
      if (this.lineIndent > 0) trailing = true;
    } else {
      this.nextIndent = -1;
      this.nextAt = this.len;
    }
    this.trailing = trailing;
    this.trailingComment = deepest;
    return end;
  }

  /** A collection being closed keeps the trailing stretch when a comment in it is deep enough. */
  private close(node: Block, indent: number, start: number, end: number): void {
    let last = end;
    if (this.trailing && indent !== 0 && this.trailingComment >= indent) {
      last = this.nextAt;
      this.trailing = false;
    }
    node.range = [start, end, last];
  }

  private isSeqEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const c = at + 1 < this.len ? this.text.charCodeAt(at + 1) : NL;
    return c === SP || c === NL;
  }

  /** The end of the line holding `at` (remembered: a line is asked about several times). */
  private lineEndOf(at: number): number {
    if (at >= this.knownFrom && at <= this.knownEnd) return this.knownEnd;
    const e = this.text.indexOf('\n', at);
    this.knownFrom = at;
    this.knownEnd = e < 0 ? this.len : e;
    return this.knownEnd;
  }

  /** The first `:` followed by a space or the line's end, from `at` on the line ending at `eol`; -1 if none. */
  private indicatorColon(at: number, eol: number): number {
    const a = this.colonSpace.at(at);
    const b = this.colonBreak.at(at);
    let colon = a >= 0 && (b < 0 || a < b) ? a : b;
    if ((colon < 0 || colon >= eol) && eol === this.len && this.text.charCodeAt(eol - 1) === COLON && eol - 1 >= at) colon = eol - 1;
    return colon >= 0 && colon < eol ? colon : -1;
  }

  /** Offset of the `:` ending a plain implicit key that starts at `at`, or -1. */
  private keyColon(at: number): number {
    if (!startsPlain(this.text, at, this.len)) return -1;
    const eol = this.lineEndOf(at);
    const colon = this.indicatorColon(at, eol);
    if (colon < 0) return -1;
    // a comment before it: the line holds no key
    const hash = this.spaceHash.at(at);
    if (hash >= 0 && hash < colon) return -1;
    if (colon - at > MAX_KEY) giveUp();
    return colon;
  }

  private blockMap(at: number, indent: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) giveUp();
    const map = this.newMap();
    const start = at;
    let end = at;
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0) giveUp();
      let keyEnd = colon;
      while (this.text.charCodeAt(keyEnd - 1) === SP) keyEnd--;
      const key = scalar(this.text.slice(at, keyEnd), Scalar.PLAIN, at, keyEnd, keyEnd);
      const value = this.value(colon + 1, indent, true, depth);
      map.items.push(newPair(key, value));
      end = value.range![2];
      if (this.nextIndent === indent) {
        if (this.isSeqEntry(this.nextAt)) giveUp();
        at = this.nextAt;
        continue;
      }
      if (this.nextIndent > indent) giveUp();
      break;
    }
    this.close(map, indent, start, end);
    return map;
  }

  private blockSeq(at: number, indent: number, depth: number): YAMLSeq {
    if (depth > MAX_DEPTH) giveUp();
    const seq = this.newSeq();
    const start = at;
    let end = at;
    this.entryComment = false;
    for (;;) {
      const item = this.value(at + 1, indent, false, depth);
      seq.items.push(item);
      end = item.range![2];
      if (this.nextIndent === indent && this.isSeqEntry(this.nextAt)) {
        at = this.nextAt;
        this.entryComment = this.trailingComment >= 0;
        continue;
      }
      if (this.nextIndent > indent) giveUp();
      break;
    }
    this.close(seq, indent, start, end);
    return seq;
  }

  /**
   * The value after a map's `:` or a sequence's `-` at `p`, in a collection indented `indent`.
   * Leaves the next content line in nextIndent / nextAt.
   */
  private value(p: number, indent: number, inMap: boolean, depth: number): Scalar | Block {
    const t = this.text;
    let q = p;
    while (q < this.len && t.charCodeAt(q) === SP) q++;
    const c = q < this.len ? t.charCodeAt(q) : NL;
    if (c === NL || c === HASH) {
      if (c === HASH && q === p) giveUp(); // `-#`: not an entry
      return this.nestedValue(p, q, indent, inMap, depth);
    }
    if (q === p) giveUp(); // `key:value` or `-x` never reach here; be safe
    if (!inMap && c === DASH && this.isSeqEntry(q)) giveUp(); // `- - x`
    if (!inMap && this.keyColon(q) >= 0) {
      // `- key: value`: a mapping whose indentation is its first key's column
      const column = q - this.lineStartOf(q);
      return this.blockMap(q, column, depth + 1);
    }
    if (c === PIPE || c === GT) return this.blockScalar(q, indent);
    let node: Scalar | Block;
    let end: number;
    if (c === DQUOTE || c === SQUOTE) {
      node = c === DQUOTE ? this.doubleQuoted(q) : this.singleQuoted(q);
      end = this.lineTail(node.range![1], true);
    } else if (c === LBRACKET || c === LBRACE) {
      node = this.flow(q, depth + 1);
      end = this.lineTail(this.flowEnd, true);
    } else {
      if (!startsPlain(t, q, this.len)) giveUp();
      const valueEnd = this.plainEnd(q);
      node = scalar(t.slice(q, valueEnd), Scalar.PLAIN, q, valueEnd, valueEnd);
      end = this.lineTail(valueEnd, false);
    }
    node.range![2] = this.settle(end, indent, true);
    return node;
  }

  /** A value that starts on a later line (a nested collection), or an empty one. */
  private nestedValue(p: number, q: number, indent: number, inMap: boolean, depth: number): Scalar | Block {
    const hasComment = this.text.charCodeAt(q) === HASH;
    this.look(q);
    const found = this.skipToContent(this.afterLine());
    if (found) {
      const ni = this.nextIndent;
      const at = this.nextAt;
      if (ni > indent) {
        if (this.isSeqEntry(at)) return this.blockSeq(at, ni, depth + 1);
        if (this.keyColon(at) >= 0) return this.blockMap(at, ni, depth + 1);
        giveUp(); // a scalar on the next line, or a continuation
      }
      if (ni === indent && inMap && this.isSeqEntry(at)) return this.blockSeq(at, ni, depth + 1);
    }
    // an empty value, placed after the indicator and its spaces; what follows stays with it
    // (comments too, which the full parser attaches to it: left to the full parser)
    // as are comments before a sequence entry's `-`
    if (hasComment || this.sawComment || (!inMap && this.entryComment)) giveUp();
    this.trailing = false;
    this.trailingComment = -1;
    const empty = scalar('', Scalar.PLAIN, q, q, q);
    if (q > p) this.emptyAfterIndicator.push([empty, p]);
    return empty;
  }

  private newMap(): YAMLMap {
    const m = Object.create(this.mapProto) as YAMLMap;
    m.items = [];
    return m;
  }

  private newSeq(): YAMLSeq {
    const q = Object.create(this.seqProto) as YAMLSeq;
    q.items = [];
    return q;
  }

  private lineStartOf(at: number): number {
    const nl = this.text.lastIndexOf('\n', at - 1);
    return nl + 1;
  }

  /** End of a plain scalar (trailing spaces excluded) that starts at `q` in block context. */
  private plainEnd(q: number): number {
    const t = this.text;
    const eol = this.lineEndOf(q);
    const hash = this.spaceHash.at(q);
    let end = hash >= 0 && hash < eol ? hash : eol;
    const colon = this.indicatorColon(q, eol);
    if (colon >= 0 && colon < end) giveUp(); // `: ` in a value: a compact mapping
    while (end > q && t.charCodeAt(end - 1) === SP) end--;
    return end;
  }

  /**
   * From `at` (just after a value on its line): spaces, an optional comment, the line break.
   * Returns the offset past the line break. `quoted` values need a space before a comment.
   */
  private lineTail(at: number, quoted: boolean): number {
    const t = this.text;
    let i = at;
    while (i < this.len && t.charCodeAt(i) === SP) i++;
    if (i >= this.len) return i;
    const c = t.charCodeAt(i);
    if (c === HASH) {
      if (quoted && i === at) giveUp();
      const e = t.indexOf('\n', i);
      return e < 0 ? this.len : e + 1;
    }
    if (c !== NL) giveUp();
    return i + 1;
  }

  private doubleQuoted(q: number): Scalar {
    const t = this.text;
    let out = '';
    let seg = q + 1;
    let i = q + 1;
    for (;;) {
      if (i >= this.len) giveUp();
      const c = t.charCodeAt(i);
      if (c === NL) giveUp();
      if (c === DQUOTE) break;
      if (c === BACKSLASH) {
        out += t.slice(seg, i);
        const e = t[i + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else {
          const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          if (!width) giveUp();
          const hex = t.slice(i + 2, i + 2 + width);
          if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp();
          out += String.fromCodePoint(code);
          i += 2 + width;
        }
        seg = i;
        continue;
      }
      i++;
    }
    out += t.slice(seg, i);
    return scalar(out, Scalar.QUOTE_DOUBLE, q, i + 1, i + 1);
  }

  private singleQuoted(q: number): Scalar {
    const t = this.text;
    let out = '';
    let seg = q + 1;
    let i = q + 1;
    for (;;) {
      if (i >= this.len) giveUp();
      const c = t.charCodeAt(i);
      if (c === NL) giveUp();
      if (c === SQUOTE) {
        if (i + 1 < this.len && t.charCodeAt(i + 1) === SQUOTE) {
          out += t.slice(seg, i + 1);
          i += 2;
          seg = i;
          continue;
        }
        break;
      }
      i++;
    }
    out += t.slice(seg, i);
    return scalar(out, Scalar.QUOTE_SINGLE, q, i + 1, i + 1);
  }

  /**
   * A `|` or `>` block scalar whose header is at `h`, in a collection indented `indent`.
   * Reads it whole, then settles what follows.
   */
  private blockScalar(h: number, indent: number): Scalar {
    const t = this.text;
    const folded = t.charCodeAt(h) === GT;
    let i = h + 1;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    const m = t.charCodeAt(i);
    if (m === DASH) {
      chomp = -1;
      i++;
    } else if (m === 43 /* + */) {
      chomp = 1;
      i++;
    }
    const headerEnd = i;
    while (i < this.len && t.charCodeAt(i) === SP) i++;
    if (i < this.len) {
      const c = t.charCodeAt(i);
      if (c === HASH) {
        if (i === headerEnd) giveUp();
      } else if (c !== NL) {
        giveUp(); // an indentation indicator, or anything else
      }
    }
    this.look(i);
    let at = this.afterLine();
    // the lines of the body
    let contentIndent = -1;
    let leadingSpaces = 0;
    let out = '';
    let blanks = 0; // empty lines since the last content line (or since the start)
    let prev = 0; // 0 none yet, 1 normal line, 2 more-indented line (folding)
    let end = at; // past the last content line
    while (at < this.len) {
      this.look(at);
      const sp = this.lineIndent;
      const blank = this.lineFirst === this.lineEnd;
      if (blank) {
        if (this.lineEnd >= this.len) {
          // spaces ending the text without a line break: the full parser's rules are subtle
          if (sp > 0) giveUp();
          break;
        }
        if (contentIndent < 0) {
          if (sp > leadingSpaces) leadingSpaces = sp;
        } else if (sp > contentIndent) {
          giveUp(); // spaces that are content
        }
        blanks++;
        at = this.afterLine();
        continue;
      }
      if (contentIndent < 0) {
        if (sp <= indent) break;
        if (leadingSpaces > sp) giveUp();
        contentIndent = sp;
      } else if (sp < contentIndent) {
        break;
      }
      const line = t.slice(at + contentIndent, this.lineEnd);
      const more = sp > contentIndent;
      if (!folded) {
        out += prev === 0 ? '\n'.repeat(blanks) : '\n'.repeat(blanks + 1);
      } else if (prev === 0) {
        out += '\n'.repeat(blanks);
      } else if (prev === 1 && !more) {
        out += blanks ? '\n'.repeat(blanks) : ' ';
      } else {
        out += '\n'.repeat(blanks + 1);
      }
      out += line;
      prev = more ? 2 : 1;
      blanks = 0;
      at = this.afterLine();
      end = at;
    }
    if (end === this.len && t.charCodeAt(this.len - 1) !== NL) giveUp(); // no final line break
    if (contentIndent < 0) {
      // no content at all: leave the finer points of empty block scalars to the full parser
      if (blanks || chomp === 1) giveUp();
    } else if (chomp === 0) {
      out += '\n';
    } else if (chomp === 1) {
      out += '\n'.repeat(blanks + 1);
      end = at;
    }
    // a block scalar does not own the comments after it
    this.settle(end, indent, false);
    return scalar(out, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL, h, end, end);
  }

  /** A flow collection on one line starting at `at`; sets flowEnd past its closing bracket. */
  private flow(at: number, depth: number): Block {
    if (depth > MAX_DEPTH) giveUp();
    const t = this.text;
    const isMap = t.charCodeAt(at) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const coll = isMap ? this.newMap() : this.newSeq();
    coll.flow = true;
    let i = this.skipSpaces(at + 1);
    if (t.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowItem(i, depth, true);
          // a key's range stops at its text: spaces before the `:` are left to the full parser
          i = key.range![1];
          if (key.range![2] !== i || t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SP) giveUp();
          i = this.skipSpaces(i + 1);
          const value = this.flowItem(i, depth, false);
          i = value.range![2];
          (coll as YAMLMap).items.push(newPair(key as Scalar, value));
        } else {
          const item = this.flowItem(i, depth, false);
          i = item.range![2];
          (coll as YAMLSeq).items.push(item);
        }
        const c = t.charCodeAt(i);
        if (c === COMMA) {
          i = this.skipSpaces(i + 1);
          const n = t.charCodeAt(i);
          if (n === close || n === COMMA) giveUp();
          continue;
        }
        if (c === close) break;
        giveUp();
      }
    }
    this.flowEnd = i + 1;
    const after = this.skipSpaces(i + 1);
    coll.range = [at, i + 1, after];
    return coll;
  }

  private skipSpaces(i: number): number {
    while (i < this.len && this.text.charCodeAt(i) === SP) i++;
    return i;
  }

  /** A scalar or nested flow collection inside a flow collection; range[2] past the spaces after it. */
  private flowItem(i: number, depth: number, isKey: boolean): Scalar | Block {
    const t = this.text;
    const c = i < this.len ? t.charCodeAt(i) : NL;
    if (c === DQUOTE || c === SQUOTE) {
      const s = c === DQUOTE ? this.doubleQuoted(i) : this.singleQuoted(i);
      s.range![2] = this.skipSpaces(s.range![1]);
      return s;
    }
    if (c === LBRACKET || c === LBRACE) {
      if (isKey) giveUp();
      return this.flow(i, depth + 1);
    }
    if (!startsPlain(t, i, this.len)) giveUp();
    // `-` before a flow indicator starts an entry there, not a scalar
    if (c === DASH && ',[]{}'.includes(t[i + 1])) giveUp();
    let j = i;
    let last = i;
    for (; j < this.len; j++) {
      const d = t.charCodeAt(j);
      if (d === COMMA || d === RBRACKET || d === RBRACE || (isKey && d === COLON)) break;
      if (d === NL || d === COLON || d === HASH || d === LBRACKET || d === LBRACE) giveUp();
      if (d !== SP) last = j + 1;
    }
    if (j >= this.len) giveUp();
    return scalar(t.slice(i, last), Scalar.PLAIN, i, last, j);
  }
}

/** Whether a plain scalar may start at `at` (no indicator character that means something else). */
function startsPlain(t: string, at: number, len: number): boolean {
  if (at >= len) return false;
  switch (t.charCodeAt(at)) {
    case DASH: {
      const n = at + 1 < len ? t.charCodeAt(at + 1) : NL;
      return n !== SP && n !== NL;
    }
    case 63 /* ? */: case COLON: case COMMA: case LBRACKET: case RBRACKET: case LBRACE: case RBRACE:
    case HASH: case 38 /* & */: case 42 /* * */: case 33 /* ! */: case PIPE: case GT: case SQUOTE:
    case DQUOTE: case 37 /* % */: case 64 /* @ */: case 96 /* ` */: case SP: case NL:
      return false;
    default:
      return true;
  }
}

/**
 * The yaml package's node constructors tag each node with an own symbol property (collections
 * also get a hidden `schema`) through Object.defineProperty, a slow call in V8's interpreter,
 * once per node. Its isScalar/isMap... read the tag as an ordinary property, so nodes made here
 * inherit it from a prototype that carries it: same class (instanceof holds), same tag, same
 * enumerable fields, no defineProperty per node.
 */
function taggedPrototype<T extends object>(sample: T): T {
  const proto = Object.create(Object.getPrototypeOf(sample)) as T;
  // the tag (a symbol) and, for collections, the non-enumerable schema
  for (const key of Reflect.ownKeys(sample)) {
    const d = Object.getOwnPropertyDescriptor(sample, key)!;
    if (typeof key === 'symbol' || !d.enumerable) Object.defineProperty(proto, key, d);
  }
  return proto;
}
const SCALAR_PROTO = taggedPrototype(new Scalar(''));
const PAIR_PROTO = taggedPrototype(new Pair(null));

function newPair(key: Scalar, value: unknown): Pair {
  const p = Object.create(PAIR_PROTO) as Pair;
  p.key = key;
  p.value = value;
  return p;
}

function scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  s.range = [start, valueEnd, end];
  s.source = value;
  s.type = type;
  return s;
}
