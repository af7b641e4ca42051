// Small edits rc.conf fixes are made of: rewrite an assignment, insert a line after one, delete one, edit inside a value.
import type { Edit } from '../../core/types';
import type { Assignment, RcconfModel } from './model';

/** A value in double quotes, escaping what sh would expand or end the string at. */
export function dq(value: string): string {
  return '"' + value.replace(/[\\"$`]/g, '\\$&') + '"';
}

/** `name="value"` in the quote style of an existing assignment when it allows (single quotes stay single). */
export function assignmentText(name: string, value: string, like?: Assignment): string {
  if (like?.value.quote === 'single' && !value.includes("'")) return `${name}='${value}'`;
  return `${name}=${dq(value)}`;
}

/** Replace the whole name=value word of an assignment. */
export function replaceAssignment(a: Assignment, name: string, value: string): Edit {
  return { start: a.span.start, end: a.span.end, newText: assignmentText(name, value, a) };
}

/**
 * Insert a new line after the line of an assignment, with its indentation and the file's line break (the last line
 * has none of its own). Undefined in a file sh reads as one line (lone CR line breaks: see RcconfModel.lineBreak).
 */
export function insertLineAfter(model: RcconfModel, a: Assignment, line: string): Edit | undefined {
  const eol = a.eol.endsWith('\n') ? a.eol : model.lineBreak;
  if (eol === undefined) return undefined;
  return { start: a.lineEnd, end: a.lineEnd, newText: `${eol}${a.indent}${line}` };
}

/** Insert text at an offset inside a value (needs value.content), e.g. a keyword at its start. */
export function insertInValue(a: Assignment, index: number, text: string): Edit | undefined {
  const c = a.value.content;
  if (!c) return undefined;
  if (a.value.quote === 'none' || a.value.quote === 'empty') {
    // A bare value that gains a blank needs quotes.
    const v = a.value.text ?? '';
    return { start: a.value.span.start, end: a.value.span.end, newText: dq(v.slice(0, index) + text + v.slice(index)) };
  }
  if (a.value.quote === 'single' && text.includes("'")) return undefined;
  return { start: c.start + index, end: c.start + index, newText: text };
}

/** Rename a knob (the value is kept as written). */
export function rename(a: Assignment, name: string): Edit {
  return { start: a.nameSpan.start, end: a.nameSpan.end, newText: name };
}

/**
 * Delete an assignment that has its line to itself; a trailing comment on the line is kept. Undefined when the
 * line holds other commands (deleting the word would break them).
 */
export function deleteAssignment(model: RcconfModel, a: Assignment): Edit | undefined {
  const text = model.text;
  if (a.command.assignments.length !== 1 || a.command.words.length > 0 || a.command.redirects.length > 0 || a.ctx.depth > 0) return undefined;
  if (a.lineStart + a.indent.length !== a.span.start) return undefined;
  const rest = text.slice(a.span.end, a.lineEnd);
  const m = /^[ \t]*;?[ \t]*(#.*)?$/.exec(rest);
  if (!m) return undefined;
  if (m[1]) return { start: a.span.start, end: a.span.end + rest.indexOf('#'), newText: '' };
  return { start: a.lineStart, end: a.lineEnd + a.eol.length, newText: '' };
}

/** The next free alias number of an interface, given the alias knobs it already has. */
export function nextAliasIndex(model: RcconfModel, iface: string): number {
  let next = 0;
  const re = new RegExp(`^ifconfig_${iface.replace(/[^A-Za-z0-9_]/g, '')}_alias([0-9]+)$`);
  for (const a of model.assignments) {
    const m = re.exec(a.name);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return next;
}
