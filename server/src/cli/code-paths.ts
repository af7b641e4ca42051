// The parts of the CLI a run used (its command, the dialects it analysed, its output format), for the loader's V8 code
// cache (boot.ts). The cache holds the functions compiled by the time the run that wrote it exited, so a cache written
// by a BIND run left every sshd run compiling the sshd parser and rules again (~45 ms of a ~200 ms run). The cache
// names the parts it covers, and the loader writes it again, with this run's functions added, when a run used a part
// it does not cover yet: after each part has been used once, nothing is written any more.
// Shared through a global, as disk.ts's journal: the loader and the CLI bundle each have their own copy of this module.

const KEY = Symbol.for('v6ready.code-paths');

function paths(): Set<string> {
  const g = globalThis as Record<symbol, unknown>;
  return (g[KEY] ??= new Set<string>()) as Set<string>;
}

/** Notes that this run used a part of the CLI, e.g. 'check', 'dialect:bind', 'format:sarif'. */
export function usedCodePath(path: string): void {
  paths().add(path);
}

/** The parts this run used so far. */
export function usedCodePaths(): string[] {
  return [...paths()];
}
