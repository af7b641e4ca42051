// Minimal glob matching for the languages' file patterns (`*`, `?`, `**/`), as VS Code filenamePatterns use them.

const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*' && glob[i + 2] === '/') {
      re += '(?:.*/)?';
      i += 2;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${re}$`);
}

/** Does a path (any separators) match the glob? A glob without '/' is matched against the basename. */
export function matchesGlob(path: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) cache.set(glob, (re = toRegExp(glob)));
  const p = path.replace(/\\/g, '/');
  if (!glob.includes('/')) return re.test(p.slice(p.lastIndexOf('/') + 1));
  return re.test(p);
}

const ignoreCache = new Map<string, RegExp>();

/** A gitignore-like glob as a regular expression over a '/'-separated relative path. */
function ignoreRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = g.startsWith('/') || g.replace(/\/+$/, '').includes('/');
  g = g.replace(/^\/+/, '');
  const dirOnly = g.endsWith('/');
  g = g.replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const atStart = i === 0 || g[i - 1] === '/';
      const atEnd = i + 2 === g.length || g[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === g.length) re += '.*';
        else {
          re += '(?:.*/)?';
          i += 2; // also skip the '/'
          continue;
        }
        i += 1;
        continue;
      }
      re += '[^/]*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A match of a folder covers everything inside it; `dir/` matches only as a folder.
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${re}${dirOnly ? '/' : '(?:/|$)'}`);
}

/**
 * Is `relPath` (relative to the folder the globs belong to, any separators) ignored by the globs? The syntax is
 * gitignore's: a glob without '/' matches a file or folder name at any depth (`*.orig`, `vendor`), one with '/' is
 * anchored at the folder (`legacy/**`, `/named.conf.old`), `**` spans folders, and a glob matching a folder ignores
 * everything in it. The globs apply in order and the last one that matches decides, so a later `!glob` re-includes what
 * an earlier one ignored (`["legacy/**", "!legacy/named.conf"]`); `\!name` is a glob for a name that starts with `!`.
 * Unlike git, which never looks inside a folder ignored as a whole (`legacy/`), a file in one can be re-included: files
 * are matched one by one. A path outside the folder ('../') never matches. The CLI's config file and the editor's
 * settings both come here.
 */
export function isIgnored(relPath: string, globs: readonly string[]): boolean {
  const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '' || p === '..' || p.startsWith('../') || p.startsWith('/')) return false;
  let ignored = false;
  for (const g of globs) {
    const negated = g.startsWith('!');
    // A negation only matters for what is ignored so far, and a plain glob only for what is not.
    if (negated !== ignored) continue;
    const glob = negated || g.startsWith('\\!') ? g.slice(1) : g;
    if (glob === '') continue;
    let re = ignoreCache.get(glob);
    if (!re) ignoreCache.set(glob, (re = ignoreRegExp(glob)));
    if (re.test(p)) ignored = !negated;
  }
  return ignored;
}

/**
 * One segment of a glob(3) or fnmatch pattern as a RegExp (as httpd and sshd expand their wildcard includes): `*`, `?` and
 * `[...]` (`[!...]` negated) within the segment, and a wildcard does not match a leading dot (FNM_PERIOD).
 */
export function globSegmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      // A `]` right after `[` or `[!` is a member, not the end (`[]x]`, `[!]x]`).
      const negated = segment[i + 1] === '!';
      const first = i + (negated ? 2 : 1);
      const close = segment.indexOf(']', first + 1);
      if (close < 0) re += '\\[';
      else {
        const body = segment.slice(first, close).replace(/[\\\]]/g, '\\$&');
        re += `[${negated ? '^' : ''}${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // A wildcard never matches a leading dot (fnmatch with FNM_PERIOD, as httpd uses it).
  try {
    return new RegExp(`^${/^[*?[]/.test(segment) ? '(?!\\.)' : ''}${re}$`);
  } catch {
    // A class glob(3) cannot read either (`[z-a]`): it matches nothing there, and here.
    return /(?!)/;
  }
}

/** Does a path hold a glob(3) wildcard (`*`, `?`, `[`), so that an include of it names no single file? */
export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}
