// The result cache of `v6ready check`, as Ruff's and ESLint's --cache: a run that looks at the same files with the
// same bytes, from the same folder with the same arguments, prints what the last such run printed and exits as it
// did, without loading the analysis at all. The loader (boot.ts) answers from here before it compiles the CLI.
//
// An entry is keyed by everything besides the disk that can change the output: the CLI build, Node's version, the
// working folder, the arguments, NO_COLOR and CI, and whether stdout/stderr are terminals (and the width). The disk
// part is checked, not keyed: the entry lists every observation the run made (disk.ts: each file read with a
// digest of its bytes, each stat, listing and existence test) and is used only if looking again sees the same.
// So an edited include, a new .v6ready.json up the tree or a zone file that appeared all miss, as they must.
//
// Never cached: --fix (it writes), stdin (-), runs that exit 2 (usage or I/O errors may be passing), and any run
// with --no-cache or V6READY_NO_CACHE=1. An unreadable, foreign or damaged entry is a miss, never an error.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seenNow, startJournal, type Observation } from './disk';
import { digest } from './hash';

/** Entries kept; past this many, the oldest are removed when a new one is written. */
export const MAX_ENTRIES = 256;
/** A run that printed more than this is not stored (replaying it would not be much faster than running it). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const FORMAT = 1;

interface Header {
  format: number;
  exitCode: number;
  observations: Observation[];
  /** The run's writes in order: [1 stdout | 2 stderr, byte length]; the bytes follow the header line. */
  output: [1 | 2, number][];
}

/** May this command line be answered from, and stored in, the cache? (Conservative: any doubt says no.) */
export function cacheable(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv[0] !== 'check' || env.V6READY_NO_CACHE) return false;
  // --timing times the work a cached answer skips.
  return !argv.some((a) => a === '--fix' || a === '--no-cache' || a === '--timing' || a === '-');
}

/** The entry for this command line, build and environment, under the cache folder. */
export function entryFile(cacheDir: string, build: string, argv: readonly string[]): string {
  const key = {
    build,
    node: process.version,
    cwd: process.cwd(),
    argv,
    env: { NO_COLOR: process.env.NO_COLOR ?? null, CI: process.env.CI ?? null },
    tty: [!!process.stdout.isTTY, !!process.stderr.isTTY, process.stderr.isTTY ? process.stderr.columns ?? 0 : 0],
  };
  return join(cacheDir, 'results', digest('sha1', JSON.stringify(key), 'hex'));
}

/**
 * A cache file of ours: a header line, then data. Undefined when it cannot be read or has no line break in its first
 * `maxHeader` bytes.
 */
export function readHeadedFile(file: string, maxHeader = Infinity): { bytes: Buffer; nl: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(10);
  return nl < 0 || nl > maxHeader ? undefined : { bytes, nl };
}

/** Replays a stored run if every observation still holds: returns its exit code, or undefined (a miss). */
export function replay(file: string): number | undefined {
  const read = readHeadedFile(file);
  if (!read) return undefined;
  const { bytes, nl } = read;
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
  } catch {
    return undefined;
  }
  if (header?.format !== FORMAT || !Array.isArray(header.observations) || !Array.isArray(header.output)) return undefined;
  const total = header.output.reduce((n, [, len]) => n + len, 0);
  if (nl + 1 + total !== bytes.length) return undefined;
  for (const o of header.observations) if (seenNow(o) !== o[2]) return undefined;
  let at = nl + 1;
  for (const [stream, len] of header.output) {
    (stream === 1 ? process.stdout : process.stderr).write(bytes.subarray(at, at + len));
    at += len;
  }
  return header.exitCode;
}

/**
 * Records this run (its observations through disk.ts, and everything it writes to stdout and stderr) and stores it
 * in `file` when the process exits with 0 or 1.
 */
export function record(file: string): void {
  const journal = startJournal();
  const output: [1 | 2, Buffer][] = [];
  let size = 0;
  const capture = (stream: NodeJS.WriteStream, n: 1 | 2) => {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8') : Buffer.from(chunk);
      size += bytes.length;
      if (size <= MAX_OUTPUT_BYTES) output.push([n, bytes]);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  };
  capture(process.stdout, 1);
  capture(process.stderr, 2);
  process.once('exit', (code) => {
    if ((code !== 0 && code !== 1) || journal.uncacheable || size > MAX_OUTPUT_BYTES) return;
    const header: Header = { format: FORMAT, exitCode: code, observations: [...journal.observations.values()], output: output.map(([n, b]) => [n, b.length]) };
    try {
      const dir = dirname(file);
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), ...output.map(([, b]) => b)]));
      renameSync(tmp, file);
      prune(dir);
    } catch {
      // No entry this time; the next run analyses again.
    }
  });
}

/**
 * Keeps the folder to `max` entries, removing the least recently written; with `which`, only the entries it accepts
 * count and may go (boot.ts keeps a few V8 code caches per entry this way).
 */
export function prune(dir: string, max = MAX_ENTRIES, which: (name: string) => boolean = () => true): void {
  const names = readdirSync(dir).filter(which);
  if (names.length <= max) return;
  const aged = names.map((n) => {
    try {
      return { n, t: statSync(join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  });
  aged.sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, names.length - max)) rmSync(join(dir, n), { force: true });
}
