// The hand-written named.conf parser (grammars/bind/parser.ts) against the Chevrotain reference grammar
// (grammars/bind/reference.ts): the same tree, problems and comments on every BIND fixture and example, the
// shared corpus when present, and thousands of generated inputs made of the pieces that break parsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_NESTING, parseBindText } from '../../grammars/bind/parser';
import { parseBindTextReference } from '../../grammars/bind/reference';
import { CORPUS, randomTexts, walkFiles } from '../fixture-lib';

function same(text: string, label: string): void {
  assert.deepStrictEqual(parseBindText(text), parseBindTextReference(text), label);
}

test('the same output as the reference grammar on every BIND fixture and example', () => {
  const files = [...walkFiles('test/fixtures/bind'), ...walkFiles('examples/bind'), 'examples/named.conf'];
  assert.ok(files.length > 20);
  for (const f of files) same(readFileSync(f, 'utf8'), f);
});

const corpus = path.join(CORPUS, 'bind');
test('the same output on the shared BIND corpus', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = walkFiles(corpus);
  for (const f of files) same(readFileSync(f, 'latin1'), f);
});

// Pieces of named.conf, well and badly formed: generated files are random sequences of them.
const PIECES = [
  'options', 'zone', '"example.com"', ' ', '\n', '\t', '\r\n', '{', '}', ';', '!', 'any', '10.0.0.0/8', '2001:db8::/32',
  '/* c */', '/*', '*/', '// line\n', '# hash\n', '#', '/', '//', '"', '"a\\"b"', '"multi\nline"', '\\', '\x00', '\x01', '\x7f',
  'a/b', 'x/*y*/z', '@SLOT@', '"unterminated', 'é', '\u2028', 'key "k" { algorithm hmac-sha256; };',
  // Bracketed text (dyndb, plugin, dnsrps-options): braces counted, a backslash escapes, no comments.
  'dyndb "d" "l.so" {', 'plugin query "p.so" {', 'DYNDB d l {', 'dnsrps-options {', '\\}', '\\{', 'dyndb',
];

test('the same output on generated inputs, broken ones included', () => {
  let i = 0;
  for (const text of randomTexts(PIECES, 5000, 0x6b1d)) same(text, `generated #${i++}: ${JSON.stringify(text)}`);
});

test('the same output past the nesting limit', () => {
  const deep = (n: number) => 'a ' + '{ b '.repeat(n) + '}; '.repeat(n) + 'c;';
  for (const n of [MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1, MAX_NESTING + 5]) same(deep(n), `depth ${n}`);
  same('{'.repeat(MAX_NESTING + 3) + ';x', 'unclosed, too deep');
  same('x { '.repeat(MAX_NESTING + 2) + '}'.repeat(MAX_NESTING + 2) + ';;', 'too deep, then stray semicolons');
});
