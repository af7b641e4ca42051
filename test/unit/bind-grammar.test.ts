// The BIND grammar on hostile shapes: deep nesting is bounded, junk is capped, nothing throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, MAX_SYNTAX_FINDINGS } from '../../server/src/core/analyze';
import { bindDialect } from '../../server/src/dialects/bind';
import { MAX_NESTING } from '../../grammars/bind/parser';

test('10,000-deep nesting gives one syntax finding, no stack overflow, and later findings still appear', () => {
  const text = 'acl a ' + '{ '.repeat(10_000) + '1.2.3.4; ' + '}; '.repeat(10_000) + '\noptions { listen-on { ::1; }; };\n';
  const a = analyze(bindDialect, text);
  const syntax = a.findings.filter((f) => f.rule === 'bind/syntax');
  assert.equal(syntax.length, 1, JSON.stringify(syntax.slice(0, 3)));
  assert.match(syntax[0].message, new RegExp(`more than ${MAX_NESTING} deep`));
  assert.ok(a.findings.some((f) => f.rule === 'bind/ipv6-in-listen-on'));
  assert.ok(!a.findings.some((f) => f.rule === 'v6ready/internal-error'));
});

test('unbalanced deep nesting (only opening braces) is bounded too', () => {
  const a = analyze(bindDialect, 'options ' + '{'.repeat(50_000));
  assert.ok(a.findings.some((f) => f.rule === 'bind/syntax'));
  assert.ok(!a.findings.some((f) => f.rule === 'v6ready/internal-error'));
});

test('junk yields at most MAX_SYNTAX_FINDINGS syntax findings plus one summary', () => {
  const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 128)).join('');
  const a = analyze(bindDialect, junk);
  const syntax = a.findings.filter((f) => f.rule === 'bind/syntax');
  assert.ok(syntax.length <= MAX_SYNTAX_FINDINGS + 1);
  assert.match(syntax[syntax.length - 1].message, /more syntax errors after this point/);
});

test('finding spans are plain {start, end}, not tree nodes', () => {
  const a = analyze(bindDialect, 'options { listen-on { ::1; }; };');
  for (const f of a.findings) assert.deepEqual(Object.keys(f.span).sort(), ['end', 'start']);
});

test("related locations' spans are plain {start, end} too (a whole clause's span is its statement node)", () => {
  const a = analyze(bindDialect, 'acl a { any; };\nacl a { none; };\n');
  const related = a.findings.flatMap((f) => f.related ?? []);
  assert.ok(related.length > 0);
  for (const r of related) assert.deepEqual(Object.keys(r.span).sort(), ['end', 'start']);
  assert.deepEqual(related[0].span, { start: 0, end: 15 });
});

test('comments of all three forms are kept for suppressions; strings may hold NUL and span lines', () => {
  const r = bindDialect.parse('# a\n// b\n/* c\n d */ options { directory "x\u0000\ny"; };');
  assert.deepEqual(r.comments.map((c) => c.body), [' a', ' b', ' c\n d ']);
  assert.deepEqual(r.syntaxFindings, []);
});
