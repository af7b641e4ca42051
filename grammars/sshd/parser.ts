// Chevrotain parser for sshd_config lines, building the lean tree of cst.ts directly (EmbeddedActionsParser).
// Adjacent pieces (`a"b c"d`) are joined into one argument and read with sshd's own rules (misc.c argv_split):
// quotes removed, `\"`, `\'`, `\\` and `\ ` unescaped, other backslashes kept. Messages follow `sshd -t`.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { parserConfig } from '../parser-config';
import type { ArgNode, DirectiveNode, KeywordNode, SshdCst } from './cst';
import { ArgPiece, Comment, KeywordLike, Newline, QuotedKeyword, sshdLexer, sshdTokens, StrayEquals } from './lexer';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

export interface SshdComment {
  start: number;
  end: number;
  body: string;
}

export interface SshdParseOutput {
  cst: SshdCst;
  problems: SyntaxProblem[];
  comments: SshdComment[];
}

interface RawDirective {
  head: IToken;
  pieces: IToken[];
  newline?: IToken;
}

class SshdParser extends EmbeddedActionsParser {
  constructor() {
    super(sshdTokens(), parserConfig({ recoveryEnabled: true, maxLookahead: 1 }));
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): RawDirective[] => {
    const out: RawDirective[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { const d = this.SUBRULE(this.directive); this.ACTION(() => out.push(d)); } },
        { ALT: () => { this.CONSUME(Newline); } },
        // Cannot happen with this lexer (arguments only follow a keyword); kept so no token stream can fail.
        { ALT: () => { this.CONSUME(ArgPiece); } },
      ]);
    });
    return out;
  });

  public directive = this.RULE('directive', (): RawDirective => {
    const head = this.OR([{ ALT: () => this.CONSUME(KeywordLike) }, { ALT: () => this.CONSUME(StrayEquals) }]);
    const pieces: IToken[] = [];
    this.MANY(() => {
      const p = this.CONSUME2(ArgPiece);
      this.ACTION(() => pieces.push(p));
    });
    let newline: IToken | undefined;
    this.OPTION(() => {
      newline = this.CONSUME2(Newline);
    });
    return { head, pieces, newline };
  });
}

// Chevrotain parsers are costly to build: one instance, reused for every document.
let parser: SshdParser | undefined;

/** What sshd's argv_split() makes of one argument's text; `open` is the offset (in raw) of an unclosed quote. */
export function readArgument(raw: string): { value: string; quoted: boolean; open: number } {
  // Most arguments have neither quotes nor backslashes.
  if (!/["'\\]/.test(raw)) return { value: raw, quoted: false, open: -1 };
  let value = '';
  let quote = '';
  let quoted = false;
  let open = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === "'" || n === '"' || n === '\\' || (quote === '' && n === ' ')) {
        value += n;
        i++;
      } else value += c;
    } else if (quote === '' && (c === '"' || c === "'")) {
      quote = c;
      quoted = true;
      open = i;
    } else if (quote !== '' && c === quote) {
      quote = '';
    } else value += c;
  }
  return { value, quoted, open: quote === '' ? -1 : open };
}

function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}

function lineEndOf(text: string, offset: number): number {
  let i = text.indexOf('\n', offset);
  if (i < 0) i = text.length;
  while (i > offset && (text[i - 1] === '\r' || text[i - 1] === '\f')) i--;
  return i;
}

function buildDirective(text: string, raw: RawDirective): DirectiveNode {
  const { head } = raw;
  const headEnd = head.startOffset + head.image.length;
  let keyword: KeywordNode | undefined;
  if (head.tokenType === StrayEquals) keyword = undefined;
  else if (head.tokenType === QuotedKeyword) {
    const closed = head.image.length > 1 && head.image.endsWith('"');
    keyword = { text: head.image.slice(1, closed ? -1 : undefined), quoted: true, start: head.startOffset, end: headEnd };
  } else keyword = { text: head.image, quoted: false, start: head.startOffset, end: headEnd };

  // Join adjacent pieces into arguments.
  const groups: { start: number; end: number }[] = [];
  const pieces = head.tokenType === StrayEquals ? [head, ...raw.pieces] : raw.pieces;
  for (const p of pieces) {
    const start = p.startOffset;
    const end = start + p.image.length;
    const last = groups[groups.length - 1];
    if (last && last.end === start) last.end = end;
    else groups.push({ start, end });
  }
  // One `=` may separate the keyword from its value (`Port=22`, `Port = 22`): strdelim() skips exactly one.
  if (keyword && groups.length > 0 && text[groups[0].start] === '=') {
    groups[0].start++;
    if (groups[0].start === groups[0].end) groups.shift();
  }
  // map() makes the array at its length: the tree keeps it, and one grown by push has room for 17.
  let openQuote = -1;
  const args = groups.map((g): ArgNode => {
    const rawText = text.slice(g.start, g.end);
    const r = readArgument(rawText);
    if (r.open >= 0 && openQuote < 0) openQuote = g.start + r.open;
    return { raw: rawText, value: r.value, quoted: r.quoted, start: g.start, end: g.end };
  });
  if (keyword?.quoted && !head.image.endsWith('"') && openQuote < 0) openQuote = head.startOffset;
  const lineStart = lineStartOf(text, head.startOffset);
  const lineEnd = lineEndOf(text, head.startOffset);
  const last = args[args.length - 1];
  return { keyword, args, openQuote, lineStart, lineEnd, start: head.startOffset, end: last ? last.end : headEnd };
}

export function parseSshdText(text: string): SshdParseOutput {
  parser ??= new SshdParser();
  const lexed = sshdLexer().tokenize(text);
  const problems: SyntaxProblem[] = [];
  for (const e of lexed.errors) problems.push({ message: `unexpected character: ${e.message}`, start: e.offset, end: e.offset + (e.length || 1) });
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    problems.push({ message: 'a NUL byte: sshd reads each line only up to it, so the rest of this line is lost', start: nul, end: nul + 1 });
  }
  parser.input = lexed.tokens;
  const raws = parser.file();
  for (const e of parser.errors) {
    // The grammar accepts every token stream the lexer can produce; this is a safety net for the unexpected.
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    problems.push({ message: `unexpected '${t.image || 'end of file'}'`, start, end: start + (t.image?.length ?? 0) });
  }
  // The parser is reused: without this (which also clears its errors) it would keep every token of the file alive
  // until the next parse.
  parser.input = [];
  const directives = raws.map((r) => buildDirective(text, r));
  const comments: SshdComment[] = [];
  let d = 0;
  for (const c of lexed.groups.comments ?? []) {
    if (c.tokenType !== Comment) continue;
    const span = { start: c.startOffset, end: c.startOffset + c.image.length };
    comments.push({ ...span, body: c.image.slice(1) });
    while (d < directives.length && directives[d].lineEnd < span.start) d++;
    const dir = directives[d];
    if (dir && dir.lineStart <= span.start && span.start <= dir.lineEnd) dir.comment = span;
  }
  problems.sort((a, b) => a.start - b.start);
  return { cst: { directives }, problems, comments };
}
