// The hand-written master-file parser (grammars/zone/parser.ts) against the Chevrotain reference grammar
// (grammars/zone/reference.ts): the same entries, problems and comments on every zone fixture and example, the
// shared zone corpus when present, and thousands of generated inputs made of the pieces that break parsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseZoneText } from '../../grammars/zone/parser';
import { parseZoneTextReference } from '../../grammars/zone/reference';
import { CORPUS, randomTexts, walkFiles } from '../fixture-lib';

function same(text: string, label: string): void {
  assert.deepStrictEqual(parseZoneText(text), parseZoneTextReference(text), label);
}

test('the same output as the reference grammar on every zone fixture and example', () => {
  const files = [...walkFiles('test/fixtures/zone'), ...walkFiles('examples').filter((f) => /zone|db\./.test(f))];
  assert.ok(files.length > 10, `only ${files.length} zone files`);
  for (const f of files) same(readFileSync(f, 'utf8'), f);
});

const corpus = path.join(CORPUS, 'zones');
test('the same output on the shared zone corpus', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = walkFiles(corpus);
  assert.ok(files.length > 0);
  for (const f of files) same(readFileSync(f, 'latin1'), f);
});

// Pieces of master files, well and badly formed: generated files are random sequences of them.
const PIECES = [
  '$ORIGIN', '$TTL 3600', '$INCLUDE', '@', 'www', 'IN', 'AAAA', 'A', '2001:db8::1', '192.0.2.1', ' ', '\t', '\n', '\r\n', '\r',
  '(', ')', '((', '))', ';', '; comment\n', '"', '"txt"', '"a\\"b"', '"open', '\\', '\\(', '\\;', '\\\n', '\x00', '\x00\x00',
  '\f', 'é', '\u2028', 'SOA ns. host. ( 1 2 3 4 5 )', '"multi\\\nline"',
];

test('the same output on generated inputs, broken ones included', () => {
  let i = 0;
  for (const text of randomTexts(PIECES, 5000, 0x2017)) same(text, `generated #${i++}: ${JSON.stringify(text)}`);
});

test('the same output on runs of parentheses and unclosed groups', () => {
  for (const text of ['('.repeat(1000), ')'.repeat(1000), '('.repeat(500) + ')'.repeat(499), 'a (\nb\n\nc )\nd', 'a (\n b\nc\n', 'x ( y\n\n']) {
    same(text, JSON.stringify(text.slice(0, 40)));
  }
});
