// A position that cannot be one (a negative or fractional line or character) gets null from every request that takes
// a position, whatever the dialect. An audit found hover at {line: -1, character: -1} on a sendmail.mc answering with
// the docs of the `divert` at 0:0 (the line index clamps a negative line to the start of the file), while other
// dialects answered null.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lsp-client';

let client: LspClient;
const mc = 'file:///positions/sendmail.mc';
const named = 'file:///positions/named.conf';

before(async () => {
  ({ client } = await LspClient.started());
  await client.open(mc, "divert(0)dnl\nOSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA, Addr=127.0.0.1')dnl\nMAILER(`smtp')dnl\n", 'sendmail-mc');
  await client.open(named, 'acl trusted { 192.0.2.0/24; };\noptions {\n\tallow-query { trusted; };\n};\n');
  await client.waitForDiagnostics(mc);
  await client.waitForDiagnostics(named);
});
after(async () => {
  await client?.dispose();
});

const BAD = [
  { line: -1, character: -1 },
  { line: -1, character: 0 },
  { line: 0, character: -1 },
  { line: 0.5, character: 0 },
  { line: 0, character: 1.5 },
];

test('the valid position the bad ones would be clamped to has a hover (so the checks below can fail)', async () => {
  assert.ok(await client.request('textDocument/hover', { textDocument: { uri: mc }, position: { line: 0, character: 0 } }));
  assert.ok(await client.request('textDocument/hover', { textDocument: { uri: named }, position: { line: 0, character: 0 } }));
});

for (const uri of [mc, named]) {
  test(`negative or fractional positions get null from every position request (${uri.split('/').pop()})`, async () => {
    for (const position of BAD) {
      const at = { textDocument: { uri }, position };
      const label = JSON.stringify(position);
      assert.equal(await client.request('textDocument/hover', at), null, `hover at ${label}`);
      assert.equal(await client.request('textDocument/completion', at), null, `completion at ${label}`);
      assert.equal(await client.request('textDocument/definition', at), null, `definition at ${label}`);
      assert.equal(await client.request('textDocument/references', { ...at, context: { includeDeclaration: true } }), null, `references at ${label}`);
      assert.equal(await client.request('textDocument/prepareRename', at), null, `prepareRename at ${label}`);
      assert.equal(await client.request('textDocument/rename', { ...at, newName: 'other' }), null, `rename at ${label}`);
      const range = { start: position, end: { line: 0, character: 3 } };
      assert.equal(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), null, `codeAction at ${label}`);
    }
    assert.ok(client.alive);
  });
}
