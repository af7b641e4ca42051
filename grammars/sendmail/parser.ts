// Chevrotain parser for .mc files, building the lean tree of cst.ts directly (EmbeddedActionsParser).
// It reads calls the way m4 collects arguments: a name followed directly by `(` starts an argument list when
// the name is a macro (a builtin, a cf.m4 macro, or one the file defines); commas split arguments only at
// the call's own level; quotes protect everything. A `)` forgotten at the end of a line is reported there,
// where m4 would silently read on to the end of the file. Lines of LOCAL_CONFIG-like sections that are not
// m4 macro lines are kept as opaque sendmail.cf text.
import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from 'chevrotain';
import { parserConfig } from '../parser-config';
import { LineIndex } from '../../server/src/core/text';
import type { ArgNode, CallNode, GroupNode, ItemNode, OpaqueNode, QuotedNode, SendmailCst, TopNode } from './cst';
import { Comma, Dnl, Hash, lexMc, LParen, Quoted, RParen, sendmailTokens, StrayClose, Text, Word } from './lexer';
import { isKnownMacro, isSectionMacro, M4_BARE_EFFECT } from './macros';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /** Offset of a related place. */
  related?: number;
}

export interface McComment {
  start: number;
  end: number;
  body: string;
}

export interface McParseOutput {
  cst: SendmailCst;
  problems: SyntaxProblem[];
  comments: McComment[];
}

/** Deeper than any real .mc nests calls and parentheses; keeps the parser's recursion bounded. */
export const MAX_NESTING = 64;
/** Tokens searched for the `)` of an unknown name's argument list on the same line. */
const MAX_SAME_LINE_SCAN = 2000;

const BARE_EFFECT = new Set(M4_BARE_EFFECT);

// Nodes are made inside ACTION only. performSelfAnalysis runs every rule once with a recording token whose offsets
// are NaN: a node made then from it turned the offset fields of its shape into doubles, and V8 then gave every offset
// of every such node in every later parse a heap number of its own (~95,000 on the benchmark's 1x sendmail.mc).
function quotedNode(t: IToken): QuotedNode {
  const img = t.image;
  const terminated = img.length >= 2 && img.endsWith("'");
  return {
    kind: 'quoted',
    start: t.startOffset,
    end: t.startOffset + img.length,
    terminated,
    value: terminated ? img.slice(1, -1) : img.slice(1),
    valueStart: t.startOffset + 1,
  };
}

function wordNode(t: IToken): ItemNode {
  return { kind: 'word', image: t.image, start: t.startOffset, end: endOf(t) };
}

function endOf(t: IToken): number {
  return t.startOffset + t.image.length;
}

class McParser extends EmbeddedActionsParser {
  text = '';
  lines = new LineIndex('');
  problems: SyntaxProblem[] = [];
  /** Names the file has defined so far (m4 collects arguments for them too). */
  defined = new Set<string>();
  /** The open LOCAL_CONFIG-like section, if any. */
  section: string | undefined;
  hashes: number[] = [];
  depth = 0;
  nestingReported = false;
  lastTopCallClose = -1;

  constructor() {
    super(sendmailTokens(), parserConfig({ recoveryEnabled: true, maxLookahead: 2 }));
    this.performSelfAnalysis();
  }

  prepare(text: string, tokens: IToken[]): void {
    this.text = text;
    this.lines = new LineIndex(text);
    this.problems = [];
    this.defined = new Set();
    this.section = undefined;
    this.hashes = [];
    this.depth = 0;
    this.nestingReported = false;
    this.lastTopCallClose = -1;
    this.input = tokens;
  }

  // ------------------------------------------------------------------------------------------ predicates

  private isMacroName(name: string): boolean {
    return isKnownMacro(name) || this.defined.has(name);
  }

  private firstOnLine(t: IToken): boolean {
    for (let i = t.startOffset - 1; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  /** `name(` with the parenthesis directly after the name. */
  private callShape(): boolean {
    const a = this.LA(1);
    const b = this.LA(2);
    return a.tokenType === Word && b.tokenType === LParen && b.startOffset === endOf(a);
  }

  /** The `(` at LA(2) has its matching `)` on the same line. */
  private closesOnSameLine(): boolean {
    const open = this.LA(2);
    const lineEnd = this.lines.lineEnd(this.lines.lineOf(open.startOffset));
    let depth = 1;
    for (let k = 3; k < MAX_SAME_LINE_SCAN; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF || t.startOffset >= lineEnd) return false;
      if (t.tokenType === LParen) depth++;
      else if (t.tokenType === RParen && --depth === 0) return true;
    }
    return false;
  }

  /** A call starts here: a macro name (or a name whose argument list closes on its line) directly followed by `(`. */
  private callAhead(): boolean {
    if (!this.callShape()) return false;
    if (this.depth >= MAX_NESTING) return false;
    return this.isMacroName(this.LA(1).image) || this.closesOnSameLine();
  }

  /**
   * The argument list opened at `open` has run into the next statement: a known macro call (or a section
   * macro) in column 0 of a later line. m4 would keep reading; we stop and report the missing `)`.
   */
  private runsIntoStatement(open: number): boolean {
    const t = this.LA(1);
    if (t.tokenType !== Word) return false;
    const line = this.lines.lineOf(t.startOffset);
    if (this.lines.lineStart(line) !== t.startOffset || line <= this.lines.lineOf(open)) return false;
    if (isSectionMacro(t.image)) return true;
    return this.callShape() && this.isMacroName(t.image);
  }

  /** In a LOCAL_CONFIG-like section, a line that is sendmail.cf text rather than an m4 macro line. */
  private opaqueStart(): boolean {
    if (this.section === undefined) return false;
    const t = this.LA(1);
    if (t.tokenType === EOF || t.tokenType === Hash || !this.firstOnLine(t)) return false;
    if (t.tokenType === Word) {
      if (isSectionMacro(t.image) || BARE_EFFECT.has(t.image)) return false;
      if (this.callShape() && this.isMacroName(t.image)) return false;
    }
    return true;
  }

  private afterTopCall(call: CallNode): void {
    this.lastTopCallClose = call.close;
    this.noteDefinition(call);
    if (isSectionMacro(call.name)) this.section = call.name;
    else if (call.name === 'divert') {
      const a = call.args[0];
      const v = a ? this.text.slice(a.start, a.end).replace(/[`'\s]/g, '') : '';
      this.section = v === '' || v === '0' || v.startsWith('-') ? undefined : `divert(${v})`;
    }
  }

  private noteDefinition(call: CallNode): void {
    if (call.name !== 'define' && call.name !== 'pushdef') return;
    const a = call.args[0];
    if (!a) return;
    const name = this.text.slice(a.start, a.end).replace(/[`'\s]/g, '');
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.defined.add(name);
  }

  private tooDeep(at: number): void {
    if (this.nestingReported) return;
    this.nestingReported = true;
    this.problems.push({ message: `calls and parentheses nested more than ${MAX_NESTING} deep: what is inside is not checked`, start: at, end: at + 1 });
  }

  // ------------------------------------------------------------------------------------------ grammar

  public file = this.RULE('file', (): TopNode[] => {
    const items: TopNode[] = [];
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.opaqueStart(), ALT: () => { const o = this.SUBRULE(this.opaqueLine); this.ACTION(() => items.push(o)); } },
          { ALT: () => { const it = this.SUBRULE(this.topItem); this.ACTION(() => items.push(it)); } },
        ],
      });
    });
    return items;
  });

  public opaqueLine = this.RULE('opaqueLine', (): OpaqueNode => {
    let start = -1;
    let end = -1;
    let lineEnd = -1;
    this.AT_LEAST_ONE({
      GATE: () => start < 0 || this.LA(1).startOffset < lineEnd,
      DEF: () => {
        const t = this.SUBRULE(this.anyToken);
        this.ACTION(() => {
          if (start < 0) {
            start = t.startOffset;
            lineEnd = this.lines.lineEnd(this.lines.lineOf(start));
          }
          end = endOf(t);
        });
      },
    });
    return { kind: 'opaque', start, end, section: this.section ?? '' };
  });

  public anyToken = this.RULE('anyToken', (): IToken => {
    return this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(Quoted) },
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(Hash) },
      { ALT: () => this.CONSUME(StrayClose) },
      { ALT: () => this.CONSUME(LParen) },
      { ALT: () => this.CONSUME(RParen) },
      { ALT: () => this.CONSUME(Comma) },
    ]);
  });

  public topItem = this.RULE('topItem', (): ItemNode => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.callAhead(),
          ALT: () => {
            const c = this.SUBRULE(this.call);
            this.ACTION(() => this.afterTopCall(c));
            return c;
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Word);
            this.ACTION(() => {
              if (isSectionMacro(t.image)) this.section = t.image;
              else if (t.image === 'divert') this.section = undefined;
            });
            return this.ACTION(() => wordNode(t));
          },
        },
        { ALT: () => { const t = this.CONSUME(Quoted); return this.ACTION(() => quotedNode(t)); } },
        {
          ALT: () => {
            const t = this.CONSUME(Hash);
            this.ACTION(() => this.hashes.push(t.startOffset));
            return this.ACTION(() => ({ kind: 'text', image: '#', start: t.startOffset, end: t.startOffset + 1 }) as ItemNode);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(RParen);
            this.ACTION(() => {
              const prev = this.lastTopCallClose;
              if (prev >= 0 && /^[ \t]*$/.test(this.text.slice(prev + 1, t.startOffset))) {
                this.problems.push({
                  message: "this ')' closes nothing: the call before it is already closed, and m4 copies the ')' into sendmail.cf",
                  start: t.startOffset,
                  end: t.startOffset + 1,
                  related: prev,
                });
              }
            });
            return this.ACTION(() => ({ kind: 'text', image: ')', start: t.startOffset, end: t.startOffset + 1 }) as ItemNode);
          },
        },
        { ALT: () => this.textToken(this.CONSUME(Text)) },
        { ALT: () => this.textToken(this.CONSUME(StrayClose)) },
        { ALT: () => this.textToken(this.CONSUME(Comma)) },
        { ALT: () => this.textToken(this.CONSUME(LParen)) },
      ],
    });
  });

  private textToken(t: IToken): ItemNode {
    return this.ACTION(() => ({ kind: 'text', image: t.image, start: t.startOffset, end: endOf(t) }));
  }

  public call = this.RULE('call', (): CallNode => {
    const name = this.CONSUME(Word);
    const open = this.CONSUME(LParen);
    this.ACTION(() => this.depth++);
    const args: ArgNode[] = [];
    const first = this.SUBRULE(this.arg, { ARGS: [open.startOffset] });
    this.ACTION(() => args.push(first));
    this.MANY(() => {
      this.CONSUME(Comma);
      const a = this.SUBRULE2(this.arg, { ARGS: [open.startOffset] });
      this.ACTION(() => args.push(a));
    });
    let close = -1;
    this.OPTION({
      GATE: () => !this.runsIntoStatement(open.startOffset),
      DEF: () => {
        close = this.CONSUME(RParen).startOffset;
      },
    });
    return this.ACTION(() => {
      this.depth--;
      if (close < 0) {
        const next = this.LA(1);
        const where = next.tokenType === EOF ? 'the end of the file' : `line ${this.lines.lineOf(next.startOffset) + 1}`;
        this.problems.push({
          message:
            `missing ')': the argument list of ${name.image} opened here is never closed before ${where} — ` +
            "m4 reads on and fails at the end of the file with 'end of file in argument list' (it may name another file)",
          start: open.startOffset,
          end: open.startOffset + 1,
        });
      }
      const lastArg = args[args.length - 1];
      const end = close >= 0 ? close + 1 : Math.max(open.startOffset + 1, lastArg ? lastArg.end : 0);
      return {
        kind: 'call',
        name: name.image,
        nameSpan: { start: name.startOffset, end: endOf(name) },
        open: open.startOffset,
        close,
        args,
        start: name.startOffset,
        end,
      } as CallNode;
    });
  });

  public arg = this.RULE('arg', (open: number): ArgNode => {
    const items: ItemNode[] = [];
    this.MANY({
      GATE: () => !this.runsIntoStatement(open),
      DEF: () => {
        const it = this.SUBRULE(this.argItem, { ARGS: [open] });
        this.ACTION(() => items.push(it));
      },
    });
    return this.ACTION(() => {
      const startTok = items[0];
      const last = items[items.length - 1];
      // An empty argument sits right after its delimiter.
      const start = startTok ? startTok.start : this.emptyArgAt();
      return { items, start, end: last ? last.end : start };
    });
  });

  private emptyArgAt(): number {
    const t = this.LA(1);
    return t.tokenType === EOF ? this.text.length : t.startOffset;
  }

  public argItem = this.RULE('argItem', (open: number): ItemNode => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.callAhead(), ALT: () => { const c = this.SUBRULE(this.call); this.ACTION(() => this.noteDefinition(c)); return c; } },
        { ALT: () => { const t = this.CONSUME(Word); return this.ACTION(() => wordNode(t)); } },
        { ALT: () => { const t = this.CONSUME(Quoted); return this.ACTION(() => quotedNode(t)); } },
        { ALT: () => this.textToken(this.CONSUME(Text)) },
        { ALT: () => this.textToken(this.CONSUME(Hash)) },
        { ALT: () => this.textToken(this.CONSUME(StrayClose)) },
        {
          GATE: () => this.depth >= MAX_NESTING,
          ALT: () => {
            const t = this.CONSUME(LParen);
            this.ACTION(() => this.tooDeep(t.startOffset));
            return this.textToken(t);
          },
        },
        { ALT: () => this.SUBRULE(this.group, { ARGS: [open] }) },
      ],
    });
  });

  public group = this.RULE('group', (open: number): GroupNode => {
    const lp = this.CONSUME(LParen);
    this.ACTION(() => this.depth++);
    const items: ItemNode[] = [];
    this.MANY({
      GATE: () => !this.runsIntoStatement(open),
      DEF: () => {
        this.OR([
          { ALT: () => { const it = this.SUBRULE(this.argItem, { ARGS: [open] }); this.ACTION(() => items.push(it)); } },
          { ALT: () => { const c = this.CONSUME(Comma); this.ACTION(() => items.push(this.textToken(c))); } },
        ]);
      },
    });
    let close = -1;
    this.OPTION({
      GATE: () => !this.runsIntoStatement(open),
      DEF: () => {
        close = this.CONSUME(RParen).startOffset;
      },
    });
    return this.ACTION(() => {
      this.depth--;
      if (close < 0) {
        this.problems.push({
          message: "missing ')': this parenthesis inside an argument is never closed, so m4 does not end the macro call where it seems to",
          start: lp.startOffset,
          end: lp.startOffset + 1,
        });
      }
      const last = items[items.length - 1];
      return { kind: 'group', items, close, start: lp.startOffset, end: close >= 0 ? close + 1 : last ? last.end : lp.startOffset + 1 } as GroupNode;
    });
  });
}

// Chevrotain parsers are costly to build: one instance, reused for every document.
let parser: McParser | undefined;

export function parseMcText(text: string): McParseOutput {
  parser ??= new McParser();
  const { lexed, problems: lexProblems, commentLimit } = lexMc(text);
  const problems: SyntaxProblem[] = [...lexProblems];
  for (const e of lexed.errors) problems.push({ message: `unexpected character: ${e.message}`, start: e.offset, end: e.offset + (e.length || 1) });
  const comments: McComment[] = [];
  for (const c of lexed.groups.comments ?? []) {
    const img = c.image;
    comments.push({ start: c.startOffset, end: c.startOffset + img.length, body: c.tokenType === Dnl ? img.slice(3) : img.slice(1) });
  }
  parser.prepare(text, lexed.tokens);
  const items = parser.file();
  problems.push(...parser.problems);
  for (const e of parser.errors) {
    // Every token is acceptable somewhere in this grammar; this is a safety net for the unexpected.
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    problems.push({ message: `syntax error near '${t.image || 'end of file'}'`, start, end: start + (t.image?.length ?? 0) });
  }
  problems.sort((a, b) => a.start - b.start);
  return { cst: { items: items ?? [], hashes: parser.hashes, commentLimit }, problems, comments };
}

/** Token types by name, for tests. */
export function tokenTypes(): Record<string, TokenType> {
  return Object.fromEntries(sendmailTokens().map((t) => [t.name, t]));
}
