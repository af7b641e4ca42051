// The Apache Listen rules read the Listens of the whole include tree (RuleContext.linked, built by the include world
// from the dialect's Include links): a `Listen [::1]:8080` in an included ports6.conf serves the server that the
// main file's `Listen 127.0.0.1:8080` belongs to (measured: httpd answers on [::1]:8080). The tree is
// test/fixtures/apache/ipv4-only-listen/include-tree/, annotated as the per-file fixtures are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { dialectForLanguage } from '../../server/src/core/registry';
import { IncludeWorld } from '../../server/src/workspace/linked';
import { formatExpectation, readAnnotated } from '../fixture-lib';

const apache = dialectForLanguage('apacheconf')!;
const DIR = join(process.cwd(), 'test', 'fixtures', 'apache', 'ipv4-only-listen', 'include-tree');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

const texts = new Map<string, string>();
const expected = new Map<string, string[]>();
for (const p of filesUnder(DIR)) {
  const { text, expectations } = readAnnotated(readFileSync(p, 'utf8'));
  texts.set(p, text);
  expected.set(p, expectations.map(formatExpectation).sort());
}
const ROOT = join(DIR, 'httpd.conf');

/** Analyse one file of the tree as the CLI and the editor do: with the files joined to it by includes. */
function lint(path: string, files: Map<string, string> = texts): Analysis {
  const world = new IncludeWorld(apache, (p) => files.get(p));
  const context = world.contextOf(path, [ROOT]);
  return analyze(apache, files.get(path)!, undefined, { linked: context.linked, includeProblems: context.problems, linkedPartial: context.partial });
}

function found(a: Analysis): string[] {
  return a.findings
    .map((f) => {
      const s = a.lines.positionAt(f.span.start);
      const e = a.lines.positionAt(f.span.end);
      return formatExpectation({ line: s.line, start: s.character, end: e.character, severity: f.severity, rule: f.rule });
    })
    .sort();
}

for (const path of texts.keys()) {
  test(`apache include tree: ${relative(DIR, path)} has the annotated findings`, () => {
    const a = lint(path);
    assert.ok(a.linked.length > 0, 'the include world joins the tree');
    assert.deepEqual(found(a), expected.get(path));
  });
}

test('apache include tree: the fixes count the Listens of the other files', () => {
  const site = join(DIR, 'conf', 'site.conf');
  const a = lint(site);
  const vhost = a.findings.find((f) => f.rule === 'apache/ipv4-only-vhost')!;
  assert.deepEqual(
    vhost.fixes.filter((f) => f.safe).map((f) => f.edits.map((e) => e.newText).join('')),
    [' [::1]:8080'],
    'the IPv6 address to add comes from the Listen in conf/ports6.conf',
  );
  const hostname = a.findings.find((f) => f.rule === 'apache/hostname-listen')!;
  assert.match(hostname.fixes[0].title, /^Remove this Listen/, 'both loopback addresses are listened on in the other files: adding one would be a second Listener');
});

test('apache include tree: read alone, or with an include missing, the main file warns without claiming to know', () => {
  for (const a of [analyze(apache, texts.get(ROOT)!), lint(ROOT, new Map([...texts].filter(([p]) => p === ROOT)))]) {
    const f = a.findings.filter((x) => x.rule === 'apache/ipv4-only-listen');
    assert.equal(f.length, 1, found(a).join('\n'));
    assert.match(f[0].message, /that could be read accepts IPv6 .*may be unreachable over IPv6/);
  }
  // A file without Include read alone keeps the plain message.
  const plain = analyze(apache, 'Listen 127.0.0.1:8080\n').findings.find((x) => x.rule === 'apache/ipv4-only-listen')!;
  assert.match(plain.message, /no Listen of this file accepts IPv6: httpd is unreachable over IPv6 on port 8080/);
});
