// The RR types, classes and TTL syntax a master file may use, as BIND 9.18 knows them: type codes, the shape of
// each type's data (checked the way named-checkzone checks it), and one line on what each type is for (our words,
// with the defining RFC or the IANA registry).

/**
 * One field of a type's text form. Fields after which nothing can follow (`hex`, `base64`, `strings`, `rest`)
 * take every remaining token.
 */
export type Field =
  | 'name' // a domain name, relative to the origin unless it ends in '.'
  | 'u8' | 'u16' | 'u32' // decimal numbers
  | 'ttl' // a number of seconds, or units such as 1h30m
  | 'ipv4' | 'ipv6' // checked by the address rules, not as syntax
  | 'string' // one character-string: a word or a quoted string, at most 255 bytes
  | 'strings' // one or more character-strings
  | 'word' // one token of any shape
  | 'hex' // hexadecimal, split over any number of tokens
  | 'base64' // base64, split over any number of tokens
  | 'alg' // a DNSSEC algorithm: a number or a mnemonic such as ECDSAP256SHA256
  | 'type' // an RR type mnemonic (RRSIG's type covered)
  | 'types' // one or more RR type mnemonics (NSEC's type list)
  | 'rest'; // anything, including nothing

export interface RRTypeInfo {
  name: string;
  code: number;
  /** Undefined: the data is not checked beyond RFC 3597's generic form. */
  fields?: readonly Field[];
  summary: string;
  /** The defining RFC or registry. */
  ref: string;
  obsolete?: boolean;
  /** Data only in the generic `\\# length hex` form (no text form). */
  genericOnly?: boolean;
  /** Empty data is valid. */
  mayBeEmpty?: boolean;
  meta?: boolean;
}

const RFC = (n: number, anchor = ''): string => `https://www.rfc-editor.org/rfc/rfc${n}${anchor}`;
const IANA = 'https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-4';

const T = (name: string, code: number, fields: readonly Field[] | undefined, summary: string, ref: string, extra: Partial<RRTypeInfo> = {}): RRTypeInfo => ({
  name,
  code,
  fields,
  summary,
  ref,
  ...extra,
});

export const RR_TYPES: readonly RRTypeInfo[] = [
  T('A', 1, ['ipv4'], 'An IPv4 address of the owner name. Clients on an IPv6-only network cannot use it: pair it with an AAAA record.', RFC(1035, '#section-3.4.1')),
  T('NS', 2, ['name'], 'A name server for the zone or, below the apex, for a delegated child zone. The server needs address records (A and AAAA) that resolvers can reach.', RFC(1035, '#section-3.3.11')),
  T('MD', 3, ['name'], 'Mail destination: obsolete since 1987 (use MX); BIND refuses it.', RFC(1035, '#section-3.3.4'), { obsolete: true }),
  T('MF', 4, ['name'], 'Mail forwarder: obsolete since 1987 (use MX); BIND refuses it.', RFC(1035, '#section-3.3.5'), { obsolete: true }),
  T('CNAME', 5, ['name'], 'An alias: the owner is another name for the target. No other data may sit at the same owner (DNSSEC records aside), and NS and MX must not point at an alias.', RFC(1035, '#section-3.3.1')),
  T('SOA', 6, ['name', 'name', 'u32', 'ttl', 'ttl', 'ttl', 'ttl'], 'Start of authority, exactly one at the zone apex: primary server, responsible mailbox (first dot = @), serial, refresh, retry, expire, and the negative-caching TTL.', RFC(1035, '#section-3.3.13')),
  T('MB', 7, ['name'], 'Mailbox domain (experimental, unused).', RFC(1035, '#section-3.3.3')),
  T('MG', 8, ['name'], 'Mail group member (experimental, unused).', RFC(1035, '#section-3.3.6')),
  T('MR', 9, ['name'], 'Mail rename (experimental, unused).', RFC(1035, '#section-3.3.8')),
  T('NULL', 10, undefined, 'Anything, at most 65535 bytes (experimental); only in the generic `\\# length hex` form.', RFC(1035, '#section-3.3.10'), { genericOnly: true }),
  T('WKS', 11, ['ipv4', 'word', 'rest'], 'Well-known services of an IPv4 host (obsolete; IPv4 only).', RFC(1035, '#section-3.4.2')),
  T('PTR', 12, ['name'], 'A pointer to a name: reverse DNS under in-addr.arpa (IPv4) and ip6.arpa (IPv6).', RFC(1035, '#section-3.3.12')),
  T('HINFO', 13, ['string', 'string'], 'Host information: CPU and operating system, two character-strings.', RFC(1035, '#section-3.3.2')),
  T('MINFO', 14, ['name', 'name'], 'Mailbox or mail list information (experimental).', RFC(1035, '#section-3.3.7')),
  T('MX', 15, ['u16', 'name'], 'A mail exchanger for the owner: preference (lower first) and host. The host needs an AAAA record for mail to arrive over IPv6; `0 .` says the domain takes no mail (RFC 7505).', RFC(1035, '#section-3.3.9')),
  T('TXT', 16, ['strings'], 'Text: one or more character-strings of at most 255 bytes each (SPF, DKIM, DMARC, site verification...). SPF `ip4:`/`ip6:` mechanisms need both families.', RFC(1035, '#section-3.3.14')),
  T('RP', 17, ['name', 'name'], 'Responsible person: a mailbox (first dot = @) and a name holding TXT about them.', RFC(1183, '#section-2.2')),
  T('AFSDB', 18, ['u16', 'name'], 'AFS database location (largely replaced by SRV).', RFC(1183, '#section-1')),
  T('X25', 19, undefined, 'X.25 PSDN address (historic).', RFC(1183, '#section-3.1')),
  T('ISDN', 20, undefined, 'ISDN address (historic).', RFC(1183, '#section-3.2')),
  T('RT', 21, ['u16', 'name'], 'Route through (historic).', RFC(1183, '#section-3.3')),
  T('NSAP', 22, undefined, 'OSI NSAP address (historic).', RFC(1706)),
  T('NSAP-PTR', 23, ['name'], 'OSI NSAP reverse pointer (historic).', RFC(1348)),
  T('SIG', 24, undefined, 'Signature of the original DNSSEC (replaced by RRSIG; still used by SIG(0)).', RFC(2535)),
  T('KEY', 25, undefined, 'Public key of the original DNSSEC (replaced by DNSKEY; still used by SIG(0) and TKEY).', RFC(2535)),
  T('PX', 26, ['u16', 'name', 'name'], 'X.400 mail mapping (historic).', RFC(2163)),
  T('GPOS', 27, undefined, 'Geographical position (historic; see LOC).', RFC(1712)),
  T('AAAA', 28, ['ipv6'], 'An IPv6 address of the owner name: what makes a host reachable from IPv6-only networks.', RFC(3596, '#section-2')),
  T('LOC', 29, undefined, 'Geographical location: latitude, longitude, altitude and precision.', RFC(1876)),
  T('NXT', 30, undefined, 'Next domain of the original DNSSEC (replaced by NSEC).', RFC(2535)),
  T('EID', 31, undefined, 'Nimrod endpoint identifier (historic).', IANA),
  T('NIMLOC', 32, undefined, 'Nimrod locator (historic).', IANA),
  T('SRV', 33, ['u16', 'u16', 'u16', 'name'], 'Where a service runs: priority, weight, port and target host (`_service._proto.name`). The target needs an AAAA record for IPv6 clients.', RFC(2782)),
  T('ATMA', 34, undefined, 'ATM address (historic).', IANA),
  T('NAPTR', 35, ['u16', 'u16', 'string', 'string', 'string', 'name'], 'Naming authority pointer: rewrite rules used by ENUM and SIP (order, preference, flags, service, regexp, replacement).', RFC(3403, '#section-4')),
  T('KX', 36, ['u16', 'name'], 'Key exchanger for the owner (preference and host).', RFC(2230)),
  T('CERT', 37, undefined, 'A certificate or certificate revocation list.', RFC(4398)),
  T('A6', 38, undefined, 'IPv6 address in chained fragments: experimental and historic since RFC 6563. Use AAAA.', RFC(6563)),
  T('DNAME', 39, ['name'], 'Redirects every name below the owner to the same names below the target.', RFC(6672)),
  T('SINK', 40, undefined, 'Kitchen sink (experimental, never standardised).', IANA),
  T('OPT', 41, undefined, 'EDNS pseudo-record: exists only in messages, never in a zone.', RFC(6891), { meta: true }),
  T('APL', 42, undefined, 'Lists of address prefixes, IPv4 (`1:`) and IPv6 (`2:`).', RFC(3123), { mayBeEmpty: true }),
  T('DS', 43, ['u16', 'alg', 'word', 'hex'], 'Delegation signer, at a delegation point: the digest of the child zone\'s key-signing key (key tag, algorithm, digest type, digest).', RFC(4034, '#section-5')),
  T('SSHFP', 44, ['u8', 'u8', 'hex'], 'SSH host key fingerprint (algorithm, fingerprint type, fingerprint); useful with DNSSEC.', RFC(4255)),
  T('IPSECKEY', 45, undefined, 'An IPsec public key and gateway, which can be an IPv4 or an IPv6 address or a name.', RFC(4025)),
  T('RRSIG', 46, ['type', 'alg', 'u8', 'u32', 'word', 'word', 'u16', 'name', 'base64'], 'A DNSSEC signature over one RRset: type covered, algorithm, labels, original TTL, expiration, inception, key tag, signer, signature.', RFC(4034, '#section-3')),
  T('NSEC', 47, ['name', 'types'], 'DNSSEC authenticated denial: the next owner name in the zone and the types present here.', RFC(4034, '#section-4')),
  T('DNSKEY', 48, ['u16', 'u8', 'alg', 'base64'], 'A DNSSEC public key of the zone (flags 257 = key-signing key, 256 = zone-signing key; protocol 3; algorithm; key).', RFC(4034, '#section-2')),
  T('DHCID', 49, ['base64'], 'DHCP client identifier, to tie dynamic DNS updates to a DHCP client.', RFC(4701)),
  T('NSEC3', 50, undefined, 'DNSSEC hashed authenticated denial: hash algorithm, flags, iterations, salt, next hashed owner, types.', RFC(5155, '#section-3')),
  T('NSEC3PARAM', 51, ['u8', 'u8', 'u16', 'word'], 'The NSEC3 parameters a signer uses for the zone (hash algorithm, flags, iterations, salt).', RFC(5155, '#section-4')),
  T('TLSA', 52, ['u8', 'u8', 'u8', 'hex'], 'DANE: the certificate or key a TLS service at `_port._proto.name` must present (usage, selector, matching type, data).', RFC(6698, '#section-2')),
  T('SMIMEA', 53, ['u8', 'u8', 'u8', 'hex'], 'DANE for S/MIME: a certificate for an email address.', RFC(8162)),
  T('HIP', 55, undefined, 'Host Identity Protocol: host identity tag, public key and rendezvous servers.', RFC(8005)),
  T('NINFO', 56, undefined, 'Zone status information (never standardised).', IANA),
  T('RKEY', 57, undefined, 'Resource key (never standardised).', IANA),
  T('TALINK', 58, undefined, 'Trust anchor link (never standardised).', IANA),
  T('CDS', 59, ['u16', 'alg', 'word', 'hex'], 'Child copy of DS: the child asks its parent to publish this DS (RFC 7344 automation).', RFC(7344)),
  T('CDNSKEY', 60, ['u16', 'u8', 'alg', 'base64'], 'Child copy of DNSKEY: the child asks its parent to publish a DS for this key.', RFC(7344)),
  T('OPENPGPKEY', 61, ['base64'], 'An OpenPGP public key for an email address (DANE).', RFC(7929)),
  T('CSYNC', 62, ['u32', 'u16', 'rest'], 'Child-to-parent synchronisation of NS and glue records.', RFC(7477)),
  T('ZONEMD', 63, ['u32', 'u8', 'u8', 'hex'], 'A digest of the whole zone, to verify it after transfer.', RFC(8976)),
  T('SVCB', 64, ['u16', 'name', 'rest'], 'Service binding: where and how to reach a service (priority, target, parameters such as alpn, port, ipv4hint, ipv6hint).', RFC(9460)),
  T('HTTPS', 65, ['u16', 'name', 'rest'], 'Service binding for HTTPS: alternative endpoints and parameters (alpn, ech, ipv4hint, ipv6hint). Hints do not replace A and AAAA records.', RFC(9460)),
  T('DSYNC', 66, undefined, 'Where a parent zone accepts DS and CDS updates from children (generalized notifications).', IANA),
  T('SPF', 99, ['strings'], 'SPF policy in its own type: deprecated by RFC 7208; publish SPF in TXT.', RFC(7208, '#section-3.1')),
  T('UINFO', 100, undefined, 'Reserved (never standardised).', IANA, { genericOnly: true }),
  T('UID', 101, undefined, 'Reserved (never standardised).', IANA, { genericOnly: true }),
  T('GID', 102, undefined, 'Reserved (never standardised).', IANA, { genericOnly: true }),
  T('UNSPEC', 103, undefined, 'Reserved (never standardised).', IANA, { genericOnly: true }),
  T('NID', 104, undefined, 'ILNP node identifier.', RFC(6742)),
  T('L32', 105, undefined, 'ILNP 32-bit locator.', RFC(6742)),
  T('L64', 106, undefined, 'ILNP 64-bit locator.', RFC(6742)),
  T('LP', 107, undefined, 'ILNP locator pointer.', RFC(6742)),
  T('EUI48', 108, undefined, 'A 48-bit MAC address.', RFC(7043)),
  T('EUI64', 109, undefined, 'A 64-bit EUI address.', RFC(7043)),
  T('TKEY', 249, undefined, 'Transaction key pseudo-record: messages only, never in a zone.', RFC(2930), { meta: true }),
  T('TSIG', 250, undefined, 'Transaction signature pseudo-record: messages only, never in a zone.', RFC(8945), { meta: true }),
  T('IXFR', 251, undefined, 'Incremental zone transfer: a query type, never in a zone.', RFC(1995), { meta: true }),
  T('AXFR', 252, undefined, 'Full zone transfer: a query type, never in a zone.', RFC(5936), { meta: true }),
  T('MAILB', 253, undefined, 'A query type for mailbox records, never in a zone.', RFC(1035), { meta: true }),
  T('MAILA', 254, undefined, 'A query type for mail agent records (obsolete), never in a zone.', RFC(1035), { meta: true }),
  T('URI', 256, ['u16', 'u16', 'string'], 'A URI for the owner name (priority, weight, target URI).', RFC(7553)),
  T('CAA', 257, ['u8', 'word', 'string'], 'Which certificate authorities may issue certificates for the name (flags, tag such as issue or iodef, value).', RFC(8659)),
  T('AVC', 258, undefined, 'Application visibility and control (Cisco).', IANA),
  T('DOA', 259, undefined, 'Digital object architecture.', IANA),
  T('AMTRELAY', 260, undefined, 'Automatic multicast tunnelling relay: an IPv4 or IPv6 address or a name.', RFC(8777)),
  T('RESINFO', 261, undefined, 'Resolver information as key-value pairs.', RFC(9606)),
  T('WALLET', 262, undefined, 'Public wallet address.', IANA),
  T('TA', 32768, ['u16', 'alg', 'word', 'hex'], 'DNSSEC trust authority (never standardised).', IANA),
  T('DLV', 32769, ['u16', 'alg', 'word', 'hex'], 'DNSSEC lookaside validation (historic; the DLV registry closed in 2017).', RFC(8749)),
  T('KEYDATA', 65533, undefined, 'BIND-internal: managed trust-anchor state, kept in managed-keys zones.', 'https://bind9.readthedocs.io/en/v9.18/reference.html#dnssec-validation'),
];

const BY_NAME = new Map(RR_TYPES.map((t) => [t.name, t]));
const BY_CODE = new Map(RR_TYPES.map((t) => [t.code, t]));

export const GENERIC_TYPE_REF = RFC(3597, '#section-5');

/** A type as written (`AAAA`, `aaaa`, `TYPE28`), or undefined when BIND does not know it. */
export function lookupType(text: string): RRTypeInfo | undefined {
  const up = text.toUpperCase();
  const known = BY_NAME.get(up);
  if (known) return known;
  const m = /^TYPE([0-9]{1,5})$/.exec(up);
  if (!m) return undefined;
  const code = Number(m[1]);
  if (code > 65535) return undefined;
  return BY_CODE.get(code) ?? { name: `TYPE${code}`, code, summary: `Type ${code}, which has no mnemonic: its data must be in the generic \`\\# length hex\` form.`, ref: GENERIC_TYPE_REF, genericOnly: true };
}

/** DNSSEC algorithm mnemonics BIND accepts in place of the number (RFC 4034 appendix A.1 and the IANA registry). */
export const DNSSEC_ALGORITHMS = new Set([
  'RSAMD5', 'DH', 'DSA', 'ECC', 'RSASHA1', 'DSA-NSEC3-SHA1', 'NSEC3DSA', 'RSASHA1-NSEC3-SHA1', 'NSEC3RSASHA1', 'RSASHA256',
  'RSASHA512', 'ECC-GOST', 'ECCGOST', 'ECDSAP256SHA256', 'ECDSAP384SHA384', 'ED25519', 'ED448', 'INDIRECT', 'PRIVATEDNS', 'PRIVATEOID',
]);

export interface ClassInfo {
  name: string;
  code: number;
  summary: string;
}

export const CLASSES: readonly ClassInfo[] = [
  { name: 'IN', code: 1, summary: 'The Internet class: every ordinary zone. A record without a class takes the class of the one before it.' },
  { name: 'CH', code: 3, summary: 'Chaosnet: today used for server information such as `version.bind` and `hostname.bind`.' },
  { name: 'CHAOS', code: 3, summary: 'Chaosnet (same as CH).' },
  { name: 'HS', code: 4, summary: 'Hesiod (MIT Project Athena name service).' },
  { name: 'HESIOD', code: 4, summary: 'Hesiod (same as HS).' },
  { name: 'NONE', code: 254, summary: 'A class used only in dynamic updates; no zone holds it.' },
  { name: 'ANY', code: 255, summary: 'A query class (any class); no zone holds it.' },
];

export const CLASS_REF = 'https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-2';

/** A class as written (`IN`, `in`, `CLASS1`), or undefined. */
export function lookupClass(text: string): ClassInfo | undefined {
  const up = text.toUpperCase();
  const known = CLASSES.find((c) => c.name === up);
  if (known) return known;
  const m = /^CLASS([0-9]{1,5})$/.exec(up);
  if (!m || Number(m[1]) > 65535) return undefined;
  const code = Number(m[1]);
  const named = CLASSES.find((c) => c.code === code);
  return { name: named?.name ?? `CLASS${code}`, code, summary: named?.summary ?? `Class ${code}, which has no mnemonic.` };
}

/**
 * A TTL as BIND reads it: plain seconds (`3600`), or numbers with units in any order and repetition (`1h30m`,
 * `1W`, `1d2h`), every number followed by its unit. Undefined when it is not a TTL or passes 2^32-1.
 */
export function parseTTL(text: string): number | undefined {
  if (text.length === 0 || text.length > 64) return undefined;
  if (/^[0-9]+$/.test(text)) {
    const v = Number(text);
    return v <= 0xffffffff ? v : undefined;
  }
  const UNIT: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  let num = '';
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') num += ch;
    else {
      const u = UNIT[ch.toLowerCase()];
      if (u === undefined || num === '') return undefined;
      total += Number(num) * u;
      num = '';
    }
  }
  if (num !== '' || total > 0xffffffff) return undefined;
  return total;
}

/** `5400` -> `1 hour 30 minutes`. */
export function describeSeconds(s: number): string {
  if (s === 0) return '0 seconds';
  const parts: string[] = [];
  const units: [number, string][] = [[604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  let rest = s;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return parts.join(' ');
}
