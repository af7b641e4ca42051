// Document symbols (options, acls, views, zones, ...) and folding ranges for named.conf.
import { textOf } from '../../../../grammars/bind/cst';
import type { OutlineSymbol, Span, SymbolKind } from '../../core/types';
import type { BindModel, Clause } from './model';

const KINDS: Record<string, SymbolKind> = {
  options: 'namespace', view: 'namespace', zone: 'module', acl: 'array', key: 'key', logging: 'namespace',
  controls: 'namespace', server: 'object', primaries: 'array', masters: 'array', 'dnssec-policy': 'object',
  'key-store': 'object', tls: 'object', http: 'object', 'statistics-channels': 'namespace', 'trust-anchors': 'array',
  'managed-keys': 'array', 'trusted-keys': 'array', channel: 'object', category: 'array', 'parental-agents': 'array',
};

function symbolOf(c: Clause): OutlineSymbol | undefined {
  if (!c.nameNode || !c.block) return undefined;
  const label = c.args[0] && c.args[0].kind !== 'block' ? textOf(c.args[0]) : undefined;
  const children = c.children.map(symbolOf).filter((s): s is OutlineSymbol => !!s);
  return {
    name: label !== undefined ? `${c.name} ${label}` : c.name,
    kind: KINDS[c.name] ?? 'property',
    span: c.span,
    selection: { start: c.nameNode.start, end: (c.args[0] && c.args[0].kind !== 'block' ? c.args[0] : c.nameNode).end },
    children,
  };
}

export function bindSymbols(model: BindModel): OutlineSymbol[] {
  return model.clauses.map(symbolOf).filter((s): s is OutlineSymbol => !!s);
}

/** Every block that spans lines, plus each multi-line block comment. */
export function bindFolding(model: BindModel, text: string): Span[] {
  const out: Span[] = [];
  const visit = (clauses: readonly Clause[]) => {
    for (const c of clauses) {
      for (const a of c.args) if (a.kind === 'block' && text.slice(a.start, a.end).includes('\n')) out.push({ start: a.start, end: a.end });
      visit(c.children);
    }
  };
  visit(model.clauses);
  return out;
}
