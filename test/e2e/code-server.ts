// Installs code-server (pinned: newer ones need Node 22) from the npm registry into the project's cache folder,
// .cache/code-server/<version>, with the workarounds an offline machine needs (../shared/research/vscode-e2e.md).
// It is deliberately not a dependency of the project: `npm ci` stays small, and only `npm run test:e2e` pays for it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawn } from 'node:child_process';

export const CODE_SERVER_VERSION = '4.100.3';
// code-server 4.100.3 -> lib/vscode -> @vscode/ripgrep 1.15.11, whose postinstall downloads ripgrep <RG_TAG> from
// GitHub. We seed its download cache with Debian's rg 13.0.0 instead (same ripgrep release).
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_TAG = 'v13.0.0-10';

export interface CodeServerInstall {
  dir: string;
  bin: string;
}

/** Where the pinned code-server lives; `bin` exists once a previous install finished. */
export function codeServerPaths(root: string): CodeServerInstall & { marker: string } {
  const dir = resolve(root, '.cache/code-server', CODE_SERVER_VERSION);
  return { dir, bin: join(dir, 'node_modules/.bin/code-server'), marker: join(dir, '.installed') };
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** What the install needs from Debian; empty when everything is there. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!which('rg')) missing.push('ripgrep (apt-get install ripgrep: stands in for the rg download of @vscode/ripgrep)');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (apt-get install libkrb5-dev: code-server builds the kerberos module)');
  if (!which('make') || !which('g++') || !which('python3')) missing.push('make, g++ and python3 (node-gyp builds node-pty, argon2, kerberos)');
  return missing;
}

/**
 * Installs code-server unless it is already there. Throws with the install log's tail when npm fails.
 * Takes about 2 minutes cold; the npm cache makes later installs faster.
 */
export async function ensureCodeServer(root: string, log: (s: string) => void): Promise<CodeServerInstall> {
  const { dir, bin, marker } = codeServerPaths(root);
  if (existsSync(marker) && existsSync(bin)) return { dir, bin };

  const missing = missingPrerequisites();
  if (missing.length) throw new Error(`cannot install code-server: missing ${missing.join('; ')}`);

  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 2 minutes; log: ${join(dir, 'install.log')})`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Its own package.json, so npm does not walk up and install into the project's node_modules.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'v6ready-e2e-code-server', private: true }, null, 2) + '\n');

  // Seed @vscode/ripgrep's download cache ($TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-<target>.tar.gz).
  const tmp = join(dir, 'tmp');
  const arch = process.arch === 'arm64' ? 'aarch64' : 'x86_64';
  const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  mkdirSync(rgCache, { recursive: true });
  const rg = which('rg')!;
  const tar = spawnSync('tar', ['czf', join(rgCache, `ripgrep-${RIPGREP_TAG}-${arch}-unknown-linux-musl.tar.gz`), '-C', dirname(rg), 'rg']);
  if (tar.status !== 0) throw new Error(`tar of ${rg} failed: ${tar.stderr}`);

  const logFile = join(dir, 'install.log');
  const out = createWriteStream(logFile);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // postinstall.sh refuses to run as root unless this is set (npm 11 dropped the option, the script reads the env).
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`; an npmrc with yes=false would cancel it.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const started = Date.now();
  const status = await new Promise<number>((done) => {
    const child = spawn('npm', ['install', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => done(code ?? 1));
  });
  out.end();
  if (status !== 0 || !existsSync(bin)) {
    const tail = spawnSync('tail', ['-n', '30', logFile], { encoding: 'utf8' }).stdout;
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${status}); last lines of ${logFile}:\n${tail}`);
  }
  const rgBin = join(dir, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  if (!existsSync(rgBin)) log(`warning: ${rgBin} is missing: search in the workbench will not work`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(marker, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { dir, bin };
}

// `tsx test/e2e/code-server.ts` installs it on its own (for a warm cache before the first run).
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCodeServer(process.cwd(), (s) => console.log(s)).then(
    ({ bin }) => console.log(`code-server: ${bin}`),
    (e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exit(1); },
  );
}
