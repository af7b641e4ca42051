// The keys of DAEMON_OPTIONS() / CLIENT_OPTIONS() (sendmail.cf DaemonPortOptions / ClientPortOptions), as
// sendmail's daemon.c (setsockaddroptions) reads them: by their FIRST LETTER only, some letters in either
// case, some in one case only; an entry without `=` is skipped without a word. Descriptions are ours; the
// facts come from daemon.c and doc/op/op.me of sendmail 8.17/8.18.

export type OptionKey =
  | 'Addr' | 'Family' | 'Name' | 'Port' | 'Modifiers' | 'Listen' | 'InputMailFilters' | 'SendSize' | 'ReceiveSize'
  | 'children' | 'DeliveryMode' | 'delayLA' | 'queueLA' | 'refuseLA' | 'SuperSafe';

export interface OptionKeyDoc {
  key: OptionKey;
  /** Spellings in sendmail's documentation (all read the same, by the first letter). */
  spellings: string[];
  description: string;
  default: string;
  ipv6?: string;
  /** Meaningful for DaemonPortOptions, ClientPortOptions, or both. */
  for: 'daemon' | 'client' | 'both';
}

const DOCS: OptionKeyDoc[] = [
  { key: 'Addr', spellings: ['Addr', 'Address'], for: 'both', default: 'any address (INADDR_ANY / in6addr_any)', description: 'Address to listen on (daemon) or to send from (client): a numeric address, a host name (only its first address is used), or a socket path for Family=local.', ipv6: 'Must match Family: an IPv6 address needs `Family=inet6` (without it sendmail stops with `host "::1" unknown`), an IPv4 address needs `Family=inet`. Write it bare (`::1`) or as `IPv6:::1`, never in brackets.' },
  { key: 'Family', spellings: ['Family'], for: 'both', default: 'inet (IPv4)', description: 'Address family of the socket: inet, inet6, local/unix (a Unix socket), and the historic iso, ns, x.25.', ipv6: 'Each daemon listens on one family. `Family=inet6` without Addr listens on every IPv6 address; on Linux that socket also takes IPv4 (as ::ffff:a.b.c.d), so an inet daemon on the same port then fails with "Address already in use" and neither answers. On FreeBSD and the other BSDs IPv6 sockets are IPv6-only, so an inet and an inet6 daemon are both needed.' },
  { key: 'Name', spellings: ['Name'], for: 'both', default: 'Daemon<n> / Client<family>', description: 'Name used in logs and errors, and in ${daemon_name} for rules and milters. Give each daemon its own.' },
  { key: 'Port', spellings: ['Port'], for: 'both', default: 'smtp (25) for daemons; any free port for clients', description: 'Port number or service name (smtp, submission, smtps) to listen on, or the client’s source port.' },
  { key: 'Modifiers', spellings: ['Modifiers', 'Modifier', 'M'], for: 'both', default: 'none', description: 'Letters that change the daemon’s behaviour: a (require AUTH), b (send from the interface the mail came in on), c/C (do/don’t canonify), f (require qualified host), s (SMTPS), u (allow unqualified senders), A (no AUTH), E (no ETRN), O (optional: skip the socket if it cannot be opened), S (no STARTTLS). Client modifiers: h (HELO with the interface’s name), A, S.' },
  { key: 'Listen', spellings: ['Listen'], for: 'daemon', default: '10', description: 'Length of the listen(2) queue.' },
  { key: 'InputMailFilters', spellings: ['InputMailFilters'], for: 'daemon', default: 'the InputMailFilters option', description: 'Milters for this daemon only, separated by semicolons (a comma would end the option).' },
  { key: 'SendSize', spellings: ['SndBufSize', 'SendSize', 'SendBufSize'], for: 'both', default: 'the kernel’s', description: 'TCP send buffer size (read by its first letter, S or s).' },
  { key: 'ReceiveSize', spellings: ['RcvBufSize', 'ReceiveSize', 'ReceiveBufSize'], for: 'both', default: 'the kernel’s', description: 'TCP receive buffer size (read by its first letter, upper-case R only).' },
  { key: 'children', spellings: ['children'], for: 'daemon', default: 'MaxDaemonChildren', description: 'Maximum child processes for this daemon (lower-case c only).' },
  { key: 'DeliveryMode', spellings: ['DeliveryMode'], for: 'daemon', default: 'DeliveryMode', description: 'Delivery mode for mail received by this daemon: i, b, q or d (upper-case D only).' },
  { key: 'delayLA', spellings: ['delayLA'], for: 'daemon', default: 'DelayLA', description: 'DelayLA for this daemon (lower-case d only).' },
  { key: 'queueLA', spellings: ['queueLA'], for: 'daemon', default: 'QueueLA', description: 'QueueLA for this daemon (lower-case q only).' },
  { key: 'refuseLA', spellings: ['refuseLA'], for: 'daemon', default: 'RefuseLA', description: 'RefuseLA for this daemon (lower-case r only).' },
  { key: 'SuperSafe', spellings: ['SuperSafe'], for: 'daemon', default: 'SuperSafe', description: 'SuperSafe for this daemon; only in sendmail built with _FFR_SS_PER_DAEMON (upper-case T in daemon.c).' },
];

export const OPTION_KEYS: ReadonlyMap<OptionKey, OptionKeyDoc> = new Map(DOCS.map((d) => [d.key, d]));

/** Every documented spelling, for completion and did-you-mean. */
export const OPTION_SPELLINGS: readonly string[] = DOCS.flatMap((d) => d.spellings);

/** The key sendmail reads from an entry's name: daemon.c switches on the first character. */
export function keyByFirstLetter(name: string): OptionKey | undefined {
  switch (name[0]) {
    case 'A': case 'a': return 'Addr';
    case 'c': return 'children';
    case 'D': return 'DeliveryMode';
    case 'd': return 'delayLA';
    case 'F': case 'f': return 'Family';
    case 'I': case 'i': return 'InputMailFilters';
    case 'L': case 'l': return 'Listen';
    case 'M': case 'm': return 'Modifiers';
    case 'N': case 'n': return 'Name';
    case 'P': case 'p': return 'Port';
    case 'q': return 'queueLA';
    case 'R': return 'ReceiveSize';
    case 'r': return 'refuseLA';
    case 'S': case 's': return 'SendSize';
    case 'T': return 'SuperSafe';
    default: return undefined;
  }
}

/** The documented spelling this entry name is (case-insensitively), if any. */
export function documentedKey(name: string): OptionKey | undefined {
  const n = name.toLowerCase();
  for (const d of DOCS) if (d.spellings.some((s) => s.toLowerCase() === n)) return d.key;
  return undefined;
}

export interface FamilyDoc {
  name: string;
  description: string;
}

/** Values of Family= that sendmail knows (compared case-insensitively; a number is taken as is). */
export const FAMILIES: readonly FamilyDoc[] = [
  { name: 'inet', description: 'IPv4 (the default).' },
  { name: 'inet6', description: 'IPv6. On Linux a wildcard inet6 socket also accepts IPv4 connections, as IPv4-mapped addresses.' },
  { name: 'local', description: 'A Unix-domain socket; Addr is its path.' },
  { name: 'unix', description: 'Same as local.' },
  { name: 'iso', description: 'ISO/OSI (only in builds with NETISO).' },
  { name: 'ns', description: 'Xerox NS (only in builds with NETNS).' },
  { name: 'x.25', description: 'X.25 (only in builds with NETX25).' },
];

export const DAEMON_MODIFIERS: Readonly<Record<string, string>> = {
  a: 'always require AUTH',
  b: 'bind outgoing connections to the interface the mail arrived on',
  c: 'canonify host names (cf rules)',
  f: 'require fully qualified host names (cf rules)',
  s: 'speak SMTP over TLS from the first byte (SMTPS, port 465)',
  u: 'allow unqualified sender addresses (cf rules)',
  A: 'never offer AUTH',
  C: 'do not canonify host names',
  E: 'refuse ETRN (as a submission daemon should)',
  O: 'optional: if the socket cannot be opened, go on without it',
  S: 'never offer STARTTLS',
};

/** Well-known service names of Port=, as /etc/services maps them. */
export const SERVICE_PORTS: Readonly<Record<string, number>> = { smtp: 25, submission: 587, smtps: 465, submissions: 465, ssmtp: 465 };
