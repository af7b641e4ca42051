// Completion: the dialect's entries at the cursor (directive names, values, snippets).
import { CompletionItemTag, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { targetVersion } from '../core/settings';
import type { CompletionEntry } from '../core/types';
import { toCompletionItem } from './convert';
import type { Session } from './session';

/**
 * The entries as LSP items: deprecated ones tagged (struck through) and sorted after the current ones. Editors order
 * by sortText only when both items have one, so when any entry is deprecated or brings its own order, every item gets
 * one: a `0`/`1` group, then the entry's sortText or its label. A list without either keeps the editor's label order.
 */
export function toCompletionItems(entries: readonly CompletionEntry[], snippetSupport: boolean): CompletionItem[] {
  const ordered = entries.some((e) => e.deprecated || e.sortText !== undefined);
  return entries.map((e) => {
    const item = toCompletionItem(e, snippetSupport);
    if (e.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (ordered) item.sortText = `${e.deprecated ? 1 : 0}${e.sortText ?? e.label}`;
    return item;
  });
}

export async function completion(session: Session, params: CompletionParams): Promise<CompletionItem[] | null> {
  const a = await session.analyzedAt(params.textDocument.uri, params.position);
  if (!a || !a.dialect.completions) return null;
  const { analysis } = a;
  const offset = analysis.lines.offsetAt(params.position);
  // What is offered depends on the target version (BIND: clauses 9.18 does not know are left out).
  const entries = a.dialect.completions(analysis.parse.model, analysis.text, offset, targetVersion(a.settings, a.dialect.name));
  return toCompletionItems(entries, session.client.snippets);
}
