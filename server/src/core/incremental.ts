// Incremental analysis of an edit that stays inside one local segment (a BIND zone statement): the editor's fast path.
//
// A file is a list of top-level segments (Dialect.segments). Global ones (options, acl, key, view...) are what other
// statements refer to; local ones (zones) refer only to them. When an edit stays strictly inside a local segment, the
// file is analysed again as a *reduced text*: every other local segment is blanked (each character but line breaks
// becomes a space, so offsets and lines stay those of the real text), the global segments, the text between segments
// and the edited segment stay. Parsing that is a scan over spaces plus the few statements kept, and the rules see a
// few hundred clauses instead of a hundred thousand. From the reduced analysis we keep the findings inside the edited
// segment, of the syntax check and of the rules that declare `scope: 'statement'`; every other finding comes from the
// previous state, its offsets shifted past the edit. Rules without that scope (bind/duplicate compares zones with each
// other) keep their previous findings until the caller runs a full analysis (the state says it is not `exact`).
//
// The fast path refuses, and the caller analyses the whole file, whenever its premises are not certain: settings or
// include context changed, the edit touches a segment's first or last character or spans two, the edited segment does
// not parse back as exactly one local segment with the expected bounds, a suppression comment lies in a blanked
// segment, a rule failed, or syntax findings near the cap. test/unit/incremental.test.ts requires the fast path's
// findings to equal a full analysis on random edits of every BIND fixture and corpus file.
import { analyze, byPosition, INTERNAL_ERROR_RULE, MAX_SYNTAX_FINDINGS, type Analysis, type AnalyzeContext } from './analyze';
import type { Settings } from './settings';
import { LineIndex } from './text';
import type { Dialect, Finding, Fix, RelatedLocation, Rule, Segment, Span } from './types';

/** One replacement, in offsets of the old text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** What an analysis leaves for the next edit's fast path. */
export interface IncrementalState {
  text: string;
  settings: Settings;
  context: AnalyzeContext;
  /** Every finding, as published. */
  findings: Finding[];
  segments: Segment[];
  /** Blanked form of each local segment, computed once and reused while the segment does not change. */
  blanks: (string | undefined)[];
  /** Comments inside local segments that carry a `v6ready-` directive: the fast path refuses while there are any. */
  localDirectives: number;
  /** Syntax findings in the file (the cap counts them all). */
  syntaxCount: number;
  /** False when findings of whole-file rules were carried over from before an edit: a full analysis is due. */
  exact: boolean;
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

/** The state a full analysis leaves, or undefined when the dialect has no segments. */
export function incrementalStateOf(analysis: Analysis, settings: Settings, context: AnalyzeContext): IncrementalState | undefined {
  const { dialect } = analysis;
  if (!dialect.segments || analysis.text.length === 0) return undefined;
  const segments = dialect.segments(analysis.parse.model);
  const syntaxRule = `${dialect.name}/syntax`;
  return {
    text: analysis.text,
    settings,
    context,
    findings: analysis.findings,
    segments,
    blanks: new Array(segments.length),
    localDirectives: countLocalDirectives(analysis.parse.comments, segments),
    syntaxCount: analysis.findings.filter((f) => f.rule === syntaxRule).length,
    exact: true,
  };
}

function countLocalDirectives(comments: readonly { start: number; body: string }[], segments: readonly Segment[]): number {
  let n = 0;
  for (const c of comments) {
    if (!c.body.includes('v6ready-')) continue;
    if (inLocalSegment(segments, c.start)) n++;
  }
  return n;
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function inLocalSegment(segments: readonly Segment[], offset: number): boolean {
  const i = segmentAt(segments, offset);
  return i >= 0 && segments[i].local && offset < segments[i].end;
}

/** The smallest change turning `before` into `after`: common prefix and suffix removed. */
export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

/** A text of the same length and line breaks, everything else spaces. */
function blank(text: string): string {
  return text.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/**
 * Findings of `newText` (the state's text with one change applied) by the fast path, and the next state; undefined
 * when the fast path does not apply (the caller analyses the whole file).
 */
export function analyzeChange(dialect: Dialect, state: IncrementalState, newText: string, settings: Settings, context: AnalyzeContext): IncrementalResult | undefined {
  if (settings !== state.settings || !sameContext(context, state.context) || state.localDirectives > 0) return undefined;
  if (context.syntaxOnlyAbove !== undefined && newText.length > context.syntaxOnlyAbove) return undefined;
  const change = diffTexts(state.text, newText);
  if (!change) return { findings: state.findings, lines: new LineIndex(newText), state: { ...state, text: newText } };
  const { segments } = state;
  const i = segmentAt(segments, change.start);
  const seg = segments[i];
  // Strictly inside: the statement's first character (its keyword) and its last (the `;`) stay as they were.
  if (!seg || !seg.local || change.start <= seg.start || change.end >= seg.end) return undefined;
  const delta = change.text.length - (change.end - change.start);
  const newEnd = seg.end + delta;

  // The reduced text: the edited segment, the global ones and everything between segments; other local ones blanked.
  const blanks = state.blanks.slice();
  blanks[i] = undefined;
  const parts: string[] = [];
  let at = 0;
  for (let j = 0; j < segments.length; j++) {
    const s = segments[j];
    const start = j > i ? s.start + delta : s.start;
    const end = j >= i ? s.end + delta : s.end;
    parts.push(newText.slice(at, start));
    if (!s.local || j === i) parts.push(newText.slice(start, end));
    else parts.push((blanks[j] ??= blank(newText.slice(start, end))));
    at = end;
  }
  parts.push(newText.slice(at));
  const reducedText = parts.join('');

  const reduced = analyze(dialect, reducedText, settings, { ...context, ruleFilter: (r: Rule) => r.scope === 'statement' });
  // The edited statement must parse back as one local statement with the same bounds, and no rule may have failed.
  const reducedSegments = dialect.segments!(reduced.parse.model);
  const locals = reducedSegments.filter((s) => s.local);
  if (locals.length !== 1 || locals[0].start !== seg.start || locals[0].end !== newEnd) return undefined;
  if (reducedSegments.length !== segments.filter((s) => !s.local).length + 1) return undefined;
  if (reduced.findings.some((f) => f.rule === INTERNAL_ERROR_RULE)) return undefined;
  const syntaxRule = `${dialect.name}/syntax`;
  const inEdited = (f: Finding) => f.span.start >= seg.start && f.span.start < newEnd;
  const fresh = reduced.findings.filter(inEdited);
  // What the reduced analysis finds outside the edited statement (in global statements and between statements) must be
  // what was there before: a statement left open reports at the end of the file, and named checks an options-level
  // also-notify only when some zone uses it. If it differs, the edit reached past its statement: analyse everything.
  const outsideKey = (f: Finding) => JSON.stringify([f.span, f.rule, f.message, f.related, f.fixes]);
  const outsideBefore = state.findings
    .filter((f) => isStatementScoped(dialect, f.rule) && !inLocalSegment(segments, f.span.start))
    .map((f) => outsideKey(shiftFinding(f, change, delta)));
  const outsideAfter = reduced.findings.filter((f) => isStatementScoped(dialect, f.rule) && !inEdited(f)).map(outsideKey);
  if (outsideBefore.join('\n') !== outsideAfter.join('\n')) return undefined;
  const oldSyntaxInSeg = state.findings.filter((f) => f.rule === syntaxRule && f.span.start >= seg.start && f.span.start < seg.end).length;
  const syntaxCount = state.syntaxCount - oldSyntaxInSeg + fresh.filter((f) => f.rule === syntaxRule).length;
  if (syntaxCount >= MAX_SYNTAX_FINDINGS || state.syntaxCount >= MAX_SYNTAX_FINDINGS) return undefined;

  // Previous findings: those of statement-scoped rules inside the edited segment are replaced; the rest is shifted.
  const kept: Finding[] = [];
  for (const f of state.findings) {
    if (f.span.start >= seg.start && f.span.start < seg.end && isStatementScoped(dialect, f.rule)) continue;
    kept.push(shiftFinding(f, change, delta));
  }
  const findings = [...kept, ...fresh].sort(byPosition);
  // A whole-file rule may find something new after any edit (a zone renamed to another's name): not exact then.
  const wholeFileRules = dialect.rules.some((r) => r.scope !== 'statement' && settings.rules[r.id] !== 'off');
  const newSegments = segments.map((s, j) => (j < i ? s : j === i ? { start: s.start, end: newEnd, local: true } : { start: s.start + delta, end: s.end + delta, local: s.local }));
  return {
    findings,
    lines: reduced.lines,
    state: {
      text: newText,
      settings,
      context,
      findings,
      segments: newSegments,
      blanks,
      localDirectives: 0,
      syntaxCount,
      exact: state.exact && !wholeFileRules,
    },
  };
}

function sameContext(a: AnalyzeContext, b: AnalyzeContext): boolean {
  return a.linked === b.linked && a.linkedPartial === b.linkedPartial && a.includeProblems === b.includeProblems && a.syntaxOnlyAbove === b.syntaxOnlyAbove;
}

/** An offset of the old text in the new one: unchanged before the change, shifted after it, clamped inside it. */
function mapOffset(o: number, change: TextChange, delta: number): number {
  if (o <= change.start) return o;
  if (o >= change.end) return o + delta;
  return change.start + Math.min(o - change.start, change.text.length);
}

function mapSpan(s: Span, change: TextChange, delta: number): Span {
  return { start: mapOffset(s.start, change, delta), end: mapOffset(s.end, change, delta) };
}

/** The finding in offsets of the new text (a copy when anything moves; the old one may still be in use). */
function shiftFinding(f: Finding, change: TextChange, delta: number): Finding {
  const moves = (s: Span) => s.end > change.start;
  const relatedMoves = f.related?.some((r) => r.file === undefined && moves(r.span));
  const fixesMove = f.fixes.some((x) => x.edits.some(moves));
  if (!moves(f.span) && !relatedMoves && !fixesMove) return f;
  return {
    ...f,
    span: mapSpan(f.span, change, delta),
    fixes: fixesMove ? f.fixes.map((x): Fix => ({ ...x, edits: x.edits.map((e) => ({ ...mapSpan(e, change, delta), newText: e.newText })) })) : f.fixes,
    related: relatedMoves ? f.related!.map((r): RelatedLocation => (r.file === undefined ? { ...r, span: mapSpan(r.span, change, delta) } : r)) : f.related,
  };
}
