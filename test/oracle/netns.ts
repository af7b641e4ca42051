// Running a real daemon for an oracle test: a bash script inside a private network namespace (`unshare -n`,
// loopback only; optionally private mount and UTS namespaces), with a hard time limit that kills the whole
// process group, temp dirs that are removed even when the test process dies, and tool lookup.
// The daemon-specific scripts (named, sshd, apache2, sendmail) live beside this file and use it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Absolute path of a program on PATH (plus the sbin directories, which a non-login PATH may lack). */
export function which(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** The tools every netns run needs, besides the daemon's own. */
export const NETNS_TOOLS = ['unshare', 'ip', 'bash', 'timeout', 'setpriv'] as const;

/** Paths of the named tools; throws naming the first one missing. */
export function requireTools<T extends string>(names: readonly T[], who: string): Record<T, string> {
  const found = {} as Record<T, string>;
  for (const t of names) {
    const p = which(t);
    if (!p) throw new Error(`${who}: '${t}' not found on PATH`);
    found[t] = p;
  }
  return found;
}

/** Whether a daemon oracle can run here: its tools exist and a private network namespace can be created. */
export function netnsAvailability(daemonTools: readonly string[], installHint: string): { ok: true } | { ok: false; reason: string } {
  const missing = [...NETNS_TOOLS, ...daemonTools].filter((t) => !which(t));
  if (missing.length) return { ok: false, reason: `missing ${missing.join(', ')} (Debian: apt-get install ${installHint} util-linux iproute2 coreutils)` };
  const r = spawnSync(which('unshare')!, ['-n', '--', which('ip')!, 'link', 'set', 'lo', 'up'], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) {
    return { ok: false, reason: `cannot create a private network namespace with 'unshare -n' (needs root or CAP_SYS_ADMIN): ${(r.stderr || r.error?.message || '').trim()}` };
  }
  return { ok: true };
}

export function pidAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Temp dirs of runs in flight, removed on exit even if this process dies of an uncaught error mid-run.
const activeDirs = new Set<string>();
let exitHookInstalled = false;

export function trackTempDir(dir: string): void {
  activeDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const d of activeDirs) rmSync(d, { recursive: true, force: true });
  });
}

export function untrackTempDir(dir: string): void {
  activeDirs.delete(dir);
}

export interface ScriptOutcome {
  stdout: string;
  stderr: string;
  code: number | null;
  timedOut: boolean;
}

export interface NetnsRunOptions {
  /** Hard limit for the whole script, after which its process group is SIGKILLed. */
  timeoutMs: number;
  /** Also a private mount namespace (for a tmpfs on /run, as sshd needs /run/sshd). */
  mount?: boolean;
  /** Also a private UTS namespace; the script can then set a hostname (sendmail wants a qualified one). */
  uts?: boolean;
}

/**
 * Run `script` with bash inside `unshare -n` (plus -m / -u when asked). Inputs come through `env`; the script
 * should write its results to `outFile` (its contents are returned as stdout, before the pipe's), so that a
 * dying Node side cannot SIGPIPE bash before its trap has stopped the daemon.
 */
export function runInNetns(script: string, env: Record<string, string>, outFile: string, opts: NetnsRunOptions): Promise<ScriptOutcome> {
  const t = requireTools(NETNS_TOOLS, 'netns');
  const flags = ['-n', ...(opts.mount ? ['-m', '--propagation', 'private'] : []), ...(opts.uts ? ['-u'] : [])];
  return new Promise((resolve, reject) => {
    // detached: its own process group, so a timeout can kill bash *and* the daemon (a background job of a
    // non-interactive shell stays in the shell's group).
    const child = spawn(t.unshare, [...flags, '--', t.bash, '-c', script], {
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', IP: t.ip, SETPRIV: t.setpriv, TIMEOUT: t.timeout, OUT: outFile, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const out = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
      resolve({ stdout: out + stdout, stderr, code, timedOut });
    });
  });
}

/**
 * The bash that stops a daemon the harness script started: `stop()` sends TERM to "$pid", waits up to
 * ticks x 20 ms, then KILLs, reports `<LABEL> killed` / `<LABEL> exit <code>` lines, and removes "$DIR" when the
 * Node side is gone; it runs on EXIT, and INT/TERM/HUP/PIPE end the script through it. Sets `pid=` (empty).
 */
export function stopTrapScript(label: string, ticks = 150): string {
  return String.raw`
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt ${ticks} ]; do sleep 0.02; i=$((i+1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; printf '${label}	killed	1
'; fi
  fi
  if [ -n "$pid" ]; then wait "$pid" 2>/dev/null; printf '${label}	exit	%s
' "$?"; fi
  # Node (our parent: unshare execs bash) died meanwhile: nobody will read or remove the temp dir.
  kill -0 "$PPID" 2>/dev/null || rm -rf -- "$DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP PIPE
`;
}
