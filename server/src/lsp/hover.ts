// Hover: the dialect's directive docs at the cursor, plus the docs of every rule whose finding covers it.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { findRule } from '../core/registry';
import type { RuleDocs, Span } from '../core/types';
import { toRange } from './convert';
import type { Session } from './session';

/** Markdown for a rule: summary, why, fix, references (our words, from the rule's own docs). */
export function ruleDocsMarkdown(id: string, docs: RuleDocs): string {
  const parts = [`**v6ready \`${id}\`**: ${docs.summary}`];
  if (docs.why) parts.push(docs.why);
  if (docs.fix) parts.push(`**Fix:** ${docs.fix}`);
  // A URL becomes a link; anything else (a note such as `research/real-daemons.md §1a`) stays plain text.
  const refs = docs.references ?? [];
  if (refs.length) parts.push(refs.map((r) => (/^https?:\/\/\S+$/.test(r) ? `[${r.replace(/^https?:\/\//, '')}](${r})` : r)).join(' · '));
  return parts.join('\n\n');
}

function covers(span: Span, offset: number): boolean {
  return span.end > span.start ? span.start <= offset && offset < span.end : span.start === offset;
}

export async function hover(session: Session, params: HoverParams): Promise<Hover | null> {
  const a = await session.analyzedAt(params.textDocument.uri, params.position);
  if (!a) return null;
  const { analysis, dialect } = a;
  const text = analysis.text;
  const offset = analysis.lines.offsetAt(params.position);
  const parts: string[] = [];
  let span: Span | undefined;

  const doc = dialect.hover?.(analysis.parse.model, text, offset);
  if (doc?.markdown) {
    parts.push(doc.markdown);
    span = doc.span;
  }
  const seen = new Set<string>();
  for (const f of analysis.findings) {
    if (f.span.start > offset) break; // findings are sorted by start
    if (!covers(f.span, offset) || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const docs = findRule(f.rule)?.docs;
    if (!docs) continue;
    parts.push(ruleDocsMarkdown(f.rule, docs));
    span ??= f.span;
  }
  if (parts.length === 0) return null;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
  if (span) hover.range = toRange(analysis.lines, span);
  return hover;
}
