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
