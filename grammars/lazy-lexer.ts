// One Chevrotain lexer per dialect, built on first use with the settings that matter for speed (server/README.md):
// building one (regex analysis) costs milliseconds, and a process checking one dialect should not pay for the others.
import { Lexer, type IMultiModeLexerDefinition, type TokenType } from 'chevrotain';
import { grammarsValidated } from './parser-config';

/**
 * A getter for the dialect's lexer: offsets only (lines come from core/text.ts), first-character optimisation, and
 * Chevrotain's checks of the token definitions only where the grammar test asks for them (parser-config.ts).
 */
export function lazyLexer(definition: TokenType[] | IMultiModeLexerDefinition | (() => TokenType[] | IMultiModeLexerDefinition)): () => Lexer {
  let lexer: Lexer | undefined;
  return () =>
    (lexer ??= new Lexer(typeof definition === 'function' ? definition() : definition, {
      positionTracking: 'onlyOffset',
      ensureOptimizations: true,
      recoveryEnabled: true,
      skipValidations: !grammarsValidated(),
    }));
}
