// Comparing a publication with a full analysis of the same text: both as sorted `line:character rule message` tuples.
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import type { Dialect } from '../../server/src/core/types';

/** What a full analysis (default settings) says about a text. */
export function expectedTuples(text: string, dialect: Dialect): string[] {
  const a = analyze(dialect, text);
  const lines = new LineIndex(text);
  return a.findings.map((f) => `${lines.lineOf(f.span.start)}:${f.span.start - lines.lineStart(lines.lineOf(f.span.start))} ${f.rule} ${f.message}`).sort();
}

/** What a publication says. */
export function publishedTuples(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();
}
