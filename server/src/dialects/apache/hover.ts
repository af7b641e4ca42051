// Hover and completion for httpd.conf: directive docs (catalogue facts + our notes), ${VAR} values, directive
// names valid in the context at the cursor, and the documented values of a few keyword directives.
import type { CompletionEntry, HoverDoc } from '../../core/types';
import {
  allDirectives, contextList, handlerNote, handlerRefusal, lookupDirective, manualLink, refusedInEveryForm,
  type DirectiveFact, type EnclosingSection,
} from './catalogue';
import { noteFor } from './docs';
import { bodyContext, type ApacheContext, type ApacheModel, type Directive } from './model';
import { lineStartAt } from '../../core/text';

const NEED: Partial<Record<ApacheContext, string>> = { server: 's', vhost: 'v', directory: 'd' };

function moduleLabel(f: DirectiveFact): string {
  if (f.module === 'mpm_common' && f.mpms?.length) return `${f.module} (${f.mpms.join(', ')})`;
  return f.module;
}

/** Markdown for a directive; `here` adds a warning when it is not valid in that context, `refusal` httpd's words
 *  when the directive's handler refuses it where it stands. */
export function renderDirective(f: DirectiveFact, here?: ApacheContext, refusal?: string): string {
  const parts: string[] = [`**${f.name}** — ${moduleLabel(f)}`];
  const need = here ? NEED[here] : undefined;
  if (f.trunk) parts.push('⚠ Only in httpd\'s development branch (trunk): httpd 2.4 reports it as an invalid command.');
  if (need && f.contexts && !f.contexts.includes(need)) parts.push(`⚠ Not valid here (${here === 'vhost' ? 'virtual host' : here === 'server' ? 'server config' : 'directory'}); httpd accepts it in: ${contextList(f.contexts)}.`);
  else if (refusal) parts.push(`⚠ Not valid here: httpd says "${refusal}".`);
  if (f.syntax) parts.push('```apacheconf\n' + f.syntax + '\n```');
  const note = noteFor(f.name.toLowerCase());
  parts.push(note?.description ?? `A directive of ${f.module}${f.undocumented ? ' that the 2.4 manual no longer describes (kept for old configurations)' : ''}; see the manual for its meaning.`);
  if (f.default) parts.push(`**Default:** \`${f.default}\``);
  const limits = handlerNote(f);
  if (f.contexts) parts.push(`**Context:** ${contextList(f.contexts)}${limits ? ` (${limits})` : ''}${f.override ? ` · **.htaccess needs** AllowOverride ${f.override}` : ''}`);
  if (note?.ipv6) parts.push(`**IPv6:** ${note.ipv6}`);
  if (f.since) parts.push(`**Since:** httpd ${f.since}`);
  if (!f.undocumented) parts.push(`[httpd ${f.trunk ? 'trunk' : '2.4'} manual: ${f.name}](${manualLink(f)})`);
  return parts.join('\n\n');
}

const covers = (s: { start: number; end: number }, offset: number) => s.start <= offset && offset < s.end;

/** The value a `${NAME}` gets from a Define earlier in the file. */
function defineValue(model: ApacheModel, name: string, before: number): string | undefined {
  let value: string | undefined;
  for (const d of model.all) {
    if (d.section || d.span.start >= before) continue;
    if (d.lname === 'define' && d.args[0]?.value === name) value = d.args[1]?.value ?? '(defined, no value)';
    if (d.lname === 'undefine' && d.args[0]?.value === name) value = undefined;
  }
  return value;
}

export function apacheHover(model: ApacheModel, _text: string, offset: number): HoverDoc | undefined {
  for (const d of model.all) {
    if (offset < d.span.start || offset > d.span.end) continue;
    if (covers(d.nameSpan, offset) || (d.close && covers(d.close, offset))) {
      if (!d.fact) return undefined;
      const encl: EnclosingSection[] = [];
      for (let p = d.parent; p; p = p.parent) encl.push({ lname: p.lname, name: p.name });
      const refusal = handlerRefusal(d.fact, d.args.length, encl, d.context === 'server' || d.context === 'vhost');
      return { markdown: renderDirective(d.fact, d.context, refusal), span: covers(d.nameSpan, offset) ? d.nameSpan : d.close! };
    }
    for (const a of d.args) {
      if (!covers(a, offset)) continue;
      for (const m of a.image.matchAll(/\$\{([^}]+)\}/g)) {
        const s = a.start + m.index!;
        const span = { start: s, end: s + m[0].length };
        if (!covers(span, offset)) continue;
        const v = defineValue(model, m[1], d.span.start);
        return {
          markdown: v !== undefined
            ? `**\${${m[1]}}** = \`${v}\` (Define earlier in this file)`
            : `**\${${m[1]}}**: not defined in this file; httpd takes it from \`Define\` elsewhere, \`-D\`, or its environment (Debian: /etc/apache2/envvars), and warns "AH00111: Config variable \${${m[1]}} is not defined" otherwise.`,
          span,
        };
      }
    }
  }
  return undefined;
}

/** The innermost section whose body holds the offset. */
function enclosing(model: ApacheModel, offset: number): Directive | undefined {
  let best: Directive | undefined;
  for (const d of model.all) {
    if (!d.section) continue;
    const bodyStart = d.lineEnd;
    const bodyEnd = d.close ? d.close.start : Number.MAX_SAFE_INTEGER;
    if (bodyStart < offset && offset <= bodyEnd && (!best || d.span.start >= best.span.start)) best = d;
  }
  return best;
}

/** A documented value: the word, and which module provides it (for Require's providers). */
type Value = readonly [label: string, detail?: string];

// Options (core, manual: core.html#options): each keyword alone, or all with + / -; All and None never take a sign
// (apache2 -t: "You may not use 'Options +All' or 'Options -All'").
const OPTIONS = ['FollowSymLinks', 'SymLinksIfOwnerMatch', 'Indexes', 'ExecCGI', 'Includes', 'IncludesNOEXEC', 'MultiViews'];
// AllowOverride (core.html#allowoverride): the override classes; Options=... limits which Options .htaccess may set.
const ALLOW_OVERRIDE = ['All', 'None', 'AuthConfig', 'FileInfo', 'Indexes', 'Limit', 'Options'];
// LogLevel (core.html#loglevel): the levels, most to least severe.
const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', ...Array.from({ length: 8 }, (_, i) => `trace${i + 1}`)];
// Require (mod_authz_core.html#require): the authorization providers of httpd's own modules, with the module that
// registers each (modules/aaa/*.c ap_register_auth_provider); httpd refuses a provider whose module is not loaded
// ("Unknown Authz provider: user").
const REQUIRE: readonly Value[] = [
  ['all', 'mod_authz_core: all granted | all denied'],
  ['env', 'mod_authz_core: an environment variable is set'],
  ['method', 'mod_authz_core: HTTP methods'],
  ['expr', 'mod_authz_core: an ap_expr expression'],
  ['local', 'mod_authz_host: a loopback address (127.0.0.0/8, ::1) or the server\'s own'],
  ['ip', 'mod_authz_host: addresses or prefixes, IPv4 or IPv6'],
  ['host', 'mod_authz_host: host names (double reverse DNS lookup)'],
  ['forward-dns', 'mod_authz_host: host names (forward lookup only)'],
  ['user', 'mod_authz_user: named users'],
  ['valid-user', 'mod_authz_user: any authenticated user'],
  ['group', 'mod_authz_groupfile: named groups'],
];

/** The values offered for the argument being typed (`words`: the arguments so far, the last one being typed). */
function valueCompletions(f: DirectiveFact, words: readonly string[]): CompletionEntry[] {
  const at = words.length - 1;
  const typed = words[at];
  const value = ([label, detail]: Value): CompletionEntry => ({ label, kind: 'value', detail: detail ?? `${f.name} value` });
  switch (f.name.toLowerCase()) {
    case 'options': {
      const sign = /^[+-]/.exec(typed)?.[0];
      const signed = words.slice(0, at).some((w) => /^[+-]/.test(w));
      // httpd: "Either all Options must start with + or -, or no Option may."
      if (sign || (signed && at > 0)) return OPTIONS.map((o) => value([`${sign ?? '+'}${o}`]));
      return [...(at === 0 ? ['All', 'None'] : []), ...OPTIONS].map((o) => value([o]));
    }
    case 'allowoverride':
      return [...ALLOW_OVERRIDE.map((o) => value([o])), { label: 'Options=', kind: 'value', detail: 'AllowOverride value: the Options .htaccess may set', snippet: 'Options=${1:Indexes,MultiViews}' }];
    case 'loglevel':
      return LOG_LEVELS.map((l) => value([l]));
    case 'require':
      if (at === 0) return REQUIRE.map(value);
      if (at === 1 && words[0].toLowerCase() === 'not') return REQUIRE.filter(([p]) => p !== 'all').map(value);
      if (at === 1 && words[0].toLowerCase() === 'all') return [value(['granted', 'mod_authz_core: every request']), value(['denied', 'mod_authz_core: no request'])];
      return [];
    case 'listen':
      // A bare port listens on every address, IPv6 and IPv4 alike (research/real-daemons.md §2).
      return at === 0 ? ['80', '443'].map((p) => value([p, `Listen value: port ${p} on every address, IPv6 and IPv4`])) : [];
  }
  if (f.args === 'FLAG' && at === 0) return ['On', 'Off'].map((label) => value([label]));
  return [];
}

/** The sections around the offset, innermost first. */
function enclosingChain(model: ApacheModel, offset: number): EnclosingSection[] {
  const out: EnclosingSection[] = [];
  for (let d = enclosing(model, offset); d; d = d.parent) out.push({ lname: d.lname, name: d.name });
  return out;
}

/**
 * Directives httpd 2.4 still reads whose manual points to a replacement: offered tagged deprecated. mod_access_compat's
 * Order/Allow/Deny/Satisfy give way to mod_authz_core's Require; `SSLRequire` to `Require expr`; `SSLCertificateChainFile`
 * to the chain in `SSLCertificateFile` (2.4.8); `NameVirtualHost` has done nothing since 2.3.11 (AH00548).
 */
const DEPRECATED_MODULES: ReadonlySet<string> = new Set(['mod_access_compat']);
const DEPRECATED_DIRECTIVES: ReadonlySet<string> = new Set(['sslrequire', 'sslcertificatechainfile', 'namevirtualhost']);

/** Does the line starting at `lineStart` continue the one above (which ends with `\` right before its line break)? */
function continuesLineAbove(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  if (end > 0 && text.charCodeAt(end - 1) === 0x0d) end--;
  return end > 0 && text.charCodeAt(end - 1) === 0x5c;
}

export function apacheCompletions(model: ApacheModel, text: string, offset: number): CompletionEntry[] {
  const lineStart = lineStartAt(text, offset);
  // httpd joins a line ending in `\` with the next: what is typed there is more of that directive, not a new one.
  if (continuesLineAbove(text, lineStart)) return [];
  const before = text.slice(lineStart, offset);
  // Past the directive name: its documented values (On/Off for flags).
  const m = /^\s*(<?\/?)([^\s<>]*)(\s+)?/.exec(before)!;
  if (m[3] !== undefined) {
    if (m[1] !== '' || m[2].startsWith('#')) return [];
    const f = lookupDirective(m[2].toLowerCase());
    if (!f) return [];
    const rest = before.slice(m[0].length);
    if (/["'#]/.test(rest)) return [];
    return valueCompletions(f, rest.split(/\s+/));
  }
  if (before.trimStart().startsWith('#')) return [];
  const section = enclosing(model, offset);
  const ctx: ApacheContext = section ? bodyContext(section.lname, section.context, section.fact) : model.topContext;
  const need = NEED[ctx];
  const chain = section ? enclosingChain(model, offset) : [];
  const out: CompletionEntry[] = [];
  for (const f of allDirectives()) {
    if (f.trunk || f.undocumented) continue;
    if (need && f.contexts && !f.contexts.includes(need)) continue;
    // Refused by its handler in this section in every form (Alias, ProxyPass in <Directory>).
    if (chain.length && refusedInEveryForm(f, chain)) continue;
    const isSection = f.name.startsWith('<');
    const label = isSection ? f.name.slice(1, -1) : f.name;
    const entry: CompletionEntry = {
      label: isSection ? `<${label}>` : label,
      kind: isSection ? 'snippet' : 'property',
      detail: `${f.module}${f.syntax ? ` — ${f.syntax}` : ''}`,
      documentation: renderDirective(f),
    };
    if (isSection) entry.snippet = `${m[1] === '<' ? '' : '<'}${label} \${1}>\n\t\$0\n</${label}>`;
    if (DEPRECATED_MODULES.has(f.module) || DEPRECATED_DIRECTIVES.has(f.name.toLowerCase())) entry.deprecated = true;
    out.push(entry);
  }
  return out;
}
