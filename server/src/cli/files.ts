// Finding the files to check (directories walked by the languages' patterns) and reading them safely.
import { accessSync, chmodSync, chownSync, constants, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dialectForPath } from '../core/registry';
import { lstat, readBytes, readdir, realpath, stat } from './disk';
import type { Dialect } from '../core/types';
import type { RunProblem } from './format';

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
export function walk(dir: string, out: InputFile[] = [], errors?: RunProblem[]): InputFile[] {
  let entries: string[];
  try {
    entries = readdir(dir).sort();
  } catch (err) {
    const message = `cannot read directory ${dir}: ${describeIoError(err)}`;
    if (!errors) throw new Error(message);
    errors.push({ message, path: dir });
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
  /** The bytes as read: what `--fix` on stdin passes on when it changes nothing. */
  bytes: Uint8Array;
}

export function decode(bytes: Uint8Array): DecodedText {
  let bom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), validUtf8: true, bom, bytes };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), validUtf8: false, bom, bytes };
  }
}

export function readInput(path: string): DecodedText {
  return decode(readBytes(path));
}

export function readStdin(): DecodedText {
  return decode(readBytes(0));
}

/**
 * Replace a file's contents as --fix does. The file a symbolic link points to is the one rewritten (the link stays a
 * link), with its mode and, where we may set them, its owner and group. Normally without a window where it is
 * half-written: a temp file beside it, renamed over it. In place instead (that window accepted) when the file has
 * other hard links, which must see the fix too, and when its folder does not let us create the temp file but the
 * file itself is writable. A file the user may not write is refused, not replaced.
 */
export function rewriteFile(path: string, text: string): void {
  const real = realpath(path);
  const st = stat(real);
  if (!st) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
  accessSync(real, constants.W_OK);
  if (st.nlink > 1) {
    writeFileSync(real, text);
    return;
  }
  const tmp = join(dirname(real), `.${basename(real)}.v6ready-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: st.mode & 0o7777 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw err;
    writeFileSync(real, text);
    return;
  }
  try {
    // The temp file is ours: as root, editing /etc/bind/named.conf (root:bind 0640) would hand it to root:root and
    // lock named out. Only root may give a file away; elsewhere the owner changes, as with any editor that renames.
    if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
      try {
        chownSync(tmp, st.uid, st.gid);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
      }
    }
    // After chown, which clears set-user-ID and set-group-ID bits; also past the umask.
    chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, real);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Files larger than this are not read for the workspace model (includes, zone files): a config is far smaller. */
export const MAX_INPUT_BYTES_FOR_WORKSPACE = 64 * 1024 * 1024;
