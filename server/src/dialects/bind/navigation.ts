// Names in named.conf and where they are defined and used (acl, key, primaries/masters lists, parental-agents
// lists, view, dnssec-policy, tls), and the paths a file points at (`include`, zone `file`): data for go to definition,
// find references, rename and document links, and for rules that resolve a named list. No I/O, no LSP.
import type { StringNode, ValueNode, WordNode } from '../../../../grammars/bind/cst';
import { textOf } from '../../../../grammars/bind/cst';
import { parseAddress } from '../../addresses';
import type { Edit, NameOccurrence, PathLink, Span } from '../../core/types';
import { amlElementOf, BUILTIN_ACLS, isAclReference, isRemoteListName } from './aml';
import type { BindModel, Clause } from './model';
import { clausesNamed, walkClauses } from './model';

export type BindNameKind = 'acl' | 'key' | 'primaries' | 'parental-agents' | 'view' | 'dnssec-policy' | 'tls';

export interface BindName {
  kind: BindNameKind;
  /** The name as written, without quotes. */
  name: string;
  /** The token (word or string, quotes included). */
  node: WordNode | StringNode;
  /** The name's text span (inside the quotes for a string). */
  span: Span;
  definition: boolean;
  /** For definitions: the defining clause. */
  clause?: Clause;
}

/** Names that BIND defines itself: never "defined" in a file, never renamed. */
const BUILTINS: Record<BindNameKind, readonly string[]> = {
  acl: BUILTIN_ACLS,
  key: [],
  primaries: [],
  'parental-agents': [],
  view: [],
  'dnssec-policy': ['default', 'insecure', 'none'],
  tls: ['ephemeral', 'none'],
};

/**
 * Top-level statements that define a name, by statement name. `masters` and `remote-servers` share one namespace
 * with `primaries`; `parental-agents` lists are a namespace of their own in BIND 9.18 (`primaries p` beside
 * `parental-agents p` loads; `primaries { p; }` finds only the first, a zone's `parental-agents { p; }` only the
 * second: "unable to find primaries list", "unable to find parental-agents list").
 */
const DEFINING: Record<string, BindNameKind> = {
  acl: 'acl',
  key: 'key',
  primaries: 'primaries',
  masters: 'primaries',
  'parental-agents': 'parental-agents',
  'remote-servers': 'primaries',
  view: 'view',
  'dnssec-policy': 'dnssec-policy',
  tls: 'tls',
};

/** List contexts whose bare-word elements name a remote-servers list. */
const REMOTE_LIST_CONTEXTS = new Set(['remote-servers']);

/**
 * The kind of list a remote-servers element names: a parental-agents list inside `parental-agents` (a zone's or
 * options' list, or a top-level parental-agents list nesting another), else a primaries list (`primaries`, `masters`,
 * `also-notify`, catalog zone `default-primaries`, a top-level primaries list nesting another).
 */
function remoteListKind(c: Clause): BindNameKind {
  for (let p = c.parent; p; p = p.parent) if (p.name === 'parental-agents') return 'parental-agents';
  return 'primaries';
}

/**
 * The only places named's grammar has `key <name>`: an address match list element and a remote-servers element
 * (`192.0.2.1 key k`). Elsewhere the word is something else: the KEY record type in update-policy
 * (`grant k subdomain example. KEY TXT;`), which is not a reference to a key named `TXT`.
 */
const KEY_KEYWORD_CONTEXTS = new Set(['aml', 'remote-servers']);

function nameSpan(node: WordNode | StringNode): Span {
  return node.kind === 'string' ? { start: node.start + 1, end: node.end - (node.terminated ? 1 : 0) } : { start: node.start, end: node.end };
}

function isNameNode(v: ValueNode | undefined): v is WordNode | StringNode {
  return !!v && (v.kind === 'word' || v.kind === 'string');
}

/**
 * The name as named compares it (named-checkconf 9.18): acl, primaries (masters), parental-agents and tls names
 * ignore case (`acl Trusted` answers `trusted`; `acl a` then `acl A` is "attempt to redefine acl 'A'"); key names are
 * domain names (`key K` and `key "k."` are both "already exists" after `key k`); view and dnssec-policy names are
 * exact (`view a` beside `view A` loads; `dnssec-policy pp` does not find `dnssec-policy Pp`, nor `Default` the
 * built-in `default`).
 */
export function foldName(kind: BindNameKind, name: string): string {
  if (kind === 'view' || kind === 'dnssec-policy') return name;
  const l = name.toLowerCase();
  return kind === 'key' && l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

function occurrence(kind: BindNameKind, node: WordNode | StringNode, definition: boolean, clause?: Clause): BindName | undefined {
  const name = textOf(node) ?? '';
  if (!name || (!definition && BUILTINS[kind].includes(foldName(kind, name)))) return undefined;
  return { kind, name, node, span: nameSpan(node), definition, clause };
}

/** Is this clause a definition of a named thing (`acl x { … }`, `key x { … }` also inside a view, `view x { … }`)? */
function definitionKind(c: Clause): BindNameKind | undefined {
  const kind = DEFINING[c.name];
  if (!kind || !c.block || !isNameNode(c.args[0])) return undefined;
  if (c.context === 'top') return kind;
  if (c.context === 'view' && (kind === 'key' || kind === 'acl' || kind === 'dnssec-policy' || kind === 'tls')) return kind;
  return undefined;
}

/** Every definition and reference of a name in the file, in document order. */
export function bindNames(model: BindModel): BindName[] {
  const out: BindName[] = [];
  const push = (n: BindName | undefined) => {
    if (n) out.push(n);
  };
  const seenStatements = new Set<unknown>();
  const everyClause = walkClauses(model.clauses);
  for (let ci = 0; ci < everyClause.length; ci++) {
    const c = everyClause[ci];
    const def = definitionKind(c);
    if (def) {
      push(occurrence(def, c.args[0] as WordNode | StringNode, true, c));
    }
    // The clause's own values (several clauses can share a statement after a missing ';': each takes its part).
    const values: ValueNode[] = c.nameNode ? [c.nameNode, ...c.args] : c.args;
    const first = c.statement.values[0];
    if (c.context === 'aml' && !seenStatements.has(c.statement)) {
      seenStatements.add(c.statement);
      // An address match list element: `name`, `!name` (`key name` is found by the keyword scan below).
      const el = amlElementOf(c.statement);
      if (isAclReference(el)) push(occurrence('acl', el.node as WordNode | StringNode, false));
    }
    if (REMOTE_LIST_CONTEXTS.has(c.context) && c.nameNode && c.nameNode === first && isRemoteListName(c.nameNode)) {
      // A remote-servers element that is not an address names a list (`primaries { upstream; };`).
      push(occurrence(remoteListKind(c), c.nameNode, false));
    }
    if (c.context === 'server-key' && c.nameNode) push(occurrence('key', c.nameNode, false));
    if (c.context === 'zone' && c.name === 'in-view' && isNameNode(c.args[0])) push(occurrence('view', c.args[0], false));
    if (c.name === 'dnssec-policy' && !def && c.context !== 'top' && isNameNode(c.args[0])) push(occurrence('dnssec-policy', c.args[0], false));
    if (c.name === 'keys' && c.context === 'server' && isNameNode(c.args[0])) push(occurrence('key', c.args[0], false));
    for (let i = 0; i < values.length - 1; i++) {
      const w = values[i];
      if (w.kind !== 'word') continue;
      const kw = w.image.toLowerCase();
      const next = values[i + 1];
      if (def && i === 0) continue;
      if (kw === 'key' && isNameNode(next)) {
        if (KEY_KEYWORD_CONTEXTS.has(c.context)) push(occurrence('key', next, false));
      } else if (kw === 'tls' && isNameNode(next)) push(occurrence('tls', next, false));
      else if (kw === 'keys' && next.kind === 'block' && c.context === 'controls') {
        // controls `inet … keys { k; }` and `unix … keys { k; }`: the elements are key names. Not the `keys { csk …; }`
        // of a dnssec-policy, whose elements start with a key role (csk, ksk, zsk), nor server `keys` (context server-key).
        for (const st of next.statements) if (isNameNode(st.values[0])) push(occurrence('key', st.values[0], false));
      }
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** Definitions by kind and name (the first one wins, as in BIND). Only the top level and views can define names. */
export function definitionsByName(model: BindModel): Map<string, BindName> {
  const map = new Map<string, BindName>();
  const visit = (clauses: readonly Clause[]) => {
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i];
      const kind = definitionKind(c);
      const n = kind && occurrence(kind, c.args[0] as WordNode | StringNode, true, c);
      if (n && !map.has(keyOf(n.kind, n.name))) map.set(keyOf(n.kind, n.name), n);
      if (c.name === 'view' && c.context === 'top') visit(c.children);
    }
  };
  visit(model.clauses);
  return map;
}

/** One key per name as named tells names apart (see foldName). */
export function keyOf(kind: BindNameKind, name: string): string {
  return `${kind}:${foldName(kind, name)}`;
}

/** The name occurrence at an offset (on its token, quotes included). */
export function nameAt(model: BindModel, offset: number): BindName | undefined {
  return bindNames(model).find((n) => n.node.start <= offset && offset <= n.node.end);
}

/** Every occurrence of the same name as `n` in the file (definitions and references). */
export function occurrencesOf(model: BindModel, kind: BindNameKind, name: string): BindName[] {
  const key = foldName(kind, name);
  return bindNames(model).filter((o) => o.kind === kind && foldName(kind, o.name) === key);
}

/** For the Dialect interface: the symbol at the offset, as core's NameOccurrence. */
export function toOccurrence(n: BindName): NameOccurrence {
  return { kind: n.kind, name: n.name, span: n.span, definition: n.definition };
}

/** The `directory` of the file's top-level options block, as written ('' or undefined when none). */
export function bindDirectory(model: BindModel): string | undefined {
  const directory = model.clauses.find((c) => c.name === 'options' && c.context === 'top')?.children.find((c) => c.name === 'directory');
  return textOf(directory?.args[0]);
}

/** Paths the file points at: `include "…"` anywhere, and `file "…"` in a zone. */
export function bindLinks(model: BindModel): PathLink[] {
  const out: PathLink[] = [];
  const dir = bindDirectory(model);
  // Only two names matter: the name index (built once per model, the rules use it too) spares a walk of every clause.
  const linkClauses = clausesNamed(model.clauses, (n) => n === 'include' || n === 'file');
  for (let i = 0; i < linkClauses.length; i++) {
    const c = linkClauses[i];
    const v = c.args[0];
    if (!v || v.kind !== 'string' || !v.value) continue;
    if (c.name === 'include') out.push({ span: nameSpan(v), target: v.value, kind: 'include', directory: dir || undefined });
    else if (c.name === 'file' && c.context === 'zone') out.push({ span: nameSpan(v), target: v.value, kind: 'file', directory: dir || undefined });
  }
  return out;
}

/** The `include` targets as workspace/includes.ts wants them. */
export function bindIncludes(model: BindModel): { target: string; span: Span }[] {
  return bindLinks(model)
    .filter((l) => l.kind === 'include')
    .map((l) => ({ target: l.target, span: l.span }));
}

/** Is `newName` usable as a bare word in named.conf, or does it need quotes? */
export function needsQuotes(newName: string): boolean {
  return !/^[A-Za-z0-9_.\-]+$/.test(newName);
}

export const BIND_NAME_KINDS: readonly BindNameKind[] = ['acl', 'key', 'primaries', 'parental-agents', 'view', 'dnssec-policy', 'tls'];

/** Dialect.nameAt */
export function bindNameAt(model: BindModel, _text: string, offset: number): NameOccurrence | undefined {
  const n = nameAt(model, offset);
  return n && toOccurrence(n);
}

/** Dialect.occurrences */
export function bindOccurrences(model: BindModel, _text: string, kind: string, name: string): NameOccurrence[] {
  return occurrencesOf(model, kind as BindNameKind, name).map(toOccurrence);
}

/** Dialect.renameEdit: a bare word stays bare when it can, else gets quotes; builtin names are refused. */
export function bindRenameEdit(text: string, o: NameOccurrence, newName: string): Edit | string {
  if (newName === '' || /["\\\r\n]/.test(newName)) return `'${newName}' cannot be a ${o.kind} name in named.conf`;
  if ((BUILTINS[o.kind as BindNameKind] ?? []).includes(foldName(o.kind as BindNameKind, newName))) return `'${newName}' is a built-in ${o.kind} name`;
  if (o.kind === 'acl' && parseAddress(newName)) return `'${newName}' looks like an address; named would not read it as an acl name`;
  const quoted = text[o.span.start - 1] === '"';
  return { start: o.span.start, end: o.span.end, newText: quoted || !needsQuotes(newName) ? newName : `"${newName}"` };
}
