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
