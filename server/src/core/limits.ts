// Limits that keep analysis bounded on hostile input: the size past which only syntax is checked (with a visible
// notice saying so), and the stand-in result when a parser gives up (a V8 stack overflow on a pathological token).
import type { Dialect, Finding, ParseResult, SkipRanges } from './types';

export const LARGE_FILE_RULE = 'v6ready/large-file';
/** Past this many characters the editor checks syntax only: the rules' cost is then not worth a frozen editor. */
export const LARGE_FILE_CHARS = 5 * 1024 * 1024;

/** Where a notice about the whole file goes: its first line (at most 200 characters of it). */
function firstLineSpan(text: string): { start: number; end: number } {
  const firstLineEnd = text.search(/[\r\n]/);
  return { start: 0, end: Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200) };
}

/** The notice on line 1 of a file checked for syntax only. */
export function largeFileNotice(text: string, limit: number): Finding {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    rule: LARGE_FILE_RULE,
    severity: 'info',
    message:
      `This file is large (${mb(text.length)}, over the ${mb(limit)} limit): v6ready checks its syntax only, not its IPv6 ` +
      'and other rules. Run `v6ready check` on it for the full analysis.',
    span: firstLineSpan(text),
    fixes: [],
  };
}

export const TOO_MANY_PROBLEMS_RULE = 'v6ready/too-many-problems';

/**
 * The findings the editor shows when it may show at most `max` (0: all): the most severe first, errors before
 * warnings before information before hints, and within a severity in file order; `hidden` is how many are left out.
 */
export function mostSevere(findings: readonly Finding[], max: number): { shown: Finding[]; hidden: number } {
  if (max <= 0 || findings.length <= max) return { shown: findings as Finding[], hidden: 0 };
  const rank: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const buckets: Finding[][] = [[], [], [], []];
  for (const f of findings) buckets[rank[f.severity] ?? 0].push(f);
  const shown: Finding[] = [];
  for (const b of buckets) {
    for (const f of b) {
      if (shown.length === max) break;
      shown.push(f);
    }
  }
  shown.sort((a, b) => a.span.start - b.span.start);
  return { shown, hidden: findings.length - max };
}

/** The notice on line 1 when the editor shows only some of a file's findings. */
export function tooManyProblemsNotice(text: string, shown: number, hidden: number): Finding {
  return {
    rule: TOO_MANY_PROBLEMS_RULE,
    severity: 'info',
    message:
      `v6ready shows ${shown.toLocaleString('en-US')} of the ${(shown + hidden).toLocaleString('en-US')} problems in this file, the most severe first ` +
      '(setting v6ready.maxNumberOfProblems; 0 shows all). `v6ready check` on it lists them all; Fix all fixes them all.',
    span: firstLineSpan(text),
    fixes: [],
  };
}

export interface SafeParse<Model> {
  parse: ParseResult<Model>;
  /** The parser threw: `parse` holds the model of an empty text and one finding that says so. */
  failed: boolean;
}

/** dialect.parse, except that a parser that throws gives a finding (and an empty model) instead of an exception. */
export function parseSafely<Model>(dialect: Dialect<Model>, text: string, errorRule: string, skip?: SkipRanges): SafeParse<Model> {
  try {
    return { parse: dialect.parse(text, skip), failed: false };
  } catch (err) {
    const empty = dialect.parse('');
    const finding: Finding = {
      rule: errorRule,
      severity: 'warning',
      message: `v6ready could not read this file (${(err as Error).message}), so it was not checked; please report it.`,
      span: { start: 0, end: 0 },
      fixes: [],
    };
    return { parse: { model: empty.model, syntaxFindings: [finding], comments: [] }, failed: true };
  }
}
