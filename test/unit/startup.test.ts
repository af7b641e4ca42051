// What a cold `v6ready check` does before it reads its first file, on the bundled dist/cli.js: only the work the
// checked file's dialect needs (server/README.md, "Start-up"). Times are not asserted; what is loaded and built is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const EXAMPLES = ['examples/named.conf', 'examples/httpd.conf', 'examples/sshd_config', 'examples/sendmail.mc', 'examples/rc.conf', 'examples/bind/db.example.net'];

/** Runs the CLI with a preload that prints, at exit, the builtin modules the process loaded. */
function builtinsLoaded(args: string[]): { code: number | null; builtins: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-startup-'));
  try {
    const probe = join(root, 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeSync(2, '\\nBUILTINS ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(root, 'cache'), V6READY_NO_CACHE: '' } });
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
