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
  /** The text the findings are about (for SARIF fingerprints); optional. */
  text?: string;
}

interface JsonRange {
  start: Position;
  end: Position;
}

function range(lines: LineIndex, span: { start: number; end: number }): JsonRange {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** Related locations of cross-file findings carry a file path; `others` gives the line tables of those files. */
export type OtherFiles = ReadonlyMap<string, FileReport>;

type WithFile = { file?: string; span: { start: number; end: number }; message: string };

function relatedOf(x: Finding): WithFile[] {
  return (x.related ?? []) as WithFile[];
}

export function formatJson(files: FileReport[], others: OtherFiles = new Map()): string {
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
          ...(x.related?.length
            ? {
                related: relatedOf(x).map((r) => {
                  const lines = r.file === undefined ? f.lines : others.get(r.file)?.lines;
                  return { ...(r.file !== undefined ? { path: r.file } : {}), message: r.message, ...(lines ? { range: range(lines, r.span) } : {}) };
                }),
              }
            : {}),
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

export function formatText(files: FileReport[], color: boolean, others: OtherFiles = new Map()): string {
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
      for (const r of relatedOf(x)) {
        if (r.file === undefined) continue; // same-file notes stay in the editor's related information
        const lines = others.get(r.file)?.lines;
        const at = lines ? lines.positionAt(r.span.start) : undefined;
        out.push(`    ${c('2', 'see')} ${r.file}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${r.message}`);
      }
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

/** Where the project lives; rule help links point into its docs/rules.md. */
export const PROJECT_URL = 'https://example.invalid/v6ready';

/** The anchor docs/rules.md gives a rule's section (scripts/gen-rule-docs.ts writes the same). */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '');
}

export function ruleHelpUri(id: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules.md#${ruleAnchor(id)}`;
}

/** The uriBaseId our relative artifact URIs are relative to: the folder the CLI ran in (the repository root in CI). */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  version: string;
  /** The folder relative paths are relative to (absolute, '/' or '\\' separators); the current folder by default. */
  root: string;
  /** Turns an absolute path into a file: URI (node:url's pathToFileURL in the CLI). */
  fileUri: (absolutePath: string) => string;
  /** A stable hash of a string (hex), for partialFingerprints. */
  hash: (s: string) => string;
}

function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/**
 * The artifact location of a path: relative to the root (with uriBaseId %SRCROOT%) when it is inside it, as GitHub
 * code scanning wants for files of the repository; a file: URI otherwise.
 */
function artifactLocation(path: string, o: SarifOptions): { uri: string; uriBaseId?: string } {
  const norm = (p: string) => p.replace(/\\/g, '/');
  const root = norm(o.root).replace(/\/+$/, '');
  let p = norm(path);
  const absolute = p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  if (absolute) {
    if (p.startsWith(root + '/')) p = p.slice(root.length + 1);
    else return { uri: o.fileUri(path) };
  }
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return { uri: o.fileUri(`${root}/${p}`) };
      parts.pop();
    } else parts.push(seg);
  }
  return { uri: encodePath(parts.join('/')), uriBaseId: SRCROOT };
}

/** rule "bind/ipv6-in-listen-on" -> name "BindIpv6InListenOn" (SARIF reportingDescriptor.name: an identifier). */
function ruleName(id: string): string {
  return id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function formatSarif(files: FileReport[], options: SarifOptions, others: OtherFiles = new Map()): string {
  const o = options;
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const region = (lines: LineIndex, span: { start: number; end: number }) => {
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const results = files.flatMap((f) => {
    const loc = artifactLocation(f.path, o);
    // partialFingerprints: rule, file and the finding's line text (trimmed), numbered when the same triple repeats,
    // so an alert keeps its identity when lines above it are added or removed.
    const seen = new Map<string, number>();
    return f.findings.map((x) => {
      const start = f.lines.positionAt(x.span.start);
      const lineText = f.text !== undefined ? lineAt(f.text, f.lines, start.line).trim() : String(start.line);
      const key = `${x.rule}\0${loc.uri}\0${lineText}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const related = (x.related ?? []).flatMap((r, i) => {
        // A location in another file (RelatedLocation.file): its region needs that file's line table.
        if (r.file !== undefined) {
          const other = files.find((g) => g.path === r.file) ?? others.get(r.file);
          if (!other) return [{ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: artifactLocation(r.file, o) } }];
          return [{ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: artifactLocation(r.file, o), region: region(other.lines, r.span) } }];
        }
        return [{ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: loc, region: region(f.lines, r.span) } }];
      });
      return {
        ruleId: x.rule,
        ...(index.has(x.rule) ? { ruleIndex: index.get(x.rule) } : {}),
        level: SARIF_LEVEL[x.severity],
        message: { text: x.message },
        locations: [{ physicalLocation: { artifactLocation: loc, region: region(f.lines, x.span) } }],
        partialFingerprints: { 'v6readyFindingHash/v1': `${o.hash(key)}:${n}` },
        ...(related.length ? { relatedLocations: related } : {}),
        ...(x.fixes.length
          ? {
              fixes: x.fixes.map((fix) => ({
                description: { text: fix.title + (fix.safe ? '' : ' (unsafe: changes behaviour)') },
                artifactChanges: [
                  {
                    artifactLocation: loc,
                    replacements: fix.edits.map((e) => ({ deletedRegion: region(f.lines, e), insertedContent: { text: e.newText } })),
                  },
                ],
              })),
            }
          : {}),
      };
    });
  });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'v6ready',
              version: o.version,
              semanticVersion: o.version,
              informationUri: PROJECT_URL,
              rules: rules.map((r) => ({
                id: r.id,
                name: ruleName(r.id),
                shortDescription: { text: r.docs.summary },
                fullDescription: { text: r.docs.why },
                help: {
                  text: `${r.docs.summary}\n\n${r.docs.why}\n\nExample:\n${r.docs.bad}\n\nInstead:\n${r.docs.good}\n\nFix: ${r.docs.fix}`,
                  markdown: `${r.docs.summary}\n\n${r.docs.why}\n\n**Example**\n\n\`\`\`\n${r.docs.bad}\n\`\`\`\n\n**Instead**\n\n\`\`\`\n${r.docs.good}\n\`\`\`\n\n**Fix:** ${r.docs.fix}`,
                },
                helpUri: ruleHelpUri(r.id),
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
                properties: { tags: ['ipv6', r.dialect?.name ?? 'v6ready', r.id.endsWith('/syntax') ? 'correctness' : 'configuration'], precision: 'high' },
              })),
            },
          },
          originalUriBaseIds: { [SRCROOT]: { uri: o.fileUri(o.root).replace(/\/?$/, '/') } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
}

function lineAt(text: string, lines: LineIndex, line: number): string {
  const start = lines.offsetAt({ line, character: 0 });
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? text.length : nl);
}
