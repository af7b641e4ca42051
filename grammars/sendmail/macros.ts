// The macro names the .mc grammar must know to read a file the way m4 does: GNU m4's builtins, the macros
// sendmail's cf/m4/cfhead.m4 defines, and which of them switch to an opaque sendmail.cf section.
// Names only; what each one means lives in server/src/dialects/sendmail/catalogue.

/** GNU m4 1.4 builtins. A builtin followed directly by `(` is always a call. */
export const M4_BUILTINS: readonly string[] = [
  'define', 'undefine', 'defn', 'pushdef', 'popdef', 'indir', 'builtin', 'ifdef', 'ifelse', 'shift',
  'changequote', 'changecom', 'changeword', 'm4wrap', 'include', 'sinclude', 'divert', 'undivert', 'divnum',
  'dnl', 'len', 'index', 'regexp', 'substr', 'translit', 'patsubst', 'format', 'incr', 'decr', 'eval',
  'syscmd', 'esyscmd', 'sysval', 'mkstemp', 'maketemp', 'errprint', 'm4exit', '__file__', '__line__',
  '__program__', 'traceon', 'traceoff', 'dumpdef', 'debugmode', 'debugfile', '__gnu__', '__unix__',
];

/**
 * Builtins that act even without an argument list (GNU m4 recognises the others only when `(` follows).
 * In a `#` line these still change what m4 does: `divert` sends output to diversion 0, `changequote` resets
 * the quotes, `m4exit` stops m4.
 */
export const M4_BARE_EFFECT: readonly string[] = ['divert', 'undivert', 'changequote', 'changecom', 'm4exit'];

/** The macros of sendmail's cf/m4/cfhead.m4 (and proto.m4) meant for .mc files. */
export const CF_MACROS: readonly string[] = [
  'OSTYPE', 'DOMAIN', 'FEATURE', 'HACK', 'MAILER', 'VERSIONID', 'DAEMON_OPTIONS', 'CLIENT_OPTIONS',
  'INPUT_MAIL_FILTER', 'MAIL_FILTER', 'QUEUE_GROUP', 'MODIFY_MAILER_FLAGS', 'SITECONFIG', 'SITE', 'UUCPSMTP',
  'CONCAT', 'DOL', 'PUSHDIVERT', 'POPDIVERT', 'EXPOSED_USER', 'EXPOSED_USER_FILE', 'LOCAL_USER', 'LOCAL_USER_FILE',
  'MASQUERADE_AS', 'MASQUERADE_DOMAIN', 'MASQUERADE_DOMAIN_FILE', 'MASQUERADE_EXCEPTION', 'MASQUERADE_EXCEPTION_FILE',
  'LOCAL_DOMAIN', 'CANONIFY_DOMAIN', 'CANONIFY_DOMAIN_FILE', 'GENERICS_DOMAIN', 'GENERICS_DOMAIN_FILE',
  'LDAPROUTE_DOMAIN', 'LDAPROUTE_DOMAIN_FILE', 'LDAPROUTE_EQUIVALENT', 'LDAPROUTE_EQUIVALENT_FILE',
  'VIRTUSER_DOMAIN', 'VIRTUSER_DOMAIN_FILE', 'RELAY_DOMAIN', 'RELAY_DOMAIN_FILE', 'TRUST_AUTH_MECH',
  'LOCAL_CONFIG', 'LOCAL_RULESETS', 'LOCAL_RULE_0', 'LOCAL_RULE_1', 'LOCAL_RULE_2', 'LOCAL_RULE_3',
  'LOCAL_NET_CONFIG', 'LOCAL_DNSBL', 'LOCAL_UUCP', 'LOCAL_SRV_FEATURES', 'LOCAL_CLT_FEATURES', 'LOCAL_TRY_TLS',
  'LOCAL_TLS_RCPT', 'LOCAL_TLS_CLIENT', 'LOCAL_TLS_SERVER', 'MAILER_DEFINITIONS', 'lower', 'strcasecmp',
];

/**
 * Macros after which the text is sendmail.cf lines (rules, maps, classes) that m4 copies to a diversion:
 * v6ready keeps such lines opaque and reads only the m4 lines among them.
 */
export const SECTION_MACROS: readonly string[] = [
  'LOCAL_CONFIG', 'LOCAL_RULESETS', 'LOCAL_RULE_0', 'LOCAL_RULE_1', 'LOCAL_RULE_2', 'LOCAL_RULE_3',
  'LOCAL_NET_CONFIG', 'LOCAL_DNSBL', 'LOCAL_UUCP', 'LOCAL_SRV_FEATURES', 'LOCAL_CLT_FEATURES', 'LOCAL_TRY_TLS',
  'LOCAL_TLS_RCPT', 'LOCAL_TLS_CLIENT', 'LOCAL_TLS_SERVER', 'MAILER_DEFINITIONS',
];

const builtins = new Set(M4_BUILTINS);
const cfMacros = new Set(CF_MACROS);
const sections = new Set(SECTION_MACROS);

export function isBuiltin(name: string): boolean {
  return builtins.has(name);
}

export function isCfMacro(name: string): boolean {
  return cfMacros.has(name);
}

export function isSectionMacro(name: string): boolean {
  return sections.has(name);
}

/** A name m4 expands when cf.m4 is loaded (before any define in the file). */
export function isKnownMacro(name: string): boolean {
  return builtins.has(name) || cfMacros.has(name);
}
