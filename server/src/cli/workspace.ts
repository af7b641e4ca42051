// The CLI side of the workspace model: the file system as its reader, the languages' patterns as the dialect
// lookup, and .v6ready.json settings per file; used by `check` (cross-file rules) and `report`.
import { resolve } from 'node:path';
import { dialectForPath } from '../core/registry';
import { WorkspaceIndex } from '../workspace/model';
import { list, readBytes, stat } from './disk';
import type { ConfigLoader } from './config';
import { decode, MAX_INPUT_BYTES_FOR_WORKSPACE } from './files';

/** A config file's text for the workspace model and include trees; undefined when missing, not a file or too large. */
export function fsReader(path: string): string | undefined {
  try {
    // No exception for a missing file: a named.conf with 20,000 zones asks for as many files that are not there.
    const st = stat(path);
    if (!st || !st.isFile() || st.size > MAX_INPUT_BYTES_FOR_WORKSPACE) return undefined;
    return decode(readBytes(path)).text;
  } catch {
    return undefined;
  }
}

/** A folder with more entries than this is not listed: its paths are read one by one (fsReader). */
export const MAX_LISTED_NAMES = 100_000;

/**
 * The names in a folder, for the workspace model's existence checks; empty when the folder does not exist (or is
 * a file), undefined when it cannot be read or is too large (the model then asks fsReader per path).
 */
export function fsLister(dir: string): ReadonlySet<string> | undefined {
  const l = list(dir, MAX_LISTED_NAMES);
  if ('names' in l) return new Set(l.names);
  return 'error' in l && (l.error === 'ENOENT' || l.error === 'ENOTDIR') ? new Set() : undefined;
}

export function cliWorkspace(files: readonly string[], configs: ConfigLoader): WorkspaceIndex {
  const index = new WorkspaceIndex({
    read: fsReader,
    list: fsLister,
    dialectFor: (p) => dialectForPath(p),
    settingsFor: (p) => configs.forFile(p).settings,
  });
  index.setFiles(files.map((f) => resolve(f)));
  return index;
}
