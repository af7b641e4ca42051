// Items found by name without walking them all: the positions of each name's items, built once per list, and the
// items of the names a test accepts, in their order. Used by the BIND model (clausesNamed) and Apache's
// (findDirectives), where rules ask for a few names among 100,000 clauses or directives.

/** The positions in `all` of each name's items, ascending; items whose name is undefined are left out. */
export function positionsByName<T>(all: readonly T[], nameOf: (item: T) => string | undefined): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < all.length; i++) {
    const name = nameOf(all[i]);
    if (name === undefined) continue;
    const list = index.get(name);
    if (list) list.push(i);
    else index.set(name, [i]);
  }
  return index;
}

/** The items of every name that passes `test` (asked once per name), in the order of `all`. */
export function itemsNamed<T>(all: readonly T[], index: ReadonlyMap<string, readonly number[]>, test: (name: string) => boolean): T[] {
  const lists: (readonly number[])[] = [];
  for (const [name, list] of index) if (test(name)) lists.push(list);
  if (lists.length === 0) return [];
  const positions = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b);
  const out: T[] = new Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = all[positions[i]];
  return out;
}
