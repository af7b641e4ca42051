// The lean tree the rc.conf parser builds: sh lists, pipelines and commands with their words, in document order.
import type { WordInfo } from './lexer';

export interface WordNode {
  image: string;
  start: number;
  end: number;
  info: WordInfo;
  /** Token type name: Word, Assign, or a reserved word (If, Then, ...) read as a word. */
  type: string;
}

export interface RedirectNode {
  op: string;
  start: number;
  end: number;
  target?: WordNode;
}

export interface SimpleCommandNode {
  kind: 'simple';
  /** The name=value words before the command name. */
  assignments: WordNode[];
  /** The command name and its arguments (empty for a bare assignment). */
  words: WordNode[];
  redirects: RedirectNode[];
  start: number;
  end: number;
}

export type CompoundKind = 'if' | 'while' | 'until' | 'for' | 'case' | 'brace' | 'subshell';

export interface CompoundNode {
  kind: CompoundKind;
  /** The opening reserved word or parenthesis. */
  keyword: { start: number; end: number };
  /** Every list inside it, in order (conditions, bodies, case items). */
  body: AndOrNode[];
  /** The loop variable of `for`, the subject of `case`. */
  subject?: WordNode;
  redirects: RedirectNode[];
  start: number;
  end: number;
}

export interface FunctionNode {
  kind: 'function';
  name: WordNode;
  body?: CommandNode;
  start: number;
  end: number;
}

export type CommandNode = SimpleCommandNode | CompoundNode | FunctionNode;

export interface PipelineNode {
  bang: boolean;
  commands: CommandNode[];
  start: number;
  end: number;
}

/** Pipelines joined by && and ||; `background` when the list item ended with `&`. */
export interface AndOrNode {
  pipelines: PipelineNode[];
  background: boolean;
  start: number;
  end: number;
}

export interface ShProgram {
  items: AndOrNode[];
}

/** Where a simple command runs, which decides whether its assignments stay set for the rc scripts. */
export interface CommandContext {
  /** Runs only when a condition holds: inside if/case/while/until/for, or after && / ||. */
  conditional: boolean;
  /** Runs in a subshell (pipeline, `&`, `( )`): its assignments are lost. */
  subshell: boolean;
  /** Inside a function body: runs only when the function is called. */
  inFunction: boolean;
  /** Nesting depth of compound commands around it (0 at top level). */
  depth: number;
}

/** Every simple command of the program with its context, in document order. */
export function simpleCommands(program: ShProgram): { command: SimpleCommandNode; ctx: CommandContext }[] {
  const out: { command: SimpleCommandNode; ctx: CommandContext }[] = [];
  // The parser bounds nesting, so plain recursion is safe; the guard is a second line of defence.
  const visitCommand = (c: CommandNode, ctx: CommandContext, guard: number): void => {
    if (guard > 500) return;
    if (c.kind === 'simple') out.push({ command: c, ctx });
    else if (c.kind === 'function') {
      if (c.body) visitCommand(c.body, { ...ctx, inFunction: true }, guard + 1);
    } else {
      visitItems(c.body, {
        conditional: ctx.conditional || (c.kind !== 'brace' && c.kind !== 'subshell'),
        subshell: ctx.subshell || c.kind === 'subshell',
        inFunction: ctx.inFunction,
        depth: ctx.depth + 1,
      }, guard + 1);
    }
  };
  const visitItems = (items: AndOrNode[], ctx: CommandContext, guard: number): void => {
    for (const item of items) {
      item.pipelines.forEach((p, i) => {
        const pctx: CommandContext = {
          conditional: ctx.conditional || i > 0,
          subshell: ctx.subshell || item.background || p.commands.length > 1,
          inFunction: ctx.inFunction,
          depth: ctx.depth,
        };
        for (const c of p.commands) visitCommand(c, pctx, guard);
      });
    }
  };
  visitItems(program.items, { conditional: false, subshell: false, inFunction: false, depth: 0 }, 0);
  return out;
}

/** Every command node (all kinds), depth first in document order. */
export function allCommands(program: ShProgram): CommandNode[] {
  const out: CommandNode[] = [];
  const visit = (items: AndOrNode[], depth: number) => {
    if (depth > 200) return;
    for (const item of items) {
      for (const p of item.pipelines) {
        for (const c of p.commands) {
          out.push(c);
          if (c.kind === 'function') {
            if (c.body) {
              out.push(c.body);
              if (c.body.kind !== 'simple' && c.body.kind !== 'function') visit(c.body.body, depth + 1);
            }
          } else if (c.kind !== 'simple') visit(c.body, depth + 1);
        }
      }
    }
  };
  visit(program.items, 0);
  return out;
}
