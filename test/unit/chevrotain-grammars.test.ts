// Chevrotain's own checks of our grammars. Runs of the CLI and the server skip them and build each parser's lookahead
// on first use (grammars/parser-config.ts, server/README.md "Start-up"): the checks only ever find mistakes in a
// grammar, so they run here, on every Chevrotain lexer and parser we ship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, EmbeddedActionsParser, Lexer } from 'chevrotain';
import { lazyLexer } from '../../grammars/lazy-lexer';
import { lookaheadCounts, parserConfig, validateGrammars } from '../../grammars/parser-config';
import { apacheLexer } from '../../grammars/apache/lexer';
import { bindLexer } from '../../grammars/bind/lexer';
import { zoneLexer } from '../../grammars/zone/lexer';
import { allTokens as sendmailAll, sendmailLexer } from '../../grammars/sendmail/lexer';
import { allTokens as sshdAll, sshdLexer, sshdTokens } from '../../grammars/sshd/lexer';
import { allTokens as shAll } from '../../grammars/rcconf/lexer';
import { DIALECTS } from '../../server/src/core/registry';
import { parseMcText } from '../../grammars/sendmail/parser';
import { parseRcconfText } from '../../grammars/rcconf/parser';
import { parseSshdText } from '../../grammars/sshd/parser';

// First, before anything here lexes or parses: loading every dialect made no token yet (live bindings).
test('loading the dialects makes no Chevrotain tokens: each grammar makes its own on first use', () => {
  assert.equal(DIALECTS.length, 6);
  assert.deepEqual([sshdAll.length, sendmailAll.length, shAll.length], [0, 0, 0]);
  // Only the tokens: the lexer and parser are built in the next tests, with Chevrotain's checks on.
  sshdTokens();
  assert.ok(sshdAll.length > 0);
  assert.deepEqual([sendmailAll.length, shAll.length], [0, 0]);
});

const A = createToken({ name: 'A', pattern: /a/ });
const B = createToken({ name: 'B', pattern: /b/ });

/** Two alternatives that both start with A: ambiguous with one token of lookahead. */
class Ambiguous extends EmbeddedActionsParser {
  constructor() {
    super([A, B], parserConfig({ maxLookahead: 1 }));
    this.performSelfAnalysis();
  }
  top = this.RULE('top', () => {
    this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => (this.CONSUME2(A), this.CONSUME(B)) }]);
  });
}

test('validateGrammars switches Chevrotain\'s checks on for the parsers and lexers built after it', () => {
  validateGrammars(false);
  assert.doesNotThrow(() => new Ambiguous());
  assert.doesNotThrow(() => lazyLexer([createToken({ name: 'Empty', pattern: /x*/ })])());
  validateGrammars(true);
  try {
    assert.throws(() => new Ambiguous(), /Ambiguous Alternatives/);
    assert.throws(() => lazyLexer([createToken({ name: 'Empty', pattern: /x*/ })])(), /empty/);
  } finally {
    validateGrammars(false);
  }
});

test('every lexer and parser we ship passes Chevrotain\'s checks', () => {
  validateGrammars(true);
  try {
    for (const lexer of [apacheLexer, bindLexer, zoneLexer, sendmailLexer, sshdLexer]) assert.ok(lexer() instanceof Lexer);
    // Each parse builds its dialect's parser (once, on first use): a grammar the checks reject throws here.
    assert.deepEqual(parseSshdText('Port 22\n').problems, []);
    assert.deepEqual(parseMcText("OSTYPE(`linux')dnl\n").problems, []);
    assert.deepEqual(parseRcconfText('sshd_enable="YES"\n').problems, []);
  } finally {
    validateGrammars(false);
  }
});

test('a parser builds the lookahead of the productions a file reaches, not of its whole grammar', () => {
  // The parsers above were built with validations on; their lookahead is built lazily all the same.
  const { made, built } = lookaheadCounts();
  assert.ok(made > 50, `made ${made}`);
  assert.ok(built > 0 && built < made / 2, `built ${built} of ${made}`);
  parseRcconfText('if [ -n "$x" ]; then\n  y=1\nfi\ncase $z in a) b;; esac\n');
  assert.ok(lookaheadCounts().built > built);
});
