// Every sshd_config keyword OpenSSH 9.x knows (and the few 10.x and Debian ones real files carry): the argument
// shape sshd checks, whether it may appear inside a Match block, and what became of deprecated and removed ones.
// Facts from servconf.c of the V_9_0_P1..V_9_9_P2 tags (keywords[] and process_server_config_line) and from
// running Debian's sshd 9.2 (`sshd -t`); names are spelled as sshd_config(5) spells them.

/** How sshd reads a keyword's arguments (process_server_config_line in servconf.c). */
export type Shape =
  /** One of a fixed set, compared case-insensitively (sshd's "multistate" options). */
  | { kind: 'enum'; values: readonly string[]; message?: 'option' | 'log level' | 'log facility' }
  /** One of a fixed set, compared case-sensitively (PermitTunnel). */
  | { kind: 'enum-exact'; values: readonly string[] }
  | { kind: 'int' }
  | { kind: 'time' }
  | { kind: 'time-or-none' }
  | { kind: 'port' }
  /** Exactly one argument (a path, a name, an algorithm list ...). */
  | { kind: 'one' }
  /** One or more arguments. */
  | { kind: 'many' }
  /** The rest of the line as written (ForceCommand, VersionAddendum ...). */
  | { kind: 'rest' }
  /** Deprecated or unsupported: sshd discards whatever follows. */
  | { kind: 'ignored' }
  /** Checked by its own code in model.ts. */
  | { kind: 'special' };

export type KeywordStatus =
  /** A current keyword. */
  | 'current'
  /** An old name that still works and means the same as `replacement`. */
  | 'alias'
  /** sshd logs "Deprecated option X" and ignores the line. */
  | 'deprecated'
  /** sshd ignores the line silently (Protocol). */
  | 'ignored'
  /** sshd logs "Unsupported option X" and ignores the line, whatever the build. */
  | 'unsupported'
  /** Added by a distribution's patches (Debian/Ubuntu); upstream sshd rejects it. */
  | 'vendor';

export interface KeywordInfo {
  /** Canonical spelling (sshd_config(5)). */
  name: string;
  status: KeywordStatus;
  /** Allowed on the lines after a Match (SSHCFG_ALL), as of 9.9. */
  match: boolean;
  shape: Shape;
  /** First OpenSSH release with this keyword (portable tags), when later than 3.0. */
  since?: string;
  /** For Match permission added later than the keyword itself (Subsystem: 9.5). */
  matchSince?: string;
  /** The keyword to use instead (aliases, deprecated keywords with a successor). */
  replacement?: string;
  /** OpenSSH release that made the keyword an alias, deprecated or ignored. */
  changedIn?: string;
  /** For vendor keywords: whose patch adds it. */
  vendor?: string;
}

const FLAG: Shape = { kind: 'enum', values: ['yes', 'no'] };
const ONE: Shape = { kind: 'one' };
const MANY: Shape = { kind: 'many' };
const INT: Shape = { kind: 'int' };
const TIME: Shape = { kind: 'time' };
const REST: Shape = { kind: 'rest' };
const SPECIAL: Shape = { kind: 'special' };
const IGNORED: Shape = { kind: 'ignored' };
const FORWARDING: Shape = { kind: 'enum', values: ['yes', 'all', 'no', 'local', 'remote'] };

type Row = [name: string, match: boolean, shape: Shape, since?: string, extra?: Partial<KeywordInfo>];

const G = false; // global only
const M = true; // also inside Match

const CURRENT: Row[] = [
  ['AcceptEnv', M, SPECIAL, '3.9'],
  ['AddressFamily', G, { kind: 'enum', values: ['any', 'inet', 'inet6'] }, '4.0'],
  ['AllowAgentForwarding', M, FLAG, '5.1'],
  ['AllowGroups', M, MANY],
  ['AllowStreamLocalForwarding', M, FORWARDING, '6.7'],
  ['AllowTcpForwarding', M, FORWARDING],
  ['AllowUsers', M, MANY],
  ['AuthenticationMethods', M, SPECIAL, '6.2'],
  ['AuthorizedKeysCommand', M, SPECIAL, '6.2'],
  ['AuthorizedKeysCommandUser', M, ONE, '6.2'],
  ['AuthorizedKeysFile', M, MANY],
  ['AuthorizedPrincipalsCommand', M, SPECIAL, '6.9'],
  ['AuthorizedPrincipalsCommandUser', M, ONE, '6.9'],
  ['AuthorizedPrincipalsFile', M, ONE, '5.6'],
  ['Banner', M, ONE],
  ['CASignatureAlgorithms', M, ONE, '7.9'],
  ['ChannelTimeout', M, SPECIAL, '9.2'],
  ['ChrootDirectory', M, ONE, '4.9'],
  ['Ciphers', G, ONE],
  ['ClientAliveCountMax', M, INT],
  ['ClientAliveInterval', M, TIME],
  ['Compression', G, { kind: 'enum', values: ['yes', 'delayed', 'no'] }, '3.3'],
  ['DenyGroups', M, MANY],
  ['DenyUsers', M, MANY],
  ['DisableForwarding', M, FLAG, '7.4'],
  ['ExposeAuthInfo', M, FLAG, '7.6'],
  ['FingerprintHash', G, SPECIAL, '6.8'],
  ['ForceCommand', M, REST, '4.4'],
  ['GatewayPorts', M, { kind: 'enum', values: ['clientspecified', 'yes', 'no'] }],
  ['GSSAPIAuthentication', M, FLAG, '3.7'],
  ['GSSAPICleanupCredentials', G, FLAG, '3.8'],
  ['GSSAPIStrictAcceptorCheck', G, FLAG, '6.9'],
  ['HostbasedAcceptedAlgorithms', M, ONE, '8.5'],
  ['HostbasedAuthentication', M, FLAG],
  ['HostbasedUsesNameFromPacketOnly', M, FLAG],
  ['HostCertificate', G, ONE, '5.4'],
  ['HostKey', G, ONE],
  ['HostKeyAgent', G, ONE, '6.3'],
  ['HostKeyAlgorithms', G, ONE, '7.0'],
  ['IgnoreRhosts', M, { kind: 'enum', values: ['yes', 'no', 'shosts-only'] }],
  ['IgnoreUserKnownHosts', G, FLAG],
  ['Include', M, SPECIAL, '8.2'],
  ['IPQoS', M, SPECIAL, '5.7'],
  ['KbdInteractiveAuthentication', M, FLAG],
  ['KerberosAuthentication', M, FLAG],
  // Only builds with AFS support read it as yes/no; the others (Debian's among them) discard it as unsupported.
  ['KerberosGetAFSToken', G, IGNORED, '3.8'],
  ['KerberosOrLocalPasswd', G, FLAG],
  ['KerberosTicketCleanup', G, FLAG],
  ['KexAlgorithms', G, ONE, '5.7'],
  ['ListenAddress', G, SPECIAL],
  ['LoginGraceTime', G, TIME],
  ['LogLevel', M, { kind: 'enum', values: ['QUIET', 'FATAL', 'ERROR', 'INFO', 'VERBOSE', 'DEBUG', 'DEBUG1', 'DEBUG2', 'DEBUG3'], message: 'log level' }],
  ['LogVerbose', M, MANY, '8.5'],
  ['MACs', G, ONE],
  ['Match', M, SPECIAL, '4.4'],
  ['MaxAuthTries', M, INT, '3.9'],
  ['MaxSessions', M, INT, '5.1'],
  ['MaxStartups', G, SPECIAL],
  ['ModuliFile', G, ONE, '8.6'],
  ['PAMServiceName', M, ONE, '9.8'],
  ['PasswordAuthentication', M, FLAG],
  ['PermitEmptyPasswords', M, FLAG],
  ['PermitListen', M, SPECIAL, '7.8'],
  ['PermitOpen', M, SPECIAL, '4.4'],
  ['PermitRootLogin', M, { kind: 'enum', values: ['yes', 'prohibit-password', 'without-password', 'forced-commands-only', 'no'] }],
  ['PermitTTY', M, FLAG, '6.5'],
  ['PermitTunnel', M, { kind: 'enum-exact', values: ['yes', 'point-to-point', 'ethernet', 'no'] }, '4.3'],
  ['PermitUserEnvironment', G, ONE, '3.5'],
  ['PermitUserRC', M, FLAG, '6.7'],
  ['PerSourceMaxStartups', G, SPECIAL, '8.5'],
  ['PerSourceNetBlockSize', G, SPECIAL, '8.5'],
  ['PerSourcePenalties', G, MANY, '9.8'],
  ['PerSourcePenaltyExemptList', G, ONE, '9.8'],
  ['PidFile', G, ONE],
  ['Port', G, { kind: 'port' }],
  ['PrintLastLog', G, FLAG],
  ['PrintMotd', G, FLAG],
  ['PubkeyAcceptedAlgorithms', M, ONE, '8.5'],
  ['PubkeyAuthentication', M, FLAG],
  ['PubkeyAuthOptions', M, SPECIAL, '8.2'],
  ['RDomain', M, ONE, '7.7'],
  ['RefuseConnection', M, FLAG, '9.9'],
  ['RekeyLimit', M, SPECIAL, '6.3'],
  ['RequiredRSASize', M, INT, '9.1'],
  ['RevokedKeys', M, ONE, '5.4'],
  ['SecurityKeyProvider', G, ONE, '8.2'],
  ['SetEnv', M, SPECIAL, '7.8'],
  ['SshdAuthPath', G, ONE, '10.0'],
  ['SshdSessionPath', G, ONE, '9.8'],
  ['StreamLocalBindMask', M, SPECIAL, '6.7'],
  ['StreamLocalBindUnlink', M, FLAG, '6.7'],
  ['StrictModes', G, FLAG],
  ['Subsystem', M, SPECIAL, undefined, { matchSince: '9.5' }],
  ['SyslogFacility', G, {
    kind: 'enum',
    values: ['DAEMON', 'USER', 'AUTH', 'AUTHPRIV', 'LOCAL0', 'LOCAL1', 'LOCAL2', 'LOCAL3', 'LOCAL4', 'LOCAL5', 'LOCAL6', 'LOCAL7'],
    message: 'log facility',
  }],
  ['TCPKeepAlive', G, FLAG, '3.8'],
  ['TrustedUserCAKeys', M, ONE, '5.4'],
  ['UnusedConnectionTimeout', M, { kind: 'time-or-none' }, '9.2'],
  ['UseDNS', G, FLAG, '3.7'],
  ['UsePAM', G, FLAG, '3.7'],
  ['VersionAddendum', G, REST, '6.1'],
  ['X11DisplayOffset', M, INT],
  ['X11Forwarding', M, FLAG],
  ['X11UseLocalhost', M, FLAG],
  ['XAuthLocation', G, ONE],
  ['GSSAPIDelegateCredentials', G, FLAG, '10.3'],
];

const ALIASES: Row[] = [
  ['ChallengeResponseAuthentication', M, FLAG, undefined, { replacement: 'KbdInteractiveAuthentication', changedIn: '8.7' }],
  ['SKeyAuthentication', M, FLAG, undefined, { replacement: 'KbdInteractiveAuthentication', changedIn: '8.7' }],
  ['KeepAlive', G, FLAG, undefined, { replacement: 'TCPKeepAlive', changedIn: '3.8' }],
  ['PubkeyAcceptedKeyTypes', M, ONE, '6.8', { replacement: 'PubkeyAcceptedAlgorithms', changedIn: '8.5' }],
  ['HostbasedAcceptedKeyTypes', M, ONE, '6.8', { replacement: 'HostbasedAcceptedAlgorithms', changedIn: '8.5' }],
  ['DSAAuthentication', G, FLAG, undefined, { replacement: 'PubkeyAuthentication' }],
  ['HostDSAKey', G, ONE, undefined, { replacement: 'HostKey' }],
];

// Deprecated keywords: sshd logs "Deprecated option X" and ignores the line (scope as in keywords[]).
const DEPRECATED: Row[] = [
  ['AuthorizedKeysFile2', M, IGNORED, undefined, { replacement: 'AuthorizedKeysFile', changedIn: '5.9' }],
  ['CheckMail', G, IGNORED],
  ['KeyRegenerationInterval', G, IGNORED, undefined, { changedIn: '7.4' }],
  ['PAMAuthenticationViaKbdInt', G, IGNORED, undefined, { changedIn: '3.7' }],
  ['ReverseMappingCheck', G, IGNORED, undefined, { changedIn: '3.7' }],
  ['RhostsAuthentication', G, IGNORED, undefined, { changedIn: '3.7' }],
  ['RhostsRSAAuthentication', M, IGNORED, undefined, { changedIn: '7.4' }],
  ['RSAAuthentication', M, IGNORED, undefined, { changedIn: '7.4' }],
  ['ServerKeyBits', G, IGNORED, undefined, { changedIn: '7.4' }],
  ['UseLogin', G, IGNORED, undefined, { changedIn: '7.4' }],
  ['UsePrivilegeSeparation', G, IGNORED, '3.3', { changedIn: '7.5' }],
  ['VerifyReverseMapping', G, IGNORED, '3.1', { replacement: 'UseDNS', changedIn: '3.7' }],
];

const IGNORED_ROWS: Row[] = [['Protocol', G, IGNORED, undefined, { changedIn: '7.4' }]];

const UNSUPPORTED: Row[] = [
  ['AFSTokenPassing', G, IGNORED, undefined, { changedIn: '3.7' }],
  ['KerberosTgtPassing', G, IGNORED, undefined, { changedIn: '3.7' }],
];

// Debian's openssh-server (and Ubuntu's) carries the GSSAPI key exchange patch and its own DebianBanner; its sshd
// accepts these (strings of /usr/sbin/sshd 9.2p1-2+deb12u10), upstream sshd says "Bad configuration option".
const VENDOR: Row[] = [
  ['DebianBanner', G, FLAG, undefined, { vendor: 'Debian' }],
  ['GSSAPIKeyExchange', G, FLAG, undefined, { vendor: 'Debian (GSSAPI key exchange patch)' }],
  ['GSSAPIStoreCredentialsOnRekey', G, FLAG, undefined, { vendor: 'Debian (GSSAPI key exchange patch)' }],
  ['GSSAPIKexAlgorithms', G, ONE, undefined, { vendor: 'Debian (GSSAPI key exchange patch)' }],
  ['GSSAPICleanupCreds', G, FLAG, undefined, { vendor: 'Debian (GSSAPI patch; an OpenSSH 3.7 spelling)', replacement: 'GSSAPICleanupCredentials' }],
];

function build(): Map<string, KeywordInfo> {
  const map = new Map<string, KeywordInfo>();
  const add = (rows: Row[], status: KeywordStatus) => {
    for (const [name, match, shape, since, extra] of rows) {
      map.set(name.toLowerCase(), { name, status, match, shape, ...(since ? { since } : {}), ...extra });
    }
  };
  add(CURRENT, 'current');
  add(ALIASES, 'alias');
  add(DEPRECATED, 'deprecated');
  add(IGNORED_ROWS, 'ignored');
  add(UNSUPPORTED, 'unsupported');
  add(VENDOR, 'vendor');
  return map;
}

export const KEYWORDS: ReadonlyMap<string, KeywordInfo> = build();

/**
 * The OpenSSH release the rules assume when no target is set (RuleContext.target): Debian 12's sshd, 9.2p1. A
 * keyword newer than the target is one that sshd does not know ("Bad configuration option").
 */
export const DEFAULT_TARGET = '9.2';

/** True when release `since` (e.g. '9.8') is later than `target` ('9.2'); false when either is missing or unreadable. */
export function newerThan(since: string | undefined, target: string): boolean {
  if (!since) return false;
  const a = since.split('.').map(Number);
  const b = target.split('.').map(Number);
  if (a.some((n) => !Number.isInteger(n)) || b.some((n) => !Number.isInteger(n))) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

export function lookupKeyword(name: string): KeywordInfo | undefined {
  return KEYWORDS.get(name.toLowerCase());
}

/** Keywords to suggest and complete: current ones only (not aliases, deprecated or vendor spellings). */
export function currentKeywords(): KeywordInfo[] {
  return [...KEYWORDS.values()].filter((k) => k.status === 'current');
}

/** Keywords upstream sshd no longer knows at all (it says "Bad configuration option"), with their story. */
export const REMOVED_KEYWORDS: Readonly<Record<string, { name: string; note: string; replacement?: string }>> = {
  zeroknowledgepasswordauthentication: {
    name: 'ZeroKnowledgePasswordAuthentication',
    note: 'an experimental J-PAKE option that sshd stopped knowing in OpenSSH 6.6',
  },
};

/** Criteria of a Match line (servconf.c match_cfg_line), with the release that added them. */
export interface MatchCriterionInfo {
  name: string;
  /** Takes a pattern list argument (all but All and Invalid-User do). */
  argument: boolean;
  since?: string;
  /** The argument is an address list (CIDR and wildcards). */
  addresses?: boolean;
}

export const MATCH_CRITERIA: ReadonlyMap<string, MatchCriterionInfo> = new Map(
  (
    [
      { name: 'All', argument: false },
      { name: 'Invalid-User', argument: false, since: '9.9' },
      { name: 'User', argument: true },
      { name: 'Group', argument: true },
      { name: 'Host', argument: true },
      { name: 'Address', argument: true, addresses: true },
      { name: 'LocalAddress', argument: true, addresses: true, since: '6.5' },
      { name: 'LocalPort', argument: true, since: '6.5' },
      { name: 'RDomain', argument: true, since: '7.7' },
      { name: 'Version', argument: true, since: '10.0' },
    ] satisfies MatchCriterionInfo[]
  ).map((c) => [c.name.toLowerCase(), c]),
);

/** Options of ssh_config(5) that are not sshd_config keywords: a client setting pasted into the server file. */
export const CLIENT_ONLY = new Set(
  [
    'Host', 'HostName', 'User', 'IdentityFile', 'IdentitiesOnly', 'IdentityAgent', 'ForwardAgent', 'ForwardX11',
    'ForwardX11Trusted', 'ForwardX11Timeout', 'StrictHostKeyChecking', 'UserKnownHostsFile', 'GlobalKnownHostsFile',
    'ProxyCommand', 'ProxyJump', 'ProxyUseFdpass', 'ServerAliveInterval', 'ServerAliveCountMax', 'SendEnv',
    'ControlMaster', 'ControlPath', 'ControlPersist', 'BatchMode', 'ConnectTimeout', 'ConnectionAttempts',
    'HashKnownHosts', 'LocalForward', 'RemoteForward', 'DynamicForward', 'PreferredAuthentications', 'CheckHostIP',
    'VisualHostKey', 'AddKeysToAgent', 'UpdateHostKeys', 'CanonicalizeHostname', 'CanonicalDomains',
    'CanonicalizeFallbackLocal', 'CanonicalizeMaxDots', 'CanonicalizePermittedCNAMEs', 'BindAddress', 'BindInterface',
    'RequestTTY', 'RemoteCommand', 'HostKeyAlias', 'Tunnel', 'TunnelDevice', 'EscapeChar', 'Cipher',
    'NumberOfPasswordPrompts', 'VerifyHostKeyDNS', 'KnownHostsCommand', 'StdinNull', 'SessionType',
    'ForkAfterAuthentication', 'ObscureKeystrokeTiming', 'EnableEscapeCommandline', 'ClearAllForwardings',
    'ExitOnForwardFailure', 'GSSAPIDelegateCredentials', 'GSSAPIClientIdentity', 'GSSAPIServerIdentity',
    'HostbasedKeyTypes', 'PKCS11Provider', 'SmartcardDevice', 'PermitLocalCommand', 'LocalCommand', 'RevokedHostKeys',
    'StreamLocalBindMask', 'Tag', 'UseKeychain', 'UseRoaming', 'IgnoreUnknown', 'LogLevel', 'NoHostAuthenticationForLocalhost',
  ].filter((n) => !KEYWORDS.has(n.toLowerCase())),
);
