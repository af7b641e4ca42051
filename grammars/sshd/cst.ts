// The shape of every sshd_config: one directive per line, a keyword and its arguments. Arguments are what sshd's
// argv_split() makes of the rest of the line (quotes removed, escapes resolved); the dialect gives them meaning.
import type { Span } from '../../server/src/core/types';

export interface KeywordNode extends Span {
  /** The keyword as sshd reads it (quotes removed, case kept). */
  text: string;
  /** The keyword was written in double quotes. */
  quoted: boolean;
}

export interface ArgNode extends Span {
  /** The argument as written (quotes and backslashes kept). */
  raw: string;
  /** The argument as sshd reads it. */
  value: string;
  /** Some part of it was quoted. */
  quoted: boolean;
}

export interface DirectiveNode extends Span {
  /** Undefined when the line starts with something that cannot be a keyword (a stray `=`). */
  keyword?: KeywordNode;
  args: ArgNode[];
  /** Offset of a quote that is never closed on this line, or -1 (sshd: "invalid quotes", the line is rejected). */
  openQuote: number;
  /** The physical line: its first offset and the end of its content (before the line break). */
  lineStart: number;
  lineEnd: number;
  /** The comment that ends the line, if any. */
  comment?: Span;
}

export interface SshdCst {
  directives: DirectiveNode[];
}
