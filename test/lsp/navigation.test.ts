// Go to definition, find references, rename and document links over real JSON-RPC, across files joined by
// `include` (files on disk inside the workspace folder are read; files outside it are not).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DocumentLink, type InitializeResult, type Location, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lsp-client';

const ROOT_CONF = `acl trusted { 10.0.0.0/8; 2001:db8::/32; };
include "named.conf.local";
include "OUTSIDE/secret.conf";
options {
	directory "cache";
	allow-query { trusted; };
	allow-recursion { outsider; };
};
`;
const LOCAL_CONF = `zone "example.test" {
	type primary;
	file "db.example.test";
	allow-transfer { trusted; };
};
acl "local-only" { 192.0.2.0/24; };
`;
const SECRET_CONF = `acl outsider { 203.0.113.0/24; };\n`;

let client: LspClient;
let init: InitializeResult;
let ws: string;
let outside: string;
const uriOf = (p: string) => pathToFileURL(p).href;
let rootUri: string;
let localUri: string;

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'v6ready-nav-'));
  outside = mkdtempSync(join(tmpdir(), 'v6ready-outside-'));
  writeFileSync(join(outside, 'secret.conf'), SECRET_CONF);
  mkdirSync(join(ws, 'cache'));
  writeFileSync(join(ws, 'cache', 'db.example.test'), '$TTL 300\n');
  writeFileSync(join(ws, 'named.conf'), ROOT_CONF.replace('OUTSIDE', outside));
  writeFileSync(join(ws, 'named.conf.local'), LOCAL_CONF);
  rootUri = uriOf(join(ws, 'named.conf'));
  localUri = uriOf(join(ws, 'named.conf.local'));
  ({ client, init } = await LspClient.started({ workspace: ws }));
});
after(async () => {
  await client?.dispose();
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const pos = (text: string, needle: string, delta = 1) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const where = (l: Location) => `${l.uri === rootUri ? 'root' : l.uri === localUri ? 'local' : l.uri}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;

test('initialize announces definition, references, rename (with prepare) and document links', () => {
  const caps = init.capabilities;
  assert.equal(caps.definitionProvider, true);
  assert.equal(caps.referencesProvider, true);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.deepEqual(caps.documentLinkProvider, { resolveProvider: false });
});

test('definition of an acl used in an included file that is not open: found in the file that includes it, once that is open', async () => {
  const rootText = ROOT_CONF.replace('OUTSIDE', outside);
  await client.open(rootUri, rootText);
  await client.open(localUri, LOCAL_CONF);
  await client.waitForDiagnostics(localUri);
  const defs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: localUri }, position: pos(LOCAL_CONF, 'trusted; }') });
  assert.deepEqual(defs?.map(where), ['root:0:4-11']);
});

test('definition from the root into an included file read from disk', async () => {
  await client.close(localUri);
  const rootText = ROOT_CONF.replace('OUTSIDE', outside);
  const defs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: rootUri }, position: pos(rootText, 'trusted; }') });
  assert.deepEqual(defs?.map(where), ['root:0:4-11']);
  await client.change(rootUri, rootText + 'view v { allow-query { local-only; }; };\n');
  const text2 = rootText + 'view v { allow-query { local-only; }; };\n';
  const defs2 = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: rootUri }, position: pos(text2, 'local-only; }') });
  assert.deepEqual(defs2?.map(where), ['local:5:5-15']);
  await client.change(rootUri, rootText);
});

test('a file outside the workspace folders is never read', async () => {
  const rootText = ROOT_CONF.replace('OUTSIDE', outside);
  const defs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: rootUri }, position: pos(rootText, 'outsider') });
  assert.equal(defs, null);
});

test('references across the include tree, with and without the declaration', async () => {
  const rootText = ROOT_CONF.replace('OUTSIDE', outside);
  const p = pos(rootText, 'trusted {');
  const all = await client.request<Location[]>('textDocument/references', { textDocument: { uri: rootUri }, position: p, context: { includeDeclaration: true } });
  assert.deepEqual(all.map(where).sort(), ['local:3:18-25', 'root:0:4-11', 'root:5:15-22']);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: rootUri }, position: p, context: { includeDeclaration: false } });
  assert.deepEqual(refs.map(where).sort(), ['local:3:18-25', 'root:5:15-22']);
});

test('prepareRename gives the name range; rename edits every file; a builtin name is refused', async () => {
  const rootText = ROOT_CONF.replace('OUTSIDE', outside);
  const p = pos(rootText, 'trusted; }');
  const prep = await client.request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: rootUri }, position: p });
  assert.deepEqual(prep, { range: { start: { line: 5, character: 15 }, end: { line: 5, character: 22 } }, placeholder: 'trusted' });
  const none = await client.request<unknown>('textDocument/prepareRename', { textDocument: { uri: rootUri }, position: pos(rootText, 'options') });
  assert.equal(none, null);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: rootUri }, position: p, newName: 'clients' });
  const changes = edit.changes ?? {};
  assert.deepEqual(Object.keys(changes).sort(), [localUri, rootUri].sort());
  assert.deepEqual(changes[rootUri].map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`), ['0:4 clients', '5:15 clients']);
  assert.deepEqual(changes[localUri].map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`), ['3:18 clients']);
  await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: rootUri }, position: p, newName: 'any' }), /built-in/);
  assert.ok(client.alive);
});

test('document links: includes beside the file, zone files under `directory`', async () => {
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: rootUri } });
  assert.deepEqual(links.map((l) => [l.range.start.line, l.target]), [
    [1, localUri],
    [2, uriOf(join(outside, 'secret.conf'))],
  ]);
  await client.open(localUri, LOCAL_CONF);
  const zoneLinks = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: localUri } });
  // named.conf.local has no `directory` of its own: its zone file resolves beside it.
  assert.deepEqual(zoneLinks.map((l) => [l.range.start.line, l.range.start.character, l.target]), [[2, 7, uriOf(join(ws, 'db.example.test'))]]);
  const u = `${uriOf(ws)}/other.conf`;
  await client.open(u, 'options { directory "cache"; };\nzone "x" { type primary; file "db.example.test"; };\n');
  const dirLinks = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: u } });
  assert.deepEqual(dirLinks.map((l) => l.target), [uriOf(join(ws, 'cache', 'db.example.test'))]);
});

test('navigation on a document that is not a file (untitled) stays within it', async () => {
  const u = 'untitled:Untitled-1';
  const text = 'acl a { 10.0.0.0/8; };\noptions { allow-query { a; }; };\n';
  await client.open(u, text);
  const defs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri: u }, position: pos(text, 'a; }') });
  assert.deepEqual(defs?.map((l) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`), ['untitled:Untitled-1:0:4']);
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: u } });
  assert.deepEqual(links, []);
});
