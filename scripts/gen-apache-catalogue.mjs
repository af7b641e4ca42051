// One-off generator of server/src/dialects/apache/catalogue-data.ts: the facts about every Apache httpd 2.4
// directive (name, module, contexts, .htaccess override class, argument count, syntax line, default, the
// 2.4 release that added it), read from the httpd sources — not a line of their prose is kept.
//
// Sources, from a git clone of https://github.com/apache/httpd (the `fetch` tool puts a bare one at
// /work/.mirror/apache+httpd/repo; point HTTPD_GIT elsewhere if needed):
//   - refs/heads/2.4.x  docs/manual/mod/*.xml   <directivesynopsis>: name, <syntax>, <default>, <contextlist>,
//                                                <override>, <modulelist>, <compatibility> (only its version number);
//                                                <modulesynopsis>: module name, <identifier>, <sourcefile>, <status>
//   - refs/heads/2.4.x  server/*.c modules/**/*.c  AP_INIT_<KIND>("Name", ...) command tables: the argument kind
//                                                (TAKE1, FLAG, ITERATE, RAW_ARGS, ...), which fixes how many
//                                                arguments httpd accepts
//   - refs/heads/trunk  the same manual pages: directives that exist only in the development branch (flagged
//                                                `trunk: true`; httpd 2.4 refuses them)
//   - HANDLER_CHECKS below  sections a directive's handler refuses although its command table admits them
//                                                (ap_check_cmd_context calls), read from the handlers, measured with apache2 -t
//   - LATER_24 below    what 2.4.x gained after the stored snapshot of its sources, measured on the release v6ready
//                                                targets (see TARGET_VERSION in dialects/apache/model.ts)
// Usage: node scripts/gen-apache-catalogue.mjs   (rewrites the data file; commit the result)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const GIT = process.env.HTTPD_GIT ?? '/work/.mirror/apache+httpd/repo';
const OUT = new URL('../server/src/dialects/apache/catalogue-data.ts', import.meta.url).pathname;

const git = (...args) => execFileSync('git', ['--git-dir', GIT, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
const show = (ref, path) => git('show', `${ref}:${path}`);
const ls = (ref, dir) => git('ls-tree', '-r', '--name-only', ref, dir).split('\n').filter(Boolean);

/** Markup to plain text: tags dropped, entities decoded, whitespace collapsed. */
function plain(xml) {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const tag = (xml, name) => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? m[1] : undefined;
};
const tags = (xml, name) => [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);

const CONTEXT = { 'server config': 's', 'virtual host': 'v', directory: 'd', '.htaccess': 'h' };

function manual(ref) {
  const modules = [];
  const directives = new Map();
  const files = ls(ref, 'docs/manual/mod').filter((f) => /\/[a-z0-9_]+\.xml$/.test(f) && !/\/(index|directives|quickreference|overrides|module-dict|directive-dict)\.xml$/.test(f));
  for (const f of files) {
    const xml = show(ref, f);
    const head = /<modulesynopsis[^>]*>([\s\S]*?)<directivesynopsis|<modulesynopsis[^>]*>([\s\S]*)$/.exec(xml);
    if (!head) continue;
    const h = head[1] ?? head[2];
    const mod = plain(tag(h, 'name') ?? '');
    if (!mod) continue;
    modules.push({
      name: mod,
      identifier: plain(tag(h, 'identifier') ?? ''),
      source: plain(tag(h, 'sourcefile') ?? ''),
      status: plain(tag(h, 'status') ?? ''),
    });
    for (const m of xml.matchAll(/<directivesynopsis([^>]*)>([\s\S]*?)<\/directivesynopsis>/g)) {
      if (/location=/.test(m[1])) continue; // documented elsewhere; this is a cross-reference
      const body = m[2];
      const name = plain(tag(body, 'name') ?? '');
      if (!name) continue;
      const section = /type="section"/.test(m[1]);
      const contexts = tags(tag(body, 'contextlist') ?? '', 'context').map((c) => CONTEXT[plain(c)]).filter(Boolean);
      const compat = plain(tag(body, 'compatibility') ?? '');
      // Only the version number of the compatibility note: "2.4.17" when it says the directive arrived then.
      const since = /(?:available|added|introduced|new)[^.]*?\b(2\.4\.\d+)/i.exec(compat)?.[1] ?? /^(?:since |in )?(2\.4\.\d+)\b/i.exec(compat)?.[1];
      const modlist = tags(tag(body, 'modulelist') ?? '', 'module').map(plain);
      directives.set(name.toLowerCase(), {
        name: section ? `<${name}>` : name,
        module: mod,
        mpms: modlist.length ? modlist : undefined,
        contexts: contexts.join(''),
        override: plain(tag(body, 'override') ?? '') || undefined,
        syntax: plain(tag(body, 'syntax') ?? '') || undefined,
        default: plain(tag(body, 'default') ?? '') || undefined,
        since,
      });
    }
  }
  return { modules, directives };
}

/** Split a C argument list at top-level commas. */
function splitArgs(s) {
  const out = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      cur += c;
      if (c === '\\') cur += s[++i];
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) {
        out.push(cur.trim());
        return out;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Argument kind of each directive in the C command tables (first definition wins). */
function commandTables(ref) {
  const kinds = new Map();
  const files = ['server', 'modules', 'include'].flatMap((d) => ls(ref, d)).filter((f) => /\.[ch]$/.test(f));
  for (const f of files) {
    const src = show(ref, f);
    for (const m of src.matchAll(/AP_INIT_([A-Z0-9_]+)\s*\(/g)) {
      const args = splitArgs(src.slice(m.index + m[0].length, m.index + m[0].length + 2000));
      const nm = /^"([^"]+)"$/.exec(args[0] ?? '');
      if (!nm) continue;
      const key = nm[1].replace(/^</, '').toLowerCase();
      if (!kinds.has(key)) kinds.set(key, { name: nm[1], kind: m[1], where: args[3]?.replace(/\s+/g, ' '), file: f });
    }
    // mod_ssl builds its table with SSL_CMD_<where>(Name, KIND, ...) / SSL_CMD_DIR(Name, type, KIND, ...).
    for (const m of src.matchAll(/\bSSL_CMD_(ALL|SRV|PXY|DIR)\(\s*(\w+)\s*,\s*(?:(\w+)\s*,\s*)?(TAKE\w*|FLAG|NO_ARGS|RAW_ARGS|ITERATE\w*)\s*,/g)) {
      const key = `ssl${m[2]}`.toLowerCase();
      if (!kinds.has(key)) kinds.set(key, { name: `SSL${m[2]}`, kind: m[4], where: { ALL: 'RSRC_CONF|OR_AUTHCFG', SRV: 'RSRC_CONF', PXY: 'RSRC_CONF', DIR: `OR_${m[3]}` }[m[1]], file: f });
    }
  }
  return kinds;
}

/**
 * Directives httpd 2.4 has that the stored snapshot of its 2.4.x branch (2024-10-18) does not, measured on the target
 * release, Debian's 2.4.71: `apache2 -L`, with every module of /usr/lib/apache2/modules loaded, lists them (name and
 * source file), and `apache2 -t` gives the rest: "X takes one argument" with none or four (the kind), "X cannot occur
 * within <VirtualHost> section" (server config only). A name the trunk manual documents keeps that page's facts and
 * is no longer trunk-only. When the sources are refreshed past them, their own facts win and these are not used.
 */
const LATER_24 = [
  { name: 'H2MaxHeaderBlockLen', module: 'mod_http2', contexts: 'sv', kind: 'TAKE1' },
  { name: 'H2MaxStreamErrors', module: 'mod_http2', contexts: 'sv', kind: 'TAKE1' },
  { name: 'ListenTCPDeferAccept', module: 'mpm_common', contexts: 's', kind: 'TAKE1' },
  { name: 'MacroIgnoreBadNesting', module: 'mod_macro' },
  { name: 'MacroIgnoreEmptyArgs', module: 'mod_macro' },
  { name: 'MDHttpProxyCACertificateFile', module: 'mod_md', contexts: 'sv', kind: 'TAKE1' },
  { name: 'MDInitialDelay', module: 'mod_md', contexts: 'sv', kind: 'TAKE1' },
  { name: 'MDProfile', module: 'mod_md', contexts: 'sv', kind: 'TAKE1' },
  { name: 'MDProfileMandatory', module: 'mod_md', contexts: 'sv', kind: 'TAKE1' },
  { name: 'MDRenewViaARI', module: 'mod_md', contexts: 'sv', kind: 'TAKE1' },
  { name: 'SSLVHostSNIPolicy', module: 'mod_ssl', contexts: 's', kind: 'TAKE1' },
];
const later24 = new Map(LATER_24.map((d) => [d.name.toLowerCase(), d]));

/**
 * Refusals that httpd's command table does not show: the directive's handler calls ap_check_cmd_context(cmd, NOT_IN_...)
 * (server/core.c) and refuses some sections its RSRC_CONF|ACCESS_CONF / OR_* flags admit. Read from the 2.4.x handlers
 * named below and measured on Debian's apache2 2.4.71 (`apache2 -t`, each directive in <Directory>, <DirectoryMatch>,
 * <Files>, <FilesMatch>, <Location>, <LocationMatch>, <If>, <Proxy>, <Limit> inside <Location>, <If> inside <Location>).
 * `not`: the NOT_IN_* flags without their prefix (DIR_CONTEXT = LIMIT|DIRECTORY|LOCATION|FILES|PROXY; FILES also
 * covers <If>, <ElseIf>, <Else>). `args`: the row holds only for that many arguments. `global`: the handler's message
 * when that form is used outside any section (it needs a section's path). Not kept: checks that only look at the
 * arguments (ProxyPass with a path inside <Location>), AllowOverride in <Location> (a warning, AH00114), .htaccess-only
 * refusals (a file's top level may be an .htaccess or an Include; nothing to tell them apart).
 * Already in the command tables, so not here: AliasMatch / ScriptAliasMatch (RSRC_CONF), Redirect* (OR_FILEINFO:
 * accepted in every section, measured).
 */
const DIR_CONTEXT = ['LIMIT', 'DIRECTORY', 'LOCATION', 'FILES', 'PROXY'];
const HANDLER_CHECKS = [
  // modules/mappers/mod_alias.c add_alias: the one-argument form (the target of the enclosing <Location>).
  { names: ['Alias', 'ScriptAlias'], args: 1, not: ['DIRECTORY', 'FILES'], global: 'Alias must have two arguments when used globally' },
  // mod_alias.c add_alias_internal: the two-argument form, server config and virtual host only.
  { names: ['Alias', 'ScriptAlias'], args: 2, not: DIR_CONTEXT },
  // modules/proxy/mod_proxy.c add_pass (ProxyPass, ProxyPassMatch) and add_pass_reverse.
  { names: ['ProxyPass', 'ProxyPassMatch', 'ProxyPassReverse'], not: ['DIRECTORY', 'FILES'] },
  // modules/cache/mod_cache.c add_cache_enable, add_cache_disable.
  { names: ['CacheEnable', 'CacheDisable'], not: ['DIRECTORY', 'LIMIT', 'FILES'] },
  // modules/http/mod_mime.c multiviews_match.
  { names: ['MultiviewsMatch'], not: ['LOCATION'] },
  // modules/lua/mod_lua.c register_translate_name_hook, register_quick_hook, register_map_handler, register_*_filter.
  { names: ['LuaHookTranslateName', 'LuaQuickHandler', 'LuaMapHandler', 'LuaInputFilter', 'LuaOutputFilter'], not: ['DIRECTORY', 'FILES', 'HTACCESS'] },
  // server/core.c filesection, ifsection.
  { names: ['<Files>', '<FilesMatch>'], not: ['LOCATION', 'LIMIT'] },
  { names: ['<If>', '<ElseIf>', '<Else>'], not: ['LIMIT'] },
];
const handlerChecks = new Map();
for (const { names, ...row } of HANDLER_CHECKS) {
  for (const n of names) handlerChecks.set(n.toLowerCase(), [...(handlerChecks.get(n.toLowerCase()) ?? []), row]);
}

const main24 = manual('refs/heads/2.4.x');
const trunk = manual('refs/heads/trunk');
const kinds24 = commandTables('refs/heads/2.4.x');
const kindsTrunk = commandTables('refs/heads/trunk');

const rows = [];
/** Contexts a command table's override flags admit (server/config.c: the main config reads RSRC_CONF and OR_ALL
 *  less OR_AUTHCFG|OR_LIMIT; directory sections add ACCESS_CONF; .htaccess is OR_* by AllowOverride). */
const top = (where) => {
  const w = where ?? '';
  const c = new Set();
  if (/RSRC_CONF/.test(w)) ['s', 'v'].forEach((x) => c.add(x));
  if (/ACCESS_CONF/.test(w)) c.add('d');
  if (/OR_(ALL|OPTIONS|FILEINFO|INDEXES)/.test(w)) ['s', 'v', 'd', 'h'].forEach((x) => c.add(x));
  if (/OR_(AUTHCFG|LIMIT)/.test(w)) ['d', 'h'].forEach((x) => c.add(x));
  return ['s', 'v', 'd', 'h'].filter((x) => c.has(x)).join('');
};
// Contexts: the manual's list, plus what the command table's override flags allow where the manual is narrower
// (RemoveType's OR_FILEINFO also admits the main server config). A manual saying "server config" alone is kept:
// those directives refuse <VirtualHost> in code (ap_check_cmd_context GLOBAL_ONLY).
const mergeContexts = (manualCtx, where) => {
  if (!where) return manualCtx;
  let extra = top(where);
  if (manualCtx === 's') extra = extra.replace('v', '');
  return ['s', 'v', 'd', 'h'].filter((c) => manualCtx.includes(c) || extra.includes(c)).join('');
};
for (const [key, d] of main24.directives) {
  const k = kinds24.get(key.replace(/^</, '')) ?? kindsTrunk.get(key.replace(/^</, ''));
  rows.push({ ...d, contexts: d.contexts ? mergeContexts(d.contexts, k?.where) : d.contexts, kind: k?.kind });
}
for (const [key, d] of trunk.directives) {
  if (main24.directives.has(key)) continue;
  const later = later24.get(key);
  rows.push({ ...d, kind: later?.kind ?? kindsTrunk.get(key)?.kind, trunk: later ? undefined : true, since: undefined });
}
for (const [key, d] of later24) {
  if (main24.directives.has(key) || trunk.directives.has(key) || kinds24.has(key)) continue;
  rows.push({ name: d.name, module: d.module, contexts: d.contexts, kind: d.kind });
}
// Directives httpd 2.4 defines but its manual does not describe (old names kept for compatibility, such as
// MaxClients): contexts from the command table's override flags. Example and test modules are left out.
const moduleOfFile = (f) => {
  const base = f.split('/').pop().replace(/\.[ch]$/, '');
  if (f.startsWith('server/mpm/') || f === 'server/mpm_common.c') return 'mpm_common';
  if (f.startsWith('modules/http2/')) return 'mod_http2';
  if (f.startsWith('server/') || f.startsWith('include/')) return 'core';
  return main24.modules.find((m) => m.source === `${base}.c`)?.name ?? (f.startsWith('modules/ssl/') ? 'mod_ssl' : f.startsWith('modules/md/') ? 'mod_md' : base);
};
for (const [key, k] of kinds24) {
  if (main24.directives.has(key) || main24.directives.has(`<${key}`) || /^modules\/(test|examples)\//.test(k.file) || /_{2,}/.test(key)) continue;
  if (['casefilter', 'casefilterin', 'directive', 'foo'].includes(key)) continue;
  rows.push({ name: k.name.startsWith('<') ? `${k.name}>` : k.name, module: moduleOfFile(k.file), contexts: top(k.where), kind: k.kind, undocumented: true });
}
rows.sort((a, b) => a.name.replace(/^</, '').toLowerCase().localeCompare(b.name.replace(/^</, '').toLowerCase()));

const modules = new Map();
for (const m of [...main24.modules, ...trunk.modules]) if (!modules.has(m.name)) modules.set(m.name, { ...m, trunk: !main24.modules.some((x) => x.name === m.name) || undefined });

const j = (v) => JSON.stringify(v);
const lines = [
  '// Generated by scripts/gen-apache-catalogue.mjs from the Apache httpd sources (manual XML of 2.4.x and trunk,',
  '// command tables of 2.4.x, the handler-level refusals listed in the script): facts only — names, modules, contexts,',
  '// argument kinds, syntax lines, defaults, sections a handler refuses.',
  '// Do not edit by hand; re-run the script. Contexts: s = server config, v = virtual host, d = directory, h = .htaccess.',
  "import type { DirectiveFact, ModuleFact } from './catalogue';",
  '',
  'export const MODULES: ModuleFact[] = [',
  ...[...modules.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => `  { name: ${j(m.name)}, identifier: ${j(m.identifier)}, source: ${j(m.source)}, status: ${j(m.status)}${m.trunk ? ', trunk: true' : ''} },`),
  '];',
  '',
  'export const DIRECTIVES: DirectiveFact[] = [',
  ...rows.map((r) => {
    const parts = [`name: ${j(r.name)}`, `module: ${j(r.module)}`, `contexts: ${j(r.contexts)}`];
    if (r.kind) parts.push(`args: ${j(r.kind)}`);
    if (r.override) parts.push(`override: ${j(r.override)}`);
    if (r.mpms) parts.push(`mpms: ${j(r.mpms)}`);
    if (r.syntax) parts.push(`syntax: ${j(r.syntax)}`);
    if (r.default) parts.push(`default: ${j(r.default)}`);
    if (r.since) parts.push(`since: ${j(r.since)}`);
    if (r.trunk) parts.push('trunk: true');
    const checks = handlerChecks.get(r.name.toLowerCase());
    if (checks) {
      const row = (c) => `{ ${[c.args !== undefined ? `args: ${c.args}` : '', `not: ${j(c.not)}`, c.global ? `global: ${j(c.global)}` : ''].filter(Boolean).join(', ')} }`;
      parts.push(`handler: [${checks.map(row).join(', ')}]`);
      handlerChecks.delete(r.name.toLowerCase());
    }
    if (r.undocumented) parts.push('undocumented: true');
    return `  { ${parts.join(', ')} },`;
  }),
  '];',
  '',
];
if (handlerChecks.size) throw new Error(`HANDLER_CHECKS names no directive: ${[...handlerChecks.keys()].join(', ')}`);
writeFileSync(OUT, lines.join('\n'));
console.log(`${rows.length} directives (${rows.filter((r) => r.trunk).length} trunk only), ${modules.size} modules -> ${OUT}`);
