// Addresses as sshd reads them: host literals (getaddrinfo with AI_NUMERICHOST, which on glibc accepts the
// inet_aton shorthands `10.1` and octal `010.0.0.1`), and the entries of address pattern lists (addrmatch.c
// addr_match_list: CIDR first, else a wildcard pattern compared with the client's address text).
import { parseAddress } from '../../addresses';
import { analysisMemo } from '../../core/analyze';

export type HostKind =
  | { kind: 'ipv4'; canonical: string; /** Not a plain dotted quad (`10.1`, `010.0.0.1`): glibc still reads it. */ shorthand: boolean }
  | { kind: 'ipv6'; canonical: string }
  /** Looks like an address of that family but is not one: getaddrinfo fails. */
  | { kind: 'invalid'; family: 4 | 6 }
  | { kind: 'hostname' };

/** inet_aton(3): 1 to 4 parts in decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. */
export function inetAton(text: string): string | undefined {
  if (!/^[0-9a-fA-FxX.]+$/.test(text) || !/^\d/.test(text)) return undefined;
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = Number(p);
    else return undefined;
    if (!Number.isSafeInteger(n)) return undefined;
    nums.push(n);
  }
  const lastBytes = 5 - nums.length;
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return undefined;
  const last = nums[nums.length - 1];
  if (last >= 2 ** (8 * lastBytes)) return undefined;
  const bytes = nums.slice(0, -1);
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes.join('.');
}

const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// Lists and hosts repeat across a file (the same AllowUsers list in every Match block) and across the analyses of
// one file while it is edited: readings are remembered, trimmed between analyses (core/analyze.ts analysisMemo)
// to KEEP_BETWEEN, never during one, so a large file is not slowed by a cache every rule would refill; the limit only
// bounds a pathological file.
const KEEP_BETWEEN = 5000;
const hostMemo = analysisMemo<HostKind>(KEEP_BETWEEN);
const listMemo = analysisMemo<readonly PatternEntry[]>(KEEP_BETWEEN);

/** What getaddrinfo makes of a host string: an IPv4 or IPv6 literal, a malformed literal, or a name to resolve. */
export function classifyHost(text: string): HostKind {
  return hostMemo(text, classifyHostUncached);
}

function classifyHostUncached(text: string): HostKind {
  if (text.includes(':')) {
    const r = parseAddress(text);
    if (r?.ok && r.value.family === 6 && r.value.prefix === undefined) return { kind: 'ipv6', canonical: r.value.canonical };
    if (/^[0-9a-fA-F:.%]*$/.test(text.split('%')[0]) || r) return { kind: 'invalid', family: 6 };
    return { kind: 'hostname' };
  }
  const v4 = inetAton(text);
  if (v4) return { kind: 'ipv4', canonical: v4, shorthand: !DOTTED_QUAD.test(text) };
  if (/^[0-9.]+$/.test(text)) return { kind: 'invalid', family: 4 };
  return { kind: 'hostname' };
}

export function isLoopback(h: HostKind): boolean {
  if (h.kind === 'ipv4') return h.canonical.startsWith('127.');
  if (h.kind === 'ipv6') return h.canonical === '::1';
  return false;
}

export function isUnspecified(h: HostKind): boolean {
  return (h.kind === 'ipv4' && h.canonical === '0.0.0.0') || (h.kind === 'ipv6' && h.canonical === '::');
}

// ------------------------------------------------------------------------------------------ pattern lists

export type EntryKind =
  /** An address or network sshd compares numerically (addr_pton_cidr succeeded). */
  | 'cidr'
  /** A wildcard pattern sshd compares with the client's address text. */
  | 'pattern'
  /** An empty entry (`a,,b`, a trailing comma, a lone `!`): `sshd -t` rejects the whole list. */
  | 'empty';

export interface PatternEntry {
  /** The entry as written, without its `!`. */
  text: string;
  negated: boolean;
  /** Offsets in the pattern list's text (after the `!`). */
  start: number;
  end: number;
  kind: EntryKind;
  /** The family the entry can match: 4, 6, or undefined for either (`*`) or neither (a host name). */
  family?: 4 | 6;
  /** Prefix length for cidr entries. */
  prefix?: number;
  /** A host name (letters beyond hex digits): never equal to an address text. */
  hostname?: boolean;
  /** Why the entry is wrong, if it is; `rejected` = `sshd -t` refuses it, otherwise it is accepted and never matches. */
  problem?: { message: string; rejected: boolean; network?: string };
}

/** RFC 5952 text of 128 bits. */
function format6(n: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function bitsOf(h: HostKind): { family: 4 | 6; bits: bigint } | undefined {
  if (h.kind === 'ipv4') return { family: 4, bits: h.canonical.split('.').reduce((a, p) => (a << 8n) | BigInt(Number(p)), 0n) };
  if (h.kind === 'ipv6') {
    const r = parseAddress(h.canonical.split('%')[0]);
    if (!r?.ok) return undefined;
    const [head, tail] = r.value.canonical.includes('::') ? r.value.canonical.split('::') : [r.value.canonical, undefined];
    const parse = (s: string | undefined): number[] => {
      if (!s) return [];
      const out: number[] = [];
      for (const g of s.split(':')) {
        if (g.includes('.')) {
          const q = g.split('.').map(Number);
          out.push((q[0] << 8) | q[1], (q[2] << 8) | q[3]);
        } else out.push(parseInt(g, 16));
      }
      return out;
    };
    const h1 = parse(head);
    const t1 = parse(tail);
    const groups = tail === undefined ? h1 : [...h1, ...new Array(8 - h1.length - t1.length).fill(0), ...t1];
    return { family: 6, bits: groups.reduce((a, g) => (a << 16n) | BigInt(g), 0n) };
  }
  return undefined;
}

function networkText(family: 4 | 6, bits: bigint, prefix: number): string {
  const width = family === 4 ? 32 : 128;
  const net = bits & ~((1n << BigInt(width - prefix)) - 1n);
  if (family === 4) return `${[24n, 16n, 8n, 0n].map((s) => String((net >> s) & 255n)).join('.')}/${prefix}`;
  return `${format6(net)}/${prefix}`;
}

/**
 * One entry of an address list, read as addr_match_list() reads it. `context` says what compares it: `match`
 * (Match Address/LocalAddress: only addresses can ever match) or `user` (the HOST of AllowUsers USER@HOST,
 * where a name can match the client's resolved host name).
 */
export function readEntry(raw: string, start: number, context: 'match' | 'user'): PatternEntry {
  const negated = raw.startsWith('!');
  const text = negated ? raw.slice(1) : raw;
  const s = start + (negated ? 1 : 0);
  const entry: PatternEntry = { text, negated, start: s, end: s + text.length, kind: 'pattern' };
  if (text === '') {
    entry.kind = 'empty';
    entry.problem = { message: `an empty entry in the address list`, rejected: true };
    return entry;
  }
  const slash = text.indexOf('/');
  const addrText = slash >= 0 ? text.slice(0, slash) : text;
  const maskText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const wild = /[*?]/.test(text);
  const host = classifyHost(addrText);
  const maskOk = maskText === undefined || (/^\d+$/.test(maskText) && Number(maskText) <= 128);
  const lettersBeyondHex = /[g-zG-Z_]/.test(text.replace(/%.*/, ''));

  if (!wild && maskOk && (host.kind === 'ipv4' || host.kind === 'ipv6')) {
    const b = bitsOf(host)!;
    const width = b.family === 4 ? 32 : 128;
    const prefix = maskText === undefined ? width : Number(maskText);
    entry.family = b.family;
    if (prefix > width) {
      entry.kind = 'cidr';
      entry.prefix = prefix;
      entry.problem = { message: `'${text}': /${prefix} is longer than an IPv4 address (at most /32)`, rejected: true };
      return entry;
    }
    if (prefix < width && (b.bits & ((1n << BigInt(width - prefix)) - 1n)) !== 0n) {
      const network = networkText(b.family, b.bits, prefix);
      entry.kind = 'cidr';
      entry.prefix = prefix;
      entry.problem = {
        message: `'${text}': bits beyond /${prefix} are set (the network is ${network})`,
        rejected: true,
        network,
      };
      return entry;
    }
    entry.kind = 'cidr';
    entry.prefix = prefix;
    if (host.kind === 'ipv4' && host.shorthand) {
      entry.problem = {
        message: `'${addrText}' is not a dotted quad: sshd reads it as ${host.canonical}${maskText === undefined ? ', one address' : ''}. Write the address in full`,
        rejected: false,
      };
    }
    return entry;
  }

  // Everything else is a wildcard pattern compared with the client's address as text.
  if (maskText !== undefined && !maskOk) {
    entry.family = host.kind === 'ipv4' || (host.kind === 'invalid' && host.family === 4) ? 4 : host.kind === 'hostname' ? undefined : 6;
    const why = /^\d+$/.test(maskText) ? `/${maskText} is longer than any address` : `'/${maskText}' is not a prefix length`;
    entry.problem = { message: `'${text}': ${why}, so sshd reads it as a wildcard pattern that no address matches`, rejected: false };
    return entry;
  }
  if (wild) {
    if (/^[*?]+$/.test(text)) return entry; // any address
    if (text.includes(':')) {
      entry.family = 6;
      if (/[A-F]/.test(text)) {
        entry.problem = { message: `'${text}': sshd compares the client's address in lower case, so upper-case hex digits never match`, rejected: false };
      } else if (/(?:^|:)0[0-9a-f]/.test(text)) {
        entry.problem = { message: `'${text}': sshd writes addresses without leading zeros (2001:db8::, not 2001:0db8::), so this pattern never matches`, rejected: false };
      } else if (slash >= 0) {
        entry.problem = { message: `'${text}': a wildcard cannot be combined with a prefix length; no address matches it`, rejected: false };
      }
      return entry;
    }
    if (/^[0-9.*?]+$/.test(text)) {
      if (text.includes('.')) entry.family = 4;
      if (slash >= 0) entry.problem = { message: `'${text}': a wildcard cannot be combined with a prefix length; no address matches it`, rejected: false };
      return entry;
    }
    entry.hostname = lettersBeyondHex;
    if (context === 'match' && entry.hostname) {
      entry.problem = { message: `'${text}' is a host name pattern: Match Address compares the client's IP address, so it never matches (Match Host compares names)`, rejected: false };
    }
    return entry;
  }
  if (host.kind === 'invalid' || (host.kind !== 'hostname' && !maskOk)) {
    const fam = host.kind === 'invalid' ? host.family : 6;
    entry.family = fam;
    entry.problem = { message: `'${text}' is not a valid IPv${fam} address: sshd accepts it as a pattern that no address matches`, rejected: false };
    return entry;
  }
  // A plain name.
  entry.hostname = true;
  if (context === 'match') {
    entry.problem = { message: `'${text}' is a host name: Match Address compares the client's IP address, so it never matches (Match Host compares names)`, rejected: false };
  }
  return entry;
}

/** Split a comma-separated pattern list (offsets relative to the list text). The entries are shared: do not modify. */
export function readList(list: string, context: 'match' | 'user'): readonly PatternEntry[] {
  return listMemo(`${context} ${list}`, () => readListUncached(list, context));
}

function readListUncached(list: string, context: 'match' | 'user'): PatternEntry[] {
  const out: PatternEntry[] = [];
  let pos = 0;
  for (const part of list.split(',')) {
    out.push(readEntry(part, pos, context));
    pos += part.length + 1;
  }
  return out;
}

/** The family a list admits when every positive entry is of one family (4 or 6); undefined when mixed or open. */
export function listFamily(entries: readonly PatternEntry[]): 4 | 6 | undefined {
  const positive = entries.filter((e) => !e.negated && e.kind !== 'empty');
  if (positive.length === 0) return undefined;
  const fams = new Set(positive.map((e) => (e.hostname ? 'name' : e.family ?? 'any')));
  if (fams.size !== 1) return undefined;
  const [f] = [...fams];
  return f === 4 || f === 6 ? f : undefined;
}

/** An IPv6 address as glibc's inet_ntop prints it (what sshd logs): `::1:2222` prints as `::0.1.34.34`. */
export function ntop6(text: string): string | undefined {
  const h = classifyHost(text);
  const b = h.kind === 'ipv6' ? bitsOf(h) : undefined;
  if (!b) return undefined;
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((b.bits >> BigInt(i * 16)) & 0xffffn));
  let base = -1;
  let len = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > len && j - i >= 2) {
      base = i;
      len = j - i;
    }
    i = j;
  }
  if (base === 0 && (len === 6 || (len === 5 && words[5] === 0xffff))) {
    return `::${len === 5 ? 'ffff:' : ''}${words[6] >> 8}.${words[6] & 255}.${words[7] >> 8}.${words[7] & 255}`;
  }
  return format6(b.bits);
}
