// Bad input never takes the server down: NUL bytes, a megabyte of junk, input that crashes the parser,
// malformed requests; afterwards the server still answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

function junk(size: number): string {
  const chars = 'abc{};"/*#\n\u0000 \t\\:.!\u00e9\ud83d\ude00';
  let seed = 42;
  let out = '';
  while (out.length < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += chars[seed % chars.length];
  }
  return out;
}

test('the server survives bad input and keeps answering', { timeout: 60_000 }, async (t) => {
  const { client } = await LspClient.started();
  t.after(() => client.dispose());
  const uri = 'file:///lsp-robust/named.conf';

  // NUL bytes inside and between statements.
  await client.open(uri, '\u0000options {\u0000 directory "\u0000x"; };\u0000\n');
  const nul = await client.waitForDiagnostics(uri);
  assert.ok(nul.diagnostics.every((d) => d.source === 'v6ready'));

  // A megabyte of junk (lone surrogate halves included).
  const v2 = await client.change(uri, junk(1_000_000));
  const big = await client.waitForDiagnostics(uri, (p) => p.version === v2, 30_000);
  assert.ok(big.diagnostics.length > 0);

  // Deep nesting: if the parser gives up, the document gets one clear diagnostic, not a dead server.
  const v3 = await client.change(uri, '{'.repeat(20_000));
  const deep = await client.waitForDiagnostics(uri, (p) => p.version === v3, 30_000);
  assert.ok(deep.diagnostics.length > 0);

  // Requests on the broken document, and malformed requests, are answered (null or an error), never fatal.
  const position = { line: 0, character: 5 };
  await client.request('textDocument/hover', { textDocument: { uri }, position });
  await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: deep.diagnostics } });
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 1e9 } });
  await client.request('textDocument/hover', {}).catch(() => undefined);
  await client.request('workspace/executeCommand', { command: 'v6ready.fixAll', arguments: [42] }).catch(() => undefined);
  await client.request('workspace/executeCommand', { command: 'no.such.command' }).catch(() => undefined);

  // Still alive, still correct.
  assert.ok(client.alive, `server exited; stderr: ${client.stderr}`);
  const good = 'file:///lsp-robust/good/named.conf';
  await client.open(good, 'options { directory "x" };\n');
  const after = await client.waitForDiagnostics(good);
  assert.deepEqual(
    after.diagnostics.map((d) => d.code),
    ['bind/syntax'],
  );
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: good }, position: { line: 0, character: 24 } });
  assert.ok(hover, 'hover still answers');
  assert.ok(client.alive);
});

test('a parser crash is published as v6ready/internal-error and logged', async (t) => {
  const { client } = await LspClient.started();
  t.after(() => client.dispose());
  const uri = 'file:///lsp-robust/deep/named.conf';
  await client.open(uri, 'options {'.repeat(20_000));
  const published = await client.waitForDiagnostics(uri, () => true, 30_000);
  // Either the grammar copes (syntax findings) or the crash is caught and reported in one diagnostic.
  const internal = published.diagnostics.filter((d) => d.code === 'v6ready/internal-error');
  if (internal.length > 0) {
    assert.equal(published.diagnostics.length, 1);
    assert.match(internal[0].message, /could not analyse this file/);
    assert.ok(client.logs.some((l) => l.type === 1 && /analysis of .* failed/.test(l.message)), 'the error is logged');
  } else {
    assert.ok(published.diagnostics.every((d) => d.code === 'bind/syntax'));
  }
  assert.ok(client.alive);
});
