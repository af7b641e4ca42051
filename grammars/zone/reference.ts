// The Chevrotain grammar of the generic master-file structure, kept as the reference the hand-written parser
// (parser.ts) is tested against (test/unit/zone-parser-equivalence.test.ts); the product uses parser.ts.
// It builds the lean tree of cst.ts directly (EmbeddedActionsParser: no intermediate CST). An entry is one logical line: its words and strings, with
// parenthesised parts that may span lines. Every error path is part of the grammar or of the token pass
// before it, so one mistake never hides the rest of the file.
import { EmbeddedActionsParser, EOF, type IToken } from 'chevrotain';
import type { ZoneEntry, ZoneParseOutput, ZoneValue, SyntaxProblem, ZoneComment } from './cst';
import { allTokens, LParen, Newline, QuotedString, RParen, Word, zoneLexer } from './lexer';


/** Does a QuotedString token end with its own unescaped closing quote? */
function isClosedString(img: string): boolean {
  for (let i = 1; i < img.length; i++) {
    if (img[i] === '\\') i++;
    else if (img[i] === '"') return i === img.length - 1;
  }
  return false;
}

class ZoneParser extends EmbeddedActionsParser {
  problems: SyntaxProblem[] = [];
  text = '';
  /** Offsets of '(' tokens that are never closed (found by the token pass). */
  unclosed = new Set<number>();

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** Is the token the first thing on its line (column 0)? */
  atLineStart(tok: IToken): boolean {
    if (tok.tokenType === EOF) return false;
    const o = tok.startOffset;
    const prev = o > 0 ? this.text.charCodeAt(o - 1) : 10;
    return prev === 10 || prev === 13;
  }

  private value(t: IToken): ZoneValue {
    const img = t.image;
    if (t.tokenType === QuotedString) {
      const terminated = isClosedString(img);
      if (!terminated) this.problems.push({ message: 'unbalanced quotes: the string is not closed on its line', start: t.startOffset, end: t.startOffset + 1 });
      return { kind: 'string', image: img, value: terminated ? img.slice(1, -1) : img.slice(1), terminated, start: t.startOffset, end: t.startOffset + img.length };
    }
    return { kind: 'word', image: img, value: img, terminated: true, start: t.startOffset, end: t.startOffset + img.length };
  }

  public file = this.RULE('file', (): ZoneEntry[] => {
    const entries: ZoneEntry[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(Newline); } },
        { ALT: () => { const e = this.SUBRULE(this.entry); this.ACTION(() => { if (e.values.length > 0 || e.groups.length > 0) entries.push(e); }); } },
      ]);
    });
    return entries;
  });

  public entry = this.RULE('entry', (): ZoneEntry => {
    const values: ZoneValue[] = [];
    const groups: { start: number; end: number }[] = [];
    let first: IToken | undefined;
    let end = 0;
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => { const t = this.CONSUME(Word); this.ACTION(() => { first ??= t; values.push(this.value(t)); end = t.startOffset + t.image.length; }); } },
        { ALT: () => { const t = this.CONSUME(QuotedString); this.ACTION(() => { first ??= t; values.push(this.value(t)); end = t.startOffset + t.image.length; }); } },
        {
          ALT: () => {
            const g = this.SUBRULE(this.group);
            this.ACTION(() => { first ??= g.open; values.push(...g.values); groups.push({ start: g.open.startOffset, end: g.end }); end = g.end; });
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(RParen);
            this.ACTION(() => {
              first ??= t;
              end = t.startOffset + 1;
              this.problems.push({ message: "unbalanced parentheses: this ')' closes nothing", start: t.startOffset, end: t.startOffset + 1 });
            });
          },
        },
      ]);
    });
    return this.ACTION(() => ({ atLineStart: first ? this.atLineStart(first) : false, values, groups, start: first ? first.startOffset : 0, end }));
  });

  public group = this.RULE('group', (): { open: IToken; values: ZoneValue[]; end: number } => {
    const open = this.CONSUME(LParen);
    const values: ZoneValue[] = [];
    let end = open.startOffset + 1;
    const unclosed = this.ACTION(() => this.unclosed.has(open.startOffset));
    // Inside parentheses a line break continues the entry. A '(' that is never closed would swallow the rest of
    // the file (BIND reports it at the end): for recovery it ends before the next line that starts at column 0,
    // where an owner name or a directive is. (The gate is on the loop, not on an alternative, so that the loop's
    // own lookahead never enters an iteration no alternative can take.)
    this.MANY({
      GATE: () => !unclosed || this.LA(1).tokenType !== Newline || !this.atLineStart(this.LA(2)),
      DEF: () => {
        this.OR([
          { ALT: () => { const t = this.CONSUME(Word); this.ACTION(() => { values.push(this.value(t)); end = t.startOffset + t.image.length; }); } },
          { ALT: () => { const t = this.CONSUME(QuotedString); this.ACTION(() => { values.push(this.value(t)); end = t.startOffset + t.image.length; }); } },
          { ALT: () => { this.CONSUME(Newline); } },
        ]);
      },
    });
    this.OPTION(() => {
      const t = this.CONSUME(RParen);
      end = t.startOffset + 1;
    });
    return { open, values, end };
  });
}

// Chevrotain parsers are costly to build: one instance, reused for every document.
let parser: ZoneParser | undefined;

export function parseZoneTextReference(text: string): ZoneParseOutput {
  parser ??= new ZoneParser();
  const lexed = zoneLexer().tokenize(text);
  const problems: SyntaxProblem[] = [];
  for (const e of lexed.errors) problems.push({ message: `unexpected character: ${e.message}`, start: e.offset, end: e.offset + (e.length || 1) });
  for (const t of lexed.groups.invalid ?? []) {
    problems.push({ message: 'invalid character NUL: named-checkzone stops reading the record here', start: t.startOffset, end: t.startOffset + t.image.length });
  }
  const comments: ZoneComment[] = (lexed.groups.comments ?? []).map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length, body: c.image.slice(1) }));
  parser.text = text;
  parser.problems = [];
  const { tokens, unclosed } = flattenParens(lexed.tokens);
  parser.unclosed = unclosed;
  for (const o of unclosed) problems.push({ message: "unbalanced parentheses: this '(' is never closed", start: o, end: o + 1 });
  parser.input = tokens;
  const entries = parser.file() ?? [];
  problems.push(...parser.problems);
  for (const e of parser.errors) {
    // Every token sequence is valid for the grammar; this is a safety net for the unexpected.
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    problems.push({ message: `syntax error near '${t.image || 'end of file'}'`, start, end: start + (t.image?.length ?? 0) });
  }
  problems.sort((a, b) => a.start - b.start);
  return { cst: { entries }, problems, comments };
}

/**
 * Parentheses only join lines (BIND counts their depth): keep the outermost pair and drop the ones nested in it,
 * so the parser never recurses. Returns the offsets of outermost '(' left open at the end of the file.
 */
function flattenParens(tokens: IToken[]): { tokens: IToken[]; unclosed: Set<number> } {
  let depth = 0;
  let open = -1;
  let nested = false;
  const out: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === LParen) {
      depth++;
      if (depth === 1) open = t.startOffset;
      else {
        nested = true;
        continue;
      }
    } else if (t.tokenType === RParen && depth > 0) {
      depth--;
      if (depth > 0) continue;
    }
    out.push(t);
  }
  const unclosed = new Set<number>();
  if (depth > 0) unclosed.add(open);
  return { tokens: nested ? out : tokens, unclosed };
}
