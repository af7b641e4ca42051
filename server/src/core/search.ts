// Binary search over things in ascending order of an offset: sorted offsets, findings, hashes.

/** Index of the first item whose key is at or after `at` (items.length when none is); items ascend by key. */
export function firstAtOrAfter<T>(items: ArrayLike<T>, at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** firstAtOrAfter for ascending numbers. */
export function firstNumberAtOrAfter(sorted: ArrayLike<number>, at: number): number {
  return firstAtOrAfter(sorted, at, (n) => n);
}
