// Real VS Code end to end: installs the packaged .vsix into a fresh code-server (VS Code 1.100 from npm, cached in
// .cache/code-server), drives it in headless Debian Chromium through playwright-core, and for every language the
// extension contributes runs its row of test/e2e/scenarios.ts: language mode, squiggle, Problems entry, hover docs,
// severity setting, Ctrl+. quick fix, save, fix-all on save. Records the activation time and that a plain text file
// does not activate the extension. Writes docs/screenshots/*.png and test-results/e2e/.
//
// Usage: npm run test:e2e (packages the .vsix first). Env: KEEP=1 keeps the run folder; CHROMIUM=<path>;
// TRACE=1 traces the LSP traffic into the "v6ready" channel (test-results/e2e/logs). Under CI=true a missing
// browser or code-server fails; elsewhere the run skips, saying why.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureCodeServer, CODE_SERVER_VERSION } from './code-server';
import { REPORT_SCENARIO, SCENARIOS, type Scenario } from './scenarios';
import {
  activeEditor, closeAllEditors, dismissHover, editUserSettings, editorText, focusEditor, goTo, hoverAtCursor, hoverWidget, openFile,
  problemRows, rowSeverity, runCommand, showProblems, sleep,
} from './workbench';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results/e2e');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VSIX = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

const t0 = performance.now();
const timings: Record<string, number> = {};
const log = (s: string) => console.log(s);
function mark(name: string): void {
  timings[name] = Math.round(performance.now() - t0);
  log(`  [${(timings[name] / 1000).toFixed(1)} s] ${name}`);
}
interface Check { name: string; ok: boolean; detail: string }
const checks: Check[] = [];
function check(name: string, ok: boolean, detail = ''): boolean {
  checks.push({ name, ok, detail });
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  return ok;
}
const short = (s: string, n = 160) => JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);

function skipOrFail(reason: string): never {
  if (CI) {
    console.error(`e2e: cannot run: ${reason}`);
    process.exit(1);
  }
  console.log(`e2e: skipped: ${reason} (with CI=true this is a failure)`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Prerequisites: the browser, code-server, the .vsix, a row per contributed language.
if (!existsSync(CHROMIUM)) skipOrFail(`no browser at ${CHROMIUM} (apt-get install chromium)`);
let codeServerBin: string;
try {
  codeServerBin = (await ensureCodeServer(ROOT, log)).bin;
} catch (e) {
  skipOrFail(e instanceof Error ? e.message : String(e));
}
if (!existsSync(VSIX)) {
  console.error(`e2e: ${relative(ROOT, VSIX)} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  process.exit(1);
}
const languages: { id: string; aliases?: string[] }[] = pkg.contributes.languages;
// In the order of SCENARIOS: the first row's screenshots go to docs/screenshots (the README shows them).
const scenarios: Scenario[] = [];
for (const lang of [...languages].sort((a, b) => rank(a.id) - rank(b.id))) {
  const row = SCENARIOS.find((s) => s.language === lang.id);
  const missing = row ? [row.example, row.quickFix.expected].filter((f) => !existsSync(join(ROOT, f))) : [];
  const why = !row ? 'add one to test/e2e/scenarios.ts' : missing.length ? `missing ${missing.join(', ')}` : '';
  if (check(`scenario row for language ${lang.id}`, !why, why)) scenarios.push(row!);
}
function rank(id: string): number {
  const i = SCENARIOS.findIndex((s) => s.language === id);
  return i < 0 ? SCENARIOS.length : i;
}
mark('prerequisites');

// ---------------------------------------------------------------------------------------------------------------
// The run folder: workspace, VS Code profile, extensions, and HOME/XDG/TMPDIR for everything started from here.
mkdirSync(join(ROOT, '.cache/e2e'), { recursive: true });
const RUN = mkdtempSync(join(ROOT, '.cache/e2e/run-'));
const WS = join(RUN, 'ws'), UD = join(RUN, 'user-data'), EXTS = join(RUN, 'extensions');
const HOME = join(RUN, 'home'), TMP = join(RUN, 'tmp');
rmSync(RESULTS, { recursive: true, force: true });
for (const d of [WS, join(UD, 'User'), EXTS, HOME, TMP, RESULTS, SCREENSHOTS]) mkdirSync(d, { recursive: true });

// What exists outside the run folder before the run, where VS Code, code-server and Chromium would write.
const REAL_HOME = homedir(), REAL_TMP = tmpdir();
const WATCHED: [string, RegExp][] = [
  [REAL_HOME, /^\.(config|local|cache|pki|vscode|vscode-server|code-server)$/],
  [join(REAL_HOME, '.config'), /chromium|code-server|Code/],
  [join(REAL_HOME, '.local/share'), /code-server|vscode/],
  [join(REAL_HOME, '.cache'), /chromium|dconf|code-server|vscode|ms-playwright|fontconfig/],
  [REAL_TMP, /^(vscode-|code-server|playwright|\.org\.chromium|puppeteer|chromium)/],
];
const listing = (dir: string, re: RegExp) => { try { return readdirSync(dir).filter((n) => re.test(n)); } catch { return []; } };
const before = new Map(WATCHED.map(([d, re]) => [d, new Set(listing(d, re))]));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  HOME, XDG_CONFIG_HOME: join(HOME, '.config'), XDG_DATA_HOME: join(HOME, '.local/share'),
  XDG_CACHE_HOME: join(HOME, '.cache'), XDG_RUNTIME_DIR: join(RUN, 'xdg-runtime'), TMPDIR: TMP,
};
mkdirSync(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
// Playwright puts Chromium's temporary profile in os.tmpdir(); VS Code leaves sockets in TMPDIR when killed.
Object.assign(process.env, { HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME,
  XDG_CACHE_HOME: env.XDG_CACHE_HOME, XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR, TMPDIR: TMP });

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  ...(process.env.TRACE ? { 'v6ready.trace.server': 'verbose' } : {}),
};
writeFileSync(join(UD, 'User/settings.json'), JSON.stringify(BASE_SETTINGS, null, 2));
/** Later changes go through the settings editor in the workbench (a change to the file on disk goes unnoticed). */
const setSettings = (page: Page, extra: Record<string, unknown> = {}) => editUserSettings(page, join(UD, 'User/settings.json'), { ...BASE_SETTINGS, ...extra });

// Workspace: a plain text file, and per scenario two copies of its example (one for the quick fix, one for
// fix-all), each under its path below examples/ so the language's file patterns see the same names.
writeFileSync(join(WS, 'notes.txt'), 'A plain text file: opening it must not activate v6ready.\n');
const copyPath = (s: Scenario, step: string) => join(step, relative(join(ROOT, 'examples'), join(ROOT, s.example)));
for (const s of scenarios) {
  for (const step of ['quick-fix', 'fix-all']) {
    mkdirSync(dirname(join(WS, copyPath(s, step))), { recursive: true });
    cpSync(join(ROOT, s.example), join(WS, copyPath(s, step)));
  }
}
mark('runFolder');

// ---------------------------------------------------------------------------------------------------------------
// The CLI tells where a rule's finding is, and what all safe fixes give (the oracle for fix-all on save).
interface CliFinding { rule: string; severity: string; message: string; range: { start: { line: number; character: number } }; fixes?: { title: string; safe: boolean }[] }
function cliFindings(file: string): CliFinding[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8', env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`v6ready check ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout).files.flatMap((f: { findings: CliFinding[] }) => f.findings);
}
function cliFixAll(file: string): string {
  const copy = join(RUN, 'oracle', relative(WS, file));
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(file, copy);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--fix', copy], { encoding: 'utf8', env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`v6ready check --fix ${copy} failed: ${r.stderr}`);
  return readFileSync(copy, 'utf8');
}

function findFiles(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? findFiles(p, re) : re.test(n) ? [p] : [];
  });
}
const exthostLog = () => findFiles(join(UD, 'logs'), /^remoteexthost\.log$/).map((f) => readFileSync(f, 'utf8')).join('\n');
/** Our output channel "v6ready", as the extension host writes it to its log folder. */
const outputChannel = () => findFiles(join(UD, 'logs'), /-v6ready\.log$/).map((f) => readFileSync(f, 'utf8')).join('\n');
const serverProcesses = () => spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout.split('\n')
  .filter((l) => l.includes(EXTS) && l.includes('dist/server.js'));

async function waitFor<T>(what: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined || Date.now() > end) return v;
    await sleep(200);
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Install the .vsix into this run's profile, start code-server in its own process group, open Chromium.
const install = spawnSync(codeServerBin, ['--user-data-dir', UD, '--extensions-dir', EXTS, '--install-extension', VSIX], { encoding: 'utf8', env });
check('.vsix installed into a fresh profile', install.status === 0 && existsSync(join(EXTS, `${EXTENSION_ID}-${pkg.version}`)),
  (install.stdout + install.stderr).trim().split('\n').pop() ?? '');
mark('vsixInstalled');

const PORT = await freePort();
const csLog = openSync(join(RUN, 'code-server.log'), 'w');
const cs: ChildProcess = spawn(codeServerBin, [
  '--auth', 'none', '--bind-addr', `127.0.0.1:${PORT}`,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--disable-proxy', '--ignore-last-opened', '--user-data-dir', UD, '--extensions-dir', EXTS, WS,
], { env, cwd: RUN, detached: true, stdio: ['ignore', csLog, csLog] });

let browser: Browser | undefined;
let page: Page | undefined;
let activationMs: number | undefined;
let serverReadyMs: number | undefined;
const pageErrors: string[] = [];

/** A screenshot in test-results/e2e/; with `docsName`, also docs/screenshots/<docsName>.png (the README shows it). */
async function shot(name: string, docsName?: string): Promise<void> {
  if (!page) return;
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  if (docsName) cpSync(join(RESULTS, `${name}.png`), join(SCREENSHOTS, `${docsName}.png`));
}

try {
  const up = await waitFor(async () => {
    try { return (await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok || undefined; } catch { return undefined; }
  }, 30_000);
  if (!up) throw new Error(`code-server did not answer on port ${PORT}: see ${join(RUN, 'code-server.log')}`);
  mark('codeServerReady');

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env, // HOME/XDG inside the run folder: Chromium writes ~/.config/chromium and ~/.cache/dconf otherwise
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
      '--no-default-browser-check', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${PORT}` });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  mark('browserLaunched');

  await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('treeitem', { name: 'notes.txt' }).waitFor({ timeout: 60_000 });
  mark('workbenchReady');

  // ---- activation only for our languages: a plain text file leaves the extension asleep ----
  await openFile(page, 'notes.txt');
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: 'Plain Text' }).waitFor({ timeout: 20_000 });
  // The remote extension host is up (it has activated something, e.g. a built-in) before we judge.
  await waitFor(() => (/_doActivateExtension/.test(exthostLog()) ? true : undefined), 30_000);
  await sleep(3_000);
  const asleep = !new RegExp(`_doActivateExtension ${EXTENSION_ID}\\b`, 'i').test(exthostLog()) && serverProcesses().length === 0;
  check('a plain text file does not activate the extension', asleep,
    asleep ? 'no activation in the extension host log, no language server process' : exthostLog().split('\n').filter((l) => l.includes(EXTENSION_ID)).join(' | '));
  await closeAllEditors(page);
  mark('plainTextChecked');

  for (const [i, s] of scenarios.entries()) {
    try {
      await runScenario(page, s, i === 0);
    } catch (e) {
      check(`${s.language}: scenario ran to the end`, false, e instanceof Error ? e.message.split('\n')[0] : String(e));
      await shot(`error-${s.language.replace(/\W/g, '_')}`).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
      await closeAllEditors(page).catch(() => {});
    }
  }
  try {
    await runReport(page);
  } catch (e) {
    check('readiness report: scenario ran to the end', false, e instanceof Error ? e.message.split('\n')[0] : String(e));
    await shot('error-report').catch(() => {});
    await page.keyboard.press('Escape').catch(() => {});
  }
} catch (e) {
  check('workbench session', false, e instanceof Error ? e.message.split('\n')[0] : String(e));
  await shot('error').catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  // code-server, its server process, the extension host and our language server: one process group.
  try { process.kill(-cs.pid!, 'SIGTERM'); } catch { /* gone */ }
  await sleep(700);
  try { process.kill(-cs.pid!, 'SIGKILL'); } catch { /* gone */ }
  mark('stopped');
}

// ---------------------------------------------------------------------------------------------------------------
// After the run: nothing left running, nothing written outside the run folder, logs and results kept.
// A process is ours if it is in code-server's process group (code-server, its server, the extension host, the
// language server) or mentions the run folder (Chromium's profile is in the run's TMPDIR); zombies do not count.
const ours = () => spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' }).stdout.split('\n')
  .map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l))
  .filter((m): m is RegExpExecArray => !!m && !m[3].startsWith('Z') && (Number(m[2]) === cs.pid || m[4].includes(RUN)))
  .map((m) => `${m[1]} ${m[4].slice(0, 120)}`);
const leftovers = await waitFor(() => (ours().length === 0 ? [] : undefined), 5_000);
check('nothing left running', leftovers !== undefined,
  leftovers ? `no process in code-server's group (${cs.pid}) or under the run folder` : ours().slice(0, 3).join(' | '));
const strays = WATCHED.flatMap(([d, re]) => listing(d, re).filter((n) => !before.get(d)!.has(n)).map((n) => join(d, n)));
check('nothing written outside the run folder', strays.length === 0, strays.length ? strays.join(', ') : `HOME, XDG and TMPDIR were ${relative(ROOT, RUN)}/…`);

const logsCopy = join(RESULTS, 'logs');
rmSync(logsCopy, { recursive: true, force: true });
for (const f of [...findFiles(join(UD, 'logs'), /\.log$/), join(RUN, 'code-server.log')]) {
  const to = join(logsCopy, relative(RUN, f));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(f, to);
}
const failed = checks.filter((c) => !c.ok);
const summary = {
  ok: failed.length === 0,
  codeServer: CODE_SERVER_VERSION,
  vsix: { file: relative(ROOT, VSIX), bytes: statSync(VSIX).size },
  activation: { ms: activationMs, languageServerReadyMs: serverReadyMs },
  checks, timings, pageErrors: pageErrors.slice(0, 20),
};
writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
if (activationMs !== undefined) {
  writeFileSync(join(RESULTS, 'activation.txt'), `v6ready activated in ${activationMs} ms (language server ready in ${serverReadyMs} ms)\n`);
  log(`activation: v6ready activated in ${activationMs} ms; language server ready in ${serverReadyMs} ms`);
}
if (process.env.KEEP || failed.length) log(`run folder kept: ${relative(ROOT, RUN)} (logs also in ${relative(ROOT, logsCopy)})`);
if (!process.env.KEEP && !failed.length) rmSync(RUN, { recursive: true, force: true });
log(`results: ${relative(ROOT, join(RESULTS, 'summary.json'))}; screenshots: ${relative(ROOT, SCREENSHOTS)}/`);
log(`e2e: ${checks.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
async function runScenario(page: Page, s: Scenario, first: boolean): Promise<void> {
  const L = s.language;
  const tag = L.replace(/\W/g, '_');
  log(`-- ${L}: ${s.example}`);
  const qfRel = copyPath(s, 'quick-fix'), faRel = copyPath(s, 'fix-all');
  const qfFile = join(WS, qfRel), faFile = join(WS, faRel);
  const finding = cliFindings(qfFile).find((f) => f.rule === s.rule);
  if (!finding) throw new Error(`the CLI finds no ${s.rule} in ${s.example}`);
  const line = finding.range.start.line + 1, col = finding.range.start.character + 1;
  const original = readFileSync(qfFile, 'utf8');

  // ---- the file opens in its language mode ----
  await openFile(page, qfRel);
  const langName = languages.find((l) => l.id === L)?.aliases?.[0] ?? L;
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: langName }).waitFor({ timeout: 20_000 }).catch(() => {});
  const modeText = await mode.innerText().catch(() => '');
  check(`${L}: status bar language mode`, modeText.trim() === langName, short(modeText));

  // ---- activation: once, on the first of our files, from its onLanguage event ----
  if (first) {
    const act = await waitFor(() => /v6ready activated in (\d+) ms/.exec(outputChannel()) ?? undefined, 60_000);
    activationMs = act ? Number(act[1]) : undefined;
    const event = new RegExp(`_doActivateExtension ${EXTENSION_ID}, startup: (\\w+), activationEvent: '([^']+)'`, 'i').exec(exthostLog());
    check('activation time recorded from the "v6ready" output channel', activationMs !== undefined, act ? act[0] : 'no line in the output channel log');
    check(`activated by onLanguage:${L}`, event?.[2] === `onLanguage:${L}`, event ? event[0] : 'no activation in the extension host log');
    const ready = await waitFor(() => /language server ready in (\d+) ms/.exec(outputChannel()) ?? undefined, 60_000);
    serverReadyMs = ready ? Number(ready[1]) : undefined;
    mark('activated');
  }

  // ---- the finding: a squiggle and a Problems entry with the rule id ----
  const editor = activeEditor(page);
  const sev = finding.severity === 'warning' ? 'warning' : finding.severity === 'error' ? 'error' : 'info';
  // The editor renders only the lines in view: bring the finding's line there first.
  await goTo(page, line, col + 1);
  await editor.locator(`.squiggly-${sev}`).first().waitFor({ timeout: 60_000 });
  check(`${L}: squiggle (${sev})`, true);
  mark(`${L}: squiggle`);
  await showProblems(page);
  const row = problemRows(page, s.rule).filter({ hasText: `Ln ${line}, Col ${col}` }).first();
  await row.waitFor({ timeout: 20_000 });
  check(`${L}: Problems entry with ${s.rule}`, (await rowSeverity(row)) === sev, short(await row.innerText()));

  // ---- hover: over the finding (message + rule docs), and over the directive (its docs) ----
  await goTo(page, line, col + 1);
  await hoverAtCursor(page);
  const findingHover = hoverWidget(page, s.rule);
  await findingHover.waitFor({ timeout: 15_000 });
  const fhText = await findingHover.innerText();
  check(`${L}: hover over the finding shows its message and rule`, fhText.includes(finding.message.slice(0, 40)) && fhText.includes(s.rule), short(fhText));
  await shot(`${tag}-hover`, first ? 'hover' : undefined);
  await dismissHover(page);

  const lines = original.split('\n');
  let hl = line - 1, hc = lines[hl].indexOf(s.hover.text);
  if (hc < 0) { hl = lines.findIndex((l) => l.includes(s.hover.text)); hc = hl >= 0 ? lines[hl].indexOf(s.hover.text) : -1; }
  if (hc < 0) throw new Error(`hover text ${JSON.stringify(s.hover.text)} is not in ${s.example}`);
  await goTo(page, hl + 1, hc + 2);
  await hoverAtCursor(page);
  const docsHover = hoverWidget(page, s.hover.expect);
  const docsOk = await docsHover.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const visibleHover = await page.locator('.monaco-hover:not(.hidden)').first().innerText().catch(() => '(no hover)');
  check(`${L}: hover over "${s.hover.text}" shows its docs`, docsOk, short(visibleHover));
  await shot(`${tag}-directive-hover`);
  await dismissHover(page);

  // ---- severity from settings: v6ready.rules changes the Problems entry, and "off" removes it ----
  const other = sev === 'error' ? 'warning' : 'error';
  for (const [setting, want] of [[other, other], ['off', 'gone'], [undefined, sev]] as const) {
    await setSettings(page, setting ? { 'v6ready.rules': { [s.rule]: setting } } : {});
    const r = problemRows(page, s.rule).filter({ hasText: `Ln ${line}, Col ${col}` }).first();
    const got = await waitFor(async () => {
      const n = await problemRows(page, s.rule).count();
      const now = n === 0 ? 'gone' : await rowSeverity(r);
      return now === want ? now : undefined;
    }, 45_000);
    const label = setting ? `"${s.rule}": "${setting}"` : 'no override';
    check(`${L}: v6ready.rules ${label} -> Problems entry ${want}`, got === want,
      got === want ? '' : `Problems rows: ${short((await page.locator('.markers-panel').innerText().catch(() => '')), 300)}`);
  }

  // ---- quick fix: Ctrl+. on the finding, the editor text becomes the expected text, save writes it ----
  const expected = readFileSync(join(ROOT, s.quickFix.expected), 'utf8');
  await editor.locator(`.squiggly-${sev}`).first().waitFor({ timeout: 20_000 });
  await goTo(page, line, col + 1);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.locator('.monaco-list-row', { hasText: s.quickFix.title }).first().waitFor({ timeout: 20_000 });
  const offered = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  await shot(`${tag}-quick-fix-menu`);
  // Walk the menu with the arrow keys to our fix, as a person would, then Enter.
  for (let i = 0; i < offered.length; i++) {
    if (await menu.locator('.monaco-list-row.focused', { hasText: s.quickFix.title }).count()) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  const afterFix = await waitFor(async () => {
    const t = await editorText(page);
    return t === expected ? t : undefined;
  }, 10_000) ?? await editorText(page);
  check(`${L}: Ctrl+. "${s.quickFix.title}" gives the expected text`, afterFix === expected,
    afterFix === expected ? `menu: ${short(offered.join(' | '), 200)}` : `editor text: ${short(afterFix, 400)}`);
  check(`${L}: not yet on disk before saving`, readFileSync(qfFile, 'utf8') === original);
  await goTo(page, line, 1);
  await sleep(1_500); // the server re-lints; the screenshot shows what is left
  await shot(`${tag}-quick-fix`, first ? 'quick-fix' : undefined);
  await page.keyboard.press('Control+S');
  const saved = await waitFor(() => { const t = readFileSync(qfFile, 'utf8'); return t === expected ? t : undefined; }, 10_000);
  check(`${L}: Ctrl+S writes the fixed text to disk`, saved === expected, saved ? '' : short(readFileSync(qfFile, 'utf8'), 400));
  await closeAllEditors(page);

  // ---- fix-all on save: editor.codeActionsOnSave {"source.fixAll.v6ready": "explicit"} ----
  await setSettings(page, { 'editor.codeActionsOnSave': { 'source.fixAll.v6ready': 'explicit' } });
  const allFixed = cliFixAll(faFile);
  const faOriginal = readFileSync(faFile, 'utf8');
  if (allFixed === faOriginal) throw new Error(`${s.example} has no safe fixes: fix-all on save cannot be shown`);
  await openFile(page, faRel);
  await goTo(page, line, col + 1);
  await activeEditor(page).locator(`.squiggly-${sev}`).first().waitFor({ timeout: 60_000 });
  // An edit that changes nothing in the end (type, delete), so the editor is dirty and Ctrl+S is a real save.
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+S');
  const faSaved = await waitFor(() => { const t = readFileSync(faFile, 'utf8'); return t === allFixed ? t : undefined; }, 15_000);
  check(`${L}: save applies all safe fixes (same as v6ready check --fix)`, faSaved === allFixed,
    faSaved ? `${cliFindings(faFile).filter((f) => f.fixes?.some((x) => x.safe)).length} safe-fixable findings left` : short(readFileSync(faFile, 'utf8'), 400));
  const faEditor = await editorText(page);
  check(`${L}: the editor shows the saved text`, faEditor === allFixed);
  const leftRows = await waitFor(async () => ((await problemRows(page, s.rule).count()) === 0 ? 0 : undefined), 15_000);
  check(`${L}: no ${s.rule} entry left in Problems`, leftRows === 0);
  await shot(`${tag}-fix-all`);
  await closeAllEditors(page);
  await setSettings(page);
  mark(`${L}: done`);
}

// ---------------------------------------------------------------------------------------------------------------
// The readiness report: the command opens a webview whose tables say what the CLI's report says.
interface CliReport {
  summary: { ready: boolean; errors: number; warnings: number };
  services: { kind: string; title: string; listensV6: string; loopbackOnly: { v6: boolean }; admitsV6: string; ready: boolean; names: { zone?: string; aaaa: string[] }[]; findings: { rule: string; at: { file: string; line: number } }[] }[];
}
async function runReport(page: Page): Promise<void> {
  log('-- readiness report');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'report', '--format', 'json', WS], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`v6ready report failed: ${r.stderr}`);
  const want = JSON.parse(r.stdout) as CliReport;
  await closeAllEditors(page);
  await runCommand(page, REPORT_SCENARIO.command);
  const tab = page.locator('.tabs-container .tab.active', { hasText: 'IPv6 readiness report' });
  check('report: the command opens the "IPv6 readiness report" tab', await tab.waitFor({ timeout: 30_000 }).then(() => true, () => false));
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await view.locator('#summary').waitFor({ timeout: 30_000 });
  const answer: Record<string, string> = { yes: 'yes', no: 'no', unknown: 'unknown' };
  check('report: one summary row per service, as the CLI', (await view.locator('#summary tbody tr').count()) === want.services.length, want.services.map((s) => s.kind).join(', '));
  for (const s of want.services) {
    const cells = (await view.locator(`#summary tr[data-service="${s.kind}"] td`).allInnerTexts()).map((t) => t.trim());
    const named = s.names.filter((n) => n.zone);
    const listens = answer[s.listensV6] + (s.loopbackOnly.v6 ? ' (loopback only)' : '');
    const expected = [s.title, listens, answer[s.admitsV6], `${named.filter((n) => n.aaaa.length).length}/${named.length}`, String(s.findings.length), s.ready ? answer.yes : answer.no];
    check(`report: ${s.kind} row (listens on IPv6, admits IPv6 clients, names with AAAA, findings, ready)`, JSON.stringify(cells) === JSON.stringify(expected), `${JSON.stringify(cells)}${JSON.stringify(cells) === JSON.stringify(expected) ? '' : ` != ${JSON.stringify(expected)}`}`);
    const rules = (await view.locator(`section#${s.kind} table.findings tbody tr td:nth-child(2)`).allInnerTexts()).map((t) => t.trim()).sort();
    check(`report: ${s.kind} findings table lists the CLI's findings`, JSON.stringify(rules) === JSON.stringify(s.findings.map((f) => f.rule).sort()), `${rules.length} rows`);
  }
  const verdict = await view.locator('#verdict').innerText();
  check('report: the verdict and counts', verdict.includes(want.summary.ready ? 'Ready for an IPv6-only network.' : 'Not ready for an IPv6-only network.') && verdict.includes(`${want.summary.errors} errors, ${want.summary.warnings} warnings`), short(verdict));
  await shot('report', 'readiness-report');
  // A link into the files: the first finding of the chosen service opens its file.
  const svc = want.services.find((s) => s.kind === REPORT_SCENARIO.click);
  const first = svc?.findings[0];
  if (!first) throw new Error(`the CLI report has no ${REPORT_SCENARIO.click} finding to click`);
  await view.locator(`section#${REPORT_SCENARIO.click} table.findings tbody tr`).first().locator('a.loc').first().click();
  const base = first.at.file.split('/').pop()!;
  const opened = await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: 20_000 }).then(() => true, () => false);
  check(`report: a finding's link opens ${first.at.file}`, opened);
  await closeAllEditors(page);
  mark('report: done');
}
