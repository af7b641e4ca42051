// Hand-written scanner and parser for the generic master-file structure (RFC 1035 §5, as BIND's isc_lex and
// lib/dns/master.c read it), building the lean tree of cst.ts. An entry is one logical line: its words and
// strings, with parenthesised parts that may span lines.
//
// Why by hand: the structure is tiny (words, strings, comments, line breaks, parentheses), and Chevrotain made an
// object per token — a file of two million `(` made two million tokens and spent its time collecting them. Here
// nested parentheses never become tokens (BIND only counts their depth), tokens are three parallel number arrays,
// and both passes are single loops: time and memory are linear in the input whatever its shape. The Chevrotain
// grammar this replaced is kept as reference.ts; test/unit/zone-parser-equivalence.test.ts requires the same output.
import type { SyntaxProblem, ZoneComment, ZoneEntry, ZoneParseOutput, ZoneValue } from './cst';

export type { SyntaxProblem, ZoneComment, ZoneParseOutput } from './cst';

const NEWLINE = 0;
const WORD = 1;
const QUOTED = 2;
const LPAREN = 3;
const RPAREN = 4;

/** BIND's special characters end a word: space, tab, line breaks, `;`, parentheses, a quote, NUL. */
export function endsWord(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 59 || c === 40 || c === 41 || c === 34 || c === 0;
}

/** The end of a word starting at `i`: up to a special character, `\X` escapes included, never across a line break. */
export function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      const d = i < n ? text.charCodeAt(i) : 10;
      if (d !== 10 && d !== 13 && d !== 0) i++;
      continue;
    }
    if (endsWord(c)) break;
    i++;
  }
  return i;
}

/**
 * The end of a quoted string starting at `i` (on its `"`): after the closing quote or, unclosed, at the end of the
 * line (BIND: "unbalanced quotes"); a backslash escapes the next character, a line break included.
 */
export function quotedEnd(text: string, i: number): number {
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
      continue;
    }
    if (c === 34) return i + 1;
    if (c === 10 || c === 13) break;
    i++;
  }
  return Math.min(i, n);
}

/** Does a quoted string's image end with its own unescaped closing quote? */
function isClosedString(img: string): boolean {
  for (let i = 1; i < img.length; i++) {
    if (img.charCodeAt(i) === 92) i++;
    else if (img.charCodeAt(i) === 34) return i === img.length - 1;
  }
  return false;
}

/** The tokens the parser sees: kinds, starts and ends in parallel arrays (numbers only, no object per token). */
interface Tokens {
  kind: number[];
  start: number[];
  end: number[];
  /** The outermost `(` never closed, or -1. */
  unclosed: number;
}

/** Pass 1: tokens, comments and NUL runs; parentheses nested inside the outermost pair are only counted. */
function scan(text: string, comments: ZoneComment[], invalid: SyntaxProblem[]): Tokens {
  const kind: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const push = (k: number, s: number, e: number): void => {
    kind.push(k);
    start.push(s);
    end.push(e);
  };
  const n = text.length;
  let depth = 0;
  let open = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
    } else if (c === 10 || c === 13) {
      const e = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      push(NEWLINE, i, e);
      i = e;
    } else if (c === 59) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) break;
        j++;
      }
      comments.push({ start: i, end: j, body: text.slice(i + 1, j) });
      i = j;
    } else if (c === 40) {
      if (++depth === 1) {
        open = i;
        push(LPAREN, i, i + 1);
      }
      i++;
    } else if (c === 41) {
      if (depth === 0) push(RPAREN, i, i + 1);
      else if (--depth === 0) push(RPAREN, i, i + 1);
      i++;
    } else if (c === 34) {
      const e = quotedEnd(text, i);
      push(QUOTED, i, e);
      i = e;
    } else if (c === 0) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === 0) j++;
      invalid.push({ message: 'invalid character NUL: named-checkzone stops reading the record here', start: i, end: j });
      i = j;
    } else {
      const e = wordEnd(text, i);
      push(WORD, i, e);
      i = e;
    }
  }
  return { kind, start, end, unclosed: depth > 0 ? open : -1 };
}

/** The groups of every entry without parentheses (nearly all of them): one shared array, never written to. */
const NO_GROUPS: ZoneEntry['groups'] = Object.freeze([]) as unknown as ZoneEntry['groups'];

/** Is offset `o` the first character of its line? */
function atLineStart(text: string, o: number): boolean {
  const prev = o > 0 ? text.charCodeAt(o - 1) : 10;
  return prev === 10 || prev === 13;
}

export function parseZoneText(text: string): ZoneParseOutput {
  const comments: ZoneComment[] = [];
  const problems: SyntaxProblem[] = [];
  const { kind, start, end, unclosed } = scan(text, comments, problems);
  if (unclosed >= 0) problems.push({ message: "unbalanced parentheses: this '(' is never closed", start: unclosed, end: unclosed + 1 });

  const value = (k: number): ZoneValue => {
    const s = start[k];
    const image = text.slice(s, end[k]);
    if (kind[k] === QUOTED) {
      const terminated = isClosedString(image);
      if (!terminated) problems.push({ message: 'unbalanced quotes: the string is not closed on its line', start: s, end: s + 1 });
      return { kind: 'string', image, value: terminated ? image.slice(1, -1) : image.slice(1), terminated, start: s, end: end[k] };
    }
    return { kind: 'word', image, value: image, terminated: true, start: s, end: end[k] };
  };

  // Pass 2: entries. An entry runs to the next line break outside parentheses. Its values are gathered in one
  // scratch array and copied out at their exact length: the model keeps every entry, and an array grown by push
  // has room for 17, ~100 bytes of slack per record for as long as the analysis lives.
  const entries: ZoneEntry[] = [];
  const values: ZoneValue[] = [];
  const count = kind.length;
  let k = 0;
  while (k < count) {
    if (kind[k] === NEWLINE) {
      k++;
      continue;
    }
    let n = 0;
    let groups = NO_GROUPS;
    let first = -1;
    let last = 0;
    while (k < count && kind[k] !== NEWLINE) {
      const t = kind[k];
      if (first < 0) first = start[k];
      if (t === WORD || t === QUOTED) {
        values[n++] = value(k);
        last = end[k];
        k++;
      } else if (t === RPAREN) {
        problems.push({ message: "unbalanced parentheses: this ')' closes nothing", start: start[k], end: start[k] + 1 });
        last = start[k] + 1;
        k++;
      } else {
        // A group. Inside parentheses a line break continues the entry. A '(' never closed would swallow the rest of
        // the file (BIND reports it at the end): for recovery it ends before the next line that starts at column 0,
        // where an owner name or a directive is.
        const open = start[k];
        const isUnclosed = open === unclosed;
        let groupEnd = open + 1;
        k++;
        while (k < count) {
          const g = kind[k];
          if (g === RPAREN) {
            groupEnd = start[k] + 1;
            k++;
            break;
          }
          if (g === NEWLINE) {
            if (isUnclosed && k + 1 < count && atLineStart(text, start[k + 1])) break;
          } else {
            values[n++] = value(k);
            groupEnd = end[k];
          }
          k++;
        }
        if (groups === NO_GROUPS) groups = [];
        groups.push({ start: open, end: groupEnd });
        last = groupEnd;
      }
    }
    if (n > 0 || groups.length > 0) {
      entries.push({ atLineStart: first >= 0 ? atLineStart(text, first) : false, values: values.slice(0, n), groups, start: first >= 0 ? first : 0, end: last });
    }
  }
  problems.sort((a, b) => a.start - b.start);
  return { cst: { entries }, problems, comments };
}
