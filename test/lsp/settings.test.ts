// Settings over LSP: pulled with workspace/configuration (section v6ready), pushed with didChangeConfiguration
// when the client cannot be asked, severities per rule, rules turned off, and run = onSave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, sleep } from './lsp-client';

const SYNTAX_ERROR = 'options { directory "x" };\n';
const VALID = 'options { directory "x"; };\n';
const URI = 'file:///lsp-settings/named.conf';

test('settings are pulled per document and re-read on didChangeConfiguration', async (t) => {
  let settings: unknown = {};
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => settings) });
  t.after(() => client.dispose());

  await client.open(URI, SYNTAX_ERROR);
  const first = await client.waitForDiagnostics(URI);
  assert.deepEqual(
    first.diagnostics.map((d) => [d.code, d.severity]),
    [['bind/syntax', 1]],
  );
  assert.deepEqual(client.configurationRequests[0], [{ scopeUri: URI, section: 'v6ready' }]);

  settings = { rules: { 'bind/syntax': 'warning' } };
  await client.changeConfiguration();
  const warned = await client.waitForDiagnostics(URI, (p) => p.diagnostics[0]?.severity === 2);
  assert.equal(warned.diagnostics.length, 1);

  settings = { rules: { 'bind/syntax': 'off' } };
  await client.changeConfiguration();
  await client.waitForDiagnostics(URI, (p) => p.diagnostics.length === 0);
});

test('without workspace/configuration the pushed settings are used', async (t) => {
  const { client } = await LspClient.started({ capabilities: {} });
  t.after(() => client.dispose());

  await client.open(URI, SYNTAX_ERROR);
  assert.equal((await client.waitForDiagnostics(URI)).diagnostics[0]?.severity, 1);
  await client.changeConfiguration({ v6ready: { rules: { 'bind/syntax': 'hint' } } });
  await client.waitForDiagnostics(URI, (p) => p.diagnostics[0]?.severity === 4);
  assert.equal(client.configurationRequests.length, 0, 'the server does not ask a client that cannot answer');
});

test('invalid settings fall back to defaults and are reported in the log', async (t) => {
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => ({ run: 'sometimes', rules: { 'bind/syntax': 'loud' } })) });
  t.after(() => client.dispose());

  await client.open(URI, SYNTAX_ERROR);
  const published = await client.waitForDiagnostics(URI);
  assert.equal(published.diagnostics[0]?.severity, 1);
  assert.ok(
    client.logs.some((l) => l.type === 2 && /run/.test(l.message) && /bind\/syntax/.test(l.message)),
    `a warning in the log: ${JSON.stringify(client.logs)}`,
  );
});

test('run = onSave: lint on open and on save, not while typing', async (t) => {
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => ({ run: 'onSave' })) });
  t.after(() => client.dispose());

  await client.open(URI, SYNTAX_ERROR);
  const opened = await client.waitForDiagnostics(URI);
  assert.equal(opened.diagnostics.length, 1);

  await client.change(URI, VALID);
  await sleep(600); // four debounce periods
  assert.equal(client.published(URI).length, 1, 'nothing published while typing');

  await client.save(URI);
  const saved = await client.waitForDiagnostics(URI, (p) => p.version === 2);
  assert.deepEqual(saved.diagnostics, []);
});

test('maxNumberOfProblems: the most severe first, a notice for the rest, and the default of 1,000', async (t) => {
  let settings: Record<string, unknown> = { maxNumberOfProblems: 3 };
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => settings) });
  t.after(() => client.dispose());
  // Twelve zones spelled `type master` (information each), then one syntax error at the end of the file.
  const zones = Array.from({ length: 12 }, (_, i) => `zone "z${i}.example" { type master; file "db.z${i}"; };\n`).join('');
  const text = `${zones}options { directory "x" };\n`;
  await client.open(URI, text);
  const limited = await client.waitForDiagnostics(URI);
  const codes = limited.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ['v6ready/too-many-problems', 'bind/deprecated-syntax', 'bind/deprecated-syntax', 'bind/syntax'], 'the error is kept, then the first findings in file order');
  assert.equal(limited.diagnostics[0].range.start.line, 0);
  assert.match(limited.diagnostics[0].message, /shows 3 of the 13 problems/);
  assert.equal(limited.diagnostics[1].range.start.line, 0, 'the shown informations are the first ones');
  assert.equal(limited.diagnostics[2].range.start.line, 1);

  settings = { maxNumberOfProblems: 0 };
  await client.changeConfiguration();
  const all = await client.waitForDiagnostics(URI, (p) => p.diagnostics.length === 13);
  assert.ok(!all.diagnostics.some((d) => d.code === 'v6ready/too-many-problems'));

  settings = {};
  await client.changeConfiguration();
  const many = Array.from({ length: 1005 }, (_, i) => `zone "z${i}.example" { type master; file "db.z${i}"; };\n`).join('');
  await client.change(URI, many);
  const byDefault = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'v6ready/too-many-problems'));
  assert.equal(byDefault.diagnostics.length, 1001);
  assert.match(byDefault.diagnostics[0].message, /shows 1,000 of the 1,005 problems/);
});

test('completion follows the target version: `template` is offered for BIND 9.21 only', async (t) => {
  let settings: unknown = {};
  const { client } = await LspClient.started({ configuration: (items) => items.map(() => settings) });
  t.after(() => client.dispose());
  const labels = async () => {
    const items = await client.request<{ label: string }[] | null>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 0 } });
    return (items ?? []).map((i) => i.label);
  };
  await client.open(URI, VALID + '\n');
  await client.waitForDiagnostics(URI);
  const byDefault = await labels();
  assert.ok(byDefault.includes('zone') && !byDefault.includes('template'), byDefault.join(' '));
  settings = { targets: { bind: '9.21' } };
  await client.changeConfiguration();
  await client.waitForDiagnostics(URI);
  assert.ok((await labels()).includes('template'));
});
