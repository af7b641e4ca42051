// The typed view of an httpd.conf / .htaccess: every directive and section with the context httpd reads it in
// (server config, virtual host, directory), the <IfModule> conditions around it, and the file's Listen and
// <VirtualHost> facts. Rules read this; they never see tokens.
import type { ApacheCst, ArgNode, ConfigNode } from '../../../../grammars/apache/cst';
import type { SyntaxProblem } from '../../../../grammars/apache/parser';
import { itemsNamed, positionsByName } from '../../core/name-index';
import type { Span } from '../../core/types';
import { lookupDirective, lookupModule, type DirectiveFact } from './catalogue';

/**
 * Where a directive sits: 'server' (top level of a main config), 'vhost', 'directory' (Directory, Location,
 * Files, Proxy, If ...), 'any' (top level of a file that may be included anywhere, or an .htaccess),
 * 'macro' (a <Macro> body, checked only once expanded) and 'unknown' (inside a section httpd 2.4 does not define).
 */
export type ApacheContext = 'server' | 'vhost' | 'directory' | 'any' | 'macro' | 'unknown';

export interface Directive {
  /** As written (sections without `<`). */
  name: string;
  /** Lower case, for lookups: one string shared by every directive of that name. */
  lname: string;
  section: boolean;
  /** The catalogue's entry (a section's as `<name>`), trunk-only ones included; undefined for a name httpd does not define. */
  fact: DirectiveFact | undefined;
  nameSpan: Span;
  args: ArgNode[];
  /** The whole directive line, or the section from `<` to its closing line. */
  span: Span;
  /** End of the (header) line, before the line break. */
  lineEnd: number;
  context: ApacheContext;
  parent?: Directive;
  children: Directive[];
  /** The enclosing <IfModule> arguments that require a module (`!` conditions left out), innermost last. */
  ifModules: string[];
  /** The enclosing section that set the context (VirtualHost, Directory ...), if any. */
  scope?: Directive;
  /** httpd does not read it: a false <IfVersion>, or <IfDefine !NAME> with NAME defined in this file. */
  inactive: boolean;
  /** httpd reads it only when started with some `-D NAME` (inside <IfDefine NAME>, NAME not defined here). */
  conditional: boolean;
  /** For sections: offset of the header's `>` (-1 missing), and the closing line (set on every directive, so all share one shape). */
  gt: number | undefined;
  close: Span | undefined;
}

export interface ApacheModel {
  cst: ApacheCst;
  /** Top-level directives and sections. */
  directives: Directive[];
  /** Every directive and section, depth first, in document order. */
  all: Directive[];
  /** The context of the file's top level: 'server' when it holds something only a main config can. */
  topContext: 'server' | 'any';
  problems: SyntaxProblem[];
}

const DIRECTORY_LIKE = new Set(['directory', 'directorymatch', 'location', 'locationmatch', 'files', 'filesmatch', 'proxy', 'proxymatch', 'if', 'elseif', 'else', 'authnprovideralias', 'authzprovideralias']);
const TRANSPARENT = new Set(['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection', 'limit', 'limitexcept', 'requireall', 'requireany', 'requirenone', 'requirenotall']);

/** The context a section's body is read in, given the context of the section itself and its catalogue entry. */
export function bodyContext(lname: string, outer: ApacheContext, fact: DirectiveFact | undefined): ApacheContext {
  if (outer === 'macro' || outer === 'unknown') return outer;
  if (lname === 'virtualhost') return 'vhost';
  if (DIRECTORY_LIKE.has(lname)) return 'directory';
  if (TRANSPARENT.has(lname)) return outer;
  if (lname === 'macro') return 'macro';
  if (lname === 'mdomainset' || lname === 'mdomain') return 'server';
  return fact ? outer : 'unknown';
}

/** True when the directive can only appear in a main server configuration (not in a directory or .htaccess). */
function serverOnly(fact: DirectiveFact | undefined): boolean {
  return !!fact && fact.contexts.length > 0 && !fact.contexts.includes('d') && !fact.contexts.includes('h');
}

/** A name's lower case and catalogue entry, shared by its directives. */
interface NameFacts {
  lname: string;
  fact: DirectiveFact | undefined;
}

/**
 * Names as written to their NameFacts, one map for directives and one for sections: a config repeats a few hundred
 * names over tens of thousands of lines, so each directive costs one lookup instead of a lower-casing and a catalogue
 * lookup per rule that asks, and directives share their `lname` string.
 */
class NameTable {
  private readonly directives = new Map<string, NameFacts>();
  private readonly sections = new Map<string, NameFacts>();

  of(name: string, section: boolean): NameFacts {
    const map = section ? this.sections : this.directives;
    let facts = map.get(name);
    if (facts === undefined) {
      const lname = name.toLowerCase();
      facts = { lname, fact: lookupDirective(section ? `<${lname}>` : lname) };
      map.set(name, facts);
    }
    return facts;
  }
}

function detectTopContext(nodes: ConfigNode[], names: NameTable): 'server' | 'any' {
  const stack: ConfigNode[][] = [nodes];
  while (stack.length) {
    for (const n of stack.pop()!) {
      const facts = names.of(n.name, n.kind === 'section');
      if (serverOnly(facts.fact)) return 'server';
      if (n.kind === 'section' && TRANSPARENT.has(facts.lname)) stack.push(n.body);
    }
  }
  return 'any';
}

/** The httpd release v6ready checks against (the one measured in research/real-daemons.md). */
export const TARGET_VERSION = '2.4.71';

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** <IfVersion [op] version>: true, false, or undefined when it cannot be decided. */
export function ifVersionHolds(args: readonly ArgNode[], version = TARGET_VERSION): boolean | undefined {
  const words = args.map((a) => a.value);
  let op = '=';
  let v = words[0];
  if (words.length >= 2) [op, v] = words;
  if (v === undefined) return undefined;
  let negate = false;
  if (op.startsWith('!')) {
    negate = true;
    // A lone `!` is no operator to mod_version ("unrecognized operator '!'"): undecided.
    op = op.slice(1);
  }
  let result: boolean | undefined;
  const asRegex = (src: string) => {
    try {
      return new RegExp(src).test(version);
    } catch {
      return undefined;
    }
  };
  if (op === '~') result = asRegex(v);
  else if (words.length === 1 && /^\/.*\/$/.test(v)) result = asRegex(v.slice(1, -1));
  else if ((op === '=' || op === '==') && /^\/.*\/$/.test(v)) result = asRegex(v.slice(1, -1));
  else if (/^\d+(\.\d+){0,2}$/.test(v)) {
    // mod_version (modules/metadata/mod_version.c compare_version) reads a short version with the missing parts as 0:
    // `2.4` is 2.4.0, so 2.4.71 is `> 2.4` and not `= 2.4` or `<= 2.4`.
    const c = compareVersions(version, v);
    result = { '=': c === 0, '==': c === 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op];
  }
  return result === undefined ? undefined : negate ? !result : result;
}

export function buildApacheModel(cst: ApacheCst, problems: SyntaxProblem[] = []): ApacheModel {
  const all: Directive[] = [];
  const names = new NameTable();
  const topContext = detectTopContext(cst.nodes, names);
  const defined = new Set<string>();
  const build = (
    nodes: ConfigNode[],
    context: ApacheContext,
    parent: Directive | undefined,
    ifModules: string[],
    scope: Directive | undefined,
    inactive = false,
    conditional = false,
  ): Directive[] => {
    // Exactly as long as the body: a pushed-to array would keep room for 17 in every one-line <Directory>. A long
    // body (the top level of a large file) grows instead, as V8 makes `new Array(n)` past ~16,000 a slow dictionary.
    const out: Directive[] = nodes.length === 0 ? NO_CHILDREN : nodes.length <= 1024 ? new Array(nodes.length) : [];
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      const section = n.kind === 'section';
      const { lname, fact } = names.of(n.name, section);
      const d: Directive = {
        name: n.name,
        lname,
        section,
        fact,
        nameSpan: n.nameSpan,
        args: n.args,
        // The node is its own span (it ends where its line or closing tag does): no second object per directive.
        span: n,
        lineEnd: n.kind === 'section' ? n.headerEnd : n.lineEnd,
        context,
        parent,
        children: NO_CHILDREN,
        ifModules,
        scope,
        inactive,
        conditional,
        gt: section ? n.gt : undefined,
        close: section ? n.close : undefined,
      };
      all.push(d);
      if (!d.section && !inactive && lname === 'define' && n.args[0]) defined.add(n.args[0].value);
      out[k] = d;
      if (n.kind === 'section') {
        const inner = bodyContext(lname, context, fact);
        let mods = ifModules;
        if (lname === 'ifmodule' && n.args[0] && !n.args[0].value.startsWith('!')) mods = [...ifModules, n.args[0].value];
        const innerScope = inner !== context && (inner === 'vhost' || inner === 'directory') ? d : scope;
        let innerInactive = inactive;
        let innerConditional = conditional;
        if (lname === 'ifversion' && ifVersionHolds(n.args) === false) innerInactive = true;
        if (lname === 'ifdefine' && n.args[0]) {
          const v = n.args[0].value;
          const name = v.replace(/^!/, '');
          if (v.startsWith('!') && defined.has(name)) innerInactive = true;
          if (!v.startsWith('!') && !defined.has(name)) innerConditional = true;
        }
        d.children = build(n.body, inner, d, mods, innerScope, innerInactive, innerConditional);
      }
    }
    return out;
  };
  const directives = build(cst.nodes, topContext, undefined, [], undefined);
  return { cst, directives, all, topContext, problems };
}

/** Every directive with one of the (lower-case) names, in document order. */
export function findDirectives(model: ApacheModel, ...lnames: string[]): Directive[] {
  // Asked by several rules and the workspace model: from an index of the directives by name, built once per model.
  let index = byName.get(model);
  if (!index) byName.set(model, (index = positionsByName(model.all, (d) => (d.section ? undefined : d.lname))));
  return itemsNamed(model.all, index, (n) => lnames.includes(n));
}

/** The children of every directive that is not a section (and of an empty one): one frozen array, not 40,000 empty ones. */
const NO_CHILDREN: Directive[] = Object.freeze([]) as unknown as Directive[];

const byName = new WeakMap<ApacheModel, Map<string, number[]>>();

export function findSections(model: ApacheModel, ...lnames: string[]): Directive[] {
  return model.all.filter((d) => d.section && lnames.includes(d.lname));
}

/** True when some enclosing <IfModule> names a module httpd 2.4 does not ship (a third-party module). */
export function underThirdPartyModule(d: Directive): boolean {
  return d.ifModules.some((m) => !lookupModule(m));
}

/** True inside a <Macro> body, a section httpd does not define, or a block httpd skips: nothing to check. */
export function unchecked(d: Directive): boolean {
  return d.context === 'macro' || d.context === 'unknown' || d.inactive;
}

/** Index of the first argument that is a word starting with `#` (what the author meant as a comment), or -1. */
export function commentStart(args: readonly ArgNode[]): number {
  for (let i = 0; i < args.length; i++) if (args[i].kind === 'word' && args[i].value.charCodeAt(0) === 0x23) return i;
  return -1;
}

/** For the catalogue rules: also skip blocks read only under some `-D NAME` (often kept for other versions). */
export function catalogueSkip(d: Directive): boolean {
  return unchecked(d) || d.conditional;
}
