// Tokens of the POSIX sh language rc.conf files are written in, and the tokenizer that produces them.
// sh lexing depends on context (quotes nest inside $( ), `#` starts a comment only at a word's start, here-document
// bodies follow the line that names them, `)` may end a case pattern), so the tokenizer is written by hand and
// hands Chevrotain token instances to the parser. Every loop is linear in the text; nothing here throws on bad input.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

// The tokens are made on first use (shTokens), not when the module loads: Chevrotain's createToken is slow enough
// (~0.1 ms each) that every dialect's tokens, made at every start, cost a run that checks one dialect ~7 ms.
export let AnyTok: TokenType;
export let AnyWord: TokenType;
export let Keyword: TokenType;
export let Word: TokenType;
export let Assign: TokenType;
export let If: TokenType;
export let Then: TokenType;
export let Else: TokenType;
export let Elif: TokenType;
export let Fi: TokenType;
export let Do: TokenType;
export let Done: TokenType;
export let Case: TokenType;
export let Esac: TokenType;
export let While: TokenType;
export let Until: TokenType;
export let For: TokenType;
export let In: TokenType;
export let LBrace: TokenType;
export let RBrace: TokenType;
export let Bang: TokenType;
export let Newline: TokenType;
export let Semi: TokenType;
export let DSemi: TokenType;
export let Amp: TokenType;
export let AndIf: TokenType;
export let OrIf: TokenType;
export let Pipe: TokenType;
export let LParen: TokenType;
export let RParen: TokenType;
export let Redir: TokenType;
export let HereOp: TokenType;
export let IoNumber: TokenType;
/** Every token type, categories first (the parser's vocabulary); empty until shTokens() made them. */
export let allTokens: TokenType[] = [];
/** Reserved words by their text. */
let RESERVED: Map<string, TokenType>;

/** Makes the tokens the first time (tokenizeSh and the parser call it); returns allTokens. */
export function shTokens(): TokenType[] {
  if (allTokens.length) return allTokens;
  // Categories: AnyTok matches every token (error recovery skips by it); AnyWord matches every token that sh can
  // read as a plain word in argument position (reserved words are reserved only where a command starts).
  AnyTok = createToken({ name: 'AnyTok', pattern: Lexer.NA });
  AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, categories: [AnyTok] });
  Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, categories: [AnyTok] });

  Word = createToken({ name: 'Word', pattern: Lexer.NA, categories: [AnyWord, AnyTok] });
  /** A word of the form name=value (the name unquoted): an assignment where a command starts. */
  Assign = createToken({ name: 'Assign', pattern: Lexer.NA, categories: [AnyWord, AnyTok] });

  const reserved = (name: string) => createToken({ name, pattern: Lexer.NA, categories: [AnyWord, Keyword, AnyTok] });
  If = reserved('If');
  Then = reserved('Then');
  Else = reserved('Else');
  Elif = reserved('Elif');
  Fi = reserved('Fi');
  Do = reserved('Do');
  Done = reserved('Done');
  Case = reserved('Case');
  Esac = reserved('Esac');
  While = reserved('While');
  Until = reserved('Until');
  For = reserved('For');
  In = reserved('In');
  LBrace = reserved('LBrace');
  RBrace = reserved('RBrace');
  Bang = reserved('Bang');

  const op = (name: string) => createToken({ name, pattern: Lexer.NA, categories: [AnyTok] });
  Newline = op('Newline');
  Semi = op('Semi');
  /** `;;`, and FreeBSD sh's `;&` (fall through), which its own network.subr uses. */
  DSemi = op('DSemi');
  Amp = op('Amp');
  AndIf = op('AndIf');
  OrIf = op('OrIf');
  Pipe = op('Pipe');
  LParen = op('LParen');
  RParen = op('RParen');
  /** `<`, `>`, `>>`, `<&`, `>&`, `<>`, `>|` */
  Redir = op('Redir');
  /** `<<` and `<<-`: the next word names a here-document. */
  HereOp = op('HereOp');
  /** Digits directly before a redirection operator (`2>`). */
  IoNumber = op('IoNumber');

  allTokens = [
    AnyTok, AnyWord, Keyword, Word, Assign, If, Then, Else, Elif, Fi, Do, Done, Case, Esac, While, Until, For, In, LBrace, RBrace, Bang,
    Newline, Semi, DSemi, Amp, AndIf, OrIf, Pipe, LParen, RParen, Redir, HereOp, IoNumber,
  ];

  RESERVED = new Map<string, TokenType>([
    ['if', If], ['then', Then], ['else', Else], ['elif', Elif], ['fi', Fi], ['do', Do], ['done', Done], ['case', Case], ['esac', Esac],
    ['while', While], ['until', Until], ['for', For], ['in', In], ['{', LBrace], ['}', RBrace], ['!', Bang],
  ]);
  return allTokens;
}

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /** Offset of a related place (the opening quote, the `if` a `fi` is missing for). */
  related?: number;
  relatedMessage?: string;
  /**
   * Not something sh rejects but v6ready's own bound (MAX_TOKENS): the file is checked up to `start` only. Such a
   * problem is no syntax error and says nothing about what `sh -n` makes of the file.
   */
  limit?: boolean;
  /**
   * Also v6ready's own bound, on nesting (sh has none that a real rc.conf reaches): what follows is not checked. A
   * warning that says so, not an error with what `sh -n` would say.
   */
  ours?: boolean;
}

export type QuoteKind = 'none' | 'single' | 'double' | 'escape';

/** A piece of a word as sh reads it. Literal text is unquoted (quotes and escapes removed). */
export type WordPart =
  | { kind: 'text'; text: string; quote: QuoteKind; start: number; end: number }
  | { kind: 'expansion'; quoted: boolean; start: number; end: number };

/** The tokens of a `$( )` or backquoted command, parsed after the word that holds it. */
export interface NestedProgram {
  tokens: ShToken[];
  /** Offsets of the command text (inside the parentheses or backquotes). */
  start: number;
  end: number;
  /** How the end of this program reads in messages (the closing parenthesis). */
  closer: string;
}

export interface WordInfo {
  /** Quoted or escaped somewhere: never a reserved word. */
  quoted: boolean;
  parts: WordPart[];
  subs: NestedProgram[];
}

export interface ShToken extends IToken {
  info?: WordInfo;
}

export interface ShComment {
  start: number;
  end: number;
  body: string;
}

export interface TokenizeOutput {
  tokens: ShToken[];
  comments: ShComment[];
  problems: SyntaxProblem[];
  /** Here-document bodies (start of the body to the end of its delimiter line). */
  heredocs: { start: number; end: number }[];
}

/** Deeper nesting of $( ), ${ } and quotes than this is reported and not followed (keeps the stack bounded). */
export const MAX_SCAN_DEPTH = 100;
/** More tokens than any real rc.conf has (thousands); past this the rest of the file is reported and not checked. */
export const MAX_TOKENS = 200_000;

class DepthExceeded extends Error {}
class TooManyTokens extends Error {}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

const enum Mode {
  Top,
  /** Inside `$(`: ends at the `)` that closes it. */
  CommandSub,
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** sh's metacharacters end an unquoted word: blank, newline, ; & | < > ( ). */
function isMeta(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** A character that can follow `$` in a parameter expansion: a name, a digit, or one of @ * # ? $ ! -. */
function isParamStart(c: number): boolean {
  return isNameChar(c) || c === 64 || c === 42 || c === 35 || c === 63 || c === 36 || c === 33 || c === 45;
}

const NAME_EQ = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Tokenizes text[from, to) (absolute offsets). `base` shifts the offsets of a patched copy (backquote contents,
 * whose escaping backslashes are blanked) back onto the document.
 */
export class ShTokenizer {
  readonly comments: ShComment[] = [];
  readonly problems: SyntaxProblem[] = [];
  readonly heredocs: { start: number; end: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly base = 0,
    private readonly nestDepth = 0,
    /** Tokens made so far, shared with the tokenizers of backquoted commands; where the one over MAX_TOKENS starts. */
    private readonly budget = { count: 0, overflowAt: 0 },
  ) {}

  tokenizeAll(): TokenizeOutput {
    let tokens: ShToken[] = [];
    try {
      tokens = this.tokenize(0, this.text.length, Mode.Top, 0).tokens;
    } catch (err) {
      if (err instanceof TooManyTokens) tokens = this.nestDepth === 0 ? this.cutShort(this.partial) : this.partial;
      else if (!(err instanceof DepthExceeded)) throw err;
    }
    return { tokens, comments: this.comments, problems: this.problems, heredocs: this.heredocs };
  }

  /**
   * The tokens of a file cut short by MAX_TOKENS, up to the end of the last complete top-level command, and the
   * problem that says where checking stops. A cut inside an `if`, a `case` or a `{ }` would make the parser report a
   * missing `fi` that the file does not lack.
   */
  private cutShort(tokens: ShToken[]): ShToken[] {
    let keep = 0;
    const open: TokenType[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const type = tokens[i].tokenType;
      const inCase = open[open.length - 1] === Case;
      if (type === If || type === While || type === Until || type === For || type === Case || type === LBrace || (type === LParen && !inCase)) open.push(type);
      else if (type === Fi || type === Done || type === Esac || type === RBrace || (type === RParen && !inCase)) open.pop();
      else if ((type === Newline || type === Semi) && open.length === 0) {
        // `a &&` / `a |` at the end of a line goes on on the next one.
        const prev = tokens[i - 1]?.tokenType;
        if (prev !== AndIf && prev !== OrIf && prev !== Pipe) keep = i + 1;
      }
    }
    const stop = keep < tokens.length ? tokens[keep].startOffset : this.budget.overflowAt;
    this.problems.push({
      message: `more than ${MAX_TOKENS.toLocaleString('en-US')} words and operators: v6ready checks this file up to here only`,
      start: stop,
      end: stop,
      limit: true,
    });
    return tokens.slice(0, keep);
  }

  private problem(message: string, start: number, end: number, related?: number, relatedMessage?: string): void {
    this.problems.push({ message, start: start + this.base, end: end + this.base, related: related === undefined ? undefined : related + this.base, relatedMessage });
  }

  private tooDeep(at: number): never {
    this.problem(`nested more than ${MAX_SCAN_DEPTH} deep (quotes, $( ) and \${ } inside each other): the rest of the file is not checked`, at, at + 1);
    this.problems[this.problems.length - 1].ours = true;
    throw new DepthExceeded();
  }

  /** The top-level tokens read so far, for a file cut short by MAX_TOKENS. */
  private partial: ShToken[] = [];

  private token(type: TokenType, start: number, end: number, info?: WordInfo): ShToken {
    if (++this.budget.count > MAX_TOKENS) {
      // Reported by the top-level tokenizer once it has cut its tokens back to a whole command (cutShort).
      this.budget.overflowAt = start + this.base;
      throw new TooManyTokens();
    }
    // Plain words (no quotes, escapes or expansions) keep no parts: the model reads them from the image.
    if (info && !info.quoted && info.subs.length === 0 && info.parts.length === 1 && info.parts[0].kind === 'text' && info.parts[0].start === start + this.base && info.parts[0].end === end + this.base) {
      info = undefined;
    }
    // The fields of Chevrotain's own tokens with positionTracking 'onlyOffset' (all its parser reads), with `info` in
    // the same literal (one hidden class for all tokens). No NaN line and column fields: V8 gave each of those a
    // heap number of its own, four objects more per token, all kept alive until the parse ends.
    return {
      image: this.text.slice(start, end),
      startOffset: start + this.base,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
      info,
    };
  }

  /**
   * Tokens of text[pos, limit). In CommandSub mode stops at the `)` that closes the substitution and returns its
   * offset as `end` (or limit, with closed=false, when there is none).
   */
  private tokenize(pos: number, limit: number, mode: Mode, depth: number): { tokens: ShToken[]; end: number; closed: boolean } {
    if (depth > MAX_SCAN_DEPTH) this.tooDeep(pos);
    const text = this.text;
    const tokens: ShToken[] = [];
    if (mode === Mode.Top && depth === 0) this.partial = tokens;
    const pending: PendingHeredoc[] = [];
    let expectHeredocWord: { stripTabs: boolean } | undefined;
    // For finding the `)` that ends a $( ): parentheses opened inside it, and the case statements it is in
    // (a `)` after a case pattern does not close anything).
    let parens = 0;
    const cases: { state: 'subject' | 'in' | 'pattern' | 'body'; parens: number }[] = [];
    let commandStart = true;

    const push = (t: ShToken, startsCommand: boolean) => {
      tokens.push(t);
      commandStart = startsCommand;
      // Only the word right after `<<` names a here-document.
      if (t.tokenType !== HereOp) expectHeredocWord = undefined;
    };

    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (isBlank(c)) {
        pos++;
        continue;
      }
      if (c === 92 /* \ */ && text.charCodeAt(pos + 1) === 10 && pos + 1 < limit) {
        pos += 2; // line continuation between words
        continue;
      }
      if (c === 10) {
        push(this.token(Newline, pos, pos + 1), true);
        pos++;
        if (pending.length > 0) pos = this.readHeredocs(pending.splice(0), pos, limit, depth);
        continue;
      }
      if (c === 35 /* # */) {
        let e = text.indexOf('\n', pos);
        if (e < 0 || e > limit) e = limit;
        this.comments.push({ start: pos + this.base, end: e + this.base, body: text.slice(pos + 1, e) });
        pos = e;
        continue;
      }
      // Operators.
      const c1 = pos + 1 < limit ? text.charCodeAt(pos + 1) : -1;
      const c2 = pos + 2 < limit ? text.charCodeAt(pos + 2) : -1;
      if (c === 38 /* & */) {
        if (c1 === 38) { push(this.token(AndIf, pos, pos + 2), true); pos += 2; }
        else { push(this.token(Amp, pos, pos + 1), true); pos++; }
        continue;
      }
      if (c === 124 /* | */) {
        if (c1 === 124) { push(this.token(OrIf, pos, pos + 2), true); pos += 2; }
        else { push(this.token(Pipe, pos, pos + 1), true); pos++; }
        continue;
      }
      if (c === 59 /* ; */) {
        if (c1 === 59 || c1 === 38) {
          push(this.token(DSemi, pos, pos + 2), true);
          pos += 2;
          const top = cases[cases.length - 1];
          if (top && top.state === 'body') top.state = 'pattern';
        } else { push(this.token(Semi, pos, pos + 1), true); pos++; }
        continue;
      }
      if (c === 40 /* ( */) {
        const top = cases[cases.length - 1];
        if (!(top && top.state === 'pattern' && parens === top.parens)) parens++;
        push(this.token(LParen, pos, pos + 1), true);
        pos++;
        continue;
      }
      if (c === 41 /* ) */) {
        const top = cases[cases.length - 1];
        if (top && top.state === 'pattern' && parens === top.parens) {
          top.state = 'body';
        } else if (parens > 0) {
          parens--;
        } else if (mode === Mode.CommandSub) {
          return { tokens, end: pos, closed: true };
        }
        push(this.token(RParen, pos, pos + 1), true);
        pos++;
        continue;
      }
      if (c === 60 /* < */ || c === 62 /* > */) {
        let len = 1;
        let type = Redir;
        if (c === 60 && c1 === 60) {
          type = HereOp;
          len = c2 === 45 /* - */ ? 3 : 2;
          expectHeredocWord = { stripTabs: len === 3 };
        } else if (c === 60 && (c1 === 38 || c1 === 62)) len = 2;
        else if (c === 62 && (c1 === 62 || c1 === 38 || c1 === 124)) len = 2;
        push(this.token(type, pos, pos + len), false);
        pos += len;
        continue;
      }
      if (isDigit(c)) {
        let e = pos;
        while (e < limit && isDigit(text.charCodeAt(e))) e++;
        const n = e < limit ? text.charCodeAt(e) : -1;
        if (n === 60 || n === 62) {
          push(this.token(IoNumber, pos, e), false);
          pos = e;
          continue;
        }
      }
      // A word.
      const start = pos;
      // Fast path: a plain word (no quote, escape or $) needs no parts; most words are plain.
      let info: WordInfo | undefined;
      let e = pos;
      while (e < limit) {
        const ch = text.charCodeAt(e);
        if (isMeta(ch) || ch === 92 || ch === 39 || ch === 34 || ch === 36 || ch === 96) break;
        e++;
      }
      if (e < limit && !isMeta(text.charCodeAt(e))) {
        info = { quoted: false, parts: [], subs: [] };
        pos = this.scanWord(pos, limit, depth, info);
      } else {
        pos = e;
      }
      if (pos === start) {
        // Cannot happen (every non-meta character starts a word); step on rather than loop.
        pos++;
        continue;
      }
      const image = text.slice(start, pos);
      const quoted = info?.quoted ?? false;
      let type: TokenType = Word;
      const reserved = quoted ? undefined : RESERVED.get(image);
      if (reserved) type = reserved;
      else if (NAME_EQ.test(image)) type = Assign;
      if (expectHeredocWord) {
        pending.push({ delimiter: info ? unquote(info) : image, stripTabs: expectHeredocWord.stripTabs, quoted });
        expectHeredocWord = undefined;
      }
      // Case tracking for the `)` that ends a $( ): only `case` and `esac` where a command starts count.
      const top = cases[cases.length - 1];
      if (type === Case && commandStart) cases.push({ state: 'subject', parens });
      else if (top && top.state === 'subject') top.state = 'in';
      else if (top && top.state === 'in' && type === In) top.state = 'pattern';
      else if (top && type === Esac && (top.state === 'pattern' || commandStart)) cases.pop();
      // After a reserved word (other than esac and in) a new command starts; after any other word it does not.
      push(this.token(type, start, pos, info), type !== Word && type !== Assign && type !== Esac && type !== In);
    }
    return { tokens, end: limit, closed: mode === Mode.Top };
  }

  /** Skips here-document bodies that start at pos; returns the offset after the last delimiter line. */
  private readHeredocs(docs: PendingHeredoc[], pos: number, limit: number, depth: number): number {
    const text = this.text;
    for (const doc of docs) {
      const bodyStart = pos;
      let bodyEnd = limit;
      let next = limit;
      while (pos < limit) {
        let eol = text.indexOf('\n', pos);
        if (eol < 0 || eol > limit) eol = limit;
        let lineStart = pos;
        if (doc.stripTabs) while (lineStart < eol && text.charCodeAt(lineStart) === 9) lineStart++;
        if (eol - lineStart === doc.delimiter.length && text.startsWith(doc.delimiter, lineStart)) {
          bodyEnd = pos;
          next = eol < limit ? eol + 1 : limit;
          break;
        }
        pos = eol < limit ? eol + 1 : limit;
      }
      // An unquoted delimiter makes the body expand $ and ` like a double-quoted string: sh parses them now.
      if (!doc.quoted) this.scanHeredocBody(bodyStart, bodyEnd, depth);
      this.heredocs.push({ start: bodyStart + this.base, end: next + this.base });
      pos = next;
    }
    return pos;
  }

  private scanHeredocBody(pos: number, limit: number, depth: number): void {
    const text = this.text;
    const sink: WordInfo = { quoted: true, parts: [], subs: [] };
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (c === 92) pos += 2;
      else if (c === 36) pos = this.scanDollar(pos, limit, depth + 1, sink, true);
      else if (c === 96) pos = this.scanBackquote(pos, limit, depth + 1, sink, true);
      else pos++;
    }
    this.nestedFromSink(sink);
  }

  /** Nested programs found outside any word (here-document bodies) are parsed with the document's words. */
  readonly looseSubs: NestedProgram[] = [];

  private nestedFromSink(sink: WordInfo): void {
    this.looseSubs.push(...sink.subs);
  }

  /** One unquoted word from pos; returns its end. Fills info with its parts and nested commands. */
  private scanWord(pos: number, limit: number, depth: number, info: WordInfo): number {
    const text = this.text;
    // Literal (unquoted) text is collected as slices between the special characters.
    let lit = '';
    let litStart = pos;
    let seg = pos;
    const flush = (end: number) => {
      lit += text.slice(seg, end);
      if (lit !== '') info.parts.push({ kind: 'text', text: lit, quote: 'none', start: litStart + this.base, end: end + this.base });
      lit = '';
    };
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (isMeta(c)) break;
      if (c === 92 /* \ */) {
        if (pos + 1 >= limit) { pos++; continue; }
        flush(pos);
        if (text.charCodeAt(pos + 1) === 10) {
          pos += 2; // continuation inside a word: removed
        } else {
          info.quoted = true;
          info.parts.push({ kind: 'text', text: text[pos + 1], quote: 'escape', start: pos + this.base, end: pos + 2 + this.base });
          pos += 2;
        }
        litStart = seg = pos;
        continue;
      }
      if (c === 39 /* ' */) {
        flush(pos);
        info.quoted = true;
        const e = text.indexOf("'", pos + 1);
        if (e < 0 || e >= limit) {
          this.problem(`unterminated quoted string: the ' here is never closed (sh -n: Unterminated quoted string)`, pos, pos + 1);
          info.parts.push({ kind: 'text', text: text.slice(pos + 1, limit), quote: 'single', start: pos + this.base, end: limit + this.base });
          pos = limit;
        } else {
          info.parts.push({ kind: 'text', text: text.slice(pos + 1, e), quote: 'single', start: pos + this.base, end: e + 1 + this.base });
          pos = e + 1;
        }
        litStart = seg = pos;
        continue;
      }
      if (c === 34 /* " */) {
        flush(pos);
        info.quoted = true;
        pos = this.scanDouble(pos, limit, depth + 1, info);
        litStart = seg = pos;
        continue;
      }
      if (c === 36 /* $ */ || c === 96 /* ` */) {
        const e = c === 36 ? this.scanDollarAt(pos, limit, depth + 1) : -1;
        if (e === pos + 1) {
          pos = e; // a `$` that starts no expansion is literal text
          continue;
        }
        flush(pos);
        pos = c === 36 ? this.scanDollar(pos, limit, depth + 1, info, false) : this.scanBackquote(pos, limit, depth + 1, info, false);
        litStart = seg = pos;
        continue;
      }
      pos++;
    }
    flush(pos);
    return pos;
  }

  /** From the opening `"`; returns the offset after the closing one. */
  private scanDouble(open: number, limit: number, depth: number, info: WordInfo): number {
    if (depth > MAX_SCAN_DEPTH) this.tooDeep(open);
    const text = this.text;
    let pos = open + 1;
    let lit = '';
    let litStart = open;
    let seg = pos;
    let hasExpansion = false;
    const flush = (end: number, partEnd: number) => {
      lit += text.slice(seg, end);
      if (lit !== '') info.parts.push({ kind: 'text', text: lit, quote: 'double', start: litStart + this.base, end: partEnd + this.base });
      lit = '';
    };
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        lit += text.slice(seg, pos);
        if (lit !== '' || !hasExpansion) info.parts.push({ kind: 'text', text: lit, quote: 'double', start: litStart + this.base, end: pos + 1 + this.base });
        return pos + 1;
      }
      if (c === 92 /* \ */ && pos + 1 < limit) {
        lit += text.slice(seg, pos);
        const n = text[pos + 1];
        // Inside double quotes a backslash quotes only $ ` " \ and newline.
        if (n === '\n') { /* continuation */ }
        else if (n === '$' || n === '`' || n === '"' || n === '\\') lit += n;
        else lit += '\\' + n;
        pos += 2;
        seg = pos;
        continue;
      }
      if (c === 36 /* $ */ || c === 96 /* ` */) {
        if (c === 36 && this.scanDollarAt(pos, limit, depth + 1) === pos + 1) { pos++; continue; }
        flush(pos, pos);
        pos = c === 36 ? this.scanDollar(pos, limit, depth + 1, info, true) : this.scanBackquote(pos, limit, depth + 1, info, true);
        litStart = seg = pos;
        hasExpansion = true;
        continue;
      }
      pos++;
    }
    this.problem(`unterminated quoted string: the " here is never closed (sh -n: Unterminated quoted string)`, open, open + 1);
    flush(limit, limit);
    return limit;
  }

  /** Where a `$` expansion would end, without scanning it: pos + 1 when the `$` is literal. */
  private scanDollarAt(pos: number, limit: number, _depth: number): number {
    if (pos + 1 >= limit) return pos + 1;
    const n = this.text.charCodeAt(pos + 1);
    if (n === 123 || n === 40) return -1;
    return isParamStart(n) ? -1 : pos + 1;
  }

  /**
   * From a `$`: ${...}, $((...)), $(...), or a plain $name. Returns the offset after the expansion, or pos + 1 when
   * the `$` is literal.
   */
  private scanDollar(pos: number, limit: number, depth: number, info: WordInfo, quoted: boolean): number {
    if (depth > MAX_SCAN_DEPTH) this.tooDeep(pos);
    const text = this.text;
    const n = pos + 1 < limit ? text.charCodeAt(pos + 1) : -1;
    let end: number;
    if (n === 123 /* { */) {
      end = this.scanBraceParam(pos, limit, depth, info);
    } else if (n === 40 /* ( */ && pos + 2 < limit && text.charCodeAt(pos + 2) === 40) {
      end = this.scanArith(pos, limit, depth, info);
    } else if (n === 40) {
      const r = this.tokenize(pos + 2, limit, Mode.CommandSub, depth + 1);
      if (!r.closed) {
        this.problem(`end of file inside $( ): the ( here is never closed (sh -n: end of file unexpected (expecting ")"))`, pos, pos + 2);
        end = limit;
      } else {
        end = r.end + 1;
      }
      info.subs.push({ tokens: r.tokens, start: pos + 2 + this.base, end: r.end + this.base, closer: r.closed ? '")"' : 'end of file' });
    } else if (n >= 0 && isParamStart(n)) {
      end = pos + 2;
      if (isNameStart(n)) while (end < limit && isNameChar(text.charCodeAt(end))) end++;
    } else {
      return pos + 1;
    }
    info.parts.push({ kind: 'expansion', quoted, start: pos + this.base, end: end + this.base });
    return end;
  }

  /** ${ ... }: quotes and expansions nest; the first unquoted `}` closes it. */
  private scanBraceParam(pos: number, limit: number, depth: number, outer: WordInfo): number {
    const text = this.text;
    const inner: WordInfo = { quoted: true, parts: [], subs: [] };
    let p = pos + 2;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === 125 /* } */) {
        outer.subs.push(...inner.subs);
        return p + 1;
      }
      if (c === 92) { p += 2; continue; }
      if (c === 39) {
        const e = text.indexOf("'", p + 1);
        if (e < 0 || e >= limit) {
          this.problem(`unterminated quoted string: the ' here is never closed (sh -n: Unterminated quoted string)`, p, p + 1);
          return limit;
        }
        p = e + 1;
        continue;
      }
      if (c === 34) { p = this.scanDouble(p, limit, depth + 1, inner); continue; }
      if (c === 36) { p = this.scanDollar(p, limit, depth + 1, inner, true); continue; }
      if (c === 96) { p = this.scanBackquote(p, limit, depth + 1, inner, true); continue; }
      p++;
    }
    outer.subs.push(...inner.subs);
    this.problem(`missing '}': the \${ here is never closed (sh -n: Missing '}')`, pos, pos + 2);
    return limit;
  }

  /** $(( ... )): sh requires the closing `))`; the expression itself is checked only when it runs. */
  private scanArith(pos: number, limit: number, depth: number, outer: WordInfo): number {
    const text = this.text;
    const inner: WordInfo = { quoted: true, parts: [], subs: [] };
    let p = pos + 3;
    let parens = 0;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === 40) { parens++; p++; continue; }
      if (c === 41) {
        if (parens > 0) { parens--; p++; continue; }
        outer.subs.push(...inner.subs);
        if (p + 1 < limit && text.charCodeAt(p + 1) === 41) return p + 2;
        this.problem(`missing '))': this $(( needs a closing )) (sh -n: Missing '))')`, pos, pos + 3);
        return p + 1;
      }
      if (c === 92) { p += 2; continue; }
      if (c === 39) {
        const e = text.indexOf("'", p + 1);
        if (e < 0 || e >= limit) break;
        p = e + 1;
        continue;
      }
      if (c === 34) { p = this.scanDouble(p, limit, depth + 1, inner); continue; }
      if (c === 36) { p = this.scanDollar(p, limit, depth + 1, inner, true); continue; }
      if (c === 96) { p = this.scanBackquote(p, limit, depth + 1, inner, true); continue; }
      p++;
    }
    outer.subs.push(...inner.subs);
    this.problem(`missing '))': this $(( is never closed (sh -n: Missing '))')`, pos, pos + 3);
    return limit;
  }

  /** `...`: ends at the next unescaped backquote; its text (unescaped) is a nested program. */
  private scanBackquote(pos: number, limit: number, depth: number, info: WordInfo, quoted: boolean): number {
    if (depth > MAX_SCAN_DEPTH) this.tooDeep(pos);
    const text = this.text;
    let p = pos + 1;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === 92) { p += 2; continue; }
      if (c === 96) break;
      p++;
    }
    if (p >= limit) {
      this.problem('end of file inside a backquoted command: the ` here is never closed (sh -n: EOF in backquote substitution)', pos, pos + 1);
      p = limit;
    }
    const contentEnd = Math.min(p, limit);
    // Inside backquotes a backslash quotes $ ` and \; blank it out (same length, so offsets stay right) and
    // tokenize the result on its own.
    if (this.nestDepth < 20) {
      let patched = '';
      for (let i = pos + 1; i < contentEnd; i++) {
        const ch = text[i];
        if (ch === '\\' && i + 1 < contentEnd && (text[i + 1] === '$' || text[i + 1] === '`' || text[i + 1] === '\\' || (quoted && text[i + 1] === '"'))) {
          patched += ' ' + text[i + 1];
          i++;
        } else patched += ch;
      }
      const sub = new ShTokenizer(patched, this.base + pos + 1, this.nestDepth + 1, this.budget);
      const out = sub.tokenizeAll();
      if (this.budget.count > MAX_TOKENS) {
        this.problems.push(...out.problems);
        throw new TooManyTokens();
      }
      this.comments.push(...out.comments);
      this.problems.push(...out.problems);
      info.subs.push(...sub.looseSubs);
      info.subs.push({ tokens: out.tokens, start: pos + 1 + this.base, end: contentEnd + this.base, closer: p < limit ? '"`"' : 'end of file' });
    }
    const end = p < limit ? p + 1 : limit;
    info.parts.push({ kind: 'expansion', quoted, start: pos + this.base, end: end + this.base });
    return end;
  }
}

/** The text of a word with its quotes removed (expansions kept as written): a here-document delimiter. */
function unquote(info: WordInfo): string {
  return info.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** Tokenize a whole document. */
export function tokenizeSh(text: string): TokenizeOutput & { looseSubs: NestedProgram[] } {
  shTokens();
  const t = new ShTokenizer(text);
  const out = t.tokenizeAll();
  return { ...out, looseSubs: t.looseSubs };
}
