// Core values -> LSP values: offsets to ranges (both UTF-16), findings to diagnostics, outline to symbols,
// folding spans to line ranges, completion entries to items, and text replacements to minimal edits.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRange,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Position,
  type Range,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import type { LineIndex } from '../core/text';
import type { CompletionEntry, Edit, Finding, LinkedFile, OutlineSymbol, Severity, Span, SymbolKind as CoreSymbolKind } from '../core/types';

export const SOURCE = 'v6ready';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

/**
 * Whether a position from the client can be one: line and character non-negative integers. Every request that takes
 * a position checks it here (handlers.ts) and answers null otherwise: LineIndex.offsetAt clamps a negative line to the
 * start of the file, where a sendmail.mc's first `divert` was hovered for {line: -1, character: -1}. A line or
 * character past the end is valid (the protocol says to clamp it to the line's or the file's end).
 */
export function validPosition(p: unknown): p is Position {
  if (!p || typeof p !== 'object') return false;
  const { line, character } = p as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && (line as number) >= 0 && Number.isInteger(character) && (character as number) >= 0;
}

export function validRange(r: unknown): r is Range {
  return !!r && typeof r === 'object' && validPosition((r as Range).start) && validPosition((r as Range).end);
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic; related locations in other files are found among the linked files (by path). */
export function toDiagnostic(uri: string, lines: LineIndex, f: Finding, linked: readonly Pick<LinkedFile, 'path' | 'lines'>[] = []): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Error,
    code: f.rule,
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.flatMap((r) => {
      if (r.file === undefined) return [{ location: { uri, range: toRange(lines, r.span) }, message: r.message }];
      const other = linked.find((l) => l.path === r.file);
      return other ? [{ location: { uri: pathToFileURL(other.path).href, range: toRange(other.lines, r.span) }, message: r.message }] : [];
    });
  }
  return d;
}

export function toTextEdit(lines: LineIndex, e: Edit): TextEdit {
  return { range: toRange(lines, e), newText: e.newText };
}

/** A WorkspaceEdit for one document: versioned when the client takes documentChanges, so a stale edit is refused. */
export function workspaceEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The one edit that turns `before` into `after`: common prefix and suffix trimmed, never splitting a
 * surrogate pair or a CRLF (an LSP position between \r and \n is clamped by clients to the line end).
 */
export function minimalEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const unsafeCut = (t: string, i: number) => i > 0 && i < t.length && (isLowSurrogate(t.charCodeAt(i)) || (t[i - 1] === '\r' && t[i] === '\n'));
  while (p > 0 && (unsafeCut(before, p) || unsafeCut(after, p))) p--;
  while (s > 0 && (unsafeCut(before, before.length - s) || unsafeCut(after, after.length - s))) s--;
  return { start: p, end: before.length - s, newText: after.slice(p, after.length - s) };
}

const SYMBOL_KIND: Record<CoreSymbolKind, SymbolKind> = {
  namespace: SymbolKind.Namespace,
  object: SymbolKind.Object,
  module: SymbolKind.Module,
  property: SymbolKind.Property,
  key: SymbolKind.Key,
  array: SymbolKind.Array,
};

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && inner.start <= inner.end;
}

export function toDocumentSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  // VS Code rejects a symbol whose selection lies outside its range, or whose name is empty.
  const selection = contains(s.span, s.selection) ? s.selection : { start: s.span.start, end: s.span.start };
  const sym: DocumentSymbol = {
    name: s.name || '(unnamed)',
    kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Property,
    range: toRange(lines, s.span),
    selectionRange: toRange(lines, selection),
    children: s.children.map((c) => toDocumentSymbol(lines, c)),
  };
  if (s.detail) sym.detail = s.detail;
  return sym;
}

/** For clients without hierarchical symbol support: the same symbols, flattened, with container names. */
export function toSymbolInformation(uri: string, lines: LineIndex, symbols: readonly OutlineSymbol[], container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    const info: SymbolInformation = {
      name: s.name || '(unnamed)',
      kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Property,
      location: { uri, range: toRange(lines, s.span) },
    };
    if (container) info.containerName = container;
    out.push(info, ...toSymbolInformation(uri, lines, s.children, s.name));
  }
  return out;
}

const CLOSER = /^\s*(?:[}\])>]|\*\/)\s*;?\s*$/;

/**
 * Folding spans -> line ranges. A span whose last line holds only its closing delimiter stops one line
 * earlier, so the `};` stays visible when folded (as VS Code folds brace languages). Single-line spans are skipped.
 */
export function toFoldingRanges(text: string, lines: LineIndex, spans: readonly Span[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const startLine = lines.lineOf(span.start);
    let endLine = lines.lineOf(span.end - 1);
    if (endLine > startLine && CLOSER.test(text.slice(lines.lineStart(endLine), span.end))) endLine--;
    if (endLine <= startLine) continue;
    const key = `${startLine}:${endLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(FoldingRange.create(startLine, endLine));
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(e: CompletionEntry, snippetSupport: boolean): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: COMPLETION_KIND[e.kind] ?? CompletionItemKind.Text };
  if (e.detail) item.detail = e.detail;
  if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  if (e.snippet !== undefined && snippetSupport) {
    item.insertText = e.snippet;
    item.insertTextFormat = InsertTextFormat.Snippet;
  }
  return item;
}
