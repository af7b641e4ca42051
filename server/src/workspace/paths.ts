// Path arithmetic for the workspace model without node:path (the model is pure): '/'-separated absolute paths;
// Windows paths are taken with their separators turned to '/'.

/** Something normalize would change: a backslash, an empty, '.' or '..' segment (or a name starting with '.'), a trailing '/'. */
const UNNORMAL = /\\|\/\/|\/\.|^\.|^[A-Za-z]:\.|.\/$/;

export function normalize(p: string): string {
  // Most paths are normal already (the workspace model normalises 20,000 zone paths): skip the split and join.
  if (!UNNORMAL.test(p)) return p;
  const s = p.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:/.exec(s)?.[0] ?? '';
  const rest = s.slice(drive.length);
  const abs = rest.startsWith('/');
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  return drive + (abs ? '/' : '') + out.join('/');
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

export function dirnameOf(p: string): string {
  const n = normalize(p);
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return n.slice(0, i);
}

export function basenameOf(p: string): string {
  const n = normalize(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

/** `target` resolved against `base` (a folder), unless it is absolute. */
export function resolveFrom(base: string, target: string): string {
  return isAbsolutePath(target) ? normalize(target) : normalize(`${base}/${target}`);
}

/** The path relative to a folder, or the path itself when it is not inside it. */
export function relativeTo(folder: string, p: string): string {
  const f = normalize(folder).replace(/\/$/, '');
  const n = normalize(p);
  return n.startsWith(f + '/') ? n.slice(f.length + 1) : n;
}

/** How many trailing path segments two paths share (`/etc/bind/db.x` and `/w/etc/bind/db.x`: 3). */
export function sharedSuffix(a: string, b: string): number {
  const x = normalize(a).split('/').filter(Boolean);
  const y = normalize(b).split('/').filter(Boolean);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}
