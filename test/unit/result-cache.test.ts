// The result cache of `v6ready check` (server/src/cli/result-cache.ts), on the bundled dist/cli.js: a run on
// unchanged files replays the stored output, and anything that could change the output is a miss. To tell a replay
// from a fresh analysis, the tests overwrite a stored entry's output with a marker: seeing the marker means replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { walkFiles } from '../fixture-lib';
import { MAX_ENTRIES, prune } from '../../server/src/cli/result-cache';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const MARKER = 'REPLAYED FROM THE CACHE\n';

interface Setup {
  dir: string;
  cache: string;
  run(args: string[], env?: Record<string, string>, input?: string): { code: number | null; stdout: string; stderr: string };
  entries(): string[];
  /** Overwrites every stored entry's output with MARKER (exit code kept). */
  mark(): void;
  done(): void;
}

function setup(files: Record<string, string>): Setup {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-cache-'));
  const dir = join(root, 'etc');
  const cache = join(root, 'cache');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const results = join(cache, 'v6ready', 'results');
  const entries = () => {
    try {
      return readdirSync(results).map((n) => join(results, n));
    } catch {
      return [];
    }
  };
  return {
    dir,
    cache,
    run(args, env = {}, input) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache, V6READY_NO_CACHE: '', ...env } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    entries,
    mark() {
      for (const e of entries()) {
        const bytes = readFileSync(e);
        const nl = bytes.indexOf(10);
        const header = JSON.parse(bytes.subarray(0, nl).toString());
        header.output = [[1, Buffer.byteLength(MARKER)]];
        writeFileSync(e, JSON.stringify(header) + '\n' + MARKER);
      }
    },
    done: () => rmSync(root, { recursive: true, force: true }),
  };
}

const NAMED = 'include "acls.conf";\noptions {\n\tlisten-on port 5353 { 127.0.0.1; ::1; };\n\tlisten-on-v6 { ::1; };\n};\nzone "example.com" { type primary; file "db.example"; };\n';
const ACLS = 'acl "inside" { 10.0.0.0/8; };\n';

test('a second run on unchanged files replays the first one\'s output and exit code, byte for byte', () => {
  const s = setup({ 'named.conf': NAMED, 'acls.conf': ACLS });
  try {
    const first = s.run(['check', 'named.conf']);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /bind\/ipv6-in-listen-on/);
    assert.equal(s.entries().length, 1);
    const second = s.run(['check', 'named.conf']);
    assert.deepEqual(second, first);
    s.mark();
    const third = s.run(['check', 'named.conf']);
    assert.equal(third.stdout, MARKER, 'the stored entry was replayed');
    assert.equal(third.code, 1, 'with the stored exit code');
  } finally {
    s.done();
  }
});

test('any change to what the run read, or to how it was asked, is a miss', () => {
  const s = setup({ 'named.conf': NAMED, 'acls.conf': ACLS });
  try {
    const fresh = (why: string, args = ['check', 'named.conf'], env: Record<string, string> = {}) => {
      s.mark();
      const r = s.run(args, env);
      assert.notEqual(r.stdout, MARKER, `${why}: analysed again`);
      return r;
    };
    s.run(['check', 'named.conf']);
    // The checked file edited in place, same length (one address for another).
    writeFileSync(join(s.dir, 'named.conf'), NAMED.replace('::1', '::2'));
    assert.match(fresh('the file edited').stdout, /'::2'|::2/);
    // A file it includes.
    writeFileSync(join(s.dir, 'acls.conf'), ACLS.replace('10.0.0.0/8', '10.0.0.0/9'));
    fresh('an included file edited');
    // The zone file it names appears (the folder listing changes).
    writeFileSync(join(s.dir, 'db.example'), '$TTL 1h\n@ SOA ns hostmaster 1 1h 1h 1w 1h\n@ NS ns\nns A 192.0.2.1\n');
    fresh('a named zone file appeared');
    // A .v6ready.json turning the rule off, found walking up from the file.
    writeFileSync(join(s.dir, '.v6ready.json'), JSON.stringify({ rules: { 'bind/ipv6-in-listen-on': 'off' } }));
    const off = fresh('a config file appeared');
    assert.doesNotMatch(off.stdout, /bind\/ipv6-in-listen-on/);
    // Other arguments and environment: other entries.
    assert.equal(JSON.parse(fresh('another format', ['check', '--format', 'json', 'named.conf']).stdout).version, 1);
    fresh('colour setting changed', ['check', 'named.conf'], { NO_COLOR: '' });
    // And with nothing changed, each of those is a hit again.
    s.mark();
    assert.equal(s.run(['check', '--format', 'json', 'named.conf']).stdout, MARKER);
  } finally {
    s.done();
  }
});

test('--no-cache, --timing, V6READY_NO_CACHE, --fix and stdin neither use nor store entries; exit 2 is not stored', () => {
  const s = setup({ 'named.conf': NAMED, 'acls.conf': ACLS });
  try {
    s.run(['check', '--no-cache', 'named.conf']);
    s.run(['check', '--timing', 'named.conf']);
    s.run(['check', 'named.conf'], { V6READY_NO_CACHE: '1' });
    s.run(['check', '--language', 'bind-named', '-'], {}, NAMED);
    s.run(['check', 'missing.conf', 'named.conf']);
    assert.deepEqual(s.entries(), []);
    s.run(['check', 'named.conf']);
    s.mark();
    assert.notEqual(s.run(['check', '--no-cache', 'named.conf']).stdout, MARKER);
    assert.notEqual(s.run(['check', '--timing', 'named.conf']).stdout, MARKER);
    assert.notEqual(s.run(['check', 'named.conf'], { V6READY_NO_CACHE: '1' }).stdout, MARKER);
    const fixed = s.run(['check', '--fix', 'named.conf']);
    assert.notEqual(fixed.stdout, MARKER);
    assert.match(readFileSync(join(s.dir, 'named.conf'), 'utf8'), /listen-on-v6 port 5353 \{ ::1; \};/, '--fix wrote its fixes');
    assert.equal(s.entries().length, 1);
  } finally {
    s.done();
  }
});

test('V6READY_CACHE_DIR puts the cache in that folder', () => {
  const s = setup({ 'named.conf': NAMED, 'acls.conf': ACLS });
  try {
    const dir = join(s.cache, 'elsewhere');
    s.run(['check', 'named.conf'], { V6READY_CACHE_DIR: dir });
    assert.deepEqual(s.entries(), [], 'not in the XDG folder');
    assert.equal(readdirSync(join(dir, 'results')).length, 1);
  } finally {
    s.done();
  }
});

test('a damaged or foreign entry is a miss, never an error', () => {
  const s = setup({ 'named.conf': NAMED, 'acls.conf': ACLS });
  try {
    const first = s.run(['check', 'named.conf']);
    for (const damage of [(b: Buffer) => b.subarray(0, 10), (b: Buffer) => b.subarray(0, b.length - 1), () => Buffer.from('{"format":99}\n'), () => Buffer.from([0, 1, 2, 0xff])]) {
      const [e] = s.entries();
      writeFileSync(e, damage(readFileSync(e)));
      assert.deepEqual(s.run(['check', 'named.conf']), first);
    }
  } finally {
    s.done();
  }
});

test('the cache folder keeps at most MAX_ENTRIES entries, dropping the oldest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-prune-'));
  try {
    const n = MAX_ENTRIES + 20;
    for (let i = 0; i < n; i++) {
      const f = join(dir, `e${i}`);
      writeFileSync(f, '');
      utimesSync(f, 1_000_000 + i, 1_000_000 + i);
    }
    prune(dir);
    const left = readdirSync(dir);
    assert.equal(left.length, MAX_ENTRIES);
    assert.ok(!left.includes('e0') && !left.includes('e19') && left.includes('e20') && left.includes(`e${n - 1}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI reads the disk only through cli/disk.ts, so every read is an observation the cache checks', () => {
  const READS = /\b(readFileSync|statSync|lstatSync|readdirSync|opendirSync|existsSync|realpathSync|openSync|readSync)\b/;
  const allowed = new Set(['cli/disk.ts', 'cli/boot.ts', 'cli/result-cache.ts']);
  const offenders: string[] = [];
  // The CLI bundle is server/src without the language server (lsp/, server.ts), which the CLI never loads.
  for (const file of walkFiles(join(process.cwd(), 'server', 'src'))) {
    const rel = relative(join(process.cwd(), 'server', 'src'), file);
    if (!rel.endsWith('.ts') || rel.startsWith('lsp') || rel === 'server.ts' || allowed.has(rel)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'(node:)?fs(\/promises)?'/g)) {
      if (m[3] || READS.test(m[1])) offenders.push(`${rel}: ${m[1].trim()}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the V8 code cache folder keeps the newest four caches per entry (each build writes its own)', () => {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-codecache-'));
  try {
    const dir = join(root, 'v6ready');
    mkdirSync(dir);
    const old = ['cli-aaaa-11.3.v8cache', 'cli-bbbb-11.3.v8cache', 'cli-cccc-11.3.v8cache', 'cli-dddd-11.3.v8cache', 'cli-eeee-11.3.v8cache'];
    old.forEach((n, i) => {
      writeFileSync(join(dir, n), 'old');
      utimesSync(join(dir, n), 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(join(dir, 'extension-ffff-11.3.v8cache'), 'other entry');
    utimesSync(join(dir, 'extension-ffff-11.3.v8cache'), 1_000, 1_000);
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: root, V6READY_CACHE_DIR: '', V6READY_NO_CODE_CACHE: '' } });
    assert.equal(r.status, 0, r.stderr);
    const left = readdirSync(dir).filter((n) => n.endsWith('.v8cache')).sort();
    const mine = left.filter((n) => n.startsWith('cli-') && !old.includes(n));
    assert.equal(mine.length, 1, `this build wrote its cache: ${left.join(', ')}`);
    assert.deepEqual(left.filter((n) => old.includes(n)), old.slice(2), 'the three newest old ones kept, the oldest two removed');
    assert.ok(left.includes('extension-ffff-11.3.v8cache'), "another entry's cache is not counted or removed");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('one build installed in two places: each has its own code cache, so a stack trace names its own files', () => {
  const root = mkdtempSync(join(tmpdir(), 'v6ready-places-'));
  try {
    const cache = join(root, 'cache');
    const places = ['first', 'second'].map((p) => join(root, p, 'dist'));
    for (const p of places) {
      mkdirSync(p, { recursive: true });
      for (const f of readdirSync(join(process.cwd(), 'dist'))) if (!f.endsWith('.map')) writeFileSync(join(p, f), readFileSync(join(process.cwd(), 'dist', f)));
    }
    const env = { ...process.env, XDG_CACHE_HOME: cache, V6READY_CACHE_DIR: '', V6READY_NO_CODE_CACHE: '' };
    // The first place runs and leaves its code cache.
    assert.equal(spawnSync(process.execPath, [join(places[0], 'cli.js'), '--version'], { encoding: 'utf8', env }).status, 0);
    // The second fails inside the bundle (its stdout.write throws): the internal error's stack names its own bundle.
    const preload = join(root, 'throw-on-write.cjs');
    writeFileSync(preload, "process.stdout.write = () => { throw new Error('write failed on purpose'); };\n");
    const r = spawnSync(process.execPath, ['--require', preload, join(places[1], 'cli.js'), '--version'], { encoding: 'utf8', env });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /v6ready: internal error: Error: write failed on purpose/);
    assert.ok(r.stderr.includes(join(places[1], 'cli-bundle.js')), r.stderr);
    assert.ok(!r.stderr.includes(places[0]), r.stderr);
    assert.equal(readdirSync(join(cache, 'v6ready')).filter((n) => n.startsWith('cli-') && n.endsWith('.v8cache')).length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
