// Following `include` statements across files, through an injected reader (the core stays free of fs, and an
// untrusted workspace can confine what is read). Cycles, excessive depth, missing files and wildcards that match
// too much end the walk with a problem on the include statement, never a hang.
import type { Severity, Span } from '../core/types';
import { hasGlob } from '../core/globs';
import { MAX_GLOB_FILES, type GlobExpansion } from './glob-expand';

/** Reads a file's text, or returns undefined when it does not exist or may not be read. */
export type FileReader = (path: string) => string | undefined;

export interface IncludeRef {
  /** The path as written in the file. */
  target: string;
  span: Span;
  /** A missing target is fine (Apache `IncludeOptional`). */
  optional?: boolean;
  /** Read only when this holds (PathLink.when): a loop through it is a loop only then. */
  when?: string;
}

export interface IncludeProblem {
  /** The file holding the include statement. */
  file: string;
  span: Span;
  /** 'loop' loses nothing; the others leave part of the tree unread. */
  kind: 'loop' | 'depth' | 'missing' | 'limit';
  severity: Severity;
  message: string;
}

export interface IncludeGraph {
  /** Every file reached, the root first, each once. */
  files: string[];
  problems: IncludeProblem[];
}

export const MAX_INCLUDE_DEPTH = 32;
export const MAX_INCLUDED_FILES = 1000;
/** Walks of files in one graph, a file walked again under fewer conditions included: a bound on the revisits. */
const MAX_WALKS = 4 * MAX_INCLUDED_FILES;

/**
 * What is said of a server path not read because the file naming it is a copy checked away from the server
 * (paths.ts machineMayHold), where the copy does not hold it either.
 */
export function notOnThisMachine(what: string): string {
  return (
    `${what} is not in this copy of the server's files, and is not read from this machine: the file checked is outside ` +
    "/etc, /var, /usr and /opt, so it is a copy, and the checking machine's own files are not the server's. " +
    'Keep it in the copy at the same path under the copy\'s root (ns1/etc/bind/... for /etc/bind/...) or beside the file checked; what it defines is unknown to v6ready'
  );
}

/** The conditions a file is read under: its includer's, and the include's own. */
function within(when: readonly string[], ref: IncludeRef): readonly string[] {
  return ref.when && !when.includes(ref.when) ? [...when, ref.when] : when;
}

/**
 * Walk the include graph from root. `includesOf` lists a file's includes (dialect-specific), `resolve` turns a
 * written path into the path to read (relative to the including file or a configured directory). An empty
 * target is left to the dialect's own rules, which know what the daemon does with it.
 */
export function followIncludes(
  root: string,
  read: FileReader,
  includesOf: (file: string, text: string) => IncludeRef[],
  /**
   * The path to read for a written target; undefined for a server path this machine's file does not stand for
   * (paths.ts machineMayHold: a copy of a server's files, checked elsewhere, that does not hold it).
   */
  resolve: (from: string, target: string) => string | undefined,
  /** Expands a wildcard include (bounded, glob-expand.ts); without it a wildcard include is not followed. */
  expand?: (from: string, target: string) => GlobExpansion,
): IncludeGraph {
  const files: string[] = [];
  const problems: IncludeProblem[] = [];
  // The conditions each file was walked under. A file reached again under conditions that include those of an
  // earlier walk (or the same) holds nothing new; reached with fewer (unconditionally, after first under an
  // <IfModule>), it is walked again, so a loop in it is as certain as the surest way it is read.
  const walked = new Map<string, (readonly string[])[]>();
  let walks = 0;
  const walkedUnder = (file: string, when: readonly string[]) => walked.get(file)?.some((w) => w.every((c) => when.includes(c))) ?? false;
  // Walking again finds the same problems again: each is said once, and a loop only under its fewest conditions.
  const said = new Set<string>();
  const loopConditions = new Map<IncludeProblem, readonly string[]>();
  const say = (p: IncludeProblem, conds?: readonly string[]) => {
    const key = `${p.file}\u0000${p.span.start}\u0000${p.message}`;
    if (said.has(key)) return;
    said.add(key);
    problems.push(p);
    if (conds) loopConditions.set(p, conds);
  };
  // A loop is certain unless some include on the way to it is read only under a condition v6ready cannot judge:
  // then httpd loops only when that holds (<IfModule mod_foo.c> with the module not loaded reads nothing).
  const loop = (file: string, ref: IncludeRef, chain: string[], target: string, when: readonly string[]): void => {
    const conds = within(when, ref);
    const path = [...chain.slice(chain.indexOf(target)), target].join(' -> ');
    say(
      conds.length === 0
        ? { file, span: ref.span, kind: 'loop', severity: 'error', message: `include loop: ${path}` }
        : { file, span: ref.span, kind: 'loop', severity: 'warning', message: `include loop when ${conds.join(' and ')} ${conds.length > 1 ? 'hold' : 'holds'}: ${path}` },
      conds,
    );
  };
  const visit = (file: string, chain: string[], when: readonly string[]) => {
    const earlier = walked.get(file);
    if ((!earlier && files.length >= MAX_INCLUDED_FILES) || walks >= MAX_WALKS) return;
    const text = read(file);
    if (text === undefined) return;
    walks++;
    if (earlier) earlier.push(when);
    else {
      walked.set(file, [when]);
      files.push(file);
    }
    for (const ref of includesOf(file, text)) {
      if (ref.target === '') continue;
      if (hasGlob(ref.target)) {
        // Without a lister a wildcard is not followed (and is no missing file either).
        if (!expand) continue;
        const g = expand(file, ref.target);
        if (g.folderNotInCopy !== undefined) {
          say({
            file,
            span: ref.span,
            kind: 'missing',
            severity: 'info',
            message: `wildcard '${ref.target}': the folder ${g.folderNotInCopy} is not in this copy of the server's files; what the server keeps there is unknown to v6ready`,
          });
        }
        if (g.notOnThisMachine !== undefined) {
          say({ file, span: ref.span, kind: 'missing', severity: 'info', message: notOnThisMachine(`wildcard '${ref.target}': the folder ${g.notOnThisMachine}`) });
        }
        if (g.truncated) {
          say({ file, span: ref.span, kind: 'limit', severity: 'warning', message: `wildcard '${ref.target}' matches too many files: only the first ${MAX_GLOB_FILES} are followed` });
        }
        for (const target of g.files) {
          if (chain.includes(target)) {
            loop(file, ref, chain, target, when);
          } else if (chain.length >= MAX_INCLUDE_DEPTH) {
            say({ file, span: ref.span, kind: 'depth', severity: 'warning', message: `includes nested more than ${MAX_INCLUDE_DEPTH} deep; not followed further` });
          } else if (!walkedUnder(target, within(when, ref))) visit(target, [...chain, target], within(when, ref));
        }
        continue;
      }
      const target = resolve(file, ref.target);
      if (target === undefined) {
        if (!ref.optional) say({ file, span: ref.span, kind: 'missing', severity: 'warning', message: notOnThisMachine(`included file '${ref.target}'`) });
        continue;
      }
      if (chain.includes(target)) {
        loop(file, ref, chain, target, when);
        continue;
      }
      if (chain.length >= MAX_INCLUDE_DEPTH) {
        say({ file, span: ref.span, kind: 'depth', severity: 'warning', message: `includes nested more than ${MAX_INCLUDE_DEPTH} deep; not followed further` });
        continue;
      }
      if (read(target) === undefined) {
        if (!ref.optional) {
          say({
            file,
            span: ref.span,
            kind: 'missing',
            severity: 'warning',
            message: `included file '${ref.target}' cannot be read from here (looked for ${target}); names defined in it are unknown to v6ready`,
          });
        }
        continue;
      }
      if (files.length >= MAX_INCLUDED_FILES) {
        say({ file, span: ref.span, kind: 'limit', severity: 'warning', message: `more than ${MAX_INCLUDED_FILES} included files; the rest are not followed` });
        return;
      }
      if (!walkedUnder(target, within(when, ref))) visit(target, [...chain, target], within(when, ref));
    }
  };
  visit(root, [root], []);
  // A loop found under conditions is dropped where the same include loops under fewer of them.
  const surer = (p: IncludeProblem, q: IncludeProblem) => {
    const a = loopConditions.get(p)!;
    const b = loopConditions.get(q)!;
    return q !== p && q.file === p.file && q.span.start === p.span.start && b.length < a.length && b.every((c) => a.includes(c));
  };
  const loops = problems.filter((p) => loopConditions.has(p));
  return { files, problems: problems.filter((p) => !loopConditions.has(p) || !loops.some((q) => surer(p, q))) };
}
