// An rc.conf past the tokenizer's MAX_TOKENS: a notice that says where checking stops, not a syntax error that sh
// would not report. The inputs are generated here (a file that large does not belong in the repository).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { LARGE_FILE_RULE } from '../../server/src/core/limits';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { MAX_TOKENS } from '../../grammars/rcconf/lexer';

/** `count` lines of `knob_N="..."`: two tokens each (the assignment and its line break). */
function assignments(count: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) lines.push(`jail_web${i}_hostname="web${i}.example.org"`);
  return lines.join('\n') + '\n';
}

test('a file of plain assignments past the limit gets a notice, not an sh -n error, and no error at all', () => {
  // 264,000 tokens: the limit falls at the start of line MAX_TOKENS / 2 + 1.
  const text = assignments(132_000);
  const { syntaxFindings, model } = rcconfDialect.parse(text);
  assert.deepEqual(
    syntaxFindings.map((f) => [f.rule, f.severity]),
    [[LARGE_FILE_RULE, 'info']],
  );
  const notice = syntaxFindings[0];
  assert.doesNotMatch(notice.message, /sh -n|syntax error|rejects/);
  assert.match(notice.message, new RegExp(`checking stops at line ${(MAX_TOKENS / 2 + 1).toLocaleString('en-US')};`));
  assert.equal(notice.span.start, 0);
  const stop = text.indexOf(`jail_web${MAX_TOKENS / 2}_hostname=`);
  assert.deepEqual(notice.related?.[0].span, { start: stop, end: stop });
  // What came before the stop is all there for the rules.
  assert.equal(model.assignments.length, MAX_TOKENS / 2);
  // The CLI exits 1 on errors: none here, the shell would take this file.
  assert.deepEqual(analyze(rcconfDialect, text).findings.filter((f) => f.severity === 'error'), []);
});

test('the cut never falls inside a compound command (no false missing fi or esac)', () => {
  const head = assignments(MAX_TOKENS / 2 - 10);
  const block = 'if [ -f /etc/rc.conf.web ]; then\n' + assignments(40, 900_000) + 'fi\ncase $x in\na) y=1 ;;\nesac\n';
  const text = head + block + assignments(10, 950_000);
  const { syntaxFindings, model } = rcconfDialect.parse(text);
  assert.deepEqual(syntaxFindings.map((f) => f.rule), [LARGE_FILE_RULE]);
  // Checking stops at the `if`, the start of the command the limit falls in.
  assert.deepEqual(syntaxFindings[0].related?.[0].span.start, head.length);
  assert.equal(model.assignments.length, MAX_TOKENS / 2 - 10);
});

test('a real syntax error before the limit stays an error, beside the notice', () => {
  const text = 'fi\n' + assignments(MAX_TOKENS / 2);
  const { syntaxFindings } = rcconfDialect.parse(text);
  assert.deepEqual(
    syntaxFindings.map((f) => [f.rule, f.severity]),
    [['rcconf/syntax', 'error'], [LARGE_FILE_RULE, 'info']],
  );
  assert.match(syntaxFindings[0].message, /sh -n rejects the file/);
});

test('nesting past v6ready\'s bound is a warning that the rest is not checked, without what sh -n would say', () => {
  // 200 nested `if`s: sh takes them.
  const depth = 200;
  const text = 'if true; then\n'.repeat(depth) + ':\n' + 'fi\n'.repeat(depth);
  const { syntaxFindings } = rcconfDialect.parse(text);
  const deep = syntaxFindings.find((f) => /nested more than/.test(f.message));
  assert.ok(deep, syntaxFindings.map((f) => f.message).join('\n'));
  assert.equal(deep.severity, 'warning');
  assert.doesNotMatch(deep.message, /sh -n/);
  // A real error before the bound still carries the consequence.
  const both = rcconfDialect.parse('fi\n' + text).syntaxFindings;
  assert.ok(both.some((f) => f.severity === 'error' && /sh -n rejects the file/.test(f.message)), both.map((f) => f.message).join('\n'));
});
