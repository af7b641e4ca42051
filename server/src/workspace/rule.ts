// Cross-file rules (the `workspace/` family): they see the workspace model, not one document, and report a
// finding in one file with related locations in others. Severity settings and suppression comments apply as for
// per-file rules, in the file the finding is in.
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { collectSuppressions, isSuppressed } from '../core/suppression';
import type { Timings } from '../core/timings';
import type { Finding, RelatedLocation, RuleDocs, Severity } from '../core/types';
import type { Site, WorkspaceModel } from './model';

export interface WorkspaceReport {
  site: Site;
  message: string;
  related: (Site & { message: string })[];
}

export interface WorkspaceRuleContext {
  readonly ws: WorkspaceModel;
  report(r: WorkspaceReport): void;
}

export interface WorkspaceRule {
  /** "workspace/<name>", equal to the file name under workspace/rules/. */
  id: string;
  severity: Severity;
  docs: RuleDocs;
  check(ctx: WorkspaceRuleContext): void;
}

export function defineWorkspaceRule(rule: WorkspaceRule): WorkspaceRule {
  if (!/^workspace\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`bad workspace rule id '${rule.id}'`);
  return rule;
}

/** A related location, possibly in another file (by path). */
export type FileRelated = RelatedLocation & { file?: string };

/** A finding of a cross-file rule: in `file`, with related locations in any file. */
export interface WorkspaceFinding extends Finding {
  file: string;
  related: FileRelated[];
}

/** Run the rules over the model; `settingsFor` gives the settings of the file a finding lands in. */
export function runWorkspaceRules(
  ws: WorkspaceModel,
  rules: readonly WorkspaceRule[],
  settingsFor: (path: string) => Settings = () => DEFAULT_SETTINGS,
  timings?: Timings,
): WorkspaceFinding[] {
  const out: WorkspaceFinding[] = [];
  const byPath = new Map(ws.files.map((f) => [f.path, f]));
  const suppressions = new Map<string, ReturnType<typeof collectSuppressions>>();
  for (const rule of rules) {
    const raw: WorkspaceReport[] = [];
    const t = timings ? performance.now() : 0;
    try {
      rule.check({ ws, report: (r) => raw.push(r) });
    } catch (err) {
      const first = ws.files[0];
      if (first) {
        out.push({ file: first.path, rule: 'v6ready/internal-error', severity: 'warning', message: `v6ready rule ${rule.id} failed on this workspace (${(err as Error).message}); please report it.`, span: { start: 0, end: 0 }, fixes: [], related: [] });
      }
      continue;
    }
    for (const r of raw) {
      const setting = settingsFor(r.site.file).rules[rule.id];
      if (setting === 'off') continue;
      const f = byPath.get(r.site.file);
      const finding: WorkspaceFinding = {
        file: r.site.file,
        rule: rule.id,
        severity: setting ?? rule.severity,
        message: r.message,
        span: { start: r.site.span.start, end: r.site.span.end },
        fixes: [],
        related: r.related.map((x) => ({ file: x.file, span: { start: x.span.start, end: x.span.end }, message: x.message })),
      };
      if (f) {
        let s = suppressions.get(f.path);
        if (!s) suppressions.set(f.path, (s = collectSuppressions(f.facts.comments, f.lines)));
        if (isSuppressed(finding, s, f.lines)) continue;
      }
      out.push(finding);
    }
    timings?.add(`rule ${rule.id}`, performance.now() - t);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}
