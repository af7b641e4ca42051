// workspace/paths.ts tests normality by char codes (and a joined path on its parts): held here to the regular
// expressions it replaced, which stay the specification, on fixed cases and on generated paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldPath, isAbsolutePath, normalize, resolveFrom } from '../../server/src/workspace/paths';

/** The specification: what normalize would change, as a regular expression. */
const UNNORMAL = /\\|\/\/|\/\.|^\.|^[A-Za-z]:\.|.\/$/;

/** The folding itself is paths.ts's own: what is held to the expression is the char-code test of when to fold. */
const specNormalize = (p: string) => (UNNORMAL.test(p) ? foldPath(p) : p);

const specIsAbsolute = (p: string) => p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
const specResolve = (base: string, target: string) => (specIsAbsolute(target) ? specNormalize(target) : specNormalize(`${base}/${target}`));

/** Paths made of the characters that matter: separators, dots, a drive's letter and colon, line terminators. */
const pathChars = fc.constantFrom('/', '/', '.', '\\', 'a', 'Z', ':', '\n', '\r', '\u2028', 'é', '0', 'db');
const path = fc.array(pathChars, { maxLength: 9 }).map((cs) => cs.join(''));

test('normalize and isAbsolutePath: fixed cases', () => {
  const cases = ['', '/', '//', '.', './x', 'a/', 'a\n/', 'a\u2028/', '/etc/bind/db.x', '/etc//bind', '/etc/./bind', '/etc/../x', 'C:.', 'C:\\x', 'C:/x', 'c:x', '..', '/a/b/', 'x/.hidden'];
  for (const p of cases) {
    assert.equal(normalize(p), specNormalize(p), JSON.stringify(p));
    assert.equal(isAbsolutePath(p), specIsAbsolute(p), JSON.stringify(p));
  }
});

test('normalize, isAbsolutePath and resolveFrom agree with the regular expressions on generated paths', () => {
  fc.assert(
    fc.property(path, path, (base, target) => {
      assert.equal(normalize(base), specNormalize(base));
      assert.equal(isAbsolutePath(target), specIsAbsolute(target));
      assert.equal(resolveFrom(base, target), specResolve(base, target));
    }),
    { seed: 20261130, numRuns: 20_000 },
  );
});
