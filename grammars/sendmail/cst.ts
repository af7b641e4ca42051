// The lean tree of a .mc file as m4 reads it: macro calls with their argument lists, quoted strings, words and
// other text, and the opaque sendmail.cf lines of LOCAL_CONFIG-like sections. Offsets are UTF-16 offsets into
// the text; `end` is exclusive.
import type { Span } from '../../server/src/core/types';

export interface QuotedNode extends Span {
  kind: 'quoted';
  /** False when the closing quote is missing (a syntax problem was reported; the node ends at its line end). */
  terminated: boolean;
  /** The text between the quotes (one level of quotes removed, inner quotes kept). */
  value: string;
  /** Where `value` starts in the text. */
  valueStart: number;
}

export interface WordNode extends Span {
  kind: 'word';
  image: string;
}

/** Punctuation and other characters: `#`, a stray `'`, and `(`, `)`, `,` outside an argument list. */
export interface TextNode extends Span {
  kind: 'text';
  image: string;
}

export interface ArgNode extends Span {
  /** Everything between the delimiters (`(` or `,` and `,` or `)`), leading white space included. */
  items: ItemNode[];
}

export interface CallNode extends Span {
  kind: 'call';
  name: string;
  nameSpan: Span;
  /** Offset of `(`. */
  open: number;
  /** Offset of the closing `)`, or -1 when it is missing. */
  close: number;
  args: ArgNode[];
}

/** Parentheses inside an argument: m4 keeps commas inside them in the same argument. */
export interface GroupNode extends Span {
  kind: 'group';
  items: ItemNode[];
  close: number;
}

export type ItemNode = QuotedNode | WordNode | TextNode | CallNode | GroupNode;

/** A sendmail.cf line inside a section such as LOCAL_CONFIG; m4 copies it to the .cf. */
export interface OpaqueNode extends Span {
  kind: 'opaque';
  /** The section macro that opened the section (LOCAL_CONFIG, LOCAL_RULESETS, ...). */
  section: string;
}

export type TopNode = ItemNode | OpaqueNode;

export interface SendmailCst {
  items: TopNode[];
  /** Offsets of `#` characters that are plain text (after cf.m4's changecom), at top level. */
  hashes: number[];
  /** `#` is an m4 comment before this offset (the end of the file's own include of cf.m4), else 0. */
  commentLimit: number;
}

/** The text of an argument as m4 hands it to the macro: leading unquoted white space dropped, one level of
 *  quotes removed, words and other text as written (macros in it are not expanded here). */
export function argValue(text: string, arg: ArgNode | undefined): string {
  if (!arg) return '';
  let out = '';
  let pos = -1;
  for (const it of arg.items) {
    if (pos >= 0) out += text.slice(pos, it.start);
    out += it.kind === 'quoted' ? it.value : text.slice(it.start, it.end);
    pos = it.end;
  }
  return out;
}

/** The argument is a single quoted string (white space around it allowed). */
export function singleQuoted(arg: ArgNode | undefined): QuotedNode | undefined {
  if (!arg) return undefined;
  const nonSpace = arg.items;
  return nonSpace.length === 1 && nonSpace[0].kind === 'quoted' ? nonSpace[0] : undefined;
}
