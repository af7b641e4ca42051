// Following `include` statements across files, through an injected reader (the core stays free of fs, and an
// untrusted workspace can confine what is read). Cycles and excessive depth end the walk with a problem.
import type { Span } from '../core/types';
import { hasGlob, MAX_GLOB_FILES, type GlobExpansion } from './glob-expand';

/** Reads a file's text, or returns undefined when it does not exist or may not be read. */
export type FileReader = (path: string) => string | undefined;

export interface IncludeRef {
  /** The path as written in the file. */
  target: string;
  span: Span;
}

export interface IncludeProblem {
  /** The file holding the include statement. */
  file: string;
  span: Span;
  message: string;
}

export interface IncludeGraph {
  /** Every file reached, the root first, each once. */
  files: string[];
  problems: IncludeProblem[];
}

export const MAX_INCLUDE_DEPTH = 32;
export const MAX_INCLUDED_FILES = 1000;

/**
 * Walk the include graph from root. `includesOf` lists a file's includes (dialect-specific), `resolve` turns a
 * written path into the path to read (relative to the including file or a configured directory).
 */
export function followIncludes(
  root: string,
  read: FileReader,
  includesOf: (text: string) => IncludeRef[],
  resolve: (from: string, target: string) => string,
  /** Expands a wildcard include (Apache), bounded (glob-expand.ts); without it a wildcard is read as a plain path. */
  expand?: (from: string, target: string) => GlobExpansion,
): IncludeGraph {
  const files: string[] = [];
  const problems: IncludeProblem[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (files.length >= MAX_INCLUDED_FILES) return;
    const text = read(file);
    if (text === undefined) return;
    seen.add(file);
    files.push(file);
    for (const ref of includesOf(text)) {
      if (ref.target === '') {
        problems.push({ file, span: ref.span, message: 'include of an empty path: named-checkconf 9.18 aborts with an assertion failure on this' });
        continue;
      }
      if (expand && hasGlob(ref.target)) {
        const g = expand(file, ref.target);
        if (g.truncated) problems.push({ file, span: ref.span, message: `wildcard '${ref.target}' matches too many files: only the first ${MAX_GLOB_FILES} are followed` });
        for (const target of g.files) {
          if (chain.includes(target)) problems.push({ file, span: ref.span, message: `include loop: ${[...chain.slice(chain.indexOf(target)), target].join(' -> ')}` });
          else if (chain.length >= MAX_INCLUDE_DEPTH) problems.push({ file, span: ref.span, message: `includes nested more than ${MAX_INCLUDE_DEPTH} deep; not followed further` });
          else if (!seen.has(target)) visit(target, [...chain, target]);
        }
        continue;
      }
      const target = resolve(file, ref.target);
      if (chain.includes(target)) {
        problems.push({ file, span: ref.span, message: `include loop: ${[...chain.slice(chain.indexOf(target)), target].join(' -> ')}` });
        continue;
      }
      if (chain.length >= MAX_INCLUDE_DEPTH) {
        problems.push({ file, span: ref.span, message: `includes nested more than ${MAX_INCLUDE_DEPTH} deep; not followed further` });
        continue;
      }
      if (read(target) === undefined) {
        problems.push({ file, span: ref.span, message: `included file '${ref.target}' not found (named: parsing failed: file not found)` });
        continue;
      }
      if (!seen.has(target)) visit(target, [...chain, target]);
    }
  };
  visit(root, [root]);
  return { files, problems };
}
