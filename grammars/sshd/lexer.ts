// Chevrotain lexer for sshd_config. Two modes mirror how sshd splits a line (servconf.c): the first word of a line
// is the keyword (ended by whitespace, `"` or `=`), the rest are arguments (split on blanks, with quotes and
// backslash escapes inside a word). Comments stay in a token group (not skipped) so suppressions and fixes see them.
import { createToken, Lexer, type IMultiModeLexerDefinition, type TokenType } from 'chevrotain';
import { lazyLexer } from '../lazy-lexer';

// The tokens are made on first use (sshdTokens), not when the module loads: Chevrotain's createToken is slow enough
// (~0.1 ms each) that every dialect's tokens, made at every start, cost a run that checks one dialect ~7 ms.
export let WhiteSpace: TokenType;
export let Newline: TokenType;
export let LineBreak: TokenType;
export let EndOfDirective: TokenType;
export let Comment: TokenType;
export let KeywordLike: TokenType;
export let Keyword: TokenType;
export let QuotedKeyword: TokenType;
export let StrayEquals: TokenType;
export let ArgPiece: TokenType;
export let Quoted: TokenType;
export let Word: TokenType;
/** Every token type, categories first (the parser's vocabulary); empty until sshdTokens() made them. */
export let allTokens: TokenType[] = [];
let definition: IMultiModeLexerDefinition | undefined;

/** Makes the tokens the first time (the lexer and the parser call it); returns allTokens. */
export function sshdTokens(): TokenType[] {
  if (definition) return allTokens;
  // Blanks between tokens. sshd splits arguments on space and tab only and strips \r, \f at line ends; a \r or \f in
  // the middle of a line is too rare to model, so they are blanks here.
  // In the patterns below, runs of a character class are one step of the surrounding loop: V8 keeps a backtrack
  // entry per step, and a step per character overflowed its stack on an 8 MB argument.
  WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });

  /** Either line break; the parser consumes this category. */
  Newline = createToken({ name: 'Newline', pattern: Lexer.NA });
  // A line break in line-start mode (blank and comment lines), and one that ends a directive's arguments.
  LineBreak = createToken({ name: 'LineBreak', pattern: /\n/, line_breaks: true, categories: [Newline] });
  EndOfDirective = createToken({ name: 'EndOfDirective', pattern: /\n/, line_breaks: true, pop_mode: true, categories: [Newline] });

  // `#` starts a comment where a token could start: at the beginning of a line, or after a blank among the arguments.
  // Inside a word (`foo#bar`) it is an ordinary character, as for sshd.
  Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

  /** The keyword position: a plain keyword, or (rarely) a double-quoted one. */
  KeywordLike = createToken({ name: 'KeywordLike', pattern: Lexer.NA });
  // Any character but blanks, `"`, `#` and `=` starts a keyword (a positive class, so the first-character
  // optimisation applies); `=` and `"` end it, as sshd's strdelim() does.
  Keyword = createToken({
    name: 'Keyword',
    pattern: /[\x00-\x08\x0e-\x1f\x21\x24-\x3c\x3e-\uffff][^ \t\r\n\f\v"=]*/,
    push_mode: 'args',
    categories: [KeywordLike],
  });
  QuotedKeyword = createToken({ name: 'QuotedKeyword', pattern: /"[^"\r\n]*"?/, push_mode: 'args', categories: [KeywordLike] });
  // A line that starts with `=`: no keyword at all (reported by the parser), its words are read as arguments.
  StrayEquals = createToken({ name: 'StrayEquals', pattern: /=[^ \t\r\n\f\v"']*/, push_mode: 'args' });

  /** One piece of an argument: a bare word or a quoted part. Adjacent pieces form one argument. */
  ArgPiece = createToken({ name: 'ArgPiece', pattern: Lexer.NA });
  // Quotes may open anywhere in a word and run to the matching quote on the same line; `\"` inside does not close.
  // An unclosed quote runs to the end of the line (sshd: "invalid quotes").
  Quoted = createToken({
    name: 'Quoted',
    pattern: /"(?:[^"\\\r\n]+|\\[^\r\n]?)*"?|'(?:[^'\\\r\n]+|\\[^\r\n]?)*'?/,
    categories: [ArgPiece],
  });
  // Any run of characters but blanks and quotes; a backslash escapes the next character (`\ ` keeps a blank inside
  // the word), except a tab, which still ends the word after the backslash, as in sshd's argv_split().
  Word = createToken({
    name: 'Word',
    pattern: /(?:[\x00-\x08\x0e-\x1f\x21\x23-\x26\x28-\x5b\x5d-\uffff]|\\[^\r\n\t]?)(?:[^ \t\r\n\f\v"'\\]+|\\[^\r\n\t]?)*/,
    categories: [ArgPiece],
  });

  definition = {
    modes: {
      line: [WhiteSpace, LineBreak, Comment, QuotedKeyword, StrayEquals, Keyword],
      args: [WhiteSpace, EndOfDirective, Comment, Quoted, Word],
    },
    defaultMode: 'line',
  };
  allTokens = [
    Newline, KeywordLike, ArgPiece, WhiteSpace, LineBreak, EndOfDirective, Comment, Keyword, QuotedKeyword, StrayEquals, Quoted, Word,
  ];
  return allTokens;
}

export const sshdLexer = lazyLexer(() => (sshdTokens(), definition!));
