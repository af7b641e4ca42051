// Wildcard includes (Apache `Include conf.d/*.conf`, `IncludeOptional sites-enabled/*`) expanded through an
// injected directory lister, with a bound on the files taken and the directories listed: a glob over a huge tree
// (or `/*/*/*`) ends with a problem, not a hang. Matching follows httpd's fnmatch: `*`, `?` and `[...]` within one
// path segment, and a wildcard does not match a leading dot.

import { globSegmentRegExp, hasGlob } from '../core/globs';

/** Lists a directory's entry names, or undefined when it does not exist or may not be read. */
export type DirLister = (dir: string) => string[] | undefined;

/** At most this many files from one wildcard. */
export const MAX_GLOB_FILES = 256;
/** At most this many directories listed for one wildcard. */
export const MAX_GLOB_DIRS = 256;

export interface GlobExpansion {
  /** Matching paths, sorted, at most `limit`. */
  files: string[];
  /** More matched than `limit`, or more directories than MAX_GLOB_DIRS had to be listed: the rest was not looked at. */
  truncated: boolean;
  /**
   * The folder the pattern's fixed part names, when it is not there in a copy of a server's files (set by the include
   * world): what the server keeps there is unknown, not nothing (git keeps no empty folder).
   */
  folderNotInCopy?: string;
  /**
   * The folder the pattern's fixed part names, when no copy holds it and this machine's folder is not the server's
   * (paths.ts machineMayHold; set by the include world): not listed.
   */
  notOnThisMachine?: string;
}

/** Expand an absolute pattern (`/etc/apache2/conf.d/*.conf`) through `list`, bounded. */
export function expandGlob(pattern: string, list: DirLister, limit = MAX_GLOB_FILES): GlobExpansion {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  let candidates = [absolute ? '/' : ''];
  let listed = 0;
  let truncated = false;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const join = (dir: string, name: string) => (dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`);
    if (!hasGlob(seg)) {
      candidates = candidates.map((c) => join(c, seg));
      continue;
    }
    const re = globSegmentRegExp(seg);
    const next: string[] = [];
    for (const dir of candidates) {
      if (listed >= MAX_GLOB_DIRS || next.length > limit) {
        truncated = true;
        break;
      }
      listed++;
      const names = list(dir === '' ? '.' : dir);
      if (!names) continue;
      for (const n of [...names].sort()) if (re.test(n)) next.push(join(dir, n));
    }
    candidates = next;
  }
  // Plain segments after the last wildcard (`/srv/www/*/vhost.conf`) were joined, not looked up: glob(3) gives only
  // paths that exist, so each is kept when its folder's listing has its name.
  let lastGlob = -1;
  for (let i = 0; i < segments.length; i++) if (hasGlob(segments[i])) lastGlob = i;
  if (lastGlob >= 0 && lastGlob < segments.length - 1) {
    const kept: string[] = [];
    const listings = new Map<string, ReadonlySet<string> | undefined>();
    for (const c of candidates) {
      const slash = c.lastIndexOf('/');
      const dir = slash <= 0 ? (slash === 0 ? '/' : '.') : c.slice(0, slash);
      if (!listings.has(dir)) {
        if (listed >= MAX_GLOB_DIRS) {
          truncated = true;
          break;
        }
        listed++;
        const names = list(dir);
        listings.set(dir, names && new Set(names));
      }
      if (listings.get(dir)?.has(c.slice(slash + 1))) kept.push(c);
    }
    candidates = kept;
  }
  if (candidates.length > limit) {
    truncated = true;
    candidates = candidates.slice(0, limit);
  }
  return { files: candidates, truncated };
}

/**
 * The paths among `paths` that a wildcard include names, matched by their last segments: the longest tail of the
 * absolute `pattern` (the whole of it, or at least its last two segments) that some path ends with, where `accept`
 * takes the folder the tail starts in. A copy of a server's configs (/srv/etc/ssh/sshd_config.d/10.conf) is so found
 * for the server's pattern (/etc/ssh/sshd_config.d/*.conf) without listing the machine's own folders. Sorted, as
 * glob(3) and httpd sort what they read; at most `limit`.
 */
export function matchByTail(pattern: string, paths: Iterable<string>, accept: (prefix: string) => boolean, limit = MAX_GLOB_FILES): string[] {
  const segs = pattern.split('/').filter((x) => x !== '');
  const res = segs.map(globSegmentRegExp);
  const split = [...paths].map((p) => ({ p, parts: p.split('/').filter((x) => x !== '') }));
  for (let k = segs.length; k >= Math.min(2, segs.length) && k > 0; k--) {
    const hits: string[] = [];
    for (const { p, parts } of split) {
      if (parts.length < k) continue;
      const base = parts.length - k;
      let ok = true;
      for (let j = 0; j < k && ok; j++) ok = res[segs.length - k + j].test(parts[base + j]);
      if (ok && accept('/' + parts.slice(0, base).join('/'))) hits.push(p);
    }
    if (hits.length) return hits.sort().slice(0, limit);
  }
  return [];
}
