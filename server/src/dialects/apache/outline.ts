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
}

/** The paths of Include / IncludeOptional (globs allowed; relative paths are relative to ServerRoot). */
export function apacheIncludes(model: ApacheModel): IncludeLink[] {
  const out: IncludeLink[] = [];
  for (const d of findDirectives(model, 'include', 'includeoptional')) {
    if (unchecked(d)) continue;
    const a = d.args[0];
    if (!a || a.value === '') continue;
    const quoted = a.kind === 'string' ? 1 : 0;
    out.push({ target: a.value, span: { start: a.start + quoted, end: a.start + quoted + a.value.length }, optional: d.lname === 'includeoptional' });
  }
  return out;
}

/** The ServerRoot the file sets, if any (relative Include paths resolve against it). */
export function apacheServerRoot(model: ApacheModel): string | undefined {
  return findDirectives(model, 'serverroot')[0]?.args[0]?.value;
}
