// The generic shape of a master file: entries (one logical line each, parentheses joining physical lines) made of
// words and quoted strings. BIND's master-file loader (lib/dns/master.c) gives them meaning per position; so do
// we, in dialects/zone/, on top of this tree.
import type { Span } from '../../server/src/core/types';

export interface ZoneValue extends Span {
  kind: 'word' | 'string';
  /** The raw token, quotes included for strings. */
  image: string;
  /** Words: the image; strings: the contents without the quotes (escapes kept as written). */
  value: string;
  /** False for a string whose closing quote is missing. */
  terminated: boolean;
}

export interface ZoneEntry extends Span {
  /**
   * The entry's first character is at the start of its line: its first word is an owner name or a `$` directive.
   * An entry that starts after whitespace inherits the previous owner.
   */
  atLineStart: boolean;
  values: ZoneValue[];
  /** The outermost parenthesised parts, `(` to `)` inclusive (to the last token when unclosed). */
  groups: Span[];
}

export interface ZoneCst {
  entries: ZoneEntry[];
}

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /** Offset of a related place (the unclosed '('). */
  related?: number;
}

export interface ZoneComment {
  start: number;
  end: number;
  /** The text after the `;`. */
  body: string;
}

export interface ZoneParseOutput {
  cst: ZoneCst;
  problems: SyntaxProblem[];
  comments: ZoneComment[];
}
