// Document symbols (hierarchical, or flat for old clients) and folding ranges from the dialect's outline.
import type { DocumentSymbol, DocumentSymbolParams, FoldingRange, FoldingRangeParams, SymbolInformation } from 'vscode-languageserver/node';
import { toDocumentSymbol, toFoldingRanges, toSymbolInformation } from './convert';
import type { Session } from './session';

export async function documentSymbols(session: Session, params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
  const a = await session.analyzed(params.textDocument.uri);
  if (!a || !a.dialect.symbols) return null;
  const { analysis } = a;
  const symbols = a.dialect.symbols(analysis.parse.model, analysis.text);
  if (!session.client.hierarchicalSymbols) return toSymbolInformation(a.doc.uri, analysis.lines, symbols);
  return symbols.map((s) => toDocumentSymbol(analysis.lines, s));
}

export async function foldingRanges(session: Session, params: FoldingRangeParams): Promise<FoldingRange[] | null> {
  const a = await session.analyzed(params.textDocument.uri);
  if (!a || !a.dialect.folding) return null;
  const { analysis } = a;
  return toFoldingRanges(analysis.text, analysis.lines, a.dialect.folding(analysis.parse.model, analysis.text));
}
