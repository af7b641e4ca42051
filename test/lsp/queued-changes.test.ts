// didChange notifications that arrive together (typing faster than the server lints, a script's burst) are all applied
// before anything is analysed: only the newest version is linted and published, and a hover queued behind them answers
// for the newest text, without analyses of the stale versions before it. (An audit found each queued change linted in
// turn: on a 3 MB named.conf, a hover after 10 one-character edits waited 3.4 s.) No timing is asserted here: the
// benchmark measures (BENCHMARKS.md, LSP).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { expectedTuples, publishedTuples } from './publications';
import { LspClient } from './lsp-client';

let client: LspClient;

before(async () => {
  ({ client } = await LspClient.started());
});
after(async () => {
  await client?.dispose();
});

const zones = Array.from({ length: 40 }, (_, i) => `zone "z${i}.test" {\n\ttype ${i % 2 ? 'master' : 'primary'};\n\tfile "db.z${i}";\n};\n`);
const original = 'options {\n\tlisten-on-v6 { any; };\n};\n' + zones.join('');

test('a burst of didChange is linted once, at its newest version, and a hover behind it sees the newest text', async () => {
  const uri = 'file:///queued/named.conf';
  await client.open(uri, original);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const published = () => (client.diagnostics.get(uri) ?? []).length;
  const before = published();

  // Type `notify no;` one character per notification at the start of zone z3's `type` line.
  const line = original.split('\n').findIndex((l) => l === 'zone "z3.test" {') + 1;
  const typed = 'notify no; ';
  const burst = [...typed].map((ch, i) => [{ range: { start: { line, character: 1 + i }, end: { line, character: 1 + i } }, text: ch }]);
  const versions = await client.editBurst(uri, burst);
  const last = versions[versions.length - 1];
  const text = original.replace('zone "z3.test" {\n\ttype', `zone "z3.test" {\n\t${typed}type`);

  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /notify/, 'the hover is about the directive typed, not the `type` that was there');
  assert.ok(hover?.range, 'with the range of the directive hovered');
  assert.deepEqual(hover.range.start, { line, character: 1 });

  const final = await client.waitForDiagnostics(uri, (p) => p.version === last);
  assert.deepEqual(publishedTuples(final), expectedTuples(text, bindDialect));
  const versionsPublished = (client.diagnostics.get(uri) ?? []).slice(before).map((p) => p.version);
  assert.deepEqual(versionsPublished, [last], 'no version older than the burst\'s last is linted and published');
});
