// Suppression comments: `v6ready-disable-next-line <rule-id>... [-- reason]` and `v6ready-disable-file <rule-id>...`,
// written in each dialect's own comment syntax. Findings they cover are dropped before they are reported.
import type { CommentSpan, Finding, Span } from './types';
import type { LineIndex } from './text';

const DIRECTIVE = /^\s*v6ready-(disable-next-line|disable-file)\b([^]*)$/;

export interface Suppressions {
  /** Rule ids suppressed per 0-based line ('*' = all rules). */
  lines: Map<number, Set<string>>;
  file: Set<string>;
}

/**
 * `statements`: the dialect's statements that span lines (Dialect.statementSpans), asked for only when some
 * `disable-next-line` comment exists: a comment above a statement's first line covers every line of it.
 */
export function collectSuppressions(comments: readonly CommentSpan[], lines: LineIndex, statements?: () => readonly Span[]): Suppressions {
  const result: Suppressions = { lines: new Map(), file: new Set() };
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body.replace(/\*\/\s*$/, ''));
    if (!m) continue;
    const ids = m[2].split('--')[0].split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? ids : ['*'];
    if (m[1] === 'disable-file') {
      for (const r of rules) result.file.add(r);
    } else {
      const target = lines.lineOf(c.end) + 1;
      const set = result.lines.get(target) ?? new Set<string>();
      for (const r of rules) set.add(r);
      result.lines.set(target, set);
    }
  }
  if (statements && result.lines.size > 0) {
    for (const s of statements()) {
      const first = lines.lineOf(s.start);
      const rules = result.lines.get(first);
      if (!rules) continue;
      for (let l = first + 1, last = lines.lineOf(s.end); l <= last; l++) {
        const set = result.lines.get(l) ?? new Set<string>();
        for (const r of rules) set.add(r);
        result.lines.set(l, set);
      }
    }
  }
  return result;
}

/** The line a suppression comment for a finding at `offset` goes above: the first line of the statement it is in. */
export function suppressionLine(offset: number, lines: LineIndex, statements?: readonly Span[]): number {
  const s = statements?.find((x) => x.start <= offset && offset < x.end);
  return lines.lineOf(s ? s.start : offset);
}

export function isSuppressed(f: Finding, s: Suppressions, lines: LineIndex): boolean {
  if (s.file.has(f.rule) || s.file.has('*')) return true;
  const set = s.lines.get(lines.lineOf(f.span.start));
  return !!set && (set.has(f.rule) || set.has('*'));
}

/** The text of a suppression comment line for a rule, in the dialect's line-comment syntax. */
export function suppressionComment(lineComment: string, ruleId: string): string {
  return `${lineComment} v6ready-disable-next-line ${ruleId} -- `;
}
