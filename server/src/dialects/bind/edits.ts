// Minimal text edits on named.conf: remove a list element, add one, insert a statement after another.
// They touch the smallest span, keep the surrounding layout and never swallow a comment.
import type { BlockNode, StatementNode } from '../../../../grammars/bind/cst';
import type { LineIndex } from '../../core/text';
import type { Edit, Span } from '../../core/types';

const COMMENT_START = /#|\/\/|\/\*/;

function isBlank(text: string, span: Span): boolean {
  return /^[ \t]*$/.test(text.slice(span.start, span.end));
}

/** Remove one element statement from a block, with the whitespace that separated it. */
export function removeElement(text: string, lines: LineIndex, block: BlockNode, st: StatementNode): Edit {
  const i = block.statements.indexOf(st);
  const line = lines.lineOf(st.start);
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  // Alone on its line: drop the whole line.
  if (isBlank(text, { start: lineStart, end: st.start }) && isBlank(text, { start: st.end, end: lineEnd }) && line + 1 < lines.lineCount) {
    return { start: lineStart, end: lines.lineStart(line + 1), newText: '' };
  }
  const next = block.statements[i + 1];
  if (next && lines.lineOf(next.start) === line && !COMMENT_START.test(text.slice(st.end, next.start))) {
    return { start: st.start, end: next.start, newText: '' };
  }
  const prevEnd = i > 0 ? block.statements[i - 1].end : block.start + 1;
  if (lines.lineOf(prevEnd) === line && !COMMENT_START.test(text.slice(prevEnd, st.start))) {
    return { start: prevEnd, end: st.end, newText: '' };
  }
  return { start: st.start, end: st.end, newText: '' };
}

/** Add `element;` at the end of a block's list, in the block's own layout (one line or one per line). */
export function appendElement(text: string, lines: LineIndex, block: BlockNode, element: string): Edit {
  const last = block.statements[block.statements.length - 1];
  if (!last) return { start: block.start + 1, end: block.start + 1, newText: ` ${element};` };
  const multiLine = lines.lineOf(last.start) !== lines.lineOf(block.start);
  if (multiLine && block.close >= 0 && lines.lineOf(block.close) !== lines.lineOf(last.end)) {
    return { start: last.end, end: last.end, newText: `${lines.eol}${lines.indentationAt(last.start)}${element};` };
  }
  return { start: last.end, end: last.end, newText: ` ${element};` };
}

/** Insert a statement after another one: on its own line with the same indentation, after any comment on that line. */
export function insertStatementAfter(text: string, lines: LineIndex, after: Span, statement: string): Edit {
  const line = lines.lineOf(after.end - 1);
  const lineEnd = lines.lineEnd(line);
  const rest = text.slice(after.end, lineEnd);
  if (/^[ \t]*(?:(?:#|\/\/).*)?$/.test(rest)) {
    return { start: lineEnd, end: lineEnd, newText: `${lines.eol}${lines.indentationAt(after.start)}${statement}` };
  }
  return { start: after.end, end: after.end, newText: ` ${statement}` };
}
