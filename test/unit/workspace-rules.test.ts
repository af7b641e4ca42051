// The cross-file rules on small multi-file workspaces: test/fixtures/workspace/<rule>/<case>/ holds the files of
// one server; the expected findings of the `workspace/` rules are annotated in the files, as in the per-file
// fixtures (matched both ways). Per-file findings are the per-file fixtures' business and are not compared here.
// Also: the related locations point into the other files, and the rule list, fixtures and docs agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { dialectForPath } from '../../server/src/core/registry';
import { LineIndex } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/types';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { IncludeWorld } from '../../server/src/workspace/linked';
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
  const actual = findings.map((f) => `${relative(dir, f.file)}:${expectationOf(texts.get(f.file)!, f)}`);
  return { ws, findings, actual, expected, texts };
}

/** A finding as the annotation that expects it. */
function expectationOf(text: string, f: Finding): string {
  const lines = new LineIndex(text);
  const s = lines.positionAt(f.span.start);
  const e = lines.positionAt(f.span.end);
  const end = e.line === s.line ? e.character : lines.lineEnd(s.line) - lines.lineStart(s.line);
  return formatExpectation({ line: s.line, start: s.character, end, severity: f.severity, rule: f.rule });
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

// The rc scripts read rc.conf, rc.conf.local and rc.conf.d/<script> of one etc folder together, with no include
// between them: test/fixtures/rcconf/no-ipv6-route/<case>/etc/ holds one server's, annotated like a per-file fixture.
const RC_ROUTE = join(process.cwd(), 'test', 'fixtures', 'rcconf', 'no-ipv6-route');
const rcCases = readdirSync(RC_ROUTE).filter((n) => statSync(join(RC_ROUTE, n)).isDirectory());

for (const name of rcCases) {
  test(`rcconf/no-ipv6-route/${name}: the rc.conf files of one etc folder are judged together (report and check)`, () => {
    const dir = join(RC_ROUTE, name);
    const rule = 'rcconf/no-ipv6-route';
    const { ws, expected, texts } = fixtureWorkspace(dir);
    const want = expected.filter((e) => e.endsWith(` ${rule}`)).sort();
    // The workspace (what `report` reads): each file analysed with its siblings, and the OS layer's answer follows.
    const got = ws.files.flatMap((f) => f.findings.filter((x) => x.rule === rule).map((x) => `${relative(dir, f.path)}:${expectationOf(f.text, x)}`));
    assert.deepEqual(got.sort(), want);
    assert.equal(ws.services.find((s) => s.kind === 'os')?.listen.v6, want.length === 0, 'the report says the OS layer has an IPv6 route exactly when no file lacks one');
    // The include world (what check and the editor give analyze()) links the same siblings.
    const list = (d: string) => [...new Set([...texts.keys()].filter((p) => dirname(p) === d).map((p) => relative(d, p)))];
    for (const withList of [true, false]) {
      const world = new IncludeWorld(rcconfDialect, (p) => texts.get(p), withList ? list : undefined);
      const viaWorld = [...texts.keys()].flatMap((p) => {
        const context = world.contextOf(p);
        return analyze(rcconfDialect, texts.get(p)!, undefined, { linked: context.linked }).findings.filter((x) => x.rule === rule).map((x) => `${relative(dir, p)}:${expectationOf(texts.get(p)!, x)}`);
      });
      assert.deepEqual(viaWorld.sort(), want, withList ? 'with a folder lister' : 'without one');
    }
  });
}
