// The named.conf clause catalogue: which clauses exist in which context and BIND version, what their values
// look like (shapes.ts), and how far each clause's values reach (used by the model to find a missing `;`).
// The data is grammar.ts, read from BIND's lib/isccfg/namedconf.c for 9.18, 9.20 and the development branch.
//
// Contexts: 'top' (the file), map contexts that hold clauses ('options', 'view', 'zone', 'logging', 'channel',
// 'key', 'server', 'controls', 'dnssec-policy', ...) and list contexts whose statements are list elements
// ('aml' for address match lists, 'remote-servers', 'addresses', 'trust-anchors', ...; 'text' for raw text).
//
// For the model: lookupClause, clauseArgCount, blockContexts. For rules (unknown option, did you mean, version
// notes, value types): clauseDef / clauseIn / clausesIn / clauseHistory / contextsOf / suggestClauses, and
// matchClause / matchElement, which say whether a version accepts a clause's values and what it expected.
import type { ValueNode } from '../../../../../grammars/bind/cst';
import { CONTEXT_GROUPS, GRAMMAR_SOURCES, GROUPS, SHAPES } from './grammar';
import { matchShape, reach, type MatchResult } from './match';
import type { ClauseStatus, Flags, GrammarVersion, Shape, ZoneType } from './shapes';
import { firstBlockContext, GRAMMAR_VERSIONS, parseFlags, walkShape } from './shapes';
import { detachedString } from '../../../core/text';

export type { Atom, BindVersion, BuildFeature, ClauseStatus, Flags, GrammarVersion, Shape, ZoneType } from './shapes';
export { BIND_VERSIONS, DEBIAN12_BUILD, DEFAULT_BIND_VERSION, GRAMMAR_VERSIONS, shapeText } from './shapes';
export { isIPv4, isIPv6, type MatchResult } from './match';
export { GRAMMAR_SOURCES };

/** What the model needs to know about a clause (or a list element) in a context. */
export interface ClauseInfo {
  /**
   * The context of the clause's (first) block: a map context name when it holds clauses ('options', 'zone', ...),
   * 'aml' for an address match list, another list context for other lists, 'text' for raw text.
   */
  blockContext?: string;
  /** The clause's definition (map contexts). */
  def?: ClauseDef;
  /** True in a list context: the statement is a list element, not a named clause. */
  element?: boolean;
}

/** A clause in one version of BIND. */
export interface ClauseVersion extends Flags {
  /** The value shape; absent for clauses BIND only recognises to refuse them (ancient, no grammar left). */
  shape?: Shape;
  /** The shape's name in SHAPES (e.g. 'listen-on@9.18'). */
  shapeName?: string;
  /** The BIND clause set it comes from ('options-only', 'view-or-options', 'zone-or-defaults', ...). */
  group: string;
  /** Present only in some builds of this version (BIND's CFG_CLAUSEFLAG_OPTIONAL, main only). */
  optional?: boolean;
}

export interface ClauseDef {
  name: string;
  context: string;
  /** Per grammar version; a missing version means the clause does not exist there (unknown option). */
  versions: Partial<Record<GrammarVersion, ClauseVersion>>;
  /** See ClauseInfo.blockContext. */
  blockContext?: string;
  /** Not in BIND's clause tables but accepted by its parser everywhere (`include`). */
  synthetic?: boolean;
}

interface Tables {
  /** context -> name -> definition (map contexts only). */
  clauses: Map<string, Map<string, ClauseDef>>;
  /** list context -> version -> element shapes. */
  elements: Map<string, Map<GrammarVersion, Shape[]>>;
}

const resolve = (name: string): Shape | undefined => SHAPES[name];

function versionsOf<T>(spec: Partial<Record<GrammarVersion | '*', T>>): Array<[GrammarVersion, T]> {
  const out: Array<[GrammarVersion, T]> = [];
  for (const v of GRAMMAR_VERSIONS) {
    const x = spec[v] ?? spec['*'];
    if (x !== undefined) out.push([v, x]);
  }
  return out;
}

function parseRow(spec: string, group: string): ClauseVersion {
  const space = spec.indexOf(' ');
  const shapeName = space < 0 ? spec : spec.slice(0, space);
  const flags = parseFlags(space < 0 ? '' : spec.slice(space + 1));
  const shape = shapeName === '-' ? undefined : SHAPES[shapeName];
  if (shapeName !== '-' && !shape) throw new Error(`catalogue: unknown shape '${shapeName}'`);
  return {
    shape,
    shapeName: shape ? shapeName : undefined,
    group,
    status: flags.status ?? 'active',
    multi: flags.multi ?? false,
    nodoc: flags.nodoc ?? false,
    build: flags.build,
    zoneTypes: flags.zoneTypes,
    optional: flags.optional,
  };
}

const INCLUDE_SHAPE: Shape = { kind: 'atom', atom: 'qstring' };

let tables: Tables | undefined;

function build(): Tables {
  const clauses = new Map<string, Map<string, ClauseDef>>();
  const elements = new Map<string, Map<GrammarVersion, Shape[]>>();
  const parsedGroups = new Map<string, Map<string, Partial<Record<GrammarVersion, ClauseVersion>>>>();
  // Per shape object, as the lists below: the contexts share them.
  const blockContexts = new Map<Shape, string | undefined>();
  const blockContextOf = (shape: Shape) => {
    if (blockContexts.has(shape)) return blockContexts.get(shape);
    const c = firstBlockContext(shape, resolve);
    blockContexts.set(shape, c);
    return c;
  };
  for (const [group, rows] of Object.entries(GROUPS)) {
    const m = new Map<string, Partial<Record<GrammarVersion, ClauseVersion>>>();
    // A group's rows repeat their specs ('boolean', 'uint32', and '*' is the same spec in every version): each is
    // parsed once and shared, as nothing writes to a ClauseVersion.
    const bySpec = new Map<string, ClauseVersion>();
    for (const [name, spec] of rows) {
      const per: Partial<Record<GrammarVersion, ClauseVersion>> = {};
      for (const [v, s] of versionsOf(spec)) {
        let cv = bySpec.get(s);
        if (!cv) bySpec.set(s, (cv = parseRow(s, group)));
        per[v] = cv;
      }
      m.set(name, per);
    }
    parsedGroups.set(group, m);
  }
  for (const [context, spec] of Object.entries(CONTEXT_GROUPS)) {
    const defs = new Map<string, ClauseDef>();
    for (const [v, groups] of versionsOf(spec)) {
      // BIND looks a name up in the clause sets in order; the first set that has it wins.
      const seen = new Set<string>();
      for (const g of groups) {
        for (const [name, per] of parsedGroups.get(g) ?? []) {
          const cv = per[v];
          if (!cv || seen.has(name)) continue;
          seen.add(name);
          let def = defs.get(name);
          if (!def) defs.set(name, (def = { name, context, versions: {} }));
          def.versions[v] = cv;
        }
      }
      // `include "file";` is accepted wherever a clause can be (lib/isccfg/parser.c, cfg_parse_mapbody).
      let inc = defs.get('include');
      if (!inc) defs.set('include', (inc = { name: 'include', context, versions: {}, synthetic: true }));
      inc.versions[v] = { shape: INCLUDE_SHAPE, shapeName: 'qstring', group: 'include', status: 'active', multi: true, nodoc: false };
    }
    for (const def of defs.values()) {
      for (const v of GRAMMAR_VERSIONS) {
        const s = def.versions[v]?.shape;
        if (s && def.blockContext === undefined) def.blockContext = blockContextOf(s);
      }
    }
    clauses.set(context, defs);
  }
  // List contexts and their element shapes, per version, from every list that appears in a clause's shape. Equal
  // shapes are one element: compared by their JSON, written once per shape object (the grammar shares objects).
  const json = new Map<Shape, string>();
  const jsonOf = (el: Shape) => {
    let j = json.get(el);
    if (j === undefined) json.set(el, (j = JSON.stringify(el)));
    return j;
  };
  // Seen elements by context, version and JSON: the JSON strings are made once per shape (and hashed once), where
  // one key string joining all three was built and hashed anew for every list of every clause in every version.
  const seenElements = new Map<string, Map<GrammarVersion, Set<string>>>();
  const addElement = (ctx: string, v: GrammarVersion, el: Shape) => {
    let seenV = seenElements.get(ctx);
    if (!seenV) seenElements.set(ctx, (seenV = new Map()));
    let seen = seenV.get(v);
    if (!seen) seenV.set(v, (seen = new Set()));
    const j = jsonOf(el);
    if (seen.has(j)) return;
    seen.add(j);
    let byV = elements.get(ctx);
    if (!byV) elements.set(ctx, (byV = new Map()));
    const arr = byV.get(v) ?? [];
    arr.push(el);
    byV.set(v, arr);
  };
  // The lists inside a shape, in walking order, found once per shape object: clauses share their shape objects
  // across versions and contexts (options, view and zone read the same clause sets), so walking each clause's
  // shape in each version went through the same trees again and again (~6 ms of a cold run).
  const listsIn = new Map<Shape, Array<Extract<Shape, { kind: 'list' }>>>();
  const listsOf = (shape: Shape) => {
    let lists = listsIn.get(shape);
    if (!lists) {
      const found: Array<Extract<Shape, { kind: 'list' }>> = [];
      walkShape(shape, (s) => {
        if (s.kind === 'list') found.push(s);
      });
      listsIn.set(shape, (lists = found));
    }
    return lists;
  };
  for (const defs of clauses.values()) {
    for (const def of defs.values()) {
      // The versions in GRAMMAR_VERSIONS order, the order they were added to def.versions in.
      for (const v of GRAMMAR_VERSIONS) {
        const shape = def.versions[v]?.shape;
        if (!shape) continue;
        const lists = listsOf(shape);
        for (let i = 0; i < lists.length; i++) addElement(lists[i].context, v, lists[i].element);
      }
    }
  }
  // The address match list element is itself a shape with a nested list.
  const aml = SHAPES['aml-element'];
  if (aml) walkShape(aml, (s) => {
    if (s.kind === 'list') for (const v of GRAMMAR_VERSIONS) addElement(s.context, v, s.element);
  });
  return { clauses, elements };
}

function t(): Tables {
  return (tables ??= build());
}

/** Map contexts (blocks that hold clauses), 'top' first. */
export function mapContexts(): string[] {
  return [...t().clauses.keys()];
}

/** List contexts (blocks whose statements are list elements), 'aml' among them. */
export function listContexts(): string[] {
  return [...t().elements.keys()];
}

export function isMapContext(context: string): boolean {
  return t().clauses.has(context);
}

export function isListContext(context: string): boolean {
  return t().elements.has(context);
}

/** The definition of a clause in a map context (any version), or undefined if no version knows it there. */
export function clauseDef(context: string, name: string): ClauseDef | undefined {
  const defs = t().clauses.get(context);
  if (!defs) return undefined;
  // The names are lower case, and so are the model's clause names: lower-case only a name not found as given.
  return defs.get(name) ?? defs.get(name.toLowerCase());
}

/** The clause in one version, or undefined when that version does not know it (named: "unknown option"). */
export function clauseIn(context: string, name: string, version: GrammarVersion): ClauseVersion | undefined {
  return clauseDef(context, name)?.versions[version];
}

export interface ClauseFilter {
  /** Only clauses allowed in this zone type (zone context). */
  zoneType?: ZoneType;
  /** Keep clauses BIND refuses ("no longer exists"). Default false. */
  includeAncient?: boolean;
  /** Keep undocumented aliases and test knobs. Default true. */
  includeNodoc?: boolean;
}

/** Names of the clauses a version accepts in a context, in BIND's order. */
export function clausesIn(context: string, version: GrammarVersion, filter: ClauseFilter = {}): string[] {
  const out: string[] = [];
  for (const def of t().clauses.get(context)?.values() ?? []) {
    const cv = def.versions[version];
    if (!cv) continue;
    if (cv.status === 'ancient' && !filter.includeAncient) continue;
    if (cv.nodoc && filter.includeNodoc === false) continue;
    if (filter.zoneType && cv.zoneTypes && !cv.zoneTypes.includes(filter.zoneType)) continue;
    out.push(def.name);
  }
  return out;
}

/** Map contexts where a clause name exists in a version (for "listen-on belongs in options, not zone"). */
export function contextsOf(name: string, version: GrammarVersion): string[] {
  const n = name.toLowerCase();
  const out: string[] = [];
  for (const [ctx, defs] of t().clauses) {
    const cv = defs.get(n)?.versions[version];
    if (cv && cv.status !== 'ancient' && !defs.get(n)?.synthetic) out.push(ctx);
  }
  return out;
}

/** The versions (of those we carry) where a clause exists in a context, with its status there. */
export function clauseHistory(context: string, name: string): Array<{ version: GrammarVersion; status: ClauseStatus }> {
  const def = clauseDef(context, name);
  if (!def) return [];
  return GRAMMAR_VERSIONS.filter((v) => def.versions[v]).map((v) => ({ version: v, status: def.versions[v]!.status }));
}

/** Zone type words as BIND reads them (`master` = primary, `slave` = secondary). */
export function normalizeZoneType(word: string): ZoneType | undefined {
  const w = word.toLowerCase();
  if (w === 'master') return 'primary';
  if (w === 'slave') return 'secondary';
  return KNOWN_ZONE_TYPES.has(w) ? (w as ZoneType) : undefined;
}

/** Every zone type, in a fixed order (semantics.ts numbers them by it in Clause.facts). */
export const ZONE_TYPES: readonly ZoneType[] = ['primary', 'secondary', 'mirror', 'stub', 'static-stub', 'hint', 'forward', 'redirect', 'delegation-only', 'in-view'];
const KNOWN_ZONE_TYPES: ReadonlySet<string> = new Set(ZONE_TYPES);

/** Damerau-Levenshtein distance (optimal string alignment), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Clause names of a context close to a misspelt one, best first (at most `max`). */
export function suggestClauses(context: string, name: string, version: GrammarVersion, max = 3): string[] {
  const n = name.toLowerCase();
  const limit = Math.max(2, Math.floor(n.length / 4));
  return clausesIn(context, version)
    // The distance is at least the difference in length: skipping those keeps a 10 MB word from costing minutes.
    .filter((c) => Math.abs(c.length - n.length) - 1 <= limit)
    .map((c) => ({ c, d: distance(n, c) - (c.startsWith(n) || n.startsWith(c) ? 1 : 0) }))
    .filter((x) => x.d <= limit && x.c !== n)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** A named shape of the grammar (e.g. 'aml-element', 'listen-on@9.18'). */
export function namedShape(name: string): Shape | undefined {
  return SHAPES[name];
}

/** Element shapes of a list context in one version (or in any version). */
export function listElementShapes(context: string, version?: GrammarVersion): Shape[] {
  const byV = t().elements.get(context);
  if (!byV) return [];
  if (version) return byV.get(version) ?? [];
  const out: Shape[] = [];
  for (const arr of byV.values()) for (const s of arr) if (!out.includes(s)) out.push(s);
  return out;
}

// Matching is a pure function of the context, the clause name and the values' kinds and texts (a block counts
// by its kind only: its clauses are matched on their own). Configs repeat themselves (`type primary;`,
// `allow-transfer { xfr; };` in thousands of zones), so every answer is remembered under that key. The results
// are shared: callers only read them.
const MEMO_LIMIT = 50_000;

/** Answers by context, then clause name, then the values' key: short keys, no string built per lookup but the last. */
class Memo<T> {
  // An undefined answer is stored as NONE, so one lookup tells a remembered undefined from a key never seen (the
  // commonest answer of clauseArgCount is undefined: all the values belong to the clause).
  private map = new Map<string, Map<string, Map<string, T | typeof NONE>>>();
  private size = 0;
  /** The answers for one context and name (made on first use). */
  private bucket(context: string, name: string): Map<string, T | typeof NONE> {
    let byName = this.map.get(context);
    if (!byName) this.map.set(context, (byName = new Map()));
    let byKey = byName.get(name);
    // Keys are cut from (or built from slices of) a document: stored as copies, or they keep every version's text alive.
    if (!byKey) byName.set(detachedString(name), (byKey = new Map()));
    return byKey;
  }
  get(context: string, name: string, key: string, compute: () => T): T {
    const byKey = this.bucket(context, name);
    const hit = byKey.get(key);
    if (hit !== undefined) return hit === NONE ? (undefined as T) : hit;
    return this.put(byKey, key, compute());
  }
  /**
   * The remembered answer, or MISSING (then compute it and `put` it into `found`, the bucket this looked in): no
   * closure per call, and no object to return the bucket in (the model asks twice per clause of 100,000).
   */
  find(context: string, name: string, key: string): T | typeof MISSING {
    const byKey = this.bucket(context, name);
    this.found = byKey;
    const hit = byKey.get(key);
    return hit === undefined ? MISSING : hit === NONE ? (undefined as T) : hit;
  }
  /** The bucket of the last `find`. */
  found: Map<string, T | typeof NONE> | undefined;
  put(byKey: Map<string, T | typeof NONE>, key: string, value: T): T {
    // A bound, so a long editing session cannot grow it without end.
    if (++this.size > MEMO_LIMIT) {
      this.map.clear();
      this.size = 0;
    }
    byKey.set(detachedString(key), value === undefined ? NONE : value);
    return value;
  }
}

const NONE: unique symbol = Symbol('none');
const MISSING: unique symbol = Symbol('missing');

/**
 * The key of a clause's values (and its head, for a list element that starts with `!` or a block): kind and text
 * of each, in a form no two different lists share.
 */
export function valuesKey(values: readonly ValueNode[], head?: ValueNode): string {
  if (!head && values.length === 0) return '';
  if (!head && values.length === 1 && values[0].kind === 'block') return '{';
  let key = head ? `h${valueKey(head)}` : '';
  for (let i = 0; i < values.length; i++) key += valueKey(values[i]);
  return key;
}

function valueKey(v: ValueNode): string {
  switch (v.kind) {
    case 'word':
      return `w${v.image.length}:${v.image}`;
    case 'string':
      return `s${v.value.length}:${v.value}`;
    case 'bang':
      return '!';
    case 'block':
      return '{';
  }
}

/** One memo per grammar version and strictness, so the key needs no string built per call. */
const matchClauseMemos = [new Map<GrammarVersion, Memo<MatchResult | undefined>>(), new Map<GrammarVersion, Memo<MatchResult | undefined>>()];
function matchClauseMemoFor(version: GrammarVersion, strict: boolean): Memo<MatchResult | undefined> {
  const byVersion = matchClauseMemos[strict ? 1 : 0];
  let memo = byVersion.get(version);
  if (!memo) byVersion.set(version, (memo = new Memo()));
  return memo;
}
const matchElementMemo = new Memo<MatchResult | undefined>();

/**
 * Match a clause's values against its shape in one version, for value checks: `complete` says whether the
 * version accepts them, `furthest`/`expected` say where and what it wanted. undefined for unknown clauses.
 * `strict` checks atoms as BIND's parser does (durations, port and integer ranges), not just their form.
 * `key`, when given, is clauseKey's for the same values (valuesKey's whenever the version's shape reads text).
 */
export function matchClause(context: string, name: string, args: readonly ValueNode[], version: GrammarVersion, strict = false, key?: string): MatchResult | undefined {
  const shape = clauseIn(context, name, version)?.shape;
  if (!shape) return undefined;
  // A shape that reads kinds only gives the same result (ends, expectations, block contexts) for the same kinds;
  // strictness only concerns atoms that read text. One context and name has one shape per version: no key mixes.
  const memoKey = readsKindsOnly(shape) ? kindsKey(args) : (key ?? valuesKey(args));
  const memo = matchClauseMemoFor(version, strict);
  const hit = memo.find(context, name, memoKey);
  if (hit !== MISSING) return hit;
  const byKey = memo.found!;
  return memo.put(byKey, memoKey, matchShape(shape, args, resolve, true, strict));
}

/** Match a list element (its first value included) against the list's element shapes in one version. */
export function matchElement(context: string, values: readonly ValueNode[], version: GrammarVersion, strict = false): MatchResult | undefined {
  return matchElementMemo.get(context, '', `${version}${strict ? '!' : ''}\u0001${valuesKey(values)}`, () => matchElementUncached(context, values, version, strict));
}

function matchElementUncached(context: string, values: readonly ValueNode[], version: GrammarVersion, strict: boolean): MatchResult | undefined {
  const shapes = listElementShapes(context, version);
  let best: MatchResult | undefined;
  for (const s of shapes) {
    const r = matchShape(s, values, resolve, true, strict);
    if (r.complete) return r;
    if (!best || r.furthest > best.furthest) best = r;
  }
  return best;
}

/** Looks a named shape up (SHAPES); pass it to shapeText to expand references. */
export { resolve as resolveShapeName };

// ---------------------------------------------------------------------------------------------------------
// What the model calls: lookupClause and clauseArgCount (and blockContexts for every block of a statement).

const infoCache = new Map<string, Map<string, ClauseInfo | null>>();

let knownNames: Map<string, string> | undefined;

/**
 * The catalogue's own copy of a clause name (a string of the grammar's source) when it knows the name in any
 * context, else the name itself. The model names its clauses with it: 100,000 clauses share a few dozen strings
 * (whose hashes are computed once, and which compare with the rules' literals by identity) instead of each holding
 * its own copy cut from the text.
 */
export function canonicalName(name: string): string {
  return (knownNames ?? namesKnown()).get(name) ?? name;
}

/**
 * The catalogue's own copy of `text` when it is a clause name as written (lower case: then it is its own lower-cased
 * form), else undefined: `canonicalName(text.toLowerCase())` without lower-casing (a copy of the text) when not needed.
 */
export function knownClauseName(text: string): string | undefined {
  if (!knownLowerNames) namesKnown();
  return knownLowerNames!.get(text);
}

/** The names of knownNames that are their own lower-cased form (all of them, but nothing relies on that). */
let knownLowerNames: Map<string, string> | undefined;

function namesKnown(): Map<string, string> {
  knownNames = new Map();
  knownLowerNames = new Map();
  for (const defs of t().clauses.values()) {
    for (const n of defs.keys()) {
      knownNames.set(n, n);
      if (n === n.toLowerCase()) knownLowerNames.set(n, n);
    }
  }
  return knownNames;
}

/** What a statement named `name` is in `context` (see ClauseInfo); undefined when the context does not know it. */
export function lookupClause(context: string, name: string): ClauseInfo | undefined {
  let byName = infoCache.get(context);
  if (!byName) infoCache.set(context, (byName = new Map()));
  const cached = byName.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let info: ClauseInfo | undefined;
  const def = clauseDef(context, name);
  if (def) info = { blockContext: def.blockContext, def };
  else if (isListContext(context)) {
    let blockContext: string | undefined;
    for (const s of listElementShapes(context)) blockContext ??= firstBlockContext(s, resolve);
    info = { blockContext, element: true };
  }
  byName.set(detachedString(name), info ?? null);
  return info;
}

interface Candidates {
  shapes: Shape[];
  element: boolean;
  /**
   * Every shape reads its values by kind only (word, quoted string, `!`, block; a word that is a placeholder),
   * never by their text: `zone "x" { ... }`, `file "db.x"`. Then the reach and the block contexts of a clause
   * depend on its values' kinds alone, and 20,000 zones share one answer instead of one each.
   */
  kindOnly: boolean;
}

const candidatesCache = new Map<string, Map<string, Candidates>>();
/** Per context: are its statements list elements (all names share the list's element shapes)? */
const elementContexts = new Map<string, boolean>();

/** The shapes a statement may have: the clause's shape in each version, or a list's element shapes. */
function candidateShapes(context: string, name: string): Candidates {
  let byName = candidatesCache.get(context);
  let element = elementContexts.get(context);
  if (!byName || element === undefined) {
    candidatesCache.set(context, (byName = new Map()));
    elementContexts.set(context, (element = !isMapContext(context) && isListContext(context)));
  }
  const key = element ? '' : name;
  let c = byName.get(key);
  if (!c) {
    const shapes: Shape[] = [];
    if (element) shapes.push(...listElementShapes(context));
    else {
      const def = clauseDef(context, name);
      for (const v of GRAMMAR_VERSIONS) {
        const s = def?.versions[v]?.shape;
        if (s && !shapes.includes(s)) shapes.push(s);
      }
    }
    byName.set(detachedString(key), (c = { shapes, element, kindOnly: !element && shapes.length > 0 && shapes.every((sh) => readsKindsOnly(sh)) }));
  }
  return c;
}

const kindsOnlyCache = new Map<Shape, boolean>();

/**
 * Does matching this shape look only at its values' kinds? Atoms that take any word or string, quoted strings,
 * raw-text blocks, `!` and blocks do (match.ts atomOk: a placeholder word passes for each but text and bang);
 * enums, keywords, numbers, durations, addresses and the like read the text.
 */
function readsKindsOnly(shape: Shape): boolean {
  let r = kindsOnlyCache.get(shape);
  if (r === undefined) kindsOnlyCache.set(shape, (r = kindsOnly(shape, new Set())));
  return r;
}

function kindsOnly(shape: Shape, visiting: Set<string>): boolean {
  switch (shape.kind) {
    case 'atom':
      return shape.atom === 'string' || shape.atom === 'qstring' || shape.atom === 'astring' || shape.atom === 'sstring' || shape.atom === 'text' || shape.atom === 'bang';
    case 'void':
    case 'list':
    case 'block':
      // A list or block is one value, matched by its kind; its statements are clauses of their own.
      return true;
    case 'opt':
    case 'note':
      return kindsOnly(shape.item, visiting);
    case 'seq':
    case 'alt':
    case 'any':
    case 'some':
      return shape.items.every((i) => kindsOnly(i, visiting));
    case 'spaced':
      return kindsOnly(shape.element, visiting);
    case 'ref': {
      // A reference back to a shape being decided adds no text check of its own.
      if (visiting.has(shape.ref)) return true;
      const target = resolve(shape.ref);
      visiting.add(shape.ref);
      const r = target === undefined || kindsOnly(target, visiting);
      visiting.delete(shape.ref);
      return r;
    }
    default:
      return false;
  }
}

/** The key of the values' kinds, for kind-only shapes: what atomOk and the block shapes can tell apart. */
function kindsKey(args: readonly ValueNode[]): string {
  let key = '';
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    key += v.kind === 'word' ? (v.image.charCodeAt(0) === 64 && PLACEHOLDER.test(v.image) ? 'p' : 'w') : v.kind === 'string' ? 's' : v.kind === 'bang' ? '!' : '{';
  }
  return key;
}

/** As match.ts reads a placeholder (`@PORT@`): a word that stands for any one value. */
const PLACEHOLDER = /^@[A-Za-z0-9_]+@$/;

/** The candidate value lists to match: the args, or in a list context the element's first value plus the args. */
function candidateValues(element: boolean, name: string, args: readonly ValueNode[], head?: ValueNode): Array<{ values: readonly ValueNode[]; skip: number }> {
  if (!element) return [{ values: args, skip: 0 }];
  if (head) return [{ values: [head, ...args], skip: 1 }];
  // Only the text of the first value is known: try it as a word, then as a quoted string.
  return [
    { values: [{ kind: 'word', image: name, start: -1, end: -1 }, ...args], skip: 1 },
    { values: [{ kind: 'string', image: JSON.stringify(name), value: name, terminated: true, start: -1, end: -1 }, ...args], skip: 1 },
  ];
}

/**
 * What the model asks of every statement named `name` in `context` (100,000 in a large file): its key, how far its
 * values reach, and with a block, its blocks' contexts; with the answers so far by key. One reader per context and
 * name, found with two lookups per clause, then one lookup per question (each question looked the context and the
 * name up again, and the clause's shapes to choose its key). The answers are shared: callers only read them.
 */
export class ClauseReader {
  private readonly argCounts = new Map<string, number | typeof NONE>();
  private readonly contexts = new Map<string, Array<string | undefined> | typeof NONE>();

  constructor(
    readonly context: string,
    readonly name: string,
    /** The clause's definition in the context (clauseDef; undefined in a list context or for an unknown name). */
    readonly def: ClauseDef | undefined,
    /** Every shape the clause may have reads kinds only (candidateShapes). */
    private readonly kindOnly: boolean,
  ) {}

  /**
   * The key the answers are remembered under: the values' kinds when every shape reads kinds only (20,000 zones
   * share one key, and no key holds a zone's name), else their kinds and texts (valuesKey).
   */
  key(args: readonly ValueNode[], head?: ValueNode): string {
    return head === undefined && this.kindOnly ? kindsKey(args) : valuesKey(args, head);
  }

  /** clauseArgCount; `key` is this reader's key of the same values and head. */
  argCount(args: readonly ValueNode[], head: ValueNode | undefined, key: string): number | undefined {
    const hit = this.argCounts.get(key);
    if (hit !== undefined) return hit === NONE ? undefined : hit;
    const count = clauseArgCountUncached(this.context, this.name, args, head);
    remember(this.argCounts, key, count);
    return count;
  }

  /** blockContexts; `key` as argCount's. */
  blockContexts(args: readonly ValueNode[], head: ValueNode | undefined, key: string): Array<string | undefined> | undefined {
    const hit = this.contexts.get(key);
    if (hit !== undefined) return hit === NONE ? undefined : hit;
    const contexts = blockContextsUncached(this.context, this.name, args, head);
    remember(this.contexts, key, contexts);
    return contexts;
  }
}

const readers = new Map<string, Map<string, ClauseReader>>();
/** Answers the readers hold, bounded as a Memo's: past MEMO_LIMIT every reader is dropped. */
let readerAnswers = 0;

function remember<T>(answers: Map<string, T | typeof NONE>, key: string, value: T | undefined): void {
  if (++readerAnswers > MEMO_LIMIT) {
    readers.clear();
    readerAnswers = 0;
  }
  // Keys are cut from (or built from slices of) a document: stored as copies, or they keep every version's text alive.
  answers.set(detachedString(key), value === undefined ? NONE : value);
}

/** The reader of statements named `name` in `context` (see ClauseReader). */
export function clauseReader(context: string, name: string): ClauseReader {
  let byName = readers.get(context);
  if (!byName) readers.set(context, (byName = new Map()));
  let reader = byName.get(name);
  if (!reader) {
    const own = detachedString(name);
    byName.set(own, (reader = new ClauseReader(context, own, clauseDef(context, name), candidateShapes(context, name).kindOnly)));
  }
  return reader;
}

/** The key clauseArgCount and blockContexts remember a clause's answers under (ClauseReader.key). */
export function clauseKey(context: string, name: string, args: readonly ValueNode[], head?: ValueNode): string {
  return clauseReader(context, name).key(args, head);
}

/**
 * How many of `args` (the values after the clause name) belong to the clause, when that is fewer than
 * args.length: the rest starts a new statement and a `;` is missing before it (named-checkconf: "missing ';'
 * before 'x'"). undefined when all of them can belong (in any version we carry) or the catalogue cannot tell.
 * In a list context the statement is a list element: its first value (`head` when given, else `name` as text)
 * and the args are matched against the list's element shapes; pass `head` for elements that start with `!`
 * or a block (name ''). `key`, when given, is clauseKey's for the same values.
 */
export function clauseArgCount(context: string, name: string, args: readonly ValueNode[], head?: ValueNode, key?: string): number | undefined {
  const reader = clauseReader(context, name);
  return reader.argCount(args, head, key ?? reader.key(args, head));
}

function clauseArgCountUncached(context: string, name: string, args: readonly ValueNode[], head?: ValueNode): number | undefined {
  const { shapes, element } = candidateShapes(context, name);
  if (shapes.length === 0 || (element && !head && name === '')) return undefined;
  let best: number | undefined;
  for (const { values, skip } of candidateValues(element, name, args, head)) {
    for (const shape of shapes) {
      const r = reach(shape, values, resolve);
      if (r.complete) return undefined;
      const n = r.longest - skip;
      if (r.longest >= 0 && n >= 0 && (best === undefined || n > best)) best = n;
    }
  }
  if (best !== undefined && !element) best = Math.max(best, readsOn(name, args));
  return best !== undefined && best < args.length ? best : undefined;
}

const QUERY_SOURCE_KEYWORDS: ReadonlySet<string> = new Set(['address', 'port', 'dscp', 'none']);

/**
 * How many values BIND's reader of a clause takes even where no reading accepts them, so that the clause fails
 * inside its value rather than at a missing `;` (0: none beyond the readings). parse_querysource
 * (lib/isccfg/namedconf.c) reads every word once the value starts with one of its keywords, and fails there:
 * "expected 'address' or 'port' near 'x'", "expected one address and/or port".
 */
function readsOn(name: string, args: readonly ValueNode[]): number {
  if (name !== 'query-source' && name !== 'query-source-v6') return 0;
  const first = args[0];
  if (first?.kind !== 'word' || !QUERY_SOURCE_KEYWORDS.has(first.image.toLowerCase())) return 0;
  let n = 0;
  while (n < args.length && (args[n].kind === 'word' || args[n].kind === 'string')) n++;
  return n;
}

/**
 * The context of every block value of a statement, from a reading of the shape that takes all the values:
 * `controls { inet * allow { any; } keys { k; }; }` gives 'aml' for the first block of `inet` and 'keys' for
 * the second. The result is aligned with `args`, or, for a list element passed with its `head`, with
 * `[head, ...args]` (an element that is itself a block, `{ 10/8; }` in an aml, gets the list's context).
 * undefined when no reading takes all the values (the statement is wrong or unknown). `key`: as clauseArgCount's.
 */
export function blockContexts(context: string, name: string, args: readonly ValueNode[], head?: ValueNode, key?: string): Array<string | undefined> | undefined {
  const reader = clauseReader(context, name);
  return reader.blockContexts(args, head, key ?? reader.key(args, head));
}

function blockContextsUncached(context: string, name: string, args: readonly ValueNode[], head?: ValueNode): Array<string | undefined> | undefined {
  const { shapes, element } = candidateShapes(context, name);
  for (const { values, skip } of candidateValues(element, name, args, head)) {
    for (const shape of shapes) {
      const r = matchShape(shape, values, resolve, false);
      if (r.complete && r.blockContexts) return head ? r.blockContexts : r.blockContexts.slice(skip);
    }
  }
  return undefined;
}

/**
 * Blocks where BIND does not require the last element's `;` before the `}`: the `keys { name }` of a server
 * statement (lib/isccfg/namedconf.c reads it with a special case). A parser complaint "missing ';' before '}'"
 * at the end of such a block is not an error for named.
 */
export function finalSemicolonOptional(context: string): boolean {
  return context === 'server-key';
}

/** Blocks BIND keeps as raw text (dyndb and plugin parameters, dnsrps-options): their content is not statements. */
export function isRawTextContext(context: string): boolean {
  return context === 'text';
}
