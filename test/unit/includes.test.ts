// Include following: loops, depth, missing files and empty paths give problems, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followIncludes, MAX_INCLUDE_DEPTH, type IncludeRef } from '../../server/src/workspace/includes';

// A tiny include syntax for the test: lines `include <name>`.
const includesOf = (text: string): IncludeRef[] =>
  [...text.matchAll(/^include (\S*)$/gm)].map((m) => ({ target: m[1], span: { start: m.index!, end: m.index! + m[0].length } }));
const resolve = (_from: string, target: string) => `/etc/${target}`;

test('a loop is reported once and the walk ends', () => {
  const fs: Record<string, string> = { '/etc/a': 'include b', '/etc/b': 'include c', '/etc/c': 'include a' };
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  assert.deepEqual(g.files, ['/etc/a', '/etc/b', '/etc/c']);
  assert.equal(g.problems.length, 1);
  assert.match(g.problems[0].message, /include loop: \/etc\/a -> \/etc\/b -> \/etc\/c -> \/etc\/a/);
  assert.equal(g.problems[0].file, '/etc/c');
});

test('a file included twice (a diamond) is read once and is no loop', () => {
  const fs: Record<string, string> = { '/etc/a': 'include b\ninclude c', '/etc/b': 'include d', '/etc/c': 'include d', '/etc/d': '' };
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  assert.deepEqual(g.files, ['/etc/a', '/etc/b', '/etc/d', '/etc/c']);
  assert.deepEqual(g.problems, []);
});

test('missing files, empty paths and excessive depth are problems', () => {
  const fs: Record<string, string> = { '/etc/a': 'include nope\ninclude \ninclude 0' };
  for (let i = 0; i < 100; i++) fs[`/etc/${i}`] = `include ${i + 1}`;
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  const messages = g.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /'nope' not found/.test(m)));
  assert.ok(messages.some((m) => /empty path/.test(m)));
  assert.ok(messages.some((m) => new RegExp(`more than ${MAX_INCLUDE_DEPTH} deep`).test(m)));
  assert.ok(g.files.length <= MAX_INCLUDE_DEPTH + 1);
});
