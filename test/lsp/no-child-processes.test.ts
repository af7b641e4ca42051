// The server and the CLI start no child processes: our sources never import child_process or cluster (and
// worker_threads only where the server analyses large documents off its thread, from its own bundle), and the bundles, run with a preload that makes every child_process function throw, do their work
// (lint, fix, hover, navigation, fix-all) without trying.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT } from './lsp-client';

const PRELOAD = join(ROOT, 'test', 'lsp', 'no-spawn-preload.cjs');
const CLI = join(ROOT, 'dist', 'cli.js');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('no source of the server, the CLI or the grammars imports a way to start processes', () => {
  const files = [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'grammars'))];
  assert.ok(files.length > 50);
  const imports = (f: string, modules: string) => new RegExp(`from ['"](?:node:)?(?:${modules})['"]|require\\(['"](?:node:)?(?:${modules})['"]\\)`).test(readFileSync(f, 'utf8'));
  assert.deepEqual(files.filter((f) => imports(f, 'child_process|cluster')), []);
  // A worker thread runs our own code in our own process, and starts no program: one module may, from the server's
  // bundle (server.ts passes its own file; the worker serves analyses and nothing else).
  const worker = join(ROOT, 'server', 'src', 'lsp', 'background-analysis.ts');
  assert.deepEqual(files.filter((f) => imports(f, 'worker_threads')), [worker]);
  assert.match(readFileSync(join(ROOT, 'server', 'src', 'server.ts'), 'utf8'), /bindServer\(connection, __filename\)/);
});

test('the CLI checks and fixes a tree of configs without starting a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-nospawn-'));
  try {
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    const check = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
    assert.ok(check.status === 0 || check.status === 1, `exit ${check.status}: ${check.stderr}`);
    assert.ok(JSON.parse(check.stdout).files.length >= 6, 'every example was checked');
    const fix = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', '--fix', dir], { encoding: 'utf8' });
    assert.ok(fix.status === 0 || fix.status === 1, `exit ${fix.status}: ${fix.stderr}`);
    for (const r of [check, fix]) assert.doesNotMatch(r.stderr, /V6READY-SPAWN-ATTEMPT/);
    // The preload works: a process start through it is refused and reported.
    const probe = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "try { require('child_process').spawnSync('true') } catch {}"], { encoding: 'utf8' });
    assert.match(probe.stderr, /V6READY-SPAWN-ATTEMPT child_process\.spawnSync/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the language server serves a session without starting a process', { timeout: 60_000 }, async (t) => {
  const { client } = await LspClient.started({ nodeArgs: ['--require', PRELOAD] });
  t.after(() => client.dispose());
  const path = join(ROOT, 'examples');
  const named = readdirSync(path).find((n) => n.startsWith('named')) ?? 'named.conf';
  const uri = pathToFileURL(join(path, named)).href;
  const text = readFileSync(join(path, named), 'utf8');
  await client.open(uri, text);
  const d = await client.waitForDiagnostics(uri);
  const position = d.diagnostics[0]?.range.start ?? { line: 0, character: 0 };
  await client.request('textDocument/hover', { textDocument: { uri }, position });
  await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: d.diagnostics } });
  await client.request('textDocument/definition', { textDocument: { uri }, position });
  await client.request('textDocument/documentLink', { textDocument: { uri } });
  await client.request('workspace/executeCommand', { command: 'v6ready.fixAll', arguments: [uri] });
  assert.ok(client.alive);
  assert.doesNotMatch(client.stderr, /V6READY-SPAWN-ATTEMPT/);
});
