// What a cold `v6ready check` does before it reads its first file, on the bundled dist/cli.js: only the work the
// checked file's dialect needs (server/README.md, "Start-up"). Times are not asserted; what is loaded and built is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const EXAMPLES = ['examples/named.conf', 'examples/httpd.conf', 'examples/sshd_config', 'examples/sendmail.mc', 'examples/rc.conf', 'examples/bind/db.example.net'];

/**
 * Runs the CLI with a preload that prints, at exit, the builtin modules the process loaded (with fs.writeSync: the
 * probe does not make process.stderr). stdout goes to /dev/null, a file to Node, whose stream needs no net module.
 */
function builtinsLoaded(args: string[]): { code: number | null; builtins: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-startup-'));
  try {
    const probe = join(root, 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeSync(2, '\\nBUILTINS ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(root, 'cache'), V6READY_NO_CACHE: '' } });
    const line = r.stderr.split('\n').find((l) => l.startsWith('BUILTINS '));
    assert.ok(line, r.stderr);
    return { code: r.status, builtins: JSON.parse(line.slice('BUILTINS '.length)) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('check --no-cache loads no node:crypto (only the result cache hashes); check with the cache does', () => {
  for (const file of EXAMPLES) {
    const { code, builtins } = builtinsLoaded(['check', '--no-cache', file]);
    assert.ok(code === 0 || code === 1, `${file}: exit ${code}`);
    assert.ok(builtins.includes('fs'), `${file}: the probe sees builtins`);
    assert.ok(!builtins.includes('crypto'), `${file} loaded node:crypto`);
  }
  assert.ok(builtinsLoaded(['check', EXAMPLES[0]]).builtins.includes('crypto'));
});

test('a check of a few files with nothing to say on stderr does not make process.stderr (for a pipe: the net module)', () => {
  const { code, builtins } = builtinsLoaded(['check', '--no-cache', 'examples/named.conf', 'examples/rc.conf']);
  assert.equal(code, 1);
  assert.ok(!builtins.includes('net'), builtins.join(' '));
  // A usage error writes to stderr: the probe sees the stream made.
  assert.ok(builtinsLoaded(['check', '--no-such-option']).builtins.includes('net'));
});

test('the V8 code cache covers the parts of the CLI runs used: a run that used a new one rewrites it, others leave it', () => {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-codecache-'));
  try {
    const env = { ...process.env, V6READY_CACHE_DIR: root, V6READY_NO_CODE_CACHE: '', V6READY_NO_CACHE: '' };
    const run = (...args: string[]) => assert.ok([0, 1].includes(spawnSync(process.execPath, [CLI, ...args], { env }).status ?? -1), args.join(' '));
    const cache = () => {
      const names = readdirSync(root).filter((n) => n.startsWith('cli-') && n.endsWith('.v8cache'));
      assert.equal(names.length, 1, names.join(', '));
      const bytes = readFileSync(join(root, names[0]));
      const header = bytes.subarray(0, bytes.indexOf(10)).toString('latin1');
      assert.match(header, /^v6ready-code-cache 1 /);
      return { covers: header.slice('v6ready-code-cache 1 '.length).split(' '), bytes };
    };
    run('--version');
    assert.deepEqual(cache().covers, ['--version']);
    // A check after --version compiled the analysis: without a rewrite, every check would compile it again.
    run('check', '--no-cache', 'examples/named.conf');
    const first = cache();
    assert.deepEqual(first.covers, ['--version', 'check', 'dialect:bind', 'format:text']);
    run('check', '--no-cache', 'examples/named.conf');
    run('--version');
    assert.ok(cache().bytes.equals(first.bytes), 'nothing new: the cache is not written again');
    run('check', '--no-cache', '--format', 'json', 'examples/sshd_config');
    assert.deepEqual(cache().covers, ['--version', 'check', 'dialect:bind', 'dialect:sshd', 'format:json', 'format:text']);
    // A file without the header (an older loader's cache, a damaged one) is no cache: it is replaced.
    const name = readdirSync(root).find((n) => n.endsWith('.v8cache'))!;
    writeFileSync(join(root, name), 'not a cache');
    run('--version');
    assert.deepEqual(cache().covers, ['--version']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the loader reads the CLI bundle as latin1 only when it is ASCII, where that is the same text as UTF-8', () => {
  const loader = readFileSync(CLI, 'utf8');
  const flag = /var __V6READY_SOURCE_ASCII__ = (true|false);/.exec(loader);
  assert.ok(flag, 'esbuild.mjs writes the flag');
  const bundle = readFileSync(join(process.cwd(), 'dist', 'cli-bundle.js'));
  assert.equal(flag[1] === 'true', !bundle.some((b) => b >= 0x80));
  if (flag[1] === 'true') assert.equal(bundle.toString('latin1'), bundle.toString('utf8'));
});
