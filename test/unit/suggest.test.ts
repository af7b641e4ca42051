import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatches, editDistance } from '../../server/src/core/suggest';

test('edit distance counts transpositions as one edit', () => {
  assert.equal(editDistance('listen-on', 'listen-on'), 0);
  assert.equal(editDistance('listne-on', 'listen-on'), 1);
  assert.equal(editDistance('listen-on-ipv6', 'listen-on-v6'), 2);
  assert.equal(editDistance('abc', 'xyz'), 3);
});

test('closest matches: best first, bounded, case-insensitive', () => {
  const names = ['listen-on', 'listen-on-v6', 'allow-query', 'allow-query-cache', 'directory'];
  assert.deepEqual(closestMatches('listen-on-ipv6', names), ['listen-on-v6']);
  assert.deepEqual(closestMatches('Allow-Querry', names), ['allow-query']);
  assert.deepEqual(closestMatches('zzz', names), []);
});
