// Hover and completion for named.conf: clause docs by name and context, the predefined ACLs, argument keywords.
import type { BlockNode, StringNode, ValueNode, WordNode } from '../../../../grammars/bind/cst';
import { textOf } from '../../../../grammars/bind/cst';
import type { CompletionEntry, HoverDoc } from '../../core/types';
import {
  ARM_918,
  PREDEFINED_ACLS,
  STATEMENT_CONTEXTS,
  clausesFor,
  docFor,
  normalizeContext,
  type ResolvedDoc,
} from './docs';
import { definitionsByName, type BindNameKind } from './navigation';
import type { BindModel, Clause } from './model';
import { clauseDef, listElementShapes, resolveShapeName, type ClauseStatus, type Flags, type GrammarVersion, type Shape } from './catalogue';
import { grammarOf, zoneTypeOf } from './semantics';

type TextNode = WordNode | StringNode;

interface Hit {
  node: TextNode;
  clause: Clause;
  /** The clause's name token, or one of its values. */
  role: 'name' | 'arg';
  /** The value sits inside a brace block of the clause that is not one of its child clauses. */
  nested: boolean;
}

const covers = (n: { start: number; end: number }, offset: number): boolean => n.start <= offset && offset < n.end;

/** Where a block ends for containment tests: its closing brace; an unclosed block runs to the end of the file. */
function blockLimit(b: BlockNode): number {
  return b.close >= 0 ? b.close : Number.MAX_SAFE_INTEGER;
}

function clauseEnd(c: Clause): number {
  return Math.max(c.span.end, ...c.args.map((a) => a.end));
}

function findValue(values: readonly ValueNode[], offset: number, nested: boolean): { node: TextNode; nested: boolean } | undefined {
  for (const v of values) {
    if (v.kind === 'word' || v.kind === 'string') {
      if (covers(v, offset)) return { node: v, nested };
    } else if (v.kind === 'block' && v.start <= offset && offset <= v.end) {
      for (const st of v.statements) {
        const hit = findValue(st.values, offset, true);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

function locate(clauses: readonly Clause[], offset: number): Hit | undefined {
  for (const c of clauses) {
    if (offset < c.span.start || offset > clauseEnd(c)) continue;
    if (c.nameNode && covers(c.nameNode, offset)) return { node: c.nameNode, clause: c, role: 'name', nested: false };
    const inChild = locate(c.children, offset);
    if (inChild) return inChild;
    // Values of the clause: children already cover its first block, so a hit inside that block found here is
    // a token the model did not turn into a clause (a nested list element).
    const v = findValue(c.args, offset, false);
    if (v) return { node: v.node, clause: c, role: 'arg', nested: v.nested };
  }
  return undefined;
}

/** The contexts to look a clause's doc up in, most specific first. */
function candidateContexts(c: Clause): string[] {
  const fromParent = c.parent ? c.parent.name : 'top';
  const out: string[] = [];
  for (const ctx of [c.context, fromParent].map(normalizeContext)) if (ctx && !out.includes(ctx)) out.push(ctx);
  return out;
}

/** True when the clause is an element of an address (or other) list rather than a statement in a block. */
function inList(c: Clause): boolean {
  return !candidateContexts(c).some((ctx) => STATEMENT_CONTEXTS.has(ctx));
}

/** The doc for a clause: valid in one of its contexts if possible, else the generic one flagged as misplaced. */
function clauseDoc(c: Clause): ResolvedDoc | undefined {
  if (!c.name || inList(c)) return undefined;
  const ctxs = candidateContexts(c).filter((ctx) => STATEMENT_CONTEXTS.has(ctx));
  let fallback: ResolvedDoc | undefined;
  for (const ctx of ctxs) {
    const d = docFor(c.name, ctx);
    if (!d) return undefined;
    if (d.validHere) return d;
    fallback ??= d;
  }
  return fallback;
}

function contextLabel(ctx: string): string {
  return ctx === 'top' ? 'top level' : ctx;
}

function linkLabel(url: string): string {
  if (url.includes('/v9.20/')) return 'BIND 9.20 reference';
  if (url.includes('/latest/')) return 'BIND reference (development version)';
  return 'BIND 9.18 reference';
}

/** The body shared by hover and completion documentation (everything after the title line). */
function renderBody(d: ResolvedDoc): string {
  const parts: string[] = [];
  if (!d.validHere) {
    parts.push(`⚠ Not valid in \`${d.context}\`; BIND accepts it in: ${d.contexts.map(contextLabel).join(', ')}.`);
  }
  parts.push('```bind-named\n' + d.syntax + '\n```');
  parts.push(d.description);
  if (d.default) parts.push(`**Default:** ${d.default}`);
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  if (d.versions) parts.push(`**Versions:** ${d.versions}`);
  parts.push(`[${linkLabel(d.link)}](${d.link})`);
  return parts.join('\n\n');
}

export function renderClauseDoc(d: ResolvedDoc): string {
  return `**${d.name}** — ${d.contexts.map(contextLabel).join(', ')}\n\n${renderBody(d)}`;
}

function renderAcl(name: string): string {
  const a = PREDEFINED_ACLS[name];
  const link = `${ARM_918}#namedconf-statement-acl`;
  return [
    `**${name}** — predefined address match list`,
    a.description,
    `**IPv6:** ${a.ipv6}`,
    `[${linkLabel(link)}](${link})`,
  ].join('\n\n');
}

function renderKeyword(word: string, meaning: string, owner: ResolvedDoc): string {
  return [
    `**${word}** — argument of \`${owner.name}\` (${contextLabel(owner.context)})`,
    meaning,
    '```bind-named\n' + owner.syntax + '\n```',
    `[${linkLabel(owner.link)}](${owner.link})`,
  ].join('\n\n');
}

function predefinedAcl(node: TextNode): string | undefined {
  const name = (textOf(node) ?? '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(PREDEFINED_ACLS, name) ? name : undefined;
}

export function bindHover(model: BindModel, _text: string, offset: number): HoverDoc | undefined {
  const hit = locate(model.clauses, offset);
  if (!hit) return undefined;
  const span = { start: hit.node.start, end: hit.node.end };
  const acl = predefinedAcl(hit.node);

  if (hit.role === 'name') {
    if (inList(hit.clause)) return acl ? { markdown: renderAcl(acl), span } : undefined;
    const d = clauseDoc(hit.clause);
    return d ? { markdown: renderClauseDoc(d), span } : undefined;
  }

  // A value: an element of a list (`{ localhost; }`, `! localnets`), or a keyword among the clause's arguments.
  if (hit.nested || hit.clause.name === '' || inList(hit.clause)) {
    return acl ? { markdown: renderAcl(acl), span } : undefined;
  }
  const owner = clauseDoc(hit.clause);
  const word = (textOf(hit.node) ?? '').toLowerCase();
  if (owner?.keywords && hit.node.kind === 'word' && Object.prototype.hasOwnProperty.call(owner.keywords, word)) {
    return { markdown: renderKeyword(word, owner.keywords[word], owner), span };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ completion

interface Enclosing {
  /** The clause whose brace block holds the offset (undefined at top level). */
  owner?: Clause;
  /** True when the offset is in owner's first block (whose statements are owner.children). */
  inFirstBlock: boolean;
}

function enclosing(clauses: readonly Clause[], offset: number, outer: Enclosing): Enclosing {
  for (const c of clauses) {
    for (const a of c.args) {
      if (a.kind !== 'block' || !(a.start < offset && offset <= blockLimit(a))) continue;
      if (a === c.block) return enclosing(c.children, offset, { owner: c, inFirstBlock: true });
      return { owner: c, inFirstBlock: false };
    }
  }
  return outer;
}

/** The context of the statements inside a clause's block, named as docs.ts names contexts. */
function blockContext(owner: Clause | undefined): string {
  if (!owner) return 'top';
  return normalizeContext(owner.name);
}

function completionDoc(d: ResolvedDoc): string {
  return renderBody(d);
}

/**
 * Statuses whose clauses and keywords completion leaves out: named refuses them (ancient) or says they do nothing and
 * should go (obsolete); the rest are not for users. Deprecated ones still work: they are offered, tagged deprecated.
 */
const HIDDEN_STATUS: ReadonlySet<ClauseStatus> = new Set<ClauseStatus>(['ancient', 'obsolete', 'test-only', 'builtin-only']);

/** How completion offers a word: as current, tagged deprecated, or not at all. Ordered: the stricter one wins. */
const Offer = { Current: 0, Deprecated: 1, Hidden: 2 } as const;
type Offer = (typeof Offer)[keyof typeof Offer];

/** The offer a catalogue note (status, nodoc) makes for the words under it. */
function noteOffer(note: Partial<Flags> | undefined, nodocHides: boolean): Offer {
  if (!note) return Offer.Current;
  if (HIDDEN_STATUS.has(note.status ?? 'active') || (nodocHides && note.nodoc)) return Offer.Hidden;
  return note.status === 'deprecated' ? Offer.Deprecated : Offer.Current;
}

/**
 * Clause names that are old spellings of a current one (bind/deprecated-syntax): `masters` of `primaries`, and from
 * 9.20 on the top-level `primaries` list of `remote-servers`. The catalogue has them active (named reads them silently).
 */
function oldClauseName(name: string, catalogueCtx: string, version: GrammarVersion): boolean {
  return name === 'masters' || (name === 'primaries' && catalogueCtx === 'top' && version !== '9.18');
}

/**
 * May completion offer a documented clause in this block for this version? Not when the catalogue knows the clause
 * there but the version does not (`template` before 9.21), warns about it or refuses it, or the zone's type does
 * not take it (named-checkconf: "option 'multi-master' is not allowed in 'primary' zone"). A name the catalogue
 * does not know in that context at all stays (the docs and the catalogue may name a context differently).
 */
function offered(name: string, catalogueCtx: string, version: GrammarVersion, owner: Clause | undefined): Offer {
  const def = clauseDef(catalogueCtx, name);
  if (!def) return Offer.Current;
  const cv = def.versions[version];
  if (!cv || HIDDEN_STATUS.has(cv.status)) return Offer.Hidden;
  if (cv.zoneTypes && owner && catalogueCtx === 'zone' && owner.name === 'zone') {
    const type = zoneTypeOf(owner);
    if (type && !cv.zoneTypes.includes(type)) return Offer.Hidden;
  }
  return cv.status === 'deprecated' || oldClauseName(name, catalogueCtx, version) ? Offer.Deprecated : Offer.Current;
}

function clauseCompletions(ctx: string, catalogueCtx: string, version: GrammarVersion, owner: Clause | undefined): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const name of clausesFor(ctx)) {
    const offer = offered(name, catalogueCtx, version, owner);
    if (offer === Offer.Hidden) continue;
    const d = docFor(name, ctx)!;
    const entry: CompletionEntry = {
      label: name,
      kind: 'property',
      detail: d.syntax.split('\n')[0],
      documentation: completionDoc(d),
    };
    if (d.snippet) entry.snippet = d.snippet;
    if (offer === Offer.Deprecated) entry.deprecated = true;
    out.push(entry);
  }
  return out;
}

/** Names the file defines, of one kind (acl, key, primaries, dnssec-policy ...), as completion values. */
function definedNames(model: BindModel, kind: BindNameKind, label = (n: string) => n): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const d of definitionsByName(model).values()) {
    if (d.kind === kind) out.push({ label: label(d.name), kind: 'value', detail: `${kind} defined in this file` });
  }
  return out;
}

function aclCompletions(model: BindModel): CompletionEntry[] {
  const out: CompletionEntry[] = Object.keys(PREDEFINED_ACLS).map((name) => ({
    label: name,
    kind: 'value',
    detail: 'predefined ACL',
    documentation: `${PREDEFINED_ACLS[name].description}\n\n**IPv6:** ${PREDEFINED_ACLS[name].ipv6}`,
  }));
  const seen = new Set(out.map((e) => e.label));
  for (const e of definedNames(model, 'acl')) if (!seen.has(e.label)) out.push(e);
  // An address match list also admits TSIG keys: `key "name";`.
  out.push(...definedNames(model, 'key', (n) => `key ${/^[A-Za-z0-9._-]+$/.test(n) ? n : JSON.stringify(n)}`));
  return out;
}

/** Lists of servers name primaries lists (primaries, masters, also-notify) or parental-agents lists, apart (named 9.18); `keys { }` names keys. */
const NAME_LISTS: Record<string, BindNameKind> = {
  primaries: 'primaries', masters: 'primaries', 'also-notify': 'primaries', 'parental-agents': 'parental-agents', 'remote-servers': 'primaries',
  keys: 'key',
};

/** Values after a clause name that name something the file (or BIND) defines. */
const NAME_ARGS: Record<string, { kind: BindNameKind; builtins: string[] }> = {
  'dnssec-policy': { kind: 'dnssec-policy', builtins: ['default', 'insecure', 'none'] },
};

/**
 * The clause (among those of the enclosing block) whose text the offset is in, if any. A clause without its `;`
 * yet (`type |` before the `}`) reaches the cursor when only blanks of the same line lie between them.
 */
function clauseAt(clauses: readonly Clause[], text: string, offset: number): Clause | undefined {
  return clauses.find((c) => {
    if (!(c.span.start < offset)) return false;
    if (c.semicolon >= 0) return offset <= c.semicolon;
    const end = clauseEnd(c);
    return offset <= end || blanksBetween(text, end, offset);
  });
}

/** Only spaces and tabs from `from` up to `to` (stops at the first other character: no copy of the text). */
function blanksBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** The values of a clause wholly before the cursor: a word the cursor touches is the one being typed. */
function valuesBefore(values: readonly ValueNode[], offset: number): ValueNode[] {
  const out: ValueNode[] = [];
  for (const v of values) {
    if (!(v.end < offset || (v.kind === 'block' && v.end <= offset))) break;
    out.push(v);
  }
  return out;
}

/**
 * Enum words completion tags deprecated: synonyms and deprecated forms that the catalogue's enums do not flag. `master`,
 * `slave` and `master-only` are the old names of `primary`, `secondary` and `primary-only` (zone types, check-names,
 * notify; BIND still reads them); 9.18's named-checkconf says "'type delegation-only' is deprecated" (gone in 9.20).
 */
const OLD_NAMES = ['master', 'slave', 'master-only'];
const OLD_WORDS: Record<string, ReadonlySet<string>> = {
  type: new Set([...OLD_NAMES, 'delegation-only']),
};
const OLD_ANYWHERE: ReadonlySet<string> = new Set(OLD_NAMES);

const BOOLEAN_WORDS = new Set(['yes', 'no', 'true', 'false', '1', '0']);
const NUMBER = /^(?:0x[0-9a-f]+|[0-9]+)$/i;

interface Expect {
  values: readonly ValueNode[];
  /** Words the shape takes at values.length, in the order met. */
  words: string[];
  /** Those of words met only in a deprecated form (under a deprecated note, or in `old`). */
  deprecated: Set<string>;
  old: ReadonlySet<string>;
  depth: number;
}

function wordOf(v: ValueNode | undefined): string | undefined {
  return v?.kind === 'word' ? v.image.toLowerCase() : undefined;
}

/** Loosely, does a value fit an atom (enough to follow a reading to the cursor; the rules judge values). */
function atomFits(atom: string, v: ValueNode): boolean {
  switch (atom) {
    case 'qstring':
      return v.kind === 'string';
    case 'text':
      return v.kind === 'block';
    case 'bang':
      return v.kind === 'bang';
    case 'boolean':
      return BOOLEAN_WORDS.has(wordOf(v) ?? '');
    case 'uint32':
    case 'port':
      return v.kind === 'word' && NUMBER.test(v.image);
    default:
      return v.kind === 'word' || v.kind === 'string';
  }
}

/**
 * Reads the values with the shape from position i and returns where readings end; whenever a reading stands at the
 * cursor (values.length), adds the words the shape could take there: keywords, enum words, yes/no. Free-form
 * values (numbers, strings, addresses, blocks) add nothing. `offer` is Deprecated under a deprecated note, Hidden
 * under an obsolete one. A word met both ways (a current reading and a deprecated one) counts as current.
 */
function expectAt(x: Expect, shape: Shape, i: number, offer: Offer): number[] {
  const n = x.values.length;
  const add = (w: string, as = offer) => {
    if (as === Offer.Hidden) return;
    const old = as === Offer.Deprecated || x.old.has(w);
    if (!x.words.includes(w)) {
      x.words.push(w);
      if (old) x.deprecated.add(w);
    } else if (!old) x.deprecated.delete(w);
  };
  const v = x.values[i];
  switch (shape.kind) {
    case 'void':
      return [i];
    case 'atom':
      if (i === n) {
        if (shape.atom === 'boolean') ['yes', 'no'].forEach((w) => add(w));
        return [];
      }
      return atomFits(shape.atom, v) ? [i + 1] : [];
    case 'enum': {
      const out: number[] = [];
      if (i === n) shape.values.forEach((w) => add(w));
      else if (shape.values.includes(wordOf(v) ?? (v.kind === 'string' ? v.value.toLowerCase() : ''))) out.push(i + 1);
      if (shape.or) out.push(...expectAt(x, shape.or, i, offer));
      return out;
    }
    case 'kw': {
      const under = Math.max(offer, noteOffer(shape.note, true)) as Offer;
      if (i === n) {
        add(shape.kw, under);
        return [];
      }
      return wordOf(v) === shape.kw ? expectAt(x, shape.value, i + 1, under) : [];
    }
    case 'opt':
      return [i, ...expectAt(x, shape.item, i, offer)];
    case 'note':
      return expectAt(x, shape.item, i, Math.max(offer, noteOffer(shape.note, false)) as Offer);
    case 'seq': {
      let at = [i];
      for (const item of shape.items) {
        const next = new Set<number>();
        for (const p of at) for (const e of expectAt(x, item, p, offer)) next.add(e);
        at = [...next];
        if (at.length === 0) break;
      }
      return at;
    }
    case 'alt':
      return shape.items.flatMap((item) => expectAt(x, item, i, offer));
    case 'any':
    case 'some': {
      const ends = new Set<number>(shape.kind === 'any' ? [i] : []);
      const seen = new Set<string>();
      const walk = (pos: number, used: number) => {
        if (seen.has(`${pos}/${used}`)) return;
        seen.add(`${pos}/${used}`);
        shape.items.forEach((item, bit) => {
          if (used & (1 << bit)) return;
          for (const e of expectAt(x, item, pos, offer)) {
            if (e === pos) continue;
            ends.add(e);
            walk(e, used | (1 << bit));
          }
        });
      };
      walk(i, 0);
      return [...ends];
    }
    case 'spaced': {
      const ends = new Set<number>([i]);
      let frontier = [i];
      while (frontier.length) {
        const next: number[] = [];
        for (const p of frontier) for (const e of expectAt(x, shape.element, p, offer)) if (e > p && !ends.has(e)) (ends.add(e), next.push(e));
        frontier = next;
      }
      return [...ends];
    }
    case 'list':
    case 'block':
      return i < n && v.kind === 'block' ? [i + 1] : [];
    case 'addr': {
      if (i === n || !(v.kind === 'word')) return [];
      // After the address, BIND reads `port N`, `dscp N`, `tls NAME` where the shape allows them.
      const suffix: Shape[] = [];
      if (shape.port !== 'no') suffix.push({ kind: 'kw', kw: 'port', value: { kind: 'atom', atom: 'port' }, note: shape.port === 'deprecated' ? { status: 'deprecated' } : undefined });
      if (shape.dscp) suffix.push({ kind: 'kw', kw: 'dscp', value: { kind: 'atom', atom: 'uint32' }, note: { status: 'obsolete' } });
      if (shape.tls) suffix.push({ kind: 'kw', kw: 'tls', value: { kind: 'atom', atom: 'astring' } });
      return suffix.length ? expectAt(x, { kind: 'any', items: suffix }, i + 1, offer) : [i + 1];
    }
    case 'ref': {
      const r = resolveShapeName(shape.ref);
      if (!r || x.depth > 16) return [];
      x.depth++;
      const out = expectAt(x, r, i, offer);
      x.depth--;
      return out;
    }
  }
}

/** The words the shapes take after these values (none when the values do not fit them). */
function wordsAfter(shapes: readonly Shape[], values: readonly ValueNode[], old: ReadonlySet<string> = new Set()): { words: string[]; deprecated: ReadonlySet<string> } {
  const x: Expect = { values, words: [], deprecated: new Set(), old, depth: 0 };
  for (const s of shapes) expectAt(x, s, 0, Offer.Current);
  return { words: x.words, deprecated: x.deprecated };
}

/** The catalogue context of the clauses in a block: the context the model gave them, else the owner's block context. */
function catalogueContext(owner: Clause | undefined): string {
  if (!owner) return 'top';
  return owner.children[0]?.context ?? owner.def?.blockContext ?? normalizeContext(owner.name);
}

/**
 * Completion inside a list, past the first word of an element: the names `key` and `tls` take (`key k1`, an
 * address's `tls t`), else the keywords the element's shape takes there (`192.0.2.1 port`), never list names.
 */
function elementCompletions(model: BindModel, element: Clause, offset: number, version: GrammarVersion): CompletionEntry[] {
  const values = valuesBefore([element.nameNode!, ...element.args], offset);
  const last = values.length > 0 ? wordOf(values[values.length - 1]) : undefined;
  if (last === 'key') return definedNames(model, 'key');
  if (last === 'tls') return definedNames(model, 'tls');
  const { words, deprecated } = wordsAfter(listElementShapes(element.context, version), values, OLD_ANYWHERE);
  return words.map((label) => {
    const entry: CompletionEntry = { label, kind: 'keyword', detail: `${element.context} list element` };
    if (deprecated.has(label)) entry.deprecated = true;
    return entry;
  });
}

export function bindCompletions(model: BindModel, text: string, offset: number, target?: string): CompletionEntry[] {
  const version = grammarOf(target);
  const where = enclosing(model.clauses, offset, { owner: undefined, inFirstBlock: true });
  const ctx = blockContext(where.owner);

  if (where.owner && (!where.inFirstBlock || !STATEMENT_CONTEXTS.has(ctx) || inList(where.owner))) {
    // Past the first word of an element: what may follow it there (`key |` takes a key name).
    const element = clauseAt(where.owner.children, text, offset);
    if (element?.nameNode && offset > element.nameNode.end) return elementCompletions(model, element, offset, version);
    // Inside a list: offer ACL names where the list is an address match list.
    const ownerDoc = clauseDoc(where.owner);
    if (ownerDoc?.aml) return aclCompletions(model);
    // A dnssec-policy's `keys { csk ...; }` lists key roles, not the names of TSIG keys.
    const kind = where.owner.context === 'dnssec-policy' ? undefined : NAME_LISTS[where.owner.name];
    return kind ? definedNames(model, kind) : [];
  }

  const siblings = where.owner ? where.owner.children : model.clauses;
  const catalogueCtx = catalogueContext(where.owner);
  const current = clauseAt(siblings, text, offset);
  if (current && current.nameNode && offset > current.nameNode.end) {
    // Past the clause name: the names it may refer to, or the keywords its arguments can take.
    const named = NAME_ARGS[current.name];
    if (named && current.args.length <= 1) {
      const builtins = named.builtins.map((label): CompletionEntry => ({ label, kind: 'value', detail: `built-in ${named.kind}` }));
      return [...builtins, ...definedNames(model, named.kind)];
    }
    const d = clauseDoc(current);
    const def = clauseDef(current.context, current.name);
    let words: string[];
    let deprecated: ReadonlySet<string> = new Set();
    if (def) {
      // The catalogue's shape in the target version: nothing for a clause that version does not know.
      const shape = def.versions[version]?.shape;
      if (shape) ({ words, deprecated } = wordsAfter([shape], valuesBefore(current.args, offset), OLD_WORDS[current.name] ?? OLD_ANYWHERE));
      else words = [];
    } else {
      words = d?.keywords && current.args.every((a) => a.start >= offset || a.end === offset) ? Object.keys(d.keywords) : [];
    }
    return words.map((label): CompletionEntry => {
      const entry: CompletionEntry = { label, kind: 'keyword', detail: `${d?.name ?? current.name} argument` };
      const meaning = d?.keywords?.[label];
      if (meaning) entry.documentation = meaning;
      if (deprecated.has(label)) entry.deprecated = true;
      return entry;
    });
  }
  return clauseCompletions(ctx, catalogueCtx, version, where.owner);
}
