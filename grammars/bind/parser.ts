// The named.conf parser used in production: a hand-written scanner and recursive-descent parser for the generic
// statement grammar of reference.ts (Chevrotain), producing exactly its tree, problems and comments
// (test/unit/bind-parser-equivalence.test.ts). Why by hand: on a 1.8 MB named.conf Chevrotain's lexer and parser
// take several times the whole budget of `v6ready check` (half of named-checkconf's time); this grammar has five
// token kinds and three rules, so a loop over char codes into typed arrays does the same work ~10x faster.
import type { BindCst, BlockNode, StatementNode, StringNode, ValueNode, WordNode } from './cst';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /** Offset of a related place (the unclosed '{'). */
  related?: number;
}

export interface BindComment {
  start: number;
  end: number;
  body: string;
}

export interface BindParseOutput {
  cst: BindCst;
  problems: SyntaxProblem[];
  comments: BindComment[];
}

/** Deeper than any real named.conf (views hold zones hold lists hold lists); keeps the parser's recursion bounded. */
export const MAX_NESTING = 64;

// Token kinds the parser sees (comments, whitespace and control bytes never reach it).
const WORD = 1;
const STRING = 2;
const LBRACE = 3;
const RBRACE = 4;
const SEMICOLON = 5;
const BANG = 6;
const EOF = 0;

// Character classes of the ASCII range; everything from U+0080 up is a word character.
const C_WORD = 1;
const C_SPACE = 2;
const C_INVALID = 3;
const C_OTHER = 4; // / # " { } ; ! (each handled on its own)
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) CLASS[c] = C_SPACE;
  else if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f) CLASS[c] = C_INVALID;
  // BIND's specials ({ } ; " ! #) and '/', which is a word character unless it starts a comment.
  else if (c === 0x7b || c === 0x7d || c === 0x3b || c === 0x22 || c === 0x21 || c === 0x23 || c === 0x2f) CLASS[c] = C_OTHER;
  else CLASS[c] = C_WORD;
}

/** BIND's whitespace (space, tab, LF, VT, FF, CR), as a sticky run. */
const SPACE_RUN = /[ \t\n\v\f\r]+/y;

/** The token stream as parallel typed arrays: no object per token. */
interface Tokens {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  count: number;
}

function grow(t: Tokens): void {
  const size = t.kind.length * 2;
  const kind = new Uint8Array(size);
  kind.set(t.kind);
  const start = new Int32Array(size);
  start.set(t.start);
  const end = new Int32Array(size);
  end.set(t.end);
  t.kind = kind;
  t.start = start;
  t.end = end;
}

/**
 * Ranges of the text the scanner passes over as if they were blank (sorted, not overlapping, each starting where a
 * token may start): incremental analysis reads one zone statement of a large file without copying the file with the
 * other zones blanked (core/incremental.ts). No token reaches into a range.
 */
export interface SkipRanges {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  count: number;
}

/** Scan the text into tokens, comments, and problems for control bytes and unclosed comments. */
function scan(text: string, comments: BindComment[], invalid: SyntaxProblem[], unclosed: SyntaxProblem[], skip?: SkipRanges): Tokens {
  const n = text.length;
  const skips = skip?.count ?? 0;
  let nextSkip = 0;
  // Tokens end here at the latest: the next skipped range, or the end of the text.
  let limit = skips > 0 ? Math.min(n, skip!.start[0]) : n;
  const initial = Math.max(64, (skips > 0 ? n >> 6 : n >> 3));
  const t: Tokens = { kind: new Uint8Array(initial), start: new Int32Array(initial), end: new Int32Array(initial), count: 0 };
  let lastWordEnd = -1;
  // The token the current statement began with: after the last '{', '}' or ';'.
  let statementStart = 0;
  let i = 0;
  while (i < n) {
    if (i >= limit) {
      if (nextSkip >= skips) break;
      i = Math.max(i, skip!.end[nextSkip]);
      nextSkip++;
      limit = nextSkip < skips ? Math.min(n, skip!.start[nextSkip]) : n;
      continue;
    }
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : C_WORD;
    if (cls === C_SPACE) {
      // A run of whitespace (indentation, blank lines) is skipped by the
      // regular expression engine, several times faster than a loop over its characters.
      if (i + 1 < limit && text.charCodeAt(i + 1) <= 0x20) {
        SPACE_RUN.lastIndex = i;
        SPACE_RUN.test(text);
        i = Math.min(SPACE_RUN.lastIndex, limit);
      } else i++;
      continue;
    }
    let kind = 0;
    const from = i;
    if (cls === C_WORD || (c === 0x2f && !isCommentStart(text.charCodeAt(i + 1)))) {
      i = wordEnd(text, i + 1, limit);
      kind = WORD;
      lastWordEnd = i;
    } else if (cls === C_INVALID) {
      while (i < limit && isInvalid(text.charCodeAt(i))) i++;
      // named's lexer ends a token at a NUL byte and reads on (`directory\0 "."` loads, good-embedded-null):
      // NULs right after a word end it silently; other control bytes, or anywhere else, are errors.
      if (!(from === lastWordEnd && allNul(text, from, i))) {
        const code = c.toString(16).padStart(2, '0').toUpperCase();
        invalid.push({ message: `invalid character U+00${code}: control characters are allowed only inside quoted strings`, start: from, end: i });
      }
      continue;
    } else if (c === 0x2f || c === 0x23) {
      if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        if (close >= 0 && close + 2 <= limit) {
          i = close + 2;
          comments.push({ start: from, end: i, body: text.slice(from + 2, i - 2) });
        } else {
          i = limit;
          unclosed.push({ message: `unterminated comment: '/*' is never closed (named: unexpected end of input)`, start: from, end: from + 2 });
          comments.push({ start: from, end: i, body: text.slice(from + 2, i) });
        }
      } else {
        i++;
        while (i < limit) {
          const d = text.charCodeAt(i);
          if (d === 0x0a || d === 0x0d) break;
          i++;
        }
        comments.push({ start: from, end: i, body: text.slice(from + (c === 0x23 ? 1 : 2), i) });
      }
      continue;
    } else if (c === 0x22) {
      i++;
      while (i < limit) {
        const d = text.charCodeAt(i);
        if (d === 0x22) {
          i++;
          break;
        }
        i += d === 0x5c ? 2 : 1;
      }
      if (i > limit) i = limit;
      kind = STRING;
    } else {
      i++;
      kind = c === 0x7b ? LBRACE : c === 0x7d ? RBRACE : c === 0x3b ? SEMICOLON : BANG;
    }
    if (t.count === t.kind.length) grow(t);
    t.kind[t.count] = kind;
    t.start[t.count] = from;
    t.end[t.count] = i;
    t.count++;
    if (kind === LBRACE && opensBracketedText(text, t, statementStart)) {
      // What follows is raw text up to the matching brace: no tokens, no comments (see bracketedTextEnd).
      const close = bracketedTextEnd(text, i, limit);
      if (close < 0) i = limit;
      else {
        if (t.count === t.kind.length) grow(t);
        t.kind[t.count] = RBRACE;
        t.start[t.count] = close;
        t.end[t.count] = close + 1;
        t.count++;
        i = close + 1;
      }
      statementStart = t.count;
    } else if (kind === LBRACE || kind === RBRACE || kind === SEMICOLON) statementStart = t.count;
  }
  return t;
}

/**
 * Statements whose block BIND reads as bracketed text, not as statements (lib/isccfg/namedconf.c: `dyndb` and
 * `plugin` parameters, `dnsrps-options`), by the number of words or strings before the `{`.
 */
const BRACKETED_TEXT_HEADS: ReadonlyMap<string, number> = new Map([
  ['dyndb', 3],
  ['plugin', 3],
  ['dnsrps-options', 1],
]);

/**
 * Does the `{` just scanned (the last token) open bracketed text: is the statement before it, from its token
 * `statementStart`, one of BRACKETED_TEXT_HEADS (its name in any case) with the number of words or strings it takes?
 */
function opensBracketedText(text: string, t: Tokens, statementStart: number): boolean {
  const head = t.count - 1 - statementStart;
  if (head !== 1 && head !== 3) return false;
  if (t.kind[statementStart] !== WORD) return false;
  const name = text.slice(t.start[statementStart], t.end[statementStart]).toLowerCase();
  if (BRACKETED_TEXT_HEADS.get(name) !== head) return false;
  for (let k = statementStart + 1; k < t.count - 1; k++) if (t.kind[k] !== WORD && t.kind[k] !== STRING) return false;
  return true;
}

/**
 * Where the `}` that closes bracketed text opened just before `from` is, or -1 when it is not closed before `limit`.
 * BIND's lexer (lib/isc/lex.c, its btext state) counts braces, and a backslash makes the next character plain text;
 * quotes and comment markers are text like any other.
 */
export function bracketedTextEnd(text: string, from: number, limit: number): number {
  let depth = 1;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return i;
  }
  return -1;
}

function isCommentStart(c: number): boolean {
  return c === 0x2f || c === 0x2a;
}

function isInvalid(c: number): boolean {
  return c < 128 && CLASS[c] === C_INVALID;
}

function allNul(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0) return false;
  return true;
}

/** End of a word whose first character is before `i`: word characters, and '/' when no comment starts there. */
function wordEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || CLASS[c] === C_WORD) i++;
    else if (c === 0x2f && !isCommentStart(text.charCodeAt(i + 1))) i++;
    else break;
  }
  return i;
}

/** Drop blocks nested deeper than MAX_NESTING (with what they hold, and the `;` after them); report the first one. */
function limitNesting(t: Tokens, problems: SyntaxProblem[]): Tokens {
  // Cheap first pass: almost every file is far from the limit and keeps its tokens as they are.
  let d = 0;
  let tooDeep = false;
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] === LBRACE && ++d > MAX_NESTING) {
      tooDeep = true;
      break;
    }
    if (t.kind[k] === RBRACE && d > 0) d--;
  }
  if (!tooDeep) return t;
  const out: Tokens = { kind: new Uint8Array(t.count), start: new Int32Array(t.count), end: new Int32Array(t.count), count: 0 };
  let depth = 0;
  let reported = false;
  let dropSemicolon = false;
  for (let k = 0; k < t.count; k++) {
    const kind = t.kind[k];
    if (kind === LBRACE) {
      depth++;
      if (depth > MAX_NESTING && !reported) {
        reported = true;
        problems.push({ message: `blocks nested more than ${MAX_NESTING} deep: what is inside is not checked`, start: t.start[k], end: t.start[k] + 1 });
      }
    }
    let keep = depth <= MAX_NESTING;
    if (dropSemicolon && kind === SEMICOLON) keep = false;
    dropSemicolon = false;
    if (kind === RBRACE && depth > 0) {
      if (depth === MAX_NESTING + 1) dropSemicolon = true;
      depth--;
    }
    if (keep) {
      out.kind[out.count] = kind;
      out.start[out.count] = t.start[k];
      out.end[out.count] = t.end[k];
      out.count++;
    }
  }
  return out;
}

const TEMPLATE_SLOT = /^@[A-Za-z0-9_]+@$/;

/** Recursive descent over the token arrays; the rules and their error paths mirror reference.ts one to one. */
class Parser {
  private p = 0;
  readonly problems: SyntaxProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
  ) {}

  private la(): number {
    return this.p < this.t.count ? this.t.kind[this.p] : EOF;
  }

  /** The token a problem is reported at: its text, or the end of the file. */
  private near(): { near: string; start: number; end: number } {
    if (this.p >= this.t.count) return { near: 'end of file', start: this.text.length, end: this.text.length };
    const s = this.t.start[this.p];
    const e = this.t.end[this.p];
    return { near: `'${this.text.slice(s, e)}'`, start: s, end: e };
  }

  file(): StatementNode[] {
    const statements: StatementNode[] = [];
    for (let k = this.la(); k !== EOF; k = this.la()) {
      if (k === RBRACE) {
        const s = this.t.start[this.p++];
        if (this.la() === SEMICOLON) this.p++;
        this.problems.push({ message: `syntax error near '}': this brace closes nothing`, start: s, end: s + 1 });
      } else if (k === SEMICOLON) {
        const s = this.t.start[this.p++];
        this.problems.push({ message: `syntax error near ';': a ';' with no statement before it`, start: s, end: s + 1 });
      } else statements.push(this.statement());
    }
    return statements;
  }

  /** A statement, at a token that starts a value. */
  private statement(): StatementNode {
    // Up to three values in an array literal of their size: an array grown by push keeps room for 17, and a large
    // file has 100,000 statements of one to three values, which live (and are copied by the collector) for the
    // whole analysis.
    const v0 = this.value(this.la());
    let values: ValueNode[];
    let k = this.la();
    if (!isValueStart(k)) values = [v0];
    else {
      const v1 = this.value(k);
      k = this.la();
      if (!isValueStart(k)) values = [v0, v1];
      else {
        values = [v0, v1, this.value(k)];
        for (k = this.la(); isValueStart(k); k = this.la()) values.push(this.value(k));
      }
    }
    let semicolon = -1;
    if (this.la() === SEMICOLON) semicolon = this.t.start[this.p++];
    const last = values[values.length - 1];
    // A template slot alone on its line (`@TKEY_CONFIGURATION@` in BIND's *.conf.in) stands for whole
    // statements of its own: no ';' is due after it.
    if (semicolon < 0 && !(values.length === 1 && values[0].kind === 'word' && TEMPLATE_SLOT.test(values[0].image))) {
      const d = this.near();
      this.problems.push({ message: `missing ';' before ${d.near}`, start: d.start, end: d.end });
    }
    return { values, semicolon, start: values[0].start, end: semicolon >= 0 ? semicolon + 1 : last.end };
  }

  private value(k: number): ValueNode {
    if (k === LBRACE) return this.block();
    const start = this.t.start[this.p];
    const end = this.t.end[this.p];
    this.p++;
    if (k === WORD) return { kind: 'word', image: this.text.slice(start, end), start, end } satisfies WordNode;
    if (k === BANG) return { kind: 'bang', start, end };
    const image = this.text.slice(start, end);
    const terminated = end - start >= 2 && this.text.charCodeAt(end - 1) === 0x22 && isClosedAt(image);
    if (!terminated) this.problems.push({ message: `unterminated string: the quote opened here is never closed (named: unexpected end of input)`, start, end: start + 1 });
    return { kind: 'string', image, value: terminated ? image.slice(1, -1) : image.slice(1), terminated, start, end } satisfies StringNode;
  }

  /** A block's next statement, passing over (and reporting) a stray ';'; undefined at the block's end. */
  private blockStatement(): StatementNode | undefined {
    for (let k = this.la(); k !== EOF && k !== RBRACE; k = this.la()) {
      if (k !== SEMICOLON) return this.statement();
      const s = this.t.start[this.p++];
      this.problems.push({ message: `'}' expected near ';': a ';' with no statement before it`, start: s, end: s + 1 });
    }
    return undefined;
  }

  private block(): BlockNode {
    const open = this.t.start[this.p++];
    // Up to three statements in an array literal of their size, as a statement's values: a zone's block holds
    // three or four, a list one or two.
    let statements: StatementNode[];
    const s0 = this.blockStatement();
    if (!s0) statements = [];
    else {
      const s1 = this.blockStatement();
      if (!s1) statements = [s0];
      else {
        const s2 = this.blockStatement();
        if (!s2) statements = [s0, s1];
        else {
          statements = [s0, s1, s2];
          for (let st = this.blockStatement(); st; st = this.blockStatement()) statements.push(st);
        }
      }
    }
    let close = -1;
    if (this.la() === RBRACE) close = this.t.start[this.p++];
    if (close < 0) {
      const d = this.near();
      this.problems.push({ message: `'}' expected near ${d.near}: the '{' opened here is never closed`, start: d.start, end: d.end, related: open });
    }
    const last = statements[statements.length - 1];
    return { kind: 'block', statements, close, start: open, end: close >= 0 ? close + 1 : last ? last.end : open + 1 };
  }
}

function isValueStart(k: number): boolean {
  return k === WORD || k === STRING || k === BANG || k === LBRACE;
}

/** Does a string token that ends with '"' end with its own closing quote (not an escaped one)? */
function isClosedAt(img: string): boolean {
  // The scanner stops at the first unescaped quote, so the token is closed exactly when its last quote is
  // unescaped: an odd run of backslashes before it escapes it.
  let backslashes = 0;
  for (let i = img.length - 2; i >= 1 && img.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Parse named.conf text; with `skip`, as if those ranges were blank (see SkipRanges). */
export function parseBindText(text: string, skip?: SkipRanges): BindParseOutput {
  const comments: BindComment[] = [];
  const invalid: SyntaxProblem[] = [];
  const unclosed: SyntaxProblem[] = [];
  const scanned = scan(text, comments, invalid, unclosed, skip);
  // The order problems are collected in decides ties after sorting, as in reference.ts.
  const problems: SyntaxProblem[] = invalid;
  for (const p of unclosed) problems.push(p);
  const tokens = limitNesting(scanned, problems);
  const parser = new Parser(text, tokens);
  const statements = parser.file();
  for (const p of parser.problems) problems.push(p);
  problems.sort((a, b) => a.start - b.start);
  return { cst: { statements }, problems: dedupeAtEnd(problems, text.length), comments };
}

/** At the end of the file one missing token explains everything: keep the first problem reported there. */
function dedupeAtEnd(problems: SyntaxProblem[], eof: number): SyntaxProblem[] {
  const unterminated = problems.some((p) => p.message.startsWith('unterminated'));
  let seenEof = false;
  return problems.filter((p) => {
    if (p.start !== eof) return true;
    if (seenEof || unterminated) return false;
    seenEof = true;
    return true;
  });
}
