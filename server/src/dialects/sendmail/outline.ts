// Document symbols (OSTYPE, DOMAIN, daemons, client options, features, mailers, LOCAL_* sections) and folding
// ranges (sections, calls that span lines) for .mc files.
import type { CallNode } from '../../../../grammars/sendmail/cst';
import type { OutlineSymbol, Span, SymbolKind } from '../../core/types';
import type { NamedUse, PortOptions, SendmailModel } from './model';

function sym(name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string): OutlineSymbol {
  return { name, kind, span: { start: span.start, end: span.end }, selection: { start: selection.start, end: selection.end }, detail, children: [] };
}

function daemonSymbol(d: PortOptions): OutlineSymbol {
  const label = d.kind === 'daemon' ? `DAEMON_OPTIONS ${d.name ?? ''}`.trim() : `CLIENT_OPTIONS ${d.family}`;
  const addr = d.addrKind === 'any' ? '*' : d.addr ?? '*';
  const detail = d.kind === 'daemon' ? `${d.family} ${addr} port ${d.port}${d.onHashLine ? ' (on a # line)' : ''}` : `${d.family}${d.addr ? ` from ${d.addr}` : ''}`;
  return sym(label, d.kind === 'daemon' ? 'object' : 'property', d.call, d.call.nameSpan, detail);
}

function useSymbol(u: NamedUse, kind: SymbolKind): OutlineSymbol {
  return sym(`${u.macro} ${u.name}`, kind, u.call, u.call.nameSpan);
}

export function sendmailSymbols(model: SendmailModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const u of model.ostypes) out.push(useSymbol(u, 'namespace'));
  for (const u of model.domains) out.push(useSymbol(u, 'namespace'));
  for (const d of model.daemons) out.push(daemonSymbol(d));
  for (const d of model.clients) out.push(daemonSymbol(d));
  for (const u of model.features) out.push(useSymbol(u, 'module'));
  for (const u of model.mailers) out.push(useSymbol(u, 'module'));
  for (const s of model.sections) out.push(sym(s.name, 'namespace', { start: s.start, end: s.end }, s.nameSpan));
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Sections and calls that span several lines. */
export function sendmailFolding(model: SendmailModel, text: string): Span[] {
  const out: Span[] = [];
  for (const s of model.sections) {
    const end = text.slice(s.start, s.end).trimEnd().length + s.start;
    if (text.slice(s.start, end).includes('\n')) out.push({ start: s.start, end });
  }
  const multi = (c: CallNode) => c.close >= 0 && text.slice(c.start, c.end).includes('\n');
  for (const c of model.calls) if (multi(c)) out.push({ start: c.start, end: c.end });
  return out.sort((a, b) => a.start - b.start);
}
