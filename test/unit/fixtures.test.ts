// Runs every annotated fixture under test/fixtures: findings match the annotations both ways, and the fixes
// give the `.fixed` (safe fixes) and `.all-fixed` (first fix of every finding) files exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { DIALECTS } from '../../server/src/core/registry';
import { fixtureCases, formatExpectation, readAnnotated, readText } from '../fixture-lib';

const cases = fixtureCases();

for (const c of cases) {
  const dialect = DIALECTS.find((d) => d.name === c.dialect);
  test(`${c.dialect}/${c.folder}/${c.name}`, () => {
    assert.ok(dialect, `no dialect named ${c.dialect}`);
    const { text, expectations } = readAnnotated(readText(c.path));
    const analysis = analyze(dialect, text);
    const actual = analysis.findings.map((f) => {
      const s = analysis.lines.positionAt(f.span.start);
      const e = analysis.lines.positionAt(f.span.end);
      const end = e.line === s.line ? e.character : analysis.lines.lineEnd(s.line) - analysis.lines.lineStart(s.line);
      return formatExpectation({ line: s.line, start: s.character, end, severity: f.severity, rule: f.rule });
    });
    assert.deepEqual(actual.sort(), expectations.map(formatExpectation).sort(), 'findings differ from the annotations');

    const hasSafe = analysis.findings.some((f) => f.fixes.some((x) => x.safe));
    const hasAny = analysis.findings.some((f) => f.fixes.length > 0);
    if (hasSafe) assert.ok(c.fixedPath, `${c.name} has safe fixes: add ${c.name.replace(/(\.[^.]+)?$/, '.fixed$1')}`);
    if (c.fixedPath) {
      const result = fixAll(dialect, text);
      assert.equal(result.text, readText(c.fixedPath), 'safe fixes give a different text than the .fixed file');
      assert.ok(!result.analysis.findings.some((f) => f.fixes.some((x) => x.safe)), 'a safe fix is still offered after fix-all');
      const before = new Set(analysis.findings.map((f) => f.rule));
      for (const f of result.analysis.findings) assert.ok(before.has(f.rule), `fixing introduced a new finding: ${f.rule}: ${f.message}`);
    }
    if (hasAny && !hasSafe) assert.ok(c.allFixedPath, `${c.name} has fixes: add ${c.name.replace(/(\.[^.]+)?$/, '.all-fixed$1')}`);
    if (c.allFixedPath) {
      const result = fixAll(dialect, text, undefined, { pick: 'first' });
      assert.equal(result.text, readText(c.allFixedPath), 'applying every first fix gives a different text than the .all-fixed file');
      assert.ok(!result.analysis.findings.some((f) => f.fixes.length > 0), 'a fix is still offered after applying all fixes');
    }
  });
}

test('every rule has a fixture folder, and every fixture folder is a rule', () => {
  for (const d of DIALECTS) {
    const dir = join('test', 'fixtures', d.name);
    const folders = new Set(readdirSync(dir));
    for (const r of d.rules) assert.ok(folders.has(r.id.split('/')[1]), `rule ${r.id} has no fixtures in ${dir}`);
    const ids = new Set([...d.rules.map((r) => r.id.split('/')[1]), 'syntax', 'suppression']);
    for (const f of folders) assert.ok(ids.has(f), `fixture folder ${dir}/${f} names no rule`);
    for (const f of folders) assert.ok(cases.some((c) => c.dialect === d.name && c.folder === f), `${dir}/${f} is empty`);
  }
});
