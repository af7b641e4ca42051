// The CLI contract, run on the bundled dist/cli.js as users and CI run it: formats, exit codes, --fix, stdin, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMaxWarnings, UsageError } from '../../server/src/cli/args';
import { isIgnored } from '../../server/src/core/globs';
import { explainText } from '../../server/src/cli/explain';
import { formatJson, formatSarif, PROJECT_URL, reportHref, SARIF_MAX_RESULTS, type FileReport, type SarifOptions } from '../../server/src/cli/format';
import { allRules, findRule } from '../../server/src/core/registry';
import { LineIndex } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/types';

const CLI = join(process.cwd(), 'dist', 'cli.js');
// The CLI's caches (code cache, result cache) for this suite only; every run below goes through the result cache.
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'v6ready-cli-cache-'));
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

function run(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'v6ready-cli-'));
}

/**
 * Runs the CLI as an unprivileged user (nobody when we are root, who may write and read anything), from a copy of
 * the loader and its bundle in `dir` (the checkout may sit in a folder that user cannot enter); `dir` is made 0755.
 */
function runUnprivileged(dir: string, args: string[]) {
  chmodSync(dir, 0o755);
  const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
  const cli = join(dir, 'cli.cjs');
  copyFileSync(CLI, cli);
  copyFileSync(join(CLI, '..', 'cli-bundle.js'), join(dir, 'cli-bundle.js'));
  chmodSync(cli, 0o755);
  const env = { ...process.env, NO_COLOR: '1', V6READY_NO_CACHE: '1', V6READY_NO_CODE_CACHE: '1' };
  const r = spawnSync(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(asUser.length ? [process.execPath] : []), cli, ...args], { encoding: 'utf8', cwd: dir, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// listen-on-v6 of another port already set: moving ::1 into a new listen-on-v6 of port 5353 only adds a listener (safe).
const SEED = 'options {\n\tlisten-on port 5353 { 127.0.0.1; ::1; };\n\tlisten-on-v6 { ::1; };\n};\n';

test('text output: 1-based path:line:col, fixes on offer, exit 1 on errors', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    const r = run(['check', join(dir, 'named.conf')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /named\.conf:2:35: error bind\/ipv6-in-listen-on: named ignores IPv6 addresses in listen-on/);
    assert.match(r.stdout, /fix \(safe\): Move ::1 to a new listen-on-v6 port 5353/);
    assert.match(r.stdout, /^1 problem \(1 error, 0 warnings, 0 other\) in 1 file; 1 fixable with --fix$/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('json output: the documented shape with 0-based LSP ranges', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.files.length, 1);
    const f = out.files[0];
    assert.equal(f.path, join(dir, 'named.conf'));
    assert.equal(f.language, 'bind-named');
    const v6 = f.findings.find((x: any) => x.rule === 'bind/ipv6-in-listen-on');
    assert.deepEqual(v6.range, { start: { line: 1, character: 34 }, end: { line: 1, character: 37 } });
    assert.equal(v6.severity, 'error');
    assert.equal(v6.fixes[0].safe, true);
    assert.ok(v6.fixes[0].edits.every((e: any) => typeof e.newText === 'string' && e.range.start.line >= 0));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('sarif output: 2.1.0 with rules, results, regions and fixes', () => {
  const r = run(['check', '--format', 'sarif', '--language', 'bind-named', '-'], { input: SEED });
  assert.equal(r.code, 1);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'v6ready');
  assert.ok(run0.tool.driver.rules.some((x: any) => x.id === 'bind/ipv6-in-listen-on'));
  const res = run0.results.find((x: any) => x.ruleId === 'bind/ipv6-in-listen-on');
  assert.equal(res.level, 'error');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 2, startColumn: 35, endLine: 2, endColumn: 38 });
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  assert.ok(res.fixes[0].artifactChanges[0].replacements.length >= 1);
});

test('--fix applies safe fixes in place, leaves unsafe ones, reports what is left', () => {
  const dir = tempDir();
  try {
    const file = join(dir, 'named.conf');
    writeFileSync(file, SEED);
    const r = run(['check', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), 'options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { ::1; };\n\tlisten-on-v6 { ::1; };\n};\n');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /applied 1 safe fix/);
    assert.match(r.stdout, /0 problems/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--fix on stdin writes the fixed text to stdout and the report to stderr', () => {
  const r = run(['check', '--fix', '--language', 'bind-named', '-'], { input: SEED });
  assert.equal(r.stdout, 'options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { ::1; };\n\tlisten-on-v6 { ::1; };\n};\n');
  assert.match(r.stderr, /0 problems/);
});

test('exit 0 on a clean file, 2 on usage and I/O errors with a clear message', () => {
  assert.equal(run(['check', '--language', 'bind-named', '-'], { input: 'options { listen-on-v6 { any; }; };\n' }).code, 0);
  let r = run(['check']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /needs at least one file/);
  r = run(['check', '-']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /needs --language/);
  r = run(['check', '/nonexistent/named.conf']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no such file or directory/);
  r = run(['check', '--format', 'xml', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown format 'xml'/);
  r = run(['check', '--language', 'nginx', '-']);
  assert.equal(r.code, 2);
  r = run(['frobnicate']);
  assert.equal(r.code, 2);
});

test('directories are walked by file pattern; other files are left alone', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'etc', 'bind'), { recursive: true });
    writeFileSync(join(dir, 'etc', 'bind', 'named.conf.options'), SEED);
    writeFileSync(join(dir, 'etc', 'bind', 'notes.txt'), 'not a named.conf { ; ;');
    writeFileSync(join(dir, 'README'), 'listen-on { ::1; };');
    const out = JSON.parse(run(['check', '--format', 'json', dir]).stdout);
    assert.deepEqual(out.files.map((f: any) => f.path), [join(dir, 'etc', 'bind', 'named.conf.options')]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('checked files see each other through include: an acl in one, its use in another, a missing include', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), 'include "named.conf.acls";\ninclude "named.conf.options";\ninclude "named.conf.gone";\n');
    writeFileSync(join(dir, 'named.conf.acls'), 'acl internal { 192.0.2.0/24; };\n');
    writeFileSync(join(dir, 'named.conf.options'), 'options {\n\tallow-query { internal; };\n};\n');
    const out = JSON.parse(run(['check', '--format', 'json', dir]).stdout);
    const byFile = Object.fromEntries(out.files.map((f: any) => [f.path.slice(dir.length + 1), f.findings.map((x: any) => x.rule)]));
    assert.deepEqual(byFile, { 'named.conf': ['v6ready/include'], 'named.conf.acls': [], 'named.conf.options': ['bind/ipv4-only-acl'] });
    // Alone, named.conf.options cannot know what `internal` is: named-checkconf says the same (undefined ACL).
    const alone = run(['check', join(dir, 'named.conf.options')]);
    assert.match(alone.stdout, /undefined ACL 'internal'/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('check also checks the files a checked file includes, in its language, once each, as the daemons\' checkers do', () => {
  const dir = tempDir();
  try {
    // Names no pattern knows as BIND's or sshd's: found only through the includes.
    writeFileSync(join(dir, 'named.conf'), 'include "opts.inc";\ninclude "keys.inc";\n');
    writeFileSync(join(dir, 'opts.inc'), 'options { listen-on { 192.0.2.1; } };\n');
    writeFileSync(join(dir, 'keys.inc'), 'include "opts.inc";\n');
    mkdirSync(join(dir, 'ssh'));
    writeFileSync(join(dir, 'ssh', 'sshd_config'), 'Include /etc/ssh/extra.conf\nPort 22\n');
    writeFileSync(join(dir, 'ssh', 'extra.conf'), 'BogusKeyword yes\n');
    const named = run(['check', '--no-cache', join(dir, 'named.conf')]);
    assert.equal(named.code, 1);
    assert.match(named.stdout, /opts\.inc:1:36: error bind\/syntax: missing ';' before '}'/);
    assert.equal(named.stdout.match(/missing ';'/g)?.length, 1, 'a file included twice is checked once');
    assert.match(named.stdout, /^1 problem \(1 error, 0 warnings, 0 other\) in 3 files$/m);
    // The same through the result cache.
    assert.deepEqual(run(['check', join(dir, 'named.conf')]).stdout, run(['check', join(dir, 'named.conf')]).stdout);
    // A copy of sshd's files kept flat: /etc/ssh/extra.conf is the one beside sshd_config, checked as sshd reads it.
    const sshd = run(['check', '--no-cache', join(dir, 'ssh', 'sshd_config')]);
    assert.match(sshd.stdout, /extra\.conf:1:1: error sshd\/unknown-keyword: Bad configuration option: BogusKeyword/);
    assert.match(sshd.stdout, / in 2 files$/m);
    // A file the configuration ignores stays out, included or not.
    writeFileSync(join(dir, '.v6ready.json'), JSON.stringify({ ignore: ['opts.inc'] }));
    const ignored = run(['check', '--no-cache', 'named.conf'], { cwd: dir });
    assert.equal(ignored.code, 0, ignored.stdout);
    assert.match(ignored.stdout, / in 2 files$/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('check named.conf reports the zone files it names (as named-checkconf -z), fixes left to a check of the zone file itself', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), 'zone "example.org" { type primary; file "example.org.data"; };\nzone "example.net" { type primary; file "example.org.data"; };\n');
    const zone = '$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\nns1 IN AAAA 2001:db8::1\nbad IN AAAA 10.0.0.1\n';
    writeFileSync(join(dir, 'example.org.data'), zone);
    const r = run(['check', '--no-cache', '--format', 'json', join(dir, 'named.conf')]);
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: any) => f.path.slice(dir.length + 1)), ['named.conf', 'example.org.data'], 'named twice, reported once');
    const data = files[1];
    assert.equal(data.language, 'dns-zone');
    assert.ok(data.findings.some((f: any) => f.rule === 'zone/address-family' && f.severity === 'error'));
    assert.ok(data.findings.every((f: any) => f.fixes.length === 0));
    assert.match(data.notes.join('\n'), /^zone file of example\.org: 1 finding has a safe fix; `v6ready check --fix .*example\.org\.data` applies it$/);
    assert.equal(files[0].notes, undefined, 'no notes, no field');
    const text = run(['check', '--no-cache', join(dir, 'named.conf')]).stdout;
    assert.match(text, /example\.org\.data: zone file of example\.org: 1 finding has a safe fix; `v6ready check --fix .*example\.org\.data` applies it/);
    assert.match(text, / in 2 files$/m);
    // --fix leaves it as it is; checked itself, it is fixed.
    run(['check', '--no-cache', '--fix', join(dir, 'named.conf')]);
    assert.equal(readFileSync(join(dir, 'example.org.data'), 'utf8'), zone);
    run(['check', '--no-cache', '--fix', '--language', 'dns-zone', join(dir, 'example.org.data')]);
    assert.match(readFileSync(join(dir, 'example.org.data'), 'utf8'), /^bad IN A +10\.0\.0\.1$/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('rules lists every rule; explain prints the docs; unknown rule is a usage error', () => {
  const r = run(['rules']);
  assert.equal(r.code, 0);
  for (const id of ['bind/syntax', 'bind/ipv6-in-listen-on', 'bind/ipv4-in-listen-on-v6', 'bind/listen-on-v6-port', 'bind/no-ipv6-listener', 'bind/invalid-address', 'bind/wrong-family-source']) {
    assert.match(r.stdout, new RegExp(`^${id.replace('/', '\\/')}\\s`, 'm'));
  }
  const e = run(['explain', 'bind/listen-on-v6-port']);
  assert.equal(e.code, 0);
  assert.match(e.stdout, /## Why it matters/);
  assert.match(e.stdout, /## Fix\nNot safe/);
  assert.equal(run(['explain', 'bind/nope']).code, 2);
});

test('bad input never crashes: NUL bytes, invalid UTF-8, binary junk, 10 MB, unbalanced braces', () => {
  const dir = tempDir();
  try {
    const cases: Record<string, Buffer> = {
      'nul.named.conf': Buffer.from('options {\0 listen-on { ::1; };\0\n};'),
      'latin1.named.conf': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\noptions { listen-on { ::1; }; };\n')]),
      'junk.named.conf': Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)),
      'big.named.conf': Buffer.from('options {\n' + '\tallow-query { 192.0.2.1; 2001:db8::1; };\n'.repeat(250_000) + '};\n'),
      'braces.named.conf': Buffer.from('options { { { {\nzone "x" { type primary; ;\n}}}}}}};;;\n'),
    };
    for (const [name, bytes] of Object.entries(cases)) writeFileSync(join(dir, name), bytes);
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files.length, Object.keys(cases).length);
    const byName = (n: string) => out.files.find((f: any) => f.path.endsWith(n));
    assert.ok(byName('nul.named.conf').findings.some((f: any) => f.rule === 'bind/syntax' && /U\+0000/.test(f.message)));
    assert.ok(byName('latin1.named.conf').findings.some((f: any) => f.rule === 'bind/ipv6-in-listen-on'));
    assert.ok(byName('braces.named.conf').findings.some((f: any) => f.rule === 'bind/syntax'));
    // --fix never rewrites a file that is not valid UTF-8.
    const before = readFileSync(join(dir, 'latin1.named.conf'));
    const t = run(['check', '--fix', join(dir, 'latin1.named.conf')]);
    assert.match(t.stdout, /not valid UTF-8.*not fixed/);
    assert.deepEqual(readFileSync(join(dir, 'latin1.named.conf')), before);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('.v6ready.json sets severities; unknown rules in it are reported', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    writeFileSync(join(dir, '.v6ready.json'), JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'warning', 'bind/listen-on-v6-port': 'off' } }));
    const r = run(['check', '--format', 'json', 'named.conf'], { cwd: dir });
    assert.equal(r.code, 0);
    const f = JSON.parse(r.stdout).files[0].findings;
    assert.deepEqual(f.map((x: any) => `${x.severity} ${x.rule}`), ['warning bind/ipv6-in-listen-on']);
    writeFileSync(join(dir, '.v6ready.json'), JSON.stringify({ rules: { 'bind/nope': 'error' } }));
    const bad = run(['check', 'named.conf'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule 'bind\/nope'/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the examples: the seed named.conf shows the listen-on mistake with its fix', () => {
  const dir = tempDir();
  try {
    copyFileSync(join('examples', 'named.conf'), join(dir, 'named.conf'));
    const out = JSON.parse(run(['check', '--format', 'json', dir]).stdout);
    const rules = out.files[0].findings.map((f: any) => f.rule);
    assert.ok(rules.includes('bind/ipv6-in-listen-on'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--fix keeps the file mode and CRLF line endings, drops a BOM named cannot read; a read-only file is refused with exit 2', () => {
  const dir = tempDir();
  try {
    const file = join(dir, 'named.conf');
    writeFileSync(file, '\ufeff' + SEED.replace(/\n/g, '\r\n'), { mode: 0o640 });
    chmodSync(file, 0o640);
    const r = run(['check', '--fix', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(readFileSync(file, 'utf8'), 'options {\r\n\tlisten-on port 5353 { 127.0.0.1; };\r\n\tlisten-on-v6 port 5353 { ::1; };\r\n\tlisten-on-v6 { ::1; };\r\n};\r\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['named.conf'], 'no temp file left behind');
    // Root may write anything: check the read-only refusal as an unprivileged user then.
    const ro = join(dir, 'ro.named.conf');
    writeFileSync(ro, SEED);
    chmodSync(ro, 0o444);
    const r2 = runUnprivileged(dir, ['check', '--fix', ro]);
    assert.equal(r2.code, 2, r2.stdout + r2.stderr);
    assert.match(r2.stderr, /cannot write the fixes: permission denied/);
    assert.equal(readFileSync(ro, 'utf8'), SEED);
    // The findings are those of the file as it is, not of the fixed text that was never saved.
    assert.match(r2.stdout, /ro\.named\.conf:2:35: error bind\/ipv6-in-listen-on/);
    assert.match(r2.stdout, /^1 problem \(1 error/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('directories without configs, unreadable files and binary files: clear messages, exit 2 for I/O', () => {
  const dir = tempDir();
  try {
    // A directory with nothing v6ready knows is an error (a wrong path in CI must not pass as clean).
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'notes.txt'), 'listen-on { ::1; };');
    for (const d of ['empty', 'other']) {
      const r = run(['check', join(dir, d)]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /no config files found in this directory \(looked for named\.conf, .*\); name a file and pass --language/);
    }
    // A file that cannot be read: a symlink loop (and, when not root, a file without read permission).
    symlinkSync('b.named.conf', join(dir, 'a.named.conf'));
    symlinkSync('a.named.conf', join(dir, 'b.named.conf'));
    let r = run(['check', join(dir, 'a.named.conf')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.named\.conf: too many levels of symbolic links \(a loop\?\) \(ELOOP\)/);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'secret.named.conf'), SEED);
      chmodSync(join(dir, 'secret.named.conf'), 0o000);
      r = run(['check', join(dir, 'secret.named.conf')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /secret\.named\.conf: cannot read: permission denied \(EACCES\)/);
    }
    // A binary file under a config's name: said so, checked (capped findings), never a crash.
    const binary = Buffer.alloc(20_000);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 131) % 256;
    writeFileSync(join(dir, 'blob.named.conf'), binary);
    r = run(['check', join(dir, 'blob.named.conf')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /blob\.named\.conf: looks like a binary file, not a BIND named\.conf config/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--timing: the report unchanged on stdout, then every step and rule with its time on stderr; never a cached answer', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    const plain = run(['check', join(dir, 'named.conf')]);
    const timed = run(['check', '--timing', join(dir, 'named.conf')]);
    assert.equal(timed.code, plain.code);
    assert.equal(timed.stdout, plain.stdout);
    const rows = timed.stderr.trim().split('\n');
    assert.match(rows[0], /^step\s+ms\s+share\s+runs$/);
    const row = (label: string) => rows.find((r) => r.startsWith(label + ' '));
    for (const label of ['parse', 'rule bind/ipv6-in-listen-on', 'start-up (Node, loading v6ready)', 'format text', 'whole command']) {
      assert.match(row(label) ?? `(no row '${label}')`, /\s\d+\.\d\s+\d+\.\d%\s+1$/, label);
    }
    // 25 rows at most, then one for the rest (the bind rules alone are more than 25).
    assert.match(rows[rows.length - 2], /^\d+ more steps\s/);
    // Slowest first, and the parts are within the whole.
    const ms = rows.slice(1, -2).map((r) => Number(r.trim().split(/\s{2,}/)[1]));
    assert.deepEqual(ms, [...ms].sort((a, b) => b - a));
    const whole = Number(row('whole command')!.split(/\s{2,}/)[1]);
    assert.ok(ms.reduce((s, x) => s + x, 0) <= whole, `${ms} within ${whole}`);
    // A second timed run times the work again rather than replaying the report from the result cache.
    const again = run(['check', '--timing', join(dir, 'named.conf')]);
    assert.match(again.stderr, /^rule bind\/ipv6-in-listen-on\s/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a reader that stops early (`v6ready check … | head`): no stack trace, and the exit status of the findings', async () => {
  const dir = tempDir();
  try {
    // ~1,500 error findings: far more output than a pipe holds, so writing it must outlast the reader.
    const zones = Array.from({ length: 1500 }, (_, i) => `zone "z${i}.test" { type primary; file "db.z${i}"; notify-source 2001:db8::${i.toString(16)}; };`);
    writeFileSync(join(dir, 'named.conf'), zones.join('\n') + '\n');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'check', '--no-cache', join(dir, 'named.conf')], { env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let firstChunk = '';
    // Read one chunk, then go away, as head does.
    child.stdout.once('data', (d) => {
      firstChunk = String(d);
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.match(firstChunk, /error bind\/wrong-family-source/);
    assert.equal(stderr, '');
    assert.equal(code, 1);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

// SEED after --fix.
const SEED_FIXED = 'options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { ::1; };\n\tlisten-on-v6 { ::1; };\n};\n';

test('--fix edits the file a symbolic link points to, keeps its owner and group, and writes hard links in place', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'srv'));
    mkdirSync(join(dir, 'etc'));
    const target = join(dir, 'srv', 'named.conf');
    const link = join(dir, 'etc', 'named.conf');
    writeFileSync(target, SEED, { mode: 0o640 });
    chmodSync(target, 0o640);
    symlinkSync('../srv/named.conf', link);
    // Root hands the file to another owner and group (as /etc/bind/named.conf is root:bind): they must stay.
    const root = process.getuid?.() === 0;
    if (root) chownSync(target, 65534, 65534);
    const r = run(['check', '--fix', link]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(target, 'utf8'), SEED_FIXED);
    const st = statSync(target);
    assert.equal(st.mode & 0o777, 0o640);
    if (root) assert.deepEqual([st.uid, st.gid], [65534, 65534]);
    assert.deepEqual(readdirSync(join(dir, 'srv')), ['named.conf'], 'no temp file left behind');
    // A file with two names: both see the fix.
    const a = join(dir, 'a.named.conf');
    const b = join(dir, 'b.named.conf');
    writeFileSync(a, SEED);
    linkSync(a, b);
    assert.equal(run(['check', '--fix', a]).code, 0);
    assert.equal(readFileSync(b, 'utf8'), SEED_FIXED);
    assert.equal(statSync(a).nlink, 2);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--fix writes a writable file in place when its folder does not let us create a temp file', () => {
  const dir = tempDir();
  try {
    const sub = join(dir, 'etc');
    mkdirSync(sub);
    const file = join(sub, 'named.conf');
    writeFileSync(file, SEED);
    chmodSync(file, 0o644);
    // The folder is root's (or, when we are not root, ours without write permission); the file is the user's.
    if (process.getuid?.() === 0) chownSync(file, 65534, 65534);
    chmodSync(sub, 0o555);
    const r = runUnprivileged(dir, ['check', '--fix', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /applied 1 safe fix/);
    assert.equal(readFileSync(file, 'utf8'), SEED_FIXED);
    assert.deepEqual(readdirSync(sub), ['named.conf']);
  } finally {
    chmodSync(join(dir, 'etc'), 0o755);
    rmSync(dir, { recursive: true });
  }
});

test('--fix on stdin is a filter: stdout is always the whole text, fixed or byte for byte as it came', () => {
  const filter = (input: Buffer, language = 'bind-named') => spawnSync(process.execPath, [CLI, 'check', '--fix', '--language', language, '-'], { input, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME } });
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const MC = "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Name=MTA, Family=inet6')dnl\n";
  const cases: [string, Buffer, Buffer, string?][] = [
    ['nothing to fix', Buffer.from('options { listen-on-v6 { any; }; };\n'), Buffer.from('options { listen-on-v6 { any; }; };\n')],
    // named reads the mark as part of the first word: removing it is the fix (v6ready/byte-order-mark).
    ['nothing else to fix, with a BOM', Buffer.concat([BOM, Buffer.from('options { listen-on-v6 { any; }; };\n')]), Buffer.from('options { listen-on-v6 { any; }; };\n')],
    ['not valid UTF-8', Buffer.concat([Buffer.from(SEED), Buffer.from([0xe9, 0x0a])]), Buffer.concat([Buffer.from(SEED), Buffer.from([0xe9, 0x0a])])],
    ['fixed, with a BOM', Buffer.concat([BOM, Buffer.from(SEED)]), Buffer.from(SEED_FIXED)],
    // m4 copies it into the .cf harmlessly: kept, byte for byte.
    ['a sendmail.mc with a BOM', Buffer.concat([BOM, Buffer.from(MC)]), Buffer.concat([BOM, Buffer.from(MC)]), 'sendmail-mc'],
  ];
  for (const [what, input, output, language] of cases) {
    const r = filter(input, language);
    assert.deepEqual(r.stdout, output, what);
    assert.match(String(r.stderr), /problems? \(/, what);
  }
});

test('report goes on past a folder it cannot read: says so on stderr, writes the report, exits 2 as check does', () => {
  const dir = tempDir();
  try {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'locked'), { recursive: true });
    writeFileSync(join(tree, 'named.conf'), 'options { listen-on-v6 { any; }; };\n');
    writeFileSync(join(tree, 'locked', 'named.conf'), SEED);
    chmodSync(tree, 0o755);
    chmodSync(join(tree, 'locked'), 0o000);
    const r = runUnprivileged(dir, ['report', tree]);
    assert.match(r.stderr, /^v6ready: cannot read directory .*locked: permission denied \(EACCES\)$/m);
    assert.match(r.stdout, /^# IPv6 readiness report/);
    assert.match(r.stdout, /Files: `named\.conf`/);
    assert.equal(r.code, 2);
    assert.equal(runUnprivileged(dir, ['check', tree]).code, r.code);
  } finally {
    chmodSync(join(dir, 'tree', 'locked'), 0o755);
    rmSync(dir, { recursive: true });
  }
});

test('a file named twice (or inside a folder also named) is checked and counted once, where first given', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'd', 'a', 'b'), { recursive: true });
    // One warning (bind/ipv4-only-acl): named twice, it must not count twice against --max-warnings 1.
    writeFileSync(join(dir, 'd', 'a', 'b', 'named.conf'), 'options {\n\tlisten-on-v6 { any; };\n\tallow-query { 192.0.2.0/24; };\n};\n');
    for (const args of [['d', 'd/a/b/named.conf'], ['d/a/b/named.conf', './d/a/b/named.conf', 'd/a/../a/b/named.conf']]) {
      const r = run(['check', '--format', 'json', '--max-warnings', '1', ...args], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).files.map((f: any) => f.path), [join('d', 'a', 'b', 'named.conf')], args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a .v6ready.json that starts with a byte order mark is read', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    writeFileSync(join(dir, '.v6ready.json'), '\ufeff' + JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'off' } }));
    const r = run(['check', 'named.conf'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^0 problems/m);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('an output that cannot be written (a full disk): one line on stderr, no stack, exit 2', { skip: !existsSync('/dev/full') }, () => {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--language', 'bind-named', '-'], { input: SEED, stdio: ['pipe', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME } });
    assert.equal(r.stderr, 'v6ready: cannot write the output: ENOSPC\n');
    assert.equal(r.status, 2);
  } finally {
    closeSync(full);
  }
});

test('rules and --version take no arguments: anything after them is a usage error', () => {
  for (const args of [['rules', 'extra'], ['rules', '--format', 'json'], ['--version', 'extra']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, /^v6ready: .*\nusage: v6ready check/, args.join(' '));
  }
});

test('an include loop closing in a file not named on the command line is reported there (and can be suppressed there)', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), 'include "named.conf.a";\n');
    writeFileSync(join(dir, 'named.conf.a'), 'include "named.conf";\n');
    const r = run(['check', '--no-cache', join(dir, 'named.conf')]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /named\.conf\.a:1:10: error v6ready\/include: include loop: .*named\.conf -> .*named\.conf\.a -> .*named\.conf: named refuses the configuration \("too many open files"\)$/m);
    writeFileSync(join(dir, 'named.conf.a'), '// v6ready-disable-next-line v6ready/include -- on purpose\ninclude "named.conf";\n');
    const quiet = run(['check', '--no-cache', join(dir, 'named.conf')]);
    assert.equal(quiet.code, 0, quiet.stdout);
    assert.doesNotMatch(quiet.stdout, /include loop/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a related location in an included file prints as path:line:col, and has a range in JSON and a region in SARIF', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'g'));
    writeFileSync(join(dir, 'named.conf'), 'include "g/*.conf";\noptions { allow-query { myacl; }; };\n');
    writeFileSync(join(dir, 'g', 'one.conf'), '\nacl myacl { 10.0.0.0/8; };\n');
    const text = run(['check', '--no-cache', 'named.conf'], { cwd: dir });
    assert.match(text.stdout, /^ {4}see g\/one\.conf:2:5: acl 'myacl'/m);
    const json = JSON.parse(run(['check', '--no-cache', '--format', 'json', 'named.conf'], { cwd: dir }).stdout);
    const related = json.files[0].findings[0].related[0];
    assert.equal(related.path, 'g/one.conf');
    assert.deepEqual(related.range.start, { line: 1, character: 4 });
    const sarif = JSON.parse(run(['check', '--no-cache', '--format', 'sarif', 'named.conf'], { cwd: dir }).stdout);
    const loc = sarif.runs[0].results[0].relatedLocations[0].physicalLocation;
    assert.equal(loc.region.startLine, 2);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('report --output in another folder: its links lead to the files from where the report is', () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'rp', 'apache2'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'rp', 'apache2', 'apache2.conf'), 'Listen 127.0.0.1:80\n');
    for (const format of ['html', 'md']) {
      const output = join(dir, 'out', `r.${format}`);
      const r = run(['report', '--format', format, '--output', output, 'rp'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const text = readFileSync(output, 'utf8');
      const links = [...text.matchAll(format === 'html' ? /href="([^"#][^"]*)#L\d+"/g : /\]\(([^)#]+)#L\d+\)/g)].map((m) => decodeURI(m[1]));
      assert.ok(links.length > 0, `links in the ${format} report`);
      for (const l of links) assert.ok(statSync(join(dir, 'out', l)).isFile(), `${format}: ${l} from out/`);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a byte order mark the daemon does not skip is an error (v6ready/byte-order-mark) that --fix removes', () => {
  const dir = tempDir();
  try {
    const BOM = '\ufeff';
    // named-checkconf 9.18: "unknown option '<BOM>options'"; apache2 -t: "Invalid command '\xef\xbb\xbfListen'";
    // sshd -t: "Bad configuration option: \357\273\277Port"; sh: "<BOM>sshd_enable=YES: not found".
    writeFileSync(join(dir, 'named.conf'), BOM + 'options { listen-on-v6 { any; }; };\n');
    writeFileSync(join(dir, 'httpd.conf'), BOM + 'Listen [::]:80\n');
    writeFileSync(join(dir, 'sshd_config'), BOM + 'ListenAddress ::\n');
    writeFileSync(join(dir, 'rc.conf'), BOM + 'sshd_enable="YES"\n');
    writeFileSync(join(dir, 'example.zone'), BOM + '$TTL 1h\n');
    writeFileSync(join(dir, 'sendmail.mc'), BOM + "OSTYPE(`linux')dnl\n");
    writeFileSync(join(dir, 'plain.named.conf'), 'options { listen-on-v6 { any; }; };\n');
    const r = run(['check', dir]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /named\.conf:1:1: error v6ready\/byte-order-mark: the file starts with a UTF-8 byte order mark .*named reads it as part of the first word and refuses the file/);
    assert.match(r.stdout, /httpd\.conf:1:1: error v6ready\/byte-order-mark: .*Apache .* refuses the file/);
    assert.match(r.stdout, /sshd_config:1:1: error v6ready\/byte-order-mark: .*sshd .* refuses the file/);
    assert.match(r.stdout, /rc\.conf:1:1: error v6ready\/byte-order-mark: .*a variable set there stays unset/);
    assert.match(r.stdout, /example\.zone:1:1: error v6ready\/byte-order-mark: .*refuses the zone/);
    assert.doesNotMatch(r.stdout, /(plain\.named\.conf|sendmail\.mc):1:1: error v6ready\/byte-order-mark/);
    // Its setting turns it off like any rule's.
    writeFileSync(join(dir, '.v6ready.json'), JSON.stringify({ rules: { 'v6ready/byte-order-mark': 'off' } }));
    assert.doesNotMatch(run(['check', join(dir, 'httpd.conf')], { cwd: dir }).stdout, /byte-order-mark/);
    rmSync(join(dir, '.v6ready.json'));
    // --fix writes the file without it, counts it as a fix, and the finding is gone; the sendmail.mc keeps its mark.
    const f = run(['check', '--fix', join(dir, 'named.conf'), join(dir, 'sendmail.mc')]);
    assert.match(f.stdout, /named\.conf: applied 1 safe fix\b/);
    assert.doesNotMatch(f.stdout, /byte-order-mark/);
    assert.equal(readFileSync(join(dir, 'named.conf'), 'utf8'), 'options { listen-on-v6 { any; }; };\n');
    assert.ok(readFileSync(join(dir, 'sendmail.mc'), 'utf8').startsWith(BOM));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('rc.conf is checked with its siblings (rc.conf.local, rc.conf.d/routing), also when answered from the result cache', () => {
  const dir = tempDir();
  try {
    const etc = join(dir, 'etc');
    mkdirSync(etc);
    writeFileSync(join(etc, 'rc.conf'), 'ifconfig_em0="inet 192.0.2.10/24"\nifconfig_em0_ipv6="inet6 2001:db8::10/64"\ndefaultrouter="192.0.2.1"\n');
    const route = (args: string[]) => /rcconf\/no-ipv6-route/.test(run(args).stdout);
    assert.ok(route(['check', join(etc, 'rc.conf')]), 'no route anywhere: reported');
    assert.ok(route(['check', join(etc, 'rc.conf')]), 'the same again (cached)');
    // FreeBSD reads rc.conf.local after rc.conf (rc_conf_files), and rc.d/routing reads rc.conf.d/routing.
    writeFileSync(join(etc, 'rc.conf.local'), 'ipv6_defaultrouter="2001:db8::1"\n');
    assert.ok(!route(['check', join(etc, 'rc.conf')]), 'rc.conf.local sets the route');
    rmSync(join(etc, 'rc.conf.local'));
    assert.ok(route(['check', join(etc, 'rc.conf')]), 'rc.conf.local gone again');
    mkdirSync(join(etc, 'rc.conf.d'));
    writeFileSync(join(etc, 'rc.conf.d', 'sshd'), 'ipv6_defaultrouter="2001:db8::1"\n');
    assert.ok(route(['check', join(etc, 'rc.conf')]), 'rc.conf.d/sshd is read by rc.d/sshd only');
    writeFileSync(join(etc, 'rc.conf.d', 'routing'), 'ipv6_defaultrouter="2001:db8::1"\n');
    assert.ok(!route(['check', join(etc, 'rc.conf')]), 'rc.conf.d/routing sets the route');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

// The tests from here on that call run() need dist/cli.js built from the current sources; the others import the
// CLI's modules directly.

test('--max-warnings -1 means no limit (as ESLint); other negatives and non-numbers are usage errors', () => {
  assert.equal(parseMaxWarnings('-1'), undefined);
  assert.equal(parseMaxWarnings('0'), 0);
  assert.equal(parseMaxWarnings('12'), 12);
  for (const bad of ['-2', '-0.5', '1.5', 'ten', '', '0x10']) {
    assert.throws(() => parseMaxWarnings(bad), (e: Error) => e instanceof UsageError && /whole number >= 0, or -1 for no limit, not '/.test(e.message), bad);
  }
  const dir = tempDir();
  try {
    // listen-on port without listen-on-v6: a warning, no error.
    writeFileSync(join(dir, 'named.conf'), 'options {\n\tlisten-on port 5353 { 127.0.0.1; };\n};\n');
    assert.equal(run(['check', '--max-warnings', '0', 'named.conf'], { cwd: dir }).code, 1);
    assert.equal(run(['check', '--max-warnings', '-1', 'named.conf'], { cwd: dir }).code, 0);
    assert.equal(run(['check', '--max-warnings=-1', 'named.conf'], { cwd: dir }).code, 0);
    const bad = run(['check', '--max-warnings', '-3', 'named.conf'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings needs a whole number >= 0, or -1 for no limit, not '-3'/);
    assert.match(run(['--help']).stdout, /-1 sets no limit/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

const sarifOptions = (o: Partial<SarifOptions> = {}): SarifOptions => ({
  version: '0.0.0-test',
  root: process.cwd(),
  fileUri: (p) => pathToFileURL(p).href,
  hash: (s) => String(s.length),
  ...o,
});

function fileReport(path: string, text: string, findings: Finding[], extra: Partial<FileReport> = {}): FileReport {
  return { path, language: 'bind-named', lines: new LineIndex(text), findings, notes: [], text, ...extra };
}

const finding = (rule: string, severity: Finding['severity'], start: number, related?: Finding['related']): Finding => ({ rule, severity, message: `${rule} here`, span: { start, end: start + 1 }, fixes: [], related });

test('sarif: no helpUri or informationUri while the project URL is a placeholder; a real one turns them on', () => {
  assert.match(PROJECT_URL, /\.invalid\//, 'this test is about the placeholder; with a real URL, links are expected');
  const placeholder = JSON.parse(formatSarif([], sarifOptions())).runs[0].tool.driver;
  assert.equal(placeholder.informationUri, undefined);
  assert.ok(placeholder.rules.length > 50);
  for (const r of placeholder.rules) {
    assert.equal(r.helpUri, undefined, r.id);
    assert.ok(r.help.text && r.help.markdown && r.fullDescription.text, `${r.id} keeps its help text`);
  }
  const real = JSON.parse(formatSarif([], sarifOptions({ projectUrl: 'https://github.com/someone/v6ready' }))).runs[0].tool.driver;
  assert.equal(real.informationUri, 'https://github.com/someone/v6ready');
  assert.equal(real.rules.find((r: any) => r.id === 'bind/syntax').helpUri, 'https://github.com/someone/v6ready/blob/main/docs/rules.md#bindsyntax');
  // A rule without an example has no empty Example section in its help either.
  const internal = placeholder.rules.find((r: any) => r.id === 'v6ready/internal-error');
  assert.doesNotMatch(internal.help.text, /Example:|Instead:/);
  assert.doesNotMatch(internal.help.markdown, /\*\*Example\*\*|\*\*Instead\*\*/);
});

test('sarif: at most 25,000 results per run (GitHub refuses more), the least severe left out, and a notification says how many', () => {
  const total = SARIF_MAX_RESULTS + 3;
  const text = 'x\n'.repeat(total);
  const findings: Finding[] = [];
  for (let i = 0; i < total; i++) findings.push(finding('bind/non-canonical-ipv6', 'hint', i * 2));
  // Two errors at the very end: they stay, and two of the hints (the last ones) go with the third extra.
  findings[total - 1] = finding('bind/ipv6-in-listen-on', 'error', (total - 1) * 2);
  findings[total - 2] = finding('bind/ipv6-in-listen-on', 'error', (total - 2) * 2);
  const run0 = JSON.parse(formatSarif([fileReport('named.conf', text, findings)], sarifOptions())).runs[0];
  assert.equal(run0.results.length, SARIF_MAX_RESULTS);
  assert.equal(run0.results.filter((r: any) => r.level === 'error').length, 2);
  assert.equal(run0.results.at(-1).level, 'error', 'kept results stay in file order');
  const notes = run0.invocations[0].toolExecutionNotifications;
  assert.equal(notes.length, 1);
  assert.equal(notes[0].level, 'warning');
  assert.match(notes[0].message.text, /^3 of 25003 results were left out/);
  assert.equal(run0.invocations[0].executionSuccessful, true, 'leaving results out is not a failed run');
  // Under the limit: every result, no notification.
  const small = JSON.parse(formatSarif([fileReport('named.conf', text, findings.slice(0, 10))], sarifOptions())).runs[0];
  assert.equal(small.results.length, 10);
  assert.deepEqual(small.invocations, [{ executionSuccessful: true }]);
});

test('sarif: executionSuccessful is false when an input could not be read, with a notification per problem naming its path', () => {
  const problems = [
    { message: 'gone.conf: no such file or directory (ENOENT)', path: 'gone.conf' },
    { message: 'cannot read directory etc/locked: permission denied (EACCES)', path: 'etc/locked' },
  ];
  const inv = JSON.parse(formatSarif([], sarifOptions({ problems }))).runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.deepEqual(
    inv.toolExecutionNotifications.map((n: any) => [n.level, n.message.text, n.locations[0].physicalLocation.artifactLocation.uri]),
    [
      ['error', problems[0].message, 'gone.conf'],
      ['error', problems[1].message, 'etc/locked'],
    ],
  );
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), SEED);
    const r = run(['check', '--format', 'sarif', 'named.conf', 'missing/named.conf'], { cwd: dir });
    assert.equal(r.code, 2, 'an input that cannot be read is exit 2, as in text output');
    const run0 = JSON.parse(r.stdout).runs[0];
    assert.equal(run0.invocations[0].executionSuccessful, false);
    const note = run0.invocations[0].toolExecutionNotifications[0];
    assert.match(note.message.text, /missing\/named\.conf: no such file or directory/);
    assert.equal(note.locations[0].physicalLocation.artifactLocation.uri, 'missing/named.conf');
    assert.ok(run0.results.some((x: any) => x.ruleId === 'bind/ipv6-in-listen-on'), 'the file that could be read is still reported');
    const ok = JSON.parse(run(['check', '--format', 'sarif', 'named.conf'], { cwd: dir }).stdout).runs[0];
    assert.deepEqual(ok.invocations, [{ executionSuccessful: true }]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('sarif: text read from stdin is the relative URI "stdin" (text and JSON keep "-")', () => {
  const unit = JSON.parse(formatSarif([fileReport('-', SEED, [finding('bind/ipv6-in-listen-on', 'error', 30)], { stdin: true })], sarifOptions())).runs[0];
  assert.deepEqual(unit.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'stdin' });
  const sarif = JSON.parse(run(['check', '--format', 'sarif', '--language', 'bind-named', '-'], { input: SEED }).stdout).runs[0];
  assert.deepEqual(sarif.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'stdin' });
  const json = JSON.parse(run(['check', '--format', 'json', '--language', 'bind-named', '-'], { input: SEED }).stdout);
  assert.equal(json.files[0].path, '-');
  assert.equal(json.files[0].absolutePath, undefined, 'stdin has no file');
});

test('json: every related entry names its file (shown and absolute path), also in the finding\'s own file', () => {
  const text = 'acl a { 10.0.0.0/8; };\nacl a { 10.0.0.0/8; };\n';
  const other = fileReport('g/one.conf', '\nacl b { any; };\n', []);
  const f = finding('bind/duplicate', 'error', 27, [
    { span: { start: 0, end: 22 }, message: 'first definition' },
    { span: { start: 1, end: 4 }, message: 'elsewhere', file: 'g/one.conf' },
  ]);
  const out = JSON.parse(formatJson([fileReport('named.conf', text, [f])], new Map([['g/one.conf', other]])));
  assert.equal(out.files[0].absolutePath, resolve('named.conf'));
  assert.deepEqual(out.files[0].findings[0].related, [
    { path: 'named.conf', absolutePath: resolve('named.conf'), message: 'first definition', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } } },
    { path: 'g/one.conf', absolutePath: resolve('g/one.conf'), message: 'elsewhere', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } },
  ]);
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'named.conf'), text);
    const r = JSON.parse(run(['check', '--no-cache', '--format', 'json', 'named.conf'], { cwd: dir }).stdout);
    const dup = r.files[0].findings.find((x: any) => x.rule === 'bind/duplicate');
    assert.equal(dup.related[0].path, 'named.conf');
    assert.equal(dup.related[0].absolutePath, join(dir, 'named.conf'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('ignore patterns: in order, a later !pattern re-includes what an earlier one ignored (as .gitignore)', () => {
  const cases: [string, string[], boolean][] = [
    ['legacy/named.conf', ['legacy/**'], true],
    ['legacy/named.conf', ['legacy/**', '!legacy/named.conf'], false],
    ['legacy/old/named.conf', ['legacy/**', '!legacy/named.conf'], true],
    ['legacy/named.conf', ['legacy/**', '!legacy/named.conf', 'legacy/**'], true],
    ['legacy/named.conf', ['legacy/', '!named.conf'], false],
    ['a/x.orig', ['*.orig', '!a/*'], false],
    ['b/x.orig', ['*.orig', '!a/*'], true],
    // A negation on its own re-includes nothing that was not ignored, and ignores nothing.
    ['named.conf', ['!named.conf'], false],
    ['!odd.conf', ['\\!odd.conf'], true],
    ['odd.conf', ['\\!odd.conf'], false],
  ];
  for (const [p, globs, want] of cases) assert.equal(isIgnored(p, globs), want, `${p} vs ${globs.join(',')}`);
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'legacy', 'old'), { recursive: true });
    writeFileSync(join(dir, '.v6ready.json'), JSON.stringify({ ignore: ['legacy/**', '!legacy/named.conf'] }));
    for (const p of ['named.conf', 'legacy/named.conf', 'legacy/old/named.conf']) writeFileSync(join(dir, p), SEED);
    const r = run(['check', '--no-cache', '--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: any) => f.path).sort(), ['legacy/named.conf', 'named.conf']);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('explain prints only the sections a rule has text for; every rule has its summary, why and fix', () => {
  for (const r of allRules()) {
    for (const k of ['summary', 'why', 'fix'] as const) assert.ok(r.docs[k].trim() !== '' && !/^(todo|tbd|xxx)\b|^\.\.\.$/i.test(r.docs[k].trim()), `${r.id}: docs.${k}`);
    const text = explainText(r);
    assert.doesNotMatch(text, /^## [^\n]+\n(\n|$)/m, `${r.id}: a heading with nothing under it`);
    assert.equal(/^## Example$/m.test(text), r.docs.bad.trim() !== '', `${r.id}: Example section iff docs.bad`);
    assert.equal(/^## Instead$/m.test(text), r.docs.good.trim() !== '', `${r.id}: Instead section iff docs.good`);
  }
  // The core rules that have an example say so; internal-error (a bug, no config causes it) has none.
  for (const id of ['v6ready/include', 'v6ready/byte-order-mark', 'v6ready/large-file', 'v6ready/too-many-problems']) assert.ok(findRule(id)!.docs.bad.trim(), id);
  const e = run(['explain', 'v6ready/internal-error']);
  assert.equal(e.code, 0);
  assert.match(e.stdout, /## Why it matters\n/);
  assert.doesNotMatch(e.stdout, /## (Example|Instead|References)/);
  assert.match(run(['explain', 'v6ready/large-file']).stdout, /## Example\n\/\/ named\.conf/);
  // A rule not about IPv6 says that its warnings do not decide readiness; an IPv6 rule does not.
  assert.match(explainText(findRule('sshd/deprecated-keyword')!), /^## Readiness\nThis rule is about correctness in general, not about IPv6/m);
  assert.doesNotMatch(explainText(findRule('sshd/ipv4-only')!), /## Readiness/);
});

test('report to stdout: links are relative to the current folder, not to the report\'s root', () => {
  const href = reportHref('/srv/conf');
  assert.equal(href({ path: '/srv/conf/rp/apache2/apache2.conf', line: 3 }), 'rp/apache2/apache2.conf#L3');
  assert.equal(href({ path: '/srv/other dir/a#b (1).conf', line: 1 }), '../other%20dir/a%23b%20%281%29.conf#L1');
  const dir = tempDir();
  try {
    mkdirSync(join(dir, 'rp', 'apache2'), { recursive: true });
    writeFileSync(join(dir, 'rp', 'apache2', 'apache2.conf'), 'Listen 127.0.0.1:80\n');
    for (const format of ['html', 'md']) {
      const r = run(['report', '--format', format, 'rp'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const links = [...r.stdout.matchAll(format === 'html' ? /href="([^"#][^"]*)#L\d+"/g : /\]\(([^)#]+)#L\d+\)/g)].map((m) => decodeURI(m[1]));
      assert.ok(links.length > 0, `links in the ${format} report`);
      for (const l of links) assert.ok(statSync(join(dir, l)).isFile(), `${format}: ${l} from the current folder`);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('README lists every rule in its rules table', () => {
  const readme = readFileSync('README.md', 'utf8');
  const missing = allRules().filter((r) => !readme.includes(`| \`${r.id}\` |`)).map((r) => r.id);
  assert.deepEqual(missing, []);
});
