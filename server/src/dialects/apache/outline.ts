// Document symbols (sections; a VirtualHost shows its ServerName), folding ranges and Include links for httpd.conf.
import type { OutlineSymbol, Span, SymbolKind } from '../../core/types';
import { findDirectives, unchecked, type ApacheModel, type Directive } from './model';

const KINDS: Record<string, SymbolKind> = {
  virtualhost: 'namespace', directory: 'module', directorymatch: 'module', location: 'module', locationmatch: 'module',
  files: 'module', filesmatch: 'module', proxy: 'module', proxymatch: 'module', macro: 'object',
};

function symbolOf(d: Directive): OutlineSymbol | undefined {
  if (!d.section) return undefined;
  const args = d.args.map((a) => a.value).join(' ');
  let name = args ? `<${d.name} ${args}>` : `<${d.name}>`;
  let detail: string | undefined;
  if (d.lname === 'virtualhost') {
    const sn = d.children.find((c) => c.lname === 'servername' && !c.section);
    if (sn?.args[0]) detail = sn.args[0].value;
  }
  if (detail) name = `${name} ${detail}`;
  const children = d.children.map(symbolOf).filter((s): s is OutlineSymbol => !!s);
  return {
    name,
    detail,
    kind: KINDS[d.lname] ?? 'object',
    span: { start: d.span.start, end: d.span.end },
    selection: { start: d.nameSpan.start, end: Math.max(d.nameSpan.end, d.gt !== undefined && d.gt >= 0 ? d.gt + 1 : d.nameSpan.end) },
    children,
  };
}

export function apacheSymbols(model: ApacheModel): OutlineSymbol[] {
  return model.directives.map(symbolOf).filter((s): s is OutlineSymbol => !!s);
}

/** Every section that spans lines. */
export function apacheFolding(model: ApacheModel, text: string): Span[] {
  const out: Span[] = [];
  for (const d of model.all) if (d.section && text.slice(d.span.start, d.span.end).includes('\n')) out.push({ start: d.span.start, end: d.span.end });
  return out;
}

export interface IncludeLink {
  /** The path as written (may hold globs and ${VAR}). */
  target: string;
  span: Span;
  optional: boolean;
  /** The innermost enclosing section httpd may skip, as written (`<IfModule mod_ssl.c>`): see readOnlyWhen. */
  when?: string;
}

/** A LoadModule line: the module's identifier (`ssl_module`), its source file's name (`mod_ssl.c`), where it is. */
export interface LoadedModule {
  id: string;
  source: string;
  at: number;
}

/** The modules this file loads (LoadModule lines httpd reads whatever it was started with). */
export function loadedModules(model: ApacheModel): LoadedModule[] {
  const out: LoadedModule[] = [];
  for (const d of findDirectives(model, 'loadmodule')) {
    if (unchecked(d) || d.conditional || d.args.length < 2 || readOnlyWhen(d)) continue;
    const file = d.args[1].value.replace(/^.*\//, '');
    out.push({ id: d.args[0].value, source: file.replace(/\.so$/, '.c'), at: d.span.start });
  }
  return out;
}

/** `<IfModule x>` (not `!x`) naming a module a LoadModule line above it loads: httpd reads its inside. */
function isLoadedBefore(section: Directive, loaded: readonly LoadedModule[]): boolean {
  const name = section.args[0]?.value;
  return !!name && loaded.some((m) => m.at < section.span.start && (m.id === name || m.source === name));
}

/** Sections httpd reads the inside of only when their test holds at start-up, a test v6ready cannot always decide. */
const START_UP_TESTS = new Set(['ifmodule', 'ifdefine', 'iffile', 'ifdirective', 'ifsection']);

/**
 * The innermost enclosing section under which httpd may not read `d`, written as its header, or undefined when httpd
 * reads it whatever it was started with. <IfModule> depends on the modules loaded (LoadModule lines anywhere in the
 * tree, or compiled in), <IfFile> on the server's disk, <IfDefine NAME> on `-D NAME` unless NAME is defined above it
 * (`<IfDefine !NAME>` with NAME defined is not read at all: model.ts marks it inactive). <IfVersion> is decided.
 */
export function readOnlyWhen(d: Directive, loaded: readonly LoadedModule[] = []): string | undefined {
  for (let p = d.parent; p; p = p.parent) {
    if (!START_UP_TESTS.has(p.lname)) continue;
    if (p.lname === 'ifmodule' && isLoadedBefore(p, loaded)) continue;
    // <IfDefine NAME> is in doubt when its body is conditional and it is not itself (no doubtful one encloses it, so
    // this one made the doubt); under a doubtful outer one, the outer one is named.
    if (p.lname === 'ifdefine' && (p.args[0]?.value.startsWith('!') || p.conditional || !p.children[0]?.conditional)) continue;
    const args = p.args.map((a) => a.value).join(' ');
    return args ? `<${p.name} ${args}>` : `<${p.name}>`;
  }
  return undefined;
}

/** The paths of Include / IncludeOptional (globs allowed; relative paths are relative to ServerRoot). */
export function apacheIncludes(model: ApacheModel): IncludeLink[] {
  const out: IncludeLink[] = [];
  let loaded: LoadedModule[] | undefined;
  for (const d of findDirectives(model, 'include', 'includeoptional')) {
    if (unchecked(d)) continue;
    const a = d.args[0];
    if (!a || a.value === '') continue;
    const quoted = a.kind === 'string' ? 1 : 0;
    const when = d.parent ? readOnlyWhen(d, (loaded ??= loadedModules(model))) : undefined;
    out.push({ target: a.value, span: { start: a.start + quoted, end: a.start + quoted + a.value.length }, optional: d.lname === 'includeoptional', ...(when && { when }) });
  }
  return out;
}

/** The ServerRoot the file sets, if any (relative Include paths resolve against it). */
export function apacheServerRoot(model: ApacheModel): string | undefined {
  return findDirectives(model, 'serverroot')[0]?.args[0]?.value;
}
