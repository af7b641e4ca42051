// Lookups over the generated directive catalogue (catalogue-data.ts): by name, by module, argument counts,
// manual links. The facts come from httpd's manual and command tables; see scripts/gen-apache-catalogue.mjs.
import { DIRECTIVES, MODULES } from './catalogue-data';

/** How httpd's command table reads the arguments (include/http_config.h AP_INIT_*). */
export type ArgKind =
  | 'NO_ARGS' | 'FLAG' | 'TAKE1' | 'TAKE2' | 'TAKE12' | 'TAKE3' | 'TAKE23' | 'TAKE123' | 'TAKE13'
  | 'ITERATE' | 'ITERATE2' | 'RAW_ARGS' | 'TAKE_ARGV';

export interface DirectiveFact {
  /** As the manual spells it; sections as `<Name>`. */
  name: string;
  /** The module that defines it (`core`, `mpm_common`, `mod_ssl`, ...). */
  module: string;
  /** Where httpd accepts it: s = server config, v = virtual host, d = directory, h = .htaccess. */
  contexts: string;
  args?: string;
  /** The AllowOverride class needed in .htaccess. */
  override?: string;
  /** For mpm_common: the MPMs that provide it. */
  mpms?: string[];
  /** The manual's syntax line (grammar notation). */
  syntax?: string;
  default?: string;
  /** The 2.4 release that added it. */
  since?: string;
  /** Only in httpd's development branch: 2.4 refuses it. */
  trunk?: boolean;
  /** Defined by httpd 2.4 but not in its manual (kept for old configurations). */
  undocumented?: boolean;
  /** Sections the directive's handler refuses although `contexts` admits them (see handlerRefusal). */
  handler?: HandlerCheck[];
}

/**
 * One ap_check_cmd_context(cmd, NOT_IN_...) call in a directive's handler (server/core.c): the NOT_IN_* flags without
 * their prefix (LIMIT, DIRECTORY, LOCATION, FILES — which also covers <If>/<ElseIf>/<Else> — PROXY, HTACCESS); `args`:
 * only for that many arguments; `global`: the handler's message for that form outside every section.
 */
export interface HandlerCheck {
  args?: number;
  not: string[];
  global?: string;
}

export interface ModuleFact {
  name: string;
  /** The name LoadModule and <IfModule> use, e.g. `ssl_module`. */
  identifier: string;
  /** Its source file, which <IfModule mod_ssl.c> names. */
  source: string;
  status: string;
  trunk?: boolean;
}

const byName = new Map<string, DirectiveFact>();
for (const d of DIRECTIVES) byName.set(d.name.toLowerCase(), d);
const byModuleKey = new Map<string, ModuleFact>();
for (const m of MODULES) {
  for (const k of [m.name, m.identifier, m.source]) if (k) byModuleKey.set(k.toLowerCase(), m);
}

/** A directive (`listen`) or a section (`<virtualhost>`, given with its `<`), case-insensitive. */
export function lookupDirective(name: string): DirectiveFact | undefined {
  return byName.get(name.toLowerCase());
}

/** A module by its name (`mod_ssl`), identifier (`ssl_module`) or source file (`mod_ssl.c`). */
export function lookupModule(key: string): ModuleFact | undefined {
  return byModuleKey.get(key.toLowerCase());
}

/** Every directive and section name httpd 2.4 knows (not the trunk-only ones). */
export function knownNames(): string[] {
  return DIRECTIVES.filter((d) => !d.trunk).map((d) => d.name);
}

export function allDirectives(): readonly DirectiveFact[] {
  return DIRECTIVES;
}

const ARG_RANGES: Record<string, readonly [number, number]> = {
  NO_ARGS: [0, 0], FLAG: [1, 1], TAKE1: [1, 1], TAKE2: [2, 2], TAKE12: [1, 2], TAKE3: [3, 3], TAKE23: [2, 3],
  TAKE123: [1, 3], TAKE13: [1, 3], ITERATE: [1, Infinity], ITERATE2: [2, Infinity],
};

/** [min, max] argument count for a command-table kind (max Infinity for lists); one shared pair per kind. */
export function argRange(kind: string | undefined): readonly [number, number] | undefined {
  return kind !== undefined && Object.hasOwn(ARG_RANGES, kind) ? ARG_RANGES[kind] : undefined;
}

export const MANUAL_24 = 'https://httpd.apache.org/docs/2.4/mod/';
const MANUAL_TRUNK = 'https://httpd.apache.org/docs/trunk/mod/';

/** The manual page anchor of a directive: https://httpd.apache.org/docs/2.4/mod/<module>.html#<directive>. */
export function manualLink(d: DirectiveFact): string {
  return `${d.trunk ? MANUAL_TRUNK : MANUAL_24}${d.module}.html#${d.name.replace(/[<>]/g, '').toLowerCase()}`;
}

export const CONTEXT_NAMES: Record<string, string> = { s: 'server config', v: 'virtual host', d: 'directory', h: '.htaccess' };

export function contextList(contexts: string): string {
  return [...contexts].map((c) => CONTEXT_NAMES[c] ?? c).join(', ');
}

/** A section around a directive, innermost first: its lower-case name (no `<`) and its name as written. */
export interface EnclosingSection {
  lname: string;
  name: string;
}

/** The sections each NOT_IN_* flag names, in the order ap_check_cmd_context (server/core.c) looks for them. */
const FLAG_SECTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['DIRECTORY', ['directory', 'directorymatch']],
  ['LOCATION', ['location', 'locationmatch']],
  ['FILES', ['files', 'filesmatch', 'if', 'elseif', 'else']],
  ['PROXY', ['proxy', 'proxymatch']],
];
const LIMIT_SECTIONS = new Set(['limit', 'limitexcept']);
/** Sections that set cmd->path (what httpd calls "directory context"). */
const PATH_SECTIONS = new Set(FLAG_SECTIONS.flatMap(([, names]) => names));
const DIR_CONTEXT_FLAGS = new Set(['LIMIT', 'DIRECTORY', 'LOCATION', 'FILES', 'PROXY']);

/**
 * httpd's own message when the directive's handler refuses it inside `enclosing` (innermost first) with `argc`
 * arguments, following ap_check_cmd_context's order: <Limit> first, then "directory context" (any section that sets a
 * path, for a handler that refuses <Directory>, <Location> and <Files> alike), then the first refused section kind.
 * `global`: the directive is known to be in the server config or a <VirtualHost> (not a file's top level that may be
 * included elsewhere), so a form that needs a section's path is refused too.
 */
export function handlerRefusal(f: DirectiveFact, argc: number | undefined, enclosing: readonly EnclosingSection[], global = false): string | undefined {
  if (!f.handler) return undefined;
  for (const row of f.handler) {
    if (row.args !== undefined && row.args !== argc) continue;
    if (row.not.some((x) => DIR_CONTEXT_FLAGS.has(x)) && enclosing.some((e) => LIMIT_SECTIONS.has(e.lname))) {
      return `${f.name} cannot occur within <Limit> or <LimitExcept> section`;
    }
    const inPath = enclosing.some((e) => PATH_SECTIONS.has(e.lname));
    if (inPath && ['DIRECTORY', 'LOCATION', 'FILES'].every((x) => row.not.includes(x))) return `${f.name} cannot occur within directory context`;
    for (const [flag, names] of FLAG_SECTIONS) {
      if (!row.not.includes(flag)) continue;
      for (const n of names) {
        const found = enclosing.find((e) => e.lname === n);
        if (found) return `${f.name} cannot occur within <${found.name}> section`;
      }
    }
    if (row.global && global && !inPath) return row.global;
  }
  return undefined;
}

/** True when httpd refuses every form of the directive inside `enclosing` (completion leaves it out there). */
export function refusedInEveryForm(f: DirectiveFact, enclosing: readonly EnclosingSection[]): boolean {
  if (!f.handler) return false;
  const forms = [...new Set(f.handler.map((r) => r.args))].filter((a): a is number => a !== undefined);
  return (forms.length ? forms : [undefined]).every((argc) => handlerRefusal(f, argc, enclosing) !== undefined);
}

const ARG_WORDS = ['no arguments', 'one argument', 'two arguments', 'three arguments'];

/** The hover's words for the handler's refusals: "in sections only <Location>, <LocationMatch>, <Proxy>, <ProxyMatch>". */
export function handlerNote(f: DirectiveFact): string | undefined {
  if (!f.handler) return undefined;
  const show = (names: readonly string[]) => names.map((n) => `<${SECTION_NAMES[n]}>`).join(', ');
  const parts = f.handler.map((row) => {
    const refused = FLAG_SECTIONS.filter(([flag]) => row.not.includes(flag)).flatMap(([, names]) => names);
    const allowed = FLAG_SECTIONS.filter(([flag]) => !row.not.includes(flag)).flatMap(([, names]) => names);
    let text: string;
    if (['DIRECTORY', 'LOCATION', 'FILES'].every((x) => row.not.includes(x))) text = 'not in any section';
    else if (!refused.length) text = 'not in <Limit>, <LimitExcept>';
    else if (refused.length <= allowed.length) text = `not in ${show(refused)}`;
    else text = `in sections only ${show(allowed)}`;
    return row.args !== undefined ? `with ${ARG_WORDS[row.args] ?? `${row.args} arguments`}: ${text}` : text;
  });
  return parts.join('; ');
}

const SECTION_NAMES: Record<string, string> = {
  directory: 'Directory', directorymatch: 'DirectoryMatch', location: 'Location', locationmatch: 'LocationMatch',
  files: 'Files', filesmatch: 'FilesMatch', if: 'If', elseif: 'ElseIf', else: 'Else', proxy: 'Proxy', proxymatch: 'ProxyMatch',
};
