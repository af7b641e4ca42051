// The CLI side of the workspace model: the file system as its reader, the languages' patterns as the dialect
// lookup, and .v6ready.json settings per file; used by `check` (cross-file rules) and `report`.
import { opendirSync, readFileSync, statSync, type Dir } from 'node:fs';
import { resolve } from 'node:path';
import { dialectForPath } from '../core/registry';
import { WorkspaceIndex } from '../workspace/model';
import type { ConfigLoader } from './config';
import { decode, MAX_INPUT_BYTES_FOR_WORKSPACE } from './files';

/** A config file's text for the workspace model and include trees; undefined when missing, not a file or too large. */
export function fsReader(path: string): string | undefined {
  try {
    // No exception for a missing file: a named.conf with 20,000 zones asks for as many files that are not there.
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size > MAX_INPUT_BYTES_FOR_WORKSPACE) return undefined;
    return decode(readFileSync(path)).text;
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
      if (names.size >= MAX_LISTED_NAMES) return undefined;
      names.add(e.name);
    }
    return names;
  } catch {
    return undefined;
  } finally {
    d.closeSync();
  }
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
