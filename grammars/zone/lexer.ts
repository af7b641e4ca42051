// The Chevrotain lexer for DNS master files that the hand-written parser (parser.ts) replaced, kept for the reference
// grammar (reference.ts). RFC 1035 §5, as BIND's isc_lex reads them for named-checkzone.
// Line breaks are tokens: a record ends with its line unless parentheses continue it. Comments stay in a token
// group (not skipped) so suppressions and fixes see them. Every character lexes, so the lexer never fails.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { endsWord, quotedEnd, wordEnd } from './parser';
import { lazyLexer } from '../lazy-lexer';

// BIND's whitespace is space and tab only: a form feed or vertical tab is part of a word (named-checkzone
// reads `ns1<FF>A` as one owner name).
export const Spaces = createToken({ name: 'Spaces', pattern: /[ \t]+/, group: Lexer.SKIPPED });
// CR LF, LF, or a lone CR (named-checkzone accepts CR-only files), the same breaks as core/text.ts LineIndex.
export const Newline = createToken({ name: 'Newline', pattern: /\r\n?|\n/, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /;[^\r\n]*/, group: 'comments' });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
// Words and strings are scanned by hand (the parser's functions) rather than with a regular expression: a 10 MB word
// would overflow V8's regexp backtracking stack with an alternation under `+`.

/** Chevrotain's custom patterns return an exec()-like array whose first element is the image. */
function matched(image: string): RegExpExecArray {
  return [image] as unknown as RegExpExecArray;
}

/** A word (the scanning itself is the parser's: this reference tests the token order and groups around it). */
function matchWord(text: string, offset: number): RegExpExecArray | null {
  const end = wordEnd(text, offset);
  return end > offset ? matched(text.slice(offset, end)) : null;
}

/** A quoted string, to its closing quote or the end of its line. */
function matchQuoted(text: string, offset: number): RegExpExecArray | null {
  return text.charCodeAt(offset) === 34 ? matched(text.slice(offset, quotedEnd(text, offset))) : null;
}

/** First characters of a word, for the lexer's first-character optimisation (one per bucket above U+00FF). */
function wordStartChars(): number[] {
  const out: number[] = [];
  for (let c = 1; c < 256; c++) if (!endsWord(c)) out.push(c);
  let bucket = -1;
  for (let c = 256; c < 65536; c++) {
    const b = Math.floor(c / 255);
    if (b !== bucket) {
      bucket = b;
      out.push(c);
    }
  }
  return out;
}

export const QuotedString = createToken({ name: 'QuotedString', pattern: { exec: matchQuoted }, start_chars_hint: ['"'], line_breaks: true });
export const Word = createToken({ name: 'Word', pattern: { exec: matchWord }, start_chars_hint: wordStartChars(), line_breaks: false });
// NUL is a special character to BIND's lexer (it ends a word and then fails the record): kept out of the
// parser and reported once per run.
export const Invalid = createToken({ name: 'Invalid', pattern: /\x00+/, group: 'invalid' });

export const allTokens: TokenType[] = [Spaces, Newline, Comment, LParen, RParen, QuotedString, Word, Invalid];

export const zoneLexer = lazyLexer(allTokens);
