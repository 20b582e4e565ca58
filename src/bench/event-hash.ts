// A stable hash of an event stream: each event's JSON line, in order, folded into two
// 32-bit FNV-1a-style lanes. One source text serves Node and the page (it is evaluated
// in both), so a mismatch can only come from the events, never from two hash codes.

/** Defines `b3Fold(state, line)` and `b3Digest(state)`; state is `{ a, b, events, chars }`. */
export const EVENT_HASH_SOURCE = `
function b3Fold(s, line) {
  let a = s.a, b = s.b;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519) ^ (b >>> 13);
  }
  // The line's end, so ["ab","c"] and ["a","bc"] differ.
  s.a = Math.imul(a ^ 10, 16777619);
  s.b = Math.imul(b ^ 10, 2246822519) ^ (b >>> 13);
  s.events += 1;
  s.chars += line.length;
}
function b3Digest(s) {
  return (s.a >>> 0).toString(16).padStart(8, '0') + (s.b >>> 0).toString(16).padStart(8, '0');
}
`;

export interface HashState {
  a: number;
  b: number;
  events: number;
  chars: number;
}

export interface EventHasher {
  fold(line: string): void;
  digest(): string;
  readonly state: HashState;
}

type Fold = (s: HashState, line: string) => void;
type Digest = (s: HashState) => string;

const [fold, digest] = new Function(`${EVENT_HASH_SOURCE}\nreturn [b3Fold, b3Digest];`)() as [
  Fold,
  Digest,
];

export const HASH_START: Readonly<HashState> = {
  a: 0x811c9dc5,
  b: 0x9747b28c,
  events: 0,
  chars: 0,
};

export function eventHasher(): EventHasher {
  const state: HashState = { ...HASH_START };
  return { state, fold: (line) => fold(state, line), digest: () => digest(state) };
}
