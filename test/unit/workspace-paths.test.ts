// workspace/paths.ts tests normality by char codes (and a joined path on its parts): held here to the regular
// expressions it replaced, which stay the specification, on fixed cases and on generated paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { basenameOf, copyRootAbove, copyRootOf, dirnameOf, foldPath, isAbsolutePath, isInServerPlace, isPlainFolder, isPlainName, isUnder, machineMayHold, normalize, resolveFrom } from '../../server/src/workspace/paths';

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

test('a plain name joined to a plain folder with one / is the path resolveFrom makes, with that folder and name', () => {
  let plain = 0;
  fc.assert(
    fc.property(path, path, (folder, name) => {
      // The specifications: not empty, no '/' (at the end, for a folder), nothing normalize would change.
      assert.equal(isPlainName(name), name.length > 0 && !name.includes('/') && !UNNORMAL.test(name), JSON.stringify(name));
      assert.equal(isPlainFolder(folder), folder.length > 0 && !folder.endsWith('/') && !UNNORMAL.test(folder), JSON.stringify(folder));
      if (!isPlainName(name) || !isPlainFolder(folder)) return;
      plain++;
      const joined = `${folder}/${name}`;
      assert.equal(resolveFrom(folder, name), joined);
      assert.equal(normalize(joined), joined);
      assert.equal(dirnameOf(joined), folder);
      assert.equal(basenameOf(joined), name);
    }),
    { seed: 20261201, numRuns: 20_000 },
  );
  assert.ok(plain > 1000, `enough plain pairs generated (${plain})`);
  for (const name of ['db.z7', 'DB.A', 'é.zone', 'a:b']) assert.ok(isPlainName(name), name);
  for (const name of ['', '.', '..', '.db', 'a/b', 'a\\b', '/db']) assert.ok(!isPlainName(name), JSON.stringify(name));
  for (const folder of ['/var/cache/bind', '/', 'C:/x', 'zones']) assert.equal(isPlainFolder(folder), folder !== '/', folder);
  for (const folder of ['', '/var/', '/var/./x', '/var//x', 'C:\\x', '.']) assert.ok(!isPlainFolder(folder), JSON.stringify(folder));
});

test('copyRootOf: the folder above the daemon\'s folder, only when the whole of it ends the path; isUnder by segments', () => {
  const roots: [string, string, string | undefined][] = [
    ['/srv/a/etc/bind', '/etc/bind', '/srv/a'],
    ['/etc/bind', '/etc/bind', '/'],
    ['/srv/a/etc/bind', '/var/cache/bind', undefined],
    ['/srv/aetc/bind', '/etc/bind', undefined],
    ['/srv/a/etc/bind', '/bind', '/srv/a/etc'],
    ['/srv/a/etc/bind', '/', undefined],
    ['C:/srv/a/etc/bind', 'C:/etc/bind', 'C:/srv/a'],
    ['C:/etc/bind', '/etc/bind', 'C:'],
  ];
  for (const [folder, daemon, root] of roots) assert.equal(copyRootOf(folder, daemon), root, `${folder} for ${daemon}`);
  const under: [string, string, boolean][] = [
    ['/srv/a/etc/x', '/srv/a', true],
    ['/srv/ab/etc/x', '/srv/a', false],
    ['/srv/a', '/srv/a', false],
    ['/x', '/', true],
    ['C:/etc/x', 'C:', true],
    ['C:x', 'C:', false],
  ];
  for (const [p, root, expected] of under) assert.equal(isUnder(p, root), expected, `${p} under ${root}`);
  // Any copy root and server folder: the root comes back, and the server's files in the copy are under it.
  const segment = fc.constantFrom('srv', 'a', 'b', 'etc', 'bind', 'aetc');
  const folder = fc.array(segment, { maxLength: 4 }).map((xs) => xs.map((x) => `/${x}`).join(''));
  fc.assert(
    fc.property(folder, folder, segment, (root, daemon, name) => {
      if (daemon === '') return;
      assert.equal(copyRootOf(root + daemon, daemon), root === '' ? '/' : root);
      assert.ok(isUnder(`${root}${daemon}/${name}`, copyRootOf(root + daemon, daemon)!));
      // The same files copied under another folder ('other' is no segment here) are not under this root, but for '/'.
      assert.equal(isUnder(`/other${root}${daemon}/${name}`, copyRootOf(root + daemon, daemon)!), root === '');
    }),
    { seed: 20261201, numRuns: 2000 },
  );
});

test('copyRootAbove: the copy a config lies in, from its folder or one above it, else above its etc folder; / in place', () => {
  const cases: [string, string, string | undefined][] = [
    ['/srv/ns1/etc/bind', '/etc/bind', '/srv/ns1'],
    ['/srv/ns1/etc/bind', '/etc/bind/zones', '/srv/ns1'],
    ['/srv/ns1/etc', '/etc/bind', '/srv/ns1'],
    // An ancestor counts when it repeats two segments or more: a fragment's folder under the copy's etc/ssh.
    ['/srv/h1/etc/ssh/sshd_config.d', '/etc/ssh', '/srv/h1'],
    // Else the folder above the last etc (a zone file under directory "/var/cache/bind" in a copy).
    ['/srv/a/etc/bind', '/var/cache/bind', '/srv/a'],
    // The server's own files, and those under a prefix where servers keep them in place.
    ['/etc/bind', '/etc/bind', '/'],
    ['/etc/bind/zones', '/etc/bind', '/'],
    // Under the machine's own /etc or a package prefix, a folder that repeats nothing says nothing.
    ['/etc/bind', '/var/cache/bind', undefined],
    ['/etc/ansible/roles/ssh/files', '/etc/ssh', undefined],
    ['/opt/homebrew/etc/httpd', '/Users/me/Sites', undefined],
    ['/usr/local/etc/namedb', '/var/named', undefined],
    // A copy of a tree kept under a prefix stands for / above the prefix.
    ['/r/ns1/usr/local/etc/namedb', '/var/named', '/r/ns1'],
    ['/usr/local/etc/ssh', '/etc/ssh', '/'],
    ['/usr/local/etc/namedb', '/etc/namedb', '/'],
    // Nothing says.
    ['/home/u/proj', '/etc/bind', undefined],
    ['/srv/xetc/bind', '/etc/bind', undefined],
  ];
  for (const [folder, daemon, root] of cases) assert.equal(copyRootAbove(folder, daemon), root, `${folder} for ${daemon}`);
});

test('machineMayHold: a server path is read from this machine only for a file checked in its server\'s folders', () => {
  assert.equal(isInServerPlace('/etc'), true);
  assert.equal(isInServerPlace('/etc/bind/named.conf'), true);
  assert.equal(isInServerPlace('/usr/local/etc/namedb/named.conf'), true);
  assert.equal(isInServerPlace('/var/named/db.a'), true);
  assert.equal(isInServerPlace('/etcetera/named.conf'), false, 'a folder whose name only starts so');
  assert.equal(isInServerPlace('/home/ci/repo/etc/bind/named.conf'), false);
  assert.equal(isInServerPlace('/tmp/../etc/bind/x'), true, 'read as normalised');
  assert.equal(isInServerPlace('C:\\Users\\me\\named.conf'), false);
  assert.equal(machineMayHold('/etc/bind/named.conf', '/var/cache/bind/db.a'), true, 'in place');
  assert.equal(machineMayHold('/home/ci/repo/named.conf', '/var/cache/bind/db.a'), false, 'a copy');
  assert.equal(machineMayHold('C:\\repo\\named.conf', '/etc/bind/named.conf.options'), false);
  assert.equal(machineMayHold('/home/ci/repo/named.conf', '/home/ci/lab/acls.conf'), true, 'not a server path');
});
