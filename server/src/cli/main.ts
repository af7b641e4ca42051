// The `v6ready` command: check (text/json/sarif, --fix), rules, explain, lsp. Exit 0 clean, 1 errors, 2 usage/I-O.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, fixAll } from '../core/analyze';
import { allRules, DIALECTS, dialectForLanguage, dialectForPath, findRule } from '../core/registry';
import { parseSettings, type Settings } from '../core/settings';
import { LineIndex } from '../core/text';
import { describeIoError, readInput, readStdin, walk, writeAtomically, type DecodedText, type InputFile } from './files';
import { formatJson, formatSarif, formatText, type FileReport } from './format';

declare const __V6READY_VERSION__: string;
const VERSION = typeof __V6READY_VERSION__ !== 'undefined' ? __V6READY_VERSION__ : '0.0.0-dev';

const USAGE = `usage: v6ready check [--format text|json|sarif] [--fix] [--language <id>] [--config <file>] <file|dir|->...
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

function loadSettings(configPath: string | undefined, errors: string[]): Settings {
  const path = configPath ?? (existsSync('.v6ready.json') ? '.v6ready.json' : undefined);
  if (!path) return parseSettings(undefined).settings;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  const { settings, problems } = parseSettings(raw, new Set(allRules().map((r) => r.id)));
  for (const p of problems) errors.push(`${path}: ${p}`);
  return settings;
}

interface Job {
  path: string;
  dialect: InputFile['dialect'];
  stdin?: boolean;
}

function collectJobs(o: CheckOptions, ioErrors: string[]): Job[] {
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
      ioErrors.push(`${p}: ${describeIoError(err)}`);
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p, [], ioErrors);
      for (const f of found) jobs.push({ path: f.path, dialect: forced ?? f.dialect });
      // Nothing to check is an error, not a clean bill of health (a wrong path in CI would otherwise pass).
      if (found.length === 0) {
        ioErrors.push(`${p}: no config files found in this directory (looked for ${DIALECTS.flatMap((d) => d.filePatterns).join(', ')}); name a file and pass --language <id> to check it anyway`);
      }
    } else {
      const dialect = forced ?? dialectForPath(p);
      if (!dialect) ioErrors.push(`${p}: cannot tell its language from the name; pass --language <id>`);
      else jobs.push({ path: p, dialect });
    }
  }
  return jobs;
}

function check(args: string[]): number {
  const o = parseCheckArgs(args);
  const ioErrors: string[] = [];
  const settings = loadSettings(o.config, ioErrors);
  const reports: FileReport[] = [];
  for (const job of collectJobs(o, ioErrors)) {
    let input: DecodedText;
    try {
      input = job.stdin ? readStdin() : readInput(job.path);
    } catch (err) {
      ioErrors.push(`${job.path}: cannot read: ${describeIoError(err)}`);
      continue;
    }
    const notes: string[] = [];
    if (!input.validUtf8) notes.push('not valid UTF-8: undecodable bytes were read as U+FFFD' + (o.fix ? '; not fixed, to keep its bytes' : ''));
    if (input.text.slice(0, 8192).includes('\u0000') && !input.validUtf8) notes.push(`looks like a binary file, not a ${job.dialect.title} config`);
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
    reports.push({ path: job.path, language: job.dialect.languageId, lines: analysis.lines ?? new LineIndex(input.text), findings: analysis.findings, notes });
  }
  const out = o.format === 'json' ? formatJson(reports) : o.format === 'sarif' ? formatSarif(reports, VERSION) : formatText(reports, !!process.stdout.isTTY && !process.env.NO_COLOR);
  // With --fix on stdin, stdout carries the fixed text; the report goes to stderr.
  const toStderr = o.fix && o.paths.includes('-');
  (toStderr ? process.stderr : process.stdout).write(out + '\n');
  for (const e of ioErrors) process.stderr.write(`v6ready: ${e}\n`);
  if (ioErrors.length) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
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
    process.stderr.write(`v6ready: internal error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
