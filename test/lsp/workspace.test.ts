// The workspace model over LSP: the folder is indexed at startup (with workDoneProgress), cross-file findings are
// published for files that are not open, with relatedInformation in the other file; an edit to an open document
// updates them; v6ready/readinessReport answers with the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readAnnotated } from '../fixture-lib';
import { LARGE_DOCUMENT_CHARS } from '../../server/src/lsp/limits';
import { LspClient, sleep, VSCODE_LIKE_CAPABILITIES } from './lsp-client';

/** A copy of a workspace fixture in a folder removed after the test, its zone file's annotation lines stripped. */
function fixtureFolder(t: { after(fn: () => void): void }, fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-lsp-ws-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join('test', 'fixtures', 'workspace', ...fixture.split('/')), dir, { recursive: true });
  // The annotation lines are comments; stripped, positions match what the tests expect.
  const zonePath = join(dir, 'example.net.zone');
  writeFileSync(zonePath, readAnnotated(readFileSync(zonePath, 'utf8')).text);
  return dir;
}

test('cross-file findings in closed files, updated on edit; progress while indexing; the readiness report', async (t) => {
  const dir = fixtureFolder(t, 'aaaa-without-listener/apache-ipv4-listen');
  const progress: unknown[] = [];
  const client = LspClient.start({ workspace: dir, capabilities: { ...VSCODE_LIKE_CAPABILITIES, window: { workDoneProgress: true } } });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (p: unknown) => progress.push(p));
  await client.initialize();
  t.after(() => client.dispose());

  const zone = pathToFileURL(join(dir, 'example.net.zone')).href;
  const httpd = pathToFileURL(join(dir, 'httpd.conf')).href;
  const first = await client.waitForDiagnostics(zone, (p) => p.diagnostics.some((d) => d.code === 'workspace/aaaa-without-listener'));
  const d = first.diagnostics.find((x) => x.code === 'workspace/aaaa-without-listener')!;
  assert.equal(d.range.start.line, 6);
  assert.deepEqual(d.relatedInformation?.map((r) => `${r.location.uri === httpd ? 'httpd.conf' : r.location.uri}:${r.location.range.start.line}`), ['httpd.conf:0', 'httpd.conf:2']);
  const kinds = () => progress.map((p) => (p as { value: { kind: string } }).value.kind);
  for (let i = 0; i < 50 && !kinds().includes('end'); i++) await sleep(100);
  assert.equal(kinds()[0], 'begin');
  assert.equal(kinds()[kinds().length - 1], 'end');

  // Open httpd.conf and make it listen on IPv6 too: the AAAA record is now right, the finding goes away.
  const text = readFileSync(join(dir, 'httpd.conf'), 'utf8');
  await client.open(httpd, text, 'apacheconf');
  await client.change(httpd, text.replace('Listen 192.0.2.80:80', 'Listen 192.0.2.80:80\nListen [2001:db8::80]:80'));
  await client.waitForDiagnostics(zone, (p) => !p.diagnostics.some((x) => x.code === 'workspace/aaaa-without-listener'));

  const report = await client.request<{ services: { kind: string; listensV6: string; names: { name: string; aaaa: string[] }[] }[] }>('v6ready/readinessReport', null);
  const web = report.services.find((s) => s.kind === 'web')!;
  assert.equal(web.listensV6, 'yes', 'the report sees the unsaved edit');
  assert.deepEqual(web.names.map((n) => `${n.name} ${n.aaaa}`), ['www.example.net 2001:db8::80']);
});

test('a large open document is read again by the workspace index when it is saved, not after every pause in typing', async (t) => {
  const dir = fixtureFolder(t, 'ns-unreachable-v6/aaaa-no-listener');
  const zonePath = join(dir, 'example.net.zone');
  // The fixture's named.conf, past LARGE_DOCUMENT_CHARS with zones of no consequence for the cross-file rules.
  const padding = Array.from({ length: 9000 }, (_, i) => `zone "pad${i}.test" { type primary; file "pad.zone"; notify no; };\n`).join('');
  const text = readFileSync(join(dir, 'named.conf'), 'utf8') + padding;
  assert.ok(text.length > LARGE_DOCUMENT_CHARS);
  writeFileSync(join(dir, 'named.conf'), text);
  const client = LspClient.start({ workspace: dir });
  await client.initialize();
  t.after(() => client.dispose());

  const zone = pathToFileURL(zonePath).href;
  const named = pathToFileURL(join(dir, 'named.conf')).href;
  const unreachable = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'workspace/ns-unreachable-v6');
  await client.waitForDiagnostics(zone, unreachable, 30_000);
  await client.open(named, text);
  await client.waitForDiagnostics(named, (p) => p.version === 1, 30_000);

  // named now listens on IPv6: in the editor, the document's own diagnostics follow at once...
  const edited = text.replace('listen-on-v6 { none; };', 'listen-on-v6 { any; };');
  const v = await client.change(named, edited);
  await client.waitForDiagnostics(named, (p) => p.version === v, 30_000);
  // ...while the workspace index keeps the text it read, however long the pause.
  await sleep(2000);
  assert.ok(unreachable(client.latest(zone)!), 'the cross-file finding is not recomputed while the large document is edited');
  // Saved: the index reads it again, and the finding in the closed zone file goes.
  await client.save(named);
  await client.waitForDiagnostics(zone, (p) => !unreachable(p), 30_000);
  // Read again in the analysis worker (lsp/workspace.ts prepareInWorker), which logs when it has to fall back.
  assert.ok(!client.logs.some((l) => /workspace index in the worker failed/.test(l.message)), client.logs.map((l) => l.message).join(' | '));
});

test('while a folder of many configs is indexed, the server keeps answering requests', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-lsp-ws-many-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // 300 zone files of 400 records: reading them all takes the index well over a second.
  const records = Array.from({ length: 400 }, (_, i) => `h${i} IN AAAA 2001:db8::${i.toString(16)}\nh${i} IN A 192.0.2.${i % 250}\n`).join('');
  for (let z = 0; z < 300; z++) writeFileSync(join(dir, `z${z}.example.zone`), `$ORIGIN z${z}.example.\n@ IN SOA ns hostmaster 1 2h 30m 2w 1h\n@ IN NS ns\n${records}`);
  const named = join(dir, 'named.conf');
  writeFileSync(named, 'options {\n\tlisten-on-v6 { any; };\n};\n');
  const progress: { kind: string; message?: string }[] = [];
  const client = LspClient.start({ workspace: dir, capabilities: { ...VSCODE_LIKE_CAPABILITIES, window: { workDoneProgress: true } } });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => progress.push(p.value));
  await client.initialize();
  t.after(() => client.dispose());

  // Once the files are found, the server is reading them: a hover sent then is answered before the indexing ends.
  for (let i = 0; i < 200 && !progress.some((p) => p.message?.startsWith('reading')); i++) await sleep(10);
  assert.ok(progress.some((p) => p.message?.startsWith('reading')), `indexing began: ${JSON.stringify(progress)}`);
  const uri = pathToFileURL(named).href;
  await client.open(uri, readFileSync(named, 'utf8'));
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
  assert.match(hover?.contents.value ?? '', /listen-on-v6/);
  assert.ok(!progress.some((p) => p.kind === 'end'), `the hover came back while the index was still reading (${progress.length} progress notifications so far)`);
  for (let i = 0; i < 600 && !progress.some((p) => p.kind === 'end'); i++) await sleep(50);
  assert.ok(progress.some((p) => p.kind === 'end'), 'the indexing ends');
  assert.ok(progress.some((p) => /reading config files \(\d+ of 301\)/.test(p.message ?? '')), 'progress counts the files read');
});
