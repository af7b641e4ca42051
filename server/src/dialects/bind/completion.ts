// Completion for named.conf at a place: nothing inside a comment or a quoted string, elsewhere the entries hover.ts computes.
import type { CompletionEntry } from '../../core/types';
import type { BindModel } from './model';
import { bindCompletions } from './hover';

/** Characters that may open a comment (`#`, `//`, `/*`) or a string: the scan jumps from one to the next. */
const SPECIAL = /["#/]/g;

/**
 * Is the offset inside a comment or a quoted string? Read as named's lexer reads (grammars/bind/lexer.ts): `#` and
 * `//` run to the end of the line, `/*` to the next `*\/` (or the end of the file), a string to the next unescaped
 * quote (or the end of the file), and `/` starts a comment only before `/` or `*` (`10.0.0.0/8` is a word).
 * The offset is in a token when the cursor is after its first character and not past its closing delimiter: the end
 * of a line comment's line still counts (the usual place to ask), the place right after `*\/` or a closing quote does not.
 */
export function inCommentOrString(text: string, offset: number, from = 0): boolean {
  let i = from;
  while (i < offset) {
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(text);
    if (!m || m.index >= offset) return false;
    i = m.index;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (c === 0x22) {
      end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      // Unterminated: the string runs to the end of the file, and so does "inside".
      if (end >= text.length) return true;
      if (offset <= end) return true;
      i = end + 1;
    } else if (c === 0x23 || (c === 0x2f && next === 0x2f)) {
      end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      if (offset <= end) return true;
      i = end;
    } else if (c === 0x2f && next === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || offset < close + 2) return true;
      i = close + 2;
    } else i++;
  }
  return false;
}

/**
 * Where the scan for comments and strings may start: the start of the last top-level clause at or before the offset
 * (a token's first character, so outside any comment or string), rather than the top of a large file on every keystroke.
 */
function scanStart(model: BindModel, offset: number): number {
  const clauses = model.clauses;
  let lo = 0;
  let hi = clauses.length - 1;
  let start = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = clauses[mid].span.start;
    if (s < offset) {
      start = Math.max(start, s);
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return start;
}

/**
 * Dialect.completions: none in a comment or a string (as the Apache dialect does for `#` comments). `target` is the
 * BIND version of settings `targets.bind` ('9.18' when absent): which clauses and values to offer.
 */
export function bindCompletionsAt(model: BindModel, text: string, offset: number, target?: string): CompletionEntry[] {
  if (inCommentOrString(text, offset, scanStart(model, offset))) return [];
  return bindCompletions(model, text, offset, target);
}
