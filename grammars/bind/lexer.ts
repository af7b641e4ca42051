// Chevrotain lexer for named.conf. Comments stay in a token group (not skipped) so suppressions and fixes see them.
import { createToken, Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
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

/**
 * The `{` of a block BIND reads as bracketed text (`dyndb`, `plugin`, `dnsrps-options`: see parser.ts
 * opensBracketedText) with that text, up to just before the matching `}`: no tokens, no comments inside. An LBrace to
 * the parser (its category); tried before LBrace, it matches only a `{` after such a statement's head.
 */
export const BracketedTextOpen = createToken({
  name: 'BracketedTextOpen',
  pattern: { exec: matchBracketedText },
  categories: [LBrace],
  line_breaks: true,
  start_chars_hint: ['{'],
});

const BRACKETED_TEXT_HEADS: Record<string, number> = { dyndb: 3, plugin: 3, 'dnsrps-options': 1 };

function matchBracketedText(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  if (text[offset] !== '{') return null;
  let first = tokens.length;
  while (first > 0 && !tokenMatcher(tokens[first - 1], LBrace) && ![RBrace, Semicolon].includes(tokens[first - 1].tokenType)) first--;
  const head = tokens.slice(first);
  if (head.length === 0 || head[0].tokenType !== Word || BRACKETED_TEXT_HEADS[head[0].image.toLowerCase()] !== head.length) return null;
  if (!head.every((t) => t.tokenType === Word || t.tokenType === QuotedString)) return null;
  // Braces nest; a backslash makes the next character text.
  let depth = 1;
  let end = text.length;
  for (let i = offset + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const match = [text.slice(offset, end)] as unknown as RegExpExecArray;
  match.index = offset;
  match.input = text;
  return match;
}

export const allTokens: TokenType[] = [WhiteSpace, BlockComment, UnclosedComment, LineComment, QuotedString, BracketedTextOpen, LBrace, RBrace, Semicolon, Bang, Word, Invalid];

export const bindLexer = lazyLexer(allTokens);
