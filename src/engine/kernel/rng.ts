// Seeded randomness for the simulation. Each subsystem draws from its own
// stream (rng.fork('placement')), so adding a draw in one subsystem never
// shifts the numbers another one sees: runs stay comparable across changes.
//
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator),
// 128-bit state of four uint32 words, passes PractRand; its counter word
// guarantees a period of at least 2^32 from any state, so no seed is bad.
// Words are seeded through splitmix32.

export interface Rng {
  nextUint32(): number;
  /** Uniform in [0, 1), in steps of 2^-32; consumes one uint32. */
  nextFloat(): number;
  /** Uniform integer in [0, maxExclusive); maxExclusive is an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
  /**
   * A stream derived from this generator's key and the name only: the
   * same name gives the same stream however many numbers were drawn here.
   */
  fork(streamName: string): Rng;
  /** [key, a, b, c, d]: plain numbers, enough for restoreRng(). */
  getState(): readonly number[];
}

const TWO_POW_32 = 0x1_0000_0000;
// Discarded outputs after seeding, as the reference sfc32 seeding does.
const WARM_UP_ROUNDS = 12;

export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  }
  // Fold the high bits in so seeds beyond 2^32 still differ.
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  return Sfc32.fromKey((seed >>> 0) ^ mix32(high));
}

export function restoreRng(state: readonly number[]): Rng {
  const [key, a, b, c, d, ...rest] = state;
  if (
    key === undefined ||
    a === undefined ||
    b === undefined ||
    c === undefined ||
    d === undefined ||
    rest.length > 0
  ) {
    throw new RangeError('restoreRng: state must be [key, a, b, c, d]');
  }
  return new Sfc32(key >>> 0, a | 0, b | 0, c | 0, d | 0);
}

class Sfc32 implements Rng {
  constructor(
    private readonly key: number,
    private a: number,
    private b: number,
    private c: number,
    private d: number,
  ) {}

  static fromKey(seedKey: number): Sfc32 {
    const key = seedKey >>> 0;
    let s = key;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      return mix32(s);
    };
    const rng = new Sfc32(key, next(), next(), next(), next());
    for (let i = 0; i < WARM_UP_ROUNDS; i++) rng.nextUint32();
    return rng;
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(
        `nextInt: maxExclusive must be an integer in [1, 2^32], got ${maxExclusive}`,
      );
    }
    // Reject the top partial bucket so every result is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % maxExclusive;
  }

  fork(streamName: string): Rng {
    return Sfc32.fromKey(mix32(this.key ^ mix32(hashString(streamName))));
  }

  getState(): readonly number[] {
    return [this.key, this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }
}

// murmur3's 32-bit finalizer: every input bit affects every output bit.
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// FNV-1a over UTF-16 code units: stable across engines and runs.
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
