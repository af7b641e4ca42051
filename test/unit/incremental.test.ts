// The editor's fast path (core/incremental.ts) against a full analysis: on random edits inside the zone statements of
// every BIND fixture, example and corpus file, chained so that each edit starts from the state the previous one left,
// the findings of the syntax check and of every rule declaring `scope: 'statement'` are exactly those of a full
// analysis of the same text, and where the state says it is exact, all findings are. This is what holds each rule
// to the scope it declares: a rule that looks across zones and claims 'statement' fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { analyzeChange, diffTexts, incrementalStateOf, localSegments, type IncrementalState } from '../../server/src/core/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { Finding } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text';
import { bindDialect } from '../../server/src/dialects/bind/index';
import { CORPUS, walkFiles } from '../fixture-lib';

const scoped = new Set([`bind/syntax`, ...bindDialect.rules.filter((r) => r.scope === 'statement').map((r) => r.id)]);
// A related location by its offsets (a rule may hand over a richer node as its span; the state keeps start and end).
const key = (f: Finding) => JSON.stringify([f.span.start, f.span.end, f.rule, f.severity, f.message, f.fixes, (f.related ?? []).map((r) => [r.span.start, r.span.end, r.message, r.file])]);
const keys = (fs: readonly Finding[], only?: Set<string>) => fs.filter((f) => !only || only.has(f.rule)).map(key).sort();

const INSERTS = ['a', '1', ':', '.', ' ', '\n', ';', '{', '}', '"', '#', '/', '*', '!', '2001:db8::1', '192.0.2.1', 'zone "x" { type primary; };'];

function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
}

interface Tally {
  edits: number;
  fast: number;
  exact: number;
}

/** Up to `count` chained edits inside local segments of `text`; every fast result checked against a full analysis. */
function checkEdits(label: string, text: string, count: number, seed: number, tally: Tally): void {
  const rnd = rng(seed);
  const full0 = analyze(bindDialect, text, DEFAULT_SETTINGS);
  let state: IncrementalState | undefined = incrementalStateOf(full0, DEFAULT_SETTINGS, {});
  for (let n = 0; n < count && state; n++) {
    const locals = localSegments(state).filter((s) => s.end - s.start > 2);
    if (locals.length === 0) return;
    const seg = locals[Math.floor(rnd() * locals.length)];
    const at = seg.start + 1 + Math.floor(rnd() * (seg.end - seg.start - 2));
    const del = rnd() < 0.4 ? Math.min(1 + Math.floor(rnd() * 3), seg.end - 1 - at) : 0;
    const ins = rnd() < 0.8 ? INSERTS[Math.floor(rnd() * INSERTS.length)] : '';
    const newText = state.text.slice(0, at) + ins + state.text.slice(at + del);
    const what = `${label}, edit ${n}: ${JSON.stringify(state.text.slice(at, at + del))} -> ${JSON.stringify(ins)} at ${at}`;
    tally.edits++;
    const fast = analyzeChange(bindDialect, state, newText, DEFAULT_SETTINGS, {});
    const full = analyze(bindDialect, newText, DEFAULT_SETTINGS);
    if (fast) {
      tally.fast++;
      assert.deepEqual(keys(fast.findings, scoped), keys(full.findings, scoped), `${what}: statement-scoped findings differ`);
      if (fast.state.exact) {
        tally.exact++;
        assert.deepEqual(keys(fast.findings), keys(full.findings), `${what}: an exact state differs`);
      }
      assert.equal(fast.lines.lineCount, full.lines.lineCount, what);
      state = fast.state;
    } else {
      state = incrementalStateOf(full, DEFAULT_SETTINGS, {});
    }
  }
}

const files = [...walkFiles('test/fixtures/bind'), ...walkFiles('examples/bind'), 'examples/named.conf'].filter((f) => !f.endsWith('.md'));
const corpusFiles = walkFiles(path.join(CORPUS, 'bind'));

test('fast path = full analysis for statement-scoped rules, on chained random edits of fixtures and examples', () => {
  const tally: Tally = { edits: 0, fast: 0, exact: 0 };
  files.forEach((f, i) => checkEdits(f, readFileSync(f, 'utf8'), 12, 1000 + i, tally));
  console.log(`fixtures: ${files.length} files, ${tally.edits} edits, ${tally.fast} on the fast path`);
  assert.ok(tally.fast > tally.edits / 3, `only ${tally.fast} of ${tally.edits} edits took the fast path`);
});

test('fast path = full analysis on the shared BIND corpus', { skip: corpusFiles.length ? false : `no corpus at ${CORPUS}` }, () => {
  const tally: Tally = { edits: 0, fast: 0, exact: 0 };
  corpusFiles.forEach((f, i) => checkEdits(f, readFileSync(f, 'latin1'), 6, 7000 + i, tally));
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
});

test('parsing with skip ranges equals parsing the text with those statements blanked', () => {
  const blank = (t: string) => t.replace(/[^\r\n]/g, ' ');
  let compared = 0;
  for (const [n, file] of [...files, ...corpusFiles].entries()) {
    const text = readFileSync(file, 'utf8');
    const statements = bindDialect.segments!(analyze(bindDialect, text).parse.model);
    if (statements.length < 2) continue;
    const rnd = rng(n + 1);
    for (let round = 0; round < 3; round++) {
      // Any subset of top-level statements, zones or not, as the scanner must not care which.
      const chosen = statements.filter(() => rnd() < 0.5);
      let blanked = '';
      let at = 0;
      for (const s of chosen) {
        blanked += text.slice(at, s.start) + blank(text.slice(s.start, s.end));
        at = s.end;
      }
      blanked += text.slice(at);
      const skip = { start: chosen.map((s) => s.start), end: chosen.map((s) => s.end), count: chosen.length };
      const a = bindDialect.parse(text, skip);
      const b = bindDialect.parse(blanked);
      assert.deepEqual(a.syntaxFindings, b.syntaxFindings, `${file}: syntax findings`);
      assert.deepEqual(a.comments, b.comments, `${file}: comments`);
      assert.deepEqual(bindDialect.segments!(a.model), bindDialect.segments!(b.model), `${file}: statements`);
      compared++;
    }
  }
  assert.ok(compared > 100, `only ${compared} comparisons`);
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
