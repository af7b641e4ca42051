// A large document's whole-file pass runs in a worker thread (lsp/background-analysis.ts): an edit made while it runs
// is linted at once instead of waiting behind it, the pass of the version the edit left behind is dropped, and the
// pass of the newest version publishes what a full analysis says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { FULL_AFTER_FAST_MS } from '../../server/src/lsp/diagnostics';
import { incrementalPartsOf } from '../../server/src/core/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { BackgroundAnalysis } from '../../server/src/lsp/background-analysis';
import { fileFacts } from '../../server/src/workspace/file-facts';
import { EDITOR_ANALYSIS, LARGE_DOCUMENT_CHARS } from '../../server/src/lsp/limits';
import { expectedTuples, publishedTuples } from './publications';
import { LspClient, SERVER, sleep } from './lsp-client';

let client: LspClient;
const uri = 'file:///background/named.conf';

before(async () => {
  // The cap on published problems (3,000 findings here) would hide the comparison with a full analysis: show them all.
  ({ client } = await LspClient.started({ configuration: (items) => items.map(() => ({ maxNumberOfProblems: 0 })) }));
});
after(async () => {
  await client?.dispose();
});

// About 1.3 MB: its whole-file analysis takes a good second, so the edit below lands while it runs.
const ZONES = 9000;
const zone = (i: number) => `zone "z${i}.test" {\n\ttype ${i % 3 ? 'primary' : 'master'};\n\tfile "db.z${i}";\n\tallow-transfer { 192.0.2.${i % 250}; 2001:db8::${i.toString(16)}; };\n\tnotify yes;\n};\n`;
const original = 'options {\n\tlisten-on-v6 { any; };\n};\n' + Array.from({ length: ZONES }, (_, i) => zone(i)).join('');

const expected = (text: string) => expectedTuples(text, bindDialect);
const got = publishedTuples;

test('an edit made during the whole-file pass of a large document is linted at once; the stale pass is dropped', async () => {
  assert.ok(original.length > 2 * LARGE_DOCUMENT_CHARS, `the document is large (${original.length} characters)`);
  await client.open(uri, original);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);

  // A zone renamed to a name another zone has: the fast path publishes at once, bind/duplicate waits for the pause.
  const renamed = original.replace('zone "z9.test"', 'zone "z3.test"');
  const v2 = await client.change(uri, renamed);
  const fast2 = await client.waitForDiagnostics(uri, (p) => p.version === v2, 30_000);
  assert.ok(!fast2.diagnostics.some((d) => d.code === 'bind/duplicate'), 'the fast path does not run whole-file rules');

  // The whole-file pass of v2 starts after the pause; a second edit arrives while it runs.
  await sleep(FULL_AFTER_FAST_MS + 150);
  const before = client.published(uri).filter((p) => p.version === v2).length;
  assert.equal(before, 1, 'the whole-file pass of a 1.3 MB document has not finished 150 ms after it began');
  const text = renamed.replace('notify yes;\n};\nzone "z40.test"', 'notify no;\n};\nzone "z40.test"');
  assert.notEqual(text, renamed);
  const sentAt = client.published(uri).length;
  const v3 = await client.change(uri, text);
  const fast3 = await client.waitForDiagnostics(uri, (p) => p.version === v3, 30_000);
  const final = await client.waitForDiagnostics(uri, (p) => p.version === v3 && p.diagnostics.some((d) => d.code === 'bind/duplicate'), 60_000);

  const afterSend = client.published(uri).slice(sentAt);
  // Run on the server's thread, the pass of v2 would have published before the server even read the edit.
  assert.equal(afterSend[0].version, v3, `the first publication after the edit is the edit's own (got version ${afterSend.map((p) => p.version).join(', ')})`);
  assert.ok(!afterSend.some((p) => p.version === v2), 'the pass of the version the edit left behind publishes nothing');
  assert.ok(!fast3.diagnostics.some((d) => d.code === 'bind/duplicate'), 'the edit itself went by the fast path');
  assert.deepEqual(got(final), expected(text), 'the whole-file pass from the worker equals a full analysis');
  assert.ok(!client.logs.some((l) => /background analysis|analysis worker/i.test(l.message)), `no worker failure logged: ${client.logs.map((l) => l.message).join(' | ')}`);
});

test('the worker started from the server bundle answers what the same analysis gives on the server thread', async (t) => {
  const background = new BackgroundAnalysis(SERVER);
  t.after(() => background.dispose());
  const text = Array.from({ length: 300 }, (_, i) => zone(i)).join('') + 'zone "z1.test" { type primary; file "again"; };\noptions { listen-on { 2001:db8::1; }; };\n';
  const parts = await background.analyze('file:///a.conf', bindDialect, text, DEFAULT_SETTINGS, EDITOR_ANALYSIS);
  const here = incrementalPartsOf(analyze(bindDialect, text, DEFAULT_SETTINGS, EDITOR_ANALYSIS));
  assert.ok(parts && here);
  assert.ok(here.findings.some((f) => f.rule === 'bind/duplicate') && here.findings.some((f) => f.fixes.length > 0), 'findings with fixes and of a whole-file rule');
  assert.deepEqual(parts, here);
});

test('for the workspace index, the worker answers the findings (without fixes), line starts and facts of the analysis of the file alone', async (t) => {
  const background = new BackgroundAnalysis(SERVER);
  t.after(() => background.dispose());
  const text = 'include "named.conf.acls";\noptions { listen-on-v6 { none; }; allow-query { 192.0.2.0/24; }; };\n' + Array.from({ length: 300 }, (_, i) => zone(i)).join('');
  const parts = await background.analyzeForIndex('file:///a.conf', bindDialect, text, DEFAULT_SETTINGS);
  const here = analyze(bindDialect, text, DEFAULT_SETTINGS);
  assert.ok(parts);
  assert.ok(here.findings.some((f) => f.fixes.length > 0), 'findings with fixes among them');
  assert.deepEqual(parts.findings, here.findings.map((f) => ({ ...f, fixes: [] })), 'the findings, without their fixes');
  assert.deepEqual([...parts.lineStarts], [...here.lines.startsArray]);
  const facts = fileFacts(bindDialect, text, here);
  assert.ok(facts.zoneFiles.length === 300 && facts.bindListen.v6.length === 1 && facts.links.some((l) => l.kind === 'include'), 'facts of every kind a named.conf has');
  assert.deepEqual(parts.facts, facts);
});

test("an edit of a document does not stop the index's analysis of it (the index reads the text as saved)", async (t) => {
  const background = new BackgroundAnalysis(SERVER);
  t.after(() => background.dispose());
  const forIndex = background.analyzeForIndex('file:///big.conf', bindDialect, original, DEFAULT_SETTINGS);
  const forEdit = background.analyze('file:///big.conf', bindDialect, original, DEFAULT_SETTINGS, EDITOR_ANALYSIS);
  background.cancel('file:///big.conf');
  assert.equal(await forEdit, undefined, "the linter's waiting request is cancelled");
  const parts = await forIndex;
  assert.ok(parts && parts.facts.zoneFiles.length === ZONES, "the index's request is answered");
});

test('a newer request for a document replaces a waiting one; a change cancels a running one', async (t) => {
  const background = new BackgroundAnalysis(SERVER);
  t.after(() => background.dispose());
  const other = background.analyze('file:///other.conf', bindDialect, original, DEFAULT_SETTINGS, EDITOR_ANALYSIS);
  const older = background.analyze('file:///a.conf', bindDialect, 'zone "a" { type master; file "db.a"; };\n', DEFAULT_SETTINGS, EDITOR_ANALYSIS);
  const newer = background.analyze('file:///a.conf', bindDialect, 'zone "b" { type master; file "db.b"; };\n', DEFAULT_SETTINGS, EDITOR_ANALYSIS);
  assert.equal(await older, undefined, 'superseded while it waited');
  background.cancel('file:///other.conf');
  assert.equal(await other, undefined, 'cancelled while it ran');
  const parts = await newer;
  assert.equal(parts?.findings.length, 1);
  assert.match(parts.findings[0].message, /master/);
});

test('a worker that cannot start fails the request (the linter then analyses on its own thread)', async (t) => {
  const background = new BackgroundAnalysis('/nonexistent/v6ready/server.js');
  t.after(() => background.dispose());
  await assert.rejects(background.analyze('file:///a.conf', bindDialect, 'options { };\n', DEFAULT_SETTINGS, EDITOR_ANALYSIS), /Cannot find module|exited/);
});
