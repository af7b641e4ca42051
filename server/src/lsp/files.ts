// The server's small disk helpers: a file: URI as a path, a bounded read of a text file, a bounded folder listing.
import { opendirSync, readFileSync, statSync, type Dir } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The file system path of a file: URI; undefined for other schemes (untitled:, vscode-notebook-cell:) and bad URIs. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A regular file's size in bytes; 0 when it is missing or not a regular file. */
export function fileSize(path: string): number {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/** A regular file's text, or undefined when it is missing, not a file, unreadable or larger than maxBytes. */
export function readTextFile(path: string, maxBytes: number): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The names in a folder: empty when it does not exist (or is a file), undefined when it cannot be read or holds more
 * than `max` entries.
 */
export function listFolder(dir: string, max: number): ReadonlySet<string> | undefined {
  let d: Dir;
  try {
    d = opendirSync(dir, { bufferSize: 1024 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : undefined;
  }
  try {
    const names = new Set<string>();
    for (let e = d.readSync(); e; e = d.readSync()) {
      if (names.size >= max) return undefined;
      names.add(e.name);
    }
    return names;
  } catch {
    return undefined;
  } finally {
    d.closeSync();
  }
}
