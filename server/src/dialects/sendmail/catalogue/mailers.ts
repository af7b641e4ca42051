// MAILER() files of sendmail's cf/mailer directory, the delivery agents each defines, and OSTYPE() files of
// cf/ostype with the socket behaviour of the platform they stand for. Descriptions are ours.

export interface MailerDoc {
  name: string;
  /** The mailer names (M lines) the file defines; these are what mailertable and $# use. */
  agents: string[];
  description: string;
  ipv6?: string;
  origin?: string;
}

type MRow = [name: string, agents: string[], description: string, extra?: Partial<Pick<MailerDoc, 'ipv6' | 'origin'>>];

const MAILER_ROWS: MRow[] = [
  ['local', ['local', 'prog'], 'Local delivery (LOCAL_MAILER_PATH, /bin/mail by default) and the `prog` mailer for |program addresses. Nearly every config includes it.'],
  ['smtp', ['smtp', 'esmtp', 'smtp8', 'dsmtp', 'relay'], 'The SMTP mailers: plain smtp, esmtp (the default), smtp8 (8-bit clean), dsmtp (on-demand ETRN) and relay (for SMART_HOST and the other relays).', { ipv6: 'Outgoing connections try a destination’s IPv6 addresses first and fall back to IPv4; per-family source settings come from CLIENT_OPTIONS.' }],
  ['uucp', ['uucp', 'uucp-old', 'suucp', 'uucp-new', 'uucp-dom', 'uucp-uudom'], 'UUCP delivery through uux, in its historical address flavours.'],
  ['procmail', ['procmail'], 'Hand mail to procmail, typically from a mailertable entry (FEATURE(`local_procmail\') is the way to use procmail for all local mail).'],
  ['cyrus', ['cyrus', 'cyrusbb'], 'Deliver to a Cyrus IMAP server with its old `deliver` program.'],
  ['cyrusv2', ['cyrusv2'], 'Deliver to Cyrus IMAP 2.x over LMTP (a Unix socket by default, TCP with CYRUSV2_MAILER_ARGS).', { ipv6: 'With `TCP $h lmtp` arguments the connection follows the host’s addresses, IPv6 first.' }],
  ['fax', ['fax'], 'Send mail to the .FAX pseudo-domain through HylaFAX.'],
  ['mail11', ['mail11'], 'DECnet delivery with the mail11 program.'],
  ['phquery', ['ph'], 'Look recipients up in a CCSO ph directory server.'],
  ['pop', ['pop'], 'Deliver into POP mailboxes with spop.'],
  ['qpage', ['qpage'], 'Send mail to pagers through QuickPage.'],
  ['usenet', ['usenet'], 'Post mail to Usenet news through inews.'],
  ['ssh', ['ssh'], 'Deliver by running sendmail on another host over ssh (Debian addition).', { origin: 'Debian' }],
  ['xagent', ['xagent'], 'Hand mail to an external agent program (Debian addition).', { origin: 'Debian' }],
];

export const MAILERS: ReadonlyMap<string, MailerDoc> = new Map(MAILER_ROWS.map(([name, agents, description, extra]) => [name, { name, agents, description, ...extra }]));

/** Mailer (agent) name -> the MAILER() file that defines it, for names people put in MAILER() by mistake. */
export const AGENT_FILE: ReadonlyMap<string, string> = new Map(MAILER_ROWS.flatMap(([file, agents]) => agents.filter((a) => a !== file).map((a) => [a, file] as [string, string])));

/** How IPv6 wildcard sockets behave: 'linux' = they also take IPv4 (bindv6only 0); 'freebsd' = IPv6 only (v6only 1). */
export type Platform = 'linux' | 'freebsd';

export interface OstypeDoc {
  name: string;
  description: string;
  platform?: Platform;
  origin?: string;
}

type ORow = [name: string, description: string, platform?: Platform, origin?: string];

const OSTYPE_ROWS: ORow[] = [
  ['a-ux', 'Apple A/UX.'],
  ['aix3', 'IBM AIX 3.'],
  ['aix4', 'IBM AIX 4.'],
  ['aix5', 'IBM AIX 5 and later.'],
  ['altos', 'Altos System V.'],
  ['amdahl-uts', 'Amdahl UTS.'],
  ['bsd4.3', '4.3BSD.'],
  ['bsd4.4', '4.4BSD and its descendants (NetBSD, OpenBSD and FreeBSD before freebsd4 existed).', 'freebsd'],
  ['bsdi', 'BSD/OS 2.0 and later.'],
  ['bsdi1.0', 'BSD/386 1.0.'],
  ['bsdi2.0', 'BSD/OS 2.0.'],
  ['darwin', 'macOS / Darwin.'],
  ['debian', 'Debian and its derivatives (Debian’s own file: paths under /etc/mail and /var/lib/sendmail, `+WorkAroundBrokenAAAA` when built with IPv6).', 'linux', 'Debian'],
  ['dgux', 'Data General DG/UX.'],
  ['domainos', 'Apollo Domain/OS.'],
  ['dragonfly', 'DragonFly BSD.', 'freebsd'],
  ['dynix3.2', 'Sequent DYNIX 3.2.'],
  ['freebsd4', 'FreeBSD 4.', 'freebsd'],
  ['freebsd5', 'FreeBSD 5.', 'freebsd'],
  ['freebsd6', 'FreeBSD 6 and later (what FreeBSD’s own freebsd.mc uses).', 'freebsd'],
  ['gnu', 'GNU Hurd.'],
  ['hpux10', 'HP-UX 10.'],
  ['hpux11', 'HP-UX 11.'],
  ['hpux9', 'HP-UX 9.'],
  ['irix4', 'SGI IRIX 4.'],
  ['irix5', 'SGI IRIX 5.'],
  ['irix6', 'SGI IRIX 6.'],
  ['isc4.1', 'Interactive UNIX 4.1.'],
  ['linux', 'Linux (generic: procmail as local mailer).', 'linux'],
  ['maxion', 'Concurrent MAXION.'],
  ['mklinux', 'MkLinux.', 'linux'],
  ['mpeix', 'HP MPE/iX.'],
  ['nextstep', 'NeXTSTEP.'],
  ['openbsd', 'OpenBSD.', 'freebsd'],
  ['osf1', 'Digital UNIX / Tru64 (OSF/1).'],
  ['powerux', 'Concurrent PowerUX.'],
  ['ptx2', 'Sequent DYNIX/ptx 2.'],
  ['qnx', 'QNX.'],
  ['riscos4.5', 'MIPS RISC/os 4.5.'],
  ['sco-uw-2.1', 'SCO UnixWare 2.1.'],
  ['sco3.2', 'SCO UNIX 3.2.'],
  ['sinix', 'Siemens SINIX.'],
  ['solaris11', 'Solaris 11 (defines _NETINET6_: without DAEMON_OPTIONS the default is one inet and one inet6 daemon).'],
  ['solaris2', 'Solaris 2.x.'],
  ['solaris2.ml', 'Solaris 2.x with mail.local.'],
  ['solaris2.pre5', 'Solaris 2.0 to 2.4.'],
  ['solaris8', 'Solaris 8 to 10 (defines _NETINET6_: without DAEMON_OPTIONS the default is one inet and one inet6 daemon).'],
  ['sunos3.5', 'SunOS 3.5.'],
  ['sunos4.1', 'SunOS 4.1.'],
  ['svr4', 'Generic System V Release 4.'],
  ['ultrix4', 'DEC Ultrix 4.'],
  ['unicos', 'Cray UNICOS.'],
  ['unicosmk', 'Cray UNICOS/mk.'],
  ['unicosmp', 'Cray UNICOS/mp.'],
  ['unixware7', 'SCO UnixWare 7.'],
  ['unknown', 'Placeholder for systems without an ostype file (builds, but with generic paths).'],
  ['uxpds', 'Fujitsu UXP/DS.'],
];

export const OSTYPES: ReadonlyMap<string, OstypeDoc> = new Map(OSTYPE_ROWS.map(([name, description, platform, origin]) => [name, { name, description, platform, origin }]));
