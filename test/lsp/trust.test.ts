// Workspace trust over real JSON-RPC: untrusted (initializationOptions.workspaceTrusted = false), the server reads
// nothing outside the workspace folders, not even through a symlink inside them; trusted, or once trust is granted
// (v6ready/workspaceTrust), the symlink is followed. Files outside the folders are never read either way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InitializedNotification, InitializeRequest, type Location } from 'vscode-languageserver-protocol/node';
import { LspClient, VSCODE_LIKE_CAPABILITIES } from './lsp-client';

let ws: string;
let outside: string;
const uriOf = (p: string) => pathToFileURL(p).href;

// named.conf uses three acls: one defined in a file inside the workspace, one in a symlink inside the workspace
// that points out of it, and one in a file outside the workspace included by absolute path.
const rootConf = () => `include "inside.conf";
include "linked.conf";
include "${join(outside, 'direct.conf')}";
options {
	allow-query { in_acl; };
	allow-recursion { linked_acl; };
	allow-transfer { direct_acl; };
};
`;

before(() => {
  ws = mkdtempSync(join(tmpdir(), 'v6ready-trust-ws-'));
  outside = mkdtempSync(join(tmpdir(), 'v6ready-trust-out-'));
  writeFileSync(join(outside, 'linked-target.conf'), 'acl linked_acl { 192.0.2.0/24; };\n');
  writeFileSync(join(outside, 'direct.conf'), 'acl direct_acl { 198.51.100.0/24; };\n');
  writeFileSync(join(ws, 'inside.conf'), 'acl in_acl { 10.0.0.0/8; };\n');
  symlinkSync(join(outside, 'linked-target.conf'), join(ws, 'linked.conf'));
  writeFileSync(join(ws, 'named.conf'), rootConf());
});
after(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

async function startWith(workspaceTrusted: boolean | undefined): Promise<LspClient> {
  const client = LspClient.start();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(ws),
    capabilities: VSCODE_LIKE_CAPABILITIES,
    workspaceFolders: [{ uri: uriOf(ws), name: 'ws' }],
    initializationOptions: workspaceTrusted === undefined ? undefined : { workspaceTrusted },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  const uri = uriOf(join(ws, 'named.conf'));
  await client.open(uri, rootConf());
  await client.waitForDiagnostics(uri);
  return client;
}

/** Where go-to-definition on the acl name used on `line` leads (file basenames), or [] when nowhere. */
async function definitionOf(client: LspClient, line: number, character: number): Promise<string[]> {
  const locs = await client.request<Location[] | null>('textDocument/definition', {
    textDocument: { uri: uriOf(join(ws, 'named.conf')) },
    position: { line, character },
  });
  return (locs ?? []).map((l) => l.uri.slice(l.uri.lastIndexOf('/') + 1));
}

const IN = [4, 17];
const LINKED = [5, 21];
const DIRECT = [6, 20];

test('untrusted: the symlink out of the workspace is not followed; files inside still are', async (t) => {
  const client = await startWith(false);
  t.after(() => client.dispose());
  assert.deepEqual(await definitionOf(client, IN[0], IN[1]), ['inside.conf']);
  assert.deepEqual(await definitionOf(client, LINKED[0], LINKED[1]), [], 'read a file outside the workspace through a symlink');
  assert.deepEqual(await definitionOf(client, DIRECT[0], DIRECT[1]), [], 'read a file outside the workspace');

  // Trust granted later: the symlink (a path inside the workspace) is followed; the outside path still is not read.
  await client.connection.sendNotification('v6ready/workspaceTrust', { trusted: true });
  assert.deepEqual(await definitionOf(client, LINKED[0], LINKED[1]), ['linked.conf']);
  assert.deepEqual(await definitionOf(client, DIRECT[0], DIRECT[1]), []);
  assert.ok(client.alive);
});

test('trusted (and clients that say nothing): symlinks inside the workspace are followed', async (t) => {
  for (const trust of [true, undefined]) {
    const client = await startWith(trust);
    t.after(() => client.dispose());
    assert.deepEqual(await definitionOf(client, IN[0], IN[1]), ['inside.conf']);
    assert.deepEqual(await definitionOf(client, LINKED[0], LINKED[1]), ['linked.conf']);
    assert.deepEqual(await definitionOf(client, DIRECT[0], DIRECT[1]), [], 'files outside the workspace folders are never read');
  }
});

test('the extension passes workspace trust to the server and declares limited support for untrusted workspaces', async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  const ext = readFileSync('client/src/extension.ts', 'utf8');
  assert.match(ext, /initializationOptions:\s*\{\s*workspaceTrusted:\s*vscode\.workspace\.isTrusted\s*\}/);
  assert.match(ext, /onDidGrantWorkspaceTrust\([\s\S]*?'v6ready\/workspaceTrust', \{ trusted: true \}/);
});
