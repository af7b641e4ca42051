// Proves on the real named-checkconf that the rewriting fixes change nothing named does: for every fixture pair
// of bind/non-canonical-ipv6 and bind/deprecated-syntax, `named-checkconf -p` (named's own parse of the file,
// printed back normalised, addresses in canonical form) is the same before and after the fix, once the old
// synonyms are spelt the new way (`masters` = `primaries`, `default-masters` = `default-primaries`, `type master/slave` = `primary/secondary`). The one
// fix that is not safe (removing a fixed `port N` from a `*-source` option) may differ by exactly that.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { which } from './named-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'bind');
const RULES = ['non-canonical-ipv6', 'deprecated-syntax'];

/** named-checkconf -p, its warnings dropped, the synonyms spelt the current way, top-level statements sorted. */
function printed(path: string, dropSourcePorts: boolean): string {
  const r = spawnSync(which('named-checkconf')!, ['-p', path], { encoding: 'utf8', cwd: dirname(path), timeout: 15000 });
  assert.equal(r.status, 0, `named-checkconf -p ${path} failed:\n${r.stdout}${r.stderr}`);
  let text = r.stdout
    .split('\n')
    .filter((l) => !/^\S+:\d+: /.test(l))
    .join('\n')
    .replace(/^(\s*)masters\b/gm, '$1primaries')
    .replace(/\bdefault-masters\b/g, 'default-primaries')
    .replace(/^(\s*type) master;/gm, '$1 primary;')
    .replace(/^(\s*type) slave;/gm, '$1 secondary;');
  if (dropSourcePorts) text = text.replace(/^(\s*(?:[a-z-]*-source(?:-v6)?)\b.*?) port \d+;/gm, '$1;');
  // Top-level statements: each starts at column 0; named prints them grouped by kind, so sort them.
  const statements: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\S/.test(line) || statements.length === 0) statements.push(line);
    else statements[statements.length - 1] += `\n${line}`;
  }
  return statements.filter((s) => s.trim()).sort().join('\n');
}

describe('named-checkconf -p reads the fixed config as the original', { skip: which('named-checkconf') ? false : 'named-checkconf not found (Debian: apt-get install bind9-utils)' }, () => {
  for (const rule of RULES) {
    const dir = join(FIXTURES, rule);
    const befores = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.conf') && !/\.(all-)?fixed\.conf$/.test(n)).sort() : [];
    test(`bind/${rule}: fixture pairs exist`, () => assert.ok(befores.length > 0, `no fixtures in ${dir}`));
    for (const name of befores) {
      const base = name.slice(0, -'.conf'.length);
      for (const variant of ['fixed', 'all-fixed'] as const) {
        const after = join(dir, `${base}.${variant}.conf`);
        if (!existsSync(after)) continue;
        test(`bind/${rule} ${base} (${variant})`, () => {
          const unsafe = variant === 'all-fixed' && rule === 'deprecated-syntax';
          assert.equal(printed(after, unsafe), printed(join(dir, name), unsafe));
        });
      }
    }
  }
});
