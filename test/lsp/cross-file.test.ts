// Rules see the files joined by `include`, in the editor too: an acl defined in named.conf.acls makes
// allow-query in named.conf.options IPv4-only, and the diagnostic's related location opens the acl's file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, sleep } from './lsp-client';
import { matchesGlob } from '../../server/src/core/globs';

let client: LspClient;
let ws: string;
const uriOf = (p: string) => pathToFileURL(p).href;

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'v6ready-xfile-'));
  writeFileSync(join(ws, 'named.conf'), 'include "named.conf.acls";\ninclude "named.conf.options";\ninclude "named.conf.gone";\n');
  writeFileSync(join(ws, 'named.conf.acls'), '// internal networks\nacl internal { 192.0.2.0/24; };\n');
  writeFileSync(join(ws, 'named.conf.options'), 'options {\n\tallow-query { internal; };\n};\n');
  ({ client } = await LspClient.started({ workspace: ws }));
});
after(async () => {
  await client?.dispose();
  rmSync(ws, { recursive: true, force: true });
});

test('an included file sees the acl of its sibling, and the related location is in that file', async () => {
  const options = join(ws, 'named.conf.options');
  await client.open(uriOf(join(ws, 'named.conf')), readFileSync(join(ws, 'named.conf'), 'utf8'));
  await client.open(uriOf(options), readFileSync(options, 'utf8'));
  const p = await client.waitForDiagnostics(uriOf(options), (d) => d.diagnostics.some((x) => x.code === 'bind/ipv4-only-acl'));
  const d = p.diagnostics.find((x) => x.code === 'bind/ipv4-only-acl')!;
  assert.deepEqual(d.range.start, { line: 1, character: 1 });
  assert.deepEqual(
    d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]),
    [[uriOf(join(ws, 'named.conf.acls')), { line: 1, character: 4 }]],
  );
  assert.ok(!p.diagnostics.some((x) => x.code === 'bind/undefined-reference'), 'the acl is defined, in the sibling file');
});

test('an include that cannot be read is a warning on its statement', async () => {
  const root = uriOf(join(ws, 'named.conf'));
  const p = await client.waitForDiagnostics(root, (d) => d.diagnostics.some((x) => x.code === 'v6ready/include'));
  const d = p.diagnostics.filter((x) => x.code === 'v6ready/include');
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 2);
  assert.match(d[0].message, /'named\.conf\.gone' cannot be read/);
});

test('open documents follow each other: the includer opened later, then an edit of the acl, re-lint the user', async () => {
  const dir = join(ws, 'second');
  mkdirSync(dir);
  const text = {
    root: 'include "named.conf.acls";\ninclude "named.conf.options";\n',
    acls: 'acl trusted { 198.51.100.0/24; };\n',
    options: 'options {\n\tallow-recursion { trusted; };\n};\n',
  };
  writeFileSync(join(dir, 'named.conf'), text.root);
  writeFileSync(join(dir, 'named.conf.acls'), text.acls);
  writeFileSync(join(dir, 'named.conf.options'), text.options);
  const [root, acls, options] = ['named.conf', 'named.conf.acls', 'named.conf.options'].map((n) => uriOf(join(dir, n)));
  const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

  // Alone, the options file cannot know `trusted`: named-checkconf on it alone says the same.
  await client.open(options, text.options);
  await client.waitForDiagnostics(options, (p) => codes(p).includes('bind/undefined-reference'));
  // Opening the file that includes it (and the acl file) makes the acl known: IPv4-only, not undefined.
  await client.open(root, text.root);
  const seen = await client.waitForDiagnostics(options, (p) => codes(p).includes('bind/ipv4-only-acl'));
  assert.ok(!codes(seen).includes('bind/undefined-reference'), JSON.stringify(codes(seen)));
  // Giving the acl an IPv6 prefix in its own (open, unsaved) document clears the warning in the other one.
  await client.open(acls, text.acls);
  await client.change(acls, 'acl trusted { 198.51.100.0/24; 2001:db8:100::/48; };\n');
  const after = await client.waitForDiagnostics(options, (p) => !codes(p).includes('bind/ipv4-only-acl'));
  assert.deepEqual(codes(after), []);
});

const codesOf = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

test('closing an edited, unsaved included file re-lints its includer with the text on disk', async () => {
  const dir = join(ws, 'closed');
  mkdirSync(dir);
  const text = {
    root: 'include "acl.conf";\noptions {\n  allow-query { lan; };\n};\nzone "x" { type primary; file "x"; allow-transfer { lan; }; };\n',
    acl: 'acl lan { 10.0.0.0/8; };\n',
  };
  writeFileSync(join(dir, 'named.conf'), text.root);
  writeFileSync(join(dir, 'acl.conf'), text.acl);
  const [root, acl] = ['named.conf', 'acl.conf'].map((n) => uriOf(join(dir, n)));
  const onDisk = ['bind/ipv4-only-acl', 'bind/ipv4-only-acl'];

  await client.open(root, text.root);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === onDisk.join());
  // Renamed in the open (unsaved) document, the acl is unknown to the includer.
  await client.open(acl, text.acl);
  await client.change(acl, 'acl lan2 { 10.0.0.0/8; };\n');
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === 'bind/undefined-reference,bind/undefined-reference');
  // Closed without saving, the editor's text is gone: the includer sees the disk's again.
  await client.close(acl);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === onDisk.join(), 3000);
});

test('an included file created, changed or deleted on disk re-lints the open documents that include it, and only those', async () => {
  const dir = join(ws, 'watched');
  mkdirSync(dir);
  const rootText = 'include "extra.conf";\noptions {\n  allow-query { lan; };\n};\n';
  writeFileSync(join(dir, 'named.conf'), rootText);
  // A document whose include tree does not involve extra.conf: a change of that file does not analyse it again.
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'named.conf'), 'include "acl.conf";\n');
  writeFileSync(join(dir, 'other', 'acl.conf'), 'acl lan { 10.0.0.0/8; };\n');
  const root = uriOf(join(dir, 'named.conf'));
  const other = uriOf(join(dir, 'other', 'named.conf'));
  const extra = join(dir, 'extra.conf');

  await client.open(other, readFileSync(join(dir, 'other', 'named.conf'), 'utf8'));
  await client.waitForDiagnostics(other);
  await client.open(root, rootText);
  const missing = await client.waitForDiagnostics(root, (p) => codesOf(p).includes('v6ready/include'));
  assert.match(missing.diagnostics.find((d) => d.code === 'v6ready/include')!.message, /'extra\.conf' cannot be read/);
  const otherPublications = client.published(other).length;

  writeFileSync(extra, 'acl lan { 10.0.0.0/8; };\n');
  await client.watchedFilesChanged([{ uri: uriOf(extra), type: 1 }]);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === 'bind/ipv4-only-acl', 3000);

  writeFileSync(extra, 'acl lan6 { 2001:db8::/32; };\n');
  await client.watchedFilesChanged([{ uri: uriOf(extra), type: 2 }]);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === 'bind/undefined-reference', 3000);

  unlinkSync(extra);
  await client.watchedFilesChanged([{ uri: uriOf(extra), type: 3 }]);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === 'v6ready/include', 3000);

  // The workspace index rebuilds REBUILD_DELAY_MS (300 ms) after a change; give it time to publish what it would.
  await sleep(600);
  assert.equal(client.published(other).length, otherPublications, 'the unrelated document was not published again');
});

test('a file created in a folder a wildcard include reads re-lints the includer', async () => {
  const dir = join(ws, 'wildcard');
  mkdirSync(join(dir, 'acls'), { recursive: true });
  const rootText = 'include "acls/*.conf";\noptions {\n  allow-query { lan; };\n};\n';
  writeFileSync(join(dir, 'named.conf'), rootText);
  const root = uriOf(join(dir, 'named.conf'));
  await client.open(root, rootText);
  // The wildcard matches nothing yet: no acl to find IPv4-only.
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === '');
  const created = join(dir, 'acls', 'lan.conf');
  writeFileSync(created, 'acl lan { 10.0.0.0/8; };\n');
  await client.watchedFilesChanged([{ uri: uriOf(created), type: 1 }]);
  await client.waitForDiagnostics(root, (p) => codesOf(p).join() === 'bind/ipv4-only-acl', 3000);
});

test('the server asks to be told of changes to every file of the folders: an included file may have any name', () => {
  const watchers = client.registrations
    .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
    .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
  assert.ok(watchers.length > 0, 'a file watcher is registered');
  for (const p of ['/ws/etc/bind/acl.conf', '/ws/zones/db.example', '/ws/.v6ready.json', '/ws/named.conf']) {
    assert.ok(watchers.some((g) => matchesGlob(p, g)), `${p} is watched (${watchers.join(', ')})`);
  }
});
