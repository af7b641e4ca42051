// The server's small disk helpers: a file: URI as a path, a path inside folders, a file's size, a bounded read of a
// text file.
import { readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
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

/** Is the path one of the folders or inside one of them? */
export function underFolders(folders: readonly string[], path: string): boolean {
  return folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
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
