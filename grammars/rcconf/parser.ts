// Chevrotain parser for the sh command language rc.conf files are written in (they are sourced by sh), building the
// lean tree of cst.ts directly (EmbeddedActionsParser). The aim is parity with `sh -n`: a file sh accepts gives no
// problem, a file it rejects gives at least one, at the place and in the words sh uses. Every error path is explicit
// in the grammar, so parsing goes on after an error and the rest of the file still reaches the rules.
import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from 'chevrotain';
import { parserConfig } from '../parser-config';
import type { AndOrNode, CommandNode, CompoundNode, FunctionNode, PipelineNode, RedirectNode, ShProgram, SimpleCommandNode, WordNode } from './cst';
import {
  AndIf, AnyTok, AnyWord, Amp, Assign, Bang, Case, Do, Done, DSemi, Elif, Else, Esac, Fi, For, HereOp, If, In, IoNumber,
  LBrace, LParen, Newline, OrIf, Pipe, RBrace, Redir, RParen, Semi, shTokens, Then, tokenizeSh, Until, While, Word,
  type NestedProgram, type ShComment, type ShToken, type SyntaxProblem,
} from './lexer';

export type { SyntaxProblem } from './lexer';

// Sets of token types, made with the tokens (lexer.ts shTokens) when the parser is built.
let SIMPLE_START: Set<TokenType>;
let COMPOUND_START: Set<TokenType>;
let COMMAND_START: Set<TokenType>;
/** Tokens that close a construct: met where a command should start, they are the usual cascade of an earlier error. */
let CLOSERS: Set<TokenType>;

/** The parser's vocabulary: the tokens, made now if they were not yet, and the sets above. */
function parserTokens(): TokenType[] {
  const all = shTokens();
  if (!CLOSERS) {
    SIMPLE_START = new Set<TokenType>([Word, Assign, IoNumber, Redir, HereOp]);
    COMPOUND_START = new Set<TokenType>([If, While, Until, For, Case, LBrace, LParen]);
    COMMAND_START = new Set<TokenType>([...SIMPLE_START, ...COMPOUND_START, Bang]);
    CLOSERS = new Set<TokenType>([Then, Else, Elif, Fi, Do, Done, Esac, RBrace, RParen, DSemi]);
  }
  return all;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Deeper compound nesting (if inside while inside { } ...) than any real rc.conf; keeps the parser's recursion bounded. */
export const MAX_NESTING = 64;

const NO_INFO = { quoted: false, parts: [], subs: [] };

function wordOf(t: IToken): WordNode {
  return { image: t.image, start: t.startOffset, end: t.startOffset + t.image.length, info: (t as ShToken).info ?? NO_INFO, type: t.tokenType.name };
}

const endOf = (t: IToken) => t.startOffset + t.image.length;

class ShParser extends EmbeddedActionsParser {
  problems: SyntaxProblem[] = [];
  private reported = new Set<number>();
  /** Where the current program ends, and how that end reads ("end of file", or the `)` of a $( )). */
  eofOffset = 0;
  eofName = 'end of file';

  constructor() {
    super(parserTokens(), parserConfig({ recoveryEnabled: false, maxLookahead: 1 }));
    this.performSelfAnalysis();
  }

  begin(eofOffset: number, eofName: string): void {
    this.problems = [];
    this.reported = new Set();
    this.eofOffset = eofOffset;
    this.eofName = eofName;
  }

  private is(k: number, types: Set<TokenType>): boolean {
    return types.has(this.LA(k).tokenType);
  }

  private describe(tok: IToken): { near: string; start: number; end: number } {
    if (tok.tokenType === EOF) return { near: this.eofName, start: this.eofOffset, end: this.eofOffset };
    if (tok.tokenType === Newline) return { near: 'newline', start: tok.startOffset, end: tok.startOffset + 1 };
    return { near: `"${tok.image.length > 40 ? tok.image.slice(0, 40) + '…' : tok.image}"`, start: tok.startOffset, end: endOf(tok) };
  }

  private unexpected(tok: IToken, expecting?: string, opener?: IToken): void {
    const d = this.describe(tok);
    if (this.reported.has(d.start)) return;
    this.reported.add(d.start);
    this.problems.push({
      message: `syntax error: ${d.near} unexpected${expecting ? ` (expecting ${expecting})` : ''}`,
      start: d.start,
      end: d.end,
      related: opener?.startOffset,
      relatedMessage: opener ? `the ${opener.image === '(' ? '(' : `"${opener.image}"`} that needs it` : undefined,
    });
  }

  private bad(message: string, tok: IToken): void {
    if (this.reported.has(tok.startOffset)) return;
    this.reported.add(tok.startOffset);
    this.problems.push({ message, start: tok.startOffset, end: endOf(tok) });
  }

  // program: the whole file. After an error the rest of its line is skipped and parsing resumes on the next one.
  public program = this.RULE('program', (): ShProgram => {
    const items: AndOrNode[] = [];
    this.MANY({ GATE: () => this.LA(1).tokenType !== EOF, DEF: () => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => { this.CONSUME(Newline); } },
          {
            GATE: () => this.is(1, COMMAND_START),
            ALT: () => {
              const item = this.SUBRULE(this.andOr);
              this.ACTION(() => items.push(item));
              this.OR2({
                IGNORE_AMBIGUITIES: true,
                DEF: [
                  { ALT: () => { this.CONSUME(Semi); } },
                  { ALT: () => { this.CONSUME(Amp); this.ACTION(() => { item.background = true; }); } },
                  { ALT: () => { this.CONSUME2(Newline); } },
                  {
                    ALT: () => {
                      this.ACTION(() => { if (this.LA(1).tokenType !== EOF) this.unexpected(this.LA(1)); });
                      this.SUBRULE(this.skipLine);
                    },
                  },
                ],
              });
            },
          },
          {
            ALT: () => {
              const t = this.CONSUME(AnyTok);
              this.ACTION(() => {
                // A closer after an earlier error is that error's echo, not news.
                if (!(this.problems.length > 0 && CLOSERS.has(t.tokenType))) this.unexpected(t);
              });
              this.SUBRULE2(this.skipLine);
            },
          },
        ],
      });
    } });
    return { items };
  });

  private skipLine = this.RULE('skipLine', () => {
    this.MANY({ GATE: () => this.LA(1).tokenType !== Newline && this.LA(1).tokenType !== EOF, DEF: () => { this.CONSUME(AnyTok); } });
  });

  // A list: and-or lists separated by ; & or newlines, ending at a token that cannot continue it.
  private compoundList = this.RULE('compoundList', (required: boolean): AndOrNode[] => {
    const items: AndOrNode[] = [];
    let ended = false;
    this.MANY(() => { this.CONSUME(Newline); });
    this.MANY2({
      GATE: () => !ended && this.is(1, COMMAND_START),
      DEF: () => {
        const item = this.SUBRULE(this.andOr);
        this.ACTION(() => items.push(item));
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { ALT: () => { this.CONSUME(Semi); } },
            { ALT: () => { this.CONSUME(Amp); this.ACTION(() => { item.background = true; }); } },
            { ALT: () => { this.CONSUME2(Newline); } },
            { ALT: () => { this.ACTION(() => { ended = true; }); } },
          ],
        });
        this.MANY3(() => { this.CONSUME3(Newline); });
      },
    });
    this.ACTION(() => {
      if (required && items.length === 0) this.unexpected(this.LA(1));
    });
    return items;
  });

  private andOr = this.RULE('andOr', (): AndOrNode => {
    const pipelines: PipelineNode[] = [];
    const first = this.SUBRULE(this.pipeline);
    this.ACTION(() => pipelines.push(first));
    let failed = false;
    this.MANY({
      GATE: () => !failed,
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(AndIf) }, { ALT: () => this.CONSUME(OrIf) }]);
        this.MANY2(() => { this.CONSUME(Newline); });
        this.OR2({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { GATE: () => this.is(1, COMMAND_START), ALT: () => { const p = this.SUBRULE2(this.pipeline); this.ACTION(() => pipelines.push(p)); } },
            { ALT: () => { this.ACTION(() => { this.unexpected(this.LA(1)); failed = true; }); } },
          ],
        });
      },
    });
    return this.ACTION(() => ({ pipelines, background: false, start: pipelines[0].start, end: pipelines[pipelines.length - 1].end }));
  });

  private pipeline = this.RULE('pipeline', (): PipelineNode => {
    const commands: CommandNode[] = [];
    let bang: IToken | undefined;
    this.OPTION(() => { bang = this.CONSUME(Bang); });
    const first = this.SUBRULE(this.command);
    this.ACTION(() => { if (first) commands.push(first); });
    let failed = !first;
    this.MANY({
      GATE: () => !failed,
      DEF: () => {
        this.CONSUME(Pipe);
        this.MANY2(() => { this.CONSUME(Newline); });
        const c = this.SUBRULE2(this.command);
        this.ACTION(() => { if (c) commands.push(c); else failed = true; });
      },
    });
    return this.ACTION(() => {
      const start = bang ? bang.startOffset : commands[0]?.start ?? this.LA(1).startOffset;
      const end = commands.length ? commands[commands.length - 1].end : bang ? endOf(bang) : start;
      return { bang: !!bang, commands, start, end };
    });
  });

  /** One command, or undefined (reported) when the next token cannot start one. */
  private command = this.RULE('command', (): CommandNode | undefined => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.LA(1).tokenType === Word && this.LA(2).tokenType === LParen && this.LA(3).tokenType === RParen,
          ALT: () => this.SUBRULE(this.functionDef),
        },
        { GATE: () => this.is(1, SIMPLE_START), ALT: () => this.SUBRULE(this.simpleCommand) },
        { GATE: () => this.is(1, COMPOUND_START), ALT: () => this.SUBRULE(this.compoundCommand) },
        { ALT: () => this.ACTION(() => { this.unexpected(this.LA(1)); return undefined; }) },
      ],
    });
  });

  private functionDef = this.RULE('functionDef', (): FunctionNode => {
    const name = this.CONSUME(Word);
    this.CONSUME(LParen);
    this.CONSUME(RParen);
    this.ACTION(() => { if (!NAME.test(name.image)) this.bad(`syntax error: bad function name "${name.image}" (sh -n: Bad function name)`, name); });
    this.MANY(() => { this.CONSUME(Newline); });
    let body: CommandNode | undefined;
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.is(1, COMMAND_START) && this.LA(1).tokenType !== Bang, ALT: () => { body = this.SUBRULE(this.command); } },
        { ALT: () => { this.ACTION(() => this.unexpected(this.LA(1))); } },
      ],
    });
    return this.ACTION(() => ({ kind: 'function' as const, name: wordOf(name), body, start: name.startOffset, end: body ? body.end : name.startOffset + name.image.length }));
  });

  private simpleCommand = this.RULE('simpleCommand', (): SimpleCommandNode => {
    const assignments: WordNode[] = [];
    const words: WordNode[] = [];
    const redirects: RedirectNode[] = [];
    let first: IToken | undefined;
    this.MANY(() => {
      this.OR([
        { ALT: () => { const t = this.CONSUME(Assign); this.ACTION(() => { first ??= t; assignments.push(wordOf(t)); }); } },
        { ALT: () => { const r = this.SUBRULE(this.redirect); this.ACTION(() => redirects.push(r)); } },
      ]);
    });
    // After the prefix, every word (reserved words and name=value included) is the command name or an argument.
    this.MANY2(() => {
      this.OR2([
        { ALT: () => { const t = this.CONSUME(AnyWord); this.ACTION(() => { first ??= t; words.push(wordOf(t)); }); } },
        { ALT: () => { const r = this.SUBRULE2(this.redirect); this.ACTION(() => redirects.push(r)); } },
      ]);
    });
    return this.ACTION(() => {
      let start = first ? first.startOffset : this.LA(1).startOffset;
      let end = first ? endOf(first) : start;
      for (const r of redirects) {
        if (r.start < start) start = r.start;
        if (r.end > end) end = r.end;
      }
      const lastWord = words[words.length - 1] ?? assignments[assignments.length - 1];
      if (lastWord && lastWord.end > end) end = lastWord.end;
      return { kind: 'simple' as const, assignments, words, redirects, start, end };
    });
  });

  private redirect = this.RULE('redirect', (): RedirectNode => {
    let io: IToken | undefined;
    this.OPTION(() => { io = this.CONSUME(IoNumber); });
    const op = this.OR([{ ALT: () => this.CONSUME(Redir) }, { ALT: () => this.CONSUME(HereOp) }]);
    let target: WordNode | undefined;
    this.OR2({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { const t = this.CONSUME(AnyWord); this.ACTION(() => { target = wordOf(t); }); } },
        { ALT: () => { this.ACTION(() => this.unexpected(this.LA(1))); } },
      ],
    });
    return this.ACTION(() => ({ op: op.image, start: (io ?? op).startOffset, end: target ? target.end : endOf(op), target }));
  });

  private compoundCommand = this.RULE('compoundCommand', (): CompoundNode => {
    const node = this.OR([
      { ALT: () => this.SUBRULE(this.braceGroup) },
      { ALT: () => this.SUBRULE(this.subshell) },
      { ALT: () => this.SUBRULE(this.ifClause) },
      { ALT: () => this.SUBRULE(this.whileClause) },
      { ALT: () => this.SUBRULE(this.forClause) },
      { ALT: () => this.SUBRULE(this.caseClause) },
    ]);
    this.MANY(() => {
      const r = this.SUBRULE(this.redirect);
      this.ACTION(() => { node.redirects.push(r); node.end = r.end; });
    });
    return node;
  });

  /** Consumes the closer or reports it missing; returns the end offset to use for the construct. */
  private closeWith(name: string, opener: IToken, body: AndOrNode[]): (tok: IToken | undefined) => number {
    return (tok) => {
      if (tok) return endOf(tok);
      this.unexpected(this.LA(1), name, opener);
      const last = body[body.length - 1];
      return last ? last.end : endOf(opener);
    };
  }

  private node(kind: CompoundNode['kind'], opener: IToken, body: AndOrNode[], end: number, subject?: WordNode): CompoundNode {
    return { kind, keyword: { start: opener.startOffset, end: endOf(opener) }, body, subject, redirects: [], start: opener.startOffset, end };
  }

  private braceGroup = this.RULE('braceGroup', (): CompoundNode => {
    const open = this.CONSUME(LBrace);
    const body = this.SUBRULE(this.compoundList, { ARGS: [true] });
    let close: IToken | undefined;
    this.OPTION(() => { close = this.CONSUME(RBrace); });
    return this.ACTION(() => this.node('brace', open, body, this.closeWith('"}"', open, body)(close)));
  });

  private subshell = this.RULE('subshell', (): CompoundNode => {
    const open = this.CONSUME(LParen);
    const body = this.SUBRULE(this.compoundList, { ARGS: [true] });
    let close: IToken | undefined;
    this.OPTION(() => { close = this.CONSUME(RParen); });
    return this.ACTION(() => this.node('subshell', open, body, this.closeWith('")"', open, body)(close)));
  });

  // After a missing reserved word the parser carries on as if it were there: later checks at the same token are
  // dropped as duplicates, and the rest of the construct is still read.
  private expect(tok: IToken | undefined, expecting: string, opener: IToken): void {
    if (!tok) this.unexpected(this.LA(1), expecting, opener);
  }

  private ifClause = this.RULE('ifClause', (): CompoundNode => {
    const open = this.CONSUME(If);
    const body: AndOrNode[] = [];
    let then: IToken | undefined;
    let close: IToken | undefined;
    const cond = this.SUBRULE(this.compoundList, { ARGS: [true] });
    this.OPTION(() => { then = this.CONSUME(Then); });
    this.ACTION(() => { body.push(...cond); this.expect(then, '"then"', open); });
    const part = this.SUBRULE2(this.compoundList, { ARGS: [true] });
    this.ACTION(() => body.push(...part));
    this.MANY(() => {
      const elif = this.CONSUME(Elif);
      let then2: IToken | undefined;
      const c2 = this.SUBRULE3(this.compoundList, { ARGS: [true] });
      this.OPTION2(() => { then2 = this.CONSUME2(Then); });
      this.ACTION(() => { body.push(...c2); this.expect(then2, '"then"', elif); });
      const b2 = this.SUBRULE4(this.compoundList, { ARGS: [true] });
      this.ACTION(() => body.push(...b2));
    });
    this.OPTION3(() => {
      this.CONSUME(Else);
      const b3 = this.SUBRULE5(this.compoundList, { ARGS: [true] });
      this.ACTION(() => body.push(...b3));
    });
    this.OPTION4(() => { close = this.CONSUME(Fi); });
    return this.ACTION(() => this.node('if', open, body, this.closeWith('"fi"', open, body)(close)));
  });

  private whileClause = this.RULE('whileClause', (): CompoundNode => {
    const open = this.OR([{ ALT: () => this.CONSUME(While) }, { ALT: () => this.CONSUME(Until) }]);
    const cond = this.SUBRULE(this.compoundList, { ARGS: [true] });
    const r = this.SUBRULE(this.doGroup, { ARGS: [open] });
    return this.ACTION(() => this.node(open.tokenType === While ? 'while' : 'until', open, [...cond, ...r.body], r.end));
  });

  private doGroup = this.RULE('doGroup', (owner: IToken): { body: AndOrNode[]; end: number } => {
    let open: IToken | undefined;
    let close: IToken | undefined;
    this.OPTION(() => { open = this.CONSUME(Do); });
    this.ACTION(() => this.expect(open, '"do"', owner));
    const body = this.SUBRULE(this.compoundList, { ARGS: [true] });
    this.OPTION2(() => { close = this.CONSUME(Done); });
    return this.ACTION(() => ({ body, end: this.closeWith('"done"', owner, body)(close) }));
  });

  private forClause = this.RULE('forClause', (): CompoundNode => {
    const open = this.CONSUME(For);
    let variable: WordNode | undefined;
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const v = this.CONSUME(AnyWord);
            this.ACTION(() => {
              variable = wordOf(v);
              if (!NAME.test(v.image)) this.bad(`syntax error: bad for loop variable "${v.image}" (sh -n: Bad for loop variable)`, v);
            });
          },
        },
        {
          ALT: () => {
            this.ACTION(() => {
              const t = this.LA(1);
              if (t.tokenType === EOF) this.bad('syntax error: for without a loop variable (sh -n: Bad for loop variable)', open);
              else this.bad(`syntax error: bad for loop variable "${t.image}" (sh -n: Bad for loop variable)`, t);
            });
          },
        },
      ],
    });
    this.MANY(() => { this.CONSUME(Newline); });
    this.OPTION2(() => {
      this.CONSUME(In);
      this.MANY2(() => { this.CONSUME2(AnyWord); });
    });
    this.OPTION3(() => {
      this.OR2([{ ALT: () => this.CONSUME(Semi) }, { ALT: () => this.CONSUME2(Newline) }]);
    });
    this.MANY3(() => { this.CONSUME3(Newline); });
    const r = this.SUBRULE(this.doGroup, { ARGS: [open] });
    return this.ACTION(() => this.node('for', open, r.body, r.end, variable));
  });

  private caseClause = this.RULE('caseClause', (): CompoundNode => {
    const open = this.CONSUME(Case);
    let subject: WordNode | undefined;
    let stuck = false;
    const body: AndOrNode[] = [];
    let close: IToken | undefined;
    let inTok: IToken | undefined;
    this.OPTION(() => { const w = this.CONSUME(AnyWord); this.ACTION(() => { subject = wordOf(w); }); });
    this.ACTION(() => { if (!subject) this.unexpected(this.LA(1)); });
    this.MANY(() => { this.CONSUME(Newline); });
    this.OPTION2(() => { inTok = this.CONSUME(In); });
    this.ACTION(() => this.expect(inTok, '"in"', open));
    this.MANY2(() => { this.CONSUME2(Newline); });
    this.MANY3({
      GATE: () => !stuck && this.LA(1).tokenType !== Esac && this.LA(1).tokenType !== EOF,
      DEF: () => {
        const item = this.SUBRULE(this.caseItem, { ARGS: [open] });
        this.ACTION(() => { body.push(...item.body); if (!item.progressed) stuck = true; });
      },
    });
    this.OPTION3(() => { close = this.CONSUME(Esac); });
    return this.ACTION(() => this.node('case', open, body, this.closeWith('"esac"', open, body)(close), subject));
  });

  private caseItem = this.RULE('caseItem', (owner: IToken): { body: AndOrNode[]; progressed: boolean } => {
    const first = this.LA(1);
    let pattern: IToken | undefined;
    let close: IToken | undefined;
    let semi: IToken | undefined;
    // Every item consumes at least one token (the loop over items must progress): an optional `(`, then a pattern.
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(LParen);
            this.OPTION(() => { pattern = this.CONSUME(AnyWord); });
            this.ACTION(() => this.expect(pattern, '")"', owner));
          },
        },
        { ALT: () => { pattern = this.CONSUME2(AnyWord); } },
        { ALT: () => { const t = this.CONSUME(AnyTok); this.ACTION(() => this.unexpected(t, '")"', owner)); } },
      ],
    });
    this.MANY(() => {
      this.CONSUME(Pipe);
      let alt: IToken | undefined;
      this.OPTION3(() => { alt = this.CONSUME3(AnyWord); });
      this.ACTION(() => this.expect(alt, '")"', owner));
    });
    this.OPTION4(() => { close = this.CONSUME(RParen); });
    this.ACTION(() => this.expect(close, '")"', owner));
    const body = this.SUBRULE(this.compoundList, { ARGS: [false] });
    this.OPTION5(() => {
      semi = this.CONSUME(DSemi);
      this.MANY2(() => { this.CONSUME(Newline); });
    });
    this.ACTION(() => { if (!semi && this.LA(1).tokenType !== Esac) this.unexpected(this.LA(1), '";;"', owner); });
    return this.ACTION(() => ({ body, progressed: this.LA(1) !== first }));
  });
}

// Chevrotain parsers are costly to build: one instance, reused for every document and every nested program.
let parser: ShParser | undefined;

export interface RcconfParseOutput {
  program: ShProgram;
  problems: SyntaxProblem[];
  comments: ShComment[];
  heredocs: { start: number; end: number }[];
}

/** Nested $( ) programs deeper than this are checked for balance only, not parsed (bounds the work). */
export const MAX_NESTED_PARSE_DEPTH = 16;
/** At most this many nested programs are parsed per document (each costs a parser run). */
export const MAX_NESTED_PARSES = 5000;

/** A nested program of plain words only (`$(hostname)`) cannot hold a syntax error: no need to parse it. */
function needsParse(tokens: ShToken[]): boolean {
  for (const t of tokens) if (t.tokenType !== Word && t.tokenType !== Assign) return true;
  return false;
}

/** Drops tokens from the first compound command nested deeper than MAX_NESTING; reports it. */
function limitNesting(tokens: ShToken[], problems: SyntaxProblem[]): ShToken[] {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (type === If || type === While || type === Until || type === For || type === Case || type === LBrace || type === LParen) {
      if (++depth > MAX_NESTING) {
        problems.push({
          message: `commands nested more than ${MAX_NESTING} deep: the rest of the file is not checked`,
          start: tokens[i].startOffset,
          end: endOf(tokens[i]),
          ours: true,
        });
        return tokens.slice(0, i);
      }
    } else if (type === Fi || type === Done || type === Esac || type === RBrace || type === RParen) {
      depth = Math.max(0, depth - 1);
    }
  }
  return tokens;
}

function runParser(tokens: ShToken[], eofOffset: number, eofName: string): { program: ShProgram; problems: SyntaxProblem[] } {
  parser ??= new ShParser();
  const problems: SyntaxProblem[] = [];
  const input = limitNesting(tokens, problems);
  parser.input = input; // resets Chevrotain's own state
  parser.begin(eofOffset, eofName);
  let program: ShProgram = { items: [] };
  try {
    program = parser.program() ?? { items: [] };
  } catch (err) {
    // A stack overflow on pathological input (the nesting limit should prevent it): report, keep the rest.
    if (!(err instanceof RangeError)) throw err;
    problems.push({ message: 'this file is nested too deeply to check', start: 0, end: 0, ours: true });
    parser.input = [];
  }
  problems.push(...parser.problems);
  for (const e of parser.errors) {
    // Every error path is explicit in the grammar; this is a safety net for the unexpected.
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : eofOffset;
    problems.push({ message: `syntax error near "${t.image || eofName}" [${e.name}: ${e.message}]`, start, end: start + (t.image?.length ?? 0) });
  }
  // The parser is reused: without this (which also clears its errors) it would keep the tokens alive until the next parse.
  parser.input = [];
  return { program, problems };
}

/** Parse a whole rc.conf: tokens, the tree, sh's syntax problems (sorted), comments. */
export function parseRcconfText(text: string): RcconfParseOutput {
  const lexed = tokenizeSh(text);
  const problems: SyntaxProblem[] = [...lexed.problems];
  const { program, problems: parsed } = runParser(lexed.tokens, text.length, 'end of file');
  problems.push(...parsed);

  // Commands inside $( ) and backquotes are parsed now too, as sh does: breadth first, bounded in depth.
  const queue: { sub: NestedProgram; depth: number }[] = [];
  const enqueue = (tokens: ShToken[], depth: number) => {
    if (depth > MAX_NESTED_PARSE_DEPTH) return;
    for (const t of tokens) for (const sub of t.info?.subs ?? []) queue.push({ sub, depth });
  };
  enqueue(lexed.tokens, 1);
  for (const sub of lexed.looseSubs) queue.push({ sub, depth: 1 });
  let parses = 0;
  for (let i = 0; i < queue.length; i++) {
    const { sub, depth } = queue[i];
    if (needsParse(sub.tokens) && parses++ < MAX_NESTED_PARSES) {
      const r = runParser(sub.tokens, sub.end, sub.closer);
      problems.push(...r.problems);
    }
    enqueue(sub.tokens, depth + 1);
  }
  problems.sort((a, b) => a.start - b.start);
  return { program, problems: dedupe(problems), comments: lexed.comments, heredocs: lexed.heredocs };
}

/** One problem per offset: a missing quote or parenthesis explains what the parser then trips over there. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<number>();
  return problems.filter((p) => {
    if (seen.has(p.start)) return false;
    seen.add(p.start);
    return true;
  });
}
