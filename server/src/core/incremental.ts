// Incremental analysis of an edit that stays inside one local segment (a BIND zone statement, an Apache top-level
// <VirtualHost>): the editor's fast path.
//
// A file is a list of top-level segments (Dialect.segments). Global ones (BIND's options, acl, key, view...; Apache's
// Listen, LoadModule, <IfModule>...) are what other statements refer to; local ones (zones, virtual hosts) refer only
// to them. When an edit stays strictly inside a local segment, the
// file is analysed again *reduced*: the new text is parsed with every other local segment passed over as if blank
// (Dialect.parse's skip ranges; no copy of the file is made), so offsets and lines are those of the real text and the
// global segments, the text between segments and the edited segment are read. Parsing that is a jump per skipped
// statement plus the few statements kept, and the rules see a few hundred clauses instead of a hundred thousand.
// From the reduced analysis we keep the findings inside the edited
// segment, of the syntax check and of the rules that declare `scope: 'statement'`; every other finding comes from the
// previous state, its offsets shifted past the edit. Rules without that scope (bind/duplicate compares zones with each
// other; apache/ipv4-only-listen's fixes read every virtual host's addresses) keep their previous findings until the
// caller runs a full analysis (the state says it is not `exact`).
//
// The fast path refuses, and the caller analyses the whole file, whenever its premises are not certain: settings or
// include context changed, the edit touches a segment's first or last character or spans two, the edited segment does
// not parse back as exactly one local segment with the expected bounds, a suppression comment lies in a skipped
// segment, a rule failed, or syntax findings near the cap. test/unit/incremental.test.ts requires the fast path's
// findings to equal a full analysis on random edits of every BIND and Apache fixture, example and corpus file.
import { analyze, byPosition, INTERNAL_ERROR_RULE, MAX_SYNTAX_FINDINGS, type Analysis, type AnalyzeContext } from './analyze';
import type { Settings } from './settings';
import { firstAtOrAfter, firstNumberAtOrAfter } from './search';
import { detachedString, LineIndex } from './text';
import type { Dialect, Finding, Fix, RelatedLocation, Rule, Segment, SkipRanges, Span } from './types';

/** One replacement, in offsets of the old text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** What an analysis leaves for the next edit's fast path. */
export interface IncrementalState {
  text: string;
  lines: LineIndex;
  settings: Settings;
  context: AnalyzeContext;
  /**
   * Every finding, sorted by position: the state's own copies, which the next analyzeChange moves in place (so a
   * result's findings are valid until the next edit is analysed).
   */
  findings: Finding[];
  /** Those of statement-scoped rules outside local segments (in global statements): an edit must leave them as they are. */
  outside: Finding[];
  segments: Segments;
  /** Comments inside local segments that carry a `v6ready-` directive: the fast path refuses while there are any. */
  localDirectives: number;
  /** Syntax findings in the file (the cap counts them all). */
  syntaxCount: number;
  /** False when findings of whole-file rules were carried over from before an edit: a full analysis is due. */
  exact: boolean;
}

/** The file's segments as parallel arrays: an edit shifts numbers, it creates no object per segment. */
export interface Segments {
  start: Int32Array;
  end: Int32Array;
  local: Uint8Array;
  /** How many are not local. */
  globals: number;
}

function segmentsFrom(list: readonly Segment[]): Segments {
  const n = list.length;
  const out: Segments = { start: new Int32Array(n), end: new Int32Array(n), local: new Uint8Array(n), globals: 0 };
  list.forEach((s, i) => {
    out.start[i] = s.start;
    out.end[i] = s.end;
    out.local[i] = s.local ? 1 : 0;
    if (!s.local) out.globals++;
  });
  return out;
}

/** The local segments of a state (for tests and tools). */
export function localSegments(state: IncrementalState): Span[] {
  const { start, end, local } = state.segments;
  const out: Span[] = [];
  for (let i = 0; i < start.length; i++) if (local[i]) out.push({ start: start[i], end: end[i] });
  return out;
}

export interface IncrementalResult {
  findings: Finding[];
  lines: LineIndex;
  state: IncrementalState;
}

const scopedRules = new WeakMap<Dialect, Set<string>>();

/** Is this rule's finding recomputed on the edited segment alone? (The syntax check is.) */
function isStatementScoped(dialect: Dialect, ruleId: string): boolean {
  let ids = scopedRules.get(dialect);
  if (!ids) scopedRules.set(dialect, (ids = new Set([`${dialect.name}/syntax`, ...dialect.rules.filter((r) => r.scope === 'statement').map((r) => r.id)])));
  return ids.has(ruleId);
}

/**
 * What a full analysis leaves for the fast path besides the text and the caller's settings and context: plain data
 * (arrays, typed arrays, numbers), so a worker thread can compute it and post it back (lsp/background-analysis.ts).
 */
export interface IncrementalParts {
  findings: Finding[];
  lineStarts: Int32Array;
  segments: Segments;
  localDirectives: number;
  syntaxCount: number;
}

/** The parts of the state a full analysis leaves, or undefined when the dialect has no segments. */
export function incrementalPartsOf(analysis: Analysis): IncrementalParts | undefined {
  const { dialect } = analysis;
  if (!dialect.segments || analysis.text.length === 0) return undefined;
  const segments = segmentsFrom(dialect.segments(analysis.parse.model));
  const syntaxRule = `${dialect.name}/syntax`;
  let syntaxCount = 0;
  for (const f of analysis.findings) if (f.rule === syntaxRule) syntaxCount++;
  return {
    findings: analysis.findings,
    lineStarts: analysis.lines.startsArray,
    segments,
    localDirectives: countLocalDirectives(analysis.parse.comments, segments),
    syntaxCount,
  };
}

/**
 * The state from those parts, for `text` analysed under `settings` and `context` (the caller's own objects: the
 * fast path compares them by identity). The state takes the parts' findings as its own and moves them in place on
 * later edits: pass findings nothing else holds (a worker's answer is a fresh copy; incrementalStateOf copies).
 */
export function incrementalStateFrom(dialect: Dialect, parts: IncrementalParts, text: string, settings: Settings, context: AnalyzeContext, lines?: LineIndex): IncrementalState {
  const { findings } = parts;
  return {
    text,
    lines: lines ?? new LineIndex(text, parts.lineStarts),
    settings,
    context,
    findings,
    outside: findings.filter((f) => isStatementScoped(dialect, f.rule) && !inLocalSegment(parts.segments, f.span.start)),
    segments: parts.segments,
    localDirectives: parts.localDirectives,
    syntaxCount: parts.syntaxCount,
    exact: true,
  };
}

/** The state a full analysis leaves, or undefined when the dialect has no segments. */
export function incrementalStateOf(analysis: Analysis, settings: Settings, context: AnalyzeContext): IncrementalState | undefined {
  const parts = incrementalPartsOf(analysis);
  // The analysis keeps its findings (hover and quick fixes read them): the state gets copies to move.
  return parts && incrementalStateFrom(analysis.dialect, withOwnFindings(parts), analysis.text, settings, context, analysis.lines);
}

/**
 * The parts with copies of their findings, made as every finding the state holds is made (ownCopy). Needed for a
 * worker's answer too, though it is a fresh copy already: structured cloning builds its objects property by property,
 * with other hidden classes than our literals, and the fast path's code, optimised for the literals' classes, was
 * deoptimised by the first edits after a worker's pass (50-80 ms each instead of ~25).
 */
export function withOwnFindings(parts: IncrementalParts): IncrementalParts {
  return { ...parts, findings: parts.findings.map((f) => ownCopy(f)) };
}

/** A comment that may carry a `v6ready-` suppression directive (core/suppression.ts reads them). */
function mayDirect(c: { body: string }): boolean {
  return c.body.includes('v6ready-');
}

function countLocalDirectives(comments: readonly { start: number; body: string }[], segments: Segments): number {
  let n = 0;
  for (const c of comments) {
    if (!mayDirect(c)) continue;
    if (inLocalSegment(segments, c.start)) n++;
  }
  return n;
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentAt(segments: Segments, offset: number): number {
  return firstNumberAtOrAfter(segments.start, offset + 1) - 1;
}

function inLocalSegment(segments: Segments, offset: number): boolean {
  const i = segmentAt(segments, offset);
  return i >= 0 && segments.local[i] === 1 && offset < segments.end[i];
}

/** The smallest change turning `before` into `after`: common prefix and suffix removed. */
export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  return trimChange(before, { start: 0, end: before.length, text: after });
}

/** Whether `change` applied to a text of `before`'s length gives one of `after`'s (a change reported for other texts does not). */
function fitsLengths(before: string, after: string, change: TextChange): boolean {
  return change.start >= 0 && change.start <= change.end && change.end <= before.length && after.length === before.length - (change.end - change.start) + change.text.length;
}

/**
 * The change without what it leaves as it was: an editor may report a replacement of a word by itself plus one
 * character, where comparing the texts would find the character alone. Only the change's own text is compared;
 * diffTexts is this change over the whole text.
 */
export function trimChange(before: string, change: TextChange): TextChange | undefined {
  let { start, end } = change;
  const { text } = change;
  let from = 0;
  let to = text.length;
  // Whole chunks first (string equality is a memory compare: diffTexts compares two 2 MB texts), then characters.
  const CHUNK = 4096;
  while (start + CHUNK <= end && from + CHUNK <= to && before.slice(start, start + CHUNK) === text.slice(from, from + CHUNK)) {
    start += CHUNK;
    from += CHUNK;
  }
  while (start < end && from < to && before.charCodeAt(start) === text.charCodeAt(from)) {
    start++;
    from++;
  }
  while (end - CHUNK >= start && to - CHUNK >= from && before.slice(end - CHUNK, end) === text.slice(to - CHUNK, to)) {
    end -= CHUNK;
    to -= CHUNK;
  }
  while (start < end && from < to && before.charCodeAt(end - 1) === text.charCodeAt(to - 1)) {
    end--;
    to--;
  }
  if (start === end && from === to) return undefined;
  return { start, end, text: from === 0 && to === text.length ? text : text.slice(from, to) };
}

/** The local segments other than `keep` (an index, or -1 for none kept), with the offsets of `segments`. */
function otherLocals(segments: Segments, keep: number): SkipRanges {
  const n = segments.start.length;
  const start = new Int32Array(n - segments.globals);
  const end = new Int32Array(n - segments.globals);
  let count = 0;
  for (let j = 0; j < n; j++) {
    if (!segments.local[j] || j === keep) continue;
    start[count] = segments.start[j];
    end[count] = segments.end[j];
    count++;
  }
  return { start, end, count };
}

/**
 * The fast path run once for practice, on a copy of the state (the state is left as it was): a
 * blank inserted before the first blank inside the `round`-th local segment from the middle of the file. V8 optimises
 * the fast path's code only after it has run a few times, so the first edits after a large file was opened took
 * 60-100 ms instead of ~25; the language server rehearses while the editor is idle after an open. Undefined when the
 * file has no local segment with a blank inside, or the fast path refuses the edit.
 */
export function rehearseEdit(dialect: Dialect, state: IncrementalState, round: number): IncrementalResult | undefined {
  const locals = localSegments(state);
  if (locals.length === 0) return undefined;
  const seg = locals[((locals.length >> 1) + round) % locals.length];
  let at = seg.start + 1;
  while (at < seg.end - 1 && state.text.charCodeAt(at) !== 32 && state.text.charCodeAt(at) !== 9) at++;
  if (at >= seg.end - 1) return undefined;
  // The copy keeps only the findings the edit can touch (the segment's, and those the fast path checks outside it):
  // the same code runs as on the whole list, without copying thousands of findings per round.
  const outside = new Set(state.outside);
  const findings = state.findings.filter((f) => outside.has(f) || (f.span.start >= seg.start && f.span.start < seg.end)).map((f) => ownCopy(f));
  const copy: IncrementalState = { ...state, findings };
  return analyzeChange(dialect, copy, `${state.text.slice(0, at)} ${state.text.slice(at)}`, state.settings, state.context);
}

/**
 * An analysis of the state's text for requests at one place (hover, completion, quick fixes): the global segments and,
 * when `offset` is inside a local one, that segment; every other local segment skipped. Offsets, lines and everything
 * about the kept segments are the document's; its findings are the state's (the whole file's, as published). Small,
 * whatever the file's size.
 */
export function analysisAt(dialect: Dialect, state: IncrementalState, offset: number): Analysis {
  const i = segmentAt(state.segments, offset);
  const keep = i >= 0 && state.segments.local[i] && offset < state.segments.end[i] ? i : -1;
  // The findings are the state's, of the whole file: no rule needs to run again for a hover.
  const parsed = analyze(dialect, state.text, state.settings, { ...state.context, lines: state.lines, ruleFilter: () => false, skip: otherLocals(state.segments, keep) });
  return { ...parsed, findings: state.findings };
}

/**
 * Findings of `newText` (the state's text with one change applied) by the fast path, and the next state; undefined
 * when the fast path does not apply (the caller analyses the whole file). `reported` is that change as the editor
 * reported it, when the caller knows it (offsets in the state's text): then the two texts, 2 MB each in a large file,
 * are not compared to find it (~2 ms an edit).
 */
export function analyzeChange(
  dialect: Dialect,
  state: IncrementalState,
  newText: string,
  settings: Settings,
  context: AnalyzeContext,
  reported?: TextChange,
): IncrementalResult | undefined {
  if (settings !== state.settings || !sameContext(context, state.context) || state.localDirectives > 0) return undefined;
  if (context.syntaxOnlyAbove !== undefined && newText.length > context.syntaxOnlyAbove) return undefined;
  const change = reported && fitsLengths(state.text, newText, reported) ? trimChange(state.text, reported) : diffTexts(state.text, newText);
  if (!change) return { findings: state.findings, lines: state.lines, state };
  const { segments } = state;
  const i = segmentAt(segments, change.start);
  // Strictly inside: the statement's first character (a keyword, a section's `<`) and its last (the `;`, the `>` of a
  // closing tag) stay as they were.
  if (i < 0 || !segments.local[i] || change.start <= segments.start[i] || change.end >= segments.end[i]) return undefined;
  const seg = { start: segments.start[i], end: segments.end[i] };
  const delta = change.text.length - (change.end - change.start);
  const newEnd = seg.end + delta;

  // The segments in the new text: the edited one ends `delta` later, those after it are shifted.
  const newSegments: Segments = { start: segments.start.slice(), end: segments.end.slice(), local: segments.local, globals: segments.globals };
  newSegments.end[i] = newEnd;
  for (let j = i + 1; j < newSegments.start.length; j++) {
    newSegments.start[j] += delta;
    newSegments.end[j] += delta;
  }
  // The reduced analysis: the edited segment, the global ones and everything between segments; other local ones skipped.
  const lines = state.lines.edited(newText, change.start, change.end, change.text);
  const reduced = analyze(dialect, newText, settings, { ...context, lines, ruleFilter: (r: Rule) => r.scope === 'statement', skip: otherLocals(newSegments, i) });
  // The edited statement must parse back as one local statement with the same bounds, and no rule may have failed.
  const reducedSegments = dialect.segments!(reduced.parse.model);
  const locals = reducedSegments.filter((s) => s.local);
  if (locals.length !== 1 || locals[0].start !== seg.start || locals[0].end !== newEnd) return undefined;
  if (reducedSegments.length !== segments.globals + 1) return undefined;
  if (reduced.findings.some((f) => f.rule === INTERNAL_ERROR_RULE)) return undefined;
  // A suppression comment now in the edited statement may reach findings of the skipped ones (v6ready-disable-file),
  // which this analysis does not see: refuse, as for one in any local segment (the state's localDirectives).
  if (reduced.parse.comments.some((c) => c.start >= seg.start && c.start < newEnd && mayDirect(c))) return undefined;
  const syntaxRule = `${dialect.name}/syntax`;
  const inEdited = (f: Finding) => f.span.start >= seg.start && f.span.start < newEnd;
  const fresh = reduced.findings.filter(inEdited);
  // What the reduced analysis finds outside the edited statement (in global statements and between statements) must be
  // what was there before: a statement left open reports at the end of the file, and named checks an options-level
  // also-notify only when some zone uses it. If it differs, the edit reached past its statement: analyse everything.
  const outsideKey = (f: Finding) => JSON.stringify([f.span, f.rule, f.message, f.related, f.fixes]);
  const outsideBefore = state.outside.map((f) => outsideKey(movedCopy(f, change, delta)));
  // Compared as the state holds them (copies): a rule may give a related location the span of a richer node.
  const outsideAfter = reduced.findings.filter((f) => isStatementScoped(dialect, f.rule) && !inEdited(f)).map((f) => outsideKey(ownCopy(f)));
  if (outsideBefore.join('\n') !== outsideAfter.join('\n')) return undefined;
  const old = state.findings;
  const lo = firstAtOrAfter(old, seg.start, startOf);
  const hi = firstAtOrAfter(old, seg.end, startOf);
  let oldSyntaxInSeg = 0;
  for (let k = lo; k < hi; k++) if (old[k].rule === syntaxRule) oldSyntaxInSeg++;
  const syntaxCount = state.syntaxCount - oldSyntaxInSeg + fresh.filter((f) => f.rule === syntaxRule).length;
  if (syntaxCount >= MAX_SYNTAX_FINDINGS || state.syntaxCount >= MAX_SYNTAX_FINDINGS) return undefined;

  // Accepted: from here on the state's findings are moved in place (they are the state's own copies). Those of
  // statement-scoped rules inside the edited segment are replaced by the fresh ones; every offset is mapped.
  for (const f of old) moveInPlace(f, change, delta);
  const middle: Finding[] = [];
  for (let k = lo; k < hi; k++) if (!isStatementScoped(dialect, old[k].rule)) middle.push(old[k]);
  for (const f of fresh) middle.push(ownCopy(f, true));
  middle.sort(byPosition);
  const findings = old.slice(0, lo).concat(middle, old.slice(hi));
  // A whole-file rule may find something new after any edit (a zone renamed to another's name): not exact then.
  const wholeFileRules = dialect.rules.some((r) => r.scope !== 'statement' && settings.rules[r.id] !== 'off');
  return {
    findings,
    lines,
    state: {
      text: newText,
      lines,
      settings,
      context,
      findings,
      outside: state.outside,
      segments: newSegments,
      localDirectives: 0,
      syntaxCount,
      exact: state.exact && !wholeFileRules,
    },
  };
}

const startOf = (f: Finding) => f.span.start;

function sameContext(a: AnalyzeContext, b: AnalyzeContext): boolean {
  return a.linked === b.linked && a.linkedPartial === b.linkedPartial && a.includeProblems === b.includeProblems && a.syntaxOnlyAbove === b.syntaxOnlyAbove;
}

/** An offset of the old text in the new one: unchanged before the change, shifted after it, clamped inside it. */
function mapOffset(o: number, change: TextChange, delta: number): number {
  if (o <= change.start) return o;
  if (o >= change.end) return o + delta;
  return change.start + Math.min(o - change.start, change.text.length);
}


/**
 * A deep copy, so that moving it in place touches nothing a rule or an earlier analysis still holds; with `detach`,
 * its strings are copied too (findings of a reduced text, which is dropped after the edit).
 */
function ownCopy(f: Finding, detach = false): Finding {
  const str = detach ? detachedString : (x: string) => x;
  const copy: Finding = {
    rule: f.rule,
    severity: f.severity,
    message: str(f.message),
    span: { start: f.span.start, end: f.span.end },
    fixes: f.fixes.map((x): Fix => ({ title: str(x.title), safe: x.safe, edits: x.edits.map((e) => ({ start: e.start, end: e.end, newText: str(e.newText) })) })),
  };
  if (f.related) {
    copy.related = f.related.map((r) => {
      const own: RelatedLocation = { span: { start: r.span.start, end: r.span.end }, message: str(r.message) };
      if (r.file !== undefined) own.file = r.file;
      return own;
    });
  }
  return copy;
}

function moveSpan(s: Span, change: TextChange, delta: number): void {
  if (s.end <= change.start) return;
  s.start = mapOffset(s.start, change, delta);
  s.end = mapOffset(s.end, change, delta);
}

/** Map every offset of an owned finding into the new text, in place. */
function moveInPlace(f: Finding, change: TextChange, delta: number): void {
  moveSpan(f.span, change, delta);
  for (const x of f.fixes) for (const e of x.edits) moveSpan(e, change, delta);
  if (f.related) for (const r of f.related) if (r.file === undefined) moveSpan(r.span, change, delta);
}

/** The finding with its offsets in the new text, as a copy (the original stays as it is). */
function movedCopy(f: Finding, change: TextChange, delta: number): Finding {
  const copy = ownCopy(f);
  moveInPlace(copy, change, delta);
  return copy;
}
