// .v6ready.json in the editor: the nearest one inside the workspace folder is laid over the VS Code settings (the
// file wins per rule), its ignore globs silence a document, and a change to it (didChangeWatchedFiles) re-lints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

const SYNTAX_ERROR = 'options { directory "x" };\n';

test('.v6ready.json over the editor settings, ignore globs, and re-lint when it changes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-lsp-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'dns/old'), { recursive: true });
  const config = join(dir, '.v6ready.json');
  // With a byte order mark, as some Windows editors write: it is no part of the JSON.
  writeFileSync(config, '\ufeff' + JSON.stringify({ rules: { 'bind/syntax': 'hint' }, ignore: ['old/'] }));
  // The editor says warning for bind/syntax and info for an unrelated rule: the file's hint must win.
  const editor = { rules: { 'bind/syntax': 'warning' } };
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => editor), workspace: dir });
  t.after(() => client.dispose());

  const uri = pathToFileURL(join(dir, 'dns/named.conf')).href;
  await client.open(uri, SYNTAX_ERROR);
  const first = await client.waitForDiagnostics(uri);
  assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['bind/syntax', 4]], 'hint (4) from .v6ready.json, not warning (2)');

  // A nearer .v6ready.json (dns/) wins over the one at the root, and its own ignore globs count from dns/.
  const ignoredUri = pathToFileURL(join(dir, 'dns/old/named.conf')).href;
  writeFileSync(join(dir, 'dns/.v6ready.json'), JSON.stringify({ ignore: ['old/**'] }));
  await client.watchedFilesChanged([{ uri: pathToFileURL(join(dir, 'dns/.v6ready.json')).href, type: 1 }]);
  const nearer = await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === 2);
  assert.equal(nearer.diagnostics[0].code, 'bind/syntax', 'dns/.v6ready.json sets no rule: the editor\'s warning applies');
  await client.open(ignoredUri, SYNTAX_ERROR);
  const ignored = await client.waitForDiagnostics(ignoredUri);
  assert.deepEqual(ignored.diagnostics, [], 'old/** is ignored');

  // Turning the rule off in the file removes the diagnostic after the change notification.
  writeFileSync(join(dir, 'dns/.v6ready.json'), JSON.stringify({ rules: { 'bind/syntax': 'off' } }));
  await client.watchedFilesChanged([{ uri: pathToFileURL(join(dir, 'dns/.v6ready.json')).href, type: 2 }]);
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  const back = await client.waitForDiagnostics(ignoredUri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(back.diagnostics, []);

  // A file outside the workspace folder gets no project config: the editor's warning.
  const outside = mkdtempSync(join(tmpdir(), 'v6ready-lsp-outside-'));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, '.v6ready.json'), JSON.stringify({ rules: { 'bind/syntax': 'off' } }));
  const outUri = pathToFileURL(join(outside, 'named.conf')).href;
  await client.open(outUri, SYNTAX_ERROR);
  assert.equal((await client.waitForDiagnostics(outUri)).diagnostics[0]?.severity, 2);
});
