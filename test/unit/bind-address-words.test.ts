// addressWords.ts reads a clause's words as its name and its arguments, and computes the address-like ones once per
// model for bind/invalid-address and the address rules: the same words, clauses and order as the definition it
// replaced (every word among the clause's statement's values that lies within the clause's span, with a '.', ':' or '/').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { WordNode } from '../../grammars/bind/cst';
import { addressLikeWords } from '../../server/src/dialects/bind/addressWords';
import { bindDialect } from '../../server/src/dialects/bind';
import { walkClauses, type BindModel, type Clause } from '../../server/src/dialects/bind/model';
import { randomTexts, walkFiles } from '../fixture-lib';

function bySpan(model: BindModel): { words: WordNode[]; clauses: Clause[] } {
  const out = { words: [] as WordNode[], clauses: [] as Clause[] };
  for (const c of walkClauses(model.clauses)) {
    for (const v of c.statement.values) {
      if (v.kind === 'word' && c.span.start <= v.start && v.end <= c.span.end && /[.:/]/.test(v.image)) {
        out.words.push(v);
        out.clauses.push(c);
      }
    }
  }
  return out;
}

function same(text: string, label: string): void {
  const { model } = bindDialect.parse(text);
  const got = addressLikeWords(model);
  const want = bySpan(model);
  assert.equal(got.words.length, want.words.length, label);
  got.words.forEach((w, i) => assert.ok(w === want.words[i] && got.clauses[i] === want.clauses[i], `${label}: word ${i}`));
  assert.equal(addressLikeWords(model), got, `${label}: computed once per model`);
}

test('the address-like words of every BIND fixture and example, as a walk of the statements finds them', () => {
  const files = [...walkFiles('test/fixtures/bind'), ...walkFiles('examples/bind'), 'examples/named.conf'];
  for (const f of files) same(readFileSync(f, 'utf8'), f);
});

// Missing ';' splits a statement into several clauses, each with its part of the values.
const PIECES = ['zone', '"z"', 'acl', 'a', ' ', '\n', '{', '}', ';', '!', 'port', '53', '10.0.0.0/8', '2001:db8::/32', '::1', 'listen-on', 'allow-query', 'key', 'x.y', 'options', 'masters'];

test('the address-like words of generated inputs, broken statements included', () => {
  let i = 0;
  for (const text of randomTexts(PIECES, 2000, 0x5eed)) same(text, `generated #${i++}: ${JSON.stringify(text)}`);
});
