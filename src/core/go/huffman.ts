// Length-limited Huffman codes chosen the way Go's compress/flate chooses them.
//
// Any optimal prefix code would inflate correctly, but butane's output must be byte-identical
// to Go's, and several optimal codes usually exist (frequency ties). So the code lengths come
// from the same construction Go 1.23 uses: symbols ordered by (frequency, symbol value), then a
// level-by-level "package-merge" walk that only tracks, per depth, how many leaves sit left of
// the chain's current node. The lengths are then turned into canonical codes (RFC 1951 3.2.2),
// bit-reversed because deflate emits codes least significant bit first.

const NO_FREQUENCY = 0x7fffffff; // sentinel past the last leaf and "no pair available"
const MAX_DEPTH = 16; // depth limits go up to 15, one spare level for the walk's bookkeeping

// Scratch state of the walk, shared by every table (the walk never re-enters itself).
const lastFreq = new Float64Array(MAX_DEPTH + 1);
const nextLeafFreq = new Float64Array(MAX_DEPTH + 1);
const nextPairFreq = new Float64Array(MAX_DEPTH + 1);
const pending = new Int32Array(MAX_DEPTH + 1);
// leavesLeft[depth * STRIDE + k]: leaves left of the depth-k ancestor of depth's newest node.
const STRIDE = MAX_DEPTH + 1;
const leavesLeft = new Int32Array(STRIDE * STRIDE);

/**
 * How many symbols get each code length (result[len] for len 1..maxBits) when `freqs` holds the
 * used symbols' frequencies in ascending order (ties already broken by symbol), followed by one
 * NO_FREQUENCY sentinel. Needs at least three symbols.
 */
function lengthCounts(freqs: Float64Array, used: number, maxBits: number, out: Int32Array): void {
  // A tree over `used` leaves is never deeper than used - 1.
  if (maxBits > used - 1) maxBits = used - 1;
  lastFreq.fill(0);
  nextLeafFreq.fill(0);
  nextPairFreq.fill(0);
  pending.fill(0);
  leavesLeft.fill(0);
  for (let depth = 1; depth <= maxBits; depth++) {
    // Every depth starts as if its first two nodes (the two rarest leaves) were already placed.
    lastFreq[depth] = freqs[1];
    nextLeafFreq[depth] = freqs[2];
    nextPairFreq[depth] = depth === 1 ? NO_FREQUENCY : freqs[0] + freqs[1];
    leavesLeft[depth * STRIDE + depth] = 2;
  }
  // The deepest level needs 2n - 2 nodes in all; two are placed already.
  pending[maxBits] = 2 * used - 4;

  let depth = maxBits;
  for (;;) {
    if (nextPairFreq[depth] === NO_FREQUENCY && nextLeafFreq[depth] === NO_FREQUENCY) {
      // Nothing left to place here: close this depth and make sure the walk never comes back.
      pending[depth] = 0;
      nextPairFreq[depth + 1] = NO_FREQUENCY;
      depth++;
      continue;
    }
    const previous = lastFreq[depth];
    const row = depth * STRIDE;
    if (nextLeafFreq[depth] < nextPairFreq[depth]) {
      // Place a leaf: one more symbol sits at this depth or deeper.
      const leaves = leavesLeft[row + depth] + 1;
      lastFreq[depth] = nextLeafFreq[depth];
      leavesLeft[row + depth] = leaves;
      nextLeafFreq[depth] = freqs[leaves];
    } else {
      // Place a pair built one level down; inherit that level's leaf counts for the shallower
      // ancestors and ask the level below for two fresh nodes.
      lastFreq[depth] = nextPairFreq[depth];
      leavesLeft.copyWithin(row, row - STRIDE, row - STRIDE + depth);
      pending[depth - 1] = 2;
    }
    if (--pending[depth] === 0) {
      if (depth === maxBits) break;
      // This depth's two newest nodes become the next pair one level up.
      nextPairFreq[depth + 1] = previous + lastFreq[depth];
      depth++;
    } else {
      // A pair was taken from below: go down to refill the levels that owe nodes.
      while (pending[depth - 1] > 0) depth--;
    }
  }

  if (leavesLeft[maxBits * STRIDE + maxBits] !== used) throw new Error('huffman: inconsistent length counts');
  out.fill(0);
  const top = maxBits * STRIDE;
  for (let level = maxBits, bits = 1; level > 0; level--, bits++) {
    out[bits] = leavesLeft[top + level] - leavesLeft[top + level - 1];
  }
}

/** One prefix code over `size` symbols: per-symbol bit lengths and (bit-reversed) codes. */
export class HuffmanTable {
  readonly lengths: Uint8Array;
  readonly codes: Uint16Array;
  private readonly order: Float64Array; // sort keys: frequency * 1024 + symbol
  private readonly sortedFreqs: Float64Array;
  private readonly perLength = new Int32Array(MAX_DEPTH + 1);
  private readonly nextCode = new Uint16Array(MAX_DEPTH + 1);

  constructor(readonly size: number) {
    this.lengths = new Uint8Array(size);
    this.codes = new Uint16Array(size);
    this.order = new Float64Array(size);
    this.sortedFreqs = new Float64Array(size + 1);
  }

  /** Builds the code for `freqs` (one count per symbol, zero = unused) with at most maxBits bits. */
  build(freqs: Int32Array, maxBits: number): void {
    const lengths = this.lengths;
    lengths.fill(0);
    let used = 0;
    for (let sym = 0; sym < this.size; sym++) {
      if (freqs[sym] !== 0) this.order[used++] = freqs[sym] * 1024 + sym;
    }
    if (used <= 2) {
      // One or two symbols: each gets a 1-bit code, in symbol order.
      for (let i = 0; i < used; i++) {
        const sym = this.order[i] % 1024;
        lengths[sym] = 1;
        this.codes[sym] = i;
      }
      return;
    }
    const order = this.order.subarray(0, used).sort();
    const freqsSorted = this.sortedFreqs;
    for (let i = 0; i < used; i++) freqsSorted[i] = Math.floor(order[i] / 1024);
    freqsSorted[used] = NO_FREQUENCY;
    const counts = this.perLength;
    lengthCounts(freqsSorted, used, maxBits, counts);
    // The most frequent symbols (end of the order) take the shortest lengths.
    let next = used;
    for (let bits = 1; bits <= MAX_DEPTH && next > 0; bits++) {
      for (let k = counts[bits]; k > 0; k--) lengths[order[--next] % 1024] = bits;
    }
    this.assignCanonicalCodes();
  }

  /** Codes from the lengths alone: per length in symbol order (RFC 1951 3.2.2). */
  private assignCanonicalCodes(): void {
    const counts = this.perLength;
    counts.fill(0);
    for (let sym = 0; sym < this.size; sym++) counts[this.lengths[sym]]++;
    counts[0] = 0;
    let code = 0;
    for (let bits = 1; bits <= MAX_DEPTH; bits++) {
      code = (code + counts[bits - 1]) << 1;
      this.nextCode[bits] = code;
    }
    for (let sym = 0; sym < this.size; sym++) {
      const len = this.lengths[sym];
      if (len !== 0) this.codes[sym] = reverseBits(this.nextCode[len]++, len);
    }
  }

  /** Total bits to code symbols with these frequencies. */
  cost(freqs: Int32Array): number {
    let total = 0;
    for (let sym = 0; sym < this.size; sym++) total += freqs[sym] * this.lengths[sym];
    return total;
  }
}

/** The low `len` bits of `code`, in reverse order. */
export function reverseBits(code: number, len: number): number {
  let out = 0;
  for (let i = 0; i < len; i++) {
    out = (out << 1) | (code & 1);
    code >>>= 1;
  }
  return out;
}
