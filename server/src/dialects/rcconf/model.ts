// The typed view of an rc.conf: its variable assignments (name, value as sh reads it, where it is written, whether
// it stays set for the rc scripts), built from the sh tree. Rules read this; they never see tokens.
import type { CommandContext, ShProgram, SimpleCommandNode, WordNode } from '../../../../grammars/rcconf/cst';
import { simpleCommands } from '../../../../grammars/rcconf/cst';
import type { ShComment, SyntaxProblem, WordPart } from '../../../../grammars/rcconf/lexer';
import type { Span } from '../../core/types';
import { lineStartAt } from '../../core/text';

export interface RcValue {
  /** The value sh assigns when it is static (no $ expansion or command substitution); undefined otherwise. */
  text?: string;
  /** The value as written: from after `=` to the end of the word. */
  span: Span;
  /** How it is quoted: one double- or single-quoted string, a bare word, nothing (`name=`), or a mix. */
  quote: 'double' | 'single' | 'none' | 'empty' | 'mixed';
  /**
   * For a value written as one string without escapes (`"..."`, `'...'` or a bare word): the offsets of its
   * characters, so that a fix can edit inside it. Offset content.start + i holds text[i].
   */
  content?: Span;
  parts: WordPart[];
}

export interface Assignment {
  name: string;
  nameSpan: Span;
  /** The whole name=value word. */
  span: Span;
  value: RcValue;
  command: SimpleCommandNode;
  ctx: CommandContext;
  /** `name=value cmd ...`: sh sets the variable for that command only, not for the rc scripts. */
  forCommand: boolean;
  /** Set through `export name=value` or `readonly name=value`. */
  builtin?: string;
  /** Start of the line the assignment begins on, and that line's leading blanks. */
  lineStart: number;
  indent: string;
  /**
   * End of the line it ends on (before its line break), and the break itself ('' at the end of the file): a quoted
   * value or a `\` continuation may span lines, and a line deleted or inserted after it must not cut the value.
   */
  lineEnd: number;
  eol: string;
}

export interface RcconfModel {
  text: string;
  program: ShProgram;
  /** Every assignment, in document order. */
  assignments: Assignment[];
  /** Assignments that stay set for the rc scripts (not for one command only, not in a subshell or function), by name. */
  byName: Map<string, Assignment[]>;
  commands: { command: SimpleCommandNode; ctx: CommandContext }[];
  comments: ShComment[];
  problems: SyntaxProblem[];
  /**
   * The file's own line break, for lines a fix inserts: `\r\n` when its first line ends so, else `\n`. Undefined when
   * the file breaks its lines with lone carriage returns (old Mac): sh splits lines at LF only and reads such a file
   * as one line, so a line inserted with `\r` would join the line before it, and one inserted with `\n` would be the
   * only real line break in the file. rcconf/carriage-return fixes the file first.
   */
  lineBreak?: '\n' | '\r\n';
}

/** See RcconfModel.lineBreak. */
export function lineBreakOf(text: string): '\n' | '\r\n' | undefined {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  // No LF at all: a carriage return before the last character breaks lines the old Mac way (one at the very end
  // is only a CRLF file's last line that lost its LF).
  const cr = text.indexOf('\r');
  return cr >= 0 && cr < text.length - 1 ? undefined : '\n';
}

const NAME_EQ = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function valueOf(word: WordNode, nameLength: number): RcValue {
  const start = word.start + nameLength + 1;
  const span = { start, end: word.end };
  // Parts of the word after the `=`; the first text part holds `name=` as its head.
  const parts: WordPart[] = [];
  // A plain word carries no parts (see the lexer): it is one unquoted text.
  const wordParts: WordPart[] = word.info.parts.length ? word.info.parts : [{ kind: 'text', text: word.image, quote: 'none', start: word.start, end: word.end }];
  for (const p of wordParts) {
    if (p.end <= start) continue;
    if (p.kind === 'text' && p.start < start) {
      const cut = start - p.start;
      if (p.text.length > cut) parts.push({ ...p, text: p.text.slice(cut), start });
      continue;
    }
    parts.push(p);
  }
  const hasExpansion = parts.some((p) => p.kind === 'expansion');
  const text = hasExpansion ? undefined : parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  let quote: RcValue['quote'] = 'mixed';
  let content: Span | undefined;
  if (start === word.end) {
    quote = 'empty';
    content = { start, end: start };
  } else if (parts.length === 1 && parts[0].kind === 'text') {
    const p = parts[0];
    const raw = p.end - p.start;
    if (p.quote === 'double' || p.quote === 'single') {
      quote = p.quote;
      if (p.start === start && p.end === word.end && raw === p.text.length + 2) content = { start: p.start + 1, end: p.end - 1 };
    } else if (p.quote === 'none') {
      quote = 'none';
      if (p.start === start && p.end === word.end && raw === p.text.length) content = { start: p.start, end: p.end };
    }
  }
  return { text, span, quote, content, parts };
}

/** The lines from the one `start` is on to the one `end` is on (see Assignment.lineStart and lineEnd). */
function linesAround(text: string, start: number, end: number): { lineStart: number; indent: string; lineEnd: number; eol: string } {
  const lineStart = lineStartAt(text, start);
  let i = lineStart;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let lineEnd = text.indexOf('\n', end);
  let eol = '\n';
  if (lineEnd < 0) {
    lineEnd = text.length;
    eol = '';
  }
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') {
    lineEnd--;
    eol = '\r' + eol;
  }
  return { lineStart, indent: text.slice(lineStart, i), lineEnd, eol };
}

export function buildRcconfModel(text: string, program: ShProgram, comments: ShComment[], problems: SyntaxProblem[]): RcconfModel {
  const commands = simpleCommands(program);
  const assignments: Assignment[] = [];
  for (const { command, ctx } of commands) {
    const forCommand = command.words.length > 0;
    const add = (w: WordNode, builtin?: string) => {
      const m = NAME_EQ.exec(w.image);
      if (!m) return;
      const name = m[1];
      assignments.push({
        name,
        nameSpan: { start: w.start, end: w.start + name.length },
        span: { start: w.start, end: w.end },
        value: valueOf(w, name.length),
        command,
        ctx,
        forCommand: forCommand && !builtin,
        builtin,
        ...linesAround(text, w.start, w.end),
      });
    };
    for (const w of command.assignments) add(w);
    // `export name=value` and `readonly name=value` set the variable too.
    const head = command.words[0];
    if (command.assignments.length === 0 && head && (head.image === 'export' || head.image === 'readonly')) {
      for (const w of command.words.slice(1)) if (w.type === 'Assign') add(w, head.image);
    }
  }
  assignments.sort((a, b) => a.span.start - b.span.start);
  const byName = new Map<string, Assignment[]>();
  for (const a of assignments) {
    if (a.forCommand || a.ctx.subshell || a.ctx.inFunction) continue;
    const list = byName.get(a.name);
    if (list) list.push(a);
    else byName.set(a.name, [a]);
  }
  return { text, program, assignments, byName, commands, comments, problems, lineBreak: lineBreakOf(text) };
}

/** The assignment whose value the rc scripts see for name: the last unconditional one (else the last one). */
export function effective(model: RcconfModel, name: string): Assignment | undefined {
  const list = model.byName.get(name);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (!list[i].ctx.conditional) return list[i];
  return list[list.length - 1];
}

/** The static value of name as the rc scripts see it (undefined when unset or not static). */
export function valueOfKnob(model: RcconfModel, name: string): string | undefined {
  return effective(model, name)?.value.text;
}

/** checkyesno(8)'s truth: YES, TRUE, ON or 1 in any case. */
export function isYes(value: string | undefined): boolean {
  return value !== undefined && /^(?:yes|true|on|1)$/i.test(value);
}

/** checkyesno(8)'s falsehood: NO, FALSE, OFF or 0 in any case. */
export function isNo(value: string | undefined): boolean {
  return value !== undefined && /^(?:no|false|off|0)$/i.test(value);
}
