// `npm run bench`: v6ready against the real checkers on the same generated inputs, in-process throughput against
// a regex scan, growth from 1x to 4x, LSP edit-to-diagnostics latency, hover, completion, memory and the
// extension's load time. Prints ratios (medians of at least 5 runs) and writes BENCHMARKS.md. Times are only
// printed here; no test asserts them. Inputs go to $TMPDIR/v6ready-bench, never into the repository.
// Options: BENCH_RUNS=<n> (default 5), BENCH_SKIP_BUILD=1 (use the existing production dist/),
// BENCH_LSP_ONLY=<file> (only the LSP measures, on that named.conf or httpd.conf; prints, writes nothing), with
// BENCH_LSP_SETTINGS='{"maxNumberOfProblems":0}' (the v6ready settings the client answers with; default {}),
// BENCH_LSP_FOLDER=1 (the file inside a workspace folder given to the server).
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (Node options for the language server, e.g. to profile it;
// not options that print to stdout, such as --trace-gc: stdout is the server's JSON-RPC channel, and the run hangs).
// BENCH_SERVER_STDERR=<file> (the language server's stderr: its log).
const LSP_ONLY = process.env.BENCH_LSP_ONLY;
/** client/src/extension.ts SERVER_EXEC_ARGV (test/lsp/client.test.ts checks they are the same). */
const SERVER_EXEC_ARGV = ['--expose-gc'];
/** How long the LSP measure waits, idle, before reading the server's resident memory. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5000);
/** In a workspace folder the saves leave the index's analyses queued in the worker (~2 s each): idle takes longer. */
const SETTLE_FOLDER_MS = Number(process.env.BENCH_SETTLE_MS ?? 15000);
/** The pause between the open's diagnostics (and two edits right after them) and the 50 timed edits. */
const EDIT_AFTER_OPEN_MS = 3000;
/**
 * Typing with pauses: edits this far apart land while the whole-file pass that follows a pause (FULL_AFTER_FAST_MS,
 * 400 ms, in lsp/diagnostics.ts) is under way.
 */
const PAUSED_EDIT_GAP_MS = 600;
const PAUSED_EDITS = 12;
/** In a workspace folder: saves, each followed by an edit this long after it (the index's rebuild has begun). */
const SAVES = 6;
const EDIT_AFTER_SAVE_MS = 400;
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';
import { INPUTS, bindNamed } from './inputs.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const DIR = join(tmpdir(), 'v6ready-bench');
const CLI = join(ROOT, 'dist/cli.js');
const SERVER = join(ROOT, 'dist/server.js');
const log = (s) => process.stdout.write(s + '\n');
/**
 * The document a run opens: its language, its name, the lines edits go into (at `character`, inside a local segment:
 * a zone's name, a VirtualHost's ServerName) and where, relative to such a line, hover and completion are asked.
 */
const NAMED_DOC = {
  languageId: 'bind-named',
  fileName: 'named.conf',
  isEditLine: (text, at) => text.startsWith('zone "', at),
  character: 7,
  hoverAt: (line) => ({ line: line + 3, character: 4 }),
  completionAt: (line) => ({ line: line + 1, character: 1 }),
};
const HTTPD_DOC = {
  languageId: 'apacheconf',
  fileName: 'httpd.conf',
  isEditLine: (text, at) => text.startsWith('    ServerName vh', at),
  character: 15,
  hoverAt: (line) => ({ line, character: 6 }),
  completionAt: (line) => ({ line: line + 1, character: 4 }),
};

// Node 20 reads and parses the PEM file NODE_EXTRA_CA_CERTS names as every process starts, before any script runs
// (~90 ms for the 144 certificates of a Debian bundle on this machine: it triples `node -e 0`). Sandboxes and
// corporate networks set it for every process; v6ready opens no TLS connection and has no use for it. Every process
// timed here (ours, the checkers, the language server) runs without it; section 2 also times Node's start with it.
const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
const BASE_ENV = { ...process.env };
delete BASE_ENV.NODE_EXTRA_CA_CERTS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';

if (LSP_ONLY) {
  const r = await benchLsp(readFileSync(LSP_ONLY, 'utf8'), JSON.parse(process.env.BENCH_LSP_SETTINGS ?? '{}'), process.env.BENCH_LSP_FOLDER ? join(DIR, 'lsp-folder') : undefined, LSP_ONLY.endsWith('httpd.conf') ? HTTPD_DOC : NAMED_DOC);
  console.log({ ...r, firstEdits: r.firstEdits.map((x) => Math.round(x)).join(' '), edits: `p50 ${median(r.edits).toFixed(1)} p95 ${pct(r.edits, 0.95).toFixed(1)}`, editTimes: r.edits.map((x) => Math.round(x)).join(" "), pausedEdits: r.pausedEdits.map((x) => Math.round(x)).join(" "), savedEdits: r.savedEdits.map((x) => Math.round(x)).join(" "), hover: median(r.hover), completion: median(r.completion) });
  process.exit(0);
}

// --- 1. The production bundle and the inputs -------------------------------------------------------------
if (!process.env.BENCH_SKIP_BUILD) {
  log('building the production bundle (node esbuild.mjs --production) ...');
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
for (const scale of [1, 2, 4]) {
  mkdirSync(join(DIR, `x${scale}`), { recursive: true });
  for (const input of INPUTS) writeFileSync(join(DIR, `x${scale}`, input.file), input.generate(scale));
}
writeFileSync(join(DIR, 'inputs.json'), JSON.stringify(INPUTS.map(({ dialect, language, file }) => ({ dialect, language, file }))));
// A 200-line named.conf: the head of the big one.
writeFileSync(join(DIR, 'small-named.conf'), bindNamed(1).split('\n').slice(0, 200).join('\n') + '\n');

// --- 2. Whole process: v6ready check vs the real checker --------------------------------------------------
// The CLI's caches (V8 code cache, result cache) in a folder of the benchmark's own, emptied at each run.
const CACHE_HOME = join(DIR, 'cache');
rmSync(CACHE_HOME, { recursive: true, force: true });
const CLI_ENV = { ...BASE_ENV, XDG_CACHE_HOME: CACHE_HOME };
function wall(cmd, args, env = CLI_ENV) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, env });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, err: r.error };
}

/** sshd -t refuses to run without /run/sshd: run it in a private mount namespace that has one. */
function checkerCommand(input, file) {
  if (!input.checker) return undefined;
  const [cmd, args] = input.checker(file);
  if (cmd === 'sshd' && !existsSync('/run/sshd')) {
    const quoted = [cmd, ...args].map((a) => `'${a}'`).join(' ');
    return ['unshare', ['-m', 'sh', '-c', `mount -t tmpfs tmpfs /run && mkdir -m 0755 /run/sshd && exec ${quoted}`], 'in a private mount namespace (unshare -m) with /run/sshd'];
  }
  return [cmd, args, ''];
}

// Reading and parsing alone, in a process of its own (scripts/bench/parse-only.ts): the least a whole-process check
// built on our BIND and Apache parsers costs, before any model, rule or output.
const esbuild = await import('esbuild');
/** A script of scripts/bench bundled and minified like dist/, into the benchmark's folder; its path. */
async function bundleScript(name) {
  const outfile = join(DIR, `${name}.cjs`);
  await esbuild.build({ entryPoints: [join(ROOT, `scripts/bench/${name}.ts`)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile, logLevel: 'warning' });
  return outfile;
}
const PARSE_ONLY = await bundleScript('parse-only');
const PARSE_ONLY_DIALECTS = new Set(['bind', 'apache']);

const whole = [];
for (const input of INPUTS) {
  const file = join(DIR, 'x1', input.file);
  // Cold: every run analyses (--no-cache). Cached: the same command again on unchanged files (result-cache.ts).
  const ours = ['check', '--no-cache', '--language', input.language, file];
  const cached = ['check', '--language', input.language, file];
  wall(process.execPath, [CLI, ...ours]); // warm-up: fills the code cache and the page cache
  wall(process.execPath, [CLI, ...cached]); // stores the result the cached runs replay
  const checker = checkerCommand(input, file);
  let checkerOk = false;
  if (checker) {
    const w = wall(checker[0], checker[1]);
    checkerOk = !w.err && w.status === 0;
  }
  const parseOnly = PARSE_ONLY_DIALECTS.has(input.dialect) ? [PARSE_ONLY, input.dialect, file] : undefined;
  if (parseOnly && wall(process.execPath, parseOnly).status !== 0) throw new Error(`parse-only.cjs failed on ${file}`);
  const a = [];
  const b = [];
  const c = [];
  const d = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(wall(process.execPath, [CLI, ...ours]).ms);
    if (checkerOk) b.push(wall(checker[0], checker[1]).ms);
    c.push(wall(process.execPath, [CLI, ...cached]).ms);
    if (parseOnly) d.push(wall(process.execPath, parseOnly).ms);
  }
  const row = { dialect: input.dialect, file: input.file, bytes: readFileSync(file).length, ours: median(a), cached: median(c), parseOnly: parseOnly ? median(d) : undefined, checker: checkerOk ? median(b) : undefined, checkerName: checker ? [checker[0] === 'unshare' ? 'sshd' : checker[0], ...(input.checker(file)[1].filter((x) => x.startsWith('-')))].join(' ') : undefined, note: checker?.[2] };
  whole.push(row);
  log(`${input.dialect.padEnd(8)} v6ready check ${ms(row.ours).padStart(9)} cold, ${ms(row.cached).padStart(9)} cached` + (row.checker !== undefined ? `   ${row.checkerName} ${ms(row.checker)}   ratio ${(row.ours / row.checker).toFixed(2)}x cold, ${(row.cached / row.checker).toFixed(2)}x cached` : checker ? `   (${checker[0]} did not accept the input)` : '   (no checker)'));
}
const version = wall(process.execPath, [CLI, '--version']);
const versionRuns = [];
for (let i = 0; i < RUNS; i++) versionRuns.push(wall(process.execPath, [CLI, '--version']).ms);
const nodeRuns = [];
for (let i = 0; i < RUNS; i++) nodeRuns.push(wall(process.execPath, ['-e', '0']).ms);
const nodeRunsWithCa = [];
if (EXTRA_CA_CERTS) for (let i = 0; i < RUNS; i++) nodeRunsWithCa.push(wall(process.execPath, ['-e', '0'], { ...CLI_ENV, NODE_EXTRA_CA_CERTS: EXTRA_CA_CERTS }).ms);
void version;

// --- 3. In process: throughput, regex floor, growth ------------------------------------------------------
log('in-process parse+lint ...');
const INPROC = await bundleScript('inproc');
const inproc = JSON.parse(spawnSync(process.execPath, [INPROC, DIR], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...BASE_ENV, BENCH_RUNS: String(RUNS) } }).stdout);

// --- 4. LSP over JSON-RPC --------------------------------------------------------------------------------
log('LSP on the big named.conf ...');
const lspText = readFileSync(join(DIR, 'x1', 'named.conf'), 'utf8');
const lsp = await benchLsp(lspText);
log('LSP on the big named.conf with v6ready.maxNumberOfProblems 0 (every finding published) ...');
const lspAll = await benchLsp(lspText, { maxNumberOfProblems: 0 });
// The same file with every `type master;` written `type primary;`: one finding instead of 10,001, so the time is the
// server's, not that of 10,001 diagnostics (about 2.4 MB of JSON) encoded and decoded on every keystroke.
log('LSP on the same named.conf without its 10,000 deprecated-syntax findings ...');
const lspQuiet = await benchLsp(lspText.replaceAll('type master;', 'type primary;'));
// As in VS Code with the file's folder open: the workspace index (cross-file rules) keeps its own analysis of it.
log('LSP on the big named.conf inside an open workspace folder ...');
const lspFolder = await benchLsp(lspText, {}, join(DIR, 'lsp-folder'));
log('LSP on the big httpd.conf ...');
const lspHttpd = await benchLsp(readFileSync(join(DIR, 'x1', 'httpd.conf'), 'utf8'), {}, undefined, HTTPD_DOC);

// --- 5. Extension bundle load ----------------------------------------------------------------------------
const loadScript = join(DIR, 'load-extension.cjs');
writeFileSync(
  loadScript,
  `const Module = require('module');
const load = Module._load;
// A stand-in for the vscode module, which only exists inside VS Code: any property is a callable no-op.
const stub = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
// VS Code's extension host has Node's own modules loaded long before it activates an extension: load them first.
for (const m of ['child_process', 'net', 'crypto', 'os', 'path', 'fs', 'util', 'stream', 'events', 'url', 'assert']) require(m);
const t = performance.now();
require(${JSON.stringify(join(ROOT, 'dist/extension.js'))});
process.stdout.write(String(performance.now() - t));
`,
);
// What users get is the production bundle (npm run package): the code-cache loader around the minified client, without
// a source map. Its first load compiles and stores the V8 cache (as after an install or an update); the timed loads use it.
const extensionIsProduction = !readFileSync(join(ROOT, 'dist/extension.js'), 'utf8').includes('sourceMappingURL=');
const firstLoad = Number(spawnSync(process.execPath, [loadScript], { encoding: 'utf8', env: BASE_ENV }).stdout);
const activation = [];
for (let i = 0; i < RUNS; i++) activation.push(Number(spawnSync(process.execPath, [loadScript], { encoding: 'utf8', env: BASE_ENV }).stdout));

// --- 6. Report -------------------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
const p = (s = '') => lines.push(s);
p('# Benchmarks');
p();
p('Written by `npm run bench` (scripts/bench/run.mjs); do not edit by hand. Every time is the median of');
p(`${RUNS} runs unless it says otherwise; inputs are generated deterministically (scripts/bench/inputs.mjs).`);
p();
p(`- Machine: ${cpu}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z`);
p(`- Load average when the run ended: ${loadavg().map((x) => x.toFixed(2)).join(', ')}. Other builds and tests shared this machine: wall times are noisy; ratios to a checker measured in the same loop are the steadier number.`);
p(`- Startup: \`node -e 0\` ${ms(median(nodeRuns))}; \`v6ready --version\` ${ms(median(versionRuns))} (production bundle, V8 code cache warm).`);
if (EXTRA_CA_CERTS) {
  const count = (() => {
    try {
      return `${readFileSync(EXTRA_CA_CERTS, 'latin1').split('-----BEGIN CERTIFICATE-----').length - 1} certificates`;
    } catch {
      return 'unreadable';
    }
  })();
  p(`- This machine sets NODE_EXTRA_CA_CERTS for every process (${EXTRA_CA_CERTS}, ${count}). Node 20 reads and parses that file as any process starts, before the script runs: \`node -e 0\` takes ${ms(median(nodeRunsWithCa))} with it, ${ms(median(nodeRuns))} without. v6ready makes no TLS connection, so every process timed here (ours, the checkers, the language server) runs without it; where it is set, \`env -u NODE_EXTRA_CA_CERTS v6ready check …\` saves that time on every run (README, "Performance").`);
}
p();
p('## Whole process: `v6ready check` vs the real checker on the same file (target: at most 0.5x)');
p();
p('Cold: `v6ready check --no-cache`, which parses and lints every time (as after any edit to the file). Cached: the same');
p('`v6ready check` again on unchanged files, answered from the result cache once every file it read is found to have');
p('the same bytes (server/src/cli/result-cache.ts; the checkers keep no such cache). The target is judged on each.');
p();
p('| dialect | input | size | v6ready check, cold | cached | checker | checker time | ratio cold | ratio cached | target (cold / cached) |');
p('|---|---|---|---|---|---|---|---|---|---|');
const verdict = (r, x) => (r.dialect === 'bind' || r.dialect === 'apache' ? (x !== undefined ? (x <= 0.5 ? 'met' : 'NOT met') : '?') : '–');
for (const r of whole) {
  const ratio = r.checker !== undefined ? r.ours / r.checker : undefined;
  const ratioCached = r.checker !== undefined ? r.cached / r.checker : undefined;
  const target = verdict(r, ratio) === '–' ? '–' : `${verdict(r, ratio)} / ${verdict(r, ratioCached)}`;
  p(`| ${r.dialect} | ${r.file} | ${(r.bytes / 1e6).toFixed(2)} MB | ${ms(r.ours)} | ${ms(r.cached)} | ${r.checkerName ?? '–'}${r.note ? ` (${r.note})` : ''} | ${r.checker !== undefined ? ms(r.checker) : '–'} | ${ratio !== undefined ? ratio.toFixed(2) + 'x' : '–'} | ${ratioCached !== undefined ? ratioCached.toFixed(2) + 'x' : '–'} | ${target} |`);
}
p();
// What no Node program can beat: starting Node, plus one regex pass over the bytes (section 3's scan).
const floors = whole.filter((r) => r.checker !== undefined && (r.dialect === 'bind' || r.dialect === 'apache')).map((r) => {
  const floor = median(nodeRuns) + inproc[r.dialect][0].scanMs;
  return `${r.dialect} ${ms(floor)} = ${(floor / r.checker).toFixed(2)}x of ${r.checkerName}`;
});
p(`The floor for a cold run of any tool written for Node on this machine, \`node -e 0\` plus one regex scan of the file (the next section), before reading a single clause: ${floors.join('; ')}.`);
const parseFloors = whole.filter((r) => r.checker !== undefined && r.parseOnly !== undefined).map((r) => `${r.dialect} ${ms(r.parseOnly)} = ${(r.parseOnly / r.checker).toFixed(2)}x of ${r.checkerName}`);
p();
p(`Reading and parsing alone, with v6ready's own scanner and parser and nothing else (scripts/bench/parse-only.ts: a process that parses the file and prints a count; no model, no rules, no output; the same ${RUNS} rounds as the table): ${parseFloors.join('; ')}. Any cold \`v6ready check\` built on these parsers costs at least that.`);
p();
p('## In process: parse + lint throughput, against a regex scan of the same bytes');
p();
p('The regex scan is one sticky regular expression splitting the text into words, strings, comments and punctuation:');
p('the floor no JavaScript tokenizer goes below. Growth: time at 2x and 4x the input over time at 1x (linear = 2 and 4), wall');
p('time of whole analyses, garbage collection included: the three sizes are analysed in turn, each after a full collection');
p(`and with the rules' caches emptied, in ${inproc.growthRounds} rounds; the ratio of the medians, then in brackets`);
p('that of the fastest runs (the least disturbed by other work). GC share: the median share of an analysis spent in');
p('collector pauses on its thread, at 1x and at 4x.');
p();
p('| dialect | 1x size | parse+lint | MB/s | regex scan | ratio to scan | 2x / 1x | 4x / 1x | GC share 1x / 4x | findings (1x) |');
p('|---|---|---|---|---|---|---|---|---|---|');
for (const input of INPUTS) {
  const rows = inproc[input.dialect];
  const [a, b, c] = rows;
  const growth = (x) => `${(x.ms / a.ms).toFixed(2)} (${(x.minMs / a.minMs).toFixed(2)})`;
  const gcShare = `${Math.round(a.gcShare * 100)}% / ${Math.round(c.gcShare * 100)}%`;
  p(`| ${input.dialect} | ${(a.bytes / 1e6).toFixed(2)} MB | ${ms(a.ms)} | ${(a.bytes / 1e6 / (a.ms / 1000)).toFixed(1)} | ${ms(a.scanMs)} | ${(a.ms / a.scanMs).toFixed(1)}x | ${growth(b)} | ${growth(c)} | ${gcShare} | ${a.findings} |`);
}
p();
p(`A ${inproc.small.lines}-line named.conf: ${ms(inproc.small.ms)} per parse+lint (p95 ${ms(inproc.small.p95)}, 200 runs) — target under 2 ms: ${inproc.small.ms < 2 ? 'met' : 'NOT met'}.`);
p();
p(`## LSP: the ${(lsp.bytes / 1e6).toFixed(2)} MB named.conf (and the httpd.conf) open in the server (dist/server.js over JSON-RPC on stdio)`);
p();
p('Four runs on the same 20,000 zones, and one on httpd.conf. The benchmark file as generated, where every other zone says `type master;`: 10,001');
p('findings, of which the editor gets the 1,000 `v6ready.maxNumberOfProblems` allows by default (and a notice with the');
p('total); the same with that setting at 0, so every keystroke publishes all 10,001 diagnostics (about 2.4 MB of JSON the');
p('server encodes and the client decodes); the file with `type primary;` throughout (1 finding): the differences are');
p('the cost of publishing, not of analysing. And the file as generated inside a workspace folder the server was given, as');
p('in VS Code with the folder open: the workspace index (cross-file rules) reads and analyses it too, in the analysis');
p('worker, at start-up and when it is saved (that run also saves six times, timing the edit that follows each save).');
p(`The last run opens the ${(lspHttpd.bytes / 1e6).toFixed(2)} MB httpd.conf of section 2 instead; its edits go into VirtualHosts (a ServerName), hover and`);
p('completion there too.');
p();
const runs = [['as generated, default settings', lsp], ['as generated, maxNumberOfProblems 0', lspAll], ['`type primary` (1 finding)', lspQuiet], ['as generated, in an open workspace folder', lspFolder], [`httpd.conf (${(lspHttpd.bytes / 1e6).toFixed(2)} MB, 5,000 VirtualHosts), default settings`, lspHttpd]];
p(`| measure | ${runs.map(([what]) => `${what} p50 | p95`).join(' | ')} | target |`);
p(`|---|${runs.map(() => '---|---|').join('')}---|`);
const row = (what, pick, target = '–') =>
  p(`| ${what} | ${runs.map(([, r]) => { const x = pick(r); return `${x.length ? ms(median(x)) : '–'} | ${x.length > 1 ? ms(pct(x, 0.95)) : '–'}`; }).join(' | ')} | ${target} |`);
const editTarget = (x) => (pct(x, 0.95) <= 50 ? 'met' : 'NOT met');
row('open to first diagnostics', (r) => [r.open]);
row('the two edits sent the moment the first diagnostics arrive', (r) => r.firstEdits);
row(`one-character didChange to publishDiagnostics (${lsp.edits.length} edits inside zones, from ${EDIT_AFTER_OPEN_MS / 1000} s after the open)`, (r) => r.edits, `p95 ≤ 50 ms: ${runs.map(([, r]) => editTarget(r.edits)).join(' / ')}`);
row("last edit to the whole file's diagnostics once typing stops (bind/duplicate and the other whole-file rules)", (r) => (r.complete === undefined ? [] : [r.complete]));
row(`typing with pauses: one-character didChange to publishDiagnostics, ${PAUSED_EDITS} edits each ${PAUSED_EDIT_GAP_MS} ms after the last (each lands during the whole-file pass the pause started)`, (r) => r.pausedEdits);
row(`in a workspace folder: an edit ${EDIT_AFTER_SAVE_MS} ms after saving (the index reads the saved file again), ${SAVES} saves`, (r) => r.savedEdits);
row(`hover (${lsp.hover.length} requests)`, (r) => r.hover);
row(`completion (${lsp.completion.length} requests)`, (r) => r.completion);
p();
p('An edit inside a zone statement is analysed on that statement and the global ones (core/incremental.ts); whole-file rules');
p('run once typing pauses (the fourth row), in a worker thread (lsp/background-analysis.ts): an edit made meanwhile is');
p('linted at once and stops that pass (the fifth row). See server/README.md.');
p();
for (const [what, r] of runs) {
  p(
    `Server resident memory, ${what}: ${r.rssMb.toFixed(0)} MB once idle for ${r.settleMs / 1000} s after the edits and requests ` +
      `(${r.rssBusyMb.toFixed(0)} MB right after the last request; peak ${r.hwmMb.toFixed(0)} MB) — target under 150 MB: ${r.rssMb < 150 ? 'met' : 'NOT met'}.`,
  );
  p();
}
p('## Extension bundle load');
p();
p(`\`require('dist/extension.js')\` in a fresh Node process (vscode stubbed; Node's built-in modules loaded first, as in the extension host): ${ms(median(activation))} — target under 50 ms: ${median(activation) < 50 ? 'met' : 'NOT met'}. ${extensionIsProduction ? 'The production bundle, as packaged (minified, in the code-cache loader; the timed loads use the cache the first one wrote)' : 'NOT the production bundle (dist/ is a development build)'}; the run's first load (which compiles and writes the cache unless an earlier run left one) took ${ms(firstLoad)}.`);
p();
writeFileSync(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
log('\n' + lines.join('\n'));

// --- LSP driver ------------------------------------------------------------------------------------------
/** With `folder`, the file is written there and the server is given that folder as its workspace (the index reads it too). */
async function benchLsp(text, settings = {}, folder = undefined, doc = NAMED_DOC) {
  // Node options and MALLOC_ARENA_MAX=1 as the extension starts the server (client/src/extension.ts SERVER_EXEC_ARGV).
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { stdio: 'pipe', env: { ...BASE_ENV, MALLOC_ARENA_MAX: BASE_ENV.MALLOC_ARENA_MAX ?? '1' } });
  if (process.env.BENCH_SERVER_STDERR) child.stderr.pipe(createWriteStream(process.env.BENCH_SERVER_STDERR));
  else child.stderr.resume();
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  /** Every publication: [version, time, has a bind/duplicate finding]. */
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push([p.version, performance.now()]);
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(performance.now());
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  let uri = `file:///bench/${doc.fileName}`;
  if (folder) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, doc.fileName), text);
    uri = pathToFileURL(join(folder, doc.fileName)).href;
  }
  const folderUri = folder ? pathToFileURL(folder).href : null;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: folderUri, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } }, workspaceFolders: folder ? [{ uri: folderUri, name: 'bench' }] : null });
  await conn.sendNotification('initialized', {});
  const diagnosticsFor = (version) => new Promise((res) => waiting.set(version, res));
  let t = performance.now();
  let got = diagnosticsFor(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: doc.languageId, version: 1, text } });
  const open = (await got) - t;
  // 50 one-character edits at places spread over the file: 25 times, insert a letter into a zone name, then take it out.
  const zoneLines = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  for (let l = 0; l < lineStarts.length; l++) if (doc.isEditLine(text, lineStarts[l])) zoneLines.push(l);
  const edits = [];
  let version = 1;
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / (1 << 24);
  const editPair = async (into) => {
    const line = zoneLines[Math.floor(rnd() * zoneLines.length)];
    const pos = { line, character: doc.character };
    for (const change of [{ range: { start: pos, end: pos }, text: 'q' }, { range: { start: pos, end: { line, character: doc.character + 1 } }, text: '' }]) {
      version++;
      got = diagnosticsFor(version);
      t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      into.push((await got) - t);
    }
  };
  // Two edits the moment the first diagnostics arrive (the server still has the open's garbage to collect and cold
  // code), reported apart; then, as a user reads before typing, a pause of EDIT_AFTER_OPEN_MS and the 50 edits.
  const firstEdits = [];
  await editPair(firstEdits);
  await new Promise((r) => setTimeout(r, EDIT_AFTER_OPEN_MS));
  for (let i = 0; i < 25; i++) await editPair(edits);
  // Once typing stops, the whole file is analysed again (whole-file rules, after the fast path): time from the last
  // edit to that second publication of its version.
  const lastSent = t;
  let complete;
  for (let waited = 0; waited < 30000 && complete === undefined; waited += 20) {
    const again = published.filter(([v]) => v === version);
    if (again.length >= 2) complete = again[1][1] - lastSent;
    else await new Promise((r) => setTimeout(r, 20));
  }
  // Typing with pauses: a letter put into a zone name, and taken out again, each after a pause in which the
  // whole-file pass the previous edit scheduled has started.
  const pausedEdits = [];
  for (let i = 0; i < PAUSED_EDITS / 2; i++) {
    const line = zoneLines[Math.floor(rnd() * zoneLines.length)];
    const pos = { line, character: doc.character };
    for (const change of [{ range: { start: pos, end: pos }, text: 'q' }, { range: { start: pos, end: { line, character: doc.character + 1 } }, text: '' }]) {
      await new Promise((r) => setTimeout(r, PAUSED_EDIT_GAP_MS));
      version++;
      got = diagnosticsFor(version);
      t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      pausedEdits.push((await got) - t);
    }
  }
  // In a workspace folder, saving makes the workspace index read the file again (lsp/workspace.ts): a letter put in or
  // taken out, the file saved, and the next edit EDIT_AFTER_SAVE_MS later, timed.
  const savedEdits = [];
  if (folder) {
    for (let i = 0; i < SAVES; i++) {
      const line = zoneLines[Math.floor(rnd() * zoneLines.length)];
      const pos = { line, character: doc.character };
      version++;
      got = diagnosticsFor(version);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'q' }] });
      await got;
      await conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await new Promise((r) => setTimeout(r, EDIT_AFTER_SAVE_MS));
      version++;
      got = diagnosticsFor(version);
      t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: { line, character: doc.character + 1 } }, text: '' }] });
      savedEdits.push((await got) - t);
    }
  }
  // Hover on a clause name and completion inside a zone, spread over the file.
  const hover = [];
  const completion = [];
  for (let i = 0; i < 20; i++) {
    const line = zoneLines[Math.floor(rnd() * zoneLines.length)];
    t = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.hoverAt(line) });
    hover.push(performance.now() - t);
    t = performance.now();
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.completionAt(line) });
    completion.push(performance.now() - t);
  }
  let status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const rssBusyMb = kb('VmRSS') / 1024;
  // The file open and nobody typing: what the server holds once the collector has had a moment.
  const settleMs = folder ? SETTLE_FOLDER_MS : SETTLE_MS;
  await new Promise((r) => setTimeout(r, settleMs));
  status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  // Let the server exit by itself (a profile is written on exit), then make sure it is gone.
  await new Promise((r) => { child.once('exit', r); setTimeout(r, 5000); });
  child.kill();
  return { bytes: Buffer.byteLength(text), open, firstEdits, edits, complete, pausedEdits, savedEdits, hover, completion, rssBusyMb, rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, settleMs };
}
