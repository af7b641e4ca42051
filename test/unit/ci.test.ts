// CI use of the CLI: SARIF validated against the SARIF 2.1.0 JSON schema (the file the Microsoft SARIF SDK ships in
// @microsoft/jest-sarif, a pinned devDependency) plus GitHub code scanning's own requirements; .v6ready.json found
// walking up from each file, with ignore globs; --max-warnings; the progress line only on a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { configSearchDirs, overlaySettings, parseSettings } from '../../server/src/core/settings';
import { isIgnored } from '../../server/src/core/globs';
import { Progress } from '../../server/src/cli/progress';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const require = createRequire(import.meta.url);
const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-ci-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  // unicodeRegExp off: the schema's `language` pattern (`...{2}]?$`) has a stray ']' that a /u regexp rejects.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

// A named.conf with an error (IPv6 in listen-on, which has a fix) and a warning (listen-on port without -v6).
const NAMED = 'options {\n\tdirectory "/var/named";\n\tlisten-on port 5353 { 127.0.0.1; 2001:db8::53; };\n};\n';
const SSHD = 'ListenAddress 192.0.2.10\n';

test('the SARIF schema is the official 2.1.0 one, and the validator rejects what breaks it', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  const validate = sarifValidator();
  assert.equal(validate({ version: '2.1.0', runs: [] }), true);
  // A result with a region whose startLine is 0 (SARIF lines are 1-based) and a bad level must fail.
  const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'loud', locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] };
  assert.equal(validate(bad), false);
  const paths = (validate.errors ?? []).map((e) => e.instancePath).join(' ');
  assert.match(paths, /level/);
  assert.match(paths, /startLine/);
});

test('sarif output validates against the SARIF 2.1.0 schema and has what GitHub code scanning needs', () => {
  const dir = workspace({ 'etc/named.conf': NAMED, 'etc/ssh/sshd_config': SSHD, 'dir with space/named.conf': NAMED });
  try {
    const r = run(['check', '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    const run0 = log.runs[0];
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'v6ready');
    for (const rule of driver.rules) {
      assert.ok(rule.help.text && rule.help.markdown, `${rule.id} has help`);
      // The project has no public home yet (PROJECT_URL is a placeholder): no links rather than dead ones.
      assert.equal(rule.helpUri, undefined, `${rule.id} has no dead helpUri`);
      assert.ok(rule.shortDescription.text && rule.fullDescription.text);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(driver.informationUri, undefined);
    assert.deepEqual(run0.invocations, [{ executionSuccessful: true }]);
    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);
    const results = run0.results;
    assert.ok(results.length >= 4, `${results.length} results`);
    const uris = new Set<string>();
    for (const res of results) {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(loc.artifactLocation.uri, /^(\/|\.|file:)/, 'relative to the repository root');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1, '1-based region');
      assert.equal(typeof res.partialFingerprints['v6readyFindingHash/v1'], 'string');
      uris.add(loc.artifactLocation.uri);
    }
    assert.deepEqual([...uris].sort(), ['dir%20with%20space/named.conf', 'etc/named.conf', 'etc/ssh/sshd_config']);
    const listen = results.find((x: any) => x.ruleId === 'bind/ipv6-in-listen-on' && x.locations[0].physicalLocation.artifactLocation.uri === 'etc/named.conf');
    assert.deepEqual(listen.locations[0].physicalLocation.region, { startLine: 3, startColumn: 35, endLine: 3, endColumn: 47 });

    // Fingerprints survive lines added above the finding; the line number does not.
    writeFileSync(join(dir, 'etc/named.conf'), '// a comment\n// another\n' + NAMED);
    const again = JSON.parse(run(['check', '--format', 'sarif', 'etc/named.conf'], dir).stdout).runs[0].results;
    const moved = again.find((x: any) => x.ruleId === 'bind/ipv6-in-listen-on');
    assert.equal(moved.locations[0].physicalLocation.region.startLine, 5);
    assert.deepEqual(moved.partialFingerprints, listen.partialFingerprints);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('.v6ready.json is found walking up from each file; the nearest wins; ignore globs are relative to it', () => {
  const dir = workspace({
    '.v6ready.json': JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'warning' }, ignore: ['vendor/**', '*.orig/named.conf'] }),
    'a/named.conf': NAMED,
    'b/.v6ready.json': JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'off' } }),
    'b/named.conf': NAMED,
    'vendor/named.conf': NAMED,
  });
  try {
    // Run from a subfolder: the file's own ancestors decide, not the current folder.
    const r = run(['check', '--format', 'json', '..'], join(dir, 'a'));
    const files = JSON.parse(r.stdout).files as { path: string; findings: { rule: string; severity: string }[] }[];
    const by = Object.fromEntries(files.map((f) => [f.path.replace(/\\/g, '/'), f.findings.filter((x) => x.rule === 'bind/ipv6-in-listen-on').map((x) => x.severity)]));
    assert.deepEqual(by['../a/named.conf'], ['warning']);
    assert.deepEqual(by['../b/named.conf'], [], 'b/.v6ready.json turns the rule off for b/');
    assert.equal(by['../vendor/named.conf'], undefined, 'vendor/** is ignored');
    // Named on the command line (as pre-commit passes files), an ignored file is still skipped.
    const named = run(['check', '--format', 'json', 'vendor/named.conf', 'a/named.conf'], dir);
    assert.deepEqual(JSON.parse(named.stdout).files.map((f: any) => f.path), ['a/named.conf']);
    // --config names one file for all, and a broken config is a clear error (exit 2).
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'info' } }));
    const explicit = run(['check', '--format', 'json', '--config', 'strict.json', 'b/named.conf'], dir);
    assert.deepEqual(JSON.parse(explicit.stdout).files[0].findings.filter((x: any) => x.rule === 'bind/ipv6-in-listen-on').map((x: any) => x.severity), ['info']);
    writeFileSync(join(dir, 'b/.v6ready.json'), '{ "rules": ');
    const broken = run(['check', 'b/named.conf'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /cannot read config .*b\/\.v6ready\.json/);
    writeFileSync(join(dir, 'b/.v6ready.json'), JSON.stringify({ ignore: 'vendor' }));
    const badIgnore = run(['check', 'b/named.conf'], dir);
    assert.equal(badIgnore.code, 2);
    assert.match(badIgnore.stderr, /'ignore' must be an array of globs/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--max-warnings: exit 1 only when warnings exceed it (errors exit 1 regardless), as ESLint', () => {
  // Only warnings: bind/listen-on-v6-port (listen-on port without listen-on-v6); the IPv6 error is turned off.
  const dir = workspace({ '.v6ready.json': JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'off' } }), 'named.conf': NAMED });
  try {
    const plain = run(['check', '--format', 'json', 'named.conf'], dir);
    const warnings = JSON.parse(plain.stdout).files[0].findings.filter((f: any) => f.severity === 'warning').length;
    assert.ok(warnings >= 1);
    assert.equal(plain.code, 0);
    assert.equal(run(['check', '--max-warnings', String(warnings), 'named.conf'], dir).code, 0);
    const over = run(['check', `--max-warnings=${warnings - 1}`, 'named.conf'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`too many warnings \\(${warnings}; --max-warnings allows ${warnings - 1}\\)`));
    // -1 is no limit, as in ESLint; other negatives and words are usage errors.
    assert.equal(run(['check', '--max-warnings', '-1', 'named.conf'], dir).code, 0);
    assert.equal(run(['check', '--max-warnings', '-2', 'named.conf'], dir).code, 2);
    assert.equal(run(['check', '--max-warnings', 'many', 'named.conf'], dir).code, 2);
    rmSync(join(dir, '.v6ready.json'));
    assert.equal(run(['check', '--max-warnings', '100', 'named.conf'], dir).code, 1, 'an error still fails');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the progress line: on a terminal only, on stderr, erased at the end; never in a pipe', () => {
  const out: string[] = [];
  let t = 0;
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    const p = new Progress({ isTTY: true, columns: 40, write: (s) => out.push(s) }, 50, () => (t += 150));
    p.update(0, 'etc/named.conf');
    p.update(1, 'a/very/long/path/that/does/not/fit/in/forty/columns/httpd.conf');
    p.done();
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
  assert.equal(out[0], '\r\u001b[2Kv6ready: [1/50] etc/named.conf');
  assert.ok(out[1].endsWith('httpd.conf') && out[1].includes('…') && out[1].length - 5 <= 39, out[1]);
  assert.equal(out[2], '\r\u001b[2K');
  const piped: string[] = [];
  const p2 = new Progress({ isTTY: false, write: (s) => piped.push(s) }, 500);
  p2.update(0, 'x');
  p2.done();
  assert.deepEqual(piped, []);
  // The real CLI with stderr a pipe (as here) writes no progress: stderr stays empty on a clean run of many files.
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`n${i}/named.conf`] = 'options { listen-on-v6 { any; }; };\n';
  const dir = workspace(files);
  try {
    const r = run(['check', '.'], dir, { CI: '' });
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /in 30 files/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('settings helpers: search folders, overlay precedence, ignore syntax', () => {
  assert.deepEqual(configSearchDirs('/w/a/b'), ['/w/a/b', '/w/a', '/w', '/']);
  assert.deepEqual(configSearchDirs('/w/a/b/', '/w'), ['/w/a/b', '/w/a', '/w']);
  assert.deepEqual(configSearchDirs('/elsewhere/x', '/w'), ['/elsewhere/x'], 'outside the workspace folder: only its own folder');
  const editor = parseSettings({ rules: { 'bind/a': 'error', 'bind/b': 'hint' }, targets: { bind: '9.20' }, run: 'onSave' }).settings;
  const project = parseSettings({ rules: { 'bind/a': 'off' }, targets: { sendmail: 'freebsd' }, run: 'onType' }).settings;
  const merged = overlaySettings(editor, project);
  assert.deepEqual(merged.rules, { 'bind/a': 'off', 'bind/b': 'hint' }, 'the project file wins per rule');
  assert.deepEqual(merged.targets, { bind: '9.20', sendmail: 'freebsd' });
  assert.equal(merged.run, 'onSave', 'run is the editor\'s');
  const cases: [string, string[], boolean][] = [
    ['vendor/x/named.conf', ['vendor/**'], true],
    ['a/vendor/named.conf', ['vendor/**'], false],
    ['a/vendor/named.conf', ['vendor'], true],
    ['a/b/x.orig', ['*.orig'], true],
    ['named.conf.old', ['/named.conf.old'], true],
    ['sub/named.conf.old', ['/named.conf.old'], false],
    ['a/b/c/db.x', ['a/**/db.*'], true],
    ['a/db.x', ['a/**/db.*'], true],
    ['legacy', ['legacy/'], false],
    ['legacy/f', ['legacy/'], true],
    ['../x/f', ['**'], false],
    ['named.conf2', ['named.conf'], false],
  ];
  for (const [p, g, want] of cases) assert.equal(isIgnored(p, g), want, `${p} vs ${g.join(',')}`);
});

test('sarif with cross-file findings: relatedLocations in the other files, still valid SARIF 2.1.0', () => {
  const r = run(['check', '--format', 'sarif', join('test', 'fixtures', 'workspace', 'aaaa-without-listener', 'apache-ipv4-listen')], process.cwd());
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const res = log.runs[0].results.find((x: any) => x.ruleId === 'workspace/aaaa-without-listener');
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/workspace/aaaa-without-listener/apache-ipv4-listen/example.net.zone');
  const rel = res.relatedLocations.map((x: any) => `${x.physicalLocation.artifactLocation.uri.split('/').pop()}:${x.physicalLocation.region.startLine}`);
  assert.deepEqual(rel, ['httpd.conf:1', 'httpd.conf:3']);
  assert.ok(log.runs[0].tool.driver.rules.some((x: any) => x.id === 'workspace/aaaa-without-listener' && x.help.text.startsWith(x.shortDescription.text)));
});

test('the progress line on a real terminal (util-linux script gives the CLI a pty): on stderr, erased at the end', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`n${i}/named.conf`] = 'options { listen-on-v6 { any; }; };\n';
  const dir = workspace(files);
  try {
    // stdout goes to a file, so only stderr is the terminal's: what script records besides it is the progress.
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check . > out.txt`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\r\u001b\[2Kv6ready: \[1\/25\] \.?\/?n0\/named\.conf/);
    assert.ok(r.stdout.endsWith('\r\u001b[2K'), 'the line is erased at the end');
    assert.match(readFileSync(join(dir, 'out.txt'), 'utf8'), /0 problems .* in 25 files/);
    assert.doesNotMatch(readFileSync(join(dir, 'out.txt'), 'utf8'), /v6ready: \[/, 'never on stdout');
  } finally {
    rmSync(dir, { recursive: true });
  }
});
