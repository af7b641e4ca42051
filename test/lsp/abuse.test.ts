// The server under abuse, over real JSON-RPC on stdio: 1,000 rapid didChange notifications, a 20 MB document,
// malformed bytes, unknown methods, unknown URIs and a cancelled request. It answers, logs what failed, stays
// within a memory bound and does not exit; a file past the size limit gets syntax checking and a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import type { Hover } from 'vscode-languageserver-protocol';
import { LARGE_FILE_CHARS, LARGE_FILE_RULE } from '../../server/src/core/limits';
import { LspClient } from './lsp-client';

/** The server process's resident memory in MB (Linux /proc). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * Memory the server may hold after the abuse below. A 20 MB document is 40 MB as a JS string, and its tokens and
 * syntax tree (kept for hover and symbols) take most of the rest: about 1.4 GB measured. The bound is there to
 * catch growth without limit (a leak per change, a cache that never forgets).
 */
const MAX_RSS_MB = 2048;

const BAD_LISTEN = 'options {\n    listen-on { 2001:db8::53; };\n};\n';

test('1,000 rapid didChange notifications: the last version is linted, once the burst ends', { timeout: 120_000 }, async (t) => {
  const { client } = await LspClient.started();
  t.after(() => client.dispose());
  const uri = 'file:///abuse/rapid/named.conf';
  await client.open(uri, 'options { };\n');
  let last = 1;
  for (let i = 0; i < 1000; i++) {
    // Alternate between a clean text and a broken one; the last one (i = 999) has the listen-on mistake.
    last = await client.change(uri, i % 2 === 1 ? BAD_LISTEN : `options { directory "/v${i}"; };\n`);
  }
  const final = await client.waitForDiagnostics(uri, (p) => p.version === last, 60_000);
  assert.deepEqual(
    final.diagnostics.map((d) => d.code),
    ['bind/ipv6-in-listen-on'],
  );
  // Debounced: far fewer publications than changes.
  const count = client.published(uri).length;
  assert.ok(count < 100, `${count} publications for 1,000 changes`);
  assert.ok(client.alive);
  const rss = rssMb(client.child.pid!);
  assert.ok(rss < MAX_RSS_MB, `server holds ${rss.toFixed(0)} MB after 1,000 changes`);
});

test('a 20 MB document: syntax only, with a visible notice on line 1; a small one keeps every rule', { timeout: 300_000 }, async (t) => {
  const { client } = await LspClient.started();
  t.after(() => client.dispose());
  const big = 'file:///abuse/big/named.conf';
  const unit = BAD_LISTEN + 'zone "example.com" { type primary; file "db.example"; };\n';
  const text = unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length)) + 'options { listen-on { ; };\n';
  assert.ok(text.length > LARGE_FILE_CHARS);
  await client.open(big, text);
  const published = await client.waitForDiagnostics(big, () => true, 240_000);
  const codes = new Set(published.diagnostics.map((d) => String(d.code)));
  const notice = published.diagnostics.find((d) => d.code === LARGE_FILE_RULE);
  assert.ok(notice, `no ${LARGE_FILE_RULE} notice; got ${[...codes].join(', ')}`);
  assert.equal(notice.range.start.line, 0);
  assert.match(notice.message, /syntax only/);
  assert.ok(codes.has('bind/syntax'), 'syntax is still checked (the broken last line)');
  assert.ok(!codes.has('bind/ipv6-in-listen-on'), 'rules do not run past the limit');
  // Requests on it are answered.
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: big }, position: { line: 1, character: 6 } });
  assert.ok(hover === null || typeof hover === 'object');
  const rss = rssMb(client.child.pid!);
  assert.ok(rss < MAX_RSS_MB, `server holds ${rss.toFixed(0)} MB with a 20 MB document open`);

  // Under the limit every rule runs, and there is no notice.
  const small = 'file:///abuse/small/named.conf';
  await client.open(small, BAD_LISTEN);
  const s = await client.waitForDiagnostics(small);
  assert.deepEqual(
    s.diagnostics.map((d) => d.code),
    ['bind/ipv6-in-listen-on'],
  );
  await client.close(big);
  assert.ok(client.alive);
});

test('malformed bytes, unknown methods, unknown URIs and a cancelled request: answered, logged, alive', { timeout: 120_000 }, async (t) => {
  const { client } = await LspClient.started();
  t.after(() => client.dispose());
  const good = 'file:///abuse/good/named.conf';
  await client.open(good, BAD_LISTEN);
  await client.waitForDiagnostics(good);

  // Not JSON, a header without a body size, a body that is JSON but no JSON-RPC message.
  for (const body of ['{not json', '[]', '{"jsonrpc":"2.0","x":1}', '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":"\u0000"}']) {
    client.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  // An unknown request is refused with MethodNotFound; an unknown notification is ignored.
  await assert.rejects(client.request('v6ready/noSuchMethod', {}), (err: { code?: number }) => err.code === -32601);
  await client.connection.sendNotification('v6ready/noSuchNotification', { x: 1 });

  // Requests for a URI the server never saw.
  const nope = { textDocument: { uri: 'file:///abuse/never-opened/named.conf' } };
  const position = { line: 0, character: 0 };
  assert.equal(await client.request('textDocument/hover', { ...nope, position }), null);
  assert.equal(await client.request('textDocument/definition', { ...nope, position }), null);
  assert.equal(await client.request('textDocument/documentSymbol', nope), null);
  assert.equal(await client.request('textDocument/codeAction', { ...nope, range: { start: position, end: position }, context: { diagnostics: [] } }), null);
  // Wrong parameter shapes.
  await client.request('textDocument/hover', { textDocument: null, position: 'x' }).catch(() => undefined);
  await client.request('textDocument/completion', 42).catch(() => undefined);
  await client.request('workspace/executeCommand', { command: 'v6ready.fixAll', arguments: [{ uri: 7 }] }).catch(() => undefined);
  await client.request('workspace/executeCommand', { command: 'no.such.command' }).catch(() => undefined);

  // A cancelled request: answered with a result or with RequestCancelled, never left hanging.
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: good } }, source.token);
  source.cancel();
  await pending.then(
    () => undefined,
    (err: { code?: number }) => assert.equal(err.code, -32800, `cancelled request failed with ${JSON.stringify(err)}`),
  );

  // Failures were logged as errors, and the server still answers correctly.
  assert.ok(client.logs.some((l) => l.type === 1 && /no\.such\.command/.test(l.message)), 'the failed command is logged');
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: good }, position: { line: 1, character: 6 } });
  assert.ok(hover, 'hover still answers');
  assert.ok(client.alive, `server exited; stderr: ${client.stderr}`);
});
