// The generic shape of every named.conf: statements made of words, strings, `!` and braced blocks, ended by `;`.
// BIND's own parser (lib/isccfg/parser.c) reads the same token stream and gives it meaning per clause; so do we,
// in dialects/bind/, on top of this tree.
import type { Span } from '../../server/src/core/types';

export interface WordNode extends Span {
  kind: 'word';
  image: string;
}

export interface StringNode extends Span {
  kind: 'string';
  /** The raw token including its quotes. */
  image: string;
  /** Contents without the quotes (escapes kept as written). */
  value: string;
  terminated: boolean;
}

export interface BangNode extends Span {
  kind: 'bang';
}

export interface BlockNode extends Span {
  kind: 'block';
  statements: StatementNode[];
  /** Offset of the closing brace, or -1 when the file ended first. */
  close: number;
}

export type ValueNode = WordNode | StringNode | BangNode | BlockNode;

export interface StatementNode extends Span {
  values: ValueNode[];
  /** Offset of the terminating `;`, or -1 when it is missing (a syntax error was reported). */
  semicolon: number;
  /** The dialect's reading of the statement as an address match list element, kept once computed (never set by the parser). */
  element?: unknown;
}

export interface BindCst {
  statements: StatementNode[];
}

/** Words and strings are both "text" values to most clauses (BIND's astring). */
export function textOf(v: ValueNode | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'word') return v.image;
  if (v.kind === 'string') return v.value;
  return undefined;
}
