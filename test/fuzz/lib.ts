// The fuzz suite's shared parts: seed texts per dialect (fixtures and ../shared/corpus), the mutations fast-check
// draws, and the invariants every mutated text must keep (no throw, sane spans, well-formed and idempotent fixes).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, fixAll, INTERNAL_ERROR_RULE } from '../../server/src/core/analyze';
import { applyEdits, compatibleFixes, isWellFormedFix, safeFixesOf } from '../../server/src/core/edits';
import { LineIndex } from '../../server/src/core/text';
import { fileFacts } from '../../server/src/workspace/file-facts';
import type { Dialect, Edit, Fix, Span } from '../../server/src/core/types';
import { fixtureCases, readAnnotated, CORPUS, walkFiles } from '../fixture-lib';

/** Cases per dialect: FUZZ_COUNT (set by `npm run fuzz -- --count N`), else a small bound for `npm test`. */
export const FUZZ_COUNT = Number(process.env.FUZZ_COUNT) > 0 ? Number(process.env.FUZZ_COUNT) : 80;
/** `npm run fuzz`: the long run, with every hostile shape at full size (FUZZ_LONG=1). */
export const FUZZ_LONG = process.env.FUZZ_LONG === '1';
/** fast-check seed: fixed, so a failure in `npm test` reproduces; FUZZ_SEED picks another. */
export const FUZZ_SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261130;

export { CORPUS };
/** Corpus folder per dialect name. */
const CORPUS_FOLDER: Record<string, string> = { bind: 'bind', zone: 'zones', apache: 'apache', sshd: 'sshd', sendmail: 'sendmail', rcconf: 'rcconf' };

export interface Seed {
  name: string;
  text: string;
}

/** The fixtures of a dialect (annotations removed) and its corpus files when ../shared/corpus is present. */
export function seedsFor(dialect: Dialect): Seed[] {
  const out: Seed[] = [];
  for (const c of fixtureCases()) {
    if (c.dialect !== dialect.name) continue;
    out.push({ name: `fixture ${c.folder}/${c.name}`, text: readAnnotated(readFileSync(c.path, 'utf8')).text });
  }
  const dir = join(CORPUS, CORPUS_FOLDER[dialect.name] ?? dialect.name);
  if (existsSync(dir)) {
    for (const f of walkFiles(dir)) {
      if (/\.(tsv|md)$/.test(f)) continue;
      out.push({ name: `corpus ${f.slice(CORPUS.length + 1)}`, text: new TextDecoder().decode(readFileSync(f)) });
    }
  }
  return out;
}

// ---- mutations -------------------------------------------------------------------------------------------

/** Characters that matter to some grammar, plus the hostile ones: NUL, lone CR, U+FFFD, a lone surrogate, a BOM. */
const INTERESTING = [...'{}()[]<>;:,."\'`#/*\\=$@-+!~\n\r\t 0aZ9', '\u0000', '\r\n', '\ufffd', '\ud800', '\udfff', '\ufeff', '\u00e9', '\u{1f600}', 'dnl', '::', '[::1]', '2001:db8::1', '*:80'];

export type Mutation =
  | { op: 'flip'; at: number; ch: string }
  | { op: 'truncate'; at: number }
  | { op: 'deleteToken'; at: number }
  | { op: 'duplicateToken'; at: number }
  | { op: 'nul'; at: number }
  | { op: 'invalidUtf8'; at: number; bytes: readonly number[] }
  | { op: 'crlf' }
  | { op: 'loneCr' }
  | { op: 'bom' }
  | { op: 'splice'; at: number; from: number; start: number; length: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number };

const pos = fc.nat({ max: 1_000_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: pos, ch: fc.constantFrom(...INTERESTING) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: pos }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deleteToken' as const), at: pos }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicateToken' as const), at: pos }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nul' as const), at: pos }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('invalidUtf8' as const),
      at: pos,
      // A stray continuation byte, a truncated sequence, an overlong encoding, an encoded surrogate, 0xff.
      bytes: fc.constantFrom([0x80], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe]),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crlf' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('loneCr' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bom' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('splice' as const), at: pos, from: pos, start: pos, length: fc.nat({ max: 400 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), at: pos }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), at: pos }) },
);

/** Tokens as a user would see them: runs of word characters, single punctuation, runs of blanks. */
function tokens(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\s{}()[\]<>;,"'`#=]+|[{}()[\]<>;,"'`#=]/g)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]*\n|[^\n]+$/g)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

export function mutate(text: string, m: Mutation, seeds: readonly Seed[]): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'flip': {
      const i = at(m.at);
      return text.slice(0, i) + m.ch + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'nul': {
      const i = at(m.at);
      return text.slice(0, i) + '\u0000' + text.slice(i);
    }
    case 'deleteToken':
    case 'duplicateToken': {
      const t = tokens(text);
      if (t.length === 0) return text;
      const s = t[m.at % t.length];
      const tok = text.slice(s.start, s.end);
      return m.op === 'deleteToken' ? text.slice(0, s.start) + text.slice(s.end) : text.slice(0, s.end) + tok + text.slice(s.end);
    }
    case 'deleteLine':
    case 'duplicateLine': {
      const l = lineSpans(text);
      if (l.length === 0) return text;
      const s = l[m.at % l.length];
      return m.op === 'deleteLine' ? text.slice(0, s.start) + text.slice(s.end) : text.slice(0, s.end) + text.slice(s.start, s.end) + text.slice(s.end);
    }
    case 'invalidUtf8': {
      // What the CLI and VS Code do with undecodable bytes: decode them as U+FFFD.
      const bytes = Buffer.from(text, 'utf8');
      const i = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
      const mixed = Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
      return new TextDecoder('utf-8').decode(mixed);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'loneCr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\ufeff' + text;
    case 'splice': {
      const other = seeds[m.from % seeds.length].text;
      const start = other.length === 0 ? 0 : m.start % other.length;
      const i = at(m.at);
      return text.slice(0, i) + other.slice(start, start + m.length) + text.slice(i);
    }
  }
}

export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}

export function caseArb(seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> {
  return fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }) });
}

export function build(c: FuzzCase, seeds: readonly Seed[]): string {
  let text = seeds[c.seed].text;
  for (const m of c.mutations) text = mutate(text, m, seeds);
  return text;
}

// ---- invariants ------------------------------------------------------------------------------------------

function assertSpan(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span offsets are not integers (${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${span.start}-${span.end} is outside 0-${length}`);
}

/** Edits sorted, in bounds, not overlapping: what every fix a rule offers must be (analyze drops the others silently). */
export function assertWellFormed(fix: Fix, length: number, what: string): void {
  assert.ok(isWellFormedFix(fix, length), `${what}: fix "${fix.title}" has edits out of order, out of bounds or overlapping: ${JSON.stringify(fix.edits)}`);
}

/** Apply sorted, non-overlapping edits by hand and check every byte outside them is the original's. */
export function assertOnlyEditsChange(text: string, edits: readonly Edit[], out: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let at = 0;
  for (const e of sorted) {
    const kept = text.slice(pos, e.start);
    assert.equal(out.slice(at, at + kept.length), kept, `bytes before offset ${e.start} changed`);
    at += kept.length;
    assert.equal(out.slice(at, at + e.newText.length), e.newText, `the edit at ${e.start} was not applied as given`);
    at += e.newText.length;
    pos = e.end;
  }
  assert.equal(out.slice(at), text.slice(pos), `bytes after offset ${pos} changed`);
}

/** Everything the fuzz suite requires of one text. Returns a short summary for the counts. */
export function checkText(dialect: Dialect, text: string): { findings: number; safeFixes: number } {
  // 1. The rules' own output, before analyze() filters it: every fix well-formed.
  const parse = dialect.parse(text);
  const lines = new LineIndex(text);
  for (const f of parse.syntaxFindings) assertSpan(f.span, text.length, `${f.rule}`);
  for (const rule of dialect.rules) {
    rule.check({
      text,
      lines,
      target: undefined,
      model: parse.model,
      linked: [],
      linkedPartial: false,
      includesFollowed: false,
      report: (r) => {
        assertSpan(r.span, text.length, rule.id);
        for (const fix of r.fixes ?? []) assertWellFormed(fix, text.length, rule.id);
      },
    });
  }

  // 2. analyze() itself: no throw, no rule failure, spans in bounds.
  const a = analyze(dialect, text);
  const internal = a.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE);
  assert.deepEqual(internal.map((f) => f.message.slice(0, 300)), [], 'a rule threw');
  for (const f of a.findings) assertSpan(f.span, text.length, f.rule);
  checkFacts(dialect, text, a);

  // 3. One pass of fix-all: the fixes it keeps do not overlap, and nothing outside their edits changes.
  const { kept } = compatibleFixes(safeFixesOf(a.findings));
  const edits = kept.flatMap((f) => f.edits).sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < edits.length; i++) {
    const p = edits[i - 1];
    const e = edits[i];
    assert.ok(p.end <= e.start && !(p.start === p.end && e.start === e.end && p.start === e.start), `fix-all kept overlapping edits ${JSON.stringify(p)} and ${JSON.stringify(e)}`);
  }
  const once = applyEdits(text, edits);
  assertOnlyEditsChange(text, edits, once);

  // 4. Fix-all to its fixed point: no safe fix is left, and running it again changes nothing (idempotent).
  const fixed = fixAll(dialect, text);
  const left = fixed.analysis.findings.filter((f) => f.fixes.some((x) => x.safe));
  assert.deepEqual(
    left.map((f) => `${f.rule}: ${f.message}`),
    [],
    'a safe fix is still offered after fix-all',
  );
  assert.equal(fixAll(dialect, fixed.text).text, fixed.text, 'fix-all is not idempotent');
  assert.ok(!fixed.analysis.findings.some((f) => f.rule === INTERNAL_ERROR_RULE), 'a rule threw on the fixed text');
  // A file that used CRLF throughout does not come out with mixed line endings (a fix inserting a bare "\n");
  // converting all of them (rcconf/carriage-return) is fine.
  if (/\r\n/.test(text) && !/(^|[^\r])\n/.test(text)) {
    assert.ok(!(/\r\n/.test(fixed.text) && /(^|[^\r])\n/.test(fixed.text)), 'fix-all mixed bare LF into a CRLF file');
  }

  // 5. The editor features never throw and answer with spans inside the text.
  const probe = [0, text.length >> 1, text.length, Math.max(0, text.length - 1)];
  for (const o of probe) {
    const h = dialect.hover?.(parse.model, text, o);
    if (h) assertSpan(h.span, text.length, 'hover');
    dialect.completions?.(parse.model, text, o);
    const n = dialect.nameAt?.(parse.model, text, o);
    if (n) {
      assertSpan(n.span, text.length, 'nameAt');
      for (const occ of dialect.occurrences?.(parse.model, text, n.kind, n.name) ?? []) assertSpan(occ.span, text.length, 'occurrence');
    }
  }
  const visit = (s: { span: Span; selection: Span; children: any[] }) => {
    assertSpan(s.span, text.length, 'symbol');
    assertSpan(s.selection, text.length, 'symbol selection');
    s.children.forEach(visit);
  };
  dialect.symbols?.(parse.model, text).forEach(visit);
  for (const f of dialect.folding?.(parse.model, text) ?? []) assertSpan(f, text.length, 'folding');
  for (const l of dialect.links?.(parse.model, text) ?? []) assertSpan(l.span, text.length, 'link');

  return { findings: a.findings.length, safeFixes: kept.length };
}

/** The invariants that are affordable on multi-megabyte texts: analysis does not throw, no rule fails, spans in bounds. */
export function checkLarge(dialect: Dialect, text: string, options: { allowUnreadable?: boolean } = {}): { findings: number; unreadable: boolean } {
  const a = analyze(dialect, text);
  const internal = a.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE);
  // Where allowed, the parser may give up, but then with exactly one finding that says so, never an exception.
  const unreadable = !!options.allowUnreadable && a.findings.length === 1 && internal.length === 1 && /could not read this file/.test(internal[0].message);
  if (!unreadable) assert.deepEqual(internal.map((f) => f.message.slice(0, 300)), [], 'a rule or the parser failed');
  for (const f of a.findings) {
    assertSpan(f.span, text.length, f.rule);
    for (const fix of f.fixes) assertWellFormed(fix, text.length, f.rule);
  }
  checkFacts(dialect, text, a);
  return { findings: a.findings.length, unreadable };
}

/** What the workspace index keeps of the file (workspace/file-facts.ts): taken without a throw, every span in the text. */
function checkFacts(dialect: Dialect, text: string, a: ReturnType<typeof analyze>): void {
  const f = fileFacts(dialect, text, a);
  const spans: Span[] = [
    ...f.links.map((l) => l.span),
    ...f.zoneFiles.map((z) => z.nameSpan),
    ...f.bindListen.v6.map((c) => c.span),
    ...f.bindListen.v4.map((c) => c.span),
    ...(f.bindListen.options ? [f.bindListen.options] : []),
    ...f.apacheListen.map((l) => l.arg),
    ...f.daemons.map((d) => d.call),
    ...(f.sshd.family ? [f.sshd.family.span] : []),
    ...(f.sshd.first ? [f.sshd.first] : []),
    ...f.names.map((n) => n.span),
    ...f.records.map((r) => r.span),
  ];
  for (const s of spans) assertSpan(s, text.length, `${dialect.name} file facts`);
}
