// Finding the files to check (directories walked by the languages' patterns) and reading them safely.
import { accessSync, chmodSync, constants, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dialectForPath } from '../core/registry';
import { lstat, readBytes, readdir, stat } from './disk';
import type { Dialect } from '../core/types';

export interface InputFile {
  /** The path as the user gave it (or as found under a directory they gave). */
  path: string;
  dialect: Dialect;
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
/** Bound on files taken from one directory tree, so a mistaken `check /` ends. */
export const MAX_WALK_FILES = 100_000;

/** A file system error in words, with its code: "permission denied (EACCES)". */
export function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links (a loop?)',
    EIO: 'input/output error',
    EROFS: 'read-only file system',
  };
  return code && words[code] ? `${words[code]} (${code})` : code ?? (err as Error).message;
}

/**
 * Files under dir whose names match a dialect's patterns; symlinked directories are not followed (no loops).
 * A directory that cannot be read is noted in `errors` and the walk goes on (without `errors`, it throws).
 */
export function walk(dir: string, out: InputFile[] = [], errors?: string[]): InputFile[] {
  let entries: string[];
  try {
    entries = readdir(dir).sort();
  } catch (err) {
    const message = `cannot read directory ${dir}: ${describeIoError(err)}`;
    if (!errors) throw new Error(message);
    errors.push(message);
    return out;
  }
  for (const name of entries) {
    if (out.length >= MAX_WALK_FILES) break;
    const p = join(dir, name);
    let st;
    try {
      st = lstat(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p, out, errors);
    } else if (st.isFile() || (st.isSymbolicLink() && isFile(p))) {
      const dialect = dialectForPath(p);
      if (dialect) out.push({ path: p, dialect });
    }
  }
  return out;
}

function isFile(p: string): boolean {
  try {
    return stat(p)?.isFile() === true;
  } catch {
    return false;
  }
}

export interface DecodedText {
  text: string;
  /** False when the bytes were not valid UTF-8 (undecodable bytes became U+FFFD). */
  validUtf8: boolean;
  /** A UTF-8 byte order mark was present (and stripped). */
  bom: boolean;
}

export function decode(bytes: Uint8Array): DecodedText {
  let bom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), validUtf8: true, bom };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), validUtf8: false, bom };
  }
}

export function readInput(path: string): DecodedText {
  return decode(readBytes(path));
}

export function readStdin(): DecodedText {
  return decode(readBytes(0));
}

/**
 * Replace a file's contents without a window where it is half-written: write a temp file beside it with the
 * same mode, then rename it over the original. A file the user may not write is refused, not replaced.
 */
export function writeAtomically(path: string, text: string): void {
  const st = stat(path);
  if (!st) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
  accessSync(path, constants.W_OK);
  const tmp = join(dirname(path), `.${basename(path)}.v6ready-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: st.mode & 0o7777 });
    chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Files larger than this are not read for the workspace model (includes, zone files): a config is far smaller. */
export const MAX_INPUT_BYTES_FOR_WORKSPACE = 64 * 1024 * 1024;
