// Deflate (RFC 1951) exactly as Go 1.23's compress/flate writes it at level 9
// (BestCompression), for one Write of the whole input followed by Close.
//
// The match finder is Go's: a 64 KiB window that slides by 32 KiB, 4-byte hashes (17 bits)
// chaining every position, at most 4096 chain steps, lazy evaluation (a match is kept only if
// the next position does not find a longer one), matches of 4+ bytes only (a 4-byte one only
// within 4096 bytes), and a block cut every 16384 tokens. Some of its quirks shape the output
// and are kept on purpose: the chain search always starts from the last head taken by the main
// loop (positions near the end of the input are not hashed, so the tail reuses a stale head),
// and after the window slides past a block's start the block can no longer be stored raw.

import { BitSink, BlockWriter, MATCH_FLAG } from './deflate-block.ts';

const WINDOW = 1 << 15;
const WINDOW_MASK = WINDOW - 1;
const HASH_SHIFT = 32 - 17;
const HASH_MULTIPLIER = 0x1e35a7bd;
const MIN_MATCH = 4;
const MAX_MATCH = 258;
const MIN_LOOKAHEAD = MIN_MATCH + MAX_MATCH; // below this, wait for more input (or the end)
const SHORT_MATCH_REACH = 4096; // a 4-byte match must be at most this far back
const LAZY_LIMIT = 258; // no second look after a match this long
const NICE = 258; // stop searching once a match is this long
const MAX_CHAIN = 4096;
const MAX_BLOCK_TOKENS = 1 << 14;
const POSITION_LIMIT = 1 << 24; // rebase stored positions beyond this
const NO_BLOCK_START = 0x7fffffff;

/** Raw deflate stream of `data`, byte-identical to Go's flate.NewWriter(w, 9) + Write + Close. */
export function deflateBestCompression(data: Uint8Array, sink: BitSink): void {
  // The tables take most of a megabyte; one instance serves every call (calls never overlap).
  const deflater = (shared ??= new Level9Deflater());
  deflater.start(sink);
  let consumed = 0;
  // Same rhythm as the reference writer: compress what the window holds, then refill it.
  while (consumed < data.length) {
    deflater.compress(false);
    consumed += deflater.fill(data, consumed);
  }
  deflater.compress(true);
  sink.storedHeader(0, true); // Close ends the stream with an empty final stored block
}

let shared: Level9Deflater | undefined;

class Level9Deflater {
  private readonly window = new Uint8Array(2 * WINDOW);
  // Positions are stored plus `base` so that 0 means "none" and sliding needs no rewrite.
  private readonly head = new Int32Array(1 << 17);
  private readonly prev = new Int32Array(WINDOW);
  private base = 1 - (2 * WINDOW + 1); // start() moves it to 1 for the first stream
  private index = 0; // next position to look at
  private end = 0; // bytes in the window
  private blockStart = 0; // window position where the pending tokens' bytes begin
  private chainHead = -1; // stored position the last hashed main-loop position chained to
  private matchLength = MIN_MATCH - 1; // best match at index - 1 (lazy evaluation)
  private matchDistance = 0;
  private literalPending = false; // window[index - 1] not yet emitted nor covered by a match
  private readonly tokens = new Int32Array(MAX_BLOCK_TOKENS);
  private tokenCount = 0;
  private readonly blocks = new BlockWriter();

  /**
   * Prepares for a new stream. Instead of clearing the hash tables, `base` moves past every
   * stored position of the previous stream: those then read as negative (out of the window),
   * exactly like the empty entries of fresh tables.
   */
  start(sink: BitSink): void {
    this.blocks.sink = sink;
    if (this.base > POSITION_LIMIT) {
      this.head.fill(0);
      this.prev.fill(0);
      this.base = 1;
    } else {
      this.base += 2 * WINDOW + 1;
    }
    this.index = 0;
    this.end = 0;
    this.blockStart = 0;
    this.chainHead = this.base - 1; // reads as position -1: no candidate
    this.matchLength = MIN_MATCH - 1;
    this.matchDistance = 0;
    this.literalPending = false;
    this.tokenCount = 0;
  }

  /** Copies input into the window (sliding it first when the search has run near its end). */
  fill(data: Uint8Array, from: number): number {
    if (this.index >= 2 * WINDOW - MIN_LOOKAHEAD) this.slide();
    const n = Math.min(2 * WINDOW - this.end, data.length - from);
    this.window.set(data.subarray(from, from + n), this.end);
    this.end += n;
    return n;
  }

  private slide(): void {
    this.window.copyWithin(0, WINDOW, 2 * WINDOW);
    this.index -= WINDOW;
    this.end -= WINDOW;
    this.blockStart = this.blockStart >= WINDOW ? this.blockStart - WINDOW : NO_BLOCK_START;
    this.base += WINDOW;
    if (this.base > POSITION_LIMIT) {
      // Keep stored positions small: shift everything down, dropping what falls off.
      const delta = this.base - 1;
      this.base -= delta;
      this.chainHead -= delta;
      for (const table of [this.prev, this.head]) {
        for (let i = 0; i < table.length; i++) table[i] = table[i] > delta ? table[i] - delta : 0;
      }
    }
  }

  private flushBlock(upTo: number): void {
    if (upTo > 0) {
      const start = this.blockStart <= upTo ? this.blockStart : -1;
      this.blocks.write(this.tokens, this.tokenCount, this.window, start, upTo);
      this.blockStart = upTo;
    }
    this.tokenCount = 0;
  }

  /**
   * Turns window bytes into tokens. Without `atEnd` it stops while a full-length match could
   * still run past the buffered input; with it, it drains the window and flushes the last block.
   */
  compress(atEnd: boolean): void {
    const end = this.end;
    if (end - this.index < MIN_LOOKAHEAD && !atEnd) return;
    const win = this.window;
    const head = this.head;
    const prev = this.prev;
    const tokens = this.tokens;
    const base = this.base; // constant here: sliding happens only in fill
    const hashLimit = end - (MIN_MATCH - 1); // positions from here on have no 4 bytes to hash
    let index = this.index;
    let chainHead = this.chainHead;
    let length = this.matchLength;
    let distance = this.matchDistance;
    let literalPending = this.literalPending;

    for (;;) {
      const lookahead = end - index;
      if (lookahead < MIN_LOOKAHEAD) {
        if (!atEnd) break;
        if (lookahead === 0) {
          if (literalPending) {
            tokens[this.tokenCount++] = win[index - 1];
            literalPending = false;
          }
          if (this.tokenCount > 0) this.flushBlock(index);
          break;
        }
      }
      if (index < hashLimit) {
        const h = hashAt(win, index);
        chainHead = head[h];
        prev[index & WINDOW_MASK] = chainHead;
        head[h] = index + base;
      }
      const prevLength = length;
      const prevDistance = distance;
      length = MIN_MATCH - 1;
      distance = 0;
      const candidate = chainHead - base;
      const lowest = index > WINDOW ? index - WINDOW : 0;
      if (candidate >= lowest && lookahead > prevLength && prevLength < LAZY_LIMIT) {
        const found = this.findMatch(index, candidate, lookahead);
        if (found !== 0) {
          length = found >>> 16;
          distance = found & 0xffff;
        }
      }
      if (prevLength >= MIN_MATCH && length <= prevLength) {
        // The match found one position back is at least as good: take it.
        tokens[this.tokenCount++] = MATCH_FLAG | ((prevLength - 3) << 15) | (prevDistance - 1);
        // Hash the positions it covers (index - 1 and index are done already).
        const next = index + prevLength - 1;
        for (let p = index + 1; p < next; p++) {
          if (p < hashLimit) {
            const h = hashAt(win, p);
            prev[p & WINDOW_MASK] = head[h];
            head[h] = p + base;
          }
        }
        index = next;
        literalPending = false;
        length = MIN_MATCH - 1;
        if (this.tokenCount === MAX_BLOCK_TOKENS) this.flushBlock(index);
      } else {
        if (literalPending) {
          tokens[this.tokenCount++] = win[index - 1];
          if (this.tokenCount === MAX_BLOCK_TOKENS) this.flushBlock(index);
        }
        index++;
        literalPending = true;
      }
    }

    this.index = index;
    this.chainHead = chainHead;
    this.matchLength = length;
    this.matchDistance = distance;
    this.literalPending = literalPending;
  }

  /**
   * Longest match (length >= 4) for `pos` along the hash chain from `first`, or 0; packed as
   * length << 16 | distance. Ties keep the nearest candidate (the chain runs newest first).
   */
  private findMatch(pos: number, first: number, lookahead: number): number {
    const win = this.window;
    const prev = this.prev;
    const base = this.base;
    const maxLength = lookahead < MAX_MATCH ? lookahead : MAX_MATCH;
    const nice = maxLength < NICE ? maxLength : NICE;
    let best = MIN_MATCH - 1;
    let bestDistance = 0;
    // Go shortens the walk to a quarter when the search starts from a "good" length (32); it
    // always starts from 3 here, so the whole chain allowance applies.
    let tries = MAX_CHAIN;
    let probe = win[pos + best];
    const lowest = pos - WINDOW;
    const floor = lowest > 0 ? lowest : 0;
    for (let i = first; ; ) {
      if (win[i + best] === probe) {
        let a = i;
        let b = pos;
        const stop = pos + maxLength;
        while (b < stop && win[a] === win[b]) {
          a++;
          b++;
        }
        const n = b - pos;
        if (n > best && (n > MIN_MATCH || pos - i <= SHORT_MATCH_REACH)) {
          best = n;
          bestDistance = pos - i;
          if (n >= nice) break;
          probe = win[pos + n];
        }
      }
      // At `lowest` the chain slot has been reused by a newer position: stop there.
      if (--tries === 0 || i === lowest) break;
      i = prev[i & WINDOW_MASK] - base;
      if (i < floor) break;
    }
    return bestDistance === 0 ? 0 : (best << 16) | bestDistance;
  }
}

function hashAt(win: Uint8Array, i: number): number {
  const word = (win[i] << 24) | (win[i + 1] << 16) | (win[i + 2] << 8) | win[i + 3];
  return Math.imul(word, HASH_MULTIPLIER) >>> HASH_SHIFT;
}
