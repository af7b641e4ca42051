// The CLI side of the workspace model: the file system as its reader, the languages' patterns as the dialect
// lookup, and .v6ready.json settings per file; used by `check` (cross-file rules) and `report`.
import { resolve } from 'node:path';
import { dialectForPath } from '../core/registry';
import { WorkspaceIndex } from '../workspace/model';
import { listNames, readBytes, stat } from './disk';
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

export function cliWorkspace(files: readonly string[], configs: ConfigLoader): WorkspaceIndex {
  const index = new WorkspaceIndex({
    read: fsReader,
    list: (dir) => listNames(dir),
    dialectFor: (p) => dialectForPath(p),
    settingsFor: (p) => configs.forFile(p).settings,
  });
  index.setFiles(files.map((f) => resolve(f)));
  return index;
}
