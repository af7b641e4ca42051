// Every file system read the CLI makes goes through here, so that a run of `check` can say exactly what it looked
// at: each read, stat, folder listing, existence test and resolved link, with a digest of what it saw (an
// "observation"). The result cache (result-cache.ts) stores a run's output with its observations and replays the
// output only while every observation still sees the same thing. Writes (--fix, report --output) do not come here:
// runs that write are never cached. A test (test/unit/result-cache.test.ts) keeps the rest of the CLI's code off
// node:fs.
import { lstatSync, opendirSync, readdirSync, readFileSync, realpathSync, statSync, type Dir, type Stats } from 'node:fs';
import { digest as hashOf } from './hash';

export type ObservationKind = 'read' | 'stat' | 'lstat' | 'list' | 'readdir' | 'exists' | 'realpath';

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
  return hashOf('sha1', bytes, 'base64');
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

// Each kind of look, as a pair: how it is made, and the digest of what it saw. Recording (observe) and looking again
// (seenNow) use the same pair, so a replay checks exactly what the run saw.
const readLook = (path: string) => readFileSync(path);
const readSeen = (bytes: Buffer) => `h${digest(bytes)}`;
const statLook = (path: string) => statSync(path, { throwIfNoEntry: false });
const lstatLook = (path: string) => lstatSync(path);
const existsLook = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
};
const existsSeen = (there: boolean) => (there ? 'y' : 'n');
const realpathLook = (path: string) => realpathSync.native(path);
// The resolved path itself: a link pointed elsewhere changes which files are the same file.
const realpathSeen = (real: string) => `p${real}`;
const readdirLook = (path: string) => readdirSync(path);
const readdirSeen = (names: string[]) => listSeen({ names });
const listSeenUpTo = (max: number) => (l: Listing) => `${max}:${listSeen(l)}`;

/** Make a look, record what it saw (an error too, which is then thrown as the look threw it), and return its value. */
function observe<T>(kind: ObservationKind, path: string, look: (path: string) => T, seen: (value: T) => string): T {
  let value: T;
  try {
    value = look(path);
  } catch (err) {
    note(kind, path, errorSeen(err));
    throw err;
  }
  // No journal (a run the result cache does not record: --no-cache, --fix, stdin): nothing to digest.
  if (journal()) note(kind, path, seen(value));
  return value;
}

/** What the look sees now, an error included. */
function lookAgain<T>(path: string, look: (path: string) => T, seen: (value: T) => string): string {
  try {
    return seen(look(path));
  } catch (err) {
    return errorSeen(err);
  }
}

/** The bytes of a file (or of stdin, fd 0, which makes the run uncacheable); throws as readFileSync does. */
export function readBytes(path: string | 0): Buffer {
  if (path === 0) {
    const j = journal();
    if (j) j.uncacheable ??= 'read stdin';
    return readFileSync(0);
  }
  return observe('read', path, readLook, readSeen);
}

/** statSync(path); undefined for a missing path (no exception, as with throwIfNoEntry: false); throws other errors. */
export function stat(path: string): Stats | undefined {
  return observe('stat', path, statLook, statSeen);
}

/** lstatSync(path) (a symbolic link is not followed); throws as lstatSync does. */
export function lstat(path: string): Stats {
  return observe('lstat', path, lstatLook, statSeen);
}

/** Does the path exist (following links)? */
export function exists(path: string): boolean {
  return observe('exists', path, existsLook, existsSeen);
}

/** realpathSync(path): the path with every symbolic link resolved; throws as realpathSync does. */
export function realpath(path: string): string {
  return observe('realpath', path, realpathLook, realpathSeen);
}

/** readdirSync(path): the names in a folder; throws as readdirSync does. */
export function readdir(path: string): string[] {
  return observe('readdir', path, readdirLook, readdirSeen);
}

/** The names in a folder, read in batches and given up past `max` names (a folder of millions is not listed). */
export function list(path: string, max: number): Listing {
  return observe('list', path, (p) => listing(p, max), listSeenUpTo(max));
}

/** A folder with more entries than this is not listed by listNames: its paths are then read one by one. */
export const MAX_LISTED_NAMES = 100_000;

/**
 * The names in a folder, for the workspace model's existence checks (the CLI's and the language server's): empty when
 * the folder does not exist (or is a file), undefined when it cannot be read or holds more than `max` names.
 */
export function listNames(dir: string, max = MAX_LISTED_NAMES): ReadonlySet<string> | undefined {
  const l = list(dir, max);
  if ('names' in l) return new Set(l.names);
  return 'error' in l && (l.error === 'ENOENT' || l.error === 'ENOTDIR') ? new Set() : undefined;
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

/** What looking again at `o` sees now (the same looks as the first time, without recording). */
export function seenNow(o: Observation): string {
  const [kind, path] = o;
  switch (kind) {
    case 'read':
      return lookAgain(path, readLook, readSeen);
    case 'stat':
      return lookAgain(path, statLook, statSeen);
    case 'lstat':
      return lookAgain(path, lstatLook, statSeen);
    case 'exists':
      return lookAgain(path, existsLook, existsSeen);
    case 'readdir':
      return lookAgain(path, readdirLook, readdirSeen);
    case 'realpath':
      return lookAgain(path, realpathLook, realpathSeen);
    case 'list': {
      const max = Number(o[2].slice(0, o[2].indexOf(':')));
      return lookAgain(path, (p) => listing(p, max), listSeenUpTo(max));
    }
  }
}
