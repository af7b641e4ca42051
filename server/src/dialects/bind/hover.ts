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

function clauseCompletions(ctx: string): CompletionEntry[] {
  return clausesFor(ctx).map((name) => {
    const d = docFor(name, ctx)!;
    const entry: CompletionEntry = {
      label: name,
      kind: 'property',
      detail: d.syntax.split('\n')[0],
      documentation: completionDoc(d),
    };
    if (d.snippet) entry.snippet = d.snippet;
    return entry;
  });
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

/** The clause (among those of the enclosing block) whose text the offset is in, if any. */
function clauseAt(clauses: readonly Clause[], offset: number): Clause | undefined {
  return clauses.find((c) => c.span.start < offset && offset <= (c.semicolon >= 0 ? c.semicolon : clauseEnd(c)));
}

export function bindCompletions(model: BindModel, _text: string, offset: number): CompletionEntry[] {
  const where = enclosing(model.clauses, offset, { owner: undefined, inFirstBlock: true });
  const ctx = blockContext(where.owner);

  if (where.owner && (!where.inFirstBlock || !STATEMENT_CONTEXTS.has(ctx) || inList(where.owner))) {
    // Inside a list: offer ACL names where the list is an address match list.
    const ownerDoc = clauseDoc(where.owner);
    if (ownerDoc?.aml) return aclCompletions(model);
    // A dnssec-policy's `keys { csk ...; }` lists key roles, not the names of TSIG keys.
    const kind = where.owner.context === 'dnssec-policy' ? undefined : NAME_LISTS[where.owner.name];
    return kind ? definedNames(model, kind) : [];
  }

  const siblings = where.owner ? where.owner.children : model.clauses;
  const current = clauseAt(siblings, offset);
  if (current && current.nameNode && offset > current.nameNode.end) {
    // Past the clause name: the names it may refer to, or the keywords its arguments can take.
    const named = NAME_ARGS[current.name];
    if (named && current.args.length <= 1) {
      const builtins = named.builtins.map((label): CompletionEntry => ({ label, kind: 'value', detail: `built-in ${named.kind}` }));
      return [...builtins, ...definedNames(model, named.kind)];
    }
    const d = clauseDoc(current);
    if (!d?.keywords) return [];
    return Object.entries(d.keywords).map(([label, meaning]) => ({ label, kind: 'keyword', detail: `${d.name} argument`, documentation: meaning }));
  }
  return clauseCompletions(ctx);
}
