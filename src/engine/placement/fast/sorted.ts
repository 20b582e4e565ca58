// Ascending arrays of instance indices: the order ties are drawn in.

/** How many entries are <= value. */
export function countAtMost(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(list: number[], value: number): void {
  // Instances are indexed in input order, so building appends.
  if (list.length === 0 || list[list.length - 1]! < value) {
    list.push(value);
    return;
  }
  list.splice(countAtMost(list, value), 0, value);
}

export function removeSorted(list: number[], value: number): void {
  const at = countAtMost(list, value) - 1;
  if (list[at] !== value) throw new Error(`index ${value} is not in the list`);
  if (at === list.length - 1) list.pop();
  else list.splice(at, 1);
}

const WALK_LIMIT = 16;

/**
 * The n-th smallest (0-based) of the first `count` lists together; the
 * lists are disjoint and ascending. A small n walks up from the bottom; a
 * large one (a tie of hundreds of fresh instances across Availability
 * Zones) binary-searches the value, a few dozen compares either way.
 */
export function nthOfUnion(
  lists: readonly (readonly number[])[],
  count: number,
  n: number,
): number {
  if (n < WALK_LIMIT) {
    let value = -1;
    for (let step = 0; step <= n; step++) value = nextAbove(lists, count, value);
    return value;
  }
  let lo = 0;
  let hi = 0;
  for (let l = 0; l < count; l++) {
    const list = lists[l]!;
    hi = Math.max(hi, list[list.length - 1] ?? 0);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let atMost = 0;
    for (let l = 0; l < count; l++) atMost += countAtMost(lists[l]!, mid);
    if (atMost > n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function nextAbove(lists: readonly (readonly number[])[], count: number, value: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (let l = 0; l < count; l++) {
    const list = lists[l]!;
    const candidate = list[countAtMost(list, value)];
    if (candidate !== undefined && candidate < next) next = candidate;
  }
  return next;
}
