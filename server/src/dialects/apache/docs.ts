// Hover text for httpd directives, in our own words: what each one does and how it treats IPv4 and IPv6.
// The facts beside them (module, contexts, syntax line, default) come from the generated catalogue; directives
// without an entry here are shown with those facts and the link to their manual page.

export interface DirectiveNote {
  /** One or two sentences. */
  description: string;
  /** How it treats the two address families (the traps v6ready's rules look for). */
  ipv6?: string;
}

const ADDR_NOTE = 'Write IPv6 addresses in brackets, `[2001:db8::1]:80`: without them httpd takes the digits after the last colon as the port.';

export const NOTES: Record<string, DirectiveNote> = {
  listen: {
    description: 'Opens a listening socket on a port, optionally only on one address, optionally for a named protocol (`https`). Several Listen lines add sockets; httpd refuses two for the same address and port.',
    ipv6:
      '`Listen 80` and `Listen [::]:80` are one dual-stack socket on Linux (IPv4 arrives as IPv4-mapped). `Listen 0.0.0.0:80` or an IPv4 address is IPv4 only. ' +
      'A specific IPv4 Listen beside a wildcard on the same port makes httpd fail to start on Linux. ' + ADDR_NOTE,
  },
  '<virtualhost>': {
    description: 'Holds the directives of one virtual host, chosen by the address and port the connection arrived on (then by ServerName/ServerAlias among those sharing it).',
    ipv6: 'A virtual host with IPv4 addresses only never sees IPv6 requests: they go to the default one. `<VirtualHost ::1>` is read as host `:` and silently dropped; write `[::1]`.',
  },
  namevirtualhost: { description: 'Obsolete since 2.3.11: name-based virtual hosting is automatic for any address:port several virtual hosts share. httpd ignores it and logs AH00548.' },
  servername: {
    description: 'The host name (and optionally scheme and port) the server uses to identify itself, in redirects and to pick a name-based virtual host.',
    ipv6: 'httpd 2.4 refuses an IPv6 literal here, bracketed or not: use a host name with an AAAA record.',
  },
  serveralias: { description: 'More names (wildcards allowed) a name-based virtual host answers to.', ipv6: '`[` starts a wildcard character class here, so `ServerAlias [::1]` does not match the literal host `[::1]`.' },
  serverroot: { description: 'The directory relative paths in the configuration (modules, Include, logs) are resolved against.' },
  documentroot: { description: 'The directory httpd serves URLs from when no Alias or handler says otherwise.' },
  include: { description: 'Reads other configuration files at this point, in the current context. Wildcards are allowed in the file name; a path that matches nothing is an error.' },
  includeoptional: { description: 'Like Include, but a wildcard or path that matches nothing is silently skipped.' },
  '<ifmodule>': { description: 'Reads the enclosed directives only when the named module (`mod_ssl.c` or `ssl_module`) is loaded; `!` inverts the test.' },
  '<ifdefine>': { description: 'Reads the enclosed directives only when a parameter is defined, by `-D` on the command line or by `Define`; `!` inverts the test.' },
  '<ifversion>': { description: 'Reads the enclosed directives only when the running httpd version matches the comparison.' },
  '<if>': { description: 'Applies the enclosed directives per request, when the expression (ap_expr syntax) is true.' },
  '<elseif>': { description: 'Applies the enclosed directives when the preceding <If>/<ElseIf> did not and this expression is true.' },
  '<else>': { description: 'Applies the enclosed directives when the preceding <If>/<ElseIf> did not.' },
  '<directory>': { description: 'Directives applying to a file-system directory and everything below it.' },
  '<directorymatch>': { description: 'Like <Directory>, for directories whose path matches a regular expression.' },
  '<location>': { description: 'Directives applying to URLs that start with the given path, whatever file they map to.' },
  '<locationmatch>': { description: 'Like <Location>, for URLs matching a regular expression.' },
  '<files>': { description: 'Directives applying to files with the given name (wildcards allowed), in any directory.' },
  '<filesmatch>': { description: 'Like <Files>, for file names matching a regular expression.' },
  '<proxy>': { description: 'Directives applying to proxied resources whose URL starts with the given prefix.' },
  '<macro>': { description: 'Defines a mod_macro template; `Use` expands it with arguments. Its body is checked where it is used.' },
  define: { description: 'Defines a variable for `${NAME}` substitution in the rest of the configuration (and for <IfDefine>).' },
  undefine: { description: 'Removes a variable set by Define or -D.' },
  loadmodule: { description: 'Loads a module from a shared object file and adds its directives. Directives of a module that is not loaded are "Invalid command".' },
  require: {
    description: 'Authorization: who may access the resource (`all granted`, `ip ...`, `host ...`, `user ...`, `local`, ...). Several Require lines combine as RequireAny unless grouped.',
    ipv6: '`Require ip` matches the address the client really used: `127.0.0.1` does not admit `::1`. Add the IPv6 addresses, or use `Require local` for both loopbacks.',
  },
  allow: { description: 'Old (mod_access_compat) access control: which hosts may access the resource, combined with Deny by Order.', ipv6: 'Like Require ip: an IPv4 address or network does not admit the same host arriving over IPv6.' },
  deny: { description: 'Old (mod_access_compat) access control: which hosts are refused, combined with Allow by Order.' },
  order: { description: 'Old (mod_access_compat) access control: in which order Allow and Deny are evaluated and what the default is.' },
  proxypass: { description: 'Maps a local URL path to a backend URL (reverse proxy).', ipv6: ADDR_NOTE.replace('the port', 'the port (URLs too: `http://[2001:db8::1]:8080/`)') },
  proxypassreverse: { description: 'Rewrites Location and similar headers in backend responses so redirects point at the proxy.', ipv6: 'Bracket IPv6 literals in the URL.' },
  redirect: { description: 'Sends the client an HTTP redirect for URLs starting with the given path.', ipv6: 'Bracket IPv6 literals in the target URL.' },
  redirectmatch: { description: 'Like Redirect, with a regular expression on the URL path.', ipv6: 'Bracket IPv6 literals in the target URL.' },
  rewriterule: { description: 'mod_rewrite: rewrites (or redirects, proxies, refuses) URLs matching a regular expression, after the RewriteCond lines before it.', ipv6: 'Bracket IPv6 literals in target URLs.' },
  rewritecond: { description: 'mod_rewrite: a condition the next RewriteRule needs.' },
  rewriteengine: { description: 'Turns mod_rewrite processing on or off in this context.' },
  errorlog: { description: 'Where the error log goes: a file, `|program`, or `syslog:facility`.' },
  customlog: { description: 'Writes an access log in a format (nickname or string) to a file or program.' },
  loglevel: { description: 'How verbose the error log is, globally or per module (`LogLevel warn ssl:info`).' },
  pidfile: { description: 'The file the main httpd process writes its PID to.' },
  user: { description: 'The user the child processes run as after startup.' },
  group: { description: 'The group the child processes run as after startup.' },
  options: { description: 'Features enabled in a directory: Indexes, FollowSymLinks, ExecCGI, Includes, MultiViews, ...' },
  allowoverride: { description: 'Which classes of directives .htaccess files in this directory may set (None, All, or a list).' },
  directoryindex: { description: 'The files served when a directory URL is requested.' },
  keepalive: { description: 'Whether a connection stays open for more requests.' },
  timeout: { description: 'Seconds httpd waits on network I/O before giving up.' },
  sslengine: { description: 'Turns TLS on for this virtual host (or server).' },
  sslcertificatefile: { description: 'The certificate (PEM) of this virtual host, optionally with its chain.' },
  sslcertificatekeyfile: { description: 'The private key of the certificate.' },
  sslprotocol: { description: 'Which TLS protocol versions are offered.' },
  sslciphersuite: { description: 'Which cipher suites TLS may negotiate.' },
  header: { description: 'Adds, changes or removes HTTP response headers.' },
  requestheader: { description: 'Adds, changes or removes HTTP request headers before the request is handled.' },
  setenvif: { description: 'Sets environment variables from request attributes matching a regular expression.' },
  addtype: { description: 'Maps file extensions to a content type.' },
  addhandler: { description: 'Maps file extensions to a handler.' },
  alias: { description: 'Maps a URL path to a file-system path outside DocumentRoot.' },
  scriptalias: { description: 'Like Alias, and marks the target as CGI scripts.' },
  errordocument: { description: 'What the client gets for an HTTP error status: a local URL, an external URL or a message.' },
  hostnamelookups: { description: 'Whether client addresses are looked up in DNS for logging (costly).' },
  usecanonicalname: { description: 'Whether self-referential URLs use ServerName or the Host header the client sent.' },
  serveradmin: { description: 'The contact address shown in error pages.' },
  servertokens: { description: 'How much the Server response header tells about the software.' },
  serversignature: { description: 'Whether server-generated pages carry a footer line naming the server.' },
  mutex: { description: 'Which locking mechanism (and directory) httpd uses for the named internal mutexes.' },
  defaultruntimedir: { description: 'The directory for httpd\'s runtime files (shared memory, sockets).' },
  maxrequestworkers: { description: 'How many requests httpd serves at once at most (2.4 name of MaxClients).' },
  remoteipheader: { description: 'mod_remoteip: the header (from trusted proxies) that carries the real client address.', ipv6: 'The proxies listed with RemoteIPTrustedProxy/RemoteIPInternalProxy must include their IPv6 addresses if they connect over IPv6.' },
  remoteiptrustedproxy: { description: 'mod_remoteip: proxies whose client-address header is believed.', ipv6: 'List IPv6 addresses or prefixes too when proxies reach httpd over IPv6.' },
  remoteipinternalproxy: { description: 'mod_remoteip: internal proxies whose client-address header is believed (private addresses allowed).', ipv6: 'List IPv6 addresses or prefixes too when proxies reach httpd over IPv6.' },
};

export function noteFor(key: string): DirectiveNote | undefined {
  return Object.prototype.hasOwnProperty.call(NOTES, key) ? NOTES[key] : undefined;
}
