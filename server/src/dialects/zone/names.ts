// Domain names as master files write them: absolute (`ns1.example.net.`), relative to the origin (`ns1`, `@`),
// with `\X` and `\DDD` escapes. Names are compared in a canonical text form: labels lower-cased, escapes
// decoded and re-escaped the same way, ending in `.` when absolute. When the file never says its origin, relative
// names end in the marker label `@` instead ("www" under an unknown origin is `www.@`), so they still compare.

/** The canonical form of the unknown origin. */
export const UNKNOWN_ORIGIN = '@';

export interface ParsedName {
  /** Canonical labels, outermost last. */
  labels: string[];
  absolute: boolean;
  /** `@`: the origin itself. */
  isOrigin: boolean;
}

export type NameOutcome = { ok: true; name: ParsedName } | { ok: false; message: string };

/** Bytes of a label once UTF-16 text is written as UTF-8, as BIND counts them. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Re-escape a decoded label so that canonical text is unambiguous (`.` `\` `@` and blanks escaped). */
function encodeLabel(decoded: string): string {
  let out = '';
  for (const ch of decoded) {
    if (ch === '.' || ch === '\\' || ch === '@' || ch === ' ' || ch === '"' || ch === ';' || ch === '(' || ch === ')') out += '\\' + ch;
    else out += ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  return out;
}

/** Parse a name as written (the text of a word, or of a quoted string). Linear in the text. */
export function parseName(text: string): NameOutcome {
  if (text === '@') return { ok: true, name: { labels: [], absolute: false, isOrigin: true } };
  if (text === '.') return { ok: true, name: { labels: [], absolute: true, isOrigin: false } };
  if (text === '') return { ok: false, message: 'empty name' };
  const labels: string[] = [];
  let cur = '';
  let bytes = 0;
  let total = 1;
  let absolute = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const d = text.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(d)) {
        const v = Number(d);
        if (v > 255) return { ok: false, message: `bad escape '\\${d}' (at most \\255)` };
        cur += String.fromCharCode(v);
        bytes += 1;
        i += 3;
      } else if (/[0-9]/.test(text[i + 1] ?? '')) {
        return { ok: false, message: `bad escape: a backslash and a digit start a three-digit \\DDD escape` };
      } else if (i + 1 < text.length) {
        const ch = text[i + 1];
        cur += ch;
        bytes += utf8Length(ch);
        i += 1;
      } else return { ok: false, message: 'bad escape: the name ends with a backslash' };
      continue;
    }
    if (c === '.') {
      if (cur === '') return { ok: false, message: 'empty label' };
      if (bytes > 63) return { ok: false, message: 'label too long (more than 63 bytes)' };
      labels.push(encodeLabel(cur));
      total += bytes + 1;
      cur = '';
      bytes = 0;
      if (i === text.length - 1) absolute = true;
      continue;
    }
    cur += c;
    bytes += utf8Length(c);
    // Give up early on hopeless input (a 10 MB word is not a name).
    if (bytes > 63) return { ok: false, message: 'label too long (more than 63 bytes)' };
  }
  if (!absolute) {
    if (bytes > 63) return { ok: false, message: 'label too long (more than 63 bytes)' };
    labels.push(encodeLabel(cur));
    total += bytes + 1;
  }
  if (total > 255) return { ok: false, message: 'name too long (more than 255 bytes)' };
  return { ok: true, name: { labels, absolute, isOrigin: false } };
}

/** The canonical full name of a parsed name under an origin (canonical itself: absolute, or ending in `@`). */
export function resolveName(n: ParsedName, origin: string): string {
  if (n.isOrigin) return origin;
  if (n.absolute) return n.labels.length === 0 ? '.' : n.labels.join('.') + '.';
  const rel = n.labels.join('.');
  return origin === '.' ? rel + '.' : `${rel}.${origin}`;
}

export function isAbsolute(canonical: string): boolean {
  return canonical.endsWith('.') && !canonical.endsWith('\\.');
}

/** Is `name` equal to or below `parent` (both canonical)? Label-aware: an escaped dot is not a boundary. */
export function isSubdomain(name: string, parent: string): boolean {
  if (name === parent) return true;
  if (parent === '.') return isAbsolute(name);
  if (!name.endsWith('.' + parent)) return false;
  // The '.' before parent must be a separator, not an escaped character: an even run of backslashes before it.
  let k = name.length - parent.length - 2;
  let slashes = 0;
  while (k >= 0 && name[k] === '\\') {
    slashes++;
    k--;
  }
  return slashes % 2 === 0;
}

/** The name without its first label (`www.example.net.` -> `example.net.`), or undefined at the top. */
export function parentOf(canonical: string): string | undefined {
  if (canonical === '.' || canonical === UNKNOWN_ORIGIN) return undefined;
  for (let i = 0; i < canonical.length; i++) {
    if (canonical[i] === '\\') i++;
    else if (canonical[i] === '.') {
      const rest = canonical.slice(i + 1);
      return rest === '' ? '.' : rest;
    }
  }
  return undefined;
}

/** A name for a message: at most 80 characters. */
export function clip(name: string): string {
  return name.length > 80 ? name.slice(0, 79) + '…' : name;
}

/** How a canonical name reads in a message: absolute names as they are, the unknown origin as "the origin". */
export function displayName(canonical: string): string {
  if (canonical === UNKNOWN_ORIGIN) return '@ (the zone origin)';
  if (canonical.endsWith('.' + UNKNOWN_ORIGIN)) return clip(canonical.slice(0, -2));
  return clip(canonical);
}
