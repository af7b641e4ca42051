// The IPv6 readiness report (issue #10): per layer and service — listens on IPv6, admits IPv6 clients, names
// with AAAA, findings with their places — built from the workspace model and the findings of every rule. A plain
// JSON shape: the CLI prints it (json), or renders it (render.ts: md, html); the editor shows it in a webview.
import { allRules } from '../core/registry';
import type { Finding, Severity } from '../core/types';
import { displayName, SERVICE_KINDS, SERVICE_TITLES, zoneOf, type ServiceKind, type Site, type WorkspaceModel } from './model';
import { relativeTo } from './paths';
import type { WorkspaceFinding } from './rule';

export type Tri = 'yes' | 'no' | 'unknown';

export interface ReportLocation {
  /** Path as shown: relative to the report's root when inside it. */
  file: string;
  /** The absolute path (for editors to open). */
  path: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface ReportFinding {
  rule: string;
  severity: Severity;
  message: string;
  at: ReportLocation;
  related: (ReportLocation & { message: string })[];
}

export interface ReportName {
  name: string;
  source: string;
  at: ReportLocation;
  /** The zone of the workspace that holds the name, if any. */
  zone?: string;
  a: string[];
  aaaa: string[];
}

export interface ReportService {
  kind: ServiceKind;
  title: string;
  files: string[];
  listensV4: Tri;
  listensV6: Tri;
  listenDetail: string;
  /** Per family: it listens on that family on loopback addresses only (listensV4/V6 are then 'no': no other host reaches it). */
  loopbackOnly: { v4: boolean; v6: boolean };
  listenAt?: ReportLocation;
  /** 'unknown' when v6ready reads no access rules for this service. */
  admitsV6: Tri;
  admitsAt?: ReportLocation & { message: string };
  names: ReportName[];
  findings: ReportFinding[];
  /**
   * Every layer answer is yes, no name lacks AAAA, no error finding, and no warning from a rule about IPv6 (a rule of
   * topic 'general', such as a deprecated keyword, does not decide readiness).
   */
  ready: boolean;
}

export interface ReadinessReport {
  version: 1;
  root: string;
  services: ReportService[];
  zones: { zone: string; conf: ReportLocation; zoneFile?: string }[];
  problems: (ReportLocation & { message: string })[];
  /**
   * judged: some service was found to judge (a daemon's config); without one there is no verdict, and ready is false
   * only because nothing was shown ready.
   */
  summary: { ready: boolean; judged: boolean; files: number; errors: number; warnings: number; others: number };
}

const tri = (b: boolean | undefined): Tri => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

let generalRules: Set<string> | undefined;
/** Does the finding say the service is not ready: an error, or a warning of a rule about IPv6? */
function againstReadiness(f: ReportFinding): boolean {
  generalRules ??= new Set(allRules().filter((r) => r.topic === 'general').map((r) => r.id));
  return f.severity === 'error' || (f.severity === 'warning' && !generalRules.has(f.rule));
}

export function buildReport(ws: WorkspaceModel, workspaceFindings: readonly WorkspaceFinding[], root: string): ReadinessReport {
  const byPath = new Map(ws.files.map((f) => [f.path, f]));
  const loc = (site: Site): ReportLocation => {
    const f = byPath.get(site.file);
    const p = f ? f.lines.positionAt(site.span.start) : { line: 0, character: 0 };
    return { file: relativeTo(root, site.file), path: site.file, line: p.line + 1, column: p.character + 1 };
  };
  const toReport = (file: string, f: Finding): ReportFinding => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    at: loc({ file, span: f.span }),
    related: ((f.related ?? []) as { file?: string; span: Site['span']; message: string }[]).map((r) => ({ ...loc({ file: r.file ?? file, span: r.span }), message: r.message })),
  });
  const all: ReportFinding[] = [];
  for (const f of ws.files) for (const x of f.findings) all.push(toReport(f.path, x));
  for (const x of workspaceFindings) all.push(toReport(x.file, x));

  const services: ReportService[] = [];
  for (const kind of SERVICE_KINDS) {
    const s = ws.services.find((x) => x.kind === kind);
    if (!s) continue;
    // Zone files belong to DNS; a finding shows under each service one of its places is in.
    const files = new Set(s.files);
    if (kind === 'dns') for (const z of ws.zones) if (z.zoneFile) files.add(z.zoneFile);
    const findings = all.filter((f) => files.has(f.at.path) || f.related.some((r) => files.has(r.path) && f.rule.startsWith('workspace/')));
    const names: ReportName[] = s.names.map((n) => {
      const records = ws.addresses.get(n.name) ?? [];
      const zone = zoneOf(ws, n.name);
      return {
        name: displayName(n.name),
        source: n.source,
        at: loc(n.site),
        zone: zone ? displayName(zone.zone) : undefined,
        a: records.filter((r) => r.type === 'A').map((r) => r.address),
        aaaa: records.filter((r) => r.type === 'AAAA').map((r) => r.address),
      };
    });
    const unique = new Map<string, ReportName>();
    for (const n of names) if (!unique.has(`${n.name} ${n.source}`)) unique.set(`${n.name} ${n.source}`, n);
    const listensV6 = tri(s.listen.v6);
    const admitsV6 = s.admitsV6 === undefined ? 'unknown' : tri(s.admitsV6);
    const ready =
      listensV6 === 'yes' &&
      admitsV6 !== 'no' &&
      [...unique.values()].every((n) => !n.zone || n.aaaa.length > 0 || n.a.length === 0) &&
      !findings.some(againstReadiness);
    services.push({
      kind,
      title: SERVICE_TITLES[kind],
      files: [...files].map((p) => relativeTo(root, p)).sort(),
      listensV4: tri(s.listen.v4),
      listensV6,
      listenDetail: s.listen.detail,
      loopbackOnly: { v4: s.listen.loopbackOnly?.v4 ?? false, v6: s.listen.loopbackOnly?.v6 ?? false },
      listenAt: s.listen.site ? loc(s.listen.site) : undefined,
      admitsV6,
      admitsAt: s.admitsSite ? { ...loc(s.admitsSite), message: s.admitsSite.message } : undefined,
      names: [...unique.values()],
      findings,
      ready,
    });
  }
  const count = (sev: Severity[]) => all.filter((f) => sev.includes(f.severity)).length;
  return {
    version: 1,
    root,
    services,
    zones: ws.zones.map((z) => ({ zone: displayName(z.zone), conf: loc(z.site), zoneFile: z.zoneFile ? relativeTo(root, z.zoneFile) : undefined })),
    problems: ws.problems.map((p) => ({ ...loc(p.site), message: p.message })),
    summary: { ready: services.length > 0 && services.every((s) => s.ready), judged: services.length > 0, files: ws.files.length, errors: count(['error']), warnings: count(['warning']), others: count(['info', 'hint']) },
  };
}
