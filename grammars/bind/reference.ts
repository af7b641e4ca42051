// The reference grammar of named.conf's generic structure, in Chevrotain (EmbeddedActionsParser building the
// lean tree of cst.ts directly). Production parses with the hand-written parser.ts, which must give exactly the
// same tree, problems and comments (test/unit/bind-parser-equivalence.test.ts); this file is the specification
// it is checked against, and the place to change the grammar first. Every error path is part of the grammar,
// so one mistake never hides the rest of the file; messages follow named-checkconf's wording and lines.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken } from 'chevrotain';
import type { BlockNode, StatementNode, ValueNode } from './cst';
import { MAX_NESTING, type BindComment, type BindParseOutput, type SyntaxProblem } from './parser';
import { allTokens, Bang, BlockComment, UnclosedComment, bindLexer, LBrace, QuotedString, RBrace, Semicolon, Word } from './lexer';

/** Does a QuotedString token end with its own unescaped closing quote? */
function isClosedString(img: string): boolean {
  for (let i = 1; i < img.length; i++) {
    if (img[i] === '\\') i++;
    else if (img[i] === '"') return i === img.length - 1;
  }
  return false;
}

class BindParser extends EmbeddedActionsParser {
  problems: SyntaxProblem[] = [];
  textLength = 0;

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  private describe(tok: IToken): { near: string; start: number; end: number } {
    if (tok.tokenType === EOF) return { near: 'end of file', start: this.textLength, end: this.textLength };
    return { near: `'${tok.image}'`, start: tok.startOffset, end: tok.startOffset + tok.image.length };
  }

  private problem(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end });
  }

  public file = this.RULE('file', (): StatementNode[] => {
    const statements: StatementNode[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const s = this.SUBRULE(this.statement); this.ACTION(() => statements.push(s)); } },
        {
          ALT: () => {
            const t = this.CONSUME(RBrace);
            this.OPTION(() => this.CONSUME2(Semicolon));
            this.ACTION(() => this.problem(`syntax error near '}': this brace closes nothing`, t.startOffset, t.startOffset + 1));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Semicolon);
            this.ACTION(() => this.problem(`syntax error near ';': a ';' with no statement before it`, t.startOffset, t.startOffset + 1));
          },
        },
      ]);
    });
    return statements;
  });

  public statement = this.RULE('statement', (): StatementNode => {
    const values: ValueNode[] = [];
    this.AT_LEAST_ONE(() => {
      const v = this.SUBRULE(this.value);
      this.ACTION(() => values.push(v));
    });
    let semicolon = -1;
    this.OPTION(() => {
      semicolon = this.CONSUME(Semicolon).startOffset;
    });
    return this.ACTION(() => {
      const last = values[values.length - 1];
      // A template slot alone on its line (`@TKEY_CONFIGURATION@` in BIND's *.conf.in) stands for whole
      // statements of its own: no ';' is due after it.
      const slot = values.length === 1 && values[0].kind === 'word' && /^@[A-Za-z0-9_]+@$/.test(values[0].image);
      if (semicolon < 0 && !slot) {
        const d = this.describe(this.LA(1));
        this.problem(`missing ';' before ${d.near}`, d.start, d.end);
      }
      return { values, semicolon, start: values[0].start, end: semicolon >= 0 ? semicolon + 1 : last.end };
    });
  });

  public value = this.RULE('value', (): ValueNode => {
    return this.OR([
      { ALT: () => { const t = this.CONSUME(Word); return { kind: 'word', image: t.image, start: t.startOffset, end: t.startOffset + t.image.length } as ValueNode; } },
      {
        ALT: () => {
          const t = this.CONSUME(QuotedString);
          return this.ACTION(() => {
            const img = t.image;
            const terminated = isClosedString(img);
            const end = t.startOffset + img.length;
            if (!terminated) this.problem(`unterminated string: the quote opened here is never closed (named: unexpected end of input)`, t.startOffset, t.startOffset + 1);
            return { kind: 'string', image: img, value: terminated ? img.slice(1, -1) : img.slice(1), terminated, start: t.startOffset, end } as ValueNode;
          });
        },
      },
      { ALT: () => { const t = this.CONSUME(Bang); return { kind: 'bang', start: t.startOffset, end: t.startOffset + 1 } as ValueNode; } },
      { ALT: () => this.SUBRULE(this.block) },
    ]);
  });

  public block = this.RULE('block', (): BlockNode => {
    const open = this.CONSUME(LBrace);
    const statements: StatementNode[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const s = this.SUBRULE(this.statement); this.ACTION(() => statements.push(s)); } },
        {
          ALT: () => {
            const t = this.CONSUME(Semicolon);
            this.ACTION(() => this.problem(`'}' expected near ';': a ';' with no statement before it`, t.startOffset, t.startOffset + 1));
          },
        },
      ]);
    });
    let close = -1;
    this.OPTION(() => {
      close = this.CONSUME(RBrace).startOffset;
    });
    return this.ACTION(() => {
      if (close < 0) {
        const d = this.describe(this.LA(1));
        this.problem(`'}' expected near ${d.near}: the '{' opened here is never closed`, d.start, d.end);
        this.problems[this.problems.length - 1].related = open.startOffset;
      }
      const last = statements[statements.length - 1];
      return { kind: 'block', statements, close, start: open.startOffset, end: close >= 0 ? close + 1 : last ? last.end : open.startOffset + 1 } as BlockNode;
    });
  });
}

// Chevrotain parsers are costly to build: one instance, reused for every document.
let parser: BindParser | undefined;

export function parseBindTextReference(text: string): BindParseOutput {
  parser ??= new BindParser();
  const lexed = bindLexer().tokenize(text);
  const problems: SyntaxProblem[] = [];
  for (const e of lexed.errors) problems.push({ message: `unexpected character: ${e.message}`, start: e.offset, end: e.offset + (e.length || 1) });
  // named's lexer ends a token at a NUL byte and reads on (`directory\0 "."` loads, good-embedded-null):
  // control bytes right after a word end it silently; anywhere else they are errors.
  const wordEnds = new Set<number>();
  for (const t of lexed.tokens) if (t.tokenType === Word) wordEnds.add(t.startOffset + t.image.length);
  for (const t of lexed.groups.invalid ?? []) {
    if (wordEnds.has(t.startOffset) && /^\x00+$/.test(t.image)) continue;
    const code = t.image.charCodeAt(0).toString(16).padStart(2, '0');
    problems.push({ message: `invalid character U+00${code.toUpperCase()}: control characters are allowed only inside quoted strings`, start: t.startOffset, end: t.startOffset + t.image.length });
  }
  const comments: BindComment[] = [];
  for (const c of lexed.groups.comments ?? []) {
    const img = c.image;
    if (c.tokenType === BlockComment || c.tokenType === UnclosedComment) {
      const closed = c.tokenType === BlockComment;
      if (!closed) problems.push({ message: `unterminated comment: '/*' is never closed (named: unexpected end of input)`, start: c.startOffset, end: c.startOffset + 2 });
      comments.push({ start: c.startOffset, end: c.startOffset + img.length, body: img.slice(2, closed ? -2 : undefined) });
    } else {
      comments.push({ start: c.startOffset, end: c.startOffset + img.length, body: img.slice(img[0] === '#' ? 1 : 2) });
    }
  }
  parser.textLength = text.length;
  parser.problems = [];
  parser.input = limitNesting(lexed.tokens, problems);
  const statements = parser.file();
  problems.push(...parser.problems);
  for (const e of parser.errors) {
    // Every error path is explicit in the grammar; this is a safety net for the unexpected.
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    problems.push({ message: `syntax error near '${t.image || 'end of file'}'`, start, end: start + (t.image?.length ?? 0) });
  }
  problems.sort((a, b) => a.start - b.start);
  return { cst: { statements }, problems: dedupeAtEnd(problems, text.length), comments };
}


/** Drop blocks nested deeper than MAX_NESTING (with what they hold) and report the first one. */
function limitNesting(tokens: IToken[], problems: SyntaxProblem[]): IToken[] {
  // Cheap first pass: almost every file is far from the limit and keeps its token array as it is.
  let d = 0;
  let tooDeep = false;
  for (const t of tokens) {
    if (tokenMatcher(t, LBrace) && ++d > MAX_NESTING) {
      tooDeep = true;
      break;
    }
    if (t.tokenType === RBrace && d > 0) d--;
  }
  if (!tooDeep) return tokens;
  let depth = 0;
  let deepest = 0;
  let reported = false;
  let dropSemicolon = false;
  const out: IToken[] = [];
  for (const t of tokens) {
    if (tokenMatcher(t, LBrace)) {
      depth++;
      deepest = Math.max(deepest, depth);
      if (depth > MAX_NESTING && !reported) {
        reported = true;
        problems.push({ message: `blocks nested more than ${MAX_NESTING} deep: what is inside is not checked`, start: t.startOffset, end: t.startOffset + 1 });
      }
    }
    let keep = depth <= MAX_NESTING;
    // The `;` that ends a dropped block goes with it.
    if (dropSemicolon && t.tokenType === Semicolon) keep = false;
    dropSemicolon = false;
    if (t.tokenType === RBrace && depth > 0) {
      if (depth === MAX_NESTING + 1) dropSemicolon = true;
      depth--;
    }
    if (keep) out.push(t);
  }
  return deepest > MAX_NESTING ? out : tokens;
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

