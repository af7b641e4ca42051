// Hover/completion text for every sshd_config keyword and Match criterion, in our own words; facts (defaults,
// argument forms, versions) from sshd_config(5) of OpenSSH 9.2/9.9, servconf.c, and runs of Debian's sshd 9.2.

export interface KeywordDoc {
  /** The argument form, after the keyword. */
  syntax: string;
  /** One to three sentences. */
  text: string;
  default?: string;
  /** How the keyword treats IPv4 and IPv6. */
  ipv6?: string;
  /** Meanings of the keyword's fixed values, for hover and completion. */
  values?: Record<string, string>;
}

export const MAN_PAGE = 'https://man.openbsd.org/sshd_config';

const YES_NO = 'yes | no';
const ALGOS =
  'a comma-separated list; a leading `+` appends to the built-in list, `-` removes from it, `^` puts entries first. `sshd -T` prints the effective list.';
const PATTERN_NOTE = 'Patterns may use `*` and `?`, and `!` to negate (see PATTERNS in ssh_config(5)).';
const FORWARD_VALUES = {
  yes: 'allow forwarding in both directions',
  all: 'the same as yes',
  no: 'no forwarding',
  local: 'only local forwarding (ssh -L, from the client\'s point of view)',
  remote: 'only remote forwarding (ssh -R)',
};

export const KEYWORD_DOCS: Record<string, KeywordDoc> = {
  acceptenv: {
    syntax: 'NAME_PATTERN ...',
    text: 'Environment variables the client may send (SendEnv) that sshd copies into the session. Names may use `*` and `?`; several may be listed or spread over several lines.',
    default: 'none accepted (TERM always comes with a pseudo-terminal)',
  },
  addressfamily: {
    syntax: 'any | inet | inet6',
    text: 'The address family sshd uses for its listening sockets, for resolving ListenAddress names, and for forwarded ports and X11 displays.',
    default: 'any',
    ipv6: '`inet` makes sshd IPv4-only: no IPv6 socket at all, and an IPv6 ListenAddress makes sshd refuse to start ("Address family for hostname not supported"). `any` opens `0.0.0.0` and `::` (sshd sets IPV6_V6ONLY on the latter).',
    values: { any: 'IPv4 and IPv6 (the default)', inet: 'IPv4 only', inet6: 'IPv6 only' },
  },
  allowagentforwarding: { syntax: YES_NO, text: 'Whether clients may forward their ssh-agent into the session. Turning it off only helps if users also have no shell.', default: 'yes' },
  allowgroups: {
    syntax: 'GROUP_PATTERN ...',
    text: `Only members (primary or supplementary) of a matching group may log in. Names only, not numeric ids. DenyGroups is checked first. ${PATTERN_NOTE}`,
    default: 'every group',
  },
  allowstreamlocalforwarding: { syntax: 'yes | all | no | local | remote', text: 'Whether Unix-domain socket forwarding is allowed, and in which direction.', default: 'yes', values: FORWARD_VALUES },
  allowtcpforwarding: { syntax: 'yes | all | no | local | remote', text: 'Whether TCP port forwarding is allowed, and in which direction.', default: 'yes', values: FORWARD_VALUES },
  allowusers: {
    syntax: 'USER_PATTERN[@HOST] ...',
    text: `Only matching users may log in. With \`USER@HOST\` the user must also come from a matching host: a name pattern, an address, or a CIDR network. DenyUsers is checked first. ${PATTERN_NOTE}`,
    default: 'every user',
    ipv6: 'The HOST part is compared with the client\'s address: `alice@10.0.0.0/8` refuses alice whenever she connects over IPv6. List an IPv6 network too (`alice@10.0.0.0/8,2001:db8::/32`).',
  },
  authenticationmethods: {
    syntax: 'any | METHOD[,METHOD...] ...',
    text: 'Authentication methods a user must complete, as one or more comma-separated lists; all methods of one list are needed. Methods: publickey, password, keyboard-interactive[:device], hostbased, gssapi-with-mic, none.',
    default: 'any (one successful method suffices)',
  },
  authorizedkeyscommand: {
    syntax: '/ABSOLUTE/PATH [ARG ...] | none',
    text: 'A program that prints authorized_keys lines for the user; tried after the AuthorizedKeysFile files. It must be owned by root and given by absolute path; arguments take %-tokens.',
    default: 'none',
  },
  authorizedkeyscommanduser: { syntax: 'USER', text: 'The account AuthorizedKeysCommand runs as; sshd refuses to start when the command is set and this is not.', default: 'none' },
  authorizedkeysfile: {
    syntax: 'PATH ... | none',
    text: 'Files holding the public keys of a user, relative to the home directory unless absolute; %-tokens are expanded. `none` skips files.',
    default: '.ssh/authorized_keys .ssh/authorized_keys2',
  },
  authorizedprincipalscommand: {
    syntax: '/ABSOLUTE/PATH [ARG ...] | none',
    text: 'A program that prints the principals allowed in certificates for the user, as AuthorizedPrincipalsFile would list them.',
    default: 'none',
  },
  authorizedprincipalscommanduser: { syntax: 'USER', text: 'The account AuthorizedPrincipalsCommand runs as.', default: 'none' },
  authorizedprincipalsfile: { syntax: 'PATH | none', text: 'A file listing the certificate principals accepted for the user (for certificates signed by TrustedUserCAKeys).', default: 'none' },
  banner: { syntax: 'PATH | none', text: 'A file whose contents are sent to the client before authentication.', default: 'none' },
  casignaturealgorithms: { syntax: 'ALGORITHMS', text: `Algorithms a certificate authority may use to sign user certificates; ${ALGOS}` },
  channeltimeout: {
    syntax: 'TYPE=INTERVAL ... | none',
    text: 'Closes channels of a type (session, direct-tcpip, forwarded-tcpip, x11-connection, agent-connection, ...) after they have been idle for the interval.',
    default: 'none (channels never expire)',
  },
  chrootdirectory: {
    syntax: 'PATH | none',
    text: 'Directory sshd chroot(2)s into after authentication. Every component must be owned by root and not writable by others; %-tokens are expanded.',
    default: 'none',
  },
  ciphers: { syntax: 'CIPHERS', text: `Ciphers sshd accepts; ${ALGOS}` },
  clientalivecountmax: { syntax: 'N', text: 'How many ClientAliveInterval probes may go unanswered before sshd disconnects. 0 turns the disconnection off.', default: '3' },
  clientaliveinterval: { syntax: 'TIME', text: 'Seconds of silence after which sshd asks the client whether it is alive (through the encrypted channel). 0 disables the probe.', default: '0' },
  compression: { syntax: 'yes | delayed | no', text: 'Whether compression is allowed (after authentication; `delayed` is a legacy synonym of yes).', default: 'yes', values: { yes: 'allow compression after authentication', delayed: 'the same as yes', no: 'never compress' } },
  denygroups: { syntax: 'GROUP_PATTERN ...', text: `Members of a matching group may not log in; checked before AllowGroups. ${PATTERN_NOTE}`, default: 'none' },
  denyusers: {
    syntax: 'USER_PATTERN[@HOST] ...',
    text: `Matching users may not log in (from matching hosts, with \`USER@HOST\`); checked before AllowUsers. ${PATTERN_NOTE}`,
    default: 'none',
    ipv6: 'An IPv4-only HOST part (`*@203.0.113.0/24`) does not deny the same hosts when they connect over IPv6.',
  },
  disableforwarding: { syntax: YES_NO, text: 'Turns off every kind of forwarding at once (X11, agent, TCP, Unix sockets), whatever the other options say.', default: 'no' },
  exposeauthinfo: { syntax: YES_NO, text: 'Writes the authentication methods used (and the public keys) to a file named by $SSH_USER_AUTH in the session.', default: 'no' },
  fingerprinthash: { syntax: 'md5 | sha256', text: 'The hash used when logging key fingerprints.', default: 'sha256' },
  forcecommand: {
    syntax: 'COMMAND | none | internal-sftp',
    text: 'Runs this command instead of whatever the client asks for (the request is in $SSH_ORIGINAL_COMMAND). The rest of the line is the command. Most useful in a Match block.',
    default: 'none',
  },
  gatewayports: {
    syntax: 'no | yes | clientspecified',
    text: 'Whether remote port forwards (ssh -R) may listen on other addresses than loopback.',
    default: 'no',
    ipv6: 'With `yes` a remote forward listens on the wildcard of every family AddressFamily allows (`0.0.0.0` and `::`).',
    values: { no: 'remote forwards listen on loopback only', yes: 'remote forwards listen on the wildcard address', clientspecified: 'the client chooses the bind address' },
  },
  gssapiauthentication: { syntax: YES_NO, text: 'Whether GSSAPI (Kerberos) user authentication is allowed.', default: 'no' },
  gssapicleanupcredentials: { syntax: YES_NO, text: 'Whether the user\'s GSSAPI credentials cache is destroyed at logout.', default: 'yes' },
  gssapistrictacceptorcheck: { syntax: YES_NO, text: 'Whether a GSSAPI client must authenticate against the host service of the current host name.', default: 'yes' },
  gssapidelegatecredentials: { syntax: YES_NO, text: 'Whether sshd accepts delegated GSSAPI credentials from the client (a server keyword since OpenSSH 10.3).', default: 'yes' },
  hostbasedacceptedalgorithms: { syntax: 'ALGORITHMS', text: `Signature algorithms accepted for hostbased authentication; ${ALGOS}` },
  hostbasedauthentication: { syntax: YES_NO, text: 'Whether rhosts/shosts.equiv authentication together with a client host key is allowed.', default: 'no' },
  hostbasedusesnamefrompacketonly: { syntax: YES_NO, text: 'For hostbased authentication, whether to trust the host name the client sends instead of resolving its address.', default: 'no' },
  hostcertificate: { syntax: 'PATH', text: 'A host certificate file; the matching private key must be configured with HostKey.' },
  hostkey: {
    syntax: 'PATH',
    text: 'A private host key file; repeat for several key types. Without any, sshd uses /etc/ssh/ssh_host_{rsa,ecdsa,ed25519}_key.',
    default: 'the ecdsa, ed25519 and rsa keys in /etc/ssh',
  },
  hostkeyagent: { syntax: 'SOCKET | SSH_AUTH_SOCK', text: 'An ssh-agent socket holding the private host keys.', default: 'none' },
  hostkeyalgorithms: { syntax: 'ALGORITHMS', text: `Host key signature algorithms sshd offers; ${ALGOS}` },
  ignorerhosts: {
    syntax: 'yes | no | shosts-only',
    text: 'Whether .rhosts and .shosts files are ignored for hostbased authentication (/etc/hosts.equiv and /etc/shosts.equiv are still read).',
    default: 'yes',
    values: { yes: 'ignore both', no: 'read both', 'shosts-only': 'read ~/.shosts, ignore ~/.rhosts' },
  },
  ignoreuserknownhosts: { syntax: YES_NO, text: 'Whether ~/.ssh/known_hosts is ignored during hostbased authentication.', default: 'no' },
  include: {
    syntax: 'PATH_OR_GLOB ...',
    text: 'Reads other files here, in glob order. Relative paths are under /etc/ssh. An Include inside a Match block puts the included lines in that block; a glob that matches nothing is fine.',
  },
  ipqos: {
    syntax: 'CLASS [CLASS]',
    text: 'DSCP/TOS class for the connection: one value for all traffic, or two for interactive and bulk sessions. Values: af11..af43, cs0..cs7, ef, le, lowdelay, throughput, reliability, a number, or none.',
    default: 'af21 cs1 (OpenSSH 9.x; Debian: lowdelay throughput)',
    ipv6: 'Applies to IPv6 connections as the traffic class.',
  },
  kbdinteractiveauthentication: { syntax: YES_NO, text: 'Whether keyboard-interactive authentication (PAM conversations, one-time passwords) is allowed.', default: 'yes' },
  kerberosauthentication: { syntax: YES_NO, text: 'Whether passwords are checked against the Kerberos KDC.', default: 'no' },
  kerberosgetafstoken: { syntax: YES_NO, text: 'With AFS and a Kerberos 5 ticket, whether sshd gets an AFS token before opening the home directory. Builds without AFS support (most, Debian\'s included) log "Unsupported option" and ignore it.', default: 'no' },
  kerberosorlocalpasswd: { syntax: YES_NO, text: 'When Kerberos rejects a password, whether the local password database may still accept it.', default: 'yes' },
  kerberosticketcleanup: { syntax: YES_NO, text: 'Whether the Kerberos ticket cache is destroyed at logout.', default: 'yes' },
  kexalgorithms: { syntax: 'ALGORITHMS', text: `Key exchange algorithms sshd offers; ${ALGOS}` },
  listenaddress: {
    syntax: 'HOST|IPv4_ADDR|IPv6_ADDR [rdomain NAME]\nListenAddress HOST:PORT | IPv4_ADDR:PORT | [HOST|IPv6_ADDR]:PORT [rdomain NAME]',
    text: 'An address sshd listens on; repeat for several. Without a port it listens on every Port. Names are resolved once, at startup.',
    default: 'every local address, in the families AddressFamily allows (0.0.0.0 and ::)',
    ipv6: 'An IPv6 address with a port needs brackets: `[::1]:2222`. Unbracketed, `::1:2222` is read as the single address ::0.1.34.34 on the Port. `ListenAddress ::1` (no port) is fine. A host name binds only what the resolver returns at startup, often IPv4 only.',
  },
  logingracetime: { syntax: 'TIME', text: 'Time a client has to complete authentication before sshd disconnects. 0 means no limit.', default: '120 (seconds)' },
  loglevel: {
    syntax: 'QUIET | FATAL | ERROR | INFO | VERBOSE | DEBUG | DEBUG1 | DEBUG2 | DEBUG3',
    text: 'How much sshd logs. DEBUG levels log private details of users.',
    default: 'INFO',
    values: { QUIET: 'nothing', FATAL: 'fatal errors only', ERROR: 'errors', INFO: 'the default', VERBOSE: 'also key fingerprints of logins', DEBUG: 'same as DEBUG1', DEBUG1: 'debugging', DEBUG2: 'more debugging', DEBUG3: 'the most debugging' },
  },
  logverbose: { syntax: 'FILE:FUNCTION:LINE[,...] ...', text: 'Turns on detailed logging for matching source locations (file, function, line patterns), for debugging.', default: 'none' },
  macs: { syntax: 'MACS', text: `Message authentication codes sshd accepts; ${ALGOS}` },
  match: {
    syntax: 'CRITERION PATTERN ... | All | Invalid-User',
    text: 'Starts a block of overrides that apply when every criterion matches; it runs to the next Match or the end of the file (there is no end keyword). Criteria: User, Group, Host, Address, LocalAddress, LocalPort, RDomain; `All` alone matches everything. Only some keywords may appear in a block.',
    ipv6: 'Address and LocalAddress take addresses and CIDR networks of both families (`2001:db8::/32`); a list with only IPv4 networks never matches an IPv6 client. A malformed entry such as `/129` is accepted by `sshd -t` and never matches.',
  },
  maxauthtries: { syntax: 'N', text: 'Authentication attempts allowed per connection; after half of them failures are logged.', default: '6' },
  maxsessions: { syntax: 'N', text: 'Shell, login or subsystem sessions allowed per network connection (multiplexing). 1 disables multiplexing; 0 allows only forwarding.', default: '10' },
  maxstartups: {
    syntax: 'N | START:RATE:FULL',
    text: 'Limit on connections that have not authenticated yet. With START:RATE:FULL, sshd drops new ones with RATE% probability beyond START, rising to all of them at FULL.',
    default: '10:30:100',
  },
  modulifile: { syntax: 'PATH', text: 'The moduli file with Diffie-Hellman groups for the diffie-hellman-group-exchange methods.', default: '/etc/moduli (Debian: /etc/ssh/moduli)' },
  pamservicename: { syntax: 'NAME', text: 'The PAM service name sshd uses when UsePAM is on (since OpenSSH 9.8).', default: 'sshd' },
  passwordauthentication: { syntax: YES_NO, text: 'Whether password authentication is allowed.', default: 'yes' },
  permitemptypasswords: { syntax: YES_NO, text: 'Whether accounts with an empty password may log in when password authentication is allowed.', default: 'no' },
  permitlisten: {
    syntax: '[HOST:]PORT ... | any | none',
    text: 'Addresses and ports remote forwards (ssh -R) may listen on. A bare port means any address; `*` stands for any port.',
    default: 'any',
    ipv6: 'IPv6 addresses go in brackets: `[::1]:8080`. With GatewayPorts off, remote forwards listen on loopback only anyway.',
  },
  permitopen: {
    syntax: 'HOST:PORT ... | any | none',
    text: 'Destinations local forwards (ssh -L) may connect to. `*` stands for any host or port.',
    default: 'any',
    ipv6: 'IPv6 addresses go in brackets: `[2001:db8::1]:22`.',
  },
  permitrootlogin: {
    syntax: 'yes | prohibit-password | forced-commands-only | no',
    text: 'Whether root may log in, and how.',
    default: 'prohibit-password (`sshd -T` prints it by its old name, without-password)',
    values: {
      yes: 'root may log in with any method',
      'prohibit-password': 'root may log in, but not with a password or keyboard-interactive',
      'without-password': 'old name of prohibit-password',
      'forced-commands-only': 'root may log in with a public key that has a command= option only',
      no: 'root may not log in',
    },
  },
  permittty: { syntax: YES_NO, text: 'Whether a pseudo-terminal may be allocated.', default: 'yes' },
  permittunnel: {
    syntax: 'yes | point-to-point | ethernet | no',
    text: 'Whether tun(4) device forwarding (ssh -w) is allowed, and at which layer. The value is case-sensitive.',
    default: 'no',
    values: { yes: 'layer 3 and layer 2', 'point-to-point': 'layer 3 only', ethernet: 'layer 2 only', no: 'no tunnels' },
  },
  permituserenvironment: { syntax: 'yes | no | NAME_PATTERN,...', text: 'Whether ~/.ssh/environment and environment= in authorized_keys are honoured (a pattern list allows only matching names).', default: 'no' },
  permituserrc: { syntax: YES_NO, text: 'Whether ~/.ssh/rc is run at login.', default: 'yes' },
  persourcemaxstartups: { syntax: 'N | none', text: 'Unauthenticated connections allowed from one source network (see PerSourceNetBlockSize); applies before MaxStartups.', default: 'none' },
  persourcenetblocksize: {
    syntax: 'IPv4_PREFIX[:IPv6_PREFIX]',
    text: 'How client addresses are grouped into one source for PerSourceMaxStartups and PerSourcePenalties.',
    default: '32:128 (each address on its own)',
    ipv6: 'The second number is the IPv6 prefix length. A client usually has a whole /64: `32:64` counts it as one source.',
  },
  persourcepenalties: {
    syntax: 'no | KIND:DURATION ...',
    text: 'Penalties (temporary refusals of a source network) for crashes, failed authentications, disconnects before authentication and the like (since OpenSSH 9.8).',
    default: 'on, with the built-in durations',
  },
  persourcepenaltyexemptlist: {
    syntax: 'ADDRESS/PREFIX,...',
    text: 'Source networks never penalised by PerSourcePenalties (since OpenSSH 9.8).',
    default: 'none',
    ipv6: 'Takes IPv4 and IPv6 networks; list both if clients exempted over IPv4 also come over IPv6.',
  },
  pidfile: { syntax: 'PATH | none', text: 'File where sshd writes its process id.', default: '/var/run/sshd.pid (Debian: /run/sshd.pid)' },
  port: {
    syntax: 'PORT',
    text: 'A port sshd listens on; repeat for several. ListenAddress lines without a port use every Port, wherever they are in the file.',
    default: '22',
    ipv6: 'Applies to both families unless a ListenAddress gives its own port.',
  },
  printlastlog: { syntax: YES_NO, text: 'Whether the date and origin of the last login are shown at login.', default: 'yes' },
  printmotd: { syntax: YES_NO, text: 'Whether sshd prints /etc/motd at interactive login.', default: 'yes' },
  pubkeyacceptedalgorithms: { syntax: 'ALGORITHMS', text: `Signature algorithms accepted for public key authentication; ${ALGOS}` },
  pubkeyauthentication: { syntax: YES_NO, text: 'Whether public key authentication is allowed.', default: 'yes' },
  pubkeyauthoptions: {
    syntax: 'none | touch-required | verify-required ...',
    text: 'Extra requirements for FIDO security keys: a touch for every signature, or user verification (PIN).',
    default: 'none',
  },
  rdomain: { syntax: 'NAME | %D | none', text: 'The routing domain the session runs in after authentication; %D is the one the connection arrived in. Only OpenBSD\'s sshd supports it; elsewhere sshd stops with "setting RDomain not supported on this platform" (on Linux a VRF is chosen per listener with `ListenAddress ... rdomain NAME`).', default: 'none' },
  refuseconnection: { syntax: YES_NO, text: 'Refuses the connection outright (meant for Match blocks), counting it for PerSourcePenalties (since OpenSSH 9.9).', default: 'no' },
  rekeylimit: {
    syntax: 'default | SIZE[K|M|G] [TIME | none]',
    text: 'Renegotiates session keys after this much data, and optionally after this much time.',
    default: 'default none (the cipher\'s own data limit, no time limit)',
  },
  requiredrsasize: { syntax: 'BITS', text: 'The smallest RSA key accepted for user and host keys (since OpenSSH 9.1).', default: '1024' },
  revokedkeys: { syntax: 'PATH | none', text: 'A file (or key revocation list) of public keys refused for user authentication.', default: 'none' },
  securitykeyprovider: { syntax: 'PATH | internal', text: 'The library that talks to FIDO security keys for key-backed host keys.', default: 'internal' },
  setenv: { syntax: 'NAME=VALUE ...', text: 'Environment variables set in every session (the first definition of a name wins).' },
  sshdauthpath: { syntax: 'PATH', text: 'Path of the sshd-auth helper that handles authentication (since OpenSSH 10.0).' },
  sshdsessionpath: { syntax: 'PATH', text: 'Path of the sshd-session binary that handles each connection (since OpenSSH 9.8).', default: '/usr/libexec/sshd-session' },
  streamlocalbindmask: { syntax: 'OCTAL_MODE', text: 'The umask for Unix-domain sockets that forwarding creates.', default: '0177' },
  streamlocalbindunlink: { syntax: YES_NO, text: 'Whether an existing socket file is removed before a forward binds a new one.', default: 'no' },
  strictmodes: { syntax: YES_NO, text: 'Whether sshd checks the ownership and permissions of the user\'s files and home directory before login.', default: 'yes' },
  subsystem: {
    syntax: 'NAME COMMAND [ARG ...] | NAME internal-sftp',
    text: 'An external subsystem such as sftp, and the command that serves it. Allowed in Match blocks since OpenSSH 9.5 (9.4 and earlier refuse it there).',
    default: 'none',
  },
  syslogfacility: {
    syntax: 'DAEMON | USER | AUTH | AUTHPRIV | LOCAL0 ... LOCAL7',
    text: 'The syslog facility sshd logs under.',
    default: 'AUTH',
  },
  tcpkeepalive: { syntax: YES_NO, text: 'Whether TCP keepalives are sent, so that dead connections and crashed clients are noticed (spoofable; ClientAliveInterval is not).', default: 'yes' },
  trustedusercakeys: { syntax: 'PATH | none', text: 'Public keys of certificate authorities trusted to sign user certificates.', default: 'none' },
  unusedconnectiontimeout: { syntax: 'TIME | none', text: 'Closes a connection that has had no open channel for this long (since OpenSSH 9.2).', default: 'none' },
  usedns: {
    syntax: YES_NO,
    text: 'Whether sshd looks up the client\'s host name and checks that it maps back to the address. Needed for host names in Match Host and from= patterns.',
    default: 'no',
  },
  usepam: { syntax: YES_NO, text: 'Whether PAM handles account and session checks (and password authentication through keyboard-interactive).', default: 'no (Debian\'s sshd_config sets yes)' },
  versionaddendum: { syntax: 'TEXT | none', text: 'Text appended to the version banner sshd sends before authentication.', default: 'none' },
  x11displayoffset: { syntax: 'N', text: 'The first display number used for X11 forwarding, to stay clear of real X servers.', default: '10' },
  x11forwarding: { syntax: YES_NO, text: 'Whether X11 forwarding is allowed.', default: 'no (Debian\'s sshd_config sets yes)' },
  x11uselocalhost: {
    syntax: YES_NO,
    text: 'Whether the forwarding X11 server binds to loopback only.',
    default: 'yes',
    ipv6: 'With AddressFamily any the display listens on both 127.0.0.1 and ::1.',
  },
  xauthlocation: { syntax: 'PATH | none', text: 'Path of the xauth program used for X11 forwarding.', default: '/usr/bin/xauth' },

  // Aliases and deprecated keywords.
  challengeresponseauthentication: { syntax: YES_NO, text: 'Old name of KbdInteractiveAuthentication; since OpenSSH 8.7 the two are one option.' },
  skeyauthentication: { syntax: YES_NO, text: 'Old name of KbdInteractiveAuthentication.' },
  keepalive: { syntax: YES_NO, text: 'Old name of TCPKeepAlive.' },
  pubkeyacceptedkeytypes: { syntax: 'ALGORITHMS', text: 'Old name of PubkeyAcceptedAlgorithms (renamed in OpenSSH 8.5).' },
  hostbasedacceptedkeytypes: { syntax: 'ALGORITHMS', text: 'Old name of HostbasedAcceptedAlgorithms (renamed in OpenSSH 8.5).' },
  dsaauthentication: { syntax: YES_NO, text: 'Old name of PubkeyAuthentication (global only).' },
  hostdsakey: { syntax: 'PATH', text: 'Old name of HostKey.' },
  authorizedkeysfile2: { syntax: 'PATH', text: 'Ignored since OpenSSH 5.9: list the file in AuthorizedKeysFile instead.' },
  checkmail: { syntax: YES_NO, text: 'Ignored: sshd no longer checks for new mail.' },
  keyregenerationinterval: { syntax: 'TIME', text: 'Ignored: regenerated the SSH protocol 1 server key, gone with protocol 1 in OpenSSH 7.4.' },
  pamauthenticationviakbdint: { syntax: YES_NO, text: 'Ignored: PAM goes through keyboard-interactive whenever UsePAM is on.' },
  reversemappingcheck: { syntax: YES_NO, text: 'Ignored: see UseDNS.' },
  rhostsauthentication: { syntax: YES_NO, text: 'Ignored since OpenSSH 3.7.' },
  rhostsrsaauthentication: { syntax: YES_NO, text: 'Ignored: an SSH protocol 1 method, gone in OpenSSH 7.4. See HostbasedAuthentication.' },
  rsaauthentication: { syntax: YES_NO, text: 'Ignored: SSH protocol 1 RSA authentication, gone in OpenSSH 7.4. See PubkeyAuthentication.' },
  serverkeybits: { syntax: 'BITS', text: 'Ignored: sized the SSH protocol 1 server key, gone in OpenSSH 7.4.' },
  uselogin: { syntax: YES_NO, text: 'Ignored since OpenSSH 7.4, which stopped running login(1).' },
  useprivilegeseparation: { syntax: 'yes | no | sandbox', text: 'Ignored since OpenSSH 7.5: privilege separation is always on and sandboxed.' },
  verifyreversemapping: { syntax: YES_NO, text: 'Ignored: see UseDNS.' },
  protocol: { syntax: '2', text: 'Ignored (silently) since OpenSSH 7.4: only SSH protocol 2 exists.' },
  afstokenpassing: { syntax: YES_NO, text: 'Unsupported since OpenSSH 3.7; sshd logs "Unsupported option" and ignores it.' },
  kerberostgtpassing: { syntax: YES_NO, text: 'Unsupported since OpenSSH 3.7; sshd logs "Unsupported option" and ignores it.' },

  // Debian's sshd only.
  debianbanner: { syntax: YES_NO, text: 'Whether the version banner includes the Debian package revision. Debian and Ubuntu sshd only.', default: 'yes' },
  gssapikeyexchange: { syntax: YES_NO, text: 'Whether GSSAPI key exchange is offered. Debian and Ubuntu sshd (GSSAPI key exchange patch) only.', default: 'no' },
  gssapistorecredentialsonrekey: { syntax: YES_NO, text: 'Whether renewed GSSAPI credentials are stored at rekeying. Debian and Ubuntu sshd only.', default: 'no' },
  gssapikexalgorithms: { syntax: 'ALGORITHMS', text: 'GSSAPI key exchange algorithms offered. Debian and Ubuntu sshd only.' },
  gssapicleanupcreds: { syntax: YES_NO, text: 'Another spelling of GSSAPICleanupCredentials that Debian\'s sshd accepts; upstream sshd rejects it.' },
};

export interface CriterionDoc {
  syntax: string;
  text: string;
  ipv6?: string;
}

export const CRITERION_DOCS: Record<string, CriterionDoc> = {
  all: { syntax: 'All', text: 'Matches every connection; must be the only criterion. Global keywords are allowed again after `Match All`.' },
  'invalid-user': { syntax: 'Invalid-User', text: 'Matches when the requested user name is not a known account (since OpenSSH 9.9).' },
  user: { syntax: 'User PATTERN[,...]', text: `The requested user name. ${PATTERN_NOTE}` },
  group: { syntax: 'Group PATTERN[,...]', text: 'A group the user belongs to (primary or supplementary).' },
  host: { syntax: 'Host PATTERN[,...]', text: 'The client\'s host name from reverse DNS; needs UseDNS yes, otherwise only the address text is compared.' },
  address: {
    syntax: 'Address PATTERN|ADDRESS/PREFIX[,...]',
    text: 'The client\'s IP address: addresses, CIDR networks and wildcard patterns, `!` to negate.',
    ipv6: 'IPv6 networks are written as such (`2001:db8::/32`); an IPv6 client never matches an IPv4 network. A prefix longer than /128, a malformed address or a host name is accepted and never matches.',
  },
  localaddress: {
    syntax: 'LocalAddress PATTERN|ADDRESS/PREFIX[,...]',
    text: 'The server address the connection arrived at.',
    ipv6: 'Connections to the server\'s IPv6 addresses match only IPv6 entries.',
  },
  localport: { syntax: 'LocalPort PORT', text: 'The server port the connection arrived at.' },
  rdomain: { syntax: 'RDomain PATTERN[,...]', text: 'The routing domain (VRF) the connection arrived in.' },
  version: { syntax: 'Version PATTERN', text: 'The OpenSSH version of sshd itself (since OpenSSH 10.0).' },
};
