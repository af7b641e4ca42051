// Path arithmetic for the workspace model without node:path (the model is pure): '/'-separated absolute paths;
// Windows paths are taken with their separators turned to '/'.

const SLASH = 47;
const DOT = 46;
const BACKSLASH = 92;

/** Is this char code an ASCII letter (a Windows drive)? */
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Something normalize would change: a backslash, an empty, '.' or '..' segment (or a name starting with '.'), a
 * drive followed by '.', a trailing '/' after something. One pass over char codes: the workspace model asks this of
 * every zone `file` path several times (20,000 zones), where a regular expression cost more than the rest of the test.
 */
function isUnnormal(p: string): boolean {
  const n = p.length;
  if (n === 0) return false;
  const first = p.charCodeAt(0);
  if (first === DOT) return true;
  if (n >= 3 && isLetter(first) && p.charCodeAt(1) === 58 && p.charCodeAt(2) === DOT) return true;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i);
    if (c === BACKSLASH) return true;
    if (prev === SLASH && (c === SLASH || c === DOT)) return true;
    prev = c;
  }
  // A trailing '/' after any character but a line terminator (what `.` matches in /.\/$/).
  if (n >= 2 && prev === SLASH) {
    const before = p.charCodeAt(n - 2);
    return before !== 10 && before !== 13 && before !== 0x2028 && before !== 0x2029;
  }
  return false;
}

export function normalize(p: string): string {
  // Most paths are normal already (the workspace model normalises 20,000 zone paths): skip the split and join.
  return isUnnormal(p) ? foldPath(p) : p;
}

/** `/` for `\\`, no empty or `.` segments, `..` folded into what precedes it: normalize's work, done on any path. */
export function foldPath(p: string): string {
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
  const c = p.charCodeAt(0);
  if (c === SLASH || c === BACKSLASH) return true;
  if (p.length < 3 || !isLetter(c) || p.charCodeAt(1) !== 58) return false;
  const s = p.charCodeAt(2);
  return s === SLASH || s === BACKSLASH;
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
  if (isAbsolutePath(target)) return normalize(target);
  // Normal parts make a normal whole unless the join makes '//' or '/.' (a base ending in '/', a target starting
  // with '.', which is not normal itself) or a trailing '/' (an empty target): tested on the parts, as the joined
  // string would have to be flattened to be scanned (20,000 zone files, two candidates each).
  if (base.length > 0 && target.length > 0 && base.charCodeAt(base.length - 1) !== SLASH && !isUnnormal(base) && !isUnnormal(target)) return `${base}/${target}`;
  return normalize(`${base}/${target}`);
}

/**
 * A name with no separator and nothing normalize would change (`db.z7`; not `.`, `..`, `.db` or `a\\b`). Joined to a
 * plain folder (isPlainFolder) with one '/', it makes the path resolveFrom would: normal, its dirnameOf the folder and
 * its basenameOf the name, so neither needs taking apart again.
 */
export function isPlainName(name: string): boolean {
  // isUnnormal without a '/' to look for around: one pass (20,000 zone `file` names are asked).
  const n = name.length;
  if (n === 0) return false;
  const first = name.charCodeAt(0);
  if (first === DOT || (n >= 3 && isLetter(first) && name.charCodeAt(1) === 58 && name.charCodeAt(2) === DOT)) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === SLASH || c === BACKSLASH) return false;
  }
  return true;
}

/** A normal folder that does not end in '/' (so not the root): see isPlainName. */
export function isPlainFolder(folder: string): boolean {
  return folder.length > 0 && folder.charCodeAt(folder.length - 1) !== SLASH && !isUnnormal(folder);
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

/**
 * The folder a copy of a server's files sits in, when `folder` (normal) ends with the whole of `daemonFolder` (the
 * server's folder, normal and absolute): `/srv/a` for `/srv/a/etc/bind` and `/etc/bind`, `/` when they are the same
 * folder. Undefined when `folder` does not end so, or `daemonFolder` is the root (which says nothing of a copy).
 */
export function copyRootOf(folder: string, daemonFolder: string): string | undefined {
  // A drive says where the server kept its files, not which part of the copy's path repeats them.
  const tail = daemonFolder.length >= 2 && isLetter(daemonFolder.charCodeAt(0)) && daemonFolder.charCodeAt(1) === 58 ? daemonFolder.slice(2) : daemonFolder;
  if (tail.length < 2 || tail.charCodeAt(0) !== SLASH || !folder.endsWith(tail)) return undefined;
  return folder.length === tail.length ? '/' : folder.slice(0, folder.length - tail.length);
}

/**
 * Prefixes under which a server keeps its own files in place (FreeBSD's ports and packages: /usr/local/etc/ssh,
 * /usr/local/etc/namedb): a folder there that repeats a server path is the server's, not a copy of another.
 */
const SERVER_PREFIXES: ReadonlySet<string> = new Set(['/usr/local', '/usr/pkg', '/usr', '/opt/local']);

/**
 * The copy of a server's files that holds a file in `folder` (normal), for a server path in `daemonFolder` (normal,
 * absolute): the folder that stands for `/` when `folder` repeats `daemonFolder` or a leading part of it
 * (/srv/ns1/etc/bind for /etc/bind or /etc/bind/zones: /srv/ns1), or an ancestor of `folder` repeats at least two of
 * its segments (/srv/ns1/etc/ssh/sshd_config.d for /etc/ssh: /srv/ns1); the nearest such folder counts. Else, for a
 * file under an `etc` folder that is not the machine's own /etc nor a package prefix's, the folder above the last one
 * (/srv/a/etc/bind for /var/cache/bind: /srv/a; /r/ns1/usr/local/etc/namedb: /r/ns1). `/` when the file is in place
 * (the folder is the server's own, or under SERVER_PREFIXES); undefined when nothing says.
 */
export function copyRootAbove(folder: string, daemonFolder: string): string | undefined {
  const segs = daemonFolder.split('/').filter((x) => x !== '');
  for (let d = folder, up = ''; d !== up; up = d, d = dirnameOf(d)) {
    for (let j = segs.length; j >= (d === folder ? 1 : 2); j--) {
      const root = copyRootOf(d, `/${segs.slice(0, j).join('/')}`);
      if (root !== undefined) return SERVER_PREFIXES.has(root) ? '/' : root;
    }
  }
  // The etc fallback only ever names a copy: a folder under the machine's own /etc (/etc/ansible/roles/ssh/files), or
  // a package prefix (/usr/local/etc, /opt/homebrew/etc), says nothing of where its includes are.
  const etc = folder.endsWith('/etc') ? folder.length - 4 : folder.lastIndexOf('/etc/');
  if (etc <= 0) return undefined;
  let root = folder.slice(0, etc);
  // A copy of a tree kept under a prefix (/r/ns1/usr/local/etc/namedb) stands for / above the prefix.
  for (const prefix of SERVER_PREFIXES) {
    if (root === prefix || root.endsWith(prefix)) {
      root = root.slice(0, root.length - prefix.length);
      break;
    }
  }
  root = root.replace(/\/opt\/[^/]+$/, '');
  return root === '' ? undefined : root;
}

/** Is `p` (normal) in the folder `root` (normal), or below it? Everything is below `/`. */
export function isUnder(p: string, root: string): boolean {
  return root === '/' || (p.length > root.length && p.charCodeAt(root.length) === SLASH && p.startsWith(root));
}

/**
 * The machine's folders a server keeps its configuration and data in (/etc, /var; packages' under /usr and /opt):
 * a path there, read on the machine that checks, is that machine's file.
 */
const SERVER_PLACES: readonly string[] = ['/etc', '/var', '/usr', '/opt'];

/**
 * Is `p` (an absolute path, normal or not; Windows separators taken as '/') in one of the SERVER_PLACES? Without a
 * string made per call: 20,000 zone files not found ask it twice each.
 */
export function isInServerPlace(p: string): boolean {
  const n = normalize(p);
  for (const root of SERVER_PLACES) {
    if (n.startsWith(root) && (n.length === root.length || n.charCodeAt(root.length) === SLASH)) return true;
  }
  return false;
}

/**
 * May the file a config at `from` names by the absolute server path `target` be read from this machine, where no copy
 * of the server's files says otherwise? The machine checking is not the server: a file kept outside the server's
 * folders (a repository, a CI checkout, a folder of drafts) is a copy, and the checking machine's own /etc/bind or
 * /etc/ssh is not the server's. A file checked in place (/etc/bind/named.conf) is the server's own, so its targets
 * are too; a target outside the server's folders (/tmp/lab/inc.conf, /home/me/x.conf) is whatever that path holds.
 */
export function machineMayHold(from: string, target: string): boolean {
  return !isInServerPlace(target) || isInServerPlace(from);
}
