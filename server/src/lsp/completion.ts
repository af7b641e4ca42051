// Completion: the dialect's entries at the cursor (directive names, values, snippets).
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { targetVersion } from '../core/settings';
import { toCompletionItem } from './convert';
import type { Session } from './session';

export async function completion(session: Session, params: CompletionParams): Promise<CompletionItem[] | null> {
  const a = await session.analyzedAt(params.textDocument.uri, params.position);
  if (!a || !a.dialect.completions) return null;
  const { analysis } = a;
  const offset = analysis.lines.offsetAt(params.position);
  // What is offered depends on the target version (BIND: clauses 9.18 does not know are left out).
  const entries = a.dialect.completions(analysis.parse.model, analysis.text, offset, targetVersion(a.settings, a.dialect.name));
  return entries.map((e) => toCompletionItem(e, session.client.snippets));
}
