// Rules see the files joined by `include`, in the editor too: an acl defined in named.conf.acls makes
// allow-query in named.conf.options IPv4-only, and the diagnostic's related location opens the acl's file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

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
