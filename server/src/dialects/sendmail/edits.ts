// Minimal text edits on .mc files: insert a line after or before a statement's line(s), delete or move a
// statement's line(s), keeping indentation, line ends and the trailing `dnl` convention of the file.
import type { CallNode } from '../../../../grammars/sendmail/cst';
import type { LineIndex } from '../../core/text';
import type { Edit, Span } from '../../core/types';

/** The statement ends its line with `dnl` (possibly followed by a comment). */
export function endsWithDnl(text: string, lines: LineIndex, call: CallNode): boolean {
  const line = lines.lineOf(Math.max(call.start, call.end - 1));
  return /^[ \t]*dnl(?![A-Za-z0-9_])/.test(text.slice(call.end, lines.lineEnd(line)));
}

/** The lines a call occupies, when nothing but white space and a trailing `dnl` comment shares them. */
export function ownLines(text: string, lines: LineIndex, call: Span): { first: number; last: number } | undefined {
  const first = lines.lineOf(call.start);
  const last = lines.lineOf(Math.max(call.start, call.end - 1));
  if (!/^[ \t]*$/.test(text.slice(lines.lineStart(first), call.start))) return undefined;
  if (!/^[ \t]*(?:dnl(?![A-Za-z0-9_]).*)?$/.test(text.slice(call.end, lines.lineEnd(last)))) return undefined;
  return { first, last };
}

/** Insert `line` as a new line after the line holding the end of `after` (after its trailing comment). */
export function insertLineAfter(text: string, lines: LineIndex, after: Span, line: string): Edit {
  const l = lines.lineOf(Math.max(after.start, after.end - 1));
  const end = lines.lineEnd(l);
  return { start: end, end, newText: `${lines.eol}${lines.indentationAt(after.start)}${line}` };
}

/** Insert `line` as a new line before the line holding `before`, with that line's indentation. */
export function insertLineBefore(lines: LineIndex, before: Span, line: string): Edit {
  const start = lines.lineStart(lines.lineOf(before.start));
  return { start, end: start, newText: `${lines.indentationAt(before.start)}${line}${lines.eol}` };
}

/**
 * Remove a statement with its line(s) when it has them to itself; undefined when it shares a line or a
 * `dnl` comment follows it (the comment would go with it).
 */
export function deleteStatement(text: string, lines: LineIndex, call: Span): Edit | undefined {
  const own = ownLines(text, lines, call);
  if (!own) return undefined;
  if (!/^[ \t]*(?:dnl[ \t]*)?$/.test(text.slice(call.end, lines.lineEnd(own.last)))) return undefined;
  const start = lines.lineStart(own.first);
  const end = own.last + 1 < lines.lineCount ? lines.lineStart(own.last + 1) : lines.lineEnd(own.last);
  // At the end of a file without a final newline, take the preceding line break instead.
  if (end === lines.lineEnd(own.last) && start > 0) return { start: lines.lineEnd(own.first - 1), end, newText: '' };
  return { start, end, newText: '' };
}

/** Move a statement (its own lines) to just before the line of `target`, which comes earlier in the file. */
export function moveStatementBefore(text: string, lines: LineIndex, call: Span, target: Span): Edit[] | undefined {
  const own = ownLines(text, lines, call);
  if (!own || target.start >= lines.lineStart(own.first)) return undefined;
  // The moved lines carry their trailing comment along.
  const start = lines.lineStart(own.first);
  const end = own.last + 1 < lines.lineCount ? lines.lineStart(own.last + 1) : lines.lineEnd(own.last);
  const del: Edit = end === lines.lineEnd(own.last) && start > 0 ? { start: lines.lineEnd(own.first - 1), end, newText: '' } : { start, end, newText: '' };
  const body = text.slice(lines.lineStart(own.first), lines.lineEnd(own.last));
  const at = lines.lineStart(lines.lineOf(target.start));
  return [{ start: at, end: at, newText: `${body}${lines.eol}` }, del];
}
