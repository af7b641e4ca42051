// The cross-file rules on small multi-file workspaces: test/fixtures/workspace/<rule>/<case>/ holds the files of
// one server; the expected findings of the `workspace/` rules are annotated in the files, as in the per-file
// fixtures (matched both ways). Per-file findings are the per-file fixtures' business and are not compared here.
// Also: the related locations point into the other files, and the rule list, fixtures and docs agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dialectForPath } from '../../server/src/core/registry';
import { LineIndex } from '../../server/src/core/text';
import { WorkspaceIndex } from '../../server/src/workspace/model';
import { runWorkspaceRules } from '../../server/src/workspace/rule';
import { WORKSPACE_RULES } from '../../server/src/workspace/rules';
import { formatExpectation, readAnnotated } from '../fixture-lib';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'workspace');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Build the workspace of one fixture folder: the annotated files with their annotations removed, nothing else readable. */
export function fixtureWorkspace(dir: string, keepModelChars?: number) {
  const texts = new Map<string, string>();
  const expected: string[] = [];
  for (const p of filesUnder(dir)) {
    const { text, expectations } = readAnnotated(readFileSync(p, 'utf8'));
    texts.set(p, text);
    for (const e of expectations) expected.push(`${relative(dir, p)}:${formatExpectation(e)}`);
  }
  // The configs say /etc/bind/...: paths outside the fixture are unreadable, as on a machine without them.
  const index = new WorkspaceIndex({ read: (p) => texts.get(p), dialectFor: (p) => dialectForPath(p), keepModelChars });
  index.setFiles([...texts.keys()].filter((p) => dialectForPath(p)));
  const ws = index.build();
  const findings = runWorkspaceRules(ws, WORKSPACE_RULES);
  const actual = findings.map((f) => {
    const lines = new LineIndex(texts.get(f.file)!);
    const s = lines.positionAt(f.span.start);
    const e = lines.positionAt(f.span.end);
    const end = e.line === s.line ? e.character : lines.lineEnd(s.line) - lines.lineStart(s.line);
    return `${relative(dir, f.file)}:${formatExpectation({ line: s.line, start: s.character, end, severity: f.severity, rule: f.rule })}`;
  });
  return { ws, findings, actual, expected, texts };
}

const cases = readdirSync(ROOT).flatMap((rule) => readdirSync(join(ROOT, rule)).map((c) => ({ rule, name: c, dir: join(ROOT, rule, c) })));

for (const c of cases) {
  test(`workspace/${c.rule}/${c.name}`, () => {
    const { actual, expected, findings } = fixtureWorkspace(c.dir);
    assert.deepEqual(actual.sort(), expected.filter((e) => / workspace\//.test(e)).sort(), 'workspace findings differ from the annotations');
    for (const f of findings) {
      assert.ok(f.related.length > 0, `${f.rule} points at the other place too`);
      for (const r of f.related) assert.ok(r.file && r.span.end >= r.span.start && r.message, 'related locations name their file');
      assert.ok(f.related.some((r) => r.file !== f.file), `${f.rule}: at least one related location in another file`);
    }
  });
}

test('the index keeps no model past keepModelChars, and its joins, facts and findings stay the same (include trees parse again)', () => {
  let trees = 0;
  for (const c of cases) {
    const kept = fixtureWorkspace(c.dir);
    const dropped = fixtureWorkspace(c.dir, 0);
    assert.ok(kept.ws.files.every((f) => f.model !== undefined), `${c.rule}/${c.name}: small files keep their model`);
    assert.ok(dropped.ws.files.every((f) => f.model === undefined), `${c.rule}/${c.name}: no model is kept`);
    const { files: keptFiles, ...keptJoins } = kept.ws;
    const { files: droppedFiles, ...droppedJoins } = dropped.ws;
    assert.deepEqual(droppedJoins, keptJoins, `${c.rule}/${c.name}: services, zones, records and problems`);
    const findingsOf = (files: typeof keptFiles) => files.map((f) => [f.path, f.findings.map((x) => `${x.rule} ${x.span.start} ${x.message}`)]);
    assert.deepEqual(findingsOf(droppedFiles), findingsOf(keptFiles), `${c.rule}/${c.name}: per-file findings`);
    assert.deepEqual(dropped.actual.sort(), kept.actual.sort(), `${c.rule}/${c.name}: workspace findings`);
    if (keptFiles.some((f) => f.treeKey)) trees++;
  }
  assert.ok(trees > 0, 'some fixture has an include tree, analysed with the other files parsed again');
});

test('every workspace rule has fixtures, one with a finding and one without; the rule list matches the files; docs are complete', () => {
  const dir = join('server', 'src', 'workspace', 'rules');
  const files = readdirSync(dir).filter((f) => f !== 'index.ts').map((f) => `workspace/${f.replace(/\.ts$/, '')}`).sort();
  assert.deepEqual(WORKSPACE_RULES.map((r) => r.id).sort(), files);
  assert.deepEqual(readdirSync(ROOT).map((r) => `workspace/${r}`).sort(), files, 'one fixture folder per rule');
  for (const r of WORKSPACE_RULES) {
    const folder = join(ROOT, r.id.split('/')[1]);
    const results = readdirSync(folder).map((c) => fixtureWorkspace(join(folder, c)).findings.filter((f) => f.rule === r.id).length);
    assert.ok(results.some((n) => n > 0) && results.some((n) => n === 0), `${r.id}: a case that finds and a case that does not`);
    for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) assert.ok(r.docs[k].length > 10, `${r.id} docs.${k}`);
    assert.ok(r.docs.references.length > 0);
  }
});
