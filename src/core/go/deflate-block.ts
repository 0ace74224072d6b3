// Deflate block encoding (RFC 1951) with the choices Go's compress/flate makes, so the bits
// match: for each run of LZ77 tokens, price a fixed-code block, a dynamic-code block and (when
// the raw bytes are at hand and fit) a stored block, and write the cheapest, preferring fixed
// over dynamic on a tie and a coded block over a stored one on a tie. Dynamic headers use Go's
// own run-length scheme for the code lengths.

import { HuffmanTable, reverseBits } from './huffman.ts';

/** Token layout: a byte value (literal) or MATCH_FLAG | (length - 3) << 15 | (distance - 1). */
export const MATCH_FLAG = 1 << 23;
const END_OF_BLOCK = 256;
const LITERAL_SYMBOLS = 286;
const DISTANCE_SYMBOLS = 30;
const CODE_LENGTH_SYMBOLS = 19;
const MAX_STORED = 65535;

// Order in which the code-length code's own lengths are sent.
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// Length symbols 257..285: extra bits and base length; lengthSymbol[len - 3] -> symbol - 257.
const lengthExtra = new Uint8Array(29);
const lengthBase = new Uint16Array(29);
const lengthSymbol = new Uint8Array(256);
// Distance codes 0..29: extra bits and base distance; distance - 1 -> code via distanceCode().
const distanceExtra = new Uint8Array(30);
const distanceBase = new Uint16Array(30);
const distanceCodeSmall = new Uint8Array(512);

(function buildTables() {
  let base = 3;
  for (let code = 0; code < 28; code++) {
    const extra = code < 8 ? 0 : (code - 4) >> 2;
    lengthExtra[code] = extra;
    lengthBase[code] = base;
    for (let k = 0; k < 1 << extra; k++) lengthSymbol[base - 3 + k] = code;
    base += 1 << extra;
  }
  // 258 has a code of its own (and 227..257 keep code 27 with 5 extra bits).
  lengthExtra[28] = 0;
  lengthBase[28] = 258;
  lengthSymbol[255] = 28;

  let dist = 1;
  for (let code = 0; code < 30; code++) {
    const extra = code < 4 ? 0 : (code >> 1) - 1;
    distanceExtra[code] = extra;
    distanceBase[code] = dist;
    dist += 1 << extra;
  }
  // distance - 1 below 256 indexes directly; larger ones by their bits above the low 7.
  for (let code = 0; code < 30; code++) {
    const first = distanceBase[code] - 1;
    const last = first + (1 << distanceExtra[code]) - 1;
    for (let d = first; d <= last; d++) {
      if (d < 256) distanceCodeSmall[d] = code;
      else if ((d & 127) === 0) distanceCodeSmall[256 + (d >> 7)] = code;
    }
  }
})();

function distanceCode(distMinus1: number): number {
  return distMinus1 < 256 ? distanceCodeSmall[distMinus1] : distanceCodeSmall[256 + (distMinus1 >> 7)];
}

// The fixed code of RFC 1951 3.2.6.
const fixedLiteral = { lengths: new Uint8Array(LITERAL_SYMBOLS), codes: new Uint16Array(LITERAL_SYMBOLS) };
const fixedDistance = { lengths: new Uint8Array(DISTANCE_SYMBOLS), codes: new Uint16Array(DISTANCE_SYMBOLS) };
(function buildFixed() {
  for (let sym = 0; sym < LITERAL_SYMBOLS; sym++) {
    let code: number, len: number;
    if (sym < 144) [code, len] = [0x30 + sym, 8];
    else if (sym < 256) [code, len] = [0x190 + sym - 144, 9];
    else if (sym < 280) [code, len] = [sym - 256, 7];
    else [code, len] = [0xc0 + sym - 280, 8];
    fixedLiteral.lengths[sym] = len;
    fixedLiteral.codes[sym] = reverseBits(code, len);
  }
  for (let sym = 0; sym < DISTANCE_SYMBOLS; sym++) {
    fixedDistance.lengths[sym] = 5;
    fixedDistance.codes[sym] = reverseBits(sym, 5);
  }
})();

/** A growable little-endian bit stream (deflate packs bits from the least significant end). */
export class BitSink {
  buf: Uint8Array;
  pos = 0;
  private acc = 0;
  private count = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 64));
  }

  private reserve(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Appends the low `n` bits of `value` (n <= 16). */
  bits(value: number, n: number): void {
    this.acc |= value << this.count;
    this.count += n;
    if (this.count >= 16) {
      if (this.pos + 2 > this.buf.length) this.reserve(2);
      this.buf[this.pos++] = this.acc & 0xff;
      this.buf[this.pos++] = (this.acc >>> 8) & 0xff;
      this.acc >>>= 16;
      this.count -= 16;
    }
  }

  /** Pads with zero bits to the next byte boundary. */
  align(): void {
    this.reserve(2);
    while (this.count > 0) {
      this.buf[this.pos++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.count = this.count > 8 ? this.count - 8 : 0;
    }
    this.acc = 0;
  }

  /** Appends bytes; the stream must be byte-aligned. */
  bytes(src: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.buf.set(src.subarray(start, end), this.pos);
    this.pos += end - start;
  }

  /** Stored block header: 3 block bits, padding, LEN and its complement. */
  storedHeader(length: number, final: boolean): void {
    this.bits(final ? 1 : 0, 3);
    this.align();
    this.bits(length, 16);
    this.bits(~length & 0xffff, 16);
  }

  result(): Uint8Array {
    this.align();
    return this.buf.subarray(0, this.pos);
  }
}

interface CodeTable {
  readonly lengths: Uint8Array;
  readonly codes: Uint16Array;
}

/** Encodes token runs as non-final deflate blocks (the caller ends the stream). */
export class BlockWriter {
  private readonly literalFreq = new Int32Array(LITERAL_SYMBOLS);
  private readonly distanceFreq = new Int32Array(DISTANCE_SYMBOLS);
  private readonly codeLengthFreq = new Int32Array(CODE_LENGTH_SYMBOLS);
  private readonly literalCode = new HuffmanTable(LITERAL_SYMBOLS);
  private readonly distanceCode = new HuffmanTable(DISTANCE_SYMBOLS);
  private readonly codeLengthCode = new HuffmanTable(CODE_LENGTH_SYMBOLS);
  // The run-length coded code lengths: symbol 0..18 and, for 16/17/18, its repeat argument.
  private readonly rleSymbols = new Uint8Array(LITERAL_SYMBOLS + DISTANCE_SYMBOLS + 1);
  private readonly rleArgs = new Uint8Array(LITERAL_SYMBOLS + DISTANCE_SYMBOLS + 1);
  private rleCount = 0;
  private readonly allLengths = new Uint8Array(LITERAL_SYMBOLS + DISTANCE_SYMBOLS);

  /** Where blocks go; set per stream by the deflater. */
  sink = new BitSink(0);

  /**
   * Writes tokens[0..count) plus an end-of-block. `raw[rawStart..rawEnd)` are the bytes the
   * tokens stand for when still available (rawStart < 0 when not), allowing a stored block.
   */
  write(tokens: Int32Array, count: number, raw: Uint8Array, rawStart: number, rawEnd: number): void {
    const litFreq = this.literalFreq;
    const distFreq = this.distanceFreq;
    litFreq.fill(0);
    distFreq.fill(0);
    for (let i = 0; i < count; i++) {
      const t = tokens[i];
      if (t < MATCH_FLAG) {
        litFreq[t]++;
      } else {
        litFreq[257 + lengthSymbol[(t >> 15) & 0xff]]++;
        distFreq[distanceCode(t & 0x7fff)]++;
      }
    }
    litFreq[END_OF_BLOCK]++;

    let numLiterals = LITERAL_SYMBOLS;
    while (litFreq[numLiterals - 1] === 0) numLiterals--;
    let numDistances = DISTANCE_SYMBOLS;
    while (numDistances > 0 && distFreq[numDistances - 1] === 0) numDistances--;
    if (numDistances === 0) {
      // A dynamic header must describe at least one distance code.
      distFreq[0] = 1;
      numDistances = 1;
    }
    this.literalCode.build(litFreq, 15);
    this.distanceCode.build(distFreq, 15);

    const rawLength = rawEnd - rawStart;
    const storable = rawStart >= 0 && rawLength <= MAX_STORED;
    // Extra bits cost the same in both coded forms; they only matter against a stored block.
    let extraBits = 0;
    if (storable) {
      for (let sym = 257 + 8; sym < numLiterals; sym++) extraBits += litFreq[sym] * lengthExtra[sym - 257];
      for (let code = 4; code < numDistances; code++) extraBits += distFreq[code] * distanceExtra[code];
    }

    let bestBits = 3 + costOf(fixedLiteral, litFreq) + costOf(fixedDistance, distFreq) + extraBits;
    this.runLengthCodeLengths(numLiterals, numDistances);
    this.codeLengthCode.build(this.codeLengthFreq, 7);
    const clFreq = this.codeLengthFreq;
    let numCodeLengthCodes = CODE_LENGTH_SYMBOLS;
    while (numCodeLengthCodes > 4 && clFreq[CODE_LENGTH_ORDER[numCodeLengthCodes - 1]] === 0) numCodeLengthCodes--;
    const dynamicBits =
      3 + 5 + 5 + 4 + 3 * numCodeLengthCodes +
      this.codeLengthCode.cost(clFreq) + clFreq[16] * 2 + clFreq[17] * 3 + clFreq[18] * 7 +
      this.literalCode.cost(litFreq) + this.distanceCode.cost(distFreq) + extraBits;

    let literals: CodeTable = fixedLiteral;
    let distances: CodeTable = fixedDistance;
    if (dynamicBits < bestBits) {
      bestBits = dynamicBits;
      literals = this.literalCode;
      distances = this.distanceCode;
    }
    const sink = this.sink;
    if (storable && (rawLength + 5) * 8 < bestBits) {
      sink.storedHeader(rawLength, false);
      sink.bytes(raw, rawStart, rawEnd);
      return;
    }
    if (literals === fixedLiteral) sink.bits(2, 3);
    else this.dynamicHeader(numLiterals, numDistances, numCodeLengthCodes);
    this.tokens(tokens, count, literals, distances);
  }

  // Go's run-length coding of the concatenated literal/length and distance code lengths:
  // a non-zero length is sent once and its further repeats as 16s (3..6 each); zero runs use
  // 18 (11..138) then 17 (3..10); leftovers shorter than 3 are sent one by one.
  private runLengthCodeLengths(numLiterals: number, numDistances: number): void {
    const all = this.allLengths;
    all.set(this.literalCode.lengths.subarray(0, numLiterals), 0);
    all.set(this.distanceCode.lengths.subarray(0, numDistances), numLiterals);
    const total = numLiterals + numDistances;
    const freq = this.codeLengthFreq;
    freq.fill(0);
    let n = 0;
    const emit = (sym: number, arg: number): void => {
      this.rleSymbols[n] = sym;
      this.rleArgs[n] = arg;
      n++;
      freq[sym]++;
    };
    let i = 0;
    while (i < total) {
      const len = all[i];
      let run = 1;
      while (i + run < total && all[i + run] === len) run++;
      i += run;
      if (len !== 0) {
        emit(len, 0);
        run--;
        while (run >= 3) {
          const take = run < 6 ? run : 6;
          emit(16, take - 3);
          run -= take;
        }
      } else {
        while (run >= 11) {
          const take = run < 138 ? run : 138;
          emit(18, take - 11);
          run -= take;
        }
        if (run >= 3) {
          emit(17, run - 3);
          run = 0;
        }
      }
      for (; run > 0; run--) emit(len, 0);
    }
    this.rleCount = n;
  }

  private dynamicHeader(numLiterals: number, numDistances: number, numCodeLengthCodes: number): void {
    const sink = this.sink;
    sink.bits(4, 3); // BTYPE 2, not final
    sink.bits(numLiterals - 257, 5);
    sink.bits(numDistances - 1, 5);
    sink.bits(numCodeLengthCodes - 4, 4);
    const cl = this.codeLengthCode;
    for (let i = 0; i < numCodeLengthCodes; i++) sink.bits(cl.lengths[CODE_LENGTH_ORDER[i]], 3);
    for (let i = 0; i < this.rleCount; i++) {
      const sym = this.rleSymbols[i];
      sink.bits(cl.codes[sym], cl.lengths[sym]);
      if (sym === 16) sink.bits(this.rleArgs[i], 2);
      else if (sym === 17) sink.bits(this.rleArgs[i], 3);
      else if (sym === 18) sink.bits(this.rleArgs[i], 7);
    }
  }

  private tokens(tokens: Int32Array, count: number, literals: CodeTable, distances: CodeTable): void {
    const sink = this.sink;
    const litCodes = literals.codes;
    const litLens = literals.lengths;
    const distCodes = distances.codes;
    const distLens = distances.lengths;
    for (let i = 0; i < count; i++) {
      const t = tokens[i];
      if (t < MATCH_FLAG) {
        sink.bits(litCodes[t], litLens[t]);
        continue;
      }
      const lenMinus3 = (t >> 15) & 0xff;
      const lsym = lengthSymbol[lenMinus3];
      sink.bits(litCodes[257 + lsym], litLens[257 + lsym]);
      if (lengthExtra[lsym] > 0) sink.bits(lenMinus3 + 3 - lengthBase[lsym], lengthExtra[lsym]);
      const distMinus1 = t & 0x7fff;
      const dcode = distanceCode(distMinus1);
      sink.bits(distCodes[dcode], distLens[dcode]);
      if (distanceExtra[dcode] > 0) sink.bits(distMinus1 + 1 - distanceBase[dcode], distanceExtra[dcode]);
    }
    sink.bits(litCodes[END_OF_BLOCK], litLens[END_OF_BLOCK]);
  }
}

function costOf(table: CodeTable, freqs: Int32Array): number {
  let total = 0;
  for (let sym = 0; sym < freqs.length; sym++) total += freqs[sym] * table.lengths[sym];
  return total;
}
