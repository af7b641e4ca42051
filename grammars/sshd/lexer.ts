// Chevrotain lexer for sshd_config. Two modes mirror how sshd splits a line (servconf.c): the first word of a line
// is the keyword (ended by whitespace, `"` or `=`), the rest are arguments (split on blanks, with quotes and
// backslash escapes inside a word). Comments stay in a token group (not skipped) so suppressions and fixes see them.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { lazyLexer } from '../lazy-lexer';

// Blanks between tokens. sshd splits arguments on space and tab only and strips \r, \f at line ends; a \r or \f in
// the middle of a line is too rare to model, so they are blanks here.
// In the patterns below, runs of a character class are one step of the surrounding loop: V8 keeps a backtrack
// entry per step, and a step per character overflowed its stack on an 8 MB argument.
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });

/** Either line break; the parser consumes this category. */
export const Newline = createToken({ name: 'Newline', pattern: Lexer.NA });
// A line break in line-start mode (blank and comment lines), and one that ends a directive's arguments.
export const LineBreak = createToken({ name: 'LineBreak', pattern: /\n/, line_breaks: true, categories: [Newline] });
export const EndOfDirective = createToken({ name: 'EndOfDirective', pattern: /\n/, line_breaks: true, pop_mode: true, categories: [Newline] });

// `#` starts a comment where a token could start: at the beginning of a line, or after a blank among the arguments.
// Inside a word (`foo#bar`) it is an ordinary character, as for sshd.
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

/** The keyword position: a plain keyword, or (rarely) a double-quoted one. */
export const KeywordLike = createToken({ name: 'KeywordLike', pattern: Lexer.NA });
// Any character but blanks, `"`, `#` and `=` starts a keyword (a positive class, so the first-character
// optimisation applies); `=` and `"` end it, as sshd's strdelim() does.
export const Keyword = createToken({
  name: 'Keyword',
  pattern: /[\x00-\x08\x0e-\x1f\x21\x24-\x3c\x3e-\uffff][^ \t\r\n\f\v"=]*/,
  push_mode: 'args',
  categories: [KeywordLike],
});
export const QuotedKeyword = createToken({ name: 'QuotedKeyword', pattern: /"[^"\r\n]*"?/, push_mode: 'args', categories: [KeywordLike] });
// A line that starts with `=`: no keyword at all (reported by the parser), its words are read as arguments.
export const StrayEquals = createToken({ name: 'StrayEquals', pattern: /=[^ \t\r\n\f\v"']*/, push_mode: 'args' });

/** One piece of an argument: a bare word or a quoted part. Adjacent pieces form one argument. */
export const ArgPiece = createToken({ name: 'ArgPiece', pattern: Lexer.NA });
// Quotes may open anywhere in a word and run to the matching quote on the same line; `\"` inside does not close.
// An unclosed quote runs to the end of the line (sshd: "invalid quotes").
export const Quoted = createToken({
  name: 'Quoted',
  pattern: /"(?:[^"\\\r\n]+|\\[^\r\n]?)*"?|'(?:[^'\\\r\n]+|\\[^\r\n]?)*'?/,
  categories: [ArgPiece],
});
// Any run of characters but blanks and quotes; a backslash escapes the next character (`\ ` keeps a blank inside
// the word), except a tab, which still ends the word after the backslash, as in sshd's argv_split().
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[\x00-\x08\x0e-\x1f\x21\x23-\x26\x28-\x5b\x5d-\uffff]|\\[^\r\n\t]?)(?:[^ \t\r\n\f\v"'\\]+|\\[^\r\n\t]?)*/,
  categories: [ArgPiece],
});

export const sshdLexerDefinition = {
  modes: {
    line: [WhiteSpace, LineBreak, Comment, QuotedKeyword, StrayEquals, Keyword],
    args: [WhiteSpace, EndOfDirective, Comment, Quoted, Word],
  },
  defaultMode: 'line',
};

export const allTokens: TokenType[] = [
  Newline, KeywordLike, ArgPiece, WhiteSpace, LineBreak, EndOfDirective, Comment, Keyword, QuotedKeyword, StrayEquals, Quoted, Word,
];

export const sshdLexer = lazyLexer(sshdLexerDefinition);
