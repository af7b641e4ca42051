// Hand-written scanner for httpd.conf and .htaccess. httpd reads a file line by line (server/util.c): a `\` before
// the line break joins the next line, a line whose first non-blank character is `#` is a comment, and a section
// header `<Name args>` ends at its last `>`. Comments are kept apart (fixes and suppressions see them).
//
// With skip ranges (incremental analysis, core/incremental.ts) it passes over each range as if it were blank: a range
// holding a line break ends the line there, one without is a gap between blanks. Offsets stay those of the text. That
// equals scanning the text with the ranges blanked (spaces, line breaks kept) when each range covers whole logical
// lines, from a line's first token to the end of the last token of its last line, as a top-level directive or section
// does (Dialect.segments): no token then runs into a range, and what follows one starts a line of its own.
//
// It replaced a Chevrotain lexer (kept as lexer.ts, the reference test/unit/apache-scanner-equivalence.test.ts holds
// this scanner to): the same tokens, but as three number arrays instead of an object per token, no pattern is tried
// and failed per character, and a 2 MB line no longer spends most of its time in the garbage collector.

import type { SkipRanges } from '../../server/src/core/types';

/** Token kinds, named as the reference lexer's token types (KIND_NAMES[kind]). */
export const NEWLINE = 0;
export const HEADER_NEWLINE = 1;
export const SECTION_OPEN = 2;
export const SECTION_CLOSE = 3;
export const GT = 4;
export const QUOTED_STRING = 5;
export const WORD = 6;
export const HEADER_WORD = 7;
export const KIND_NAMES = ['Newline', 'HeaderNewline', 'SectionOpen', 'SectionClose', 'Gt', 'QuotedString', 'Word', 'HeaderWord'] as const;

/** Tokens as parallel arrays: no object per token (a 2 MB line of words would otherwise be a million objects). */
export class Tokens {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  count = 0;

  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number): void {
    if (this.count === this.kind.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.kind = grow(this.kind, (n) => new Uint8Array(n));
      this.start = grow(this.start, (n) => new Int32Array(n));
      this.end = grow(this.end, (n) => new Int32Array(n));
    }
    this.kind[this.count] = kind;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }

  image(k: number): string {
    return this.text.slice(this.start[k], this.end[k]);
  }
}

/** A comment line or a run of control characters. */
export interface ScannedSpan {
  image: string;
  startOffset: number;
}

export interface ScannedText {
  tokens: Tokens;
  /** `#` comment lines, `#` included. */
  comments: ScannedSpan[];
  /** Runs of control characters. */
  invalid: ScannedSpan[];
}

/** True when only blanks separate offset from the start of a physical line that is not a continuation. */
export function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c && c !== 0x0b) break;
    i--;
  }
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c !== 0x0a && c !== 0x0d) return false;
  // A line joined to the previous one by `\` continues that line.
  let j = i - 1;
  if (c === 0x0a && text.charCodeAt(j) === 0x0d) j--;
  return text.charCodeAt(j) !== 0x5c;
}

const isBreak = (c: number) => c === 0x0a || c === 0x0d;
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b;
const isControl = (c: number) => c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f;
/** JavaScript's `\s` (the reference lexer's section names stop at it). */
const isJsSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** A character that may continue a word: printable ASCII but `\`, or anything from U+0080; `>` too unless in a header. */
function continuesWord(c: number, header: boolean): boolean {
  if (c >= 0x80) return true;
  if (c < 0x21 || c === 0x5c || c === 0x7f) return false;
  return !(header && c === 0x3e);
}

/** A backslash at i that does not start a continuation (`\` + line break) belongs to a word. */
function isLoneBackslash(text: string, i: number): boolean {
  return text.charCodeAt(i) === 0x5c && (i + 1 >= text.length || !isBreak(text.charCodeAt(i + 1)));
}

/** End of a word starting at i (whose first character is already known to start one). */
function wordEnd(text: string, i: number, header: boolean): number {
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (continuesWord(c, header)) i++;
    else if (c === 0x5c && isLoneBackslash(text, i)) i++;
    else break;
  }
  return i;
}

/** End of a quoted string starting at i: its closing quote, or the line's end; `\` escapes a character or a line break. */
function quotedEnd(text: string, i: number): number {
  const n = text.length;
  const q = text.charCodeAt(i);
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === q) return i + 1;
    if (isBreak(c)) return i;
    if (c === 0x5c) {
      if (i + 1 >= n) return i;
      i += text.charCodeAt(i + 1) === 0x0d && text.charCodeAt(i + 2) === 0x0a ? 3 : 2;
      continue;
    }
    i++;
  }
  return n;
}

/** Length of a line break at i (CR LF, CR or LF), or 0. */
function breakLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  return c === 0x0a ? 1 : 0;
}

/** True when a line break lies in [from, to). */
function holdsBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isBreak(text.charCodeAt(i))) return true;
  return false;
}

export function scanApache(text: string, skip?: SkipRanges): ScannedText {
  const n = text.length;
  const skips = skip?.count ?? 0;
  let nextSkip = 0;
  // Where the next skipped range starts, or the end of the text.
  let limit = skips > 0 ? Math.min(n, skip!.start[0]) : n;
  // With ranges skipped, most of a large file is never tokenised: start small.
  const tokens = new Tokens(text, Math.max(64, skips > 0 ? n >> 6 : n >> 3));
  const comments: ScannedSpan[] = [];
  const invalid: ScannedSpan[] = [];
  let header = false;
  let i = 0;
  const push = (kind: number, start: number, end: number) => tokens.push(kind, start, end);
  const span = (list: ScannedSpan[], start: number, end: number) => list.push({ image: text.slice(start, end), startOffset: start });
  while (i < n) {
    if (i >= limit) {
      if (nextSkip >= skips) break;
      const end = Math.min(n, skip!.end[nextSkip]);
      // Blanked, a range holding a line break ends the current line (at its first break); one within a line is a run
      // of blanks. The search stops at the first break: for a section, its header line, not the whole range.
      if (holdsBreak(text, i, end)) {
        push(header ? HEADER_NEWLINE : NEWLINE, i, i);
        header = false;
      }
      i = Math.max(i, end);
      nextSkip++;
      limit = nextSkip < skips ? Math.min(n, skip!.start[nextSkip]) : n;
      continue;
    }
    const c = text.charCodeAt(i);
    const start = i;
    if (isBlank(c)) {
      i++;
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      continue;
    }
    if (c === 0x5c && i + 1 < n && isBreak(text.charCodeAt(i + 1))) {
      i += 1 + breakLength(text, i + 1); // a continuation: httpd removes it
      continue;
    }
    if (isBreak(c)) {
      i += breakLength(text, i);
      push(header ? HEADER_NEWLINE : NEWLINE, start, i);
      header = false;
      continue;
    }
    if (!header && (c === 0x23 || c === 0x3c) && atLineStart(text, i)) {
      if (c === 0x23) {
        // A comment line runs on through continuations, as httpd joins them before it looks at the `#`.
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (isBreak(d)) break;
          if (d === 0x5c && i + 1 < n && isBreak(text.charCodeAt(i + 1))) i += 1 + breakLength(text, i + 1);
          else i++;
        }
        span(comments, start, i);
        continue;
      }
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      const nameChar = (d: number) => d >= 0 && !isJsSpace(d) && d !== 0x3e && d !== 0x5c;
      if (next === 0x2f) {
        i += 2;
        while (i < n && nameChar(text.charCodeAt(i))) i++;
        if (i < n && text.charCodeAt(i) === 0x3e) i++;
        push(SECTION_CLOSE, start, i);
        continue;
      }
      if (nameChar(next)) {
        i += 2;
        while (i < n && nameChar(text.charCodeAt(i))) i++;
        push(SECTION_OPEN, start, i);
        header = true;
        continue;
      }
    }
    if (header && c === 0x3e) {
      i++;
      push(GT, start, i);
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      i = quotedEnd(text, i);
      push(QUOTED_STRING, start, i);
      continue;
    }
    if (isControl(c)) {
      i++;
      while (i < n && isControl(text.charCodeAt(i))) i++;
      span(invalid, start, i);
      continue;
    }
    // Everything else starts a word: a printable character or a backslash that is not a continuation.
    i = wordEnd(text, i, header);
    push(header ? HEADER_WORD : WORD, start, i);
  }
  return { tokens, comments, invalid };
}
