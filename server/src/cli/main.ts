// The `v6ready` command: check (text/json/sarif, --fix), rules, explain, lsp. Exit 0 clean, 1 errors, 2 usage/I-O.
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, byPosition, fixAll, INCLUDE_RULE, type Analysis } from '../core/analyze';
import { allRules, DIALECTS, dialectForLanguage, dialectForPath, findRule } from '../core/registry';
import { collectSuppressions, isSuppressed } from '../core/suppression';
import { LineIndex } from '../core/text';
import { formatTimings, timed, Timings } from '../core/timings';
import { BYTE_ORDER_MARK_RULE } from '../core/coreRules';
import type { Dialect, Severity } from '../core/types';
import { IncludeWorld } from '../workspace/linked';
import { ConfigError, ConfigLoader } from './config';
import { exists, readdir, realpath, stat } from './disk';
import { describeIoError, readInput, readStdin, rewriteFile, walk, type DecodedText, type InputFile } from './files';
import { formatJson, formatSarif, formatText, reportHref, type FileReport, type RunProblem, type SarifOptions } from './format';
import { parseMaxWarnings, UsageError } from './args';
import { explainText } from './explain';
import { digest } from './hash';
import { usedCodePath } from './code-paths';
import { Progress, PROGRESS_MIN_FILES } from './progress';
import { cliWorkspace, fsReader } from './workspace';
import { runWorkspaceRules } from '../workspace/rule';
import { WORKSPACE_RULES } from '../workspace/rules';
import { buildReport } from '../workspace/report';
import { displayName, type WorkspaceModel } from '../workspace/model';
import { renderHtml, renderMarkdown } from '../workspace/render';

declare const __V6READY_VERSION__: string;
const VERSION = typeof __V6READY_VERSION__ !== 'undefined' ? __V6READY_VERSION__ : '0.0.0-dev';

const USAGE = `usage: v6ready check [--format text|json|sarif] [--fix] [--language <id>] [--config <file>] [--max-warnings <n>|-1] [--no-cache] [--timing] <file|dir|->...
       v6ready report [--format md|html|json] [--config <file>] [--output <file>] <dir|file>...
       v6ready rules
       v6ready explain <rule>
       v6ready lsp --stdio
       v6ready --version

--max-warnings <n>: exit 1 when there are more than n warnings; -1 sets no limit (as when not given).
Languages: ${DIALECTS.map((d) => `${d.languageId} (${d.filePatterns.join(', ')})`).join('; ')}`;

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  language?: string;
  config?: string;
  /** Exit 1 when there are more warnings than this (as ESLint's --max-warnings; -1 or unset: no limit); errors exit 1 regardless. */
  maxWarnings?: number;
  /** Print where the time went (steps and rules, slowest first) on stderr after the report; never cached. */
  timing: boolean;
  paths: string[];
}

/** Command-line arguments one at a time; an option's value is `--name=value` or the next argument. */
class ArgReader {
  private i = -1;
  constructor(private readonly args: readonly string[]) {}
  next(): string | undefined {
    return this.args[++this.i];
  }
  /** Is `a` the option `name`, alone or as `name=value`? */
  is(a: string, name: string): boolean {
    return a === name || a.startsWith(`${name}=`);
  }
  /** The value of option `a` (after `=`, else the next argument, which is then consumed). */
  value(a: string, name: string): string {
    const eq = a.indexOf('=');
    if (eq > 0) return a.slice(eq + 1);
    const v = this.next();
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  }
  /** Everything after the current argument (after `--`), consumed. */
  rest(): string[] {
    const out = this.args.slice(this.i + 1);
    this.i = this.args.length;
    return out;
  }
}

function parseCheckArgs(args: string[]): CheckOptions {
  const o: CheckOptions = { format: 'text', fix: false, timing: false, paths: [] };
  const r = new ArgReader(args);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    const value = (name: string) => r.value(a!, name);
    if (a === '--fix') o.fix = true;
    else if (a === '--timing') o.timing = true;
    // The loader (boot.ts) reads --no-cache before this runs: a run with it neither uses nor stores a cached result.
    else if (a === '--no-cache') continue;
    else if (r.is(a, '--format')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format '${f}' (text, json or sarif)`);
      o.format = f;
    } else if (r.is(a, '--language')) o.language = value('--language');
    else if (r.is(a, '--config')) o.config = value('--config');
    else if (r.is(a, '--max-warnings')) o.maxWarnings = parseMaxWarnings(value('--max-warnings'));
    else if (a === '--') o.paths.push(...r.rest());
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) throw new UsageError('check needs at least one file, directory or -');
  if (o.language && !dialectForLanguage(o.language)) {
    throw new UsageError(`unknown language '${o.language}' (known: ${DIALECTS.map((d) => d.languageId).join(', ')})`);
  }
  if (o.paths.includes('-') && !o.language) throw new UsageError('reading stdin (-) needs --language <id>');
  return o;
}

interface Job {
  path: string;
  dialect: InputFile['dialect'];
  stdin?: boolean;
}

/**
 * The files the checked files include, in their includer's language, as jobs after those given (each file once):
 * named-checkconf, apache2 -t and sshd -t check what a config includes, so `check named.conf` does too. A
 * `named.conf.options` with a missing `;`, or an `extra.conf` that sshd refuses, went unreported when only the file
 * named was checked. Files the configuration ignores stay out.
 */
function addIncludedJobs(jobs: Job[], worlds: IncludeWorlds, configs: ConfigLoader): void {
  const known = new Set(jobs.filter((j) => !j.stdin).map((j) => realOrResolved(j.path)));
  for (const world of worlds.values()) {
    for (const root of world.roots) {
      for (const f of world.graph(root).files) {
        const key = realOrResolved(f);
        if (known.has(key) || configs.ignored(f)) continue;
        known.add(key);
        jobs.push({ path: shownPath(f), dialect: world.dialect });
      }
    }
  }
}

function collectJobs(o: CheckOptions, ioErrors: RunProblem[], configs: ConfigLoader): Job[] {
  const jobs: Job[] = [];
  const forced = o.language ? dialectForLanguage(o.language) : undefined;
  // A file named twice (`check d d/named.conf`, `t/named.conf ./t/named.conf`, a link and its target) is checked once,
  // where first given: counted twice, its warnings would count twice against --max-warnings.
  const seen = new Set<string>();
  const add = (path: string, dialect: Dialect) => {
    const key = realOrResolved(path);
    if (seen.has(key)) return;
    seen.add(key);
    jobs.push({ path, dialect });
  };
  for (const p of o.paths) {
    if (p === '-') {
      jobs.push({ path: '-', dialect: forced!, stdin: true });
      continue;
    }
    let st;
    try {
      st = stat(p) ?? failWith('ENOENT');
    } catch (err) {
      ioErrors.push({ message: `${p}: ${describeIoError(err)}`, path: p });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p, [], ioErrors);
      for (const f of found) if (!configs.ignored(f.path)) add(f.path, forced ?? f.dialect);
      // Nothing to check is an error, not a clean bill of health (a wrong path in CI would otherwise pass).
      if (found.length === 0) {
        ioErrors.push({
          message: `${p}: no config files found in this directory (looked for ${DIALECTS.flatMap((d) => d.filePatterns).join(', ')}); name a file and pass --language <id> to check it anyway`,
          path: p,
        });
      }
    } else {
      const dialect = forced ?? dialectForPath(p);
      // A file named on the command line is ignored too: pre-commit passes every changed file by name.
      if (configs.ignored(p)) continue;
      if (!dialect) ioErrors.push({ message: `${p}: cannot tell its language from the name; pass --language <id>`, path: p });
      else add(p, dialect);
    }
  }
  return jobs;
}

function realOrResolved(path: string): string {
  try {
    return realpath(path);
  } catch {
    return resolve(path);
  }
}

/** Throws a file system error with this code (as the failing call would have). */
function failWith(code: string): never {
  throw Object.assign(new Error(code), { code });
}

function listForIncludes(dir: string): string[] | undefined {
  try {
    return readdir(dir);
  } catch {
    return undefined;
  }
}

/**
 * One include world per dialect that has includes, over the disk, rooted at the checked files of that dialect:
 * each checked file sees what it includes and what includes it.
 */
function includeWorlds(jobs: readonly Job[]): IncludeWorlds {
  const out: IncludeWorlds = new Map();
  for (const j of jobs) {
    if (!j.dialect.links || j.stdin) continue;
    let w = out.get(j.dialect);
    if (!w) out.set(j.dialect, (w = Object.assign(new IncludeWorld(j.dialect, fsReader, listForIncludes), { roots: [] as string[] })));
    w.roots.push(resolve(j.path));
  }
  return out;
}

/**
 * What the daemon's own reader does with a leading UTF-8 byte order mark, by dialect, measured on named-checkconf and
 * named-checkzone 9.18, apache2 -t 2.4, sshd -t 9.2 and dash: none of them skips it, so it sticks to the first word
 * (v6ready/byte-order-mark). Not sendmail: m4 copies the mark into the generated .cf, where it lands before a comment.
 */
const BOM_EFFECT: Record<string, string> = {
  bind: 'named reads it as part of the first word and refuses the file ("unknown option")',
  zone: 'named reads it as part of the first line and refuses the zone',
  apache: "Apache reads it as part of the first directive and refuses the file (\"Invalid command '\\xef\\xbb\\xbf…'\")",
  sshd: 'sshd reads it as part of the first keyword and refuses the file ("Bad configuration option")',
  rcconf: 'sh reads it as part of the first word: the first line runs as a command ("not found"), and a variable set there stays unset',
};

function check(args: string[]): number {
  const o = parseCheckArgs(args);
  // performance.now() counts from the process' start: what came before this line is Node's and the loader's.
  const timings = o.timing ? new Timings() : undefined;
  timings?.add('start-up (Node, loading v6ready)', performance.now());
  const ioErrors: RunProblem[] = [];
  const configs = loadConfigs(o.config);
  const reports: FileReport[] = [];
  const jobs = collectJobs(o, ioErrors, configs);
  const worlds = includeWorlds(jobs);
  addIncludedJobs(jobs, worlds, configs);
  const analysed: Analysed[] = [];
  // process.stderr is made on first use (a stream; for a terminal or a pipe, Node's net module too): a run with too
  // few files for a counter does not ask for it.
  const progress = new Progress(jobs.length >= PROGRESS_MIN_FILES ? process.stderr : { write: () => true }, jobs.length);
  usedCodePath(`format:${o.format}`);
  if (o.fix) usedCodePath('fix');
  for (const [i, job] of jobs.entries()) {
    progress.update(i, job.path);
    usedCodePath(`dialect:${job.dialect.name}`);
    const settings = configs.forFile(job.stdin ? undefined : job.path).settings;
    let input: DecodedText;
    try {
      input = timed(timings, 'read and decode', () => (job.stdin ? readStdin() : readInput(job.path)));
    } catch (err) {
      ioErrors.push({ message: `${job.path}: cannot read: ${describeIoError(err)}`, path: job.path });
      continue;
    }
    const notes: string[] = [];
    if (!input.validUtf8) notes.push('not valid UTF-8: undecodable bytes were read as U+FFFD' + (o.fix ? '; not fixed, to keep its bytes' : ''));
    if (input.text.slice(0, 8192).includes('\u0000') && !input.validUtf8) notes.push(`looks like a binary file, not a ${job.dialect.title} config`);
    // A mark the daemon trips over is a finding, and --fix drops it (a safe fix); elsewhere --fix keeps it.
    const bomEffect = input.bom && settings.rules[BYTE_ORDER_MARK_RULE] !== 'off' ? BOM_EFFECT[job.dialect.name] : undefined;
    const world = worlds.get(job.dialect);
    const context = timed(timings, 'includes', () => (world && !job.stdin ? world.contextOf(resolve(job.path), world.roots) : undefined));
    const analyzeContext = { linked: context?.linked, includeProblems: context?.problems, linkedPartial: context?.partial, path: job.stdin ? undefined : resolve(job.path), timings };
    let analysis = analyze(job.dialect, input.text, settings, analyzeContext);
    let fixed: string | undefined;
    let bomFixed = false;
    if (o.fix && input.validUtf8) {
      const r = fixAll(job.dialect, input.text, settings, {}, analyzeContext);
      const applied = r.applied + (bomEffect ? 1 : 0);
      if (applied > 0) {
        fixed = (input.bom && !bomEffect ? '\ufeff' : '') + r.text;
        if (job.stdin) {
          analysis = r.analysis;
          bomFixed = true;
        } else {
          try {
            rewriteFile(job.path, fixed);
            notes.push(`applied ${applied} safe fix${applied === 1 ? '' : 'es'}`);
            analysis = r.analysis;
            bomFixed = true;
          } catch (err) {
            // The findings stay those of the file as it is on disk.
            const code = (err as NodeJS.ErrnoException).code;
            const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only?); nothing was changed' : code ?? (err as Error).message;
            ioErrors.push({ message: `${job.path}: cannot write the fixes: ${why}`, path: job.path });
          }
        }
      }
    }
    // As a filter (`check --fix - < in > out`), stdout is the whole text: fixed, or as it came (byte for byte).
    if (o.fix && job.stdin) process.stdout.write(fixed ?? input.bytes);
    let findings = analysis.findings;
    if (bomEffect && !bomFixed) {
      const severity = (settings.rules[BYTE_ORDER_MARK_RULE] as Severity | undefined) ?? 'error';
      const message = `the file starts with a UTF-8 byte order mark (invisible in most editors): v6ready reads past it, but ${bomEffect}. --fix removes it.`;
      findings = [{ rule: BYTE_ORDER_MARK_RULE, severity, message, span: { start: 0, end: 0 }, fixes: [] }, ...findings];
    }
    reports.push({ path: job.path, language: job.dialect.languageId, lines: analysis.lines ?? new LineIndex(analysis.text), findings, notes, text: analysis.text, stdin: job.stdin });
    if (!job.stdin) analysed.push({ path: resolve(job.path), dialect: job.dialect, analysis });
  }
  progress.done();
  addIncludeProblemsElsewhere(reports, worlds, configs, analysed);
  addWorkspaceFindings(reports, jobs.filter((j) => !j.stdin).map((j) => j.path), configs, analysed, timings);
  nameRelatedFiles(reports, worlds);
  ioErrors.unshift(...configs.problems);
  const out = timed(timings, `format ${o.format}`, () =>
    o.format === 'json' ? formatJson(reports, relatedFiles) : o.format === 'sarif' ? formatSarif(reports, sarifOptions(ioErrors), relatedFiles) : formatText(reports, !!process.stdout.isTTY && !process.env.NO_COLOR, relatedFiles),
  );
  // With --fix on stdin, stdout carries the fixed text; the report goes to stderr.
  const toStderr = o.fix && o.paths.includes('-');
  timed(timings, 'write the report', () => (toStderr ? process.stderr : process.stdout).write(out + '\n'));
  for (const e of ioErrors) process.stderr.write(`v6ready: ${e.message}\n`);
  if (timings) process.stderr.write(`\n${formatTimings(timings, performance.now())}\n`);
  if (ioErrors.length) return 2;
  return exitCode(reports, o.maxWarnings);
}

/** One include world per dialect that has includes, with the files checked in it (the roots of its trees). */
type IncludeWorlds = Map<Dialect, IncludeWorld & { roots: string[] }>;

interface Analysed {
  path: string;
  dialect: Dialect;
  analysis: Analysis;
}

/**
 * Include problems on the statements of files that were not checked themselves but are included by one that was: an
 * include loop closes in the last file of the loop (`check named.conf` whose named.conf.a includes named.conf back),
 * and a file read through an include may include one that cannot be read. Each joins the output under that file, as
 * cross-file findings do, instead of going unsaid.
 */
function addIncludeProblemsElsewhere(reports: FileReport[], worlds: IncludeWorlds, configs: ConfigLoader, analysed: readonly Analysed[]): void {
  const checked = new Set(analysed.map((a) => a.path));
  const byAbs = new Map<string, FileReport>();
  const seen = new Set<string>();
  const suppressions = new Map<string, ReturnType<typeof collectSuppressions>>();
  for (const world of worlds.values()) {
    for (const root of world.roots) {
      for (const p of world.graph(root).problems) {
        const key = `${p.file}\u0000${p.span.start}\u0000${p.message}`;
        if (checked.has(p.file) || seen.has(key) || configs.ignored(p.file)) continue;
        seen.add(key);
        const setting = configs.forFile(p.file).settings.rules[INCLUDE_RULE];
        const file = world.file(p.file);
        if (setting === 'off' || !file) continue;
        const finding = { rule: INCLUDE_RULE, severity: setting ?? p.severity, message: p.message, span: { start: p.span.start, end: p.span.end }, fixes: [] };
        // Its suppression comments count as in a file checked (parsed again for them: such problems are rare).
        let s = suppressions.get(p.file);
        if (!s) suppressions.set(p.file, (s = collectSuppressions(world.dialect.parse(file.text).comments, file.lines)));
        if (isSuppressed(finding, s, file.lines)) continue;
        let report = byAbs.get(p.file);
        if (!report) {
          report = reportOf(shownPath(p.file), world.dialect.languageId, file);
          byAbs.set(p.file, report);
          reports.push(report);
        }
        report.findings.push(finding);
      }
    }
  }
  for (const r of byAbs.values()) r.findings.sort(byPosition);
}

/**
 * The cross-file rules over the files checked (and the files they include or name as zone files): their findings
 * join the reports of the files they are in, related locations named by the paths the output uses.
 */
function addWorkspaceFindings(reports: FileReport[], paths: string[], configs: ConfigLoader, analysed: readonly Analysed[], timings: Timings | undefined): void {
  if (paths.length === 0) return;
  const t = performance.now();
  const index = cliWorkspace(paths, configs);
  // The files check has analysed are not parsed again.
  for (const a of analysed) index.seed(a.path, a.dialect, a.analysis.text, a.analysis);
  const ws = index.build();
  timings?.add('workspace: index (zone files, included files)', performance.now() - t);
  addZoneFileReports(reports, ws, configs, analysed);
  const findings = runWorkspaceRules(ws, WORKSPACE_RULES, (p) => configs.forFile(p).settings, timings);
  if (findings.length === 0) return;
  const byAbs = new Map(reports.filter((r) => r.path !== '-').map((r) => [resolve(r.path), r]));
  // Looked up per finding and per related location: by path once, not a scan of the files each time.
  const fileByPath = new Map(ws.files.map((x) => [x.path, x]));
  const touched = new Set<FileReport>();
  const display = (abs: string) => byAbs.get(abs)?.path ?? shownPath(abs);
  for (const f of findings) {
    if (configs.ignored(f.file)) continue;
    let report = byAbs.get(f.file);
    if (!report) {
      const file = fileByPath.get(f.file);
      if (!file) continue;
      report = reportOf(display(f.file), file.dialect.languageId, file);
      reports.push(report);
      byAbs.set(f.file, report);
    }
    report.findings.push({ ...f, related: f.related.map((r) => ({ ...r, file: r.file ? display(r.file) : undefined })) });
    touched.add(report);
  }
  // Sorted once per report, not after each finding added (quadratic on a file with thousands of them).
  for (const report of touched) report.findings.sort(byPosition);
  // Related files not otherwise reported still need their line tables for the output formats.
  for (const f of findings) {
    for (const r of f.related) {
      if (!r.file || byAbs.has(r.file)) continue;
      const file = fileByPath.get(r.file);
      if (file) byAbs.set(r.file, reportOf(display(r.file), file.dialect.languageId, file));
    }
  }
  relatedFiles.clear();
  for (const [, r] of byAbs) relatedFiles.set(r.path, r);
}

/**
 * The zone files the checked named.conf files name, with their own findings (an AAAA record holding an IPv4 address,
 * a syntax error): named loads each zone from its file when it starts and refuses a zone it cannot load, as
 * `named-checkconf -z` shows. The workspace index has read and analysed them for the cross-file rules already. Their
 * fixes are not offered here: the cross-file findings were judged on the file as it is, so a zone file is fixed when
 * checked itself (`check --fix db.example`, or the folder that holds it), and a note says so.
 */
function addZoneFileReports(reports: FileReport[], ws: WorkspaceModel, configs: ConfigLoader, analysed: readonly Analysed[]): void {
  const known = new Set(analysed.map((a) => a.path));
  const byPath = new Map(ws.files.map((f) => [f.path, f]));
  for (const zone of ws.zones) {
    const path = zone.zoneFile;
    if (!path || known.has(path) || configs.ignored(path)) continue;
    known.add(path);
    const file = byPath.get(path);
    if (!file) continue;
    const report = reportOf(shownPath(path), file.dialect.languageId, file);
    const fixable = file.findings.filter((f) => f.fixes.some((x) => x.safe)).length;
    report.findings.push(...file.findings.map((f) => ({ ...f, fixes: [] })));
    if (fixable > 0) report.notes.push(`zone file of ${displayName(zone.zone)}: ${fixable} finding${fixable === 1 ? ' has a' : 's have'} safe fix; \`v6ready check --fix ${report.path}\` applies ${fixable === 1 ? 'it' : 'them'}`);
    reports.push(report);
  }
}

/**
 * Related locations of per-file findings in the files an include joined (an acl defined in an included file): named
 * by the path the output uses for files, with that file's line table in relatedFiles, so they print as
 * `see path:line:col` like those of the cross-file rules (they printed an absolute path without a position).
 */
function nameRelatedFiles(reports: readonly FileReport[], worlds: IncludeWorlds): void {
  const reportByAbs = new Map(reports.filter((r) => r.path !== '-').map((r) => [resolve(r.path), r]));
  for (const report of reports) {
    for (const f of report.findings) {
      for (const r of (f.related ?? []) as { file?: string }[]) {
        if (r.file === undefined || relatedFiles.has(r.file)) continue;
        const abs = resolve(r.file);
        const known = reportByAbs.get(abs);
        if (known) {
          r.file = known.path;
          relatedFiles.set(known.path, known);
          continue;
        }
        for (const world of worlds.values()) {
          const linked = world.file(abs);
          if (!linked) continue;
          const path = shownPath(abs);
          r.file = path;
          relatedFiles.set(path, reportOf(path, world.dialect.languageId, linked));
          break;
        }
      }
    }
  }
}

/** A path as the output shows it: relative to the working folder when inside it, else absolute. */
function shownPath(abs: string): string {
  const rel = relative('.', abs);
  return rel.startsWith('..') ? abs : rel;
}

/** The report of a file the output names without having checked it (its findings are added by the caller). */
function reportOf(path: string, languageId: string, file: { lines: LineIndex; text: string }): FileReport {
  return { path, language: languageId, lines: file.lines, findings: [], notes: [], text: file.text };
}

/** Files that related locations point into, by their display path (for the output formats' line numbers). */
const relatedFiles = new Map<string, FileReport>();

/** `problems`: what made the run incomplete (exit 2), which SARIF reports as tool notifications. */
function sarifOptions(problems: readonly RunProblem[]): SarifOptions {
  return {
    problems,
    version: VERSION,
    root: process.cwd(),
    fileUri: (p) => pathToFileURL(p).href,
    hash: (s) => digest('sha256', s, 'hex').slice(0, 32),
  };
}

function loadConfigs(explicit: string | undefined): ConfigLoader {
  try {
    return new ConfigLoader(explicit);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** 1 when any finding is an error, or when there are more warnings than --max-warnings allows; else 0. */
export function exitCode(reports: readonly FileReport[], maxWarnings: number | undefined): number {
  const all = reports.flatMap((r) => r.findings);
  if (all.some((f) => f.severity === 'error')) return 1;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`v6ready: too many warnings (${warnings}; --max-warnings allows ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * `v6ready report`: the IPv6 readiness report of the configs under the given folders (or the given files) as
 * Markdown, HTML or JSON. Exit 0 when it was written (ready or not: `check` is the gate), 2 on usage or I/O errors.
 */
function report(args: string[]): number {
  let format: 'md' | 'html' | 'json' = 'md';
  let config: string | undefined;
  let output: string | undefined;
  const paths: string[] = [];
  const argv = new ArgReader(args);
  for (let a = argv.next(); a !== undefined; a = argv.next()) {
    const value = (name: string) => argv.value(a!, name);
    if (argv.is(a, '--format')) {
      const f = value('--format');
      if (f !== 'md' && f !== 'html' && f !== 'json') throw new UsageError(`unknown report format '${f}' (md, html or json)`);
      format = f;
    } else if (argv.is(a, '--config')) config = value('--config');
    else if (argv.is(a, '--output') || a === '-o') output = value('--output');
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length === 0) throw new UsageError('report needs at least one folder or file');
  usedCodePath(`report-format:${format}`);
  const configs = loadConfigs(config);
  const ioErrors: string[] = [];
  const unreadable: RunProblem[] = [];
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = stat(p) ?? failWith('ENOENT');
    } catch {
      ioErrors.push(`${p}: no such file or directory`);
      continue;
    }
    if (st.isDirectory()) {
      // As check does: a folder that cannot be read is reported (exit 2), and the report covers the rest.
      for (const f of walk(p, [], unreadable)) if (!configs.ignored(f.path)) files.push(f.path);
    } else if (!configs.ignored(p)) files.push(p);
  }
  if (ioErrors.length) {
    for (const e of ioErrors) process.stderr.write(`v6ready: ${e}\n`);
    return 2;
  }
  const index = cliWorkspace(files, configs);
  const ws = index.build();
  const findings = runWorkspaceRules(ws, WORKSPACE_RULES, (p) => configs.forFile(p).settings).filter((f) => !configs.ignored(f.file));
  const root = resolve(paths.length === 1 && stat(paths[0])?.isDirectory() ? paths[0] : '.');
  const r = buildReport(ws, findings, root);
  // Links are relative to where the report is read from: the folder of --output when given, else the current folder
  // (where stdout is usually read or saved; the report's root may be elsewhere, as in `report /etc > r.md`).
  const href = reportHref(output ? dirname(resolve(output)) : process.cwd());
  const text = format === 'json' ? JSON.stringify(r, null, 2) + '\n' : format === 'html' ? renderHtml(r, { href }) : renderMarkdown(r, { href });
  for (const p of [...configs.problems, ...unreadable]) process.stderr.write(`v6ready: ${p.message}\n`);
  if (output) {
    try {
      writeFileSync(output, text);
    } catch (err) {
      process.stderr.write(`v6ready: cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 2;
    }
  } else process.stdout.write(text);
  return configs.problems.length || unreadable.length ? 2 : 0;
}

/** A command that takes no arguments refuses any, as check refuses an unknown option, rather than ignore them. */
function noArguments(cmd: string, args: readonly string[]): void {
  if (args.length === 0) return;
  throw new UsageError(args[0].startsWith('-') ? `unknown option '${args[0]}'` : `${cmd} takes no arguments, not '${args[0]}'`);
}

function rules(args: string[]): number {
  noArguments('rules', args);
  const list = allRules();
  const width = Math.max(...list.map((r) => r.id.length));
  for (const r of list) process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.docs.summary}\n`);
  return 0;
}

function explain(args: string[]): number {
  if (args.length !== 1) throw new UsageError('explain needs exactly one rule id (see `v6ready rules`)');
  const r = findRule(args[0]);
  if (!r) {
    const near = allRules().filter((x) => x.id.includes(args[0]) || args[0].includes(x.id.split('/')[1]));
    throw new UsageError(`unknown rule '${args[0]}'${near.length ? `; did you mean ${near.map((x) => x.id).join(', ')}?` : ''}`);
  }
  process.stdout.write(explainText(r));
  return 0;
}

function lsp(): number {
  // The language server is its own bundle beside this one; it reads --stdio / --node-ipc from argv.
  const server = join(__dirname, 'server.js');
  if (!exists(server)) throw new Error(`language server not found at ${server}`);
  require(server);
  return -1;
}

/** The commands main() knows (a run's command is one of the code paths it used; an unknown word is not). */
const COMMANDS = new Set(['check', 'report', 'rules', 'explain', 'lsp', '--version', '-v', '--help', '-h', 'help']);

export function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (COMMANDS.has(cmd)) usedCodePath(cmd);
  try {
    switch (cmd) {
      case 'check':
        return check(rest);
      case 'report':
        return report(rest);
      case 'rules':
        return rules(rest);
      case 'explain':
        return explain(rest);
      case 'lsp':
        return lsp();
      case '--version':
      case '-v':
        noArguments(cmd, rest);
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(cmd ? `unknown command '${cmd}'` : 'no command given');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`v6ready: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`v6ready: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`v6ready: internal error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
