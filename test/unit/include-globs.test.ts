// Wildcard includes: matching as httpd does (one segment, no leading dot), a bound on files and directories, and
// followIncludes ending a glob that matches too much, a loop through a glob, with problems rather than hangs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandGlob, MAX_GLOB_DIRS, MAX_GLOB_FILES, type DirLister } from '../../server/src/workspace/glob-expand';
import { followIncludes, type IncludeRef } from '../../server/src/workspace/includes';

/** A fake file tree: path -> text for files; directories are implied by the paths. */
function tree(files: Record<string, string>): { list: DirLister; read: (p: string) => string | undefined; listed: () => number } {
  let count = 0;
  const list: DirLister = (dir) => {
    count++;
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    return names.size ? [...names] : undefined;
  };
  return { list, read: (p) => files[p], listed: () => count };
}

test('a wildcard matches within one segment, sorted, without dot files', () => {
  const t = tree({ '/etc/a/conf.d/b.conf': '', '/etc/a/conf.d/a.conf': '', '/etc/a/conf.d/.hidden.conf': '', '/etc/a/conf.d/x.txt': '', '/etc/a/conf.d/sub/c.conf': '' });
  assert.deepEqual(expandGlob('/etc/a/conf.d/*.conf', t.list).files, ['/etc/a/conf.d/a.conf', '/etc/a/conf.d/b.conf']);
  assert.deepEqual(expandGlob('/etc/a/*/?.conf', t.list).files, ['/etc/a/conf.d/a.conf', '/etc/a/conf.d/b.conf']);
  assert.deepEqual(expandGlob('/etc/a/conf.d/[ab].conf', t.list).files, ['/etc/a/conf.d/a.conf', '/etc/a/conf.d/b.conf']);
  assert.deepEqual(expandGlob('/etc/a/conf.d/[!a].conf', t.list).files, ['/etc/a/conf.d/b.conf']);
  assert.deepEqual(expandGlob('/etc/nowhere/*.conf', t.list), { files: [], truncated: false });
});

test('a wildcard over many files or directories is cut at the bound and says so', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 5000; i++) files[`/etc/many/f${String(i).padStart(5, '0')}.conf`] = '';
  for (let i = 0; i < 2000; i++) files[`/srv/d${i}/x.conf`] = '';
  const t = tree(files);
  const many = expandGlob('/etc/many/*.conf', t.list);
  assert.equal(many.files.length, MAX_GLOB_FILES);
  assert.equal(many.truncated, true);
  const before = t.listed();
  const deep = expandGlob('/srv/*/*.conf', t.list);
  assert.ok(deep.truncated);
  assert.ok(t.listed() - before <= MAX_GLOB_DIRS + 1, `listed ${t.listed() - before} directories`);
});

test('followIncludes with wildcards: bounded, loops through a glob reported, no hang', () => {
  const files: Record<string, string> = { '/etc/httpd.conf': 'include conf.d/*.conf\ninclude big/*.conf', '/etc/conf.d/a.conf': 'include conf.d/*.conf' };
  for (let i = 0; i < 1000; i++) files[`/etc/big/${i}.conf`] = '';
  const t = tree(files);
  const includesOf = (_file: string, text: string): IncludeRef[] =>
    [...text.matchAll(/^include (\S*)$/gm)].map((m) => ({ target: m[1], span: { start: m.index!, end: m.index! + m[0].length } }));
  const resolve = (_from: string, target: string) => `/etc/${target}`;
  const g = followIncludes('/etc/httpd.conf', t.read, includesOf, resolve, (from, target) => expandGlob(resolve(from, target), t.list));
  const messages = g.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /include loop: \/etc\/conf\.d\/a\.conf -> \/etc\/conf\.d\/a\.conf/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => new RegExp(`wildcard 'big/\\*\\.conf' matches too many files: only the first ${MAX_GLOB_FILES}`).test(m)));
  assert.equal(g.files.length, 2 + MAX_GLOB_FILES);
});

test('a class whose first member is `]` (fnmatch: `[]x]`, `[!]x]`), and a backslash in a class, read as glob(3) reads them', () => {
  const t = tree({ '/e/]': '', '/e/x': '', '/e/y': '', '/e/\\': '' });
  assert.deepEqual(expandGlob('/e/[]x]', t.list).files, ['/e/]', '/e/x']);
  assert.deepEqual(expandGlob('/e/[!]x]', t.list).files, ['/e/\\', '/e/y']);
  assert.deepEqual(expandGlob('/e/[!]', t.list).files, []);
  assert.deepEqual(expandGlob('/e/[z-a]', t.list).files, []);
});

test('a wildcard folder followed by a plain name gives only the paths that exist (glob(3)), not every folder joined with the name', () => {
  const t = tree({ '/srv/www/site1/vhost.conf': '', '/srv/www/site2/other.conf': '', '/srv/www/site3/conf/vhost.conf': '' });
  assert.deepEqual(expandGlob('/srv/www/*/vhost.conf', t.list).files, ['/srv/www/site1/vhost.conf']);
  assert.deepEqual(expandGlob('/srv/www/*/conf/vhost.conf', t.list).files, ['/srv/www/site3/conf/vhost.conf']);
  assert.deepEqual(expandGlob('/srv/nowhere/*/vhost.conf', t.list).files, []);
});
