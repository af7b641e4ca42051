// Code actions: each finding's fixes as quick fixes, "Disable <rule> for this line", and the
// `source.fixAll.v6ready` action (all safe fixes, as one minimal edit); plus the v6ready.fixAll command.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { fixAll, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { suppressionComment, suppressionLine } from '../core/suppression';
import type { Dialect, Finding, Span } from '../core/types';
import { SOURCE, minimalEdit, sameRange, toRange, toTextEdit, workspaceEdit } from './convert';
import type { DocumentAnalysis, Session } from './session';
import { EAGER_FIX_ALL_MAX_CHARS } from './limits';

export const FIX_ALL_KIND = 'source.fixAll.v6ready';
export const FIX_ALL_TITLE = 'Fix all safe v6ready problems';
export const FIX_ALL_COMMAND = 'v6ready.fixAll';
/** Appended to the title of a fix that is not safe: it changes what the daemon does beyond the finding. */
export const UNSAFE_SUFFIX = ' (changes behaviour)';

/** Does a requested kind filter (`context.only`) admit this kind? `source.fixAll` admits `source.fixAll.v6ready`. */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The finding a diagnostic of ours was made from: same rule, same range, in the current version's analysis. */
function findingOf(analysis: Analysis, diag: Diagnostic): Finding | undefined {
  return analysis.findings.find((f) => f.rule === diag.code && sameRange(toRange(analysis.lines, f.span), diag.range));
}

function disableAction(a: DocumentAnalysis, rule: string, line: number, diag: Diagnostic, documentChanges: boolean): CodeAction {
  const { lines } = a.analysis;
  const start = lines.lineStart(line);
  const newText = lines.indentationAt(start) + suppressionComment(a.dialect.lineComment, rule) + lines.eol;
  const edit = toTextEdit(lines, { start, end: start, newText });
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diag],
    edit: workspaceEdit(a.doc.uri, a.doc.version, [edit], documentChanges),
  };
}

/** The edit applying every safe fix (to a fixed point), or undefined when there is nothing to fix. */
export function fixAllEdit(
  uri: string,
  version: number,
  text: string,
  analysis: Analysis,
  dialect: Dialect,
  settings: Settings,
  documentChanges: boolean,
): { edit: WorkspaceEdit; applied: number } | undefined {
  if (!analysis.findings.some((f) => f.fixes.some((x) => x.safe))) return undefined;
  const result = fixAll(dialect, text, settings);
  const change = minimalEdit(text, result.text);
  if (!change || result.applied === 0) return undefined;
  return { edit: workspaceEdit(uri, version, [toTextEdit(analysis.lines, change)], documentChanges), applied: result.applied };
}

export async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[] | null> {
  const only = params.context.only;
  // Asked for by kind (fix-all on save, the Source Action menu): the whole file. Else the place of the range will do.
  const fixAllAsked = !!only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`));
  const uri = params.textDocument.uri;
  const a = fixAllAsked ? await session.analyzed(uri) : await session.analyzedAt(uri, params.range.start);
  if (!a) return null;
  const { doc, analysis } = a;
  const documentChanges = session.client.documentChanges;
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    let statements: Span[] | undefined;
    const statementsOf = () => (statements ??= a.dialect.statementSpans?.(analysis.parse.model, analysis.text) ?? []);
    for (const diag of params.context.diagnostics) {
      if (diag.source !== SOURCE || typeof diag.code !== 'string') continue;
      const finding = findingOf(analysis, diag);
      if (finding) {
        const preferred = finding.fixes.findIndex((f) => f.safe);
        finding.fixes.forEach((fix, i) => {
          actions.push({
            title: fix.safe ? fix.title : fix.title + UNSAFE_SUFFIX,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diag],
            isPreferred: i === preferred,
            edit: workspaceEdit(doc.uri, doc.version, fix.edits.map((e) => toTextEdit(analysis.lines, e)), documentChanges),
          });
        });
      }
      // A stale diagnostic (run = onSave, text changed since) still gets its line disabled where the user sees it.
      // Above the statement the finding is in, where a comment may go (a sendmail call whose argument spans lines).
      const line = finding ? suppressionLine(finding.span.start, analysis.lines, statementsOf()) : diag.range.start.line;
      const key = `${diag.code}@${line}`;
      if (disabled.has(key) || line >= analysis.lines.lineCount) continue;
      disabled.add(key);
      actions.push(disableAction(a, diag.code, line, diag, documentChanges));
    }
  }

  if (wanted(only, FIX_ALL_KIND)) {
    if (fixAllAsked || doc.getText().length <= EAGER_FIX_ALL_MAX_CHARS) {
      const full = fixAllAsked ? a : await session.analyzed(uri);
      const all = full && fixAllEdit(doc.uri, doc.version, doc.getText(), full.analysis, a.dialect, a.settings, documentChanges);
      if (all) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: all.edit });
    } else if (analysis.findings.some((f) => f.fixes.some((x) => x.safe))) {
      actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, command: { title: FIX_ALL_TITLE, command: FIX_ALL_COMMAND, arguments: [doc.uri] } });
    }
  }
  return actions;
}

/** workspace/executeCommand `v6ready.fixAll` with the document URI (a string or `{ uri }`) as first argument. */
export async function executeFixAll(session: Session, args: unknown[] | undefined): Promise<{ applied: number; ok: boolean }> {
  const arg = args?.[0];
  const uri = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : undefined;
  if (!uri) throw new Error(`${FIX_ALL_COMMAND} needs the document URI as its argument`);
  const a = await session.analyzed(uri);
  if (!a) return { applied: 0, ok: false };
  const all = fixAllEdit(uri, a.doc.version, a.doc.getText(), a.analysis, a.dialect, a.settings, session.client.documentChanges);
  if (!all) return { applied: 0, ok: true };
  const r = await session.connection.workspace.applyEdit({ label: FIX_ALL_TITLE, edit: all.edit });
  return { applied: r.applied ? all.applied : 0, ok: r.applied };
}
