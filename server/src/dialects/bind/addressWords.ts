// Every word of a named.conf that parses as an IPv4/IPv6 literal, with the clause it belongs to; shared by the
// address-classifying rules (special-address, documentation-address, non-canonical-ipv6).
import type { WordNode } from '../../../../grammars/bind/cst';
import { parseAddress, type AddressLiteral } from '../../addresses';
import type { BindModel, Clause } from './model';
import { walkClauses } from './model';

export interface AddressWord {
  node: WordNode;
  literal: AddressLiteral;
  clause: Clause;
  /** The 128 bits of an IPv6 address (undefined for IPv4). */
  bits?: bigint;
}

const cache = new WeakMap<BindModel, AddressWord[]>();

/**
 * Calls `visit` with every word argument of every clause (list elements included; values of nested clauses belong to
 * those clauses), with its clause. A clause's values are its first value (its name, or the `!` or block a list element
 * starts with) and its arguments: the values of its statement within its span. Indexed loops: it runs over every value
 * of a large file, mostly before V8 has optimised it, where for-of allocates per element.
 */
export function forEachClauseWord(model: BindModel, visit: (word: WordNode, clause: Clause) => void): void {
  const everyClause = walkClauses(model.clauses);
  for (let i = 0; i < everyClause.length; i++) {
    const c = everyClause[i];
    if (c.nameNode?.kind === 'word') visit(c.nameNode, c);
    const args = c.args;
    for (let j = 0; j < args.length; j++) {
      const v = args[j];
      if (v.kind === 'word') visit(v, c);
    }
  }
}

/** The words forEachClauseWord visits that have a '.', ':' or '/' (every address does), with their clauses, in its order. */
export interface AddressLikeWords {
  words: WordNode[];
  clauses: Clause[];
}

const addressLikeCache = new WeakMap<BindModel, AddressLikeWords>();

/**
 * Computed once per model: bind/invalid-address reads every one, addressWords the addresses among them. One walk of
 * every clause's values for both, where each walked them all.
 */
export function addressLikeWords(model: BindModel): AddressLikeWords {
  let out = addressLikeCache.get(model);
  if (out) return out;
  const found: AddressLikeWords = { words: [], clauses: [] };
  forEachClauseWord(model, (v, c) => {
    if (hasAddressSeparator(v.image)) {
      found.words.push(v);
      found.clauses.push(c);
    }
  });
  addressLikeCache.set(model, (out = found));
  return out;
}

/** Has the word a '.', ':' or '/'? A scan of char codes: asked of every word of the file. */
function hasAddressSeparator(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 46 || c === 58 || c === 47) return true;
  }
  return false;
}

/** Computed once per model (three rules read it). */
export function addressWords(model: BindModel): readonly AddressWord[] {
  let out = cache.get(model);
  if (out) return out;
  const found: AddressWord[] = [];
  const { words, clauses } = addressLikeWords(model);
  for (let i = 0; i < words.length; i++) {
    const v = words[i];
    // Cheap pre-filter: an address has a hex digit, and a '.' or ':'.
    if (!mayBeAddress(v.image)) continue;
    const r = parseAddress(v.image);
    if (r?.ok) found.push({ node: v, literal: r.value, clause: clauses[i], bits: bits6(r.value) });
  }
  cache.set(model, (out = found));
  return out;
}

/** Has the word a '.' or ':' and a hex digit (what an address needs)? A scan of char codes: asked of every word. */
function mayBeAddress(w: string): boolean {
  let sep = false;
  let hex = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 46 || c === 58) sep = true;
    else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) hex = true;
    if (sep && hex) return true;
  }
  return false;
}

/** The 128 bits of an IPv6 literal (zone and prefix ignored). */
export function bits6(lit: AddressLiteral): bigint | undefined {
  if (lit.family !== 6) return undefined;
  const c = lit.canonical.split('/')[0].split('%')[0];
  const [head, tail] = c.includes('::') ? c.split('::') : [c, undefined];
  const parse = (s: string) => (s ? s.split(':').flatMap((g) => (g.includes('.') ? v4Groups(g) : [parseInt(g, 16)])) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

function v4Groups(dotted: string): number[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

/** ::ffff:0:0/96 */
export function isMapped(bits: bigint): boolean {
  return bits >> 32n === 0xffffn;
}

/** RFC 5952 text of an IPv6 address (lower case, longest zero run as `::`, IPv4-mapped in dotted form unless told not to). */
export function canonical6(bits: bigint, mappedDotted = true): string {
  if (mappedDotted && isMapped(bits)) {
    const v4 = Number(bits & 0xffffffffn);
    return `::ffff:${[24, 16, 8, 0].map((s) => (v4 >>> s) & 255).join('.')}`;
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((bits >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
