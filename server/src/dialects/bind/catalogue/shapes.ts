// The shape language: how the values after a named.conf clause name are laid out, as plain data.
// A shape is a small tree of atoms (one value), keywords, sequences, options, alternatives and blocks; it is
// what BIND's lib/isccfg parser accepts for a clause, restated so we can match it against our generic tree.

/** BIND releases a user can target. 9.18 is Debian 12's and the default. */
export type BindVersion = '9.18' | '9.20';
/** The grammars we carry: the releases plus BIND's development branch ('main', 9.21.x), which the corpus comes from. */
export type GrammarVersion = BindVersion | 'main';

export const BIND_VERSIONS: readonly BindVersion[] = ['9.18', '9.20'];
export const GRAMMAR_VERSIONS: readonly GrammarVersion[] = ['9.18', '9.20', 'main'];
export const DEFAULT_BIND_VERSION: BindVersion = '9.18';

/**
 * How BIND treats a clause (or a keyword inside a value) in one version:
 * - active: accepted silently;
 * - deprecated: accepted with "option 'x' is deprecated" (will go away);
 * - obsolete: accepted with "option 'x' is obsolete and should be removed" (ignored);
 * - ancient: refused, "option 'x' no longer exists" (named does not start);
 * - experimental: accepted with "option 'x' is experimental and subject to change";
 * - test-only: accepted, meant for BIND's own tests;
 * - builtin-only: only allowed in BIND's built-in configuration.
 */
export type ClauseStatus = 'active' | 'deprecated' | 'obsolete' | 'ancient' | 'experimental' | 'test-only' | 'builtin-only';

/** Optional build features a clause needs (named: "option 'x' was not enabled at compile time" without them). */
export type BuildFeature = 'dnstap' | 'geoip' | 'lmdb' | 'doh' | 'dnsrps' | 'stats' | 'tls-ciphersuites';

/** Build features of Debian 12's bind9 package (`named -V`: dnstap, maxminddb, lmdb, nghttp2, libxml2/json-c; no DNSRPS). */
export const DEBIAN12_BUILD: ReadonlySet<BuildFeature> = new Set<BuildFeature>(['dnstap', 'geoip', 'lmdb', 'doh', 'stats', 'tls-ciphersuites']);

/** Status and other notes attached to a clause or to one keyword of a value. */
export interface Flags {
  status: ClauseStatus;
  /** May appear more than once in its block (BIND's CFG_CLAUSEFLAG_MULTI). */
  multi: boolean;
  /** Left out of BIND's documentation (aliases such as `masters`, internal knobs). */
  nodoc: boolean;
  /** Needs this build feature. */
  build?: BuildFeature;
  /** Zone types (zone context only) where the clause is allowed. */
  zoneTypes?: readonly ZoneType[];
}

export type ZoneType = 'primary' | 'secondary' | 'mirror' | 'stub' | 'static-stub' | 'hint' | 'forward' | 'redirect' | 'delegation-only' | 'in-view';

/**
 * One value:
 * - string: an unquoted word (BIND's ustring; keywords, algorithm names);
 * - qstring: a quoted string (file names, paths);
 * - astring: a word or a quoted string (names of zones, keys, ACLs);
 * - sstring: an astring that is a secret (hidden by `named-checkconf -x`);
 * - uint32: a non-negative integer; port: an integer 0..65535;
 * - boolean: yes/no/true/false/1/0;
 * - duration: a TTL-style (1w2d) or ISO 8601 (P1D) duration; size: an integer with an optional k/m/g unit;
 * - percentage: N%; fixedpoint: a decimal with up to 2 fraction digits;
 * - netprefix: an IPv4/IPv6 address with an optional /length;
 * - text: a braced block BIND keeps as raw text (dyndb and plugin parameters);
 * - bang: the `!` that negates an address match list element.
 */
export type Atom = 'string' | 'qstring' | 'astring' | 'sstring' | 'uint32' | 'port' | 'boolean' | 'duration' | 'size' | 'percentage' | 'fixedpoint' | 'netprefix' | 'text' | 'bang';

export type Shape =
  | { readonly kind: 'atom'; readonly atom: Atom }
  /** No value at all (the logging channel's `null;`). */
  | { readonly kind: 'void' }
  /** One of the words (case-insensitive), or else the `or` shape (BIND's "enum or other"). */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly or?: Shape }
  /** A keyword followed by its value: `port 53`. */
  | { readonly kind: 'kw'; readonly kw: string; readonly value: Shape; readonly note?: Partial<Flags> }
  | { readonly kind: 'opt'; readonly item: Shape }
  | { readonly kind: 'seq'; readonly items: readonly Shape[] }
  /** Each item at most once, in any order, all optional (`[ port N ] [ tls X ]` in any order). */
  | { readonly kind: 'any'; readonly items: readonly Shape[] }
  /** Like `any`, but at least one item (query-source). */
  | { readonly kind: 'some'; readonly items: readonly Shape[] }
  | { readonly kind: 'alt'; readonly items: readonly Shape[] }
  /** `{ element; element; ... }`: a braced list whose statements are elements of the list context `context`. */
  | { readonly kind: 'list'; readonly context: string; readonly element: Shape }
  /** Elements separated by spaces up to the `;` (the record types of an update-policy grant). */
  | { readonly kind: 'spaced'; readonly element: Shape }
  /** `{ clause; clause; ... }`: a braced block holding the clauses of the map context `context`. */
  | { readonly kind: 'block'; readonly context: string }
  /** An IP address; with `port`, `dscp`, `tls` it is a socket address that may be followed by those keywords. */
  | { readonly kind: 'addr'; readonly v4: boolean; readonly v6: boolean; readonly wild: boolean; readonly port: 'no' | 'ok' | 'deprecated'; readonly dscp: boolean; readonly tls: boolean }
  /** A named shape of SHAPES (the address match list element refers to itself). */
  | { readonly kind: 'ref'; readonly ref: string }
  /** A status note on a positional item. */
  | { readonly kind: 'note'; readonly note: Partial<Flags>; readonly item: Shape };

/** Parses "multi deprecated build=doh zone=primary,secondary" (the notation of grammar.ts). */
export function parseFlags(text: string): Partial<Flags> & { optional?: boolean } {
  const out: Partial<Flags> & { optional?: boolean; zoneTypes?: ZoneType[] } = {};
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (word === 'multi') out.multi = true;
    else if (word === 'nodoc') out.nodoc = true;
    else if (word === 'optional') out.optional = true;
    else if (word === 'not-configured') continue;
    else if (word.startsWith('build=')) out.build = word.slice(6) as BuildFeature;
    else if (word.startsWith('zone=')) out.zoneTypes = word.slice(5).split(',') as ZoneType[];
    else if (['deprecated', 'obsolete', 'ancient', 'experimental', 'test-only', 'builtin-only'].includes(word)) out.status = word as ClauseStatus;
    else throw new Error(`catalogue: unknown flag '${word}'`);
  }
  return out;
}

// Constructors used by grammar.ts.
export const atom = (a: Atom): Shape => ({ kind: 'atom', atom: a });
export const VOID: Shape = { kind: 'void' };
export const oneOf = (values: readonly string[], or?: Shape): Shape => (or ? { kind: 'enum', values, or } : { kind: 'enum', values });
export const kw = (keyword: string, value: Shape, note?: string): Shape => (note ? { kind: 'kw', kw: keyword, value, note: parseFlags(note) } : { kind: 'kw', kw: keyword, value });
export const opt = (item: Shape): Shape => ({ kind: 'opt', item });
export const seq = (...items: Shape[]): Shape => ({ kind: 'seq', items });
export const anyOrder = (...items: Shape[]): Shape => ({ kind: 'any', items });
export const someOf = (...items: Shape[]): Shape => ({ kind: 'some', items });
export const alt = (...items: Shape[]): Shape => ({ kind: 'alt', items });
export const list = (context: string, element: Shape): Shape => ({ kind: 'list', context, element });
export const spaced = (element: Shape): Shape => ({ kind: 'spaced', element });
export const block = (context: string): Shape => ({ kind: 'block', context });
export const ref = (name: string): Shape => ({ kind: 'ref', ref: name });
export const note = (flags: string, item: Shape): Shape => ({ kind: 'note', note: parseFlags(flags), item });
/** addr('v4 v6 wild port dscp tls'); 'port(deprecated)' = a port is accepted with a deprecation warning. */
export function addr(spec: string): Shape {
  const f = new Set(spec.split(' '));
  return {
    kind: 'addr',
    v4: f.has('v4'),
    v6: f.has('v6'),
    wild: f.has('wild'),
    port: f.has('port') ? 'ok' : f.has('port(deprecated)') ? 'deprecated' : 'no',
    dscp: f.has('dscp'),
    tls: f.has('tls'),
  };
}

const ATOM_TEXT: Record<Atom, string> = {
  string: '<string>',
  qstring: '<quoted_string>',
  astring: '<string>',
  sstring: '<string>',
  uint32: '<integer>',
  port: '<port>',
  boolean: '<boolean>',
  duration: '<duration>',
  size: '<size>',
  percentage: '<percentage>',
  fixedpoint: '<fixedpoint>',
  netprefix: '<netprefix>',
  text: '{ <unspecified-text> }',
  bang: '!',
};

/**
 * A one-line grammar in the style of BIND's reference manual, e.g.
 * `[ port <integer> ] [ tls <string> ] { <address_match_element>; ... }`. `resolve` looks up named shapes.
 * Keywords BIND leaves out of its documentation (`nodoc`, such as listen-on's obsolete `dscp`) are left out.
 */
export function shapeText(shape: Shape, resolve?: (name: string) => Shape | undefined, depth = 0): string {
  const t = (s: Shape) => shapeText(s, resolve, depth + 1);
  switch (shape.kind) {
    case 'atom':
      return ATOM_TEXT[shape.atom];
    case 'void':
      return '';
    case 'enum': {
      const words = [...shape.values, ...(shape.or ? [t(shape.or)] : [])];
      return words.length === 1 ? words[0] : `( ${words.join(' | ')} )`;
    }
    case 'kw': {
      if (shape.note?.nodoc) return '';
      const v = t(shape.value);
      return v ? `${shape.kw} ${v}` : shape.kw;
    }
    case 'opt': {
      const inner = t(shape.item);
      return inner ? `[ ${inner} ]` : '';
    }
    case 'seq':
      return shape.items.map(t).filter(Boolean).join(' ');
    case 'any':
      return shape.items
        .map(t)
        .filter(Boolean)
        .map((i) => `[ ${i} ]`)
        .join(' ');
    case 'some':
      return `( ${shape.items.map(t).join(' | ')} ) ...`;
    case 'alt':
      return `( ${shape.items.map(t).join(' | ')} )`;
    case 'list':
      return `{ ${t(shape.element)}; ... }`;
    case 'spaced':
      return `[ ${t(shape.element)} ... ]`;
    case 'block':
      return `{ <${shape.context} clauses> }`;
    case 'addr': {
      const fam = shape.v4 && shape.v6 ? ['<ipv4_address>', '<ipv6_address>'] : shape.v4 ? ['<ipv4_address>'] : ['<ipv6_address>'];
      if (shape.wild) fam.push('*');
      let s = fam.length === 1 ? fam[0] : `( ${fam.join(' | ')} )`;
      if (shape.port !== 'no') s += shape.wild ? ' [ port ( <integer> | * ) ]' : ' [ port <integer> ]';
      if (shape.dscp) s += ' [ dscp <integer> ]';
      if (shape.tls) s += ' [ tls <string> ]';
      return s;
    }
    case 'ref': {
      if (shape.ref === 'aml-element') return '<address_match_element>';
      const r = depth < 8 ? resolve?.(shape.ref) : undefined;
      return r ? t(r) : `<${shape.ref}>`;
    }
    case 'note':
      return t(shape.item);
  }
}

/** Calls `visit` on every node of the shape (not through refs). */
export function walkShape(shape: Shape, visit: (s: Shape) => void): void {
  visit(shape);
  switch (shape.kind) {
    case 'enum':
      if (shape.or) walkShape(shape.or, visit);
      break;
    case 'kw':
      walkShape(shape.value, visit);
      break;
    case 'opt':
    case 'note':
      walkShape(shape.item, visit);
      break;
    case 'seq':
    case 'any':
    case 'some':
    case 'alt':
      for (const i of shape.items) walkShape(i, visit);
      break;
    case 'list':
    case 'spaced':
      walkShape(shape.element, visit);
      break;
    default:
      break;
  }
}

/**
 * The context of the first braced block a value of this shape can hold: a map context for `block`, the list
 * context for `list`, 'text' for raw text. This is what the model uses for a clause's (first) block.
 */
export function firstBlockContext(shape: Shape, resolve?: (name: string) => Shape | undefined): string | undefined {
  let found: string | undefined;
  const visit = (s: Shape, depth: number): void => {
    if (found !== undefined || depth > 8) return;
    switch (s.kind) {
      case 'block':
      case 'list':
        found = s.context;
        return;
      case 'atom':
        if (s.atom === 'text') found = 'text';
        return;
      case 'ref': {
        const r = resolve?.(s.ref);
        if (r) visit(r, depth + 1);
        return;
      }
      case 'enum':
        if (s.or) visit(s.or, depth);
        return;
      case 'kw':
        visit(s.value, depth);
        return;
      case 'opt':
      case 'note':
        visit(s.item, depth);
        return;
      case 'seq':
      case 'any':
      case 'some':
      case 'alt':
        for (const i of s.items) visit(i, depth);
        return;
      case 'spaced':
        visit(s.element, depth);
        return;
      default:
        return;
    }
  };
  visit(shape, 0);
  return found;
}
