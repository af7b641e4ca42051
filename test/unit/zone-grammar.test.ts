// The zone grammar on hostile input: NUL, invalid UTF-8, 10 MB lines, unbalanced and deeply nested parentheses,
// CR-only files; nothing throws, time stays linear, and the findings still come.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, INTERNAL_ERROR_RULE, MAX_SYNTAX_FINDINGS } from '../../server/src/core/analyze';
import { zoneDialect } from '../../server/src/dialects/zone';
import { parseZoneText } from '../../grammars/zone/parser';

const HEAD = '$TTL 1h\n$ORIGIN example.net.\n@ IN SOA ns1 hostmaster 1 2h 30m 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.53\nns1 IN AAAA 2001:db8::53\n';

function rules(text: string): string[] {
  const a = analyze(zoneDialect, text);
  assert.ok(!a.findings.some((f) => f.rule === INTERNAL_ERROR_RULE), JSON.stringify(a.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE)));
  return a.findings.map((f) => f.rule);
}

function timed<T>(what: string, limitMs: number, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  assert.ok(ms < limitMs, `${what} took ${Math.round(ms)} ms (limit ${limitMs})`);
  return r;
}

test('a NUL byte is one syntax finding, and the rest of the file is still checked', () => {
  const text = HEAD + 'www IN A 192.0.2.80\u0000\nmail IN AAAA 192.0.2.25\n';
  const a = analyze(zoneDialect, text);
  const syntax = a.findings.filter((f) => f.rule === 'zone/syntax');
  assert.equal(syntax.length, 1);
  assert.match(syntax[0].message, /NUL/);
  assert.ok(a.findings.some((f) => f.rule === 'zone/address-family'));
});

test('invalid UTF-8 (decoded to U+FFFD) is just text in names and strings', () => {
  const bytes = Buffer.concat([Buffer.from(HEAD + 'caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' IN TXT "'), Buffer.from([0xc3]), Buffer.from('"\n')]);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  assert.ok(text.includes('\uFFFD'));
  assert.deepEqual(rules(text), []);
});

test('a 10 MB line is linear: one finding, in well under the time limit', () => {
  const word = 'a'.repeat(10 * 1024 * 1024);
  timed('10 MB owner name', 5000, () => assert.ok(rules(`${HEAD}${word} IN A 192.0.2.1\n`).includes('zone/syntax')));
  timed('10 MB TXT string', 5000, () => assert.ok(rules(`${HEAD}x IN TXT "${word}"\n`).includes('zone/syntax')));
  timed('10 MB of backslashes', 5000, () => rules(`${HEAD}x IN TXT ${'\\'.repeat(10 * 1024 * 1024)}\n`));
  timed('10 MB of one unclosed quote', 5000, () => rules(`${HEAD}x IN TXT "${'\\"'.repeat(2 * 1024 * 1024)}\n`));
  timed('10 MB of hex data', 5000, () => rules(`${HEAD}x IN TYPE65534 \\# 4 ${'0'.repeat(10 * 1024 * 1024)}\n`));
});

test('unbalanced and deeply nested parentheses are bounded and reported', () => {
  const opens = timed('50,000 (', 3000, () => analyze(zoneDialect, HEAD + 'x IN TXT ' + '( '.repeat(50_000) + '"a"\n'));
  assert.ok(opens.findings.some((f) => f.rule === 'zone/syntax' && /never closed/.test(f.message)));
  const closes = timed('50,000 )', 3000, () => analyze(zoneDialect, HEAD + 'x IN TXT "a" ' + ') '.repeat(50_000) + '\n'));
  assert.ok(closes.findings.filter((f) => f.rule === 'zone/syntax').length <= MAX_SYNTAX_FINDINGS + 1);
  // Balanced nesting is fine for BIND (it counts the depth), and for us.
  assert.deepEqual(rules(HEAD + 'x IN TXT ' + '( '.repeat(10_000) + '"a"' + ' )'.repeat(10_000) + '\n'), []);
});

test('an unclosed parenthesis ends before the next line that starts at column 0, so later records are still checked', () => {
  const text = '$TTL 1h\n$ORIGIN example.net.\n@ IN SOA ns1 hostmaster (\n  1 2h 30m 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.53\nns1 IN AAAA 192.0.2.54\n';
  const a = analyze(zoneDialect, text);
  const got = a.findings.map((f) => `${a.lines.lineOf(f.span.start) + 1} ${f.rule}`);
  // ns1's only AAAA holds an IPv4 address, so ns1 is IPv4-only too.
  assert.deepEqual(got, ['3 zone/syntax', '5 zone/ns-without-aaaa', '7 zone/address-family']);
});

test('CR LF and CR-only files read like LF files; a BOM-less file without a final newline is fine', () => {
  const lf = HEAD + 'www IN A 192.0.2.80\n';
  const expect = rules(lf);
  assert.deepEqual(rules(lf.replace(/\n/g, '\r\n')), expect);
  assert.deepEqual(rules(lf.replace(/\n/g, '\r')), expect);
  assert.deepEqual(rules(lf.slice(0, -1)), expect);
  assert.deepEqual(expect, ['zone/name-without-aaaa']);
});

test('junk is capped at MAX_SYNTAX_FINDINGS syntax findings plus a summary, and nothing throws', () => {
  const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 128)).join('');
  const syntax = timed('200 kB of junk', 5000, () => analyze(zoneDialect, junk)).findings.filter((f) => f.rule === 'zone/syntax');
  assert.ok(syntax.length <= MAX_SYNTAX_FINDINGS + 1);
  for (const s of ['', '\n', '(', ')', '"', '\\', '$', '$GENERATE', '$GENERATE 0-2147483647 h$ A 10.0.0.$\n', '@', ' IN A', ';', '\u0000', '\uFEFF$TTL 1h\n']) rules(s);
});

test('a huge $GENERATE range is expanded up to a cap, quickly', () => {
  const a = timed('$GENERATE 0-2147483647', 3000, () => analyze(zoneDialect, HEAD + '$GENERATE 0-2000000000 host$ AAAA 2001:db8::${0,4,x}\n'));
  assert.ok(a.parse.model.generated.length <= 10_000);
});

test('comments are kept for suppressions, and finding spans are plain {start, end}', () => {
  const r = zoneDialect.parse('; one\n$TTL 1h ; two\nx IN TXT "a;b" ; three\n');
  assert.deepEqual(r.comments.map((c) => c.body), [' one', ' two', ' three']);
  const a = analyze(zoneDialect, HEAD + 'www IN AAAA 192.0.2.1\n');
  for (const f of a.findings) assert.deepEqual(Object.keys(f.span).sort(), ['end', 'start']);
});

test('entries without parentheses share one frozen empty groups array; each entry its own values', () => {
  // The model keeps every entry: an empty array per entry was ~32 bytes more per record (grammars/zone/parser.ts).
  const { cst } = parseZoneText('a A 192.0.2.1\nb A 192.0.2.2\nc TXT ( "x" )\n');
  const [a, b, c] = cst.entries;
  assert.equal(a.groups, b.groups);
  assert.ok(Object.isFrozen(a.groups) && a.groups.length === 0);
  assert.deepEqual(c.groups, [{ start: 34, end: 41 }]);
  assert.notEqual(a.values, b.values);
  assert.deepEqual(b.values.map((v) => v.image), ['b', 'A', '192.0.2.2']);
});
