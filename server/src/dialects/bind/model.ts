// The typed view of a named.conf: clauses (name, arguments, children) built from the generic tree, with each
// clause's context resolved through the catalogue. Rules read this; they never see tokens.
import type { BindCst, BlockNode, StatementNode, StringNode, ValueNode, WordNode } from '../../../../grammars/bind/cst';
import { textOf } from '../../../../grammars/bind/cst';
import type { SyntaxProblem } from '../../../../grammars/bind/parser';
import type { Span } from '../../core/types';
import { clauseArgCount, lookupClause } from './catalogue';

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
  parent?: Clause;
  /** Clauses of its (first) block. */
  children: Clause[];
  /** Its first block argument, if any. */
  block?: BlockNode;
}

export interface BindModel {
  cst: BindCst;
  clauses: Clause[];
  /** Missing ';' problems found by knowing each clause's arity. */
  problems: SyntaxProblem[];
}

function describe(v: ValueNode): string {
  return v.kind === 'word' ? `'${v.image}'` : v.kind === 'string' ? `'${v.value}'` : v.kind === 'bang' ? `'!'` : `'{'`;
}

function buildClauses(statements: readonly StatementNode[], context: string, parent: Clause | undefined, problems: SyntaxProblem[]): Clause[] {
  const out: Clause[] = [];
  for (const st of statements) {
    let values = st.values;
    while (values.length > 0) {
      const first = values[0];
      const nameNode = first.kind === 'word' || first.kind === 'string' ? first : undefined;
      const name = (textOf(first) ?? '').toLowerCase();
      let args = values.slice(1);
      const take = nameNode ? clauseArgCount(context, name, args) : undefined;
      let rest: ValueNode[] = [];
      if (take !== undefined && take < args.length) {
        rest = args.slice(take);
        args = args.slice(0, take);
        problems.push({ message: `missing ';' before ${describe(rest[0])}`, start: rest[0].start, end: rest[0].end });
      }
      const last = args[args.length - 1] ?? first;
      const isLastPart = rest.length === 0;
      const semicolon = isLastPart ? st.semicolon : -1;
      const clause: Clause = {
        name,
        nameNode,
        args,
        statement: st,
        span: { start: first.start, end: semicolon >= 0 ? semicolon + 1 : last.end },
        semicolon,
        context,
        parent,
        children: [],
      };
      clause.block = args.find((a): a is BlockNode => a.kind === 'block');
      if (clause.block) {
        const info = nameNode ? lookupClause(context, name) : undefined;
        const childContext = info?.blockContext ?? (nameNode ? name : 'list');
        clause.children = buildClauses(clause.block.statements, childContext, clause, problems);
      }
      out.push(clause);
      values = rest;
    }
  }
  return out;
}

export function buildBindModel(cst: BindCst): BindModel {
  const problems: SyntaxProblem[] = [];
  const clauses = buildClauses(cst.statements, 'top', undefined, problems);
  return { cst, clauses, problems };
}

/** Every clause in the tree, depth first, in document order. */
export function* walkClauses(clauses: readonly Clause[]): Generator<Clause> {
  for (const c of clauses) {
    yield c;
    yield* walkClauses(c.children);
  }
}

/** Clauses with one of the given names, anywhere in the tree. */
export function findClauses(model: BindModel, ...names: string[]): Clause[] {
  const out: Clause[] = [];
  for (const c of walkClauses(model.clauses)) if (names.includes(c.name)) out.push(c);
  return out;
}
