// Matches a clause's values (words, strings, `!`, blocks of the generic tree) against a shape. The matcher
// explores every way the shape can read the values and returns every position where a reading can end, so
// the caller can ask both "can all the values belong to this clause?" and "how far does the clause reach?".
// Atom checks are deliberately at least as permissive as BIND's: a value BIND accepts must never fail here.
import type { ValueNode } from '../../../../../grammars/bind/cst';
import type { Shape } from './shapes';
import { shapeText } from './shapes';

export type Resolve = (name: string) => Shape | undefined;

export interface MatchResult {
  /** Every count of values a reading of the shape can consume, ascending. */
  ends: number[];
  /** True when a reading consumes all the values. */
  complete: boolean;
  /** The furthest value index where a reading failed (values.length = ran out of values), or -1. */
  furthest: number;
  /** What the shape expected at `furthest` (BIND-manual notation). */
  expected: string[];
  /** For a complete reading: the context of each block value (list/map context, 'text'), by value index. */
  blockContexts?: Array<string | undefined>;
}

interface Ctx {
  values: readonly ValueNode[];
  resolve: Resolve;
  /** Record what was expected where (for matchShape's report); off on the hot path of clauseArgCount. */
  trace: boolean;
  furthest: number;
  expected: Array<Shape | string>;
  depth: number;
  /** Check atoms the way BIND's parser does (strict durations, port and uint32 ranges); off for arity. */
  strict?: boolean;
  /**
   * How far BIND's reader goes before it fails inside the value (a repeated `port` after an address is read,
   * then refused: "expected at most one port"), or -1: a value it reads is not the start of a missing `;`.
   */
  stuck: number;
}

const NUMBER = /^(?:0x[0-9a-f]+|[0-9]+)$/i;
const BOOLEAN = new Set(['yes', 'no', 'true', 'false', '1', '0']);
// TTL style (1w2d3h, 300) or ISO 8601 (P1D, PT1H): BIND decides the details, we only need the form.
const DURATION = /^(?:p[0-9a-z.]*|[0-9][0-9a-z]*)$/i;
const SIZE = /^[0-9]+[kmg]?$/i;
// What BIND's parser really takes (lib/isccfg/parser.c, cfg_parse_duration): TTL units or ISO 8601 with integers.
const STRICT_DURATION = /^(?:(?:[0-9]+[wdhms]?)+|p(?:[0-9]+y)?(?:[0-9]+m)?(?:[0-9]+w)?(?:[0-9]+d)?(?:t(?:[0-9]+h)?(?:[0-9]+m)?(?:[0-9]+s)?)?)$/i;
const PERCENTAGE = /^[0-9]+%$/;
const FIXEDPOINT = /^(?=[0-9.]*[0-9])[0-9]{0,5}(?:\.[0-9]{0,2})?$/;
// Templates (BIND's own system tests, configuration generators) put `@PORT@`-style placeholders where a value
// goes; a placeholder stands for any one value.
const PLACEHOLDER = /^@[A-Za-z0-9_]+@$/;

function isPlaceholder(v: ValueNode | undefined): boolean {
  return v?.kind === 'word' && PLACEHOLDER.test(v.image);
}

function text(v: ValueNode | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'word') return v.image;
  if (v.kind === 'string') return v.value;
  return undefined;
}

function word(v: ValueNode | undefined): string | undefined {
  return v?.kind === 'word' ? v.image : undefined;
}

/** An IPv4 address in dotted-quad form (`partial` also allows 1 to 3 octets, as in the prefix `10/8`). */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0?[0-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const IPV4_PARTIAL = new RegExp(`^${OCTET}(?:\\.${OCTET}){0,3}$`);

export function isIPv4(s: string, partial = false): boolean {
  return (partial ? IPV4_PARTIAL : IPV4).test(s);
}

/** An IPv6 address, optionally with a `%zone` (BIND accepts `fe80::1%eth0`). */
export function isIPv6(s: string): boolean {
  const pct = s.indexOf('%');
  if (pct >= 0) {
    if (pct === s.length - 1) return false;
    s = s.slice(0, pct);
  }
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-f]{1,4}$/i.test(g)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

function fail(ctx: Ctx, at: number, what: Shape | string): void {
  if (!ctx.trace || at < ctx.furthest) return;
  if (at > ctx.furthest) {
    ctx.furthest = at;
    ctx.expected.length = 0;
  }
  if (!ctx.expected.includes(what)) ctx.expected.push(what);
}

function atomOk(shape: Extract<Shape, { kind: 'atom' }>, v: ValueNode, strict = false): boolean {
  if (isPlaceholder(v)) return shape.atom !== 'text' && shape.atom !== 'bang';
  const t = text(v);
  switch (shape.atom) {
    case 'string':
    case 'astring':
    case 'sstring':
      return t !== undefined;
    case 'qstring':
      return v.kind === 'string';
    case 'uint32':
    case 'port':
      if (!(v.kind === 'word' && NUMBER.test(v.image))) return false;
      return !strict || Number(v.image) <= (shape.atom === 'port' ? 65535 : 4294967295);
    case 'boolean':
      return t !== undefined && BOOLEAN.has(t.toLowerCase());
    case 'duration':
      return t !== undefined && (strict ? STRICT_DURATION.test(t) && t.toLowerCase() !== 'p' : DURATION.test(t));
    case 'size':
      return t !== undefined && SIZE.test(t);
    case 'percentage':
      return t !== undefined && PERCENTAGE.test(t);
    case 'fixedpoint':
      return t !== undefined && FIXEDPOINT.test(t);
    case 'text':
      return v.kind === 'block';
    case 'bang':
      return v.kind === 'bang';
    case 'netprefix':
      return false; // multi-value: handled by netprefixEnds
  }
}

function isAddress(s: string, v4: boolean, v6: boolean, partialV4 = false): boolean {
  return (v4 && isIPv4(s, partialV4)) || (v6 && isIPv6(s));
}

/**
 * A network prefix over one to three values: `10.0.0.0/8`, `10.0.0.0/ 8`, `10.0.0.0 /8`, `10.0.0.0 / 8`,
 * or a bare address. Our lexer keeps `a/n` in one word; BIND reads `/` as its own token.
 */
function netprefixEnds(ctx: Ctx, i: number): number[] {
  const w = word(ctx.values[i]);
  if (w === undefined) return [];
  if (isPlaceholder(ctx.values[i])) return [i + 1];
  const len = /^[0-9]{1,3}$/;
  const slash = w.indexOf('/');
  if (slash >= 0) {
    const a = w.slice(0, slash);
    const rest = w.slice(slash + 1);
    if (!isAddress(a, true, true, true)) return [];
    if (rest === '') return len.test(word(ctx.values[i + 1]) ?? '') ? [i + 2] : [];
    return len.test(rest) ? [i + 1] : [];
  }
  if (!isAddress(w, true, true, true)) return [];
  const out: number[] = [];
  if (isAddress(w, true, true)) out.push(i + 1);
  const next = word(ctx.values[i + 1]);
  if (next === '/' && len.test(word(ctx.values[i + 2]) ?? '')) out.push(i + 3);
  else if (next !== undefined && next.startsWith('/') && len.test(next.slice(1))) out.push(i + 2);
  return out;
}

/** The contexts a reading gave to the blocks it read: a shared linked list, so alternatives cost little. */
interface Blocks {
  readonly index: number;
  readonly context: string;
  readonly next: Blocks | null;
}

/**
 * Readings: every position where a reading can end, each with its blocks (one reading per end is enough).
 * Matchers add to an accumulator the caller owns, so the hot path allocates little.
 */
class Readings {
  ends: number[];
  blocks: Array<Blocks | null>;
  constructor() {
    this.ends = [];
    this.blocks = [];
  }
  add(end: number, blocks: Blocks | null): void {
    if (!this.ends.includes(end)) {
      this.ends.push(end);
      this.blocks.push(blocks);
    }
  }
  get size(): number {
    return this.ends.length;
  }
}

const ADDR_KEYS = ['port', 'dscp', 'tls'] as const;

/**
 * A plain address (BIND's netaddr) takes no suffix; a socket address without PORTOK takes `port` with a warning up
 * to 9.20 (port 'deprecated') and refuses it on the development branch (port 'no': "subconfig 'port' no longer
 * exists"). Reading a `port` here regardless let a shape read it twice (query-source's own `port` keyword after it).
 */
function addrKeyAllowed(shape: Extract<Shape, { kind: 'addr' }>, key: (typeof ADDR_KEYS)[number]): boolean {
  return key === 'port' ? shape.port !== 'no' : key === 'dscp' ? shape.dscp : shape.tls;
}

function addrKeyValueOk(shape: Extract<Shape, { kind: 'addr' }>, key: (typeof ADDR_KEYS)[number], v: ValueNode | undefined, strict = false): boolean {
  if (key === 'tls') return text(v) !== undefined;
  if (key === 'port' && shape.wild && word(v) === '*') return true;
  if (isPlaceholder(v)) return true;
  if (!(v?.kind === 'word' && NUMBER.test(v.image))) return false;
  // cfg_parse_rawport (lib/isccfg/parser.c): "port number out of range" from 65536 on.
  return !strict || key !== 'port' || Number(v.image) <= 65535;
}

/** BIND reads `port N`, `dscp N`, `tls NAME` (each where allowed, each once) after the address. */
function addrSuffix(ctx: Ctx, shape: Extract<Shape, { kind: 'addr' }>, pos: number, used: number, blocks: Blocks | null, out: Readings): void {
  const k = word(ctx.values[pos])?.toLowerCase();
  for (let bit = 0; bit < ADDR_KEYS.length; bit++) {
    const key = ADDR_KEYS[bit];
    if (k !== key || !addrKeyAllowed(shape, key)) continue;
    if (used & (1 << bit)) {
      // parse_sockaddrsub (lib/isccfg/parser.c) reads every `port`/`dscp` that follows, then refuses a second one.
      let end = pos;
      for (let w: string | undefined = k; w !== undefined && ADDR_KEYS.some((x) => x === w && addrKeyAllowed(shape, x)); w = word(ctx.values[end])?.toLowerCase()) {
        end = Math.min(end + 2, ctx.values.length);
      }
      if (end > ctx.stuck) ctx.stuck = end;
      fail(ctx, pos, `at most one ${key}`);
      continue;
    }
    if (!addrKeyValueOk(shape, key, ctx.values[pos + 1], ctx.strict)) {
      fail(ctx, pos + 1, key === 'tls' ? '<string>' : key === 'port' ? '<port>' : '<integer>');
      continue;
    }
    out.add(pos + 2, blocks);
    addrSuffix(ctx, shape, pos + 2, used | (1 << bit), blocks, out);
  }
}

function addr(ctx: Ctx, shape: Extract<Shape, { kind: 'addr' }>, i: number, blocks: Blocks | null, out: Readings): void {
  const v = ctx.values[i];
  const w = word(v);
  if (w === undefined || !((shape.wild && w === '*') || isAddress(w, shape.v4, shape.v6) || isPlaceholder(v))) {
    fail(ctx, i, shape);
    return;
  }
  out.add(i + 1, blocks);
  addrSuffix(ctx, shape, i + 1, 0, blocks, out);
}

/** `any`/`some`: items in any order, each at most once; `seen` holds (position, used items) pairs already explored. */
function anyOrder(ctx: Ctx, items: readonly Shape[], pos: number, used: number, blocks: Blocks | null, out: Readings, seen: Set<number>): void {
  const key = pos * 65536 + used;
  if (seen.has(key)) return;
  seen.add(key);
  for (let bit = 0; bit < items.length; bit++) {
    if (used & (1 << bit)) continue;
    const r = new Readings();
    read(ctx, items[bit], pos, blocks, r);
    for (let k = 0; k < r.ends.length; k++) {
      const e = r.ends[k];
      if (e === pos) continue;
      out.add(e, r.blocks[k]);
      anyOrder(ctx, items, e, used | (1 << bit), r.blocks[k], out, seen);
    }
  }
}

function read(ctx: Ctx, shape: Shape, i: number, blocks: Blocks | null, out: Readings): void {
  const { values } = ctx;
  switch (shape.kind) {
    case 'void':
      out.add(i, blocks);
      return;
    case 'atom': {
      if (shape.atom === 'netprefix') {
        const r = netprefixEnds(ctx, i);
        if (r.length === 0) fail(ctx, i, shape);
        for (const e of r) out.add(e, blocks);
        return;
      }
      const v = values[i];
      if (v && atomOk(shape, v, ctx.strict)) out.add(i + 1, shape.atom === 'text' ? { index: i, context: 'text', next: blocks } : blocks);
      else fail(ctx, i, shape);
      return;
    }
    case 'enum': {
      const v = values[i];
      const t = text(v)?.toLowerCase();
      if ((t !== undefined && shape.values.includes(t)) || isPlaceholder(v)) out.add(i + 1, blocks);
      else if (!shape.or) fail(ctx, i, shape);
      if (shape.or) read(ctx, shape.or, i, blocks, out);
      return;
    }
    case 'kw':
      if (word(values[i])?.toLowerCase() === shape.kw) read(ctx, shape.value, i + 1, blocks, out);
      else fail(ctx, i, shape.kw);
      return;
    case 'opt':
      out.add(i, blocks);
      read(ctx, shape.item, i, blocks, out);
      return;
    case 'note':
      read(ctx, shape.item, i, blocks, out);
      return;
    case 'seq': {
      let at = new Readings();
      at.add(i, blocks);
      for (let n = 0; n < shape.items.length; n++) {
        const last = n === shape.items.length - 1;
        const next = last ? out : new Readings();
        for (let k = 0; k < at.ends.length; k++) read(ctx, shape.items[n], at.ends[k], at.blocks[k], next);
        if (!last) {
          if (next.size === 0) return;
          at = next;
        }
      }
      return;
    }
    case 'alt':
      for (const item of shape.items) read(ctx, item, i, blocks, out);
      return;
    case 'any':
    case 'some':
      if (shape.kind === 'any') out.add(i, blocks);
      anyOrder(ctx, shape.items, i, 0, blocks, out, new Set());
      return;
    case 'spaced': {
      out.add(i, blocks);
      let frontier = new Readings();
      frontier.add(i, blocks);
      while (frontier.size) {
        const next = new Readings();
        for (let k = 0; k < frontier.ends.length; k++) {
          const r = new Readings();
          read(ctx, shape.element, frontier.ends[k], frontier.blocks[k], r);
          for (let j = 0; j < r.ends.length; j++) {
            const e = r.ends[j];
            if (e > frontier.ends[k] && !out.ends.includes(e)) {
              out.add(e, r.blocks[j]);
              next.add(e, r.blocks[j]);
            }
          }
        }
        frontier = next;
      }
      return;
    }
    case 'list':
    case 'block':
      if (values[i]?.kind === 'block') out.add(i + 1, { index: i, context: shape.context, next: blocks });
      else fail(ctx, i, shape.kind === 'list' ? '{' : `{ <${shape.context} clauses> }`);
      return;
    case 'addr':
      addr(ctx, shape, i, blocks, out);
      return;
    case 'ref': {
      const r = ctx.resolve(shape.ref);
      if (!r || ctx.depth > 16) return;
      ctx.depth++;
      read(ctx, r, i, blocks, out);
      ctx.depth--;
      return;
    }
  }
}

/**
 * The hot path of clauseArgCount: can a reading take all the values, and how far does the longest one reach?
 */
export function reach(shape: Shape, values: readonly ValueNode[], resolve: Resolve): { complete: boolean; longest: number } {
  const ctx: Ctx = { values, resolve, trace: false, furthest: -1, expected: [], depth: 0, stuck: -1 };
  const r = new Readings();
  read(ctx, shape, 0, null, r);
  let longest = ctx.stuck;
  for (const e of r.ends) if (e > longest) longest = e;
  return { complete: r.ends.includes(values.length), longest };
}

/**
 * Match `values` (the values after a clause name, or a list element's values) against `shape`. With
 * `trace` (the default) the result also says where a reading failed furthest and what it expected there.
 */
export function matchShape(shape: Shape, values: readonly ValueNode[], resolve: Resolve, trace = true, strict = false): MatchResult {
  const ctx: Ctx = { values, resolve, trace, furthest: -1, expected: [], depth: 0, strict, stuck: -1 };
  const r = new Readings();
  read(ctx, shape, 0, null, r);
  const ends = r.ends.slice().sort((a, b) => a - b);
  const at = r.ends.indexOf(values.length);
  const complete = at >= 0;
  let blockContexts: Array<string | undefined> | undefined;
  if (complete) {
    blockContexts = new Array<string | undefined>(values.length).fill(undefined);
    for (let b = r.blocks[at]; b; b = b.next) blockContexts[b.index] = b.context;
  }
  const expected = ctx.expected.map((e) => (typeof e === 'string' ? e : shapeText(e, resolve)));
  return { ends, complete, furthest: ctx.furthest, expected, blockContexts };
}
