// Minimal text edits on sshd_config: replace one argument, add lines after a directive, drop a line. Each touches
// the smallest span and keeps the layout (indentation, the line's own comment).
import type { LineIndex } from '../../core/text';
import type { Edit, Span } from '../../core/types';
import type { Directive } from './model';

export function replaceSpan(span: Span, newText: string): Edit {
  return { start: span.start, end: span.end, newText };
}

/** New directive lines right after a directive's line, with its indentation. */
export function insertLinesAfter(lines: LineIndex, d: Directive, newLines: readonly string[]): Edit {
  const indent = lines.indentationAt(d.line.start);
  const at = d.line.end;
  return { start: at, end: at, newText: newLines.map((l) => `${lines.eol}${indent}${l}`).join('') };
}

/**
 * Remove a directive's whole line, its line break included (or the preceding one on the last line); a comment after
 * it stays, in the directive's place. Undefined
 * when the editor's lines and sshd's differ there (a lone CR, which sshd reads as a blank inside one line):
 * "the line" would then be other bytes than the directive's.
 */
export function deleteLine(text: string, lines: LineIndex, d: Directive): Edit | undefined {
  const line = lines.lineOf(d.line.start);
  if (lines.lineStart(line) !== d.line.start || lines.lineOf(d.line.end) !== line) return undefined;
  // A comment after the directive (sshd 9.x ends a line's words at `#`) is the author's note: it stays, on its own.
  const hash = text.slice(d.span.end, d.line.end).search(/#/);
  if (hash >= 0 && /^[ \t]*$/.test(text.slice(d.span.end, d.span.end + hash))) return { start: d.span.start, end: d.span.end + hash, newText: '' };
  if (line + 1 < lines.lineCount) return { start: lines.lineStart(line), end: lines.lineStart(line + 1), newText: '' };
  const start = line > 0 ? lines.lineEnd(line - 1) : 0;
  return { start, end: text.length, newText: '' };
}
