// analyze(): text -> parse -> rules -> findings (severities, suppressions applied); fixAll(): safe fixes to a fixed point.
import { applyEdits, compatibleFixes, isWellFormedFix, safeFixesOf } from './edits';
import { largeFileNotice, parseSafely } from './limits';
import { DEFAULT_SETTINGS, targetVersion, type Settings } from './settings';
import { collectSuppressions, isSuppressed } from './suppression';
import { detachedString, LineIndex } from './text';
import type { Timings } from './timings';
import type { Dialect, Finding, Fix, LinkedFile, ParseResult, RelatedLocation, ReportInput, Rule, Severity, SkipRanges, Span } from './types';

export const INTERNAL_ERROR_RULE = 'v6ready/internal-error';
/** Findings about include statements that cannot be followed (loops, depth, unreadable files). */
export const INCLUDE_RULE = 'v6ready/include';

/** What the caller knows beyond the text: the files joined to it by includes (workspace/linked.ts). */
export interface AnalyzeContext<Model = unknown> {
  linked?: readonly LinkedFile<Model>[];
  /** Some included file could not be read (RuleContext.linkedPartial). */
  linkedPartial?: boolean;
  /**
   * RuleContext.includesFollowed; by default, whether `linked` is given. The workspace index says false: it matches
   * wildcards against the workspace's files only, so one that matched none of them may still match on the server.
   */
  includesFollowed?: boolean;
  /** RuleContext.path: the file's absolute path, when it has one. */
  path?: string;
  /** Past this many characters, check syntax only and say so in a `v6ready/large-file` notice (the editor's limit). */
  syntaxOnlyAbove?: number;
  /** Problems on this file's own include statements, reported as `v6ready/include`. */
  includeProblems?: readonly { span: Span; severity: Severity; message: string }[];
  /** The text's line index, when the caller has it (incremental analysis keeps one up to date). */
  lines?: LineIndex;
  /** Run only the rules this accepts (incremental analysis runs the statement-scoped ones: core/incremental.ts). */
  ruleFilter?: (rule: Rule<Model>) => boolean;
  /** Parts of the text to parse as if blank (incremental analysis: the statements it does not analyse again). */
  skip?: SkipRanges;
  /** Add the time of the parse and of each rule here (`v6ready check --timing`). */
  timings?: Timings;
}

export interface Analysis<Model = unknown> {
  dialect: Dialect<Model>;
  text: string;
  lines: LineIndex;
  parse: ParseResult<Model>;
  /** The files joined to this one by includes that rules could see (related locations may point into them). */
  linked: readonly LinkedFile<Model>[];
  /** Sorted by position; suppressed and disabled findings removed, severities as configured. */
  findings: Finding[];
}

/** A cache the rules of an analysis share (parsed address literals, sshd's readings): see registerAnalysisCache. */
export interface AnalysisCache {
  /** Run as each analysis begins: drop entries past the cache's bound. */
  trim(): void;
  /** Empty it. */
  reset(): void;
}

const analysisCaches: AnalysisCache[] = [];

/**
 * Caches shared by the rules of an analysis register here. They are trimmed as each analysis begins, never during
 * one, so a file larger than their bound costs in proportion to its size instead of overflowing a cache that every
 * rule refills (rc.conf at 4x the benchmark's size took 6x the time), while what is under the bound stays for the next
 * analysis (typing in a small file re-reads the same literals at every keystroke).
 */
export function registerAnalysisCache(cache: AnalysisCache): void {
  analysisCaches.push(cache);
}

/**
 * A registered cache of answers by string key (a host string, a knob name): kept across analyses while it holds at
 * most `keepBetween` entries, emptied as an analysis begins past that, and during one only past `limit` (a
 * pathological file). Keys are stored as copies: a slice of the document would keep its whole text alive.
 */
export function analysisMemo<V>(keepBetween: number, limit = 200_000): (key: string, compute: (key: string) => V) => V {
  const cache = new Map<string, V>();
  registerAnalysisCache({
    trim: () => {
      if (cache.size > keepBetween) cache.clear();
    },
    reset: () => cache.clear(),
  });
  return (key, compute) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      if (cache.size >= limit) cache.clear();
      cache.set(detachedString(key), (v = compute(key)));
    }
    return v as V;
  };
}

/** Empty every registered cache: for benchmarks that measure what a file costs from cold (scripts/bench/inproc.ts). */
export function resetAnalysisCaches(): void {
  for (const c of analysisCaches) c.reset();
}

export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

export function analyze<Model>(dialect: Dialect<Model>, text: string, settings: Settings = DEFAULT_SETTINGS, context: AnalyzeContext<Model> = {}): Analysis<Model> {
  for (const c of analysisCaches) c.trim();
  const timings = context.timings;
  let t = timings ? performance.now() : 0;
  const lines = context.lines ?? new LineIndex(text);
  // A parser that throws (a pathological token overflowing V8's regex stack) gives a finding, not an exception.
  const { parse, failed } = parseSafely(dialect, text, INTERNAL_ERROR_RULE, context.skip);
  if (timings) timings.add('parse', performance.now() - t);
  const raw: Finding[] = capSyntaxFindings(parse.syntaxFindings, text.length);
  for (const p of context.includeProblems ?? []) {
    raw.push({ rule: INCLUDE_RULE, severity: p.severity, message: p.message, span: { start: p.span.start, end: p.span.end }, fixes: [] });
  }
  const linked = context.linked ?? [];
  const syntaxOnly = context.syntaxOnlyAbove !== undefined && text.length > context.syntaxOnlyAbove;
  if (syntaxOnly) raw.push(largeFileNotice(text, context.syntaxOnlyAbove!));
  const target = targetVersion(settings, dialect.name);
  for (const rule of dialect.rules) {
    if (failed || syntaxOnly) break;
    if (settings.rules[rule.id] === 'off') continue;
    if (context.ruleFilter && !context.ruleFilter(rule)) continue;
    const report = (r: ReportInput) => {
      // Copy the spans: rules may pass a tree node, whose other fields must not leak into reports.
      const span = { start: r.span.start, end: r.span.end };
      raw.push({ rule: rule.id, severity: rule.severity, message: r.message, span, fixes: r.fixes ?? [], related: r.related?.map(ownSpan) });
    };
    if (timings) t = performance.now();
    try {
      rule.check({ text, lines, target, model: parse.model, linked, linkedPartial: !!context.linkedPartial, includesFollowed: context.includesFollowed ?? context.linked !== undefined, path: context.path, report });
    } catch (err) {
      // A rule bug must not take the other findings (or the server) down with it.
      raw.push({
        rule: INTERNAL_ERROR_RULE,
        severity: 'warning',
        message: `v6ready rule ${rule.id} failed on this file (${(err as Error).message}); please report it.`,
        span: { start: 0, end: 0 },
        fixes: [],
      });
    }
    if (timings) timings.add(`rule ${rule.id}`, performance.now() - t);
  }
  if (timings) t = performance.now();
  const suppressions = collectSuppressions(parse.comments, lines, dialect.statementSpans && (() => dialect.statementSpans!(parse.model, text)));
  // Most files suppress nothing: then no finding needs its line looked up.
  const anySuppressed = suppressions.file.size > 0 || suppressions.lines.size > 0;
  const findings: Finding[] = [];
  for (const f of raw) {
    const setting = settings.rules[f.rule];
    if (setting === 'off') continue;
    if (anySuppressed && isSuppressed(f, suppressions, lines)) continue;
    if (setting) f.severity = setting;
    // A copy only when some fix is dropped: a large file has tens of thousands of findings, nearly all of whose fixes are fine.
    if (!allWellFormed(f.fixes, text.length)) f.fixes = f.fixes.filter((fix) => isWellFormedFix(fix, text.length));
    findings.push(f);
  }
  findings.sort(byPosition);
  if (timings) timings.add('suppressions and sorting', performance.now() - t);
  return { dialect, text, lines, parse, linked, findings };
}

/** A related location with its own copy of the span (see the report in analyze). */
function ownSpan(r: RelatedLocation): RelatedLocation {
  return { ...r, span: { start: r.span.start, end: r.span.end } };
}

function allWellFormed(fixes: readonly Fix[], textLength: number): boolean {
  for (let i = 0; i < fixes.length; i++) if (!isWellFormedFix(fixes[i], textLength)) return false;
  return true;
}

/** Past this many, syntax findings say more about the file than about its lines: one summary replaces the rest. */
export const MAX_SYNTAX_FINDINGS = 100;

function capSyntaxFindings(findings: readonly Finding[], textLength: number): Finding[] {
  if (findings.length <= MAX_SYNTAX_FINDINGS) return [...findings];
  const kept = findings.slice(0, MAX_SYNTAX_FINDINGS);
  const rest = findings.length - MAX_SYNTAX_FINDINGS;
  const at = findings[MAX_SYNTAX_FINDINGS].span.start;
  kept.push({
    rule: findings[0].rule,
    severity: 'error',
    message: `${rest} more syntax error${rest === 1 ? '' : 's'} after this point (not listed); is this really a ${findings[0].rule.split('/')[0]} config file?`,
    span: { start: Math.min(at, textLength), end: Math.min(at, textLength) },
    fixes: [],
  });
  return kept;
}

export interface FixAllResult<Model> {
  text: string;
  /** Number of safe fixes applied over all passes. */
  applied: number;
  /** The analysis of the final text. */
  analysis: Analysis<Model>;
}

export interface FixAllOptions {
  /** 'safe' (default): the first safe fix of each finding, as fix-all does; 'first': the first fix, safe or not. */
  pick?: 'safe' | 'first';
  maxPasses?: number;
}

/** Apply every safe fix, re-analysing between passes, until none is left (at most `maxPasses`). */
export function fixAll<Model>(
  dialect: Dialect<Model>,
  text: string,
  settings: Settings = DEFAULT_SETTINGS,
  options: FixAllOptions = {},
  context: AnalyzeContext<Model> = {},
): FixAllResult<Model> {
  let analysis = analyze(dialect, text, settings, context);
  let applied = 0;
  const pick = (findings: Finding[]) => (options.pick === 'first' ? findings.flatMap((f) => f.fixes.slice(0, 1)) : safeFixesOf(findings));
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const { kept } = compatibleFixes(pick(analysis.findings));
    if (kept.length === 0) break;
    text = applyEdits(text, kept.flatMap((f) => f.edits));
    applied += kept.length;
    // Spans of include problems belong to the text before the edits: later passes see only the linked files.
    analysis = analyze(dialect, text, settings, { linked: context.linked, linkedPartial: context.linkedPartial, includesFollowed: context.includesFollowed, path: context.path });
  }
  return { text, applied, analysis };
}
