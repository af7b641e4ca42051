// Hover/completion data for named.conf clauses in our own words; facts from the BIND 9.18/9.20 ARM, namedconf.c and runs of named.

/** Where a clause can appear: 'top' (the file), 'options', 'view', 'zone', or the name of the enclosing block. */
export type BindContext =
  | 'top'
  | 'options'
  | 'view'
  | 'zone'
  | 'logging'
  | 'channel'
  | 'controls'
  | 'statistics-channels'
  | 'key'
  | 'server'
  | 'dlz'
  | 'tls'
  | 'http'
  | 'dnssec-policy'
  | 'key-store'
  | 'rate-limit'
  | 'dns64';

export interface ClauseDocText {
  /** The clause in BIND's grammar notation. */
  syntax: string;
  /** One to three sentences. */
  description: string;
  /** What named does when the clause is absent. */
  default?: string;
  /** How the clause treats IPv4 and IPv6 (the traps our rules look for). */
  ipv6?: string;
  /** Introduced, deprecated, removed, renamed. */
  versions?: string;
  /** The official page; derived from the ARM anchor when absent. */
  link?: string;
  /** Keywords among the clause's arguments (e.g. `port`, `allow`), each with a short meaning. */
  keywords?: Record<string, string>;
  /** The clause's braces hold an address match list, where the predefined ACLs apply. */
  aml?: boolean;
  /** LSP snippet inserted by completion. */
  snippet?: string;
}

export interface ClauseDoc extends ClauseDocText {
  /** Every context where BIND 9.18 or 9.20 accepts the clause. */
  contexts: readonly BindContext[];
  /** Replacements for the contexts where the clause means something else (`file` in a channel, `type`...). */
  byContext?: Partial<Record<BindContext, Partial<ClauseDocText>>>;
}

export interface ResolvedDoc extends ClauseDocText {
  name: string;
  contexts: readonly BindContext[];
  /** The context the doc was resolved for. */
  context: string;
  /** False when the clause is documented but not valid in that context. */
  validHere: boolean;
  link: string;
}

export const ARM_918 = 'https://bind9.readthedocs.io/en/v9.18/reference.html';
export const ARM_920 = 'https://bind9.readthedocs.io/en/v9.20/reference.html';
const ARM_LATEST = 'https://bind9.readthedocs.io/en/latest/reference.html';
const ARM_918_CH4 = 'https://bind9.readthedocs.io/en/v9.18/chapter4.html';
const ARM_918_CH6 = 'https://bind9.readthedocs.io/en/v9.18/chapter6.html';

/** The BIND 9.18 ARM anchor of a statement (the Sphinx domain names them `namedconf-statement-<name>`). */
export function armLink(name: string, base: string = ARM_918): string {
  return `${base}#namedconf-statement-${name}`;
}

const OVZ: readonly BindContext[] = ['options', 'view', 'zone'];
const OV: readonly BindContext[] = ['options', 'view'];
const O: readonly BindContext[] = ['options'];

const AML = '{ <address_match_element>; ... }';
const SERVER_LIST =
  '[ port <integer> ] { ( <list-name> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }';

const SOURCE_KEYWORDS = {
  port: 'A fixed source port. Deprecated in 9.18 and 9.20 (named logs a warning); a fixed port makes spoofing easier.',
  address: 'Optional keyword before the address.',
};

export const BIND_DOCS: Record<string, ClauseDoc> = {
  // ---------------------------------------------------------------- top-level statements
  acl: {
    contexts: ['top'],
    syntax: `acl <name> ${AML};`,
    description:
      'Gives a name to an address match list so that allow-*, listen-on, match-clients and the other lists can use it by name. Elements are addresses, prefixes, `key <name>`, other ACL names or nested lists, each optionally negated with `!`; the first element that matches decides.',
    ipv6: 'IPv4 and IPv6 addresses and prefixes mix freely in one list. named-checkconf rejects prefixes longer than /128 (/32 for IPv4) and prefixes with host bits set (`2001:db8::1/32`); a mistyped IPv6 literal is read as the name of an undefined ACL.',
    aml: true,
    snippet: 'acl ${1:trusted} {\n\t${2:2001:db8::/32};\n\t${3:192.0.2.0/24};\n};',
  },
  controls: {
    contexts: ['top'],
    syntax:
      'controls { inet ( <ip_address> | * ) [ port <integer> ] allow { <address_match_element>; ... } [ keys { <key>; ... } ] [ read-only <boolean> ]; ... };',
    description:
      'Declares the TCP sockets on which named accepts rndc commands, and who may send them. An empty `controls { };` turns the command channel off.',
    default: 'a channel on 127.0.0.1 and ::1, port 953, authenticated with the key in rndc.key',
    ipv6: 'Inside `inet`, `*` is the IPv4 wildcard only; write `::` for every IPv6 address, or `::1` for local IPv6 access only.',
    versions: 'The `unix` socket form is a fatal error since 9.18 and was removed in 9.20.',
  },
  dlz: {
    contexts: ['top', 'view', 'zone'],
    syntax: 'dlz <name> { database <string>; [ search <boolean>; ] };',
    description:
      'Loads a Dynamically Loadable Zones driver, which answers for zones out of an external database instead of zone files. With `search no;` the driver is consulted only by zones that name it with a zone-level `dlz` clause.',
    link: `${ARM_918_CH6}#dlz-info`,
    byContext: {
      zone: {
        syntax: 'dlz <name>;',
        description: 'Serves this zone from the named `dlz` driver (one declared with `search no;`) instead of a zone file.',
      },
    },
  },
  'dnssec-policy': {
    contexts: ['top', 'options', 'view', 'zone'],
    syntax: 'dnssec-policy <name> { keys { ... }; dnskey-ttl <duration>; signatures-validity <duration>; ... };',
    description:
      'Defines a named key and signing policy (KASP): which keys a zone gets, how long they live and how signatures are timed. named then creates, publishes, rolls and retires keys by itself. Built-in policies: `default`, `insecure` (to unsign a zone gracefully) and `none`.',
    versions: 'Since 9.16; it replaces `auto-dnssec`, deprecated in 9.18 and removed in 9.20.',
    byContext: {
      options: {
        syntax: 'dnssec-policy <name>;',
        description:
          'Selects the key and signing policy for zones that do not choose their own: the name of a `dnssec-policy` block or one of `default`, `insecure`, `none`.',
        default: 'none (zones are not signed)',
      },
      view: {
        syntax: 'dnssec-policy <name>;',
        description:
          'Selects the key and signing policy for the zones of this view that do not choose their own: the name of a `dnssec-policy` block or one of `default`, `insecure`, `none`.',
        default: 'inherited from options; otherwise none',
      },
      zone: {
        syntax: 'dnssec-policy <name>;',
        description:
          'Signs this zone under the named policy (a `dnssec-policy` block, or `default`, `insecure`, `none`); named keeps the keys and signatures current. In 9.18 the zone must also allow dynamic updates or use `inline-signing yes;`.',
        default: 'none (the zone is not signed)',
      },
    },
  },
  dyndb: {
    contexts: ['top', 'view'],
    syntax: 'dyndb <name> "<driver.so>" { <driver-specific text> };',
    description:
      'Loads a dynamic database module (such as the FreeIPA LDAP back end) that supplies zone data through the dyndb interface. The braces hold parameters passed to the driver as they are.',
    link: `${ARM_918_CH6}#dyndb-info`,
  },
  http: {
    contexts: ['top'],
    syntax: 'http <name> { endpoints { "<path>"; ... }; listener-clients <integer>; streams-per-connection <integer>; };',
    description:
      'Names a DNS-over-HTTPS endpoint configuration, used with `listen-on ... http <name>`. The built-in name `default` serves the path `/dns-query`.',
    versions: 'Since 9.18.0; needs BIND built with libnghttp2.',
  },
  include: {
    // named's parser reads `include` in the body of any block of statements (cfg_parse_mapbody), not only these four.
    contexts: ['top', 'options', 'view', 'zone', 'logging', 'channel', 'controls', 'statistics-channels', 'key', 'server', 'dlz', 'tls', 'http', 'dnssec-policy', 'key-store', 'rate-limit', 'dns64'],
    syntax: 'include "<path>";',
    description:
      'Reads another file in place of the statement, so a configuration can be split up (keys in a file only named can read, zones in their own file). A relative path is resolved against named\'s current directory (the `directory` option, if already read), not against the including file.',
    versions: 'Glob patterns (`include "/etc/bind/zones/*.conf";`) since 9.18.',
    link: `${ARM_918}#include-statement`,
  },
  key: {
    contexts: ['top', 'view'],
    syntax: 'key <name> { algorithm <string>; secret "<base64>"; };',
    description:
      'Defines a TSIG shared secret. It is used by name in `server { keys ...; }`, `key <name>` elements of address match lists, `update-policy`, `controls` and the entries of primaries/also-notify lists. Keys for `controls` must be defined at the top level.',
  },
  'key-store': {
    contexts: ['top'],
    syntax: 'key-store <name> { directory <string>; pkcs11-uri "<uri>"; };',
    description:
      'Names a place where DNSSEC keys of a dnssec-policy are kept: a directory, or an HSM reached through a PKCS#11 URI. A policy\'s `keys` entries choose it with `key-store <name>`; the built-in store `key-directory` means the zone\'s key-directory.',
    versions: 'New in 9.20.',
    link: armLink('key-store', ARM_920),
  },
  logging: {
    contexts: ['top'],
    syntax: 'logging { channel <name> { ... }; category <name> { <channel>; ... }; };',
    description:
      'Decides where named\'s log messages go. Channels are destinations (a file, syslog, stderr or null) with their own severity filter and format; categories route each kind of message to channels. Only one logging statement is allowed.',
    default: 'messages go to the built-in default_syslog and default_debug channels',
  },
  'managed-keys': {
    contexts: ['top', 'view'],
    syntax: 'managed-keys { <domain> ( initial-key | initial-ds | static-key | static-ds ) <integer> <integer> <integer> "<data>"; ... };',
    description:
      'The older name of `trust-anchors`: validation anchors that named keeps up to date by following RFC 5011 key rollovers.',
    versions: 'Deprecated in 9.18 and 9.20 (named-checkconf warns); use `trust-anchors` with `initial-key` or `initial-ds`.',
  },
  masters: {
    contexts: ['top', 'zone'],
    syntax: `masters <name> ${SERVER_LIST};`,
    description:
      'The original keyword for a named list of primary servers. 9.18 and 9.20 still accept it, without a warning, but no longer document it.',
    ipv6: 'IPv6 addresses are written bare (no brackets), with `port <n>` after them if needed.',
    versions: 'Renamed `primaries` in 9.16.12; in 9.20 both are aliases of `remote-servers`.',
    link: armLink('primaries'),
    byContext: {
      zone: {
        syntax: `masters ${SERVER_LIST};`,
        description: 'The older name of the zone\'s `primaries` list: the servers a secondary, mirror, stub or redirect zone transfers from.',
        ipv6: 'List the IPv6 addresses of the primaries too; transfers to an IPv6 primary use transfer-source-v6, not transfer-source.',
        versions: 'Accepted (undocumented) in 9.18 and 9.20; write `primaries`.',
      },
    },
  },
  primaries: {
    contexts: ['top', 'zone'],
    syntax: `primaries <name> ${SERVER_LIST};`,
    description:
      'Names a list of primary servers, each an address (optionally with a port, TSIG key and TLS configuration) or another list, so secondary and stub zones can refer to it in `primaries` and `also-notify`.',
    ipv6: 'IPv6 addresses are written bare (no brackets), with `port <n>` after them if needed. A mistyped IPv6 literal is taken as the name of another list ("unable to find primaries list").',
    versions: 'Introduced in 9.16.12 as the new name of `masters`. In 9.20 it is an undocumented alias of `remote-servers`.',
    byContext: {
      zone: {
        syntax: `primaries ${SERVER_LIST};`,
        description:
          'The servers this secondary, mirror, stub or redirect zone transfers from; NOTIFY messages from them are accepted. Entries are addresses or names of top-level lists, tried in order.',
        ipv6: 'List each primary\'s IPv6 address as well as its IPv4 one. Transfers from an IPv6 primary are bound to transfer-source-v6, so settings made only for transfer-source do not apply to them.',
        versions: 'Since 9.16.12; the older `masters` is still accepted.',
      },
    },
  },
  options: {
    contexts: ['top'],
    syntax: 'options { <option>; ... };',
    description:
      'Global settings of the server, and the defaults for every view and zone that does not set its own. Only one options statement is allowed.',
    snippet: 'options {\n\tdirectory "${1:/var/cache/bind}";\n\tlisten-on-v6 { ${2:any}; };\n\t$0\n};',
  },
  'parental-agents': {
    contexts: ['top', 'zone'],
    syntax: `parental-agents <name> ${SERVER_LIST};`,
    description:
      'Names a list of servers that named asks whether the parent zone already publishes the DS records of a zone, so a KSK rollover under dnssec-policy can go on safely.',
    versions: 'Since 9.16.19. In 9.20 the top-level form is an undocumented alias of `remote-servers`.',
    byContext: {
      zone: {
        syntax: `parental-agents ${SERVER_LIST};`,
        description: 'The servers named queries for this zone\'s DS records in the parent during key rollovers (checkds).',
        ipv6: 'Queries to IPv6 agents are sent from parental-source-v6.',
      },
    },
  },
  plugin: {
    contexts: ['top', 'view'],
    syntax: 'plugin query "<module.so>" [ { <parameters> } ];',
    description:
      'Loads a query plugin, such as filter-aaaa.so; the optional braces are handed to the module unparsed.',
    ipv6: 'filter-aaaa removes AAAA records from answers to chosen clients (for example those asking over IPv4); it hides IPv6 from them and is meant only as a workaround for broken IPv6 paths.',
    versions: 'Since 9.14, where the built-in filter-aaaa options moved into this plugin.',
    link: `${ARM_918_CH4}#module-info`,
  },
  'remote-servers': {
    contexts: ['top'],
    syntax:
      'remote-servers <name> [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <list-name> | <ip_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... };',
    description:
      'The general form of a named server list in 9.20, usable from `primaries`, `parental-agents` and `also-notify`. Top-level `primaries`, `parental-agents` and `masters` are its aliases.',
    ipv6: '`source` applies to the IPv4 entries only and `source-v6` to the IPv6 entries; a list with both families needs both to pin the source address.',
    versions: 'New in 9.20.',
    link: armLink('remote-servers', ARM_920),
  },
  server: {
    contexts: ['top', 'view'],
    syntax: 'server <netprefix> { bogus <boolean>; keys <key>; edns <boolean>; transfer-format ...; ... };',
    description:
      'Settings for talking to particular remote servers: mark them bogus, sign messages to them with a TSIG key, control EDNS, transfer format and source addresses. The address may be a prefix covering many servers.',
    ipv6: 'IPv6 servers need their own `server` statement with an IPv6 address or prefix (e.g. `server 2001:db8::/32 { ... };`); a statement for a host\'s IPv4 address does not apply when named talks to it over IPv6.',
  },
  'statistics-channels': {
    contexts: ['top'],
    syntax: 'statistics-channels { inet ( <ip_address> | * ) [ port <integer> ] [ allow { <address_match_element>; ... } ]; ... };',
    description:
      'Opens HTTP endpoints that serve named\'s statistics as XML or JSON (when built with libxml2 or json-c).',
    default: 'no statistics channel',
    ipv6: 'Inside `inet`, `*` is the IPv4 wildcard only; use `::` or `::1` to serve the statistics over IPv6. The port defaults to 80.',
  },
  template: {
    contexts: ['top', 'zone'],
    syntax: 'template <name> { <zone options> };',
    description:
      'Holds a set of zone options that zones pull in with `template <name>;`, so many similar zones share one definition.',
    versions: 'New in the 9.21 development series (9.21.9); 9.18 and 9.20 reject it.',
    link: armLink('template', ARM_LATEST),
    byContext: {
      zone: {
        syntax: 'template <name>;',
        description: 'Applies the options of the named `template` block to this zone; options written in the zone win.',
      },
    },
  },
  tls: {
    contexts: ['top'],
    syntax: 'tls <name> { cert-file "<path>"; key-file "<path>"; [ ca-file "<path>"; ] [ remote-hostname "<name>"; ] ... };',
    description:
      'Names a TLS configuration: certificate, key, CA and protocol choices. `listen-on ... tls <name>` uses it for DNS-over-TLS/HTTPS, and primaries/also-notify entries for zone transfers over TLS. Built-in names: `ephemeral` (a throw-away self-signed certificate) and `none`.',
    versions: 'Since 9.18.0.',
  },
  'trust-anchors': {
    contexts: ['top', 'view'],
    syntax: 'trust-anchors { <domain> ( static-key | initial-key | static-ds | initial-ds ) <integer> <integer> <integer> "<data>"; ... };',
    description:
      'DNSSEC trust anchors for validation. `initial-key`/`initial-ds` anchors are kept current by RFC 5011 rollover tracking; `static-key`/`static-ds` anchors never change. The root anchor is built in when dnssec-validation is `auto`.',
    versions: 'Since 9.16, replacing `managed-keys` and `trusted-keys`.',
  },
  'trusted-keys': {
    contexts: ['top', 'view'],
    syntax: 'trusted-keys { <domain> <flags> <protocol> <algorithm> "<key>"; ... };',
    description: 'The older statement for permanent DNSSEC trust anchors; it means the same as `trust-anchors` with `static-key`.',
    versions: 'Deprecated in 9.18 and 9.20; removed in 9.21.4, where it is a fatal error.',
  },
  view: {
    contexts: ['top'],
    syntax: 'view <name> [ <class> ] { match-clients { ... }; match-destinations { ... }; zone ...; ... };',
    description:
      'A separate namespace with its own zones, cache and options. Each query is answered by the first view, in file order, whose match-clients, match-destinations and match-recursive-only all fit it. Once one view exists, every zone must be inside a view.',
    ipv6: 'Clients are matched by the address they use: an internal view whose match-clients lists only IPv4 prefixes sends internal IPv6 clients on to the next view (often the external one). List the IPv6 prefixes too, or use localnets.',
    snippet: 'view "${1:internal}" {\n\tmatch-clients { ${2:localnets; localhost;} };\n\t$0\n};',
  },
  zone: {
    contexts: ['top', 'view'],
    syntax: 'zone <name> [ <class> ] { type <type>; file "<path>"; ... };',
    description:
      'Declares a zone that named serves or uses: its type, and where its data comes from. Options inside it override those of the enclosing view and options.',
    snippet: 'zone "${1:example.com}" {\n\ttype ${2|primary,secondary,forward,stub,mirror,hint,redirect,static-stub|};\n\tfile "${3:db.example.com}";\n\t$0\n};',
  },

  // ---------------------------------------------------------------- server-wide options
  directory: {
    contexts: ['options', 'key-store'],
    syntax: 'directory "<path>";',
    description:
      'named\'s working directory: relative file names that come after it (zone files, dumps, statistics) are taken from here. It must exist and be writable by named\'s user; set it before `include` statements that use relative paths.',
    default: 'the directory named was started in',
    byContext: {
      'key-store': {
        syntax: 'directory <string>;',
        description: 'Where the key files of this key store are written and read.',
        versions: 'New in 9.20.',
        link: armLink('key-store', ARM_920),
      },
    },
  },
  'listen-on': {
    contexts: O,
    syntax: `listen-on [ port <integer> ] [ tls <string> ] [ http <string> ] ${AML};`,
    description:
      'The IPv4 addresses on which named accepts DNS queries: every local IPv4 interface address that the list allows gets a listener. The statement may be repeated, for instance once per port or transport.',
    default: '`listen-on port 53 { any; };` (all IPv4 interfaces)',
    ipv6: 'IPv4 only. IPv6 addresses here pass named-checkconf but named skips them at startup ("incorrect address family; ignoring"): put them in listen-on-v6. The port given here does not carry over to listen-on-v6.',
    keywords: {
      port: 'Port for these addresses; default: the `port` option (53), 853 with `tls`, 443 with `http`.',
      tls: 'Name of a `tls` block: serve DNS over TLS (or HTTPS with `http`); `ephemeral` uses a throw-away certificate, `none` plain HTTP.',
      http: 'Name of an `http` block: serve DNS over HTTPS; `default` serves /dns-query.',
    },
    aml: true,
    snippet: 'listen-on { ${1:any}; };',
  },
  'listen-on-v6': {
    contexts: O,
    syntax: `listen-on-v6 [ port <integer> ] [ tls <string> ] [ http <string> ] ${AML};`,
    description:
      'The IPv6 addresses on which named accepts DNS queries: every local IPv6 interface address that the list allows gets a listener. The statement may be repeated, for instance once per port or transport.',
    default: '`listen-on-v6 port 53 { any; };` (all IPv6 interfaces)',
    ipv6: 'IPv6 only; IPv4 addresses here are ignored at startup. The default applies whenever no listen-on-v6 is written, and always on port 53: `listen-on port 5353 { ... };` alone still leaves IPv6 on ::1#53. Write `listen-on-v6 { none; };` to stop listening on IPv6.',
    keywords: {
      port: 'Port for these addresses; default: the `port` option (53), 853 with `tls`, 443 with `http`. Not taken from listen-on.',
      tls: 'Name of a `tls` block: serve DNS over TLS (or HTTPS with `http`); `ephemeral` uses a throw-away certificate, `none` plain HTTP.',
      http: 'Name of an `http` block: serve DNS over HTTPS; `default` serves /dns-query.',
    },
    aml: true,
    snippet: 'listen-on-v6 { ${1:any}; };',
  },
  port: {
    contexts: O,
    syntax: 'port <integer>;',
    description:
      'The port named uses for DNS by default: it becomes the port of listen-on and listen-on-v6 statements (and of their defaults) that give none. Mostly useful for testing.',
    default: '53',
    ipv6: 'Unlike `listen-on port`, this moves both families, including the default IPv6 listener.',
  },
  'pid-file': {
    contexts: O,
    syntax: 'pid-file ( "<path>" | none );',
    description: 'Where named writes its process ID, for scripts that signal it. `none` (unquoted) writes no file.',
    default: 'named.pid in the run directory chosen at build time (e.g. /run/named/named.pid)',
  },
  'session-keyfile': {
    contexts: O,
    syntax: 'session-keyfile ( "<path>" | none );',
    description:
      'Where named writes the TSIG key it generates for `nsupdate -l` and `update-policy local`. `none` disables the session key.',
    default: 'session.key in the run directory chosen at build time (e.g. /run/named/session.key)',
  },
  'managed-keys-directory': {
    contexts: O,
    syntax: 'managed-keys-directory "<path>";',
    description:
      'Where named keeps the state of RFC 5011-managed trust anchors (managed-keys.bind, or one .mkeys file per view). It must be writable by named.',
    default: 'the working directory',
  },
  'bindkeys-file': {
    contexts: O,
    syntax: 'bindkeys-file "<path>";',
    description: 'The file holding the built-in root trust anchor used when dnssec-validation is `auto`.',
    default: 'bind.keys in the configuration directory chosen at build time',
    versions: 'Marked test-only in 9.20.',
  },
  version: {
    contexts: O,
    syntax: 'version ( "<string>" | none );',
    description:
      'The text returned for `version.bind TXT CH` queries; `none` refuses them. Setting it (to anything) also disables `authors.bind`.',
    default: 'the real BIND version',
  },
  hostname: {
    contexts: O,
    syntax: 'hostname ( "<string>" | none );',
    description: 'The text returned for `hostname.bind TXT CH` queries, useful to tell anycast instances apart; `none` refuses them.',
    default: 'the machine\'s host name (gethostname())',
  },
  'server-id': {
    contexts: O,
    syntax: 'server-id ( "<string>" | none | hostname );',
    description:
      'The identity returned in NSID options and for `ID.SERVER TXT CH` queries; `hostname` uses the machine\'s host name.',
    default: 'none',
  },
  querylog: {
    contexts: O,
    syntax: 'querylog <boolean>;',
    description:
      'Whether query logging is on when named starts; `rndc querylog` switches it at run time. Left unset, it follows whether the `queries` category is logged.',
  },
  'statistics-file': {
    contexts: O,
    syntax: 'statistics-file "<path>";',
    description: 'The file `rndc stats` appends statistics to.',
    default: 'named.stats in the working directory',
  },
  'dump-file': {
    contexts: O,
    syntax: 'dump-file "<path>";',
    description: 'The file `rndc dumpdb` writes the cache (and other databases) to.',
    default: 'named_dump.db',
  },
  'memstatistics-file': {
    contexts: O,
    syntax: 'memstatistics-file "<path>";',
    description: 'The file named writes memory usage statistics to when it exits (if memstatistics is on).',
    default: 'named.memstats',
  },
  'recursing-file': {
    contexts: O,
    syntax: 'recursing-file "<path>";',
    description: 'The file `rndc recursing` writes the list of queries currently being resolved to.',
    default: 'named.recursing',
  },
  'secroots-file': {
    contexts: O,
    syntax: 'secroots-file "<path>";',
    description: 'The file `rndc secroots` writes the current trust anchors and negative trust anchors to.',
    default: 'named.secroots',
  },
  'geoip-directory': {
    contexts: O,
    syntax: 'geoip-directory ( "<path>" | none );',
    description: 'Where the MaxMind GeoIP2 databases used by `geoip` ACL elements are read from.',
    default: 'the directory chosen at build time (often /usr/share/GeoIP)',
    ipv6: 'GeoIP2 databases cover IPv6 addresses too, so geoip ACL elements match IPv6 clients.',
  },
  'lock-file': {
    contexts: O,
    syntax: 'lock-file ( "<path>" | none );',
    description: 'A file named locks at startup so that a second instance refuses to run.',
    versions: 'Removed in 9.20; use the process supervisor or flock instead.',
  },
  'interface-interval': {
    contexts: O,
    syntax: 'interface-interval <duration>;',
    description:
      'How often named rescans the network interfaces to start listening on new addresses and stop on vanished ones; 0 scans only at startup and reload.',
    default: '60 minutes',
    ipv6: 'IPv6 addresses that appear after startup (SLAAC, DHCPv6, late DAD) are picked up only by a rescan, unless automatic-interface-scan catches them.',
  },
  'automatic-interface-scan': {
    contexts: O,
    syntax: 'automatic-interface-scan <boolean>;',
    description: 'Rescan the interfaces as soon as the operating system reports an address change (where it can report it).',
    default: 'yes',
    ipv6: 'Lets named start listening on IPv6 addresses that are configured after it started.',
  },
  'tcp-clients': {
    contexts: O,
    syntax: 'tcp-clients <integer>;',
    description: 'The most client TCP connections named serves at once.',
    default: '150',
  },
  'recursive-clients': {
    contexts: O,
    syntax: 'recursive-clients <integer>;',
    description:
      'The most recursive lookups named runs at once for clients (a hard limit); past a soft limit somewhat below it, older pending queries are dropped for new ones.',
    default: '1000',
  },
  'tcp-listen-queue': {
    contexts: O,
    syntax: 'tcp-listen-queue <integer>;',
    description: 'The backlog of not-yet-accepted TCP connections per listening socket.',
    default: '10 (also the minimum)',
  },
  reuseport: {
    contexts: O,
    syntax: 'reuseport <boolean>;',
    description: 'Use SO_REUSEPORT so that several sockets per address share incoming queries across threads.',
    default: 'yes',
  },
  'tls-port': {
    contexts: O,
    syntax: 'tls-port <integer>;',
    description: 'The default port of `listen-on ... tls` statements that give none (DNS over TLS).',
    default: '853',
    versions: 'Since 9.18.0.',
  },
  'https-port': {
    contexts: O,
    syntax: 'https-port <integer>;',
    description: 'The default port of `listen-on ... tls ... http` statements that give none (DNS over HTTPS).',
    default: '443',
    versions: 'Since 9.18.0.',
  },
  'http-port': {
    contexts: O,
    syntax: 'http-port <integer>;',
    description: 'The default port of `listen-on ... tls none http` statements that give none (unencrypted DNS over HTTP, e.g. behind a TLS proxy).',
    default: '80',
    versions: 'Since 9.18.0.',
  },
  'transfers-in': {
    contexts: O,
    syntax: 'transfers-in <integer>;',
    description: 'How many inbound zone transfers may run at once.',
    default: '10',
  },
  'transfers-out': {
    contexts: O,
    syntax: 'transfers-out <integer>;',
    description: 'How many outbound zone transfers may run at once; more requests are refused.',
    default: '10',
  },
  'transfers-per-ns': {
    contexts: O,
    syntax: 'transfers-per-ns <integer>;',
    description: 'How many inbound zone transfers may run at once from any one primary server.',
    default: '2',
  },
  blackhole: {
    contexts: O,
    syntax: `blackhole ${AML};`,
    description:
      'Addresses named ignores completely: it does not answer their queries and does not send queries to them. As in every list the first match wins, so `!x; any;` is needed to blackhole everything except x.',
    default: 'none',
    ipv6: 'Give IPv6 prefixes as well when blocking a network that has both families.',
    aml: true,
  },
  'match-mapped-addresses': {
    contexts: O,
    syntax: 'match-mapped-addresses <boolean>;',
    description:
      'Lets IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) match list entries written for the plain IPv4 address. A workaround for old kernels; named now handles mapped addresses internally and its use is discouraged.',
    default: 'no',
    ipv6: 'Mapped addresses appear when IPv4 connections arrive on an IPv6 socket; entries such as `::ffff:192.0.2.1` in lists are accepted but rarely what is meant.',
  },
  'use-v4-udp-ports': {
    contexts: O,
    syntax: 'use-v4-udp-ports { range <low> <high>; ... };',
    description: 'The UDP ports named may pick as source ports for its queries over IPv4.',
    default: 'the operating system\'s ephemeral port range, else 1024-65535',
    ipv6: 'IPv4 only; IPv6 queries use use-v6-udp-ports.',
    versions: 'Deprecated in 9.18 and 9.20.',
  },
  'use-v6-udp-ports': {
    contexts: O,
    syntax: 'use-v6-udp-ports { range <low> <high>; ... };',
    description: 'The UDP ports named may pick as source ports for its queries over IPv6.',
    default: 'the operating system\'s ephemeral port range, else 1024-65535',
    ipv6: 'IPv6 only; setting use-v4-udp-ports does not restrict IPv6 queries.',
    versions: 'Deprecated in 9.18 and 9.20.',
  },
  'avoid-v4-udp-ports': {
    contexts: O,
    syntax: 'avoid-v4-udp-ports { <port> | range <low> <high>; ... };',
    description: 'UDP ports named must never use as source ports for its queries over IPv4, taken out of use-v4-udp-ports.',
    default: 'none',
    ipv6: 'IPv4 only; exclude the same ports for IPv6 with avoid-v6-udp-ports.',
    versions: 'Deprecated in 9.18 and 9.20.',
  },
  'avoid-v6-udp-ports': {
    contexts: O,
    syntax: 'avoid-v6-udp-ports { <port> | range <low> <high>; ... };',
    description: 'UDP ports named must never use as source ports for its queries over IPv6, taken out of use-v6-udp-ports.',
    default: 'none',
    ipv6: 'IPv6 only; a firewall-motivated avoid-v4-udp-ports list usually needs an IPv6 twin here.',
    versions: 'Deprecated in 9.18 and 9.20.',
  },
  'flush-zones-on-shutdown': {
    contexts: O,
    syntax: 'flush-zones-on-shutdown <boolean>;',
    description: 'Whether named writes pending changes of dynamic zones to disk when it stops.',
    default: 'no',
  },
  'answer-cookie': {
    contexts: O,
    syntax: 'answer-cookie <boolean>;',
    description: 'Whether named answers DNS COOKIE options (RFC 7873) sent by clients. Turning it off is meant only for broken middleboxes.',
    default: 'yes',
  },
  'cookie-secret': {
    contexts: O,
    syntax: 'cookie-secret "<hex>";',
    description:
      'The secret used to make server cookies; anycast instances must share it. Several may be given: the first makes cookies, all are accepted.',
    default: 'a random secret at each start',
  },
  'keep-response-order': {
    contexts: O,
    syntax: `keep-response-order ${AML};`,
    description: 'Clients whose TCP queries are answered strictly in order, one at a time.',
    default: 'none',
    versions: 'Obsolete in 9.20 (ignored; clients are expected to follow RFC 7766).',
    aml: true,
  },

  'serial-query-rate': {
    contexts: O,
    syntax: 'serial-query-rate <integer>;',
    description:
      'How many SOA queries per second a secondary may send to its primaries to see whether zones changed; refresh checks beyond the rate wait their turn. 0 is raised to 1.',
    default: '20',
  },
  'notify-rate': {
    contexts: O,
    syntax: 'notify-rate <integer>;',
    description: 'How many NOTIFY messages per second named sends during normal zone maintenance (0 is raised to 1).',
    default: '20',
  },
  'startup-notify-rate': {
    contexts: O,
    syntax: 'startup-notify-rate <integer>;',
    description: 'How many NOTIFY messages per second named sends for zones just loaded at startup or newly added (0 is raised to 1).',
    default: '20',
  },
  'update-quota': {
    contexts: O,
    syntax: 'update-quota <integer>;',
    description:
      'How many dynamic UPDATE messages named works on at once, counting both updates to its own zones and those it forwards to a primary.',
    default: '100',
    versions: 'Since 9.18.11.',
  },
  'transfer-message-size': {
    contexts: O,
    syntax: 'transfer-message-size <integer>;',
    description:
      'The size, before compression, that named aims for in each message of an outgoing zone transfer over TCP (512-65535; a single big record may exceed it). Mostly a testing knob.',
    default: '20480',
  },
  'max-rsa-exponent-size': {
    contexts: O,
    syntax: 'max-rsa-exponent-size <integer>;',
    description: 'The largest RSA public exponent, in bits, that the validator accepts (35-4096); 0 means 4096.',
    default: '0 (4096 bits)',
  },
  memstatistics: {
    contexts: O,
    syntax: 'memstatistics <boolean>;',
    description: 'Whether named writes memory usage statistics to memstatistics-file when it exits.',
    default: 'no (yes when named runs with `-m record`)',
  },
  'cookie-algorithm': {
    contexts: O,
    syntax: 'cookie-algorithm ( aes | siphash24 );',
    description: 'The algorithm that turns cookie-secret into server cookies; anycast instances sharing a secret must also use the same algorithm.',
    default: 'siphash24',
    versions: '`aes` is kept only for compatibility in 9.18; 9.20 accepts only siphash24.',
  },
  'session-keyalg': {
    contexts: O,
    syntax: 'session-keyalg <algorithm>;',
    description: 'The TSIG algorithm of the session key generated for `nsupdate -l` (hmac-sha256, hmac-sha512, hmac-md5 and the other HMACs).',
    default: 'hmac-sha256',
  },
  'session-keyname': {
    contexts: O,
    syntax: 'session-keyname <name>;',
    description: 'The name of the session key named generates for `nsupdate -l` and `update-policy local`.',
    default: 'local-ddns',
  },
  'tcp-initial-timeout': {
    contexts: O,
    syntax: 'tcp-initial-timeout <integer>;',
    description:
      'How long named waits for the first message on a new TCP connection, in tenths of a second (25-1200); it must exceed the clients\' round-trip time. `rndc tcp-timeouts` changes it at run time.',
    default: '300 (30 seconds)',
  },
  'tcp-idle-timeout': {
    contexts: O,
    syntax: 'tcp-idle-timeout <integer>;',
    description:
      'How long an idle TCP connection from a client that does not use EDNS TCP keepalive stays open, in tenths of a second (1-1200). `rndc tcp-timeouts` changes it at run time.',
    default: '300 (30 seconds)',
  },
  'tcp-keepalive-timeout': {
    contexts: O,
    syntax: 'tcp-keepalive-timeout <integer>;',
    description:
      'How long an idle TCP connection from a client that uses EDNS TCP keepalive stays open, in tenths of a second (1-65535); it may be longer than tcp-idle-timeout. `rndc tcp-timeouts` changes it at run time.',
    default: '300 (30 seconds)',
  },
  'tcp-advertised-timeout': {
    contexts: O,
    syntax: 'tcp-advertised-timeout <integer>;',
    description:
      'The idle time, in tenths of a second (0-65535), that named announces to clients in the EDNS TCP keepalive option; 0 asks them to close at once. Usually equal to tcp-keepalive-timeout.',
    default: '300 (30 seconds)',
  },
  'tcp-receive-buffer': {
    contexts: O,
    syntax: 'tcp-receive-buffer <integer>;',
    description:
      'The kernel receive buffer (SO_RCVBUF) of named\'s TCP sockets, in bytes; 0 keeps the operating system\'s size. Non-zero values below 4096 are raised and values above the kernel limit are lowered.',
    default: '0 (the system default)',
    versions: 'Since 9.18.0.',
  },
  'tcp-send-buffer': {
    contexts: O,
    syntax: 'tcp-send-buffer <integer>;',
    description:
      'The kernel send buffer (SO_SNDBUF) of named\'s TCP sockets, in bytes; 0 keeps the operating system\'s size. Non-zero values below 4096 are raised and values above the kernel limit are lowered.',
    default: '0 (the system default)',
    versions: 'Since 9.18.0.',
  },
  'udp-receive-buffer': {
    contexts: O,
    syntax: 'udp-receive-buffer <integer>;',
    description:
      'The kernel receive buffer (SO_RCVBUF) of named\'s UDP sockets, in bytes: bigger absorbs bursts, too big queues queries that are stale by the time they are read. 0 keeps the system\'s size; non-zero values below 4096 are raised.',
    default: '0 (the system default)',
    versions: 'Since 9.18.0.',
  },
  'udp-send-buffer': {
    contexts: O,
    syntax: 'udp-send-buffer <integer>;',
    description:
      'The kernel send buffer (SO_SNDBUF) of named\'s UDP sockets, in bytes. 0 keeps the system\'s size; non-zero values below 4096 are raised and values above the kernel limit are lowered.',
    default: '0 (the system default)',
    versions: 'Since 9.18.0.',
  },
  'http-listener-clients': {
    contexts: O,
    syntax: 'http-listener-clients <integer>;',
    description:
      'The default for `listener-clients` in `http` blocks: how many DNS-over-HTTPS connections each listener accepts at once; 0 removes the limit.',
    default: '300',
    versions: 'Since 9.18.0; needs BIND built with libnghttp2.',
  },
  'http-streams-per-connection': {
    contexts: O,
    syntax: 'http-streams-per-connection <integer>;',
    description:
      'The default for `streams-per-connection` in `http` blocks: how many HTTP/2 streams one DNS-over-HTTPS connection may have open; past it the session is ended. 0 removes the limit.',
    default: '100',
    versions: 'Since 9.18.0; needs BIND built with libnghttp2.',
  },
  'tkey-gssapi-keytab': {
    contexts: O,
    syntax: 'tkey-gssapi-keytab "<path>";',
    description:
      'The Kerberos keytab used to accept GSS-TSIG (Active Directory style) dynamic updates. Without tkey-gssapi-credential, a key for any principal in the keytab is accepted.',
  },
  'tkey-gssapi-credential': {
    contexts: O,
    syntax: 'tkey-gssapi-credential "<principal>";',
    description:
      'The Kerberos principal (usually `DNS/host.domain`) named uses to accept GSS-TSIG keys, read from the system keytab unless tkey-gssapi-keytab names another. Without a keytab option, tkey-domain must be set too.',
    versions: 'Deprecated in 9.18 and 9.20; removed in the 9.21 series. Use tkey-gssapi-keytab.',
  },
  'tkey-domain': {
    contexts: O,
    syntax: 'tkey-domain "<domain>";',
    description:
      'The domain appended to the names of keys negotiated with TKEY (a random or client-chosen label, then this domain); GSS-TSIG needs it unless tkey-gssapi-keytab is set.',
    versions: 'Deprecated in 9.18; obsolete (ignored) in 9.20; removed in the 9.21 series.',
  },
  'tkey-dhkey': {
    contexts: O,
    syntax: 'tkey-dhkey "<key-name>" <key-tag>;',
    description: 'The Diffie-Hellman key, read from files in the working directory, used for TKEY exchanges in Diffie-Hellman mode.',
    versions: 'Deprecated in 9.18; removed in 9.20 together with Diffie-Hellman TKEY.',
  },
  'dnstap-output': {
    contexts: O,
    syntax: 'dnstap-output ( file | unix ) "<path>" [ size ( unlimited | <size> ) ] [ versions ( unlimited | <integer> ) ] [ suffix ( increment | timestamp ) ];',
    description:
      'Where dnstap frames go: a file (rolled by size like a logging channel\'s file) or a Unix socket read by a collector such as fstrm_capture. It is read once at startup; reload and reconfig do not change it.',
    default: 'a file grows without rolling',
    versions: 'Needs BIND built with dnstap (Debian\'s package is).',
  },
  'dnstap-identity': {
    contexts: O,
    syntax: 'dnstap-identity ( "<string>" | none | hostname );',
    description: 'The identity string put in dnstap messages: the host name, a fixed text, or nothing.',
    default: 'hostname',
    versions: 'Needs BIND built with dnstap.',
  },
  'dnstap-version': {
    contexts: O,
    syntax: 'dnstap-version ( "<string>" | none );',
    description: 'The version string put in dnstap messages; `none` sends none.',
    default: 'the BIND version',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-buffer-hint': {
    contexts: O,
    syntax: 'fstrm-set-buffer-hint <integer>;',
    description: 'dnstap tuning: the number of bytes gathered in the output buffer before it is flushed (1024-65536). The limits and default come from libfstrm.',
    default: '8192',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-flush-timeout': {
    contexts: O,
    syntax: 'fstrm-set-flush-timeout <seconds>;',
    description: 'dnstap tuning: the longest time, in seconds, data may wait in the output buffer before it is flushed (1-600).',
    default: '1',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-input-queue-size': {
    contexts: O,
    syntax: 'fstrm-set-input-queue-size <integer>;',
    description: 'dnstap tuning: how many entries each input queue holds; a power of 2 between 2 and 16384.',
    default: '512',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-output-notify-threshold': {
    contexts: O,
    syntax: 'fstrm-set-output-notify-threshold <integer>;',
    description: 'dnstap tuning: how many entries may wait on an input queue before the writer thread is woken (at least 1).',
    default: '32',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-output-queue-model': {
    contexts: O,
    syntax: 'fstrm-set-output-queue-model ( mpsc | spsc );',
    description: 'dnstap tuning: whether the output queues have many producers (`mpsc`) or one (`spsc`), each with one consumer.',
    default: 'mpsc',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-output-queue-size': {
    contexts: O,
    syntax: 'fstrm-set-output-queue-size <integer>;',
    description: 'dnstap tuning: how many entries the output queue holds (at least 2; the maximum depends on the system\'s IOV_MAX).',
    default: '64',
    versions: 'Needs BIND built with dnstap.',
  },
  'fstrm-set-reopen-interval': {
    contexts: O,
    syntax: 'fstrm-set-reopen-interval <duration>;',
    description: 'dnstap tuning: how long to wait before trying again to open an output that was closed (1 second to 10 minutes).',
    default: '5 seconds',
    versions: 'Needs BIND built with dnstap.',
  },
  'heartbeat-interval': {
    contexts: O,
    syntax: 'heartbeat-interval <minutes>;',
    description: 'How often named does the maintenance of zones marked `dialup`; 0 turns it off. At most 40320 (28 days).',
    default: '60',
    versions: 'Deprecated in 9.18 and 9.20 (with dialup); removed in the 9.21 series.',
  },
  'reserved-sockets': {
    contexts: O,
    syntax: 'reserved-sockets <integer>;',
    description: 'Once the number of file descriptors kept back for TCP and other non-query sockets; it no longer does anything.',
    versions: 'Deprecated (no effect) in 9.18; removed in 9.20.',
  },
  coresize: {
    contexts: O,
    syntax: 'coresize ( default | unlimited | <size> );',
    description: 'The largest core dump named may write (a resource limit set at startup).',
    default: 'default (the limit named was started with)',
    versions: 'Deprecated in 9.18; removed in 9.20. Set limits in the service manager (e.g. systemd LimitCORE).',
  },
  datasize: {
    contexts: O,
    syntax: 'datasize ( default | unlimited | <size> );',
    description:
      'The data memory limit of the process. Allocations beyond it fail, which can stop named from serving, so it is no way to bound memory: use max-cache-size and recursive-clients.',
    default: 'default (the limit named was started with)',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  files: {
    contexts: O,
    syntax: 'files ( default | unlimited | <size> );',
    description: 'The limit on open files of the process.',
    default: 'unlimited',
    versions: 'Deprecated in 9.18; removed in 9.20. Set limits in the service manager (e.g. systemd LimitNOFILE).',
  },
  stacksize: {
    contexts: O,
    syntax: 'stacksize ( default | unlimited | <size> );',
    description: 'The stack memory limit of the process.',
    default: 'default (the limit named was started with)',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  dscp: {
    contexts: O,
    syntax: 'dscp <integer>;',
    description: 'Once the DSCP value (traffic class) of outgoing DNS packets; named accepts it with a warning and ignores it.',
    versions: 'Obsolete (no effect) in 9.18; removed in 9.20.',
    ipv6: 'Neither the IPv4 TOS byte nor the IPv6 traffic class is set from it.',
  },
  'random-device': {
    contexts: O,
    syntax: 'random-device ( "<path>" | none );',
    description: 'Once the source of entropy; named now uses the operating system\'s random generator and ignores the option with a warning.',
    versions: 'Obsolete (no effect) in 9.18; removed in 9.20.',
    link: ARM_918,
  },

  // ---------------------------------------------------------------- access control (options, view, zone)
  'allow-query': {
    contexts: OVZ,
    syntax: `allow-query ${AML};`,
    description:
      'Clients that may send ordinary queries. Set in a zone it overrides the view/options value for that zone; for answers from the cache allow-query-cache applies as well.',
    default: 'any',
    ipv6: 'List the IPv6 prefixes of your clients as well as the IPv4 ones: a list with only IPv4 entries refuses every IPv6 client.',
    aml: true,
  },
  'allow-query-on': {
    contexts: OVZ,
    syntax: `allow-query-on ${AML};`,
    description: 'Local addresses on which queries are accepted, for servers with several interfaces.',
    default: 'any',
    ipv6: 'Matched against the server\'s own address that received the query: include its IPv6 addresses, or IPv6 queries are refused.',
    aml: true,
  },
  'allow-query-cache': {
    contexts: OV,
    syntax: `allow-query-cache ${AML};`,
    description:
      'Clients that may get answers from the cache, which in practice decides who can use the server as a resolver.',
    default: '`none` with `recursion no`; else the allow-recursion list if set; else `{ localnets; localhost; }`',
    ipv6: 'The default localnets/localhost include the server\'s IPv6 networks and addresses; clients reaching it through routed IPv6 prefixes must be listed explicitly.',
    aml: true,
  },
  'allow-query-cache-on': {
    contexts: OV,
    syntax: `allow-query-cache-on ${AML};`,
    description: 'Local addresses on which answers from the cache are given; the client must also pass allow-query-cache.',
    default: 'the allow-recursion-on list if set, else any',
    ipv6: 'Include the server\'s IPv6 addresses if it resolves for IPv6 clients.',
    aml: true,
  },
  'allow-recursion': {
    contexts: OV,
    syntax: `allow-recursion ${AML};`,
    description: 'Clients for which named resolves names recursively. An open resolver (`any`) is abused for amplification attacks.',
    default: 'the allow-query-cache list if set, else allow-query if set, else `{ localnets; localhost; }`',
    ipv6: 'List the IPv6 prefixes of your clients too; with only IPv4 prefixes, IPv6 clients get REFUSED for every name outside the local zones.',
    aml: true,
  },
  'allow-recursion-on': {
    contexts: OV,
    syntax: `allow-recursion-on ${AML};`,
    description: 'Local addresses on which recursive queries are accepted.',
    default: 'the allow-query-cache-on list if set, else any',
    ipv6: 'Include the server\'s IPv6 addresses if it resolves for IPv6 clients.',
    aml: true,
  },
  'allow-transfer': {
    contexts: OVZ,
    syntax: `allow-transfer [ port <integer> ] [ transport ( tcp | tls ) ] ${AML};`,
    description:
      'Hosts allowed to transfer zones (AXFR/IXFR) from this server; `port` and `transport` further restrict how. Set in a zone it overrides the view/options value.',
    default: '9.18: any. 9.20: none (outgoing transfers are off unless allowed)',
    ipv6: 'Secondaries that transfer over IPv6 connect from their IPv6 address: list it (or their key) along with the IPv4 one.',
    versions: 'The default changed from any to none in 9.20.',
    keywords: {
      port: 'Allow transfers only on connections to this local port.',
      transport: 'Allow transfers only over this transport: `tcp` or `tls`.',
    },
    aml: true,
  },
  'allow-update': {
    contexts: OVZ,
    syntax: `allow-update ${AML};`,
    description:
      'Who may send dynamic updates to a primary zone. Prefer `key <name>` elements or update-policy: address-based permission is easy to spoof. Best set per zone.',
    default: 'none',
    ipv6: 'Updaters on IPv6 are matched by their IPv6 address; list it (or use a key, which works for both families).',
    aml: true,
  },
  'allow-update-forwarding': {
    contexts: OVZ,
    syntax: `allow-update-forwarding ${AML};`,
    description: 'Who may send dynamic updates to a secondary zone, which named forwards to the primary.',
    default: 'none',
    ipv6: 'Forwarded updates leave from transfer-source-v6 when the primary is reached over IPv6.',
    aml: true,
  },
  'allow-notify': {
    contexts: OVZ,
    syntax: `allow-notify ${AML};`,
    description:
      'Extra hosts whose NOTIFY messages a secondary zone accepts, besides its primaries. It can only widen, never narrow, the default.',
    default: 'only the zone\'s primaries',
    ipv6: 'A primary that sends NOTIFY from an IPv6 address (its notify-source-v6) must match here or in primaries by that IPv6 address.',
    aml: true,
  },
  'also-notify': {
    contexts: OVZ,
    syntax: `also-notify ${SERVER_LIST};`,
    description:
      'Extra servers sent a NOTIFY whenever a zone changes, besides those in its NS records; useful for stealth secondaries. Set in a zone it replaces the view/options list.',
    default: 'empty',
    ipv6: 'IPv6 entries are written bare, with `port <n>` after them. NOTIFY to an IPv6 target is sent from notify-source-v6, not notify-source.',
    versions: '9.20 adds `source` and `source-v6` arguments.',
    keywords: { port: 'Default port for the entries of the list (53 if absent).' },
  },
  notify: {
    contexts: OVZ,
    syntax: 'notify ( yes | no | explicit | primary-only | master-only );',
    description:
      'Whether NOTIFY messages go out when a zone changes: to the zone\'s NS hosts and also-notify (`yes`), only to also-notify (`explicit`), only for primary zones (`primary-only`), or not at all.',
    default: 'yes',
    versions: '`master-only` is the older spelling of `primary-only`.',
  },
  'notify-delay': {
    contexts: OVZ,
    syntax: 'notify-delay <seconds>;',
    description: 'The minimum wait between NOTIFY rounds for the same zone, so bursts of updates cause one NOTIFY.',
    default: '5',
  },
  'notify-to-soa': {
    contexts: OVZ,
    syntax: 'notify-to-soa <boolean>;',
    description: 'Also send NOTIFY to the server named in the SOA MNAME field, which is normally skipped.',
    default: 'no',
  },
  'notify-source': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'notify-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ];',
    description:
      'The local IPv4 address NOTIFY messages are sent from. The secondaries must accept that address (in their primaries or allow-notify).',
    default: '* (chosen by the operating system)',
    ipv6: 'IPv4 only: an IPv6 address here is a configuration error. NOTIFY to IPv6 servers uses notify-source-v6.',
    versions: '`port` is deprecated in 9.18 and 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'notify-source-v6': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'notify-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ];',
    description:
      'The local IPv6 address NOTIFY messages to IPv6 servers are sent from. The secondaries must accept that address.',
    default: '* (chosen by the operating system)',
    ipv6: 'IPv6 only: an IPv4 address here is a configuration error. Set it whenever notify-source is pinned, or NOTIFY over IPv6 leaves from an unexpected address.',
    versions: '`port` is deprecated in 9.18 and 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'transfer-source': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'transfer-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ];',
    description:
      'The local IPv4 address used to fetch zones from primaries, and for SOA refresh queries and forwarded updates. The primary must allow that address to transfer.',
    default: '* (chosen by the operating system)',
    ipv6: 'IPv4 only: an IPv6 address here is a configuration error. Transfers from IPv6 primaries use transfer-source-v6.',
    versions: '`port` is deprecated in 9.18 and 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'transfer-source-v6': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'transfer-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ];',
    description:
      'The local IPv6 address used to fetch zones from IPv6 primaries, and for their refresh queries and forwarded updates.',
    default: '* (chosen by the operating system)',
    ipv6: 'IPv6 only: an IPv4 address here is a configuration error. Pin it whenever transfer-source is pinned and the primaries have IPv6 addresses.',
    versions: '`port` is deprecated in 9.18 and 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'alt-transfer-source': {
    contexts: OVZ,
    syntax: 'alt-transfer-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ];',
    description: 'A second IPv4 source address tried for zone transfers when the first fails (with use-alt-transfer-source).',
    ipv6: 'IPv4 only; the IPv6 twin is alt-transfer-source-v6.',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  'alt-transfer-source-v6': {
    contexts: OVZ,
    syntax: 'alt-transfer-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ];',
    description: 'A second IPv6 source address tried for zone transfers when the first fails (with use-alt-transfer-source).',
    ipv6: 'IPv6 only.',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  'use-alt-transfer-source': {
    contexts: OVZ,
    syntax: 'use-alt-transfer-source <boolean>;',
    description: 'Whether the alternate transfer source addresses are tried.',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  'query-source': {
    contexts: ['options', 'view', 'server'],
    syntax: 'query-source [ address ] ( <ipv4_address> | * | none ) [ port ( <integer> | * ) ];',
    description: 'The local IPv4 address (and, deprecated, port) of queries named sends while resolving.',
    default: '`query-source address *;` (address chosen by the system, random port)',
    ipv6: 'IPv4 only: an IPv6 address here is a configuration error. Queries to IPv6 servers use query-source-v6. In 9.20, `none` stops named from querying over IPv4.',
    versions: '`port` is deprecated; `none` is new in 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'query-source-v6': {
    contexts: ['options', 'view', 'server'],
    syntax: 'query-source-v6 [ address ] ( <ipv6_address> | * | none ) [ port ( <integer> | * ) ];',
    description: 'The local IPv6 address (and, deprecated, port) of queries named sends to IPv6 servers while resolving.',
    default: '`query-source-v6 address *;` (address chosen by the system, random port)',
    ipv6: 'IPv6 only: an IPv4 address here is a configuration error. A pinned address must exist on the host, or resolution over IPv6 fails. In 9.20, `none` stops named from querying over IPv6.',
    versions: '`port` is deprecated; `none` is new in 9.20.',
    keywords: SOURCE_KEYWORDS,
  },
  'parental-source': {
    contexts: OVZ,
    syntax: 'parental-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ];',
    description: 'The local IPv4 address of the DS queries named sends to parental agents.',
    default: '*',
    ipv6: 'IPv4 only; queries to IPv6 parental agents use parental-source-v6.',
  },
  'parental-source-v6': {
    contexts: OVZ,
    syntax: 'parental-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ];',
    description: 'The local IPv6 address of the DS queries named sends to IPv6 parental agents.',
    default: '*',
    ipv6: 'IPv6 only; an IPv4 address here is a configuration error.',
  },

  // ---------------------------------------------------------------- resolver
  recursion: {
    contexts: OV,
    syntax: 'recursion <boolean>;',
    description:
      'Whether named resolves names it is not authoritative for on behalf of clients. With `no` it answers from its zones (and cache) and returns referrals otherwise; who may recurse is set by allow-recursion.',
    default: 'yes',
  },
  forwarders: {
    contexts: OVZ,
    syntax: 'forwarders [ port <integer> ] [ tls <string> ] { ( <ipv4_address> | <ipv6_address> ) [ port <integer> ] [ tls <string> ]; ... };',
    description:
      'Resolvers to which named sends queries it cannot answer itself, instead of (or before) resolving them. In a zone, an empty list turns forwarding off for that domain.',
    default: 'empty (no forwarding)',
    ipv6: 'IPv6 forwarders are written bare, without brackets (`[2001:db8::53]` is a syntax error), with `port <n>` after them. They are used only if the server has IPv6 connectivity; list both families so resolution survives the loss of either.',
    versions: '`tls` (DNS over TLS to forwarders) is new in 9.20.',
    keywords: { port: 'Default port for the forwarders (53 if absent).', tls: 'Name of a `tls` block: forward over DNS-over-TLS (9.20).' },
  },
  forward: {
    contexts: OVZ,
    syntax: 'forward ( first | only );',
    description:
      'With `first`, named asks the forwarders and resolves by itself if they fail; with `only`, it never resolves on its own. Meaningful only with forwarders.',
    default: 'first',
  },
  'dnssec-validation': {
    contexts: OV,
    syntax: 'dnssec-validation ( yes | no | auto );',
    description:
      'DNSSEC validation of resolved answers. `auto` uses the built-in, self-updating root trust anchor; `yes` needs trust anchors configured with trust-anchors; `no` turns validation off.',
    default: 'auto',
  },
  'dual-stack-servers': {
    contexts: OV,
    syntax: 'dual-stack-servers [ port <integer> ] { ( "<hostname>" | <ipv4_address> | <ipv6_address> ) [ port <integer> ]; ... };',
    description:
      'Servers reachable over both IPv4 and IPv6 that named uses as a last resort when it cannot reach an authoritative server over the only family it has. Host names must be resolvable over that family.',
    ipv6: 'Only used when named has a single family (started with -4 or -6, or a host without one of them); on a dual-stack host it has no effect.',
    keywords: { port: 'Default port for the listed servers.' },
  },
  'max-cache-size': {
    contexts: OV,
    syntax: 'max-cache-size ( default | unlimited | <size> | <percent>% );',
    description:
      'The memory limit of each view\'s cache; past it named evicts records before they expire. Every view has its own cache unless attach-cache is used.',
    default: '90% of physical memory for views with recursion, 2 MB without',
  },
  'max-cache-ttl': {
    contexts: OV,
    syntax: 'max-cache-ttl <duration>;',
    description: 'The longest time a positive answer stays in the cache; longer TTLs are cut to it.',
    default: '604800 (one week)',
  },
  'max-ncache-ttl': {
    contexts: OV,
    syntax: 'max-ncache-ttl <duration>;',
    description: 'The longest time a negative answer (NXDOMAIN, NODATA) stays in the cache.',
    default: '10800 (3 hours)',
  },
  'lame-ttl': {
    contexts: OV,
    syntax: 'lame-ttl <duration>;',
    description: 'How long a lame server was remembered. Since the fix for CVE-2021-25219 the value is always treated as 0.',
    default: '0',
  },
  'servfail-ttl': {
    contexts: OV,
    syntax: 'servfail-ttl <duration>;',
    description: 'How many seconds a SERVFAIL result (validation or other failure) is cached; 0 disables the cache and values above 30 are cut to 30.',
    default: '1',
  },
  'clients-per-query': {
    contexts: OV,
    syntax: 'clients-per-query <integer>;',
    description: 'How many clients may wait on the same pending lookup before further ones are dropped; named tunes the limit itself, up to max-clients-per-query.',
    default: '10',
  },
  'fetches-per-zone': {
    contexts: OV,
    syntax: 'fetches-per-zone <integer> [ ( drop | fail ) ];',
    description: 'A cap on concurrent queries to the servers of one domain, to blunt random-subdomain attacks; 0 disables it.',
    default: '0 (no limit), drop',
  },
  'fetches-per-server': {
    contexts: OV,
    syntax: 'fetches-per-server <integer> [ ( drop | fail ) ];',
    description: 'A cap on concurrent queries to any one authoritative server, lowered automatically when it stops answering; 0 disables it.',
    default: '0 (no limit), drop',
  },
  'resolver-query-timeout': {
    contexts: OV,
    syntax: 'resolver-query-timeout <integer>;',
    description: 'How long, in milliseconds, the resolver works on a query before giving up (values up to 300 are read as seconds).',
    default: '10000 (10 s); maximum 30000',
  },
  'qname-minimization': {
    contexts: OV,
    syntax: 'qname-minimization ( strict | relaxed | disabled | off );',
    description:
      'Whether the resolver reveals only as much of the name as each server needs (RFC 7816). `relaxed` falls back to full names when servers misbehave; `strict` does not.',
    default: 'relaxed',
  },
  prefetch: {
    contexts: OV,
    syntax: 'prefetch <trigger> [ <eligibility> ];',
    description:
      'Refreshes popular cache entries shortly before they expire: when a record with at least `eligibility` seconds of original TTL is asked for with fewer than `trigger` seconds left.',
    default: '2 9; `prefetch 0;` disables it',
  },
  'stale-answer-enable': {
    contexts: OV,
    syntax: 'stale-answer-enable <boolean>;',
    description: 'Serve expired cache data when the authoritative servers cannot be reached (RFC 8767). Needs stale-cache-enable.',
    default: 'no',
  },
  'stale-cache-enable': {
    contexts: OV,
    syntax: 'stale-cache-enable <boolean>;',
    description: 'Keep expired records in the cache for max-stale-ttl, so they can be served as stale answers.',
    default: 'no',
  },
  'attach-cache': {
    contexts: OV,
    syntax: 'attach-cache <string>;',
    description: 'Shares one cache between views that name the same cache, saving memory when their resolver settings match.',
    default: 'each view has its own cache',
  },
  'validate-except': {
    contexts: OV,
    syntax: 'validate-except { <domain>; ... };',
    description: 'Domains below which DNSSEC validation is not done, like permanent negative trust anchors.',
  },
  'trust-anchor-telemetry': {
    contexts: OV,
    syntax: 'trust-anchor-telemetry <boolean>;',
    description: 'Reports the key tags of configured trust anchors to the zones\' servers with `_ta-` queries (RFC 8145), helping root key rollovers.',
    default: 'yes',
  },
  'nxdomain-redirect': {
    contexts: OV,
    syntax: 'nxdomain-redirect <domain>;',
    description: 'Rewrites NXDOMAIN answers from recursion into answers found under the given domain.',
  },
  'deny-answer-addresses': {
    contexts: OV,
    syntax: `deny-answer-addresses ${AML} [ except-from { <domain>; ... } ];`,
    description: 'Rejects resolved answers that contain the listed addresses, protecting against DNS rebinding to internal networks.',
    ipv6: 'Give the internal IPv6 prefixes (ULA fc00::/7, link-local fe80::/10, ::1) as well, or rebinding attacks simply use AAAA records.',
    aml: true,
  },
  'disable-algorithms': {
    contexts: OV,
    syntax: 'disable-algorithms <domain> { <algorithm>; ... };',
    description: 'DNSSEC algorithms treated as unsupported at and below a domain; zones signed only with them are treated as insecure.',
  },
  'edns-udp-size': {
    contexts: ['options', 'view', 'server'],
    syntax: 'edns-udp-size <integer>;',
    description: 'The UDP buffer size named advertises in its queries, i.e. the biggest UDP answer it wants to receive (512-4096).',
    default: '1232',
    ipv6: '1232 keeps answers below the IPv6 minimum MTU of 1280 bytes, so they are not fragmented; raising it risks lost fragments on IPv6 paths.',
  },
  'max-udp-size': {
    contexts: ['options', 'view', 'server'],
    syntax: 'max-udp-size <integer>;',
    description: 'The largest UDP response named sends (512-4096); bigger answers are truncated so the client retries over TCP.',
    default: '1232',
    ipv6: '1232 keeps responses below the IPv6 minimum MTU, avoiding fragmentation (IPv6 routers never fragment).',
  },
  'v6-bias': {
    contexts: OV,
    syntax: 'v6-bias <milliseconds>;',
    description: 'How much the resolver favours IPv6 addresses of name servers: an IPv6 server is chosen as long as it is no more than this much slower than an IPv4 one.',
    default: '50',
    ipv6: 'Raise it to prefer IPv6 transport more strongly; 0 means no preference.',
  },
  sortlist: {
    contexts: OV,
    syntax: 'sortlist { { <client-match>; [ { <preferred>; ... }; ] }; ... };',
    description:
      'Reorders the addresses in answers according to where the client is, putting nearby addresses first.',
    versions: 'Deprecated in 9.20; removed in the 9.21 series.',
    ipv6: 'Only reorders records within an RRset (A or AAAA separately); it never chooses between IPv4 and IPv6.',
  },
  'rrset-order': {
    contexts: OV,
    syntax: 'rrset-order { [ class <c> ] [ type <t> ] [ name "<n>" ] order ( random | cyclic | none | fixed ); ... };',
    description: 'The order in which records of an RRset are returned.',
    default: 'random',
    versions: '`fixed` is deprecated in 9.20.',
  },
  'response-policy': {
    contexts: OV,
    syntax: 'response-policy { zone <name> [ policy ... ] [ log <boolean> ] ...; ... } [ break-dnssec <boolean> ] [ qname-wait-recurse <boolean> ] ...;',
    description:
      'Response Policy Zones (RPZ, a DNS firewall): answers matching rules in the listed zones are rewritten, e.g. to NXDOMAIN or a walled garden.',
    ipv6: 'Rules on IP addresses use the rpz-ip / rpz-client-ip / rpz-nsip owner names; IPv6 addresses are written in their reversed-label form (e.g. `128.zz.db8.2001.rpz-ip`), so block lists made only of IPv4 entries do not cover AAAA answers.',
  },
  'rate-limit': {
    contexts: OV,
    syntax: 'rate-limit { responses-per-second <integer>; window <integer>; slip <integer>; ipv4-prefix-length <integer>; ipv6-prefix-length <integer>; ... };',
    description:
      'Response Rate Limiting: caps how many identical responses go to one client network per second, to blunt reflection attacks.',
    ipv6: 'Clients are grouped by network: /24 for IPv4 and /56 for IPv6 by default (ipv6-prefix-length).',
  },
  dns64: {
    contexts: OV,
    syntax: 'dns64 <ipv6-prefix> { clients { ... }; mapped { ... }; exclude { ... }; suffix <ipv6_address>; recursive-only <boolean>; break-dnssec <boolean>; };',
    description:
      'DNS64 (RFC 6147): for names that have A records but no AAAA, synthesizes AAAA records by embedding the IPv4 address in the given prefix, for IPv6-only clients behind a NAT64.',
    ipv6: 'The prefix must be /32, /40, /48, /56, /64 or /96, commonly the well-known 64:ff9b::/96; it must match the NAT64 gateway. A reverse ip6.arpa zone for the prefix is created too.',
  },
  'dns64-server': {
    contexts: OV,
    syntax: 'dns64-server <name>;',
    description: 'The server name put in the SOA of the reverse zones that dns64 creates.',
  },
  'dns64-contact': {
    contexts: OV,
    syntax: 'dns64-contact <name>;',
    description: 'The contact put in the SOA of the reverse zones that dns64 creates.',
  },
  'ipv4only-enable': {
    contexts: OV,
    syntax: 'ipv4only-enable <boolean>;',
    description:
      'Whether named serves the ipv4only.arpa zone (RFC 8880), which IPv6-only clients query to discover the NAT64 prefix, and its reverse zones.',
    default: 'yes when a dns64 block is configured',
    ipv6: 'Lets IPv6-only hosts (464XLAT, Apple devices) find the DNS64 prefix; keep it on when serving DNS64.',
  },
  'ipv4only-server': {
    contexts: OV,
    syntax: 'ipv4only-server <name>;',
    description: 'The server name put in the SOA of the automatic ipv4only.arpa zones.',
  },
  'ipv4only-contact': {
    contexts: OV,
    syntax: 'ipv4only-contact <name>;',
    description: 'The contact put in the SOA of the automatic ipv4only.arpa zones.',
  },
  'empty-zones-enable': {
    contexts: OV,
    syntax: 'empty-zones-enable <boolean>;',
    description:
      'Whether named answers locally for the built-in empty zones (reverse zones of private, documentation and special address ranges) instead of asking the Internet.',
    default: 'yes',
    ipv6: 'The empty zones include the reverse zones of ::1, :: , fe80::/10 link-local and fd00::/8 unique local addresses.',
  },
  'disable-empty-zone': {
    contexts: OV,
    syntax: 'disable-empty-zone <zone-name>;',
    description: 'Turns off one built-in empty zone, e.g. when you serve that reverse zone yourself. May be repeated.',
    ipv6: 'Needed when you run real reverse zones for ULA (e.g. `d.f.ip6.arpa`) space.',
  },
  'empty-server': {
    contexts: OV,
    syntax: 'empty-server <name>;',
    description: 'The server name put in the SOA of the built-in empty zones.',
    default: 'the zone\'s own name',
  },
  'empty-contact': {
    contexts: OV,
    syntax: 'empty-contact <name>;',
    description: 'The contact put in the SOA of the built-in empty zones.',
    default: '`.`',
  },
  'minimal-responses': {
    contexts: OV,
    syntax: 'minimal-responses ( yes | no | no-auth | no-auth-recursive );',
    description:
      'Whether named leaves optional records out of the authority and additional sections, trading helpfulness for speed and smaller packets.',
    default: 'no-auth-recursive',
  },
  'auth-nxdomain': {
    contexts: OV,
    syntax: 'auth-nxdomain <boolean>;',
    description: 'Set the authoritative-answer (AA) bit on every NXDOMAIN response, even for names the server is not authoritative for.',
    default: 'no',
  },
  'request-nsid': {
    contexts: ['options', 'view', 'server'],
    syntax: 'request-nsid <boolean>;',
    description: 'Ask authoritative servers for their NSID and log it (category nsid), to tell anycast instances apart.',
    default: 'no',
  },
  'send-cookie': {
    contexts: ['options', 'view', 'server'],
    syntax: 'send-cookie <boolean>;',
    description: 'Send DNS COOKIE options in queries to authoritative servers.',
    default: 'yes',
  },
  'allow-new-zones': {
    contexts: OV,
    syntax: 'allow-new-zones <boolean>;',
    description: 'Allows zones to be added and deleted at run time with `rndc addzone` / `rndc delzone`.',
    default: 'no',
  },
  'new-zones-directory': {
    contexts: OV,
    syntax: 'new-zones-directory "<path>";',
    description: 'Where the configuration of zones added with rndc addzone is stored.',
    default: 'the working directory',
  },
  'catalog-zones': {
    contexts: OV,
    syntax: 'catalog-zones { zone <name> [ default-primaries { ... } ] [ zone-directory "<path>" ] [ in-memory <boolean> ] [ min-update-interval <duration> ]; ... };',
    description: 'Catalog zones: secondaries create and delete member zones automatically from the contents of a special zone.',
    ipv6: 'default-primaries take IPv6 addresses as well; give them so member zones can transfer over IPv6.',
    link: `${ARM_918_CH6}#catz-info`,
  },
  'check-names': {
    contexts: OVZ,
    syntax: 'check-names ( primary | secondary | response ) ( fail | warn | ignore );',
    description:
      'How strictly host names in zone data or in answers must follow hostname rules (letters, digits, hyphens), for primary zones, secondary zones or resolver responses.',
    default: 'primary: fail; secondary: warn; response: ignore',
    versions: '`master` and `slave` are accepted for primary and secondary.',
    byContext: {
      zone: {
        syntax: 'check-names ( fail | warn | ignore );',
        description: 'How strictly host names in this zone\'s data must follow hostname rules.',
        default: 'fail for primary zones, warn for secondary zones',
      },
    },
  },

  'min-cache-ttl': {
    contexts: OV,
    syntax: 'min-cache-ttl <duration>;',
    description:
      'The shortest time a positive answer stays in the cache; shorter TTLs are raised to it. Values above 90 seconds are cut to 90.',
    default: '0',
  },
  'min-ncache-ttl': {
    contexts: OV,
    syntax: 'min-ncache-ttl <duration>;',
    description:
      'The shortest time a negative answer (NXDOMAIN, NODATA) stays in the cache, to spare repeated lookups of missing names. Values above 90 seconds are cut to 90.',
    default: '0',
  },
  'max-stale-ttl': {
    contexts: OV,
    syntax: 'max-stale-ttl <duration>;',
    description:
      'How long records are kept past their expiry so they can be served as stale answers when the authoritative servers are unreachable. Only with stale-cache-enable; 0 is raised to 1 second.',
    default: '86400 (1 day)',
  },
  'stale-answer-ttl': {
    contexts: OV,
    syntax: 'stale-answer-ttl <duration>;',
    description: 'The TTL given to stale answers (0 is raised to 1 second).',
    default: '30 seconds',
  },
  'stale-refresh-time': {
    contexts: OV,
    syntax: 'stale-refresh-time <duration>;',
    description:
      'After a failed refresh of a name whose servers do not answer, how long named answers it from stale data at once before trying the servers again (RFC 8767). 0 always tries the servers first and serves stale data only when that fails.',
    default: '30 seconds',
    versions: 'Since 9.16.9.',
  },
  'stale-answer-client-timeout': {
    contexts: OV,
    syntax: 'stale-answer-client-timeout ( disabled | off | <integer> );',
    description:
      'How many milliseconds a client waits before named answers it from stale data while the lookup goes on; 0 answers from stale data at once. Needs stale-answer-enable; RFC 8767 suggests 1800.',
    default: 'off',
    versions: 'Since 9.16.12.',
  },
  'nta-lifetime': {
    contexts: OV,
    syntax: 'nta-lifetime <duration>;',
    description:
      'How long a negative trust anchor added with `rndc nta` lasts unless given its own lifetime: names below it are treated as insecure instead of bogus, for domains with broken DNSSEC. At most one week.',
    default: '3600 (1 hour)',
  },
  'nta-recheck': {
    contexts: OV,
    syntax: 'nta-recheck <duration>;',
    description:
      'How often named checks whether a domain under a negative trust anchor validates again, so the anchor can end early; 0 turns the checks off. No longer than nta-lifetime.',
    default: '300 (5 minutes)',
  },
  'max-clients-per-query': {
    contexts: OV,
    syntax: 'max-clients-per-query <integer>;',
    description:
      'The ceiling up to which named raises clients-per-query for a lookup that proves slow but alive; 0 leaves only recursive-clients as the limit.',
    default: '100',
  },
  'max-recursion-depth': {
    contexts: OV,
    syntax: 'max-recursion-depth <integer>;',
    description:
      'How deeply lookups may nest while resolving one query (finding a name server\'s address may need another lookup, and so on); deeper queries fail with SERVFAIL.',
    default: '7',
  },
  'max-recursion-queries': {
    contexts: OV,
    syntax: 'max-recursion-queries <integer>;',
    description:
      'The most iterative queries the resolver sends while looking up one name; past it the client gets SERVFAIL. The count starts again at each CNAME target (max-query-count bounds the whole request).',
    default: '50 (since 9.18.33; 32 in 9.18.29-9.18.32; 100 before)',
  },
  'max-query-count': {
    contexts: OV,
    syntax: 'max-query-count <integer>;',
    description:
      'The most iterative queries the resolver sends for one client request in total, CNAME chains included; past it the client gets SERVFAIL.',
    default: '200',
    versions: 'Since 9.18.33.',
  },
  'max-query-restarts': {
    contexts: OV,
    syntax: 'max-query-restarts <integer>;',
    description: 'How many CNAME targets in a row named follows for one query before giving up, which stops CNAME loops (1-255).',
    default: '11',
    versions: 'Since 9.18.29.',
  },
  'fetch-quota-params': {
    contexts: OV,
    syntax: 'fetch-quota-params <integer> <fixedpoint> <fixedpoint> <fixedpoint>;',
    description:
      'How fetches-per-server adapts to servers that stop answering: after how many answered or timed-out queries each server\'s timeout ratio is recomputed, the ratio below which its quota grows back, the ratio above which it shrinks, and how much recent events weigh in the moving average.',
    default: '100 0.1 0.3 0.7',
  },
  'resolver-nonbackoff-tries': {
    contexts: OV,
    syntax: 'resolver-nonbackoff-tries <integer>;',
    description: 'How many times the resolver retries a server before it starts doubling the wait between tries.',
    default: '3',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  'resolver-retry-interval': {
    contexts: OV,
    syntax: 'resolver-retry-interval <milliseconds>;',
    description: 'The base wait, in milliseconds, before the resolver retries a query.',
    default: '800',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  'dnssec-accept-expired': {
    contexts: OV,
    syntax: 'dnssec-accept-expired <boolean>;',
    description: 'Lets the validator accept signatures that have expired. Leaves the resolver open to replays of old signed data; meant only for debugging.',
    default: 'no',
  },
  'dnssec-must-be-secure': {
    contexts: OV,
    syntax: 'dnssec-must-be-secure <domain> <boolean>;',
    description:
      'With `yes`, answers at and below the domain are accepted only if they validate as secure; `no` allows insecure ones as usual. The domain needs a trust anchor (or dnssec-validation auto).',
    versions: 'Deprecated in 9.18 and 9.20; removed in the 9.21 series.',
  },
  'disable-ds-digests': {
    contexts: OV,
    syntax: 'disable-ds-digests <domain> { <digest-type>; ... };',
    description:
      'DS digest types the validator ignores at and below a domain (the most specific matching statement applies); if no supported type is left, the zones are treated as insecure. May be repeated.',
  },
  'synth-from-dnssec': {
    contexts: OV,
    syntax: 'synth-from-dnssec <boolean>;',
    description:
      'Lets the resolver make up NXDOMAIN, NODATA and wildcard answers from validated NSEC records already in its cache instead of asking (RFC 8198). Needs DNSSEC validation; NSEC3 records are not used for it.',
    default: 'yes',
  },
  'root-key-sentinel': {
    contexts: OV,
    syntax: 'root-key-sentinel <boolean>;',
    description: 'Whether named answers the root key sentinel probe names of RFC 8509, which let others find out which root keys this resolver trusts.',
    default: 'yes',
  },
  'deny-answer-aliases': {
    contexts: OV,
    syntax: 'deny-answer-aliases { <domain>; ... } [ except-from { <domain>; ... } ];',
    description:
      'Rejects resolved CNAME or DNAME records whose target lies in the listed domains (your internal ones), unless the query name is under except-from or inside the zone that gave the alias. The whole answer is dropped and the client gets SERVFAIL; a defence against DNS rebinding.',
  },
  'no-case-compress': {
    contexts: OV,
    syntax: `no-case-compress ${AML};`,
    description:
      'Clients whose answers are compressed without regard to case, so that owner names repeat the case of the query exactly; for clients that compare names case-sensitively, against RFC 1034.',
    default: 'none',
    ipv6: 'Matched by client address: list the IPv6 addresses of such clients as well.',
    aml: true,
  },
  'preferred-glue': {
    contexts: OV,
    syntax: 'preferred-glue ( A | AAAA );',
    description: 'Which glue type goes first in the additional section of referrals.',
    default: 'A first for queries that came over IPv4, AAAA first for queries over IPv6',
    ipv6: '`preferred-glue A;` puts IPv4 glue first even for clients asking over IPv6; leaving it unset matches the transport the client uses.',
  },
  'minimal-any': {
    contexts: OV,
    syntax: 'minimal-any <boolean>;',
    description:
      'Answers ANY queries over UDP with one RRset (the first found, with its signatures) instead of all of them, and RRSIG queries with the signatures of one type; this blunts amplification attacks. Such answers are also minimal.',
    default: 'no',
  },
  'message-compression': {
    contexts: OV,
    syntax: 'message-compression <boolean>;',
    description:
      'Whether names in responses are compressed (zone transfers always are). Turning it off saves CPU but makes answers larger, sends more clients to TCP, and breaks RFC 1123.',
    default: 'yes',
  },
  'nocookie-udp-size': {
    contexts: OV,
    syntax: 'nocookie-udp-size <integer>;',
    description:
      'The largest UDP response sent to queries without a valid server cookie; larger answers are truncated so the client retries over TCP. Values below 128 are raised to 128, and max-udp-size still applies.',
    default: '4096 (in effect 1232, the max-udp-size default)',
    ipv6: 'Responses above about 1232 bytes risk fragmentation on IPv6 paths; keep max-udp-size at 1232 rather than raising both.',
  },
  'require-server-cookie': {
    contexts: OV,
    syntax: 'require-server-cookie <boolean>;',
    description:
      'Gives UDP clients that send a client cookie but no valid server cookie a short BADCOOKIE reply instead of the answer, so they must come back with the cookie. Reduces amplification from forged queries.',
    default: 'no',
  },
  'response-padding': {
    contexts: OV,
    syntax: `response-padding ${AML} block-size <integer>;`,
    description:
      'Pads responses to a multiple of block-size bytes (EDNS Padding) for matching clients whose query was padded, came over TCP or with a valid server cookie, and was not signed with TSIG or SIG(0). It hides message sizes on encrypted transports; block sizes above 512 are cut to 512.',
    default: 'no padding',
    ipv6: 'Clients are matched by address: list IPv6 clients too.',
    aml: true,
  },
  'zero-no-soa-ttl-cache': {
    contexts: OV,
    syntax: 'zero-no-soa-ttl-cache <boolean>;',
    description: 'When caching a negative answer to an SOA query, cache it with TTL 0.',
    default: 'no',
  },
  'glue-cache': {
    contexts: OV,
    syntax: 'glue-cache <boolean>;',
    description: 'Keeps a cache of the A and AAAA glue added to referrals, trading memory (one entry per delegation) for speed.',
    default: 'yes',
    versions: 'Deprecated in 9.18; removed in 9.20, where the glue cache is always on.',
  },
  'root-delegation-only': {
    contexts: OV,
    syntax: 'root-delegation-only [ exclude { <domain>; ... } ];',
    description:
      'Treats the root and top-level domains as delegation-only: an answer from them that is not a referral becomes NXDOMAIN, except for the excluded TLDs (several, such as de and us, are not delegation-only). A guard against wildcard redirection by TLD operators, with false positives.',
    versions: 'Deprecated in 9.18; removed in 9.20.',
  },
  dnstap: {
    contexts: OV,
    syntax: 'dnstap { ( all | auth | client | forwarder | resolver | update ) [ query | response ]; ... };',
    description:
      'Which DNS messages named logs through dnstap (see dnstap-output), per kind of traffic and optionally only queries or only responses. Read the output with dnstap-read.',
    ipv6: 'Resolver messages carry named\'s own address only when query-source and query-source-v6 pin one; with the wildcard default it is left out, for IPv4 and IPv6 alike.',
    versions: 'Needs BIND built with dnstap (Debian\'s package is).',
  },
  'dnsrps-enable': {
    contexts: OV,
    syntax: 'dnsrps-enable <boolean>;',
    description: 'Hands response-policy processing to an external DNSRPS provider library (librpz) instead of named\'s own RPZ code.',
    versions: 'Only in builds configured with --enable-dnsrps (Debian\'s package is not); obsolete in the 9.21 series.',
  },
  'dnsrps-options': {
    contexts: OV,
    syntax: 'dnsrps-options { <provider settings> };',
    description: 'Settings passed as they are to the DNSRPS provider library, together with what the response-policy statement says. Ignored when dnsrps-enable is no.',
    versions: 'Only in builds configured with --enable-dnsrps; obsolete in the 9.21 series.',
  },
  'lmdb-mapsize': {
    contexts: OV,
    syntax: 'lmdb-mapsize <size>;',
    description:
      'The largest size the LMDB database of zones added with `rndc addzone` may grow to (its memory map, not the file size); at most 1 TB. 32 MB holds on the order of 100,000 simple zones.',
    default: '32M',
    versions: 'Only in builds with LMDB (Debian\'s package has it).',
  },
  'suppress-initial-notify': {
    contexts: OV,
    syntax: 'suppress-initial-notify <boolean>;',
    description: 'Was meant to stop the NOTIFY messages sent when zones first load; named accepts it with a warning and does nothing with it.',
    versions: 'Obsolete (no effect) in 9.18; removed in 9.20.',
    link: ARM_918,
  },

  // ---------------------------------------------------------------- views
  'match-clients': {
    contexts: ['view'],
    syntax: `match-clients ${AML};`,
    description: 'Which client source addresses (or TSIG keys) this view serves. The first view that matches a query answers it.',
    default: 'any',
    ipv6: 'IPv6 clients are matched by their IPv6 source address; an internal view listing only IPv4 prefixes lets internal IPv6 clients fall through to the next view. localnets covers the server\'s IPv6 networks too.',
    aml: true,
  },
  'match-destinations': {
    contexts: ['view'],
    syntax: `match-destinations ${AML};`,
    description: 'Which of the server\'s own addresses a query must arrive on for this view to serve it.',
    default: 'any',
    ipv6: 'Include the IPv6 addresses the view should answer on, or queries arriving over IPv6 skip this view.',
    aml: true,
  },
  'match-recursive-only': {
    contexts: ['view'],
    syntax: 'match-recursive-only <boolean>;',
    description: 'Whether only queries asking for recursion (RD bit set) can match this view.',
    default: 'no',
  },

  // ---------------------------------------------------------------- zones
  type: {
    contexts: ['zone'],
    syntax: 'type ( primary | secondary | mirror | hint | stub | static-stub | forward | redirect );',
    description:
      'What kind of zone this is: `primary` (data from a local file or updates), `secondary` (transferred from primaries), `mirror` (a validated secondary copy, e.g. of the root), `hint` (root servers), `stub` (NS records only), `static-stub`, `forward` (per-domain forwarding) or `redirect`. Required unless the zone uses in-view.',
    versions: '`master` and `slave` are accepted as aliases of primary and secondary, without a warning. `delegation-only` was removed in 9.20.',
    link: armLink('type'),
  },
  file: {
    contexts: ['zone', 'channel'],
    syntax: 'file "<path>";',
    description:
      'The zone\'s data file: read at load for primary, hint and redirect zones; where secondary, mirror and stub zones save the transferred copy. Relative to the working directory.',
    byContext: {
      channel: {
        syntax: 'file "<path>" [ versions ( <integer> | unlimited ) ] [ size <size> ] [ suffix ( increment | timestamp ) ];',
        description:
          'Sends the channel\'s messages to a file. With `size`, the file is rolled when it grows past that size, keeping `versions` old copies.',
      },
    },
  },
  'in-view': {
    contexts: ['zone'],
    syntax: 'in-view <view-name>;',
    description:
      'Makes this zone the same zone as the one of that name in an earlier view, so it is loaded once and served in both. Such a zone has no type of its own.',
  },
  'update-policy': {
    contexts: ['zone'],
    syntax: 'update-policy ( local | { ( grant | deny ) <identity> <rule-type> [ <name> ] [ <types> ]; ... } );',
    description:
      'Key-based rules for dynamic updates of a primary zone: which TSIG/SIG(0)/Kerberos identity may change which names and types. `local` lets `nsupdate -l` on the host update everything. When present, allow-update is ignored (named-checkconf warns).',
    ipv6: 'The `6to4-self` rule lets a 6to4 client (2002::/16) update the reverse name of its own 6to4 prefix.',
  },
  'key-directory': {
    contexts: OVZ,
    syntax: 'key-directory "<path>";',
    description: 'Where the DNSSEC key files of zones are kept and looked for.',
    default: 'the working directory',
  },
  'inline-signing': {
    contexts: ['zone', 'dnssec-policy'],
    syntax: 'inline-signing <boolean>;',
    description:
      'Keeps a separately signed copy of the zone (file name plus `.signed`) next to the unsigned one, so DNSSEC can be added to zones loaded from files or transferred in.',
    default: '9.18: no. 9.20: taken from the zone\'s dnssec-policy (yes for the default policy)',
    versions: 'Since 9.20 the zone-level clause overrides the value from dnssec-policy.',
    byContext: {
      'dnssec-policy': {
        description: 'Whether zones under this policy are signed inline, in a separate `.signed` copy, instead of in the zone itself.',
        default: 'yes',
        versions: 'New in 9.20 inside dnssec-policy.',
        link: `${ARM_920}#dnssec-policy-inline-signing`,
      },
    },
  },
  'serial-update-method': {
    contexts: OVZ,
    syntax: 'serial-update-method ( increment | unixtime | date );',
    description:
      'How the SOA serial changes on dynamic updates and re-signing: plus one, seconds since the epoch, or YYYYMMDDnn (each never going backwards).',
    default: 'increment',
  },
  'zone-statistics': {
    contexts: OVZ,
    syntax: 'zone-statistics ( full | terse | none | <boolean> );',
    description: 'How much per-zone statistics named collects for rndc stats and statistics-channels.',
    default: 'terse',
  },
  journal: {
    contexts: ['zone'],
    syntax: 'journal "<path>";',
    description: 'The file where changes to the zone (dynamic updates, IXFR) are logged.',
    default: 'the zone file name with `.jnl` appended',
  },
  'max-journal-size': {
    contexts: OVZ,
    syntax: 'max-journal-size ( default | unlimited | <size> );',
    description: 'How large a zone\'s journal may grow before old changes are dropped.',
    default: 'about twice the size of the zone',
  },
  'ixfr-from-differences': {
    contexts: OVZ,
    syntax: 'ixfr-from-differences ( primary | secondary | <boolean> );',
    description: 'Compute changes between versions of a reloaded or transferred zone so that IXFR can be offered downstream.',
    default: 'no',
    byContext: { zone: { syntax: 'ixfr-from-differences <boolean>;' } },
  },
  'masterfile-format': {
    contexts: OVZ,
    syntax: 'masterfile-format ( text | raw );',
    description: 'The format of zone files: the usual text, or BIND\'s binary raw format (faster to load).',
    default: 'text; raw for secondary zones',
  },
  'max-transfer-time-in': {
    contexts: OVZ,
    syntax: 'max-transfer-time-in <minutes>;',
    description: 'Inbound zone transfers running longer than this are cut off.',
    default: '120 (2 hours)',
  },
  'max-transfer-idle-in': {
    contexts: OVZ,
    syntax: 'max-transfer-idle-in <minutes>;',
    description: 'Inbound zone transfers that make no progress for this long are cut off.',
    default: '60 (1 hour)',
  },
  'multi-master': {
    contexts: OVZ,
    syntax: 'multi-master <boolean>;',
    description: 'Tells a secondary that its primaries may have different serials, so it logs less when they disagree.',
    default: 'no',
  },
  'try-tcp-refresh': {
    contexts: OVZ,
    syntax: 'try-tcp-refresh <boolean>;',
    description: 'Retry SOA refresh queries over TCP when UDP gets no answer.',
    default: 'yes',
  },
  'request-ixfr': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'request-ixfr <boolean>;',
    description: 'Whether a secondary asks its primaries for incremental (IXFR) rather than full transfers.',
    default: 'yes',
  },
  'provide-ixfr': {
    contexts: ['options', 'view', 'server'],
    syntax: 'provide-ixfr <boolean>;',
    description: 'Whether named answers IXFR requests with incremental transfers (no: always a full transfer).',
    default: 'yes',
  },
  'check-integrity': {
    contexts: OVZ,
    syntax: 'check-integrity <boolean>;',
    description: 'Check primary zones on load: in-zone NS, MX and SRV targets must have address records, and glue must be present.',
    default: 'yes',
    ipv6: 'An in-zone name server with only an AAAA record passes: either address family satisfies the check.',
  },
  'max-zone-ttl': {
    contexts: ['options', 'view', 'zone', 'dnssec-policy'],
    syntax: 'max-zone-ttl ( unlimited | <duration> );',
    description: 'The largest TTL allowed in a primary zone; zones with larger TTLs fail to load. Matters for DNSSEC key rollover timing.',
    default: 'unlimited',
    versions: 'Deprecated outside dnssec-policy in 9.20 (configure it in the policy).',
    byContext: {
      'dnssec-policy': {
        syntax: 'max-zone-ttl <duration>;',
        description: 'The largest TTL in zones under this policy, used to time key and signature rollovers safely; larger TTLs are rejected on load.',
        default: 'PT24H (86400)',
      },
    },
  },
  'dnssec-loadkeys-interval': {
    contexts: OVZ,
    syntax: 'dnssec-loadkeys-interval <minutes>;',
    description: 'How often named looks in the key directory for new or changed DNSSEC keys of signed zones.',
    default: '60',
  },
  'auto-dnssec': {
    contexts: OVZ,
    syntax: 'auto-dnssec ( allow | maintain | off );',
    description: 'The pre-KASP way to have named sign zones with keys found in key-directory.',
    default: 'off',
    versions: 'Deprecated in 9.18; removed in 9.20. Use dnssec-policy.',
  },
  'max-records': {
    contexts: OVZ,
    syntax: 'max-records <integer>;',
    description: 'The most records a zone may hold (for transfers and updates); 0 means no limit.',
    default: '0',
  },
  dialup: {
    contexts: OVZ,
    syntax: 'dialup ( notify | notify-passive | passive | refresh | <boolean> );',
    description: 'Concentrates zone maintenance traffic into the heartbeat interval, for links that are paid by connection.',
    default: 'no',
    versions: 'Deprecated in 9.18 and 9.20.',
  },
  database: {
    contexts: ['zone', 'dlz'],
    syntax: 'database "<type> [ <args> ]";',
    description: 'The database back end that holds the zone (`rbt`, the default in-memory database, or one provided by a module).',
    default: 'rbt',
    byContext: {
      dlz: {
        syntax: 'database "<driver> <args>";',
        description: 'The DLZ driver and its connection parameters.',
        link: `${ARM_918_CH6}#dlz-info`,
      },
    },
  },
  'server-addresses': {
    contexts: ['zone'],
    syntax: 'server-addresses { ( <ipv4_address> | <ipv6_address> ); ... };',
    description: 'For a static-stub zone: the addresses of the authoritative servers to query for the domain.',
    ipv6: 'Both families are accepted; list the IPv6 addresses too so the domain resolves over IPv6.',
  },
  'server-names': {
    contexts: ['zone'],
    syntax: 'server-names { <hostname>; ... };',
    description: 'For a static-stub zone: the names of the authoritative servers, resolved normally, to query for the domain.',
  },

  'max-transfer-time-out': {
    contexts: OVZ,
    syntax: 'max-transfer-time-out <minutes>;',
    description: 'Outbound zone transfers (this server sending a zone to a secondary) running longer than this are cut off. At most 40320 (28 days).',
    default: '120 (2 hours)',
  },
  'max-transfer-idle-out': {
    contexts: OVZ,
    syntax: 'max-transfer-idle-out <minutes>;',
    description: 'Outbound zone transfers that make no progress for this long are cut off. At most 40320 (28 days).',
    default: '60 (1 hour)',
  },
  'min-refresh-time': {
    contexts: OVZ,
    syntax: 'min-refresh-time <seconds>;',
    description:
      'A floor under the SOA refresh interval of secondary, mirror and stub zones: the primary\'s SOA sets the interval, this keeps it from being shorter.',
    default: '300',
  },
  'max-refresh-time': {
    contexts: OVZ,
    syntax: 'max-refresh-time <seconds>;',
    description: 'A ceiling on the SOA refresh interval of secondary, mirror and stub zones, whatever the primary\'s SOA says.',
    default: '2419200 (4 weeks)',
  },
  'min-retry-time': {
    contexts: OVZ,
    syntax: 'min-retry-time <seconds>;',
    description: 'A floor under the SOA retry interval (the wait after a failed refresh) of secondary, mirror and stub zones.',
    default: '500',
  },
  'max-retry-time': {
    contexts: OVZ,
    syntax: 'max-retry-time <seconds>;',
    description: 'A ceiling on the SOA retry interval (the wait after a failed refresh) of secondary, mirror and stub zones.',
    default: '1209600 (2 weeks)',
  },
  'request-expire': {
    contexts: ['options', 'view', 'zone', 'server'],
    syntax: 'request-expire <boolean>;',
    description:
      'Whether a secondary asks for the EDNS EXPIRE option when it refreshes or transfers, so a zone copied from another secondary expires when the original would; from the primary the SOA expire field is used.',
    default: 'yes',
    byContext: {
      server: {
        description: 'Whether EDNS EXPIRE is asked for when transferring zones from this server.',
      },
    },
  },
  'max-ixfr-ratio': {
    contexts: OVZ,
    syntax: 'max-ixfr-ratio ( unlimited | <percentage> );',
    description:
      'When an incremental transfer would be bigger than this share of the full zone, named sends a full transfer (AXFR) instead. The minimum is 1%; `unlimited` always allows IXFR.',
    default: '100%',
    versions: 'Since 9.16.12.',
  },
  'max-records-per-type': {
    contexts: OVZ,
    syntax: 'max-records-per-type <integer>;',
    description:
      'The most records one RRset may hold: larger RRsets are refused in zones (loads, transfers, updates) and not cached. In options or a view it also limits the cache; 0 means no limit.',
    default: '100',
    versions: 'Since 9.18.28.',
  },
  'max-types-per-name': {
    contexts: OVZ,
    syntax: 'max-types-per-name <integer>;',
    description:
      'The most RR types one owner name may have, signatures counted separately (A, RRSIG(A), AAAA, RRSIG(AAAA) is four). A zone refuses the extra type; the cache answers with it but drops it at once, always keeping SOA, CNAME and DNSKEY. 0 means no limit.',
    default: '100',
    versions: 'Since 9.18.28 (a limit against CVE-2024-1737).',
  },
  'masterfile-style': {
    contexts: OVZ,
    syntax: 'masterfile-style ( full | relative );',
    description:
      'How text zone files are written out (secondary copies, dumps): `relative`, multi-line with names relative to an origin, easier to read; `full`, one record per line with absolute names, easier for scripts. Ignored unless masterfile-format is text.',
    default: 'relative',
  },
  'zero-no-soa-ttl': {
    contexts: OVZ,
    syntax: 'zero-no-soa-ttl <boolean>;',
    description: 'In authoritative negative answers to SOA queries, give the SOA record in the authority section TTL 0.',
    default: 'yes',
  },
  'check-dup-records': {
    contexts: OVZ,
    syntax: 'check-dup-records ( fail | warn | ignore );',
    description: 'For primary zones: what to do about records that plain DNS treats as the same but DNSSEC treats as different.',
    default: 'warn',
  },
  'check-mx': {
    contexts: OVZ,
    syntax: 'check-mx ( fail | warn | ignore );',
    description: 'For primary zones: what to do about MX records whose target looks like an IP address rather than a host name.',
    default: 'warn',
    ipv6: 'IPv6 literals are caught as well as IPv4 ones: `MX 10 2001:db8::25` is flagged.',
  },
  'check-mx-cname': {
    contexts: OVZ,
    syntax: 'check-mx-cname ( fail | warn | ignore );',
    description: 'For primary zones with check-integrity: what to do about MX records that point to a CNAME.',
    default: 'warn',
  },
  'check-srv-cname': {
    contexts: OVZ,
    syntax: 'check-srv-cname ( fail | warn | ignore );',
    description: 'For primary zones with check-integrity: what to do about SRV records that point to a CNAME.',
    default: 'warn',
  },
  'check-spf': {
    contexts: OVZ,
    syntax: 'check-spf ( warn | ignore );',
    description: 'For primary zones with check-integrity: warn when a name has an SPF record but no TXT record starting with `v=spf1`.',
    default: 'warn',
  },
  'check-sibling': {
    contexts: OVZ,
    syntax: 'check-sibling <boolean>;',
    description: 'For primary zones, part of check-integrity: also require glue for name servers that live in sibling zones.',
    default: 'yes',
  },
  'check-wildcard': {
    contexts: OVZ,
    syntax: 'check-wildcard <boolean>;',
    description: 'For primary zones: warn about names below a wildcard (such as `a.*.example.com`), which make the wildcard a non-terminal; that rarely works as meant (RFC 1034 matching).',
    default: 'yes',
  },
  'sig-validity-interval': {
    contexts: OVZ,
    syntax: 'sig-validity-interval <days> [ <refresh> ];',
    description:
      'How long the RRSIGs named makes for signed zones stay valid, in days (at most 3660). The optional second value is the shortest validity and how early re-signing starts (by default a quarter of the first, in hours if the first is 7 or less); new signatures get a random validity between the two.',
    default: '30 days',
    versions: 'Ignored for zones under a dnssec-policy (signatures-validity applies); obsolete in 9.20.',
  },
  'dnskey-sig-validity': {
    contexts: OVZ,
    syntax: 'dnskey-sig-validity <days>;',
    description: 'The validity, in days, of the RRSIGs over the DNSKEY RRset that named makes itself (at most 3660); 0 uses sig-validity-interval.',
    default: '0',
    versions: 'Ignored for zones under a dnssec-policy (signatures-validity-dnskey applies); obsolete in 9.20.',
  },
  'sig-signing-nodes': {
    contexts: OVZ,
    syntax: 'sig-signing-nodes <integer>;',
    description: 'When a zone is signed with a new key, how many names named visits in each slice of work before letting other tasks run.',
    default: '100',
  },
  'sig-signing-signatures': {
    contexts: OVZ,
    syntax: 'sig-signing-signatures <integer>;',
    description: 'When a zone is signed with a new key, how many new signatures end a slice of work.',
    default: '10',
  },
  'sig-signing-type': {
    contexts: OVZ,
    syntax: 'sig-signing-type <integer>;',
    description:
      'The private record type named stores its signing progress in, at the zone apex (`rndc signing -list` shows them, `rndc signing -clear` removes finished ones). Change it only if 65534 is taken.',
    default: '65534',
  },
  'update-check-ksk': {
    contexts: OVZ,
    syntax: 'update-check-ksk <boolean>;',
    description:
      'Whether the KSK flag of keys decides their use when named signs a zone: KSKs sign only the DNSKEY RRset, ZSKs the rest. With `no`, every key signs everything; per algorithm, `yes` takes effect only when both a KSK and a ZSK are active.',
    default: 'yes',
    versions: 'Ignored for zones under a dnssec-policy; obsolete in 9.20.',
  },
  'dnssec-dnskey-kskonly': {
    contexts: OVZ,
    syntax: 'dnssec-dnskey-kskonly <boolean>;',
    description: 'With update-check-ksk, sign the apex DNSKEY, CDNSKEY and CDS RRsets with KSKs only, not ZSKs.',
    default: 'yes',
    versions: 'Ignored for zones under a dnssec-policy; obsolete in 9.20.',
  },
  'dnssec-secure-to-insecure': {
    contexts: OVZ,
    syntax: 'dnssec-secure-to-insecure <boolean>;',
    description:
      'Lets a dynamic primary zone become unsigned when all its DNSKEY records are deleted by update: named then removes the RRSIG and NSEC records too (for NSEC3, delete the NSEC3PARAM as well).',
    default: 'no',
    versions: 'Obsolete in 9.20; to unsign a zone use `dnssec-policy insecure`.',
  },
  'dnssec-update-mode': {
    contexts: OVZ,
    syntax: 'dnssec-update-mode ( maintain | no-resign );',
    description:
      'For a signed zone taking dynamic updates: `maintain` signs changed records and renews signatures before they expire; `no-resign` signs changes but leaves renewal to you. Either way, updates are refused when the signing keys are unavailable.',
    default: 'maintain',
    versions: 'Obsolete in 9.20.',
  },
  'nsec3-test-zone': {
    contexts: OVZ,
    syntax: 'nsec3-test-zone <boolean>;',
    description: 'A switch for BIND\'s own tests: lets a zone that is not dynamic load with an NSEC3PARAM record of an unknown hash algorithm, with a warning.',
    default: 'no',
    versions: 'Test-only.',
    link: ARM_918,
  },
  'delegation-only': {
    contexts: ['zone'],
    syntax: 'delegation-only <boolean>;',
    description: 'For forward, hint and stub zones: also treat the zone as delegation-only, turning answers from it that are not referrals into NXDOMAIN.',
    default: 'no',
    versions: 'Deprecated in 9.18; removed in 9.20 with the delegation-only zone type.',
  },

  // ---------------------------------------------------------------- logging
  channel: {
    contexts: ['logging'],
    syntax: 'channel <name> { ( file "<path>" ... | syslog [ <facility> ] | stderr | null ); severity <level>; print-time <when>; print-category <boolean>; print-severity <boolean>; buffered <boolean>; };',
    description:
      'A log destination with its own severity filter and line format. Built-in channels: default_syslog, default_debug, default_stderr and null.',
  },
  category: {
    contexts: ['logging'],
    syntax: 'category <name> { <channel>; ... };',
    description:
      'Routes one kind of message (default, queries, security, xfer-in, lame-servers, ...) to the listed channels. `default` covers categories not configured.',
  },
  syslog: {
    contexts: ['channel'],
    syntax: 'syslog [ <facility> ];',
    description: 'Sends the channel\'s messages to syslog with the given facility.',
    default: 'daemon',
  },
  stderr: {
    contexts: ['channel'],
    syntax: 'stderr;',
    description: 'Sends the channel\'s messages to standard error (useful with named -g or -f).',
  },
  null: {
    contexts: ['channel'],
    syntax: 'null;',
    description: 'Discards the channel\'s messages.',
  },
  severity: {
    contexts: ['channel'],
    syntax: 'severity ( critical | error | warning | notice | info | debug [ <level> ] | dynamic );',
    description: 'The least important messages the channel still writes; `dynamic` follows the server\'s current debug level.',
    default: 'info',
  },
  'print-time': {
    contexts: ['channel'],
    syntax: 'print-time ( yes | no | local | iso8601 | iso8601-utc );',
    description: 'Whether and how the channel writes a timestamp in front of each message. Pointless for syslog, which adds its own.',
    default: 'no',
  },
  'print-category': {
    contexts: ['channel'],
    syntax: 'print-category <boolean>;',
    description: 'Whether each message is prefixed with its category.',
    default: 'no',
  },
  'print-severity': {
    contexts: ['channel'],
    syntax: 'print-severity <boolean>;',
    description: 'Whether each message is prefixed with its severity.',
    default: 'no',
  },
  buffered: {
    contexts: ['channel'],
    syntax: 'buffered <boolean>;',
    description: 'Whether a file channel is flushed after every message (no) or left to the stdio buffer (yes).',
    default: 'no',
  },

  // ---------------------------------------------------------------- controls, statistics-channels, key
  inet: {
    contexts: ['controls', 'statistics-channels'],
    syntax: 'inet ( <ip_address> | * ) [ port <integer> ] allow { <address_match_element>; ... } [ keys { <key>; ... } ] [ read-only <boolean> ];',
    description:
      'A TCP socket for rndc on the given address. `allow` filters by client address and `keys` lists the keys allowed to send commands.',
    default: 'port 953',
    ipv6: '`*` means every IPv4 address only. Use `::` for every IPv6 address or `::1` for local IPv6 access; add one `inet` line per family.',
    keywords: {
      allow: 'Addresses allowed to connect (key elements in this list are ignored; use `keys`).',
      keys: 'TSIG keys allowed to issue commands; without it, the key from rndc.key is used.',
      port: 'TCP port of the channel (953 for controls, 80 for statistics-channels); `*` is not allowed.',
      'read-only': 'Limit the channel to commands that change nothing (status, zonestatus, ...).',
    },
    byContext: {
      'statistics-channels': {
        syntax: 'inet ( <ip_address> | * ) [ port <integer> ] [ allow { <address_match_element>; ... } ];',
        description: 'An HTTP socket serving statistics on the given address; `allow` limits who may fetch them.',
        default: 'port 80',
        ipv6: '`*` means every IPv4 address only. Use `::` or `::1` to serve statistics over IPv6; add one `inet` line per family.',
        keywords: {
          allow: 'Addresses allowed to fetch statistics (default: any).',
          port: 'TCP port of the channel (default 80).',
        },
      },
    },
  },
  unix: {
    contexts: ['controls'],
    syntax: 'unix "<path>" perm <integer> owner <integer> group <integer> [ keys { <key>; ... } ] [ read-only <boolean> ];',
    description: 'A Unix domain socket for rndc.',
    versions: 'A fatal error since 9.18; removed in 9.20. Use `inet 127.0.0.1` / `inet ::1`.',
  },
  algorithm: {
    contexts: ['key'],
    syntax: 'algorithm <name>;',
    description: 'The TSIG algorithm of the key: hmac-sha256 (the usual choice), hmac-sha1, hmac-sha224, hmac-sha384, hmac-sha512 or hmac-md5; `-<bits>` truncates, e.g. hmac-sha256-128.',
  },
  secret: {
    contexts: ['key'],
    syntax: 'secret "<base64>";',
    description: 'The shared secret, base64-encoded; tsig-keygen or rndc-confgen make one. Keep files holding it readable only by named.',
  },

  // ---------------------------------------------------------------- server
  bogus: {
    contexts: ['server'],
    syntax: 'bogus <boolean>;',
    description: 'Never send queries to this server (or prefix).',
    default: 'no',
  },
  edns: {
    contexts: ['server'],
    syntax: 'edns <boolean>;',
    description: 'Whether EDNS is used with this server.',
    default: 'yes',
  },
  keys: {
    contexts: ['server', 'dnssec-policy'],
    syntax: 'keys <key-name>;',
    description: 'The TSIG key used to sign requests (queries, transfers, updates, NOTIFY) to this server.',
    byContext: {
      'dnssec-policy': {
        syntax: 'keys { ( csk | ksk | zsk ) [ key-directory | key-store <name> ] lifetime ( <duration> | unlimited ) algorithm <algorithm> [ <bits> ]; ... };',
        description: 'The keys each zone under the policy gets: their role, where they are stored, how long they live before rolling, and the algorithm.',
        default: 'one CSK, lifetime unlimited, algorithm 13 (ECDSAP256SHA256)',
      },
    },
  },
  transfers: {
    contexts: ['server'],
    syntax: 'transfers <integer>;',
    description: 'How many inbound transfers may run at once from this server (overrides transfers-per-ns).',
    default: 'transfers-per-ns (2)',
  },
  'transfer-format': {
    contexts: ['options', 'view', 'server'],
    syntax: 'transfer-format ( many-answers | one-answer );',
    description: 'Whether outgoing zone transfers pack many records per message or one per message (for very old servers).',
    default: 'many-answers',
  },
  'tcp-only': {
    contexts: ['server'],
    syntax: 'tcp-only <boolean>;',
    description: 'Always query this server over TCP.',
    default: 'no',
  },
  padding: {
    contexts: ['server'],
    syntax: 'padding <block-size>;',
    description: 'Pad queries to this server to a multiple of the block size (EDNS padding, for encrypted transports).',
    default: '0',
  },

  'edns-version': {
    contexts: ['server'],
    syntax: 'edns-version <integer>;',
    description:
      'The highest EDNS version the resolver uses with this server (0-255), for servers that mishandle newer versions; normal version negotiation still applies below it. Only 0 is in use today.',
  },
  'tcp-keepalive': {
    contexts: ['server'],
    syntax: 'tcp-keepalive <boolean>;',
    description: 'Add the EDNS TCP keepalive option to messages sent to this server over TCP (the timeout it returns is ignored).',
  },

  // ---------------------------------------------------------------- dlz
  search: {
    contexts: ['dlz'],
    syntax: 'search <boolean>;',
    description: 'Whether the driver is searched for every query (yes), or used only by zones that name it with a zone-level `dlz` clause (no).',
    default: 'yes',
    link: `${ARM_918_CH6}#dlz-info`,
  },

  // ---------------------------------------------------------------- tls, http
  'cert-file': {
    contexts: ['tls'],
    syntax: 'cert-file "<path>";',
    description: 'The server certificate (chain) in PEM format.',
  },
  'key-file': {
    contexts: ['tls'],
    syntax: 'key-file "<path>";',
    description: 'The private key of the certificate, in PEM format.',
  },
  'ca-file': {
    contexts: ['tls'],
    syntax: 'ca-file "<path>";',
    description: 'CA certificates used to verify the other side: clients (mutual TLS) when listening, servers when connecting.',
  },
  'dhparam-file': {
    contexts: ['tls'],
    syntax: 'dhparam-file "<path>";',
    description: 'Diffie-Hellman parameters, needed only for DHE cipher suites.',
  },
  'remote-hostname': {
    contexts: ['tls'],
    syntax: 'remote-hostname "<name>";',
    description: 'The name the remote server\'s certificate must carry; with it, outgoing TLS is authenticated (strict TLS).',
  },
  protocols: {
    contexts: ['tls'],
    syntax: 'protocols { TLSv1.2; TLSv1.3; };',
    description: 'Which TLS versions are allowed.',
  },
  ciphers: {
    contexts: ['tls'],
    syntax: 'ciphers "<openssl cipher list>";',
    description: 'The TLS 1.2 cipher suites allowed, in OpenSSL notation.',
  },
  'prefer-server-ciphers': {
    contexts: ['tls'],
    syntax: 'prefer-server-ciphers <boolean>;',
    description: 'Whether the server\'s cipher order wins over the client\'s.',
  },
  'session-tickets': {
    contexts: ['tls'],
    syntax: 'session-tickets <boolean>;',
    description: 'Whether TLS session tickets (RFC 5077) are issued for resumption.',
  },
  endpoints: {
    contexts: ['http'],
    syntax: 'endpoints { "<path>"; ... };',
    description: 'The URL paths on which DNS-over-HTTPS queries are answered.',
    default: '"/dns-query"',
  },
  'listener-clients': {
    contexts: ['http'],
    syntax: 'listener-clients <integer>;',
    description: 'The most concurrent HTTP/2 connections per listener.',
    default: 'http-listener-clients (300)',
  },
  'streams-per-connection': {
    contexts: ['http'],
    syntax: 'streams-per-connection <integer>;',
    description: 'The most concurrent HTTP/2 streams per connection.',
    default: 'http-streams-per-connection (100)',
  },

  // ---------------------------------------------------------------- dnssec-policy
  'dnskey-ttl': {
    contexts: ['dnssec-policy'],
    syntax: 'dnskey-ttl <duration>;',
    description: 'The TTL of the DNSKEY RRset of zones under the policy.',
    default: '3600 (1 hour)',
  },
  nsec3param: {
    contexts: ['dnssec-policy'],
    syntax: 'nsec3param [ iterations <integer> ] [ optout <boolean> ] [ salt-length <integer> ];',
    description: 'Use NSEC3 instead of NSEC for authenticated denial, with these parameters (0 iterations and no salt are the recommended values).',
  },
  'parent-ds-ttl': {
    contexts: ['dnssec-policy'],
    syntax: 'parent-ds-ttl <duration>;',
    description: 'The TTL of the DS records in the parent zone, used to time KSK rollovers.',
    default: '86400 (1 day)',
  },
  'parent-propagation-delay': {
    contexts: ['dnssec-policy'],
    syntax: 'parent-propagation-delay <duration>;',
    description: 'How long a change in the parent zone takes to reach all of its servers.',
    default: '1h',
  },
  'zone-propagation-delay': {
    contexts: ['dnssec-policy'],
    syntax: 'zone-propagation-delay <duration>;',
    description: 'How long a change in the zone takes to reach all of its secondaries.',
    default: '300 (5 minutes)',
  },
  'publish-safety': {
    contexts: ['dnssec-policy'],
    syntax: 'publish-safety <duration>;',
    description: 'Extra margin between publishing a new key and starting to use it.',
    default: '1h',
  },
  'retire-safety': {
    contexts: ['dnssec-policy'],
    syntax: 'retire-safety <duration>;',
    description: 'Extra margin a retired key stays published after it stops being used.',
    default: '1h',
  },
  'purge-keys': {
    contexts: ['dnssec-policy'],
    syntax: 'purge-keys <duration>;',
    description: 'How long after a key is removed from the zone its files are deleted; 0 keeps them.',
    default: 'P90D',
  },
  'signatures-refresh': {
    contexts: ['dnssec-policy'],
    syntax: 'signatures-refresh <duration>;',
    description: 'How long before expiry RRSIG records are renewed.',
    default: '5d',
  },
  'signatures-validity': {
    contexts: ['dnssec-policy'],
    syntax: 'signatures-validity <duration>;',
    description: 'How long new RRSIG records are valid.',
    default: '14d',
  },
  'signatures-validity-dnskey': {
    contexts: ['dnssec-policy'],
    syntax: 'signatures-validity-dnskey <duration>;',
    description: 'How long new RRSIG records over the DNSKEY RRset are valid.',
    default: '14d',
  },

  'signatures-jitter': {
    contexts: ['dnssec-policy'],
    syntax: 'signatures-jitter <duration>;',
    description:
      'Spreads signature expiry: a new RRSIG is valid for signatures-validity minus a random part of this, so they do not all expire at once. It must be shorter than signatures-validity and signatures-validity-dnskey.',
    default: '12h',
    versions: 'Since 9.18.27.',
  },
  'parent-registration-delay': {
    contexts: ['dnssec-policy'],
    syntax: 'parent-registration-delay <duration>;',
    description: 'Was the expected delay before a new DS record appears in the parent; named now learns that from parental agents or `rndc dnssec -checkds`, and ignores this with a warning.',
    versions: 'Obsolete (no effect) in 9.18; removed in 9.20.',
    link: ARM_918,
  },

  // ---------------------------------------------------------------- key-store
  'pkcs11-uri': {
    contexts: ['key-store'],
    syntax: 'pkcs11-uri "<uri>";',
    description: 'The PKCS#11 URI of the HSM token where keys of this store are created and used.',
    versions: 'New in 9.20.',
    link: armLink('key-store', ARM_920),
  },

  // ---------------------------------------------------------------- rate-limit
  'responses-per-second': {
    contexts: ['rate-limit'],
    syntax: 'responses-per-second <integer>;',
    description: 'How many identical non-error responses per second one client network may get before rate limiting starts; 0 means no limit.',
    default: '0',
  },
  'errors-per-second': {
    contexts: ['rate-limit'],
    syntax: 'errors-per-second <integer>;',
    description: 'The limit for error responses (REFUSED, FORMERR, SERVFAIL).',
    default: 'responses-per-second',
  },
  'nxdomains-per-second': {
    contexts: ['rate-limit'],
    syntax: 'nxdomains-per-second <integer>;',
    description: 'The limit for NXDOMAIN responses, to dampen random-subdomain floods.',
    default: 'responses-per-second',
  },
  window: {
    contexts: ['rate-limit'],
    syntax: 'window <seconds>;',
    description: 'The period over which response rates are averaged.',
    default: '15',
  },
  slip: {
    contexts: ['rate-limit'],
    syntax: 'slip <integer>;',
    description: 'Every n-th dropped response is sent truncated instead, so real clients can retry over TCP; 0 never does.',
    default: '2',
  },
  'ipv4-prefix-length': {
    contexts: ['rate-limit'],
    syntax: 'ipv4-prefix-length <integer>;',
    description: 'IPv4 clients are counted together per network of this prefix length.',
    default: '24',
    ipv6: 'IPv4 only; IPv6 clients are grouped by ipv6-prefix-length.',
  },
  'ipv6-prefix-length': {
    contexts: ['rate-limit'],
    syntax: 'ipv6-prefix-length <integer>;',
    description: 'IPv6 clients are counted together per network of this prefix length.',
    default: '56',
    ipv6: 'A site typically owns a /48 or /56; a longer prefix lets one attacker spread over many buckets.',
  },
  'exempt-clients': {
    contexts: ['rate-limit'],
    syntax: `exempt-clients ${AML};`,
    description: 'Clients never rate limited.',
    ipv6: 'List monitoring hosts by their IPv6 addresses too.',
    aml: true,
  },
  'log-only': {
    contexts: ['rate-limit'],
    syntax: 'log-only <boolean>;',
    description: 'Only log what would be limited, without dropping anything (for tuning).',
    default: 'no',
  },

  'referrals-per-second': {
    contexts: ['rate-limit'],
    syntax: 'referrals-per-second <integer>;',
    description: 'The limit for referrals (delegations to a child zone\'s servers).',
    default: 'responses-per-second',
  },
  'nodata-per-second': {
    contexts: ['rate-limit'],
    syntax: 'nodata-per-second <integer>;',
    description: 'The limit for empty (NODATA) answers about an existing name, whatever the type asked.',
    default: 'responses-per-second',
  },
  'all-per-second': {
    contexts: ['rate-limit'],
    syntax: 'all-per-second <integer>;',
    description:
      'A limit on all UDP responses to one client network, of every kind; responses over it are dropped, never slipped. Set it well above the other limits (at least four times), since real clients send bursts; 0 means no limit.',
    default: '0',
  },
  'qps-scale': {
    contexts: ['rate-limit'],
    syntax: 'qps-scale <integer>;',
    description:
      'Tightens the limits under load: when all clients together send more queries per second than this, the per-second limits shrink by that ratio (with qps-scale 100 at 400 q/s, a limit of 20 becomes 5). TCP and valid-cookie queries count toward the rate but are never limited.',
    default: 'off',
  },
  'max-table-size': {
    contexts: ['rate-limit'],
    syntax: 'max-table-size <integer>;',
    description:
      'The most entries the rate-limit table may grow to; it needs about one per query received each second, at 40 to 80 bytes each. The rate-limit log category shows when it grows.',
    default: '20000',
  },
  'min-table-size': {
    contexts: ['rate-limit'],
    syntax: 'min-table-size <integer>;',
    description: 'The number of entries the rate-limit table starts with, to avoid growing it step by step on a busy server.',
    default: '500',
  },

  // ---------------------------------------------------------------- dns64
  clients: {
    contexts: ['dns64'],
    syntax: `clients ${AML};`,
    description: 'The clients that get synthesized AAAA records from this dns64 prefix.',
    default: 'any',
    ipv6: 'Usually the IPv6-only networks behind the NAT64; dual-stack clients do better without synthesis.',
    aml: true,
  },
  mapped: {
    contexts: ['dns64'],
    syntax: `mapped ${AML};`,
    description: 'The IPv4 addresses from A records that may be mapped into AAAA records.',
    default: 'any',
    ipv6: 'Exclude private IPv4 ranges that the NAT64 cannot reach.',
    aml: true,
  },
  exclude: {
    contexts: ['dns64'],
    syntax: `exclude ${AML};`,
    description: 'IPv6 addresses in real AAAA records that are treated as absent, so synthesis happens anyway.',
    default: '::ffff:0.0.0.0/96',
    ipv6: 'Add prefixes that are unusable for your clients (e.g. unreachable ULA space).',
    aml: true,
  },
  suffix: {
    contexts: ['dns64'],
    syntax: 'suffix <ipv6_address>;',
    description: 'The bits placed after the embedded IPv4 address in synthesized addresses.',
    default: '::',
  },
  'recursive-only': {
    contexts: ['dns64'],
    syntax: 'recursive-only <boolean>;',
    description: 'Synthesize only for recursive queries.',
    default: 'no',
  },
  'break-dnssec': {
    contexts: ['dns64'],
    syntax: 'break-dnssec <boolean>;',
    description: 'Synthesize even when the client asked for DNSSEC data and the answer is signed (the synthesized record cannot validate).',
    default: 'no',
  },
};

/** Predefined address match list names (valid inside any address match list). */
export interface AclDoc {
  description: string;
  ipv6: string;
}

export const PREDEFINED_ACLS: Record<string, AclDoc> = {
  any: {
    description: 'Matches every address.',
    ipv6: 'Both families: every IPv4 and every IPv6 client.',
  },
  none: {
    description: 'Matches no address; `{ none; }` turns off whatever the list allows or listens on.',
    ipv6: '`listen-on-v6 { none; };` is the way to stop named listening on IPv6.',
  },
  localhost: {
    description: 'Matches the addresses of the server\'s own interfaces (not only the loopback), kept current as addresses come and go.',
    ipv6: 'Includes the host\'s IPv6 addresses: ::1 and its global, ULA and link-local IPv6 addresses.',
  },
  localnets: {
    description: 'Matches any address on a network the server has an interface on, kept current as addresses come and go.',
    ipv6: 'Includes the IPv6 prefixes of the host\'s interfaces. Where the system does not report IPv6 prefix lengths, only the host\'s own IPv6 addresses match (as with localhost).',
  },
};

/** The top-level statements of BIND 9.18 and 9.20 (plus 9.21's `template`). */
export const TOP_LEVEL_STATEMENTS: readonly string[] = Object.keys(BIND_DOCS)
  .filter((n) => BIND_DOCS[n].contexts.includes('top'))
  .sort();

/** Contexts whose bodies are statements; anything else with braces holds a list. */
export const STATEMENT_CONTEXTS: ReadonlySet<string> = new Set<string>(
  Object.values(BIND_DOCS).flatMap((d) => [...d.contexts]),
);

/** Context names other layers may use for the same block (a zone `template` takes zone clauses). */
const CONTEXT_ALIASES: Record<string, BindContext> = { template: 'zone' };

export function normalizeContext(context: string): string {
  return CONTEXT_ALIASES[context] ?? context;
}

/** The doc of `name` as it applies in `context`; undefined only when the name is not documented at all. */
export function docFor(name: string, context: string): ResolvedDoc | undefined {
  const key = name.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(BIND_DOCS, key)) return undefined;
  const base = BIND_DOCS[key];
  const ctx = normalizeContext(context);
  const validHere = (base.contexts as readonly string[]).includes(ctx);
  const override = validHere ? base.byContext?.[ctx as BindContext] : undefined;
  const { byContext: _by, contexts, ...text } = base;
  void _by;
  const merged: ClauseDocText = { ...text, ...override };
  return {
    ...merged,
    name: key,
    contexts,
    context: ctx,
    validHere,
    link: merged.link ?? armLink(key),
  };
}

/** Clause names BIND accepts in a context, sorted. */
export function clausesFor(context: string): string[] {
  const ctx = normalizeContext(context);
  return Object.keys(BIND_DOCS)
    .filter((n) => (BIND_DOCS[n].contexts as readonly string[]).includes(ctx))
    .sort();
}
