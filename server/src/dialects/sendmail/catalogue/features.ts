// Every FEATURE() of sendmail's cf/feature directory (8.17 as Debian ships it, plus 8.18), with what it does
// in our words. FEATURE(`x') includes cf/feature/x.m4; a name without a file stops m4 with an error.

export interface FeatureDoc {
  name: string;
  /** What the optional arguments are, when the feature takes any. */
  args?: string;
  description: string;
  ipv6?: string;
  /** Only in Debian's sendmail-cf, or only from a given release on. */
  origin?: string;
  /** A newer name to prefer. */
  replacedBy?: string;
}

type Row = [name: string, description: string, extra?: Partial<Omit<FeatureDoc, 'name' | 'description'>>];

const ROWS: Row[] = [
  ['accept_unqualified_senders', 'Accept MAIL FROM addresses without a domain part (normally refused on network connections).'],
  ['accept_unresolvable_domains', 'Accept senders whose domain does not resolve in DNS (useful on hosts without full DNS, opens the door to forged senders).'],
  ['access_db', 'Use the access map (`/etc/mail/access`) to accept, reject, relay or tag by client address, domain or e-mail address.', { args: 'map definition (default: hash /etc/mail/access); `skip`, `lookupdotdomain`, `relaytofulladdress` as further arguments', ipv6: 'IPv6 client addresses are looked up with an `IPv6:` prefix (`Connect:IPv6:2001:db8::25`), in the form set by confUSE_COMPRESSED_IPV6_ADDRESSES; IPv4 entries never match IPv6 clients.' }],
  ['allmasquerade', 'Masquerade recipient addresses as well as sender addresses (only safe if the masquerade host knows every local name).'],
  ['always_add_domain', 'Qualify local addresses with the host’s domain even for local delivery.', { args: 'a domain to add instead of the local one' }],
  ['authinfo', 'Look up outgoing AUTH credentials in a separate authinfo map instead of the access map.', { args: 'map definition (default: hash /etc/mail/authinfo)', ipv6: 'Keys are `AuthInfo:host` or `AuthInfo:address`; an IPv6 relay needs its own `AuthInfo:IPv6:...` entry.' }],
  ['badmx', 'Reject senders whose domain’s MX points at a bad address (0.0.0.0, loopback, ...).'],
  ['bcc', 'Add a blind-copy recipient to messages: a fixed address, or per access-map entry with the argument `access` (experimental; needs a sendmail built with it).', { args: '`access`, or the copy’s address' }],
  ['bestmx_is_local', 'Accept mail for any domain whose best MX record is this host, without listing the domain in class {w}.', { args: 'domains to limit the check to' }],
  ['bitdomain', 'Rewrite BITNET host names to Internet names through a map.', { args: 'map definition (default: hash /etc/mail/bitdomain)' }],
  ['blacklist_recipients', 'Old name of blocklist_recipients: honour access-map entries for recipient addresses.', { replacedBy: 'blocklist_recipients' }],
  ['blocklist_recipients', 'Apply access-map entries (REJECT, DISCARD, ...) to recipient addresses too.', { origin: '8.17' }],
  ['block_bad_helo', 'Reject clients whose HELO is unqualified or one of this host’s own names (needs delay_checks).', { ipv6: 'Adds both loopback addresses, 127.0.0.1 and IPv6:::1, to class {w} and class {R}.' }],
  ['check_cert_altnames', 'Also match the subjectAltName entries of a peer certificate when checking its host name.'],
  ['check_other', 'Add a check_other ruleset that drops clients whose commands look like another protocol (an HTTP request sent to the SMTP port, for instance).', { args: 'a regular expression to use instead of the built-in one' }],
  ['compat_check', 'Check sender/recipient pairs in the access map (Compat: entries).'],
  ['conncontrol', 'Limit simultaneous connections per client address (ClientConn: entries in the access map).', { args: '`nodelay`, then `terminate` to drop excess connections at once', ipv6: 'Counts per address: each IPv6 address of a client counts separately, and access-map keys need the `IPv6:` prefix.' }],
  ['delay_checks', 'Delay the client and sender checks to RCPT time, so that per-recipient exceptions (friend/hater) can apply.', { args: '`friend` or `hater`, then `n` to skip the checks for the other kind' }],
  ['dnsbl', 'Reject clients listed in a DNS-based block list.', { args: 'list zone, rejection message, temporary-failure action', ipv6: 'Checks IPv4 clients only; clients connecting over IPv6 are not looked up. Some lists fail on AAAA queries: `define(`DNSBL_MAP\', `dns -R A\')` asks for A records only.' }],
  ['domainmap', 'Map addresses of a virtual domain to local users through a per-domain map (Debian addition).', { origin: 'Debian' }],
  ['domaintable', 'Rename domains through a map (e.g. after a company changes its name); the result shows in headers.', { args: 'map definition (default: hash /etc/mail/domaintable)' }],
  ['drac', 'Allow relaying for clients that recently authenticated to a POP/IMAP server (DRAC map; Debian addition).', { origin: 'Debian' }],
  ['enhdnsbl', 'DNS block list check with more control over result codes and temporary failures than dnsbl.', { args: 'list zone, message, temporary-failure action, accepted result values', ipv6: 'Like dnsbl, looks up IPv4 client addresses only.' }],
  ['fips3', 'Restrict TLS to FIPS 140-3 approved algorithms (sendmail 8.18 and later).', { origin: '8.18' }],
  ['generics_entire_domain', 'Apply the genericstable to subdomains of the domains in class {G} too.'],
  ['genericstable', 'Rewrite outgoing sender addresses (user and domain) through a map.', { args: 'map definition (default: hash /etc/mail/genericstable)' }],
  ['greet_pause', 'Wait before the 220 greeting and reject clients that talk first (SMTP slamming).', { args: 'milliseconds to wait (the access map’s GreetPause: entries override it)', ipv6: 'GreetPause: entries for IPv6 clients need the `IPv6:` prefix.' }],
  ['ldap_routing', 'Route recipients through LDAP lookups of mailHost/mailRoutingAddress.', { args: 'mailHost map, mailRoutingAddress map, bounce/passthru, detail handling' }],
  ['limited_masquerade', 'Masquerade only the hosts listed in class {M}, not every name in class {w}.'],
  ['local_lmtp', 'Deliver local mail with mail.local over LMTP.', { args: 'path of mail.local, mailer arguments' }],
  ['local_no_masquerade', 'Do not masquerade mail for the local mailer.'],
  ['local_procmail', 'Use procmail as the local delivery agent.', { args: 'path of procmail, its arguments, mailer flags' }],
  ['lookupdotdomain', 'Also look up `.domain` keys in the access map (parent-domain entries).'],
  ['loose_relay_check', 'Allow %-hack relaying (user%site@host) for local hosts; weakens relay protection.'],
  ['mailertable', 'Route particular domains to a chosen mailer and host through a map.', { args: 'map definition (default: hash /etc/mail/mailertable)', ipv6: 'Targets may be IPv6 literals written `esmtp:[IPv6:2001:db8::25]`.' }],
  ['masquerade_entire_domain', 'Masquerade every host under the MASQUERADE_DOMAIN domains, not just the domains themselves.'],
  ['masquerade_envelope', 'Masquerade envelope addresses too, not only headers.'],
  ['msp', 'Build a mail submission program config (submit.cf): relay everything to a local MTA.', { args: 'MTA host (default [localhost]), `MSA` to use port 587', ipv6: 'submit.mc uses `[127.0.0.1]`; on a host without IPv4 loopback use `[IPv6:0:0:0:0:0:0:0:1]`. Also turns off the default MSA daemon and adds a NoMTA daemon on 127.0.0.1 unless DAEMON_OPTIONS are given.' }],
  ['mtamark', 'Reject clients whose address is not marked as an MTA in DNS (MTAMark TXT records, experimental).'],
  ['no_default_msa', 'Do not add the automatic submission daemon (`Port=587, Name=MSA, M=E`).', { ipv6: 'The automatic MSA is IPv4 only. To offer submission over IPv6, add this feature and declare the submission daemons yourself; without it a port-587 daemon of your own is opened twice.' }],
  ['nocanonify', 'Do not canonify host names through DNS by default (the `c` daemon modifier turns it back on).', { args: '`canonify_hosts` to still canonify bare host names' }],
  ['nopercenthack', 'Do not treat % as a routing character.', { args: '`reject` or `nospecial`' }],
  ['notsticky', 'Old default behaviour of local addresses, kept for compatibility (see stickyhost).'],
  ['nouucp', 'Do not route UUCP (!) addresses.', { args: '`reject` or `nospecial`' }],
  ['nullclient', 'Make this host a null client: all mail is forwarded to one hub, nothing is delivered locally.', { args: 'the hub host' }],
  ['prefixmod', 'Experimental address rewriting by a prefix; takes the prefix and its flags as two required arguments.', { args: 'prefix, flags' }],
  ['preserve_local_plus_detail', 'Keep +detail on local addresses when handing mail to the local mailer.'],
  ['preserve_luser_host', 'Keep the original recipient host when mail goes to LUSER_RELAY.'],
  ['promiscuous_relay', 'Relay for anyone. Makes the host an open relay.'],
  ['queuegroup', 'Pick a queue group from QGRP: entries in the access map.', { args: 'default queue group' }],
  ['ratecontrol', 'Limit the connection rate per client address (ClientRate: entries in the access map).', { args: '`nodelay`, then `terminate`', ipv6: 'Rates are kept per address; IPv6 clients that rotate addresses inside their /64 escape per-address limits.' }],
  ['redirect', 'Reject mail to `address.REDIRECT` with a "user has moved" reply naming the new address.'],
  ['relay_based_on_MX', 'Relay for any domain whose MX points at this host.'],
  ['relay_entire_domain', 'Relay for every host in the domains of class {m}, not just the listed hosts.'],
  ['relay_hosts_only', 'Match relay-domains and access-map RELAY entries as exact host names, not as domains.'],
  ['relay_local_from', 'Relay when the sender address claims a local domain (easy to forge).'],
  ['relay_mail_from', 'Relay when the sender address has a RELAY entry in the access map.', { args: '`domain` to also check the sender’s domain' }],
  ['require_rdns', 'Reject clients whose address has no working reverse DNS.', { ipv6: 'Many IPv6 client addresses (SLAAC, privacy addresses) have no PTR record; mail from them is refused.' }],
  ['rhsbl', 'Reject senders whose domain is listed in a right-hand-side block list (Debian addition).', { origin: 'Debian' }],
  ['smrsh', 'Run programs from .forward and aliases through smrsh, the restricted shell.', { args: 'path of smrsh' }],
  ['stickyhost', 'Keep user@thishost addresses local (not sent to LOCAL_RELAY); with MAIL_HUB, keep the envelope address.'],
  ['sts', 'MTA-STS for outgoing mail (experimental): turns on StrictTransportSecurity and asks a policy daemon such as postfix-mta-sts-resolver through a socket map.', { args: 'socket map definition (default: inet:5461@127.0.0.1), `NO_SAN_TST`', ipv6: 'The default policy socket is on IPv4 loopback; on a host without 127.0.0.1 pass the map (e.g. `socket -d5 -T<TMPF> inet6:5461@::1`).' }],
  ['tls_failures', 'Replaced by confTLS_FALLBACK_TO_CLEAR: m4 prints an error and sets that option instead.', { replacedBy: 'confTLS_FALLBACK_TO_CLEAR' }],
  ['tls_session_features', 'Read per-session TLS settings (TLS_Srv_features:/TLS_Clt_features:) from the access map.'],
  ['use_client_ptr', 'Use the client’s PTR name rather than its address for access-map checks.', { ipv6: 'Helps access rules written by host name apply to IPv6 clients as well.' }],
  ['use_ct_file', 'Read extra trusted users from confCT_FILE (/etc/mail/trusted-users).'],
  ['use_cw_file', 'Read extra local host names from confCW_FILE (/etc/mail/local-host-names).'],
  ['uucpdomain', 'Rewrite UUCP host names to Internet names through a map.', { args: 'map definition (default: hash /etc/mail/uudomain)' }],
  ['virtuser_entire_domain', 'Apply the virtusertable to subdomains of the virtual domains too.'],
  ['virtusertable', 'Map addresses in virtual domains to local users or other addresses.', { args: 'map definition (default: hash /etc/mail/virtusertable)' }],
  ['vnet', 'Declares the IBM VNET pseudo-domains (vnet.ibm.com, vnet, rscs, ipnet) in class {A} (Debian addition).', { origin: 'Debian' }],
];

export const FEATURES: ReadonlyMap<string, FeatureDoc> = new Map(ROWS.map(([name, description, extra]) => [name, { name, description, ...extra }]));

export const FEATURE_NAMES: readonly string[] = [...FEATURES.keys()];
