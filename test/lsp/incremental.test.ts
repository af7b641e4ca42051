// The editor's fast path over real JSON-RPC: an edit inside a zone statement (BIND) or a top-level <VirtualHost>
// (Apache) is linted by re-analysing that statement (core/incremental.ts), and once typing pauses the whole file is
// analysed again, so that whole-file rules (bind/duplicate, apache/ipv4-only-listen) catch up. Every publication is
// compared with a full analysis of the same text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialect } from '../../server/src/core/types';
import { apacheDialect } from '../../server/src/dialects/apache/index';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { FULL_AFTER_FAST_MS } from '../../server/src/lsp/diagnostics';
import { expectedTuples, publishedTuples } from './publications';
import { LspClient } from './lsp-client';

let client: LspClient;
const uri = 'file:///incremental/named.conf';

before(async () => {
  ({ client } = await LspClient.started());
});
after(async () => {
  await client?.dispose();
});

const zones = Array.from({ length: 40 }, (_, i) => `zone "z${i}.test" {\n\ttype ${i % 2 ? 'master' : 'primary'};\n\tfile "db.z${i}";\n\tallow-transfer { 192.0.2.${i}; };\n};\n`);
const original = 'acl v4 { 192.0.2.0/24; };\noptions {\n\tlisten-on-v6 { any; };\n};\n' + zones.join('');

const expected = (text: string, dialect: Dialect = bindDialect) => expectedTuples(text, dialect);
const got = publishedTuples;

test('an edit inside a zone: the first publication already equals a full analysis', async () => {
  await client.open(uri, original);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const text = original.replace('allow-transfer { 192.0.2.5; }', 'allow-transfer { 2001:db8::5; }').replace('\ttype master;\n\tfile "db.z7"', '\ttype primary;\n\tfile "db.z7"');
  // Two separate edits, each inside one zone.
  const step1 = original.replace('allow-transfer { 192.0.2.5; }', 'allow-transfer { 2001:db8::5; }');
  const v2 = await client.change(uri, step1);
  const p2 = await client.waitForDiagnostics(uri, (p) => p.version === v2);
  assert.deepEqual(got(p2), expected(step1));
  const v3 = await client.change(uri, text);
  const p3 = await client.waitForDiagnostics(uri, (p) => p.version === v3);
  assert.deepEqual(got(p3), expected(text));
});

test('a whole-file rule catches up once typing pauses: a zone renamed to a name already used', async () => {
  const before = original.replace('allow-transfer { 192.0.2.5; }', 'allow-transfer { 2001:db8::5; }').replace('\ttype master;\n\tfile "db.z7"', '\ttype primary;\n\tfile "db.z7"');
  const text = before.replace('zone "z9.test"', 'zone "z3.test"');
  const t0 = Date.now();
  const v = await client.change(uri, text);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === v);
  const final = await client.waitForDiagnostics(uri, (p) => p.version === v && p.diagnostics.some((d) => d.code === 'bind/duplicate'), 10_000);
  assert.ok(Date.now() - t0 >= FULL_AFTER_FAST_MS, 'the whole-file analysis waits for a pause');
  assert.ok(!first.diagnostics.some((d) => d.code === 'bind/duplicate'), 'the fast path does not run whole-file rules');
  assert.deepEqual(got(final), expected(text));
});

test('hover right after a fast-path edit answers from a fresh analysis of the new text', async () => {
  const text = original.replace('zone "z20.test"', 'zone "z20b.test"');
  const v = await client.change(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === v);
  const line = text.split('\n').findIndex((l) => l.startsWith('zone "z20b.test"'));
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: line + 1, character: 2 } });
  assert.match(hover?.contents.value ?? '', /type/i);
});

test('a quick fix right after a fast-path edit comes from the edited statement', async () => {
  const text = original.replace('zone "z30.test" {\n\ttype primary;', 'zone "z30.test" {\n\ttype master;');
  const v = await client.change(uri, text);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
  const line = text.split('\n').findIndex((l) => l.startsWith('zone "z30.test"')) + 1;
  const diag = p.diagnostics.find((d) => d.range.start.line === line && d.code === 'bind/deprecated-syntax');
  assert.ok(diag, `a deprecated-syntax diagnostic on line ${line + 1}`);
  const actions = await client.request<{ title: string; edit?: { documentChanges?: { edits: { newText: string }[] }[]; changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  });
  const fix = actions.find((a) => /primary/.test(a.title));
  assert.ok(fix, `a fix among ${actions.map((a) => a.title).join(' | ')}`);
  const edits = fix.edit?.documentChanges?.[0].edits ?? fix.edit?.changes?.[uri] ?? [];
  assert.deepEqual(edits.map((e) => e.newText), ['primary']);
});

const httpdUri = 'file:///incremental/httpd.conf';
const vhosts = Array.from(
  { length: 40 },
  (_, i) => `<VirtualHost ${i % 2 ? `192.0.2.${i}` : `[2001:db8::${i}]`}:80>\n    ServerName s${i}.example.org\n    <Location /status>\n        Require ip 127.0.0.1\n    </Location>\n</VirtualHost>\n`,
);
const httpd = 'Listen 80\nListen 192.0.2.1:8080\nServerName www.example.org\n' + vhosts.join('');

test('httpd.conf: an edit inside a <VirtualHost> publishes at once what a full analysis says, then the whole-file pass', async () => {
  await client.open(httpdUri, httpd, 'apacheconf');
  await client.waitForDiagnostics(httpdUri, (p) => p.version === 1);
  // One finding gone (::1 admitted), one new (an IPv6 literal as ServerName), both inside <VirtualHost 192.0.2.7:80>.
  const text = httpd.replace('ServerName s7.example.org\n    <Location /status>\n        Require ip 127.0.0.1', 'ServerName [2001:db8::7]\n    <Location /status>\n        Require ip 127.0.0.1 ::1');
  const v = await client.change(httpdUri, text);
  const first = await client.waitForDiagnostics(httpdUri, (p) => p.version === v);
  assert.deepEqual(got(first), expected(text, apacheDialect));
  assert.ok(got(first).some((d) => d.includes('apache/ipv6-servername')), 'the new finding is there');
  // apache/ipv4-only-listen is whole-file: after the fast path (and only then) the whole file is analysed once more
  // and published again for the same version.
  const second = await client.waitForDiagnostics(httpdUri, () => client.published(httpdUri).filter((p) => p.version === v).length >= 2);
  assert.deepEqual(got(second), expected(text, apacheDialect));
});

test('httpd.conf: hover inside a <VirtualHost> right after a fast-path edit', async () => {
  const text = httpd.replace('ServerName s20.example.org', 'ServerName s20b.example.org');
  const v = await client.change(httpdUri, text);
  await client.waitForDiagnostics(httpdUri, (p) => p.version === v);
  const line = text.split('\n').indexOf('    ServerName s20b.example.org');
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: httpdUri }, position: { line, character: 6 } });
  assert.match(hover?.contents.value ?? '', /ServerName/);
});

test('typing sent as ranged changes: every publication equals a full analysis of the text they make', async () => {
  const typed = 'file:///incremental/typed/named.conf';
  let text = original;
  await client.open(typed, text);
  await client.waitForDiagnostics(typed, (p) => p.version === 1);
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  /** Apply changes (offsets in the text as each finds it) to `text` and send them in one notification. */
  const send = async (changes: { start: number; end: number; text: string }[]) => {
    const ranged = [];
    for (const c of changes) {
      ranged.push({ range: { start: position(c.start), end: position(c.end) }, text: c.text });
      text = text.slice(0, c.start) + c.text + text.slice(c.end);
    }
    const v = await client.edit(typed, ranged);
    const p = await client.waitForDiagnostics(typed, (q) => q.version === v);
    assert.deepEqual(got(p), expected(text), `after ${JSON.stringify(changes)}`);
  };
  // Delete an address in one zone, then type an IPv6 one in its place, a character at a time.
  const at = text.indexOf('192.0.2.7;');
  await send([{ start: at, end: at + '192.0.2.7'.length, text: '' }]);
  for (const [i, ch] of [...'2001:db8::7'].entries()) await send([{ start: at + i, end: at + i, text: ch }]);
  // A word replaced by itself and one more character (an editor's completion does this).
  const word = text.indexOf('master', text.indexOf('zone "z9.test"'));
  await send([{ start: word, end: word + 'master'.length, text: 'masters' }]);
  await send([{ start: word, end: word + 'masters'.length, text: 'primary' }]);
  // Two changes in one notification (a multi-cursor edit), in two zones.
  const a = text.indexOf('db.z11');
  const b = text.indexOf('db.z13');
  await send([
    { start: a + 4, end: a + 4, text: 'x' },
    { start: b + 4, end: b + 4, text: 'y' },
  ]);
  // An edit that crosses a statement's end: the whole file is analysed.
  const end = text.indexOf('};\nzone "z15.test"');
  await send([{ start: end, end: end + 3, text: '};\n\n' }]);
  await client.close(typed);
});
