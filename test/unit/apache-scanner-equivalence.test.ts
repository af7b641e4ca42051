// The hand-written httpd.conf scanner (grammars/apache/scanner.ts) against the Chevrotain lexer it replaced
// (grammars/apache/lexer.ts): the same tokens (kind, image, offset), comments and control-character runs on every
// Apache fixture and example, the shared Apache corpus when present, and thousands of generated inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apacheLexer } from '../../grammars/apache/lexer';
import { KIND_NAMES, scanApache } from '../../grammars/apache/scanner';
import { CORPUS, randomTexts, walkFiles } from '../fixture-lib';

function reference(text: string) {
  const lexed = apacheLexer().tokenize(text);
  const pick = (t: { image: string; startOffset: number }) => [t.image, t.startOffset];
  return {
    errors: lexed.errors.length,
    tokens: lexed.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]),
    comments: (lexed.groups.comments ?? []).map(pick),
    invalid: (lexed.groups.invalid ?? []).map(pick),
  };
}

function same(text: string, label: string): void {
  const s = scanApache(text);
  const pick = (t: { image: string; startOffset: number }) => [t.image, t.startOffset];
  const t = s.tokens;
  const tokens = Array.from({ length: t.count }, (_, k) => [KIND_NAMES[t.kind[k]], t.image(k), t.start[k]]);
  const mine = { errors: 0, tokens, comments: s.comments.map(pick), invalid: s.invalid.map(pick) };
  assert.deepStrictEqual(mine, reference(text), label);
}

test('the same tokens as the reference lexer on every Apache fixture and example', () => {
  const files = [...walkFiles('test/fixtures/apache'), ...walkFiles('examples').filter((f) => /apache|httpd|\.htaccess/.test(f))];
  assert.ok(files.length > 10, `only ${files.length} files`);
  for (const f of files) same(readFileSync(f, 'utf8'), f);
});

const corpus = path.join(CORPUS, 'apache');
test('the same tokens on the shared Apache corpus', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  const files = walkFiles(corpus);
  assert.ok(files.length > 0);
  for (const f of files) same(readFileSync(f, 'latin1'), f);
});

// Pieces of httpd.conf, well and badly formed: generated files are random sequences of them.
const PIECES = [
  '<VirtualHost', '</VirtualHost>', '<', '</', '>', '<Directory "/x">', '<IfModule !mod_x.c>', 'Listen', '[::1]:80', '80', ' ', '\t',
  '\f', '\v', '\n', '\r\n', '\r', '\\', '\\\n', '\\\r\n', '\\\r', '"', "'", '"quoted arg"', "'single'", '"esc\\"aped"', '#', '# comment\n',
  '\x00', '\x01\x02', '\x7f', 'é', '\u00a0', '\u2028', '\ufeff', 'Word>', 'a\\b', '<\\x', '</x y>', '<a\u00a0b>', '\\"',
];

test('the same tokens on generated inputs, broken ones included', () => {
  let i = 0;
  for (const text of randomTexts(PIECES, 6000, 0x4a9)) same(text, `generated #${i++}: ${JSON.stringify(text)}`);
});

// The parser takes a word's text as its value (grammars/apache/parser.ts): only a quoted string may hold a
// continuation (`\` + line break), which httpd removes.
function noContinuationOutsideQuotes(text: string, label: string): void {
  const t = scanApache(text).tokens;
  for (let k = 0; k < t.count; k++) {
    if (KIND_NAMES[t.kind[k]] !== 'QuotedString') assert.doesNotMatch(t.image(k), /\\[\r\n]/, `${label}: token ${k}`);
  }
}

test('no token but a quoted string holds a continuation: fixtures, corpus, generated inputs', () => {
  const files = [...walkFiles('test/fixtures/apache'), ...walkFiles('examples').filter((f) => /apache|httpd|\.htaccess/.test(f))];
  for (const f of files) noContinuationOutsideQuotes(readFileSync(f, 'utf8'), f);
  if (existsSync(corpus)) for (const f of walkFiles(corpus)) noContinuationOutsideQuotes(readFileSync(f, 'latin1'), f);
  let i = 0;
  for (const text of randomTexts(PIECES, 6000, 0x5ca)) noContinuationOutsideQuotes(text, `generated #${i++}: ${JSON.stringify(text)}`);
});
