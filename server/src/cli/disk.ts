// Every file system read the CLI makes goes through here, so that a run of `check` can say exactly what it looked
// at: each read, stat, folder listing and existence test, with a digest of what it saw (an "observation"). The
// result cache (result-cache.ts) stores a run's output with its observations and replays the output only while
// every observation still sees the same thing. Writes (--fix, report --output) do not come here: runs that write
// are never cached. A test (test/unit/result-cache.test.ts) keeps the rest of the CLI's code off node:fs.
import { createHash } from 'node:crypto';
import { lstatSync, opendirSync, readdirSync, readFileSync, statSync, type Dir, type Stats } from 'node:fs';

export type ObservationKind = 'read' | 'stat' | 'lstat' | 'list' | 'readdir' | 'exists';

/** What one look at the disk saw: [kind, path, digest]. Looking again and getting the same digest means "unchanged". */
export type Observation = [kind: ObservationKind, path: string, seen: string];

/**
 * The journal a run records into, shared through a global because the CLI's loader (boot.ts, which owns the cache)
 * and the CLI bundle each have their own copy of this module.
 */
export interface Journal {
  observations: Map<string, Observation>;
  /** Set when the run read something that cannot be looked at again (stdin) or saw one path change under it. */
  uncacheable?: string;
}

const JOURNAL = Symbol.for('v6ready.disk-journal');

export function startJournal(): Journal {
  const j: Journal = { observations: new Map() };
  (globalThis as Record<symbol, unknown>)[JOURNAL] = j;
  return j;
}

function journal(): Journal | undefined {
  return (globalThis as Record<symbol, unknown>)[JOURNAL] as Journal | undefined;
}

function note(kind: ObservationKind, path: string, seen: string): void {
  const j = journal();
  if (!j) return;
  const key = `${kind}\0${path}`;
  const before = j.observations.get(key);
  if (!before) j.observations.set(key, [kind, path, seen]);
  else if (before[2] !== seen) j.uncacheable ??= `${path} changed while it was being checked`;
}

function errorSeen(err: unknown): string {
  return `E:${(err as NodeJS.ErrnoException).code ?? 'unknown'}`;
}

function digest(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function statSeen(st: Stats | undefined): string {
  if (!st) return 'E:ENOENT';
  // The size too: callers refuse files over a limit by it.
  return st.isFile() ? `f${st.size}` : st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'o';
}

/** Listing outcome for `list`: the names (in the file system's order), or why there are none. */
export type Listing = { names: string[] } | { error: string } | { tooMany: true };

function listSeen(l: Listing): string {
  if ('names' in l) return `h${digest([...l.names].sort().join('\0'))}`;
  return 'error' in l ? `E:${l.error}` : 'T';
}

/** The bytes of a file (or of stdin, fd 0, which makes the run uncacheable); throws as readFileSync does. */
export function readBytes(path: string | 0): Buffer {
  if (path === 0) {
    const j = journal();
    if (j) j.uncacheable ??= 'read stdin';
    return readFileSync(0);
  }
  try {
    const bytes = readFileSync(path);
    note('read', path, `h${digest(bytes)}`);
    return bytes;
  } catch (err) {
    note('read', path, errorSeen(err));
    throw err;
  }
}

/** statSync(path); undefined for a missing path (no exception, as with throwIfNoEntry: false); throws other errors. */
export function stat(path: string): Stats | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    note('stat', path, statSeen(st));
    return st;
  } catch (err) {
    note('stat', path, errorSeen(err));
    throw err;
  }
}

/** lstatSync(path) (a symbolic link is not followed); throws as lstatSync does. */
export function lstat(path: string): Stats {
  try {
    const st = lstatSync(path);
    note('lstat', path, statSeen(st));
    return st;
  } catch (err) {
    note('lstat', path, errorSeen(err));
    throw err;
  }
}

/** Does the path exist (following links)? */
export function exists(path: string): boolean {
  let st: Stats | undefined;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  note('exists', path, st ? 'y' : 'n');
  return st !== undefined;
}

/** readdirSync(path): the names in a folder; throws as readdirSync does. */
export function readdir(path: string): string[] {
  try {
    const names = readdirSync(path);
    note('readdir', path, listSeen({ names }));
    return names;
  } catch (err) {
    note('readdir', path, errorSeen(err));
    throw err;
  }
}

/** The names in a folder, read in batches and given up past `max` names (a folder of millions is not listed). */
export function list(path: string, max: number): Listing {
  const l = listing(path, max);
  note('list', path, `${max}:${listSeen(l)}`);
  return l;
}

function listing(path: string, max: number): Listing {
  let d: Dir;
  try {
    d = opendirSync(path, { bufferSize: 1024 });
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? 'unknown' };
  }
  try {
    const names: string[] = [];
    for (let e = d.readSync(); e; e = d.readSync()) {
      if (names.length >= max) return { tooMany: true };
      names.push(e.name);
    }
    return { names };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? 'unknown' };
  } finally {
    d.closeSync();
  }
}

/** What looking again at `o` sees now (the same code as the first look, without recording). */
export function seenNow(o: Observation): string {
  const [kind, path] = o;
  const errorOf = (f: () => string) => {
    try {
      return f();
    } catch (err) {
      return errorSeen(err);
    }
  };
  switch (kind) {
    case 'read':
      return errorOf(() => `h${digest(readFileSync(path))}`);
    case 'stat':
      return errorOf(() => statSeen(statSync(path, { throwIfNoEntry: false })));
    case 'lstat':
      return errorOf(() => statSeen(lstatSync(path)));
    case 'exists':
      return errorOf(() => (statSync(path, { throwIfNoEntry: false }) ? 'y' : 'n'));
    case 'readdir':
      return errorOf(() => listSeen({ names: readdirSync(path) }));
    case 'list': {
      const max = Number(o[2].slice(0, o[2].indexOf(':')));
      return `${max}:${listSeen(listing(path, max))}`;
    }
  }
}
