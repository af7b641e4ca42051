// The Chevrotain lexer for httpd.conf and .htaccess that the hand-written scanner (scanner.ts) replaced: kept as the
// reference test/unit/apache-scanner-equivalence.test.ts holds the scanner to, not used by the product.
// httpd reads a file line by line (server/util.c): a `\` before the line break joins the next line, a line whose
// first non-blank character is `#` is a comment, and a section header `<Name args>` ends at its last `>`.
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';
import { atLineStart } from './scanner';
import { lazyLexer } from '../lazy-lexer';

/** Wraps a sticky regex so it only matches at the start of a logical line. */
function lineStart(re: RegExp): CustomPatternMatcherFunc {
  const sticky = new RegExp(re.source, 'y');
  return (text, offset) => {
    if (!atLineStart(text, offset)) return null;
    sticky.lastIndex = offset;
    return sticky.exec(text);
  };
}

export const EOL = createToken({ name: 'EOL', pattern: Lexer.NA });
// In the patterns below, runs of a character class are one step of the surrounding loop: V8 keeps a backtrack
// entry per step, and a step per character overflowed its stack on an 8 MB word or string.
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });
// `\` + line break: httpd removes both and reads on.
export const Continuation = createToken({ name: 'Continuation', pattern: /\\(?:\r\n|\r|\n)/, group: Lexer.SKIPPED, line_breaks: true });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, categories: [EOL] });
// A comment line runs on through continuations, as httpd joins them before it looks at the `#`.
export const Comment = createToken({
  name: 'Comment',
  pattern: { exec: lineStart(/#(?:[^\\\r\n]|\\(?:\r\n|\r|\n)|\\(?![\r\n]))*/) },
  start_chars_hint: ['#'],
  line_breaks: true,
  group: 'comments',
});
export const SectionClose = createToken({
  name: 'SectionClose',
  pattern: { exec: lineStart(/<\/[^\s>\\]*>?/) },
  start_chars_hint: ['<'],
  line_breaks: false,
});
export const SectionOpen = createToken({
  name: 'SectionOpen',
  pattern: { exec: lineStart(/<[^\s>\/\\][^\s>\\]*/) },
  start_chars_hint: ['<'],
  line_breaks: false,
  push_mode: 'header',
});
// Quotes open only at the start of a word (ap_getword_conf); `\` escapes the quote or a backslash; without its
// closing quote a string runs to the end of the line.
export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: /"(?:[^"\\\r\n]+|\\(?:\r\n|\r|\n)|\\[^\r\n])*"?|'(?:[^'\\\r\n]+|\\(?:\r\n|\r|\n)|\\[^\r\n])*'?/,
  line_breaks: true,
});
export const Word = createToken({
  name: 'Word',
  // Any printable character; a positive class so the lexer's first-character optimisation applies.
  pattern: /(?:[\x21\x23-\x26\x28-\x5b\x5d-\x7e\u0080-\uffff]|\\(?![\r\n]))(?:[\x21-\x5b\x5d-\x7e\u0080-\uffff]+|\\(?![\r\n]))*/,
});
export const HeaderNewline = createToken({ name: 'HeaderNewline', pattern: /\r\n|\r|\n/, line_breaks: true, categories: [EOL], pop_mode: true });
export const Gt = createToken({ name: 'Gt', pattern: '>' });
export const HeaderWord = createToken({
  name: 'HeaderWord',
  pattern: /(?:[\x21\x23-\x26\x28-\x3d\x3f-\x5b\x5d-\x7e\u0080-\uffff]|\\(?![\r\n]))(?:[\x21-\x3d\x3f-\x5b\x5d-\x7e\u0080-\uffff]+|\\(?![\r\n]))*/,
});
// Control characters: httpd has no use for them; kept out of the parser and reported.
export const Invalid = createToken({ name: 'Invalid', pattern: /[\x00-\x08\x0e-\x1f\x7f]+/, group: 'invalid' });

export const lexerDefinition = {
  modes: {
    line: [WhiteSpace, Continuation, Newline, Comment, SectionClose, SectionOpen, QuotedString, Word, Invalid],
    header: [WhiteSpace, Continuation, HeaderNewline, Gt, QuotedString, HeaderWord, Invalid],
  },
  defaultMode: 'line',
};

export const allTokens: TokenType[] = [EOL, WhiteSpace, Continuation, Newline, Comment, SectionClose, SectionOpen, QuotedString, Word, HeaderNewline, Gt, HeaderWord, Invalid];

export const apacheLexer = lazyLexer(lexerDefinition);
