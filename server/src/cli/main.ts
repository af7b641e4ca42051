// The `v6ready` command: check (text/json/sarif, --fix), rules, explain, lsp. Exit 0 clean, 1 errors, 2 usage/I-O.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, fixAll } from '../core/analyze';
import { allRules, DIALECTS, dialectForLanguage, dialectForPath, findRule } from '../core/registry';
import { LineIndex } from '../core/text';
import { ConfigError, ConfigLoader } from './config';
import { readInput, readStdin, walk, writeAtomically, type DecodedText, type InputFile } from './files';
import { formatJson, formatSarif, formatText, type FileReport, type SarifOptions } from './format';
import { Progress } from './progress';

declare const __V6READY_VERSION__: string;
const VERSION = typeof __V6READY_VERSION__ !== 'undefined' ? __V6READY_VERSION__ : '0.0.0-dev';

const USAGE = `usage: v6ready check [--format text|json|sarif] [--fix] [--language <id>] [--config <file>] [--max-warnings <n>] <file|dir|->...
       v6ready rules
       v6ready explain <rule>
       v6ready lsp --stdio
       v6ready --version

Languages: ${DIALECTS.map((d) => `${d.languageId} (${d.filePatterns.join(', ')})`).join('; ')}`;

class UsageError extends Error {}

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  language?: string;
  config?: string;
  /** Exit 1 when there are more warnings than this (as ESLint's --max-warnings); errors exit 1 regardless. */
  maxWarnings?: number;
  paths: string[];
}

function parseCheckArgs(args: string[]): CheckOptions {
  const o: CheckOptions = { format: 'text', fix: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format '${f}' (text, json or sarif)`);
      o.format = f;
    } else if (a === '--language' || a.startsWith('--language=')) o.language = value('--language');
    else if (a === '--config' || a.startsWith('--config=')) o.config = value('--config');
    else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const v = value('--max-warnings');
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number >= 0, not '${v}'`);
      o.maxWarnings = Number(v);
    }
    else if (a === '--') o.paths.push(...args.slice(i + 1)), (i = args.length);
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

function collectJobs(o: CheckOptions, ioErrors: string[], configs: ConfigLoader): Job[] {
  const jobs: Job[] = [];
  const forced = o.language ? dialectForLanguage(o.language) : undefined;
  for (const p of o.paths) {
    if (p === '-') {
      jobs.push({ path: '-', dialect: forced!, stdin: true });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      ioErrors.push(`${p}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`);
      continue;
    }
    if (st.isDirectory()) {
      try {
        for (const f of walk(p)) if (!configs.ignored(f.path)) jobs.push({ path: f.path, dialect: forced ?? f.dialect });
      } catch (err) {
        ioErrors.push((err as Error).message);
      }
    } else {
      const dialect = forced ?? dialectForPath(p);
      // A file named on the command line is ignored too: pre-commit passes every changed file by name.
      if (configs.ignored(p)) continue;
      if (!dialect) ioErrors.push(`${p}: cannot tell its language from the name; pass --language <id>`);
      else jobs.push({ path: p, dialect });
    }
  }
  return jobs;
}

function check(args: string[]): number {
  const o = parseCheckArgs(args);
  const ioErrors: string[] = [];
  const configs = loadConfigs(o.config);
  const reports: FileReport[] = [];
  const jobs = collectJobs(o, ioErrors, configs);
  const progress = new Progress(process.stderr, jobs.length);
  for (const [i, job] of jobs.entries()) {
    progress.update(i, job.path);
    const settings = configs.forFile(job.stdin ? undefined : job.path).settings;
    let input: DecodedText;
    try {
      input = job.stdin ? readStdin() : readInput(job.path);
    } catch (err) {
      ioErrors.push(`${job.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    const notes: string[] = [];
    if (!input.validUtf8) notes.push('not valid UTF-8: undecodable bytes were read as U+FFFD' + (o.fix ? '; not fixed, to keep its bytes' : ''));
    let analysis = analyze(job.dialect, input.text, settings);
    if (o.fix && input.validUtf8) {
      const r = fixAll(job.dialect, input.text, settings);
      if (r.applied > 0) {
        if (job.stdin) process.stdout.write(r.text);
        else {
          try {
            writeAtomically(job.path, (input.bom ? '\ufeff' : '') + r.text);
            notes.push(`applied ${r.applied} safe fix${r.applied === 1 ? '' : 'es'}`);
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only?); nothing was changed' : code ?? (err as Error).message;
            ioErrors.push(`${job.path}: cannot write the fixes: ${why}`);
          }
        }
        analysis = r.analysis;
      }
    }
    reports.push({ path: job.path, language: job.dialect.languageId, lines: analysis.lines ?? new LineIndex(input.text), findings: analysis.findings, notes, text: input.text });
  }
  progress.done();
  ioErrors.unshift(...configs.problems);
  const out = o.format === 'json' ? formatJson(reports) : o.format === 'sarif' ? formatSarif(reports, sarifOptions()) : formatText(reports, !!process.stdout.isTTY && !process.env.NO_COLOR);
  // With --fix on stdin, stdout carries the fixed text; the report goes to stderr.
  const toStderr = o.fix && o.paths.includes('-');
  (toStderr ? process.stderr : process.stdout).write(out + '\n');
  for (const e of ioErrors) process.stderr.write(`v6ready: ${e}\n`);
  if (ioErrors.length) return 2;
  return exitCode(reports, o.maxWarnings);
}

function sarifOptions(): SarifOptions {
  return {
    version: VERSION,
    root: process.cwd(),
    fileUri: (p) => pathToFileURL(p).href,
    hash: (s) => createHash('sha256').update(s).digest('hex').slice(0, 32),
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

function rules(): number {
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
  const d = r.docs;
  process.stdout.write(
    [
      `${r.id} (${r.dialect.title}, default severity: ${r.severity})`,
      '',
      d.summary,
      '',
      '## Why it matters',
      d.why,
      '',
      '## Example',
      d.bad,
      '',
      '## Instead',
      d.good,
      '',
      '## Fix',
      d.fix,
      '',
      '## References',
      ...d.references.map((x) => `- ${x}`),
      '',
    ].join('\n'),
  );
  return 0;
}

function lsp(): number {
  // The language server is its own bundle beside this one; it reads --stdio / --node-ipc from argv.
  const server = join(__dirname, 'server.js');
  if (!existsSync(server)) throw new Error(`language server not found at ${server}`);
  require(server);
  return -1;
}

export function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check':
        return check(rest);
      case 'rules':
        return rules();
      case 'explain':
        return explain(rest);
      case 'lsp':
        return lsp();
      case '--version':
      case '-v':
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
