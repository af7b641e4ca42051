// The typed view of a named.conf: clauses (name, arguments, children) built from the generic tree, with each
// clause's context resolved through the catalogue. Rules read this; they never see tokens.
import type { BindCst, BlockNode, StatementNode, StringNode, ValueNode, WordNode } from '../../../../grammars/bind/cst';
import type { SyntaxProblem } from '../../../../grammars/bind/parser';
import { itemsNamed, positionsByName } from '../../core/name-index';
import type { Span } from '../../core/types';
import { canonicalName, clauseReader, finalSemicolonOptional, isRawTextContext, knownClauseName, lookupClause, type ClauseDef } from './catalogue';

export interface Clause {
  /** Lower-case name: the text of the first value ('' when the statement starts with `!` or a block). */
  name: string;
  nameNode?: WordNode | StringNode;
  /** The values after the name, blocks included. */
  args: ValueNode[];
  /** The statement this clause came from (several clauses share one when a ';' was missing). */
  statement: StatementNode;
  /** From the clause's first value to its ';' (inclusive) or its last value. */
  span: Span;
  /** Offset of the terminating ';', or -1. */
  semicolon: number;
  /** The context the clause appears in: 'top', 'options', 'view', 'zone', 'aml', ... */
  context: string;
  /**
   * The catalogue's definition of the clause in its context (catalogue clauseDef of context and name; undefined in
   * a list context or for an unknown name): found once by the model, where five rules each looked it up per clause.
   */
  def: ClauseDef | undefined;
  parent?: Clause;
  /** Clauses of its blocks (all of them: `inet … allow { … } keys { … }`), each with its block's context. */
  children: Clause[];
  /** Its first block argument, if any. */
  block?: BlockNode;
  /** The catalogue's key for its values (ClauseReader.key of args and head): computed once, asked often. */
  argsKey: string;
  /** Answers derived from the (immutable) clause, kept on it rather than in WeakMaps, which cost the GC dearly. */
  memo?: ClauseMemo;
  /**
   * Yes/no answers about the clause, as bits (FACT_*; 0 until asked): most rules ask whether every clause's context
   * is certain, and a number on the clause answers that without a memo object per clause.
   */
  facts: number;
}

/** Clause.facts: contextIsCertain was asked, and its answer; isReadable was asked, and its answer. */
export const FACT_CERTAIN_KNOWN = 1;
export const FACT_CERTAIN = 2;
export const FACT_READABLE_KNOWN = 4;
export const FACT_READABLE = 8;
/** Bits 4-7: a zone's type as semantics.zoneTypeOf read it (0: not asked, 1: none, 2 + its index in ZONE_TYPES). */
export const FACT_ZONE_TYPE_SHIFT = 4;

export interface ClauseMemo {
  /** First child per name (semantics.childNamed, large blocks only). */
  firstChild?: Map<string, Clause>;
}

export interface BindModel {
  cst: BindCst;
  clauses: Clause[];
  /** Missing ';' problems found by knowing each clause's arity. */
  problems: SyntaxProblem[];
  rawText: { start: number; end: number }[];
  lenientCloses: Set<number>;
}

function describe(v: ValueNode): string {
  return v.kind === 'word' ? `'${v.image}'` : v.kind === 'string' ? `'${v.value}'` : v.kind === 'bang' ? `'!'` : `'{'`;
}

/** What the model learnt about blocks that the parser cannot know: raw text, and a lenient last `;`. */
interface BlockFacts {
  /** Spans of blocks BIND keeps as raw text (dyndb, plugin): parser problems inside them are not errors. */
  rawText: { start: number; end: number }[];
  /** Offsets of `}` before which BIND does not require the last `;` (server `keys { k }`). */
  lenientCloses: Set<number>;
}

/** Shared by every clause with no values after its name (most list elements: `acl1;`, `any;`); frozen, as NO_CHILDREN. */
const EMPTY = Object.freeze([]) as unknown as ValueNode[];
/** Shared by every clause without a block (most of them); frozen, so nothing can add to it by mistake. */
const NO_CHILDREN = Object.freeze([]) as unknown as Clause[];

/**
 * Clauses being built, as a stack: a block's clauses are pushed above the mark taken when it began, then copied into an
 * array of their own size (one grown by push keeps room for 17, and 40,000 zones and lists hold one to four clauses each).
 */
interface ClauseStack {
  items: Clause[];
  top: number;
}

/** Pushes the clauses of `statements` onto `out` (their blocks' clauses are their children, not on the stack). */
function buildClauses(statements: readonly StatementNode[], context: string, parent: Clause | undefined, problems: SyntaxProblem[], facts: BlockFacts, out: ClauseStack): void {
  for (let si = 0; si < statements.length; si++) {
    const st = statements[si];
    let values = st.values;
    while (values.length > 0) {
      const first = values[0];
      const nameNode = first.kind === 'word' || first.kind === 'string' ? first : undefined;
      const name = clauseNameOf(first);
      // A list element may start with `!` or a nested list: the catalogue reads it whole from its head.
      const head = nameNode ? undefined : first;
      let args = values.length > 1 ? values.slice(1) : EMPTY;
      const reader = clauseReader(context, name);
      let key = reader.key(args, head);
      const take = reader.argCount(args, head, key);
      let rest: ValueNode[] = EMPTY;
      if (take !== undefined && take < args.length) {
        rest = args.slice(take);
        args = take > 0 ? args.slice(0, take) : EMPTY;
        key = reader.key(args, head);
        problems.push({ message: `missing ';' before ${describe(rest[0])}`, start: rest[0].start, end: rest[0].end });
      }
      const isLastPart = rest.length === 0;
      const semicolon = isLastPart ? st.semicolon : -1;
      const whole = isLastPart && values === st.values;
      const clause: Clause = {
        name,
        nameNode,
        args,
        statement: st,
        // A clause that is its whole statement (all but those a missing ';' split) spans it: no object of its own.
        span: whole ? st : { start: first.start, end: semicolon >= 0 ? semicolon + 1 : (args[args.length - 1] ?? first).end },
        semicolon,
        context,
        def: reader.def,
        parent,
        children: NO_CHILDREN,
        block: undefined,
        argsKey: key,
        memo: undefined,
        facts: 0,
      };
      // The blocks among the head and the arguments, in order (block number i); the clause's block is the first that
      // is not its head. Found by index, not gathered into an array: most clauses have none or one.
      const headBlock = head?.kind === 'block' ? head : undefined;
      let firstArgBlock = -1;
      for (let i = 0; i < args.length; i++) {
        if (args[i].kind === 'block') {
          firstArgBlock = i;
          break;
        }
      }
      if (headBlock || firstArgBlock >= 0) {
        clause.block = firstArgBlock >= 0 ? (args[firstArgBlock] as BlockNode) : headBlock;
        const contexts = reader.blockContexts(args, head, key);
        const mark = out.top;
        let i = 0;
        if (headBlock) buildBlock(headBlock, i++, contexts, context, name, nameNode, clause, problems, facts, out);
        for (let j = firstArgBlock; j >= 0 && j < args.length; j++) {
          const a = args[j];
          if (a.kind === 'block') buildBlock(a, i++, contexts, context, name, nameNode, clause, problems, facts, out);
        }
        // The clauses of all its blocks, in order (a block can hold hundreds of thousands: one copy of them).
        clause.children = out.items.slice(mark, out.top);
        out.top = mark;
      }
      out.items[out.top++] = clause;
      values = rest;
    }
  }
}

/** The clauses of a clause's block number `i` (see buildClauses), in the context the catalogue gives it. */
function buildBlock(
  b: BlockNode,
  i: number,
  contexts: Array<string | undefined> | undefined,
  context: string,
  name: string,
  nameNode: WordNode | StringNode | undefined,
  clause: Clause,
  problems: SyntaxProblem[],
  facts: BlockFacts,
  out: ClauseStack,
): void {
  // The catalogue's reading when there is one (almost always), else a guess from the clause's definition.
  const ctx = contexts?.[i] ?? (i === 0 ? ((nameNode ? lookupClause(context, name)?.blockContext : undefined) ?? (nameNode ? name : context === 'aml' ? 'aml' : 'list')) : nameNode ? name : 'list');
  if (isRawTextContext(ctx)) {
    facts.rawText.push({ start: b.start, end: b.end });
    return;
  }
  if (finalSemicolonOptional(ctx) && b.close >= 0) facts.lenientCloses.add(b.close);
  buildClauses(b.statements, ctx, clause, problems, facts, out);
}

/** A clause's name: the catalogue's copy of its first value's text, lower-cased (see canonicalName). */
function clauseNameOf(first: ValueNode): string {
  const text = first.kind === 'word' ? first.image : first.kind === 'string' ? first.value : '';
  // Most names are the catalogue's as written (lower case already): then lower-casing would only copy them.
  return knownClauseName(text) ?? canonicalName(text.toLowerCase());
}

export function buildBindModel(cst: BindCst): BindModel {
  const problems: SyntaxProblem[] = [];
  const facts: BlockFacts = { rawText: [], lenientCloses: new Set() };
  const stack: ClauseStack = { items: [], top: 0 };
  buildClauses(cst.statements, 'top', undefined, problems, facts, stack);
  const clauses = stack.items.slice(0, stack.top);
  return { cst, clauses, problems, ...facts };
}

/** Parser problems that BIND would not raise, given what the model knows about the blocks they are in. */
export function isExcusedProblem(model: BindModel, p: SyntaxProblem): boolean {
  if (model.rawText.some((r) => r.start < p.start && p.start < r.end)) return true;
  return p.message.startsWith("missing ';'") && model.lenientCloses.has(p.start);
}

/** Every clause in the tree, depth first, in document order (an array: nested generators cost too much). */
export function walkClauses(clauses: readonly Clause[]): readonly Clause[] {
  // Most rules walk the whole tree: walk it once per tree (the model never changes after it is built).
  const known = walked.get(clauses);
  if (known) return known;
  const out: Clause[] = [];
  const visit = (cs: readonly Clause[]) => {
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      out.push(c);
      if (c.children.length) visit(c.children);
    }
  };
  visit(clauses);
  walked.set(clauses, out);
  return out;
}

const walked = new WeakMap<readonly Clause[], readonly Clause[]>();

/** Each name's clauses as positions in walkClauses order, built once per tree. */
function nameIndex(clauses: readonly Clause[]): Map<string, number[]> {
  let index = byName.get(clauses);
  if (!index) byName.set(clauses, (index = positionsByName(walkClauses(clauses), (c) => c.name)));
  return index;
}

const byName = new WeakMap<readonly Clause[], Map<string, number[]>>();

/**
 * The clauses whose name passes `test` (asked once per distinct name), in document order: what
 * `walkClauses(clauses).filter((c) => test(c.name))` gives, without walking 100,000 clauses for a few names.
 */
export function clausesNamed(clauses: readonly Clause[], test: (name: string) => boolean): readonly Clause[] {
  return itemsNamed(walkClauses(clauses), nameIndex(clauses), test);
}

/** Clauses with one of the given names, anywhere in the tree. */
export function findClauses(model: BindModel, ...names: string[]): Clause[] {
  return [...clausesNamed(model.clauses, (n) => names.includes(n))];
}
