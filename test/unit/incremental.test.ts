// The editor's fast path (core/incremental.ts) against a full analysis: on random edits inside the local segments
// (BIND zone statements, Apache top-level <VirtualHost> sections) of every fixture, example and corpus file of the
// dialect, chained so that each edit starts from the state the previous one left, the findings of the syntax check and
// of every rule declaring `scope: 'statement'` are exactly those of a full analysis of the same text, and where the
// state says it is exact, all findings are. This is what holds each rule to the scope it declares: a rule that looks
// across zones or virtual hosts and claims 'statement' fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { analyzeChange, diffTexts, incrementalStateOf, localSegments, rehearseEdit, trimChange, type IncrementalState } from '../../server/src/core/incremental';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings';
import type { Dialect, Finding } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text';
import { apacheDialect } from '../../server/src/dialects/apache/index';
import type { ApacheModel } from '../../server/src/dialects/apache/model';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { CORPUS, walkFiles } from '../fixture-lib';

/** The syntax check and the rules the fast path re-runs on the edited segment. */
const scopedRules = (dialect: Dialect) => new Set([`${dialect.name}/syntax`, ...dialect.rules.filter((r) => r.scope === 'statement').map((r) => r.id)]);
// A related location by its offsets (a rule may hand over a richer node as its span; the state keeps start and end).
const key = (f: Finding) => JSON.stringify([f.span.start, f.span.end, f.rule, f.severity, f.message, f.fixes, (f.related ?? []).map((r) => [r.span.start, r.span.end, r.message, r.file])]);
const keys = (fs: readonly Finding[], only?: Set<string>) => fs.filter((f) => !only || only.has(f.rule)).map(key).sort();

const BIND_INSERTS = ['a', '1', ':', '.', ' ', '\n', ';', '{', '}', '"', '#', '/', '*', '!', '2001:db8::1', '192.0.2.1', 'zone "x" { type primary; };'];
// Line structure (breaks, continuations, quotes, `#`, section tags) and what the Apache rules look at.
const APACHE_INSERTS = [
  'a', '1', ':', '.', ' ', '\n', '\r\n', '\\', '\\\n', '"', "'", '#', '<', '>', '/', '*', '${X}',
  '2001:db8::1', '192.0.2.1', '[::1]:80', ' # note', '\n</VirtualHost>\n', '\n<Directory /srv>\n', '\n</Directory>\n', '\n<IfDefine X>\n', '\n</IfDefine>\n',
  '\nServerName [::1]\n', '\nRequire ip 127.0.0.1\n', '\nListen 8080\n', '\nDefine X\n', '\nInclude x.conf\n', '\nLoadModule ssl_module x.so\n', '\nUse M 1\n',
  '\nProxyPass / http://2001:db8::1:8080/\n', '\nNameVirtualHost *:80\n', '\nAsyncFilter request\n', '\nSSLEngine on\n', '\nListenV6 80\n', '\nKeepAlive maybe\n',
];

function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
}

interface Tally {
  edits: number;
  fast: number;
  exact: number;
  /**
   * Per statement-scoped rule: fast-path edits after which it reports inside the edited segment (found again there)
   * or outside every local segment (what the edit must leave as it was).
   */
  exercised: Map<string, { inside: number; outside: number }>;
}

const newTally = (): Tally => ({ edits: 0, fast: 0, exact: 0, exercised: new Map() });

interface EditRun {
  dialect: Dialect;
  inserts: readonly string[];
  settings?: Settings;
}

/** Up to `count` chained edits inside local segments of `text`; every fast result checked against a full analysis. */
function checkEdits({ dialect, inserts, settings = DEFAULT_SETTINGS }: EditRun, label: string, text: string, count: number, seed: number, tally: Tally): void {
  const rnd = rng(seed);
  const scoped = scopedRules(dialect);
  const full0 = analyze(dialect, text, settings);
  let state: IncrementalState | undefined = incrementalStateOf(full0, settings, {});
  for (let n = 0; n < count && state; n++) {
    let locals = localSegments(state).filter((s) => s.end - s.start > 2);
    // An edit may leave no local segment (the file's only virtual host now holds a Listen): start again from the file.
    if (locals.length === 0 && state.text !== text) {
      state = incrementalStateOf(full0, settings, {})!;
      locals = localSegments(state).filter((s) => s.end - s.start > 2);
    }
    if (locals.length === 0) return;
    const seg = locals[Math.floor(rnd() * locals.length)];
    const at = seg.start + 1 + Math.floor(rnd() * (seg.end - seg.start - 2));
    const del = rnd() < 0.4 ? Math.min(1 + Math.floor(rnd() * 3), seg.end - 1 - at) : 0;
    const ins = rnd() < 0.8 ? inserts[Math.floor(rnd() * inserts.length)] : '';
    const newText = state.text.slice(0, at) + ins + state.text.slice(at + del);
    const what = `${label}, edit ${n}: ${JSON.stringify(state.text.slice(at, at + del))} -> ${JSON.stringify(ins)} at ${at}`;
    tally.edits++;
    // Every other edit comes as the editor reports it (its range and text), the rest are found by comparing the texts.
    const reported = n % 2 ? { start: at, end: at + del, text: ins } : undefined;
    const fast = analyzeChange(dialect, state, newText, settings, {}, reported);
    const full = analyze(dialect, newText, settings);
    if (fast) {
      tally.fast++;
      assert.deepEqual(keys(fast.findings, scoped), keys(full.findings, scoped), `${what}: statement-scoped findings differ`);
      if (fast.state.exact) {
        tally.exact++;
        assert.deepEqual(keys(fast.findings), keys(full.findings), `${what}: an exact state differs`);
      }
      assert.equal(fast.lines.lineCount, full.lines.lineCount, what);
      const end = seg.end + ins.length - del;
      const locals = localSegments(fast.state);
      const inside = new Set<string>();
      const outside = new Set<string>();
      for (const f of fast.findings) {
        if (!scoped.has(f.rule)) continue;
        if (f.span.start >= seg.start && f.span.start < end) inside.add(f.rule);
        else if (!locals.some((l) => f.span.start >= l.start && f.span.start < l.end)) outside.add(f.rule);
      }
      for (const rule of new Set([...inside, ...outside])) {
        const e = tally.exercised.get(rule) ?? { inside: 0, outside: 0 };
        if (inside.has(rule)) e.inside++;
        if (outside.has(rule)) e.outside++;
        tally.exercised.set(rule, e);
      }
      state = fast.state;
    } else {
      state = incrementalStateOf(full, settings, {});
    }
  }
}

const notMarkdown = (f: string) => !f.endsWith('.md') && !f.endsWith('.tsv');
const files = [...walkFiles('test/fixtures/bind'), ...walkFiles('examples/bind'), 'examples/named.conf'].filter(notMarkdown);
const corpusFiles = walkFiles(path.join(CORPUS, 'bind'));
const apacheFiles = [...walkFiles('test/fixtures/apache'), ...walkFiles('examples/apache2'), 'examples/httpd.conf'].filter(notMarkdown);
const apacheCorpusFiles = walkFiles(path.join(CORPUS, 'apache')).filter(notMarkdown);
const BIND: EditRun = { dialect: bindDialect, inserts: BIND_INSERTS };
const APACHE: EditRun = { dialect: apacheDialect, inserts: APACHE_INSERTS };

test('fast path = full analysis for statement-scoped rules, on chained random edits of fixtures and examples', () => {
  const tally = newTally();
  files.forEach((f, i) => checkEdits(BIND, f, readFileSync(f, 'utf8'), 12, 1000 + i, tally));
  console.log(`fixtures: ${files.length} files, ${tally.edits} edits, ${tally.fast} on the fast path`);
  assert.ok(tally.fast > tally.edits / 3, `only ${tally.fast} of ${tally.edits} edits took the fast path`);
});

test('fast path = full analysis on the shared BIND corpus', { skip: corpusFiles.length ? false : `no corpus at ${CORPUS}` }, () => {
  const tally = newTally();
  corpusFiles.forEach((f, i) => checkEdits(BIND, f, readFileSync(f, 'latin1'), 6, 7000 + i, tally));
  console.log(`corpus: ${corpusFiles.length} files, ${tally.edits} edits, ${tally.fast} on the fast path`);
  assert.ok(tally.fast > 0);
});

test('with the whole-file rules off, the fast path is exact', () => {
  const settings = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, 'bind/duplicate': 'off' as const, 'bind/policy-zone-type': 'off' as const } };
  const text = 'acl v4 { 192.0.2.0/24; };\noptions { listen-on { 127.0.0.1; }; };\n' + Array.from({ length: 50 }, (_, i) => `zone "z${i}.test" {\n\ttype secondary;\n\tprimaries { 192.0.2.${i}; };\n\tallow-query { v4; };\n};\n`).join('');
  let state = incrementalStateOf(analyze(bindDialect, text, settings), settings, {})!;
  const at = text.indexOf('192.0.2.7;');
  const newText = text.slice(0, at) + '2001:db8::7;' + text.slice(at + '192.0.2.7;'.length);
  const fast = analyzeChange(bindDialect, state, newText, settings, {});
  assert.ok(fast && fast.state.exact);
  assert.deepEqual(keys(fast.findings), keys(analyze(bindDialect, newText, settings).findings));
  state = fast.state;
  assert.equal(state.text, newText);
});

test('the fast path refuses what it cannot prove', () => {
  const text = 'options { directory "/x"; };\nzone "a.test" { type primary; file "a.db"; };\nzone "b.test" { type primary; file "b.db"; };\n';
  const state = incrementalStateOf(analyze(bindDialect, text, DEFAULT_SETTINGS), DEFAULT_SETTINGS, {})!;
  const edit = (from: string, to: string) => analyzeChange(bindDialect, state, text.replace(from, to), DEFAULT_SETTINGS, {});
  assert.ok(edit('"a.db"', '"c.db"'), 'an edit inside a zone takes the fast path');
  assert.equal(edit('"/x"', '"/y"'), undefined, 'an edit in options (a global statement) does not');
  assert.equal(edit('file "a.db"; };', 'file "a.db";'), undefined, 'a zone that no longer ends where it did does not');
  assert.equal(edit('"a.db"; };\nzone', '"a.db"; }; zone'), undefined, 'an edit across two statements does not');
  assert.equal(analyzeChange(bindDialect, state, text.replace('a.db', 'c.db'), { ...DEFAULT_SETTINGS }, {}), undefined, 'other settings do not');
  const suppressed = text.replace('file "b.db";', 'file "b.db"; // v6ready-disable-file bind/zone-missing-file');
  const s2 = incrementalStateOf(analyze(bindDialect, suppressed, DEFAULT_SETTINGS), DEFAULT_SETTINGS, {})!;
  assert.equal(analyzeChange(bindDialect, s2, suppressed.replace('a.db', 'c.db'), DEFAULT_SETTINGS, {}), undefined, 'a directive in a zone blanked away does not');
  assert.equal(edit('file "a.db"; };', 'file "a.db";\n// v6ready-disable-file bind/zone-missing-file\n};'), undefined, 'a directive typed into the zone does not');
});

/** Parse each file with random subsets of its top-level segments skipped, and with them blanked: the same result. */
function checkSkipEqualsBlanked(dialect: Dialect, files: readonly string[], tree?: (model: any) => unknown): number {
  const blank = (t: string) => t.replace(/[^\r\n]/g, ' ');
  let compared = 0;
  for (const [n, file] of files.entries()) {
    const text = readFileSync(file, 'utf8');
    const statements = dialect.segments!(analyze(dialect, text).parse.model);
    if (statements.length < 2) continue;
    const rnd = rng(n + 1);
    for (let round = 0; round < 3; round++) {
      // Any subset of top-level statements, local or not, as the scanner must not care which.
      const chosen = statements.filter(() => rnd() < 0.5);
      let blanked = '';
      let at = 0;
      for (const s of chosen) {
        blanked += text.slice(at, s.start) + blank(text.slice(s.start, s.end));
        at = s.end;
      }
      blanked += text.slice(at);
      const skip = { start: chosen.map((s) => s.start), end: chosen.map((s) => s.end), count: chosen.length };
      const a = dialect.parse(text, skip);
      const b = dialect.parse(blanked);
      assert.deepEqual(a.syntaxFindings, b.syntaxFindings, `${file}: syntax findings`);
      assert.deepEqual(a.comments, b.comments, `${file}: comments`);
      assert.deepEqual(dialect.segments!(a.model), dialect.segments!(b.model), `${file}: statements`);
      if (tree) assert.deepEqual(tree(a.model), tree(b.model), `${file}: syntax tree`);
      compared++;
    }
  }
  return compared;
}

test('parsing with skip ranges equals parsing the text with those statements blanked', () => {
  const compared = checkSkipEqualsBlanked(bindDialect, [...files, ...corpusFiles]);
  assert.ok(compared > 100, `only ${compared} comparisons`);
});

test('Apache: parsing with skip ranges equals parsing the text with those sections and directives blanked', () => {
  // The whole syntax tree too: every kept directive with its arguments, offsets and line ends.
  const compared = checkSkipEqualsBlanked(apacheDialect, [...apacheFiles, ...apacheCorpusFiles], (m: ApacheModel) => m.cst);
  assert.ok(compared > 100, `only ${compared} comparisons`);
});

// Global Listens that hostname-listen and listen-conflict report on, beside virtual hosts to edit.
const LISTENS = 'Listen localhost:8080\nListen [::]:8088\nListen 192.0.2.1:8088\nRequire ip 10.0.0.1\n' + Array.from({ length: 4 }, (_, i) => `<VirtualHost 192.0.2.${i}:80>\n    ServerName s${i}.example.org\n    Require ip 127.0.0.1\n</VirtualHost>\n`).join('');

test('Apache: fast path = full analysis for statement-scoped rules, on chained random edits of fixtures, examples and the corpus', () => {
  const fixtures = newTally();
  apacheFiles.forEach((f, i) => checkEdits(APACHE, f, readFileSync(f, 'utf8'), 24, 3000 + i, fixtures));
  checkEdits(APACHE, 'LISTENS', LISTENS, 40, 2999, fixtures);
  console.log(`apache fixtures and examples: ${apacheFiles.length + 1} texts, ${fixtures.edits} edits, ${fixtures.fast} on the fast path`);
  assert.ok(fixtures.fast > fixtures.edits / 3, `only ${fixtures.fast} of ${fixtures.edits} edits took the fast path`);
  const corpus = newTally();
  apacheCorpusFiles.forEach((f, i) => checkEdits(APACHE, f, readFileSync(f, 'latin1'), 24, 9000 + i, corpus));
  console.log(`apache corpus: ${apacheCorpusFiles.length} files, ${corpus.edits} edits, ${corpus.fast} on the fast path`);
  assert.ok(apacheCorpusFiles.length === 0 || corpus.fast > 0, 'no corpus edit took the fast path');
  // Every declared scope is put to the test: each such rule reported, after some fast-path edit, inside the edited
  // virtual host (found again there) or in the global part of the file (left as it was).
  const exercised = new Map(fixtures.exercised);
  for (const [rule, n] of corpus.exercised) {
    const e = exercised.get(rule) ?? { inside: 0, outside: 0 };
    exercised.set(rule, { inside: e.inside + n.inside, outside: e.outside + n.outside });
  }
  console.log(`apache rules reporting after fast-path edits (inside the edited <VirtualHost> / in global nodes): ${[...exercised].sort().map(([r, n]) => `${r} ${n.inside}/${n.outside}`).join(', ')}`);
  const idle = [...scopedRules(apacheDialect)].filter((r) => !exercised.has(r));
  assert.deepEqual(idle, [], 'statement-scoped rules never exercised by an edit on the fast path');
});

test('Apache: with the whole-file rule off, the fast path is exact on the same edits', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, 'apache/ipv4-only-listen': 'off' } };
  const tally = newTally();
  apacheFiles.forEach((f, i) => checkEdits({ ...APACHE, settings }, f, readFileSync(f, 'utf8'), 12, 3000 + i, tally));
  assert.ok(tally.fast > 0);
  assert.equal(tally.exact, tally.fast, 'every fast-path state is exact');
});

const VHOSTS = Array.from({ length: 6 }, (_, i) => `<VirtualHost 192.0.2.${i}:80>\n    ServerName s${i}.example.org\n    <Directory /srv/s${i}>\n        Require ip 127.0.0.1\n    </Directory>\n</VirtualHost>\n`);
const HTTPD = `Listen 80\nServerRoot /etc/httpd\n<IfModule mod_ssl.c>\n<VirtualHost [::1]:443>\n    ServerName nested.example.org\n</VirtualHost>\n</IfModule>\n${VHOSTS.join('')}`;

test('Apache segments: each top-level node whole; a top-level <VirtualHost> that nothing else reads is local', () => {
  const segments = apacheDialect.segments!(apacheDialect.parse(HTTPD).model);
  assert.deepEqual(segments.map((s) => HTTPD.slice(s.start, s.end).split('\n')[0]), ['Listen 80', 'ServerRoot /etc/httpd', '<IfModule mod_ssl.c>', ...VHOSTS.map((v) => v.split('\n')[0])]);
  assert.deepEqual(segments.map((s) => s.local), [false, false, false, true, true, true, true, true, true]);
  // From the `<` of the header to the `>` of the closing tag: the edit test "strictly inside" keeps both.
  const last = segments[segments.length - 1];
  assert.equal(HTTPD.slice(last.start, last.end), VHOSTS[5].slice(0, -1));
  const local = (body: string) => apacheDialect.segments!(apacheDialect.parse(`Listen 80\n<VirtualHost *:80>\n${body}\n</VirtualHost>\n`).model)[1].local;
  assert.equal(local('ServerName a'), true);
  for (const body of ['Define TLS', 'Include x.conf', 'IncludeOptional x/*.conf', 'ServerRoot /x', 'LoadModule ssl_module x.so', 'Listen 8080', '<IfModule x>\n<Macro M>\n</Macro>\n</IfModule>']) {
    assert.equal(local(body), false, `a <VirtualHost> holding ${JSON.stringify(body)}`);
  }
  assert.equal(apacheDialect.segments!(apacheDialect.parse('<VirtualHost *:80>\nServerName a\n').model)[0].local, false, 'an unclosed one');
  assert.equal(local('<Directory /a>\n'.repeat(70) + '</Directory>\n'.repeat(70)), false, 'nesting the parser flattens');
  // A section a macro's Use opens starts at that Use line: one global segment, not two overlapping ones.
  const macro = '<Macro V $n>\n<VirtualHost *:80>\n</Macro>\nUse V a\nServerName a\n</VirtualHost>\n<VirtualHost *:81>\n</VirtualHost>\n';
  const m = apacheDialect.segments!(apacheDialect.parse(macro).model);
  assert.deepEqual(m.map((s) => [macro.slice(s.start, s.end).split('\n')[0], s.local]), [['<Macro V $n>', false], ['Use V a', false], ['<VirtualHost *:81>', true]]);
});

test('Apache: the fast path takes an edit inside a virtual host and refuses what it cannot prove', () => {
  // A fresh state for each edit: an accepted one moves the state's findings in place.
  const edit = (from: string, to: string) => {
    assert.ok(HTTPD.includes(from), from);
    const state = incrementalStateOf(analyze(apacheDialect, HTTPD), DEFAULT_SETTINGS, {})!;
    return analyzeChange(apacheDialect, state, HTTPD.replace(from, to), DEFAULT_SETTINGS, {});
  };
  const scoped = scopedRules(apacheDialect);
  for (const [from, to] of [['Require ip 127.0.0.1\n    </Directory>\n</VirtualHost>\n<VirtualHost 192.0.2.3:80>', 'Require ip 127.0.0.1 ::1\n    </Directory>\n</VirtualHost>\n<VirtualHost 192.0.2.3:80>'], ['ServerName s4.example.org', 'ServerName [::1]']]) {
    const fast = edit(from, to);
    assert.ok(fast, `an edit inside a <VirtualHost> takes the fast path: ${to}`);
    assert.deepEqual(keys(fast.findings, scoped), keys(analyze(apacheDialect, fast.state.text).findings, scoped));
  }
  assert.equal(edit('Listen 80', 'Listen 8080'), undefined, 'an edit of a global directive does not');
  assert.equal(edit('nested.example.org', 'n.example.org'), undefined, 'nor one inside a <VirtualHost> nested in <IfModule>');
  assert.equal(edit('ServerName s2.example.org', 'ServerName s2.example.org\n    Listen 8080'), undefined, 'nor one that adds what the rest of the file reads');
  assert.equal(edit('ServerName s2.example.org', 'ServerName s2.example.org\n</VirtualHost>'), undefined, 'nor one that closes the section early');
  assert.equal(edit('    </Directory>\n</VirtualHost>\n<VirtualHost 192.0.2.2:80>', '    </Directory>\n\n<VirtualHost 192.0.2.2:80>'), undefined, 'nor one across two sections');
  assert.equal(edit('ServerName s2.example.org', 'ServerName s2.example.org \\'), undefined, 'nor a continuation that joins a section header to a directive');
  const suppressed = HTTPD.replace('ServerName s5.example.org', '# v6ready-disable-file apache/ipv4-only-vhost\n    ServerName s5.example.org');
  const s2 = incrementalStateOf(analyze(apacheDialect, suppressed), DEFAULT_SETTINGS, {})!;
  assert.equal(analyzeChange(apacheDialect, s2, suppressed.replace('s1.example.org', 's9.example.org'), DEFAULT_SETTINGS, {}), undefined, 'a directive in a skipped virtual host does not');
  // It would reach the findings of every other virtual host, which the fast path does not see.
  assert.equal(edit('ServerName s1.example.org', 'ServerName s1.example.org\n    # v6ready-disable-file apache/ipv4-only-access'), undefined, 'nor one typed into the edited virtual host');
});

test('diffTexts finds the smallest change', () => {
  assert.deepEqual(diffTexts('abcdef', 'abXdef'), { start: 2, end: 3, text: 'X' });
  assert.deepEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, end: 4, text: 'a' });
  assert.deepEqual(diffTexts('abc', 'ac'), { start: 1, end: 2, text: '' });
  assert.equal(diffTexts('same', 'same'), undefined);
  const big = 'x'.repeat(20000);
  for (const at of [0, 4095, 4096, 9000, 19999]) {
    assert.deepEqual(diffTexts(big, big.slice(0, at) + 'y' + big.slice(at + 1)), { start: at, end: at + 1, text: 'y' }, `at ${at}`);
  }
  assert.deepEqual(diffTexts(big, big + 'x'), { start: 20000, end: 20000, text: 'x' });
});

test('LineIndex.edited equals a new index, CR LF and lone CR included', () => {
  const rnd = rng(99);
  const alphabet = ['a', '\n', '\r', '\r\n', ' ', 'xy'];
  const pick = () => alphabet[Math.floor(rnd() * alphabet.length)];
  for (let n = 0; n < 3000; n++) {
    let text = '';
    for (let i = Math.floor(rnd() * 12); i > 0; i--) text += pick();
    const start = Math.floor(rnd() * (text.length + 1));
    const end = start + Math.floor(rnd() * (text.length - start + 1));
    let inserted = '';
    for (let i = Math.floor(rnd() * 4); i > 0; i--) inserted += pick();
    const newText = text.slice(0, start) + inserted + text.slice(end);
    const got = new LineIndex(text).edited(newText, start, end, inserted);
    const want = new LineIndex(newText);
    const starts = (l: LineIndex) => Array.from({ length: l.lineCount }, (_, i) => l.lineStart(i));
    assert.deepEqual(starts(got), starts(want), `${JSON.stringify(text)} [${start},${end}) <- ${JSON.stringify(inserted)}`);
  }
});

test('a rehearsal of the fast path leaves the state as it was, and finds what a full analysis of its edit finds', () => {
  const text = readFileSync('examples/named.conf', 'utf8') + Array.from({ length: 12 }, (_, i) => `zone "r${i}.example" {\n\ttype master;\n\tfile "db.r${i}";\n};\n`).join('');
  const settings = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, 'bind/duplicate': 'off' as const, 'bind/policy-zone-type': 'off' as const } };
  const state = incrementalStateOf(analyze(bindDialect, text, settings), settings, {})!;
  const before = JSON.stringify([state.findings, state.outside, [...state.segments.start], [...state.segments.end], state.text]);
  let rehearsed = 0;
  for (let round = 0; round < 6; round++) {
    const r = rehearseEdit(bindDialect, state, round);
    assert.ok(r, `round ${round} took the fast path`);
    assert.notEqual(r.state.text, text);
    assert.equal(r.state.text.replace(/ /g, ''), text.replace(/ /g, ''), 'the edit inserts one blank');
    // Its findings in the edited zone are a full analysis's there (the rehearsal carries no others along).
    const at = diffTexts(text, r.state.text)!.start;
    const zone = localSegments(r.state).find((z) => z.start < at && at < z.end)!;
    const inZone = (f: Finding) => f.span.start >= zone.start && f.span.start < zone.end;
    const full = analyze(bindDialect, r.state.text, settings).findings.filter(inZone);
    assert.ok(full.length > 0, `round ${round}: the zone has findings to compare`);
    assert.deepEqual(keys(r.findings.filter(inZone)), keys(full));
    rehearsed++;
  }
  assert.equal(rehearsed, 6);
  assert.equal(JSON.stringify([state.findings, state.outside, [...state.segments.start], [...state.segments.end], state.text]), before, 'the state is untouched');
});

test('a change as the editor reports it is trimmed to what it changes, and is what the fast path uses', () => {
  const before = 'zone "a.test" { type primary; };';
  const at = before.indexOf('primary');
  // A word replaced by itself plus a character: only the character is new.
  assert.deepEqual(trimChange(before, { start: at, end: at + 7, text: 'primaryx' }), { start: at + 7, end: at + 7, text: 'x' });
  assert.deepEqual(trimChange(before, { start: at, end: at + 7, text: 'xprimary' }), { start: at, end: at, text: 'x' });
  assert.deepEqual(trimChange(before, { start: at, end: at + 7, text: 'secondary' }), { start: at, end: at + 4, text: 'second' }, 'both end in -ary');
  assert.deepEqual(trimChange(before, { start: at, end: at + 7, text: 'master' }), { start: at, end: at + 7, text: 'master' });
  assert.equal(trimChange(before, { start: at, end: at + 7, text: 'primary' }), undefined, 'a replacement by the same text changes nothing');

  // The fast path takes the reported change without comparing the texts (the server reports only what the editor sent,
  // which is what made the new text).
  const text = 'zone "a.test" { type primary; file "a.db"; };\nzone "b.test" { type primary; file "b.db"; };\n';
  const state = incrementalStateOf(analyze(bindDialect, text, DEFAULT_SETTINGS), DEFAULT_SETTINGS, {})!;
  const edited = text.replace('"b.test" { type primary', '"b.test" { type master');
  const where = text.indexOf('primary', text.indexOf('b.test'));
  const right = analyzeChange(bindDialect, state, edited, DEFAULT_SETTINGS, {}, { start: where, end: where + 7, text: 'master' });
  assert.ok(right);
  assert.deepEqual(keys(right.findings), keys(analyze(bindDialect, edited, DEFAULT_SETTINGS).findings));
  assert.ok(right.findings.some((f) => f.rule === 'bind/deprecated-syntax'));
  const wrongPlace = text.indexOf('primary');
  const wrong = analyzeChange(bindDialect, state, edited, DEFAULT_SETTINGS, {}, { start: wrongPlace, end: wrongPlace + 7, text: 'master' });
  assert.equal(wrong, undefined, 'told the wrong place, it finds the statement there does not end where the change would put its end, and refuses');
  // A reported change that does not fit the texts' lengths is not used: the texts are compared instead.
  const misfit = analyzeChange(bindDialect, state, edited, DEFAULT_SETTINGS, {}, { start: wrongPlace, end: wrongPlace + 7, text: 'mastr' });
  assert.deepEqual(misfit && keys(misfit.findings), keys(right.findings));
});
