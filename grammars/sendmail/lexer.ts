// Chevrotain lexer for sendmail .mc files (m4 as sendmail's cf.m4 uses it). Quotes nest (`` ` `` ... `'`),
// `dnl` deletes to the end of the line, and `#` starts a comment only before the file's own
// include(`.../cf.m4'): cf.m4 runs `changecom()`, after which `#` is plain text and macros on such a line
// still expand (research/real-daemons.md §3e). Comments stay in a token group so suppressions and fixes see them.
//
// Quotes are measured before lexing (prescan), the way m4 reads them, so that a quote the author forgot to
// close is reported where it was opened, and lexing resumes on the next line instead of swallowing the file.
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';
import { isKnownMacro } from './macros';
import { lazyLexer } from '../lazy-lexer';

export interface LexProblem {
  message: string;
  start: number;
  end: number;
}

interface ScanState {
  /** End offset (exclusive) of the quoted string that starts at each top-level backtick. */
  quoteEnd: Map<number, number>;
  /** `#` starts an m4 comment before this offset (the end of the file's own include of cf.m4). */
  commentLimit: number;
}

let state: ScanState = { quoteEnd: new Map(), commentLimit: 0 };

const DNL_RE = /dnl(?![A-Za-z0-9_])[^\r\n]*/y;
const COMMENT_RE = /#[^\r\n]*/y;

function matchAt(re: RegExp, text: string, offset: number): CustomPatternMatcherReturn | null {
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? ([m[0]] as CustomPatternMatcherReturn) : null;
}

// The tokens are made on first use (sendmailTokens), not when the module loads: Chevrotain's createToken is slow
// enough (~0.1 ms each) that every dialect's tokens, made at every start, cost a run that checks one dialect ~7 ms.
export let WhiteSpace: TokenType;
export let Dnl: TokenType;
export let M4Comment: TokenType;
export let Quoted: TokenType;
export let StrayClose: TokenType;
export let LParen: TokenType;
export let RParen: TokenType;
export let Comma: TokenType;
export let Word: TokenType;
export let Hash: TokenType;
export let Text: TokenType;
/** Every token type, in the lexer's order; empty until sendmailTokens() made them. */
export let allTokens: TokenType[] = [];

/** Makes the tokens the first time (the lexer and the parser call it); returns allTokens. */
export function sendmailTokens(): TokenType[] {
  if (allTokens.length) return allTokens;
  WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[\t\n\v\f\r ]+/, group: Lexer.SKIPPED, line_breaks: true });
  /** `dnl` and the rest of its line (m4 deletes both, and the newline). */
  Dnl = createToken({ name: 'Dnl', pattern: { exec: (t, o) => matchAt(DNL_RE, t, o) }, start_chars_hint: ['d'], group: 'comments', line_breaks: false });
  /** `#...` before the file's include of cf.m4: GNU m4's default comment. */
  M4Comment = createToken({
    name: 'M4Comment',
    pattern: { exec: (t, o) => (o < state.commentLimit ? matchAt(COMMENT_RE, t, o) : null) },
    start_chars_hint: ['#'],
    group: 'comments',
    line_breaks: false,
  });
  /** A quoted string, quotes nested; its extent comes from the prescan. */
  Quoted = createToken({
    name: 'Quoted',
    pattern: {
      exec: (t, o) => {
        if (t.charCodeAt(o) !== 0x60) return null;
        const end = state.quoteEnd.get(o) ?? quoteEndFallback(t, o);
        return [t.slice(o, end)] as CustomPatternMatcherReturn;
      },
    },
    start_chars_hint: ['`'],
    line_breaks: true,
  });
  StrayClose = createToken({ name: 'StrayClose', pattern: /'/ });
  LParen = createToken({ name: 'LParen', pattern: '(' });
  RParen = createToken({ name: 'RParen', pattern: ')' });
  Comma = createToken({ name: 'Comma', pattern: ',' });
  Word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
  Hash = createToken({ name: 'Hash', pattern: '#' });
  /** Any run of characters that are not letters, `_`, quotes, parentheses, commas, `#` or white space. */
  Text = createToken({
    name: 'Text',
    pattern: /[\x00-\x08\x0e-\x1f\x21\x22\x24-\x26\x2a\x2b\x2d-\x40\x5b-\x5e\x7b-\x7e\x7f-\uffff]+/,
  });

  allTokens = [WhiteSpace, Dnl, M4Comment, Quoted, StrayClose, LParen, RParen, Comma, Word, Hash, Text];
  return allTokens;
}

export const sendmailLexer = lazyLexer(sendmailTokens);

/** Where a line ends (the offset of its line break, or the text length). */
function lineEndFrom(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  const e = n < 0 ? text.length : n;
  return e > i && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
}

function quoteEndFallback(text: string, o: number): number {
  // Only reached if the prescan and the lexer disagree; keep the quote on its line.
  return lineEndFrom(text, o);
}

const INCLUDE_CF = /(?<![A-Za-z0-9_])s?include\(\s*`?[^`'()\r\n]*cf\.m4'?\s*\)/g;

/** The end of the file's own `include(`.../cf.m4')`, before which `#` is still an m4 comment; 0 when absent. */
export function cfIncludeEnd(text: string): number {
  INCLUDE_CF.lastIndex = 0;
  // Line start and the end of the line's first comment marker, advanced with the matches (looking back from each
  // match to its line start made a long line of includes quadratic).
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  let markerLine = -1;
  let markerEnd = Infinity;
  for (let m = INCLUDE_CF.exec(text); m; m = INCLUDE_CF.exec(text)) {
    while (nextNewline >= 0 && nextNewline < m.index) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    if (markerLine !== lineStart) {
      markerLine = lineStart;
      const marker = COMMENT_MARKER.exec(text.slice(lineStart, nextNewline < 0 ? text.length : nextNewline));
      markerEnd = marker ? lineStart + marker.index + marker[0].length : Infinity;
    }
    if (markerEnd <= m.index) continue;
    return m.index + m[0].length;
  }
  return 0;
}

/** `dnl` or `#` (a comment before an include of cf.m4 on its line hides it). */
const COMMENT_MARKER = /(?:^|[^A-Za-z0-9_])dnl(?![A-Za-z0-9_])|#/;

/** How many lines of a multi-line quote are searched for swallowed macro calls. */
const MAX_QUOTE_LINES = 400;
const STATEMENT_AT = /(?:dnl(?![A-Za-z0-9_])|([A-Za-z_][A-Za-z0-9_]*)\()/y;

/** A line (starting at `i`) that starts, in column 0, with `dnl` or a call of a known macro. */
function statementLine(text: string, i: number): string | undefined {
  STATEMENT_AT.lastIndex = i;
  const m = STATEMENT_AT.exec(text);
  if (!m) return undefined;
  if (!m[1]) return 'dnl';
  return isKnownMacro(m[1]) ? m[1] : undefined;
}

function lineNumberAt(text: string, from: number, lineOfFrom: number, at: number): number {
  let line = lineOfFrom;
  for (let k = text.indexOf('\n', from); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/**
 * Reads the text as m4 does, outside quotes: `dnl` and (before the include of cf.m4) `#` comments hide what
 * follows on their line; a backtick opens a quote that ends at its matching `'`, nesting included.
 * A quote that never closes, or that closes only after swallowing following macro calls although its own
 * line looked finished (`...inet6)dnl`), is cut before the last `)` of its line (or at its end) and reported there.
 */
export function prescan(text: string): { quoteEnd: Map<number, number>; commentLimit: number; problems: LexProblem[] } {
  const n = text.length;
  const commentLimit = cfIncludeEnd(text);
  // Closing quote of each backtick: the first later quote character after which the nesting depth is back
  // to what it was before the backtick (one pass from the right over the quote characters).
  const pos: number[] = [];
  const post: number[] = [];
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x60) {
      depth++;
      pos.push(i);
      post.push(depth);
    } else if (c === 0x27) {
      depth--;
      pos.push(i);
      post.push(depth);
    }
  }
  const closeOf = new Int32Array(pos.length).fill(-1);
  const nearest = new Map<number, number>();
  for (let k = pos.length - 1; k >= 0; k--) {
    if (text.charCodeAt(pos[k]) === 0x60) {
      const c = nearest.get(post[k] - 1);
      if (c !== undefined) closeOf[k] = c;
    }
    nearest.set(post[k], pos[k]);
  }

  const quoteEnd = new Map<number, number>();
  const problems: LexProblem[] = [];
  // Line numbers for messages, counted incrementally (problems come in text order).
  let lineCursor = 0;
  let lineAtCursor = 1;
  const lineOf = (at: number): number => {
    lineAtCursor = lineNumberAt(text, lineCursor, lineAtCursor, at);
    lineCursor = at;
    return lineAtCursor;
  };
  let qp = 0;
  let i = 0;
  // The end of the current line and its last `)`, found once per line: looking them up per quote made a long
  // line of quotes quadratic.
  let eol = -1;
  let lastParen = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x60) {
      while (qp < pos.length && pos[qp] < i) qp++;
      const close = qp < pos.length && pos[qp] === i ? closeOf[qp] : -1;
      if (i >= eol) {
        eol = lineEndFrom(text, i);
        lastParen = text.lastIndexOf(')', eol - 1);
      }
      // Recovery: end a broken quote before the last `)` of its line (the call's, most likely), else at the line end.
      const cut = lastParen > i ? lastParen : eol;
      let end: number;
      if (close < 0) {
        end = cut;
        problems.push({
          message: "unterminated quote: this ` is never closed by a matching ' — m4 reads the rest of the file into it and stops with 'end of file in string', leaving sendmail.cf truncated",
          start: i,
          end: i + 1,
        });
      } else if (close < eol) {
        end = close + 1;
      } else {
        end = close + 1;
        if (lastParen > i) {
          // The call looked finished on this line; does the quote swallow the next statements?
          let swallowed: string | undefined;
          let lines = 0;
          for (let ls = text.indexOf('\n', i) + 1; ls > 0 && ls <= close && lines < MAX_QUOTE_LINES; ls = text.indexOf('\n', ls) + 1, lines++) {
            swallowed = statementLine(text, ls);
            if (swallowed) break;
          }
          if (swallowed || lines >= MAX_QUOTE_LINES) {
            end = cut;
            lineOf(i);
            const closeLine = lineNumberAt(text, i, lineAtCursor, close);
            problems.push({
              message:
                `unbalanced quote: this \` is not closed on its line — m4 reads on to the ' on line ${closeLine}, ` +
                `swallowing the ${swallowed && swallowed !== 'dnl' ? `${swallowed}(...) call` : 'lines'} in between. Close it with ' before the ')'`,
              start: i,
              end: i + 1,
            });
          }
        }
      }
      quoteEnd.set(i, end);
      i = end;
      continue;
    }
    if (c === 0x23 && i < commentLimit) {
      i = lineEndFrom(text, i);
      continue;
    }
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if ((d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || (d >= 0x30 && d <= 0x39) || d === 0x5f) j++;
        else break;
      }
      if (j - i === 3 && text.startsWith('dnl', i)) i = lineEndFrom(text, i);
      else i = j;
      continue;
    }
    i++;
  }
  return { quoteEnd, commentLimit, problems };
}

/** Lex a .mc text: tokens, comment tokens, and the quote problems found on the way. */
export function lexMc(text: string) {
  // Build the lexer while `state` is empty: Chevrotain's validation runs the custom patterns, and with a
  // document's comment limit set M4Comment would match '#' and make Hash look unreachable.
  const lexer = sendmailLexer();
  const scan = prescan(text);
  state = { quoteEnd: scan.quoteEnd, commentLimit: scan.commentLimit };
  try {
    const lexed = lexer.tokenize(text);
    return { lexed, problems: scan.problems, commentLimit: scan.commentLimit };
  } finally {
    state = { quoteEnd: new Map(), commentLimit: 0 };
  }
}
