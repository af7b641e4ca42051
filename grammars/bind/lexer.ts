// Chevrotain lexer for named.conf. Comments stay in a token group (not skipped) so suppressions and fixes see them.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { lazyLexer } from '../lazy-lexer';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
// An unclosed `/*` runs to the end of the file (tried only after BlockComment failed); reported by the parser.
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /(?:\/\/|#)[^\n\r]*/, group: 'comments' });
// BIND strings may span lines and hold any byte but an unescaped quote (even NUL, see good-embedded-null).
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"(?:[^"\\]+|\\[\s\S]?)*"?/, line_breaks: true });
export const LBrace = createToken({ name: 'LBrace', pattern: '{' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}' });
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';' });
export const Bang = createToken({ name: 'Bang', pattern: '!' });
// BIND's lexer treats `/` as special, but `10.0.0.0/8` reads as one prefix: keep it one word.
// Any printable character but BIND's specials ({ } ; " ! # and a `/` that starts a comment); a positive class
// so the lexer's first-character optimisation applies. Runs of the class are one step of the outer loop: V8
// keeps a backtrack entry per step, and a step per character overflowed its stack on an 8 MB word.
export const Word = createToken({ name: 'Word', pattern: /(?:[\x24-\x2e\x30-\x3a\x3c-\x7a\x7c\x7e\u0080-\uffff]+|\/(?![\/*]))+/ });
// Control characters outside strings: kept out of the parser (group 'invalid') and reported as syntax errors,
// so a stray byte does not cascade into other errors.
export const Invalid = createToken({ name: 'Invalid', pattern: /[\x00-\x08\x0e-\x1f\x7f]+/, group: 'invalid' });

export const allTokens: TokenType[] = [WhiteSpace, BlockComment, UnclosedComment, LineComment, QuotedString, LBrace, RBrace, Semicolon, Bang, Word, Invalid];

export const bindLexer = lazyLexer(allTokens);
