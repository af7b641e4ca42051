// Runs the real OpenSSH sshd on a config inside private network and mount namespaces (loopback only, a tmpfs on
// /run holding /run/sshd, a fixed /etc/hosts) and reports whether `ssh-keyscan` gets a host key over ::1 and
// 127.0.0.1 — the oracle that proves v6ready's ListenAddress/AddressFamily fixes. Also `sshd -t` on many files
// in one namespace run. Method: ../shared/research/real-daemons.md §4 (ssh-listens-v6.sh, nsrun.sh).
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsAvailability, pidAlive, requireTools, runInNetns, stopTrapScript, trackTempDir, untrackTempDir } from './netns';

const SSHD_TOOLS = ['sshd', 'ssh-keygen', 'ssh-keyscan', 'mount'] as const;

function tools() {
  return requireTools(SSHD_TOOLS, 'sshd oracle');
}

/** Why the sshd oracle cannot run here, or undefined when it can. */
export function sshdSkipReason(): string | undefined {
  const a = netnsAvailability(SSHD_TOOLS, 'openssh-server openssh-client mount');
  return a.ok ? undefined : `sshd oracle unavailable: ${a.reason}`;
}

/**
 * The resolver's view inside the namespace: localhost is IPv4 only, as on the research machine and in many
 * container images (research §0, §8). sshd/hostname-listenaddress is about exactly this case; a fixed file keeps
 * the result independent of the host's own /etc/hosts.
 */
export const HOSTS_FILE = '127.0.0.1\tlocalhost\n';

// Shared namespace set-up: loopback up, a private /run with /run/sshd (sshd -t and sshd refuse to run without
// it), our /etc/hosts, and a fresh ed25519 host key in the run's temp dir.
const SETUP = String.raw`
set -u
exec >"$OUT" 2>&1 </dev/null
"$IP" link set lo up || { printf 'HARNESS\terror\tip link set lo up failed\n'; exit 70; }
printf 'HARNESS\tnetns\t%s\n' "$(readlink /proc/self/ns/net)"
"$MOUNT" -t tmpfs -o mode=0755 v6ready-run /run || { printf 'HARNESS\terror\tmount tmpfs on /run failed\n'; exit 70; }
mkdir -m 0755 /run/sshd || { printf 'HARNESS\terror\tmkdir /run/sshd failed\n'; exit 70; }
printf '%s' "$HOSTS" >"$DIR/hosts"
"$MOUNT" --bind "$DIR/hosts" /etc/hosts || { printf 'HARNESS\terror\tbind mount of /etc/hosts failed\n'; exit 70; }
"$KEYGEN" -q -t ed25519 -N '' -C v6ready-oracle -f "$DIR/hostkey" || { printf 'HARNESS\terror\tssh-keygen failed\n'; exit 70; }
`;

// ---------------------------------------------------------------------------------------------------------
// sshd -t on many files.

export interface SshdCheck {
  file: string;
  ok: boolean;
  exitCode: number;
  /** sshd -t's stderr (it prints nothing on success). */
  output: string;
}

const CHECK_SCRIPT = SETUP + String.raw`
i=0
while IFS= read -r f; do
  [ -n "$f" ] || continue
  "$TIMEOUT" 10 "$SSHD" -t -f "$f" -h "$DIR/hostkey" >"$DIR/check.$i.log" 2>&1
  printf 'CHECK\t%s\t%s\n' "$i" "$?"
  i=$((i+1))
done <"$DIR/files"
`;

/** `sshd -t -f FILE -h KEY` for every file, in up to `parallel` private namespace runs side by side. */
export async function sshdCheckFiles(files: readonly string[], parallel = 4): Promise<SshdCheck[]> {
  const size = Math.max(1, Math.ceil(files.length / parallel));
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return (await Promise.all(chunks.map((c) => checkChunk(c)))).flat();
}

async function checkChunk(files: readonly string[], timeoutMs = 10_000 + files.length * 1_000): Promise<SshdCheck[]> {
  const t = tools();
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-sshd-t-'));
  trackTempDir(dir);
  try {
    writeFileSync(join(dir, 'files'), files.join('\n') + '\n');
    const outcome = await runInNetns(
      CHECK_SCRIPT,
      { DIR: dir, SSHD: t.sshd, KEYGEN: t['ssh-keygen'], MOUNT: t.mount, HOSTS: HOSTS_FILE },
      join(dir, 'harness.out'),
      { timeoutMs, mount: true },
    );
    const codes = new Map<number, number>();
    for (const line of outcome.stdout.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'CHECK') codes.set(Number(f[1]), Number(f[2]));
    }
    if (codes.size !== files.length) {
      throw new Error(`sshd -t run ended after ${codes.size} of ${files.length} files${outcome.timedOut ? ' (timed out)' : ''}:\n${outcome.stdout}${outcome.stderr}`);
    }
    return files.map((file, i) => {
      const log = join(dir, `check.${i}.log`);
      const code = codes.get(i)!;
      // sshd ends stderr lines with \r\n.
      return { file, ok: code === 0, exitCode: code, output: existsSync(log) ? readFileSync(log, 'utf8').replace(/\r/g, '').trim() : '' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

// ---------------------------------------------------------------------------------------------------------
// sshd -D and ssh-keyscan.

export interface KeyscanProbe {
  /** ssh-keyscan printed a host key line. */
  answered: boolean;
  keyscanExit: number;
}

export interface SshdRun {
  port: number;
  /** sshd -t on the config, inside the namespace; sshd is started only when it passes. */
  check: { ok: boolean; exitCode: number; output: string };
  /** sshd wrote its PidFile (all sockets bound) before the deadline. */
  started: boolean;
  /** sshd exited by itself before the probes ("Cannot bind any address."). */
  exitedEarly: boolean;
  ipv6: KeyscanProbe;
  ipv4: KeyscanProbe;
  /** sshd's stderr (`-e`): "Server listening on ...", "Bind to port ... failed". */
  log: string;
  listenLines: string[];
  /** sshd's pid (global: no pid namespace), 0 if never started. */
  pid: number;
  /** sshd (or a process of its namespace) was still alive after the run and had to be killed from Node. */
  leftover: boolean;
  netns: string;
  ms: { total: number; start: number };
  raw: string;
}

export interface RunSshdOptions {
  port?: number;
  /** Milliseconds to wait for sshd's PidFile; default 5000. */
  startDeadlineMs?: number;
  /** Hard limit for the whole namespace script; default 20000. */
  timeoutMs?: number;
  keep?: boolean;
}

// sshd -D -e: foreground, log to stderr. `-h` adds our host key; `-o` options come first and so win (sshd takes
// the first value of a keyword): PidFile in the temp dir, and no PAM (not needed to hand out a host key).
const RUN_SCRIPT = SETUP + String.raw`
${stopTrapScript('SSHD')}
"$TIMEOUT" 10 "$SSHD" -t -f "$CONF" -h "$DIR/hostkey" >"$DIR/check.log" 2>&1
rc=$?
printf 'CHECK\t%s\n' "$rc"
[ "$rc" = 0 ] || exit 0
if "$SETPRIV" --help 2>/dev/null | grep -q pdeathsig; then
  "$SETPRIV" --pdeathsig KILL -- "$SSHD" -D -e -f "$CONF" -h "$DIR/hostkey" -o "PidFile=$DIR/sshd.pid" -o UsePAM=no >"$LOG" 2>&1 </dev/null &
else
  "$SSHD" -D -e -f "$CONF" -h "$DIR/hostkey" -o "PidFile=$DIR/sshd.pid" -o UsePAM=no >"$LOG" 2>&1 </dev/null &
fi
pid=$!
printf 'SSHD\tpid\t%s\n' "$pid"
t0=$(date +%s%N)
deadline=$(( t0 + START_DEADLINE_MS * 1000000 ))
started=0
while :; do
  if [ -s "$DIR/sshd.pid" ]; then started=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  [ "$(date +%s%N)" -ge "$deadline" ] && break
  sleep 0.02
done
early=0
kill -0 "$pid" 2>/dev/null || early=1
printf 'SSHD\tstarted\t%s\t%s\t%s\n' "$started" $(( ($(date +%s%N) - t0) / 1000000 )) "$early"
probe() {
  out=$("$TIMEOUT" 5 "$KEYSCAN" -T 2 -t ed25519 "-$1" -p "$PORT" "$2" 2>/dev/null)
  rc=$?
  keys=$(printf '%s\n' "$out" | grep -c ' ssh-ed25519 ')
  printf 'PROBE\t%s\t%s\t%s\n' "$1" "$rc" "$keys"
}
probe 6 ::1
probe 4 127.0.0.1
`;

const LISTEN_LINE = /Server listening on|Bind to port|Cannot bind|bad addr|Address family/;

/** Processes (other than zombies) still in the network namespace `netns` (e.g. `net:[4026532...]`). */
function processesIn(netns: string): number[] {
  if (!netns) return [];
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/ns/net`) === netns) out.push(Number(name));
    } catch {
      /* gone, a zombie, or not ours to read */
    }
  }
  return out;
}

/** Runs sshd on configText in a fresh temp dir and private namespaces, probes ::1 and 127.0.0.1, stops it. */
export async function runSshd(configText: string, opts: RunSshdOptions = {}): Promise<SshdRun> {
  const t0 = Date.now();
  const t = tools();
  const port = opts.port ?? derivePort(configText);
  const keep = opts.keep ?? process.env.V6READY_ORACLE_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-sshd-'));
  if (!keep) trackTempDir(dir);
  let pid = 0;
  try {
    const conf = join(dir, 'sshd_config');
    const logFile = join(dir, 'sshd.log');
    writeFileSync(conf, configText);
    const outcome = await runInNetns(
      RUN_SCRIPT,
      {
        DIR: dir,
        CONF: conf,
        LOG: logFile,
        PORT: String(port),
        SSHD: t.sshd,
        KEYGEN: t['ssh-keygen'],
        KEYSCAN: t['ssh-keyscan'],
        MOUNT: t.mount,
        HOSTS: HOSTS_FILE,
        START_DEADLINE_MS: String(opts.startDeadlineMs ?? 5000),
      },
      join(dir, 'harness.out'),
      { timeoutMs: opts.timeoutMs ?? 20_000, mount: true },
    );
    let check = { ok: false, exitCode: -1, output: '' };
    let started = false;
    let exitedEarly = false;
    let startMs = 0;
    let netns = '';
    const probes = new Map<string, KeyscanProbe>();
    for (const line of outcome.stdout.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'HARNESS' && f[1] === 'netns') netns = f[2];
      if (f[0] === 'CHECK') check = { ok: f[1] === '0', exitCode: Number(f[1]), output: '' };
      if (f[0] === 'SSHD' && f[1] === 'pid') pid = Number(f[2]);
      if (f[0] === 'SSHD' && f[1] === 'started') {
        started = f[2] === '1';
        startMs = Number(f[3]);
        exitedEarly = f[4] === '1';
      }
      if (f[0] === 'PROBE') probes.set(f[1], { answered: Number(f[3]) > 0, keyscanExit: Number(f[2]) });
    }
    const checkLog = join(dir, 'check.log');
    if (existsSync(checkLog)) check.output = readFileSync(checkLog, 'utf8').replace(/\r/g, '').trim();
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').replace(/\r/g, '') : '';
    // Nothing may outlive the run: not sshd, not a connection child. Children of a keyscan connection can take a
    // moment to exit; give them up to two seconds, then kill what is left (and report it).
    let leftover = false;
    const deadline = Date.now() + 2000;
    let rest = processesIn(netns);
    while (rest.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      rest = processesIn(netns);
    }
    if (pidAlive(pid) && !rest.includes(pid)) rest.push(pid);
    for (const p of rest) {
      leftover = true;
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    const none: KeyscanProbe = { answered: false, keyscanExit: -1 };
    return {
      port,
      check,
      started,
      exitedEarly,
      ipv6: probes.get('6') ?? none,
      ipv4: probes.get('4') ?? none,
      log,
      listenLines: log.split('\n').filter((l) => LISTEN_LINE.test(l)),
      pid,
      leftover,
      netns,
      ms: { total: Date.now() - t0, start: startMs },
      raw: `exit=${outcome.code}${outcome.timedOut ? ' (timed out, process group killed)' : ''}\n${outcome.stdout}${outcome.stderr}`,
    };
  } finally {
    if (keep) process.stderr.write(`sshd oracle: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

/**
 * The port under test for a config (normally the fixed one): the first explicit port of a ListenAddress
 * (`[::1]:2222`, `127.0.0.1:2222`, `host:2222`), else the first Port, else 22. Comments are ignored.
 */
export function derivePort(configText: string): number {
  let port: number | undefined;
  for (const raw of configText.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const m = /^(\w+)(?:\s*=\s*|\s+)(\S+)/.exec(line);
    if (!m) continue;
    const kw = m[1].toLowerCase();
    if (kw === 'listenaddress') {
      const arg = m[2];
      const p = /^\[[^\]]*\]:(\d+)$/.exec(arg) ?? (arg.split(':').length === 2 ? /:(\d+)$/.exec(arg) : null);
      if (p) return Number(p[1]);
    } else if (kw === 'port' && port === undefined && /^\d+$/.test(m[2])) port = Number(m[2]);
  }
  return port ?? 22;
}

export function describeProbe(p: KeyscanProbe): string {
  return p.answered ? 'answers' : `fails (ssh-keyscan exit ${p.keyscanExit})`;
}
