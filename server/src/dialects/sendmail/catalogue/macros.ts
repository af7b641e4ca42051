// Hover/completion texts for every macro a .mc file calls: sendmail's cf.m4 macros and GNU m4's builtins,
// plus the m4 variables (other than conf*) that .mc files define. Facts from cf/README, cf/m4/cfhead.m4 and
// the GNU m4 1.4 manual; the words are ours.

export interface MacroDoc {
  name: string;
  /** How it is written. */
  syntax: string;
  description: string;
  ipv6?: string;
  /** Where the README discusses it. */
  section: string;
  /** Completion snippet (LSP snippet syntax). */
  snippet?: string;
  kind: 'cf' | 'm4';
}

type Row = [name: string, syntax: string, section: string, description: string, extra?: { ipv6?: string; snippet?: string }];

const CF: Row[] = [
  ['OSTYPE', "OSTYPE(`name')", 'OSTYPE', 'Loads cf/ostype/<name>.m4: paths and defaults of the operating system. Required, and it must come before every MAILER().', { snippet: "OSTYPE(`${1:linux}')dnl", ipv6: 'v6ready also reads the platform from it: on Linux an IPv6 wildcard socket takes IPv4 too, on the BSDs it does not, and the right DAEMON_OPTIONS differ.' }],
  ['DOMAIN', "DOMAIN(`name')", 'DOMAINS', 'Loads cf/domain/<name>.m4, a site file with settings shared by the hosts of a domain (relays, masquerading).', { snippet: "DOMAIN(`${1:generic}')dnl" }],
  ['FEATURE', "FEATURE(`name' [, `arg', ...])", 'FEATURES', 'Loads cf/feature/<name>.m4 with up to nine arguments. Features must come before the MAILER() lines; m4 prints an error otherwise.', { snippet: "FEATURE(`${1}')dnl" }],
  ['HACK', "HACK(`name' [, `arg', ...])", 'HACKS', 'Loads cf/hack/<name>.m4, a local, unsupported modification.', { snippet: "HACK(`${1}')dnl" }],
  ['MAILER', "MAILER(`name')", 'MAILERS', 'Loads cf/mailer/<name>.m4, which defines one or more delivery agents. MAILER lines go last (after OSTYPE and every FEATURE), because they read the variables set before them.', { snippet: "MAILER(`${1:smtp}')dnl" }],
  ['VERSIONID', "VERSIONID(`text')", 'ADMINISTRATIVE DETAILS', 'Puts a version comment (`##### text #####`) into the generated sendmail.cf.'],
  ['DAEMON_OPTIONS', "DAEMON_OPTIONS(`Key=Value, ...')", 'TWEAKING CONFIGURATION OPTIONS', 'Adds one listening socket (a DaemonPortOptions line). Without any, cf.m4 listens on port 25, IPv4 only. Quote the whole argument: m4 splits an unquoted one at its first comma.', { snippet: "DAEMON_OPTIONS(`Port=${1:smtp}, Name=${2:MTA-v6}, Family=${3:inet6}')dnl", ipv6: 'Family defaults to inet: a daemon listens on IPv6 only with `Family=inet6`. On Linux one wildcard inet6 daemon serves both families; on the BSDs add an inet6 daemon beside the inet one.' }],
  ['CLIENT_OPTIONS', "CLIENT_OPTIONS(`Key=Value, ...')", 'TWEAKING CONFIGURATION OPTIONS', 'Sets ClientPortOptions for outgoing connections of one address family (source address, port, modifiers). Give one per family.', { snippet: "CLIENT_OPTIONS(`Family=${1:inet6}')dnl", ipv6: 'Settings apply to the family named by Family= only: a `Family=inet` entry does not affect deliveries over IPv6.' }],
  ['INPUT_MAIL_FILTER', "INPUT_MAIL_FILTER(`name', `S=socket, F=flags, T=timeouts')", 'ADDING NEW MAIL FILTERS', 'Defines a milter and appends it to the input filter list (confINPUT_MAIL_FILTERS).', { snippet: "INPUT_MAIL_FILTER(`${1:name}', `S=${2:inet:8891@localhost}')dnl", ipv6: 'An inet socket (`S=inet:port@host`) is IPv4; an IPv6 milter needs `S=inet6:port@::1`.' }],
  ['MAIL_FILTER', "MAIL_FILTER(`name', `S=socket, F=flags, T=timeouts')", 'ADDING NEW MAIL FILTERS', 'Defines a milter without adding it to the input filter list.', { ipv6: 'Use `S=inet6:port@address` for a milter listening on IPv6.' }],
  ['QUEUE_GROUP', "QUEUE_GROUP(`name', `P=path, R=runners, ...')", 'QUEUE GROUP DEFINITIONS', 'Declares a queue group with its directory and runner settings.'],
  ['MODIFY_MAILER_FLAGS', "MODIFY_MAILER_FLAGS(`NAME', `+flags' | `-flags' | `flags')", 'OSTYPE', 'Adds to, removes from or replaces the flags of a mailer (NAME is the upper-case prefix, e.g. LOCAL, SMTP).'],
  ['SITECONFIG', "SITECONFIG(`file', `host', `class')", 'SITE CONFIGURATION', 'Loads a UUCP site list from cf/siteconfig into a class (historic).'],
  ['SITE', "SITE(`name')", 'SITE CONFIGURATION', 'Inside a siteconfig file: adds a UUCP neighbour (historic).'],
  ['UUCPSMTP', "UUCPSMTP(`uucphost', `internet.host')", 'USING UUCP MAILERS', 'Emits a rule that maps a UUCP host name to an Internet host (inside LOCAL_RULE_3).'],
  ['CONCAT', 'CONCAT(a, b, ...)', 'ADMINISTRATIVE DETAILS', 'Helper: joins its arguments.'],
  ['DOL', 'DOL(x)', 'ADMINISTRATIVE DETAILS', 'Helper: writes `$x` without m4 taking the dollar as an argument reference.'],
  ['PUSHDIVERT', 'PUSHDIVERT(n)', 'ADMINISTRATIVE DETAILS', 'Helper: switches to diversion n, remembering the current one.'],
  ['POPDIVERT', 'POPDIVERT', 'ADMINISTRATIVE DETAILS', 'Helper: returns to the diversion saved by PUSHDIVERT.'],
  ['EXPOSED_USER', "EXPOSED_USER(`user ...')", 'MASQUERADING AND RELAYING', 'Users (class {E}) whose addresses are never masqueraded, e.g. root.'],
  ['EXPOSED_USER_FILE', "EXPOSED_USER_FILE(`/path')", 'MASQUERADING AND RELAYING', 'Reads class {E} from a file.'],
  ['LOCAL_USER', "LOCAL_USER(`user ...')", 'MASQUERADING AND RELAYING', 'Users (class {L}) always delivered here, never to LOCAL_RELAY or MAIL_HUB.'],
  ['LOCAL_USER_FILE', "LOCAL_USER_FILE(`/path')", 'MASQUERADING AND RELAYING', 'Reads class {L} from a file.'],
  ['MASQUERADE_AS', "MASQUERADE_AS(`domain')", 'MASQUERADING AND RELAYING', 'Rewrites sender addresses of outgoing mail to this domain.'],
  ['MASQUERADE_DOMAIN', "MASQUERADE_DOMAIN(`domain ...')", 'MASQUERADING AND RELAYING', 'Other domains (class {M}) to masquerade as well.'],
  ['MASQUERADE_DOMAIN_FILE', "MASQUERADE_DOMAIN_FILE(`/path')", 'MASQUERADING AND RELAYING', 'Reads class {M} from a file.'],
  ['MASQUERADE_EXCEPTION', "MASQUERADE_EXCEPTION(`host ...')", 'MASQUERADING AND RELAYING', 'Hosts (class {N}) inside masqueraded domains that keep their own name.'],
  ['MASQUERADE_EXCEPTION_FILE', "MASQUERADE_EXCEPTION_FILE(`/path')", 'MASQUERADING AND RELAYING', 'Reads class {N} from a file.'],
  ['LOCAL_DOMAIN', "LOCAL_DOMAIN(`name ...')", 'ACCEPTING MAIL FOR MULTIPLE NAMES', 'Adds names to class {w}: mail for them is delivered here.', { ipv6: 'To accept mail addressed to an IPv6 literal, add it as `[IPv6:2001:db8::25]`.' }],
  ['CANONIFY_DOMAIN', "CANONIFY_DOMAIN(`domain ...')", 'FEATURES', 'Domains still canonified under FEATURE(`nocanonify\').'],
  ['CANONIFY_DOMAIN_FILE', "CANONIFY_DOMAIN_FILE(`/path')", 'FEATURES', 'Reads the CANONIFY_DOMAIN list from a file.'],
  ['GENERICS_DOMAIN', "GENERICS_DOMAIN(`domain ...')", 'FEATURES', 'Domains (class {G}) whose addresses the genericstable rewrites.'],
  ['GENERICS_DOMAIN_FILE', "GENERICS_DOMAIN_FILE(`/path')", 'FEATURES', 'Reads class {G} from a file.'],
  ['LDAPROUTE_DOMAIN', "LDAPROUTE_DOMAIN(`domain ...')", 'LDAP ROUTING', 'Domains routed through FEATURE(`ldap_routing\').'],
  ['LDAPROUTE_DOMAIN_FILE', "LDAPROUTE_DOMAIN_FILE(`/path')", 'LDAP ROUTING', 'Reads the LDAP routing domains from a file.'],
  ['LDAPROUTE_EQUIVALENT', "LDAPROUTE_EQUIVALENT(`host ...')", 'LDAP ROUTING', 'Hosts treated as equal to the routing domain in LDAP lookups.'],
  ['LDAPROUTE_EQUIVALENT_FILE', "LDAPROUTE_EQUIVALENT_FILE(`/path')", 'LDAP ROUTING', 'Reads LDAPROUTE_EQUIVALENT hosts from a file.'],
  ['VIRTUSER_DOMAIN', "VIRTUSER_DOMAIN(`domain ...')", 'FEATURES', 'Virtual domains for the virtusertable that are not in class {w}.'],
  ['VIRTUSER_DOMAIN_FILE', "VIRTUSER_DOMAIN_FILE(`/path')", 'FEATURES', 'Reads the virtual domains from a file.'],
  ['RELAY_DOMAIN', "RELAY_DOMAIN(`domain ...')", 'MASQUERADING AND RELAYING', 'Domains (class {R}) this host relays for.', { ipv6: 'Class {R} also holds client networks; an IPv6 network is written `IPv6:2001:db8`.' }],
  ['RELAY_DOMAIN_FILE', "RELAY_DOMAIN_FILE(`/path')", 'MASQUERADING AND RELAYING', 'Reads class {R} from a file.'],
  ['TRUST_AUTH_MECH', "TRUST_AUTH_MECH(`MECH ...')", 'SMTP AUTHENTICATION', 'SASL mechanisms whose successful use allows relaying.'],
  ['LOCAL_CONFIG', 'LOCAL_CONFIG', 'TWEAKING RULESETS', 'Starts raw sendmail.cf lines (macros, classes, maps, options) placed near the top of sendmail.cf. v6ready leaves those lines alone.'],
  ['LOCAL_RULESETS', 'LOCAL_RULESETS', 'TWEAKING RULESETS', 'Starts raw sendmail.cf rulesets (S lines and their R rules), e.g. Local_check_rcpt. v6ready leaves those lines alone.'],
  ['LOCAL_RULE_0', 'LOCAL_RULE_0', 'TWEAKING RULESETS', 'Starts raw rules added to ruleset 0 (mailer resolution).'],
  ['LOCAL_RULE_1', 'LOCAL_RULE_1', 'TWEAKING RULESETS', 'Starts raw rules for ruleset 1 (sender rewriting).'],
  ['LOCAL_RULE_2', 'LOCAL_RULE_2', 'TWEAKING RULESETS', 'Starts raw rules for ruleset 2 (recipient rewriting).'],
  ['LOCAL_RULE_3', 'LOCAL_RULE_3', 'TWEAKING RULESETS', 'Starts raw rules added to ruleset 3 (canonicalisation).'],
  ['LOCAL_NET_CONFIG', 'LOCAL_NET_CONFIG', 'TWEAKING RULESETS', 'Starts raw rules for mail to non-local hosts, checked before SMART_HOST.'],
  ['LOCAL_DNSBL', 'LOCAL_DNSBL', 'ANTI-SPAM CONFIGURATION CONTROL', 'Starts raw rules placed with the DNS block-list checks.'],
  ['LOCAL_UUCP', 'LOCAL_UUCP', 'USING UUCP MAILERS', 'Starts raw rules for UUCP handling in ruleset 0.'],
  ['LOCAL_SRV_FEATURES', 'LOCAL_SRV_FEATURES', 'STARTTLS', 'Starts the Local_srv_features ruleset (per-client server features); must follow MAILER().'],
  ['LOCAL_CLT_FEATURES', 'LOCAL_CLT_FEATURES', 'STARTTLS', 'Starts the Local_clt_features ruleset (per-server client features); must follow MAILER().'],
  ['LOCAL_TRY_TLS', 'LOCAL_TRY_TLS', 'STARTTLS', 'Starts the Local_try_tls ruleset; must follow MAILER().'],
  ['LOCAL_TLS_RCPT', 'LOCAL_TLS_RCPT', 'STARTTLS', 'Starts the Local_tls_rcpt ruleset; must follow MAILER().'],
  ['LOCAL_TLS_CLIENT', 'LOCAL_TLS_CLIENT', 'STARTTLS', 'Starts the Local_tls_client ruleset; must follow MAILER().'],
  ['LOCAL_TLS_SERVER', 'LOCAL_TLS_SERVER', 'STARTTLS', 'Starts the Local_tls_server ruleset; must follow MAILER().'],
  ['MAILER_DEFINITIONS', 'MAILER_DEFINITIONS', 'ADDING NEW MAILERS OR RULESETS', 'Starts raw mailer definitions (M lines) of your own.'],
  ['lower', "lower(`TEXT')", 'ADMINISTRATIVE DETAILS', 'cf.m4 helper: the text in lower case.'],
  ['strcasecmp', "strcasecmp(`a', `b')", 'ADMINISTRATIVE DETAILS', 'cf.m4 helper: 1 when the two texts are equal ignoring case, else 0.'],
];

const M4: Row[] = [
  ['define', "define(`name', `value')", 'A BRIEF INTRODUCTION TO M4', 'Defines an m4 macro or variable. In .mc files it sets the cf variables (confXXX, SMART_HOST, ...). Quote both arguments so nothing in them expands too early.', { snippet: "define(`${1:confXXX}', `${2}')dnl" }],
  ['undefine', "undefine(`name')", 'A BRIEF INTRODUCTION TO M4', 'Removes a macro or variable, so the cf default (or nothing) applies.'],
  ['defn', "defn(`name')", 'A BRIEF INTRODUCTION TO M4', 'The quoted definition of a macro, without expanding it.'],
  ['pushdef', "pushdef(`name', `value')", 'A BRIEF INTRODUCTION TO M4', 'Like define, but keeps the old definition for popdef.'],
  ['popdef', "popdef(`name')", 'A BRIEF INTRODUCTION TO M4', 'Restores the definition saved by pushdef.'],
  ['indir', "indir(`name', args...)", 'A BRIEF INTRODUCTION TO M4', 'Calls a macro by name.'],
  ['builtin', "builtin(`name', args...)", 'A BRIEF INTRODUCTION TO M4', 'Calls an m4 builtin even if it was redefined.'],
  ['ifdef', "ifdef(`name', `if defined', `otherwise')", 'A BRIEF INTRODUCTION TO M4', 'Chooses text by whether a macro is defined.'],
  ['ifelse', "ifelse(`a', `b', `if equal', `otherwise')", 'A BRIEF INTRODUCTION TO M4', 'Chooses text by comparing strings.'],
  ['shift', 'shift(args...)', 'A BRIEF INTRODUCTION TO M4', 'Its arguments without the first.'],
  ['changequote', 'changequote(open, close)', 'A BRIEF INTRODUCTION TO M4', 'Changes the quote characters; without arguments, back to ` and \'. Rare in .mc files, and v6ready assumes the standard quotes.'],
  ['changecom', 'changecom(start, end)', 'A BRIEF INTRODUCTION TO M4', 'Changes the comment delimiters. cf.m4 calls changecom() with none, which is why `#` is not a comment in .mc files.'],
  ['changeword', 'changeword(regex)', 'A BRIEF INTRODUCTION TO M4', 'Changes what m4 reads as a word (experimental GNU extension).'],
  ['m4wrap', 'm4wrap(`text\')', 'A BRIEF INTRODUCTION TO M4', 'Text to read at the end of input; cf.m4 uses it to pull in proto.m4 last.'],
  ['include', "include(`file')", 'A BRIEF INTRODUCTION TO M4', 'Reads another file; m4 stops with an error if it does not exist. Debian-style .mc files include cf.m4 themselves; before that line `#` is still an m4 comment.', { snippet: "include(`${1:/usr/share/sendmail/cf/m4/cf.m4}')dnl" }],
  ['sinclude', "sinclude(`file')", 'A BRIEF INTRODUCTION TO M4', 'Like include, but silent when the file does not exist.'],
  ['divert', 'divert(n)', 'A BRIEF INTRODUCTION TO M4', 'Sends output to diversion n: -1 discards it (used around header comments), 0 is the normal output. Without arguments it means divert(0), even in a `#` line.', { snippet: 'divert(${1:-1})dnl' }],
  ['undivert', 'undivert(n)', 'A BRIEF INTRODUCTION TO M4', 'Inserts the collected text of a diversion now.'],
  ['divnum', 'divnum', 'A BRIEF INTRODUCTION TO M4', 'The number of the current diversion.'],
  ['dnl', 'dnl', 'A BRIEF INTRODUCTION TO M4', 'Deletes everything up to and including the next newline. The only real comment in a .mc file: `#` lines still expand the macros on them.', { snippet: 'dnl ' }],
  ['len', 'len(`text\')', 'A BRIEF INTRODUCTION TO M4', 'The length of a text.'],
  ['index', 'index(`text\', `sub\')', 'A BRIEF INTRODUCTION TO M4', 'Position of a substring, or -1.'],
  ['regexp', 'regexp(`text\', `regex\', `replacement\')', 'A BRIEF INTRODUCTION TO M4', 'Regular-expression search.'],
  ['substr', 'substr(`text\', from, length)', 'A BRIEF INTRODUCTION TO M4', 'Part of a text.'],
  ['translit', 'translit(`text\', `from\', `to\')', 'A BRIEF INTRODUCTION TO M4', 'Character-by-character translation.'],
  ['patsubst', 'patsubst(`text\', `regex\', `replacement\')', 'A BRIEF INTRODUCTION TO M4', 'Regular-expression replacement.'],
  ['format', 'format(`fmt\', args...)', 'A BRIEF INTRODUCTION TO M4', 'printf-like formatting. cf.m4 undefines it, so in a .mc file it is plain text.'],
  ['incr', 'incr(n)', 'A BRIEF INTRODUCTION TO M4', 'n + 1.'],
  ['decr', 'decr(n)', 'A BRIEF INTRODUCTION TO M4', 'n - 1.'],
  ['eval', 'eval(expression)', 'A BRIEF INTRODUCTION TO M4', 'Integer arithmetic.'],
  ['syscmd', 'syscmd(`command\')', 'A BRIEF INTRODUCTION TO M4', 'Runs a shell command while building the .cf.'],
  ['esyscmd', 'esyscmd(`command\')', 'A BRIEF INTRODUCTION TO M4', 'Runs a shell command and inserts its output.'],
  ['sysval', 'sysval', 'A BRIEF INTRODUCTION TO M4', 'Exit status of the last syscmd/esyscmd.'],
  ['mkstemp', 'mkstemp(`template\')', 'A BRIEF INTRODUCTION TO M4', 'Creates a temporary file and returns its name.'],
  ['maketemp', 'maketemp(`template\')', 'A BRIEF INTRODUCTION TO M4', 'Old form of mkstemp.'],
  ['errprint', 'errprint(`message\')', 'A BRIEF INTRODUCTION TO M4', 'Prints a message on standard error while building (cf.m4 reports its errors this way; m4 still exits 0).'],
  ['m4exit', 'm4exit(code)', 'A BRIEF INTRODUCTION TO M4', 'Stops m4 at once — also when it appears in a `#` line.'],
  ['__file__', '__file__', 'A BRIEF INTRODUCTION TO M4', 'Name of the file being read.'],
  ['__line__', '__line__', 'A BRIEF INTRODUCTION TO M4', 'Current line number.'],
  ['__program__', '__program__', 'A BRIEF INTRODUCTION TO M4', 'The name m4 was called by.'],
  ['traceon', 'traceon(`name\')', 'A BRIEF INTRODUCTION TO M4', 'Traces macro calls (debugging).'],
  ['traceoff', 'traceoff(`name\')', 'A BRIEF INTRODUCTION TO M4', 'Stops tracing.'],
  ['dumpdef', 'dumpdef(`name\')', 'A BRIEF INTRODUCTION TO M4', 'Prints macro definitions on standard error.'],
  ['debugmode', 'debugmode(flags)', 'A BRIEF INTRODUCTION TO M4', 'Sets m4 debugging flags.'],
  ['debugfile', 'debugfile(`file\')', 'A BRIEF INTRODUCTION TO M4', 'Sends debugging output to a file.'],
  ['__gnu__', '__gnu__', 'A BRIEF INTRODUCTION TO M4', 'Defined (empty) in GNU m4.'],
  ['__unix__', '__unix__', 'A BRIEF INTRODUCTION TO M4', 'Defined (empty) on Unix systems.'],
];

function toDoc(kind: 'cf' | 'm4') {
  return ([name, syntax, section, description, extra]: Row): [string, MacroDoc] => [name, { name, syntax, section, description, kind, ...extra }];
}

export const MACROS: ReadonlyMap<string, MacroDoc> = new Map([...CF.map(toDoc('cf')), ...M4.map(toDoc('m4'))]);

export interface VariableDoc {
  name: string;
  default: string;
  description: string;
  ipv6?: string;
}

type VRow = [name: string, def: string, description: string, ipv6?: string];

const RELAY_IPV6 = 'A relay given as an address literal is written `[IPv6:2001:db8::25]` for IPv6; a bare or unbracketed IPv6 address is not understood.';

/** m4 variables of the cf tree other than conf* (set with define in the .mc or in a DOMAIN file). */
const VARS: VRow[] = [
  ['SMART_HOST', 'undefined', 'Host (or mailer:host) that receives all mail for non-local destinations.', RELAY_IPV6],
  ['MAIL_HUB', 'undefined', 'Host that receives all mail for local users (for mail clusters).', RELAY_IPV6],
  ['LOCAL_RELAY', 'undefined', 'Host that receives mail for unqualified names (usually used with FEATURE(`stickyhost\')).', RELAY_IPV6],
  ['LUSER_RELAY', 'undefined', 'Where mail for local names that are neither users nor aliases goes (a host, or local:user).'],
  ['UUCP_RELAY', 'undefined', 'Host that accepts UUCP-addressed mail.'],
  ['BITNET_RELAY', 'undefined', 'Host that accepts .BITNET mail.'],
  ['DECNET_RELAY', 'undefined', 'Host that accepts DECnet mail.'],
  ['FAX_RELAY', 'undefined', 'Host that accepts .FAX mail.'],
  ['MAIL_SETTINGS_DIR', '/etc/mail/', 'Directory of sendmail’s data files; keep the trailing slash.'],
  ['DATABASE_MAP_TYPE', 'hash', 'Map type used by features whose map is not given (hash, btree, dbm, ...). Define it before those features.'],
  ['ALIAS_FILE', '/etc/mail/aliases', 'Alias file(s); several are separated by commas inside double quotes: ``a,b\'\'.'],
  ['HELP_FILE', '/etc/mail/helpfile', 'File answered to SMTP HELP.'],
  ['QUEUE_DIR', '/var/spool/mqueue', 'Queue directory (a trailing * means several).'],
  ['MSP_QUEUE_DIR', '/var/spool/clientmqueue', 'Queue directory of the submission program.'],
  ['STATUS_FILE', '/etc/mail/statistics', 'File for mailstats statistics.'],
  ['DNSBL_MAP', 'host', 'Map type used by FEATURE(`dnsbl\'); `dns -R A` avoids AAAA queries to lists that break on them.', 'With IPv6 support compiled in, the default map also asks for AAAA records; some block lists time out on those.'],
  ['_USE_ETC_MAIL_', 'undefined', 'Debian: use /etc/mail paths (set by OSTYPE(`debian\')).'],
  ['_FFR_MILTER', 'undefined', 'Old switch that enabled milter support in the .cf (built in since 8.12).'],
  ['__OSTYPE__', 'undefined', 'Set by OSTYPE(); submit.mc defines it empty to build without an OSTYPE.'],
  ['PROCMAIL_MAILER_PATH', '/usr/local/bin/procmail', 'Path of procmail for MAILER(`procmail\') and FEATURE(`local_procmail\').'],
  ['LOCAL_MAILER_PATH', '/bin/mail', 'Program for local delivery.'],
  ['LOCAL_MAILER_FLAGS', 'Prmn9', 'Extra flags of the local mailer.'],
  ['LOCAL_MAILER_ARGS', 'mail -d $u', 'Arguments of the local mailer.'],
  ['LOCAL_MAILER_MAX', 'undefined', 'Largest message the local mailer accepts.'],
  ['LOCAL_SHELL_PATH', '/bin/sh', 'Shell for |program addresses.'],
  ['LOCAL_SHELL_FLAGS', 'eu9', 'Extra flags of the prog mailer.'],
  ['LOCAL_SHELL_ARGS', 'sh -c $u', 'Arguments of the prog mailer.'],
  ['LOCAL_SHELL_DIR', '$z:/', 'Directories the prog mailer runs in.'],
  ['SMTP_MAILER_FLAGS', 'undefined', 'Flags added to the SMTP mailers.'],
  ['SMTP_MAILER_ARGS', 'TCP $h', 'Arguments of the smtp mailer (e.g. another port).'],
  ['ESMTP_MAILER_ARGS', 'TCP $h', 'Arguments of the esmtp mailer.'],
  ['SMTP8_MAILER_ARGS', 'TCP $h', 'Arguments of the smtp8 mailer.'],
  ['DSMTP_MAILER_ARGS', 'TCP $h', 'Arguments of the dsmtp mailer.'],
  ['RELAY_MAILER_ARGS', 'TCP $h', 'Arguments of the relay mailer (e.g. `TCP $h 587` to relay through submission).'],
  ['RELAY_MAILER_FLAGS', 'undefined', 'Flags added to the relay mailer.'],
  ['SMTP_MAILER_MAX', 'undefined', 'Largest message sent by the SMTP mailers.'],
  ['SMTP_MAILER_MAXMSGS', 'undefined', 'Messages per SMTP connection.'],
  ['SMTP_MAILER_MAXRCPTS', 'undefined', 'Recipients per SMTP envelope.'],
  ['SMTP_MAILER_LL', '990', 'Line length limit of the SMTP mailers.'],
  ['RELAY_MAILER_LL', '2040', 'Line length limit of the relay mailer.'],
  ['UUCP_MAILER_PATH', '/usr/bin/uux', 'Program used for UUCP mail.'],
  ['UUCP_MAILER_ARGS', 'uux - -r -z -a$g -gC $h!rmail ($u)', 'Arguments of the UUCP mailers.'],
  ['UUCP_MAILER_MAX', '100000', 'Largest message sent over UUCP.'],
  ['CYRUSV2_MAILER_ARGS', 'FILE /var/imap/socket/lmtp', 'Socket (FILE path) or TCP target of the cyrusv2 mailer.'],
  ['CYRUS_MAILER_PATH', '/usr/cyrus/bin/deliver', 'Program of the cyrus mailer.'],
  ['CYRUS_MAILER_FLAGS', 'Ah5@/:|', 'Flags of the cyrus mailer.'],
  ['USENET_MAILER_PATH', '/usr/lib/news/inews', 'Program of the usenet mailer.'],
  ['FAX_MAILER_PATH', '/usr/local/lib/fax/mailfax', 'Program of the fax mailer.'],
  ['POP_MAILER_PATH', '/usr/lib/mh/spop', 'Program of the pop mailer.'],
  ['QPAGE_MAILER_PATH', '/usr/local/bin/qpage', 'Program of the qpage mailer.'],
  ['MAIL11_MAILER_PATH', '/usr/etc/mail11', 'Program of the mail11 mailer.'],
  ['PH_MAILER_PATH', '/usr/local/etc/phquery', 'Program of the phquery mailer.'],
];

export const VARIABLES: ReadonlyMap<string, VariableDoc> = new Map(VARS.map(([name, def, description, ipv6]) => [name, { name, default: def, description, ipv6 }]));

/** `<PREFIX>_MAILER_*` variables are read when MAILER() runs: the MAILER file each prefix belongs to. */
export const MAILER_VARIABLE_PREFIXES: ReadonlyArray<[prefix: string, mailer: string]> = [
  ['LOCAL_SHELL_', 'local'], ['LOCAL_MAILER_', 'local'], ['LOCAL_PROG_', 'local'],
  ['SMTP_MAILER_', 'smtp'], ['ESMTP_MAILER_', 'smtp'], ['SMTP8_MAILER_', 'smtp'], ['DSMTP_MAILER_', 'smtp'], ['RELAY_MAILER_', 'smtp'],
  ['UUCP_MAILER_', 'uucp'], ['USENET_MAILER_', 'usenet'], ['FAX_MAILER_', 'fax'], ['POP_MAILER_', 'pop'],
  ['PROCMAIL_MAILER_', 'procmail'], ['MAIL11_MAILER_', 'mail11'], ['PH_MAILER_', 'phquery'], ['CYRUSV2_MAILER_', 'cyrusv2'],
  ['CYRUS_BB_MAILER_', 'cyrus'], ['CYRUS_MAILER_', 'cyrus'], ['QPAGE_MAILER_', 'qpage'],
];
