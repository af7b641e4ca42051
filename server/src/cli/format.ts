// The CLI's output formats: text (compiler style, 1-based), JSON (LSP-style 0-based ranges) and SARIF 2.1.0.
import { relative, resolve, sep } from 'node:path';
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
  /** Read from stdin (`-`): there is no file, so JSON gives no absolute path and SARIF names it STDIN_URI. */
  stdin?: boolean;
}

/** A problem that made the run incomplete (exit 2): a file or folder that could not be read, a bad config. */
export interface RunProblem {
  /** The whole message, as stderr shows it after `v6ready: ` (it names the path). */
  message: string;
  /** The file or folder concerned, as the user gave it (or as found under a folder), when there is one. */
  path?: string;
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
  // Every place carries the path as shown (`path`, as in text output) and, for a file on disk, its absolute path:
  // a related location in the finding's own file too, so a consumer never has to guess which file a range is in.
  const absolute = (f: FileReport | undefined, shown: string) => (f?.stdin ? {} : { absolutePath: resolve(shown) });
  return JSON.stringify(
    {
      version: 1,
      files: files.map((f) => ({
        path: f.path,
        ...absolute(f, f.path),
        language: f.language,
        // What text output prints as `path: note` (fixes applied, undecodable bytes, a zone file's fixes left to its own check).
        ...(f.notes.length ? { notes: f.notes } : {}),
        findings: f.findings.map((x) => ({
          rule: x.rule,
          severity: x.severity,
          message: x.message,
          range: range(f.lines, x.span),
          ...(x.related?.length
            ? {
                related: relatedOf(x).map((r) => {
                  const path = r.file ?? f.path;
                  const other = r.file === undefined ? f : (files.find((g) => g.path === r.file) ?? others.get(r.file));
                  return { path, ...absolute(other, path), message: r.message, ...(other ? { range: range(other.lines, r.span) } : {}) };
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

/**
 * Where the project lives; rule help links point into its docs/rules.md. Still a placeholder (RFC 2606's .invalid):
 * while it is one, SARIF carries no links (helpUri, informationUri) rather than dead ones. A real URL turns them on.
 */
export const PROJECT_URL = 'https://example.invalid/v6ready';

/** Is this URL one that leads somewhere (not a placeholder under the reserved .invalid, .example or .test names)? */
export function isRealUrl(url: string): boolean {
  try {
    return !/(^|\.)(invalid|example|test|localhost)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The anchor docs/rules.md gives a rule's section (scripts/gen-rule-docs.ts writes the same). */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '');
}

export function ruleHelpUri(id: string, projectUrl = PROJECT_URL): string {
  return `${projectUrl}/blob/main/docs/rules.md#${ruleAnchor(id)}`;
}

/** GitHub code scanning refuses a SARIF run with more results than this; we leave the least severe out. */
export const SARIF_MAX_RESULTS = 25_000;

/**
 * The artifact URI of text read from stdin: relative (no uriBaseId, as it is no file under the root) and a plain
 * word, where `-` (as text and JSON output name it, the command-line convention) would read as a file named "-".
 */
export const STDIN_URI = 'stdin';

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
  /** What made the run incomplete: each a toolExecutionNotification, and executionSuccessful false. */
  problems?: readonly RunProblem[];
  /** Results kept in the run (SARIF_MAX_RESULTS by default); the rest are left out, with a notification. */
  maxResults?: number;
  /** The project's URL (PROJECT_URL by default); links are given only when it is a real one. */
  projectUrl?: string;
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

/** The sections of a rule's docs that have text, as [heading, text] (an empty example is no section). */
export function docSections(d: { bad: string; good: string }): [string, string][] {
  return ([['Example', d.bad], ['Instead', d.good]] as [string, string][]).filter(([, t]) => t.trim() !== '');
}

export function formatSarif(files: FileReport[], options: SarifOptions, others: OtherFiles = new Map()): string {
  const o = options;
  const rules = allRules();
  const projectUrl = o.projectUrl ?? PROJECT_URL;
  const links = isRealUrl(projectUrl);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const region = (lines: LineIndex, span: { start: number; end: number }) => {
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const allResults = files.flatMap((f) => {
    const loc = f.stdin ? { uri: STDIN_URI } : artifactLocation(f.path, o);
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
  const results = mostSevere(allResults, o.maxResults ?? SARIF_MAX_RESULTS);
  const notifications = [
    ...(o.problems ?? []).map((p) => ({
      level: 'error',
      message: { text: p.message },
      ...(p.path !== undefined ? { locations: [{ physicalLocation: { artifactLocation: p.path === '-' ? { uri: STDIN_URI } : artifactLocation(p.path, o) } }] } : {}),
    })),
    ...(results.length < allResults.length
      ? [
          {
            level: 'warning',
            message: {
              text:
                `${allResults.length - results.length} of ${allResults.length} results were left out (the least severe): GitHub code scanning ` +
                `accepts at most ${o.maxResults ?? SARIF_MAX_RESULTS} per run. \`v6ready check\` in text or JSON lists them all.`,
            },
          },
        ]
      : []),
  ];
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
              ...(links ? { informationUri: projectUrl } : {}),
              rules: rules.map((r) => ({
                id: r.id,
                name: ruleName(r.id),
                shortDescription: { text: r.docs.summary },
                fullDescription: { text: r.docs.why },
                help: {
                  text: [r.docs.summary, r.docs.why, ...docSections(r.docs).map(([h, t]) => `${h}:\n${t}`), `Fix: ${r.docs.fix}`].join('\n\n'),
                  markdown: [r.docs.summary, r.docs.why, ...docSections(r.docs).map(([h, t]) => `**${h}**\n\n\`\`\`\n${t}\n\`\`\``), `**Fix:** ${r.docs.fix}`].join('\n\n'),
                },
                ...(links ? { helpUri: ruleHelpUri(r.id, projectUrl) } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
                properties: { tags: ['ipv6', r.dialect?.name ?? 'v6ready', r.id.endsWith('/syntax') ? 'correctness' : 'configuration'], precision: 'high' },
              })),
            },
          },
          invocations: [{ executionSuccessful: !o.problems?.length, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
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

const LEVEL_RANK: Record<string, number> = { error: 0, warning: 1, note: 2 };

/** At most `max` results, the most severe first to stay (ties: the first ones), kept in their order. */
function mostSevere<T extends { level: string }>(results: T[], max: number): T[] {
  if (results.length <= max) return results;
  const keep = results
    .map((r, i) => [LEVEL_RANK[r.level] ?? 3, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, Math.max(0, max))
    .map(([, i]) => i)
    .sort((a, b) => a - b);
  return keep.map((i) => results[i]);
}

/**
 * The target of a report link from the folder `from` (the output file's folder, or the current one for stdout): a
 * relative path with '/' and each segment URI-encoded (a space or `#` in a name would end or cut the link), then
 * `#L<line>`. Parentheses are encoded too: Markdown ends a link at an unbalanced one.
 */
export function reportHref(from: string): (l: { path: string; line: number }) => string {
  return (l) => {
    const rel = relative(from, l.path).split(sep).join('/');
    const enc = rel.split('/').map((seg) => encodeURIComponent(seg).replace(/\(/g, '%28').replace(/\)/g, '%29')).join('/');
    return `${enc}#L${l.line}`;
  };
}

function lineAt(text: string, lines: LineIndex, line: number): string {
  const start = lines.offsetAt({ line, character: 0 });
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? text.length : nl);
}
