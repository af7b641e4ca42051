// IPv4/IPv6 literals as config files write them: parse, validate (prefix length, host bits), classify, and
// print in RFC 5952 form. Built on ip-address; no I/O.
import { Address4, Address6 } from 'ip-address';
import { registerAnalysisCache } from '../core/analyze';
import { detachedString } from '../core/text';

export type Family = 4 | 6;

export interface AddressLiteral {
  family: Family;
  /** The address part as written (without prefix or zone). */
  address: string;
  /** Prefix length when written as address/len. */
  prefix?: number;
  /** Zone (scope) index for link-local IPv6 (`fe80::1%eth0`). */
  zone?: string;
  /** The literal's bits beyond the prefix are not all zero (`192.0.2.1/24`). */
  hostBitsSet: boolean;
  /** RFC 5952 (IPv6) or dotted-quad (IPv4) form of the address, prefix appended when given. */
  canonical: string;
}

export type ParseOutcome =
  | { ok: true; value: AddressLiteral }
  | { ok: false; family: Family; reason: string };

const V4_LIKE = /^\d+(?:\.\d+){0,3}(?:\/\d+)?$/;
const V6_LIKE = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(?:%[^\s/]+)?(?:\/\d+)?$/;

/** Which family a token looks like it means, before validating it (undefined: not an address at all). */
export function addressShape(text: string): Family | undefined {
  if (V4_LIKE.test(text) && text.includes('.')) return 4;
  if (/^\d+\/\d+$/.test(text)) return 4; // BIND's abbreviated prefix, `10/8`
  if (V6_LIKE.test(text) && text.includes(':')) return 6;
  return undefined;
}

function splitPrefix(text: string): { addr: string; prefix?: number; badPrefix?: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { addr: text };
  const p = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(p)) return { addr: text.slice(0, slash), badPrefix: p };
  return { addr: text.slice(0, slash), prefix: Number(p) };
}

/**
 * Parse an IPv4 or IPv6 literal, optionally with /prefix. IPv4 may be abbreviated when a prefix is given
 * (`10/8`, `192.168/16`), as BIND allows. Returns undefined when the text does not look like an address.
 */
export function parseAddress(text: string): ParseOutcome | undefined {
  // Configs repeat the same few literals many times, and several rules ask about each: remember answers.
  // Most words asked about are not addresses: their undefined is stored as NOT_ADDRESS, answered in one lookup.
  const hit = cache.get(text);
  if (hit !== undefined) return hit === NOT_ADDRESS ? undefined : hit;
  // Key and answer made from a copy: a slice of the document would keep the whole text alive in the cache.
  const key = detachedString(text);
  const r = parseAddressUncached(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, r ?? NOT_ADDRESS);
  return r;
}

/** Trimmed to KEEP_BETWEEN between analyses, never during one (core/analyze.ts registerAnalysisCache); CACHE_LIMIT only bounds a pathological file. */
const KEEP_BETWEEN = 50_000;
const CACHE_LIMIT = 500_000;
const NOT_ADDRESS: unique symbol = Symbol('not an address');
const cache = new Map<string, ParseOutcome | typeof NOT_ADDRESS>();
registerAnalysisCache({
  trim: () => {
    if (cache.size > KEEP_BETWEEN) cache.clear();
  },
  reset: () => cache.clear(),
});

function parseAddressUncached(text: string): ParseOutcome | undefined {
  const family = addressShape(text);
  if (!family) return undefined;
  const { addr, prefix, badPrefix } = splitPrefix(text);
  const max = family === 4 ? 32 : 128;
  if (badPrefix !== undefined) return { ok: false, family, reason: `invalid prefix length '${badPrefix}'` };
  if (prefix !== undefined && prefix > max) return { ok: false, family, reason: `invalid prefix length '${prefix}' (at most ${max} for IPv${family})` };
  if (family === 4) {
    const parts = addr.split('.');
    if (parts.length !== 4 && prefix === undefined) return { ok: false, family, reason: `'${addr}' is not a dotted-quad IPv4 address` };
    if (parts.some((p) => p === '' || p.length > 3 || Number(p) > 255)) return { ok: false, family, reason: `'${addr}' is not a valid IPv4 address` };
    while (parts.length < 4) parts.push('0');
    const full = parts.map((p) => String(Number(p))).join('.');
    const bits = parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
    const hostBitsSet = prefix !== undefined && (bits & ((1n << BigInt(32 - prefix)) - 1n)) !== 0n;
    return { ok: true, value: { family, address: addr, prefix, hostBitsSet, canonical: prefix !== undefined ? `${full}/${prefix}` : full } };
  }
  const pct = addr.indexOf('%');
  const bare = pct >= 0 ? addr.slice(0, pct) : addr;
  const zone = pct >= 0 ? addr.slice(pct + 1) : undefined;
  if (zone === '') return { ok: false, family, reason: `empty zone index after '%' in '${addr}'` };
  let a: Address6;
  try {
    a = new Address6(bare);
  } catch {
    return { ok: false, family, reason: `'${bare}' is not a valid IPv6 address` };
  }
  const bits = a.bigInt();
  const hostBitsSet = prefix !== undefined && (bits & ((1n << BigInt(128 - prefix)) - 1n)) !== 0n;
  const canon = a.correctForm() + (zone !== undefined ? `%${zone}` : '');
  return { ok: true, value: { family, address: addr, prefix, zone, hostBitsSet, canonical: prefix !== undefined ? `${canon}/${prefix}` : canon } };
}

/** IPv4 in dotted-quad form, e.g. for checks that need a strict literal (no abbreviation, no prefix). */
export function isIPv4(text: string): boolean {
  return Address4.isValid(text) && !text.includes('/') && text.split('.').length === 4;
}

export type AddressClass =
  | 'unspecified' | 'loopback' | 'link-local' | 'unique-local' | 'site-local' | 'multicast' | 'documentation'
  | 'ipv4-mapped' | '6to4' | 'teredo' | 'private' | 'global';

/** What kind of address this is (documentation ranges, mapped, link-local, ...), ignoring any prefix. */
export function classify(lit: AddressLiteral): AddressClass {
  if (lit.family === 4) {
    const [a, b, c] = lit.canonical.split('/')[0].split('.').map(Number);
    if (a === 0) return 'unspecified';
    if (a === 127) return 'loopback';
    if (a === 169 && b === 254) return 'link-local';
    if (a >= 224 && a <= 239) return 'multicast';
    if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
    return 'global';
  }
  const bare = lit.address.split('%')[0];
  const a = new Address6(bare);
  const first = Number(a.bigInt() >> 112n);
  if (a.bigInt() === 0n) return 'unspecified';
  if (a.bigInt() === 1n) return 'loopback';
  if (a.is4()) return 'ipv4-mapped';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && Number((a.bigInt() >> 96n) & 0xffffn) === 0x0db8) return 'documentation';
  if (first === 0x2002) return '6to4';
  if (first === 0x2001 && Number((a.bigInt() >> 96n) & 0xffffn) === 0) return 'teredo';
  return 'global';
}
