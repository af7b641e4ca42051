// The CLI's output formats: text (compiler style, 1-based), JSON (LSP-style 0-based ranges) and SARIF 2.1.0.
import { allRules } from '../core/registry';
import type { LineIndex, Position } from '../core/text';
import type { Edit, Finding } from '../core/types';

export interface FileReport {
  path: string;
  language: string;
  lines: LineIndex;
  findings: Finding[];
  /** A note about the file shown in text output (e.g. fixes applied, not valid UTF-8). */
  notes: string[];
}

interface JsonRange {
  start: Position;
  end: Position;
}

function range(lines: LineIndex, span: { start: number; end: number }): JsonRange {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function formatJson(files: FileReport[]): string {
  return JSON.stringify(
    {
      version: 1,
      files: files.map((f) => ({
        path: f.path,
        language: f.language,
        findings: f.findings.map((x) => ({
          rule: x.rule,
          severity: x.severity,
          message: x.message,
          range: range(f.lines, x.span),
          fixes: x.fixes.map((fix) => ({
            title: fix.title,
            safe: fix.safe,
            edits: fix.edits.map((e: Edit) => ({ range: range(f.lines, e), newText: e.newText })),
          })),
        })),
      })),
    },
    null,
    2,
  );
}

export function formatText(files: FileReport[], color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const f of files) {
    for (const n of f.notes) out.push(`${f.path}: ${n}`);
    for (const x of f.findings) {
      counts[x.severity]++;
      const p = f.lines.positionAt(x.span.start);
      out.push(`${f.path}:${p.line + 1}:${p.character + 1}: ${c(sevColor[x.severity], x.severity)} ${c('1', x.rule)}: ${x.message}`);
      for (const fix of x.fixes) {
        if (fix.safe) fixable++;
        out.push(`    ${fix.safe ? c('32', 'fix (safe)') : c('35', 'fix (unsafe)')}: ${fix.title}`);
      }
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  out.push(
    `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} other) in ${files.length} file${files.length === 1 ? '' : 's'}` +
      (fixable ? `; ${fixable} fixable with --fix` : ''),
  );
  return out.join('\n');
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: FileReport[], version: string): string {
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const region = (lines: LineIndex, span: { start: number; end: number }) => {
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const uri = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'v6ready',
              version,
              informationUri: 'https://example.invalid/v6ready',
              rules: rules.map((r) => ({
                id: r.id,
                shortDescription: { text: r.docs.summary },
                fullDescription: { text: r.docs.why },
                help: { text: `${r.docs.why}\n\nFix: ${r.docs.fix}`, markdown: `${r.docs.why}\n\n**Fix:** ${r.docs.fix}` },
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          results: files.flatMap((f) =>
            f.findings.map((x) => ({
              ruleId: x.rule,
              ...(index.has(x.rule) ? { ruleIndex: index.get(x.rule) } : {}),
              level: SARIF_LEVEL[x.severity],
              message: { text: x.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: region(f.lines, x.span) } }],
              ...(x.fixes.length
                ? {
                    fixes: x.fixes.map((fix) => ({
                      description: { text: fix.title + (fix.safe ? '' : ' (unsafe: changes behaviour)') },
                      artifactChanges: [
                        {
                          artifactLocation: { uri: uri(f.path) },
                          replacements: fix.edits.map((e) => ({ deletedRegion: region(f.lines, e), insertedContent: { text: e.newText } })),
                        },
                      ],
                    })),
                  }
                : {}),
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}
