// Runs the real sendmail on a .mc: builds the .cf with m4 and sendmail's cf.m4, checks it with `sendmail -bt`,
// starts `sendmail -bD` in a private network and UTS namespace (loopback only, a qualified host name so that
// sendmail does not sleep 60 s looking itself up) and reads the 220 greeting on [::1] and 127.0.0.1 per port.
// FreeBSD behaviour (IPv6 sockets IPv6-only) is emulated with net.ipv6.bindv6only=1 inside the namespace.
// Method and measurements: ../shared/research/real-daemons.md §3 and the addendum.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsAvailability, pidAlive, requireTools, runInNetns, stopTrapScript, trackTempDir, untrackTempDir, which } from './netns';

export const CF_DIR = process.env.SENDMAIL_CF_DIR ?? '/usr/share/sendmail/cf';
export const CF_M4 = join(CF_DIR, 'm4', 'cf.m4');
const TOOLS = ['m4', 'sendmail'] as const;
/** The host name sendmail sees inside the UTS namespace (qualified: no DNS lookup, no 60 s sleep). */
export const FQDN = 'mail.probe.test';

export function sendmailSkipReason(): string | undefined {
  const a = netnsAvailability(TOOLS, 'sendmail-bin sendmail-cf m4');
  if (!a.ok) return `sendmail oracle unavailable: ${a.reason}`;
  if (!existsSync(CF_M4)) return `sendmail oracle unavailable: ${CF_M4} missing (Debian: apt-get install sendmail-cf)`;
  return undefined;
}

export interface M4Build {
  cf: string;
  exitCode: number;
  stderr: string;
  /** exit 0 and nothing on stderr (cf.m4 reports its own errors there while still exiting 0). */
  clean: boolean;
  /** The `O DaemonPortOptions=` lines of the .cf. */
  daemonLines: string[];
  /** How it was built: `m4 cf.m4 x.mc`, or `m4 x.mc` for a file that includes cf.m4 itself (Debian style). */
  command: string;
}

/** Build a .cf from .mc text with GNU m4 and sendmail's cf.m4 (in a temp dir; nothing else is touched). */
export function buildCf(mcText: string): M4Build {
  const m4 = which('m4');
  if (!m4) throw new Error("sendmail oracle: 'm4' not found (Debian: apt-get install m4)");
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-m4-'));
  try {
    const mc = join(dir, 'x.mc');
    writeFileSync(mc, mcText);
    // A file that includes cf.m4 itself is built with plain m4, as Debian's Makefile does: then `#` lines
    // before that include are m4 comments, which is what v6ready assumes for such files.
    const selfIncludes = /(?<![A-Za-z0-9_])s?include\(\s*`?[^`'()\n]*cf\.m4'?\s*\)/.test(mcText);
    const args = selfIncludes ? [mc] : [CF_M4, mc];
    const r = spawnSync(m4, args, { encoding: 'utf8', timeout: 20000, cwd: dir, maxBuffer: 64 << 20 });
    const cf = r.stdout ?? '';
    const stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim();
    return {
      cf,
      exitCode: r.status ?? -1,
      stderr,
      clean: r.status === 0 && stderr === '',
      daemonLines: cf.split('\n').filter((l) => l.startsWith('O DaemonPortOptions=')),
      command: selfIncludes ? 'm4 x.mc' : 'm4 cf.m4 x.mc',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type ProbeState = 'answers' | 'fails';

export interface PortProbe {
  port: number;
  ipv6: ProbeState;
  ipv4: ProbeState;
  /** The greeting lines (or the probe's error) per family. */
  detail: { ipv6: string; ipv4: string };
}

export interface SendmailRun {
  /** `sendmail -C x.cf -bt < /dev/null`: 0 when the .cf is accepted (70 for a configuration error). */
  btExit: number;
  btOutput: string;
  /** The daemon was started (the .cf passed -bt). */
  started: boolean;
  probes: PortProbe[];
  /** sendmail's stdout/stderr (opendaemonsocket errors land here). */
  log: string;
  pid: number;
  /** sendmail was still alive after the run and had to be killed from Node (should never happen). */
  leftover: boolean;
  netns: string;
  v6only: boolean;
  ms: number;
  raw: string;
}

export interface RunOptions {
  /** Emulate FreeBSD: IPv6 sockets IPv6-only (net.ipv6.bindv6only=1 in the namespace). */
  v6only?: boolean;
  /** Milliseconds to wait for the ports to listen; default 2000. */
  startDeadlineMs?: number;
  /** Hard limit for the whole namespace script; default 25000. */
  timeoutMs?: number;
  keep?: boolean;
  /** Only the `-bt` parse check, no daemon. */
  btOnly?: boolean;
}

// The run inside `unshare -n -u`. Output lines are tab-separated records written to $OUT:
//   HARNESS netns <ns>   BT exit <code>   SENDMAIL pid|ready|exit|killed <value>   PROBE <4|6> <port> <rc> <line>
// sendmail ignores TERM while it retries a socket that cannot bind (research §3d): the stop path KILLs.
const SCRIPT = String.raw`
set -u
exec >"$OUT" 2>&1 </dev/null
"$IP" link set lo up || { printf 'HARNESS\terror\tip link set lo up failed\n'; exit 70; }
hostname "$FQDN" || { printf 'HARNESS\terror\thostname failed\n'; exit 70; }
printf 'HARNESS\tnetns\t%s\n' "$(readlink /proc/self/ns/net)"
if [ "$V6ONLY" = 1 ]; then echo 1 > /proc/sys/net/ipv6/bindv6only || { printf 'HARNESS\terror\tbindv6only\n'; exit 70; }; fi
printf 'HARNESS\tbindv6only\t%s\n' "$(cat /proc/sys/net/ipv6/bindv6only)"
"$TIMEOUT" 10 "$SENDMAIL" -C "$CF" -bt >"$DIR/bt.log" 2>&1 </dev/null
bt=$?
printf 'BT\texit\t%s\n' "$bt"
[ "$BT_ONLY" = 1 ] && exit 0
${stopTrapScript('SENDMAIL', 50)}
[ "$bt" = 0 ] || exit 0
mkdir -p "$DIR/mqueue" && chmod 700 "$DIR/mqueue"
if "$SETPRIV" --help 2>/dev/null | grep -q pdeathsig; then
  "$SETPRIV" --pdeathsig KILL -- "$SENDMAIL" -bD -C "$CF" -OQueueDirectory="$DIR/mqueue" -OPidFile="$DIR/sm.pid" >"$LOG" 2>&1 </dev/null &
else
  "$SENDMAIL" -bD -C "$CF" -OQueueDirectory="$DIR/mqueue" -OPidFile="$DIR/sm.pid" >"$LOG" 2>&1 </dev/null &
fi
pid=$!
printf 'SENDMAIL\tpid\t%s\n' "$pid"
listening() {
  for p in $PORTS; do
    hex=$(printf '%04X' "$p")
    grep -qE ":$hex [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null || return 1
  done
  return 0
}
t0=$(date +%s%N)
deadline=$(( t0 + START_DEADLINE_MS * 1000000 ))
ready=0
while :; do
  if listening; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  [ "$(date +%s%N)" -ge "$deadline" ] && break
  sleep 0.02
done
# All sockets are opened in one pass; a short settle lets a failing one show its error first.
sleep 0.3
printf 'SENDMAIL\tready\t%s\t%s\n' "$ready" $(( ($(date +%s%N) - t0) / 1000000 ))
probe() {
  fam=$1; addr=$2; port=$3
  line=$("$TIMEOUT" 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 7; IFS= read -r -t 2 l <&3 || exit 8; printf "%s" "$l"; printf "QUIT\r\n" >&3' "$addr" "$port" 2>&1 | tr -d '\r\t' | head -n 1)
  rc=$?
  printf 'PROBE\t%s\t%s\t%s\t%s\n' "$fam" "$port" "$rc" "$line"
}
for p in $PORTS; do
  probe 6 ::1 "$p"
  probe 4 127.0.0.1 "$p"
done
`;

/** Run sendmail on a built .cf and read the greeting on each port over ::1 and 127.0.0.1. */
export async function runSendmail(cf: string, ports: number[], opts: RunOptions = {}): Promise<SendmailRun> {
  const t0 = Date.now();
  const keep = opts.keep ?? process.env.V6READY_ORACLE_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-sendmail-'));
  if (!keep) trackTempDir(dir);
  let pid = 0;
  try {
    mkdirSync(dir, { recursive: true });
    const cfPath = join(dir, 'x.cf');
    const logPath = join(dir, 'sendmail.log');
    writeFileSync(cfPath, cf);
    const t = requireTools(TOOLS, 'sendmail oracle');
    const outcome = await runInNetns(
      SCRIPT,
      {
        DIR: dir,
        CF: cfPath,
        LOG: logPath,
        SENDMAIL: t.sendmail,
        PORTS: ports.join(' '),
        FQDN,
        V6ONLY: opts.v6only ? '1' : '0',
        BT_ONLY: opts.btOnly ? '1' : '0',
        START_DEADLINE_MS: String(opts.startDeadlineMs ?? 2000),
      },
      join(dir, 'harness.out'),
      { timeoutMs: opts.timeoutMs ?? 25000, uts: true },
    );
    let btExit = -1;
    let started = false;
    let netns = '';
    let v6only = false;
    const probes = new Map<number, PortProbe>();
    for (const line of outcome.stdout.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'BT' && f[1] === 'exit') btExit = Number(f[2]);
      if (f[0] === 'SENDMAIL' && f[1] === 'pid') {
        pid = Number(f[2]);
        started = true;
      }
      if (f[0] === 'HARNESS' && f[1] === 'netns') netns = f[2];
      if (f[0] === 'HARNESS' && f[1] === 'bindv6only') v6only = f[2] === '1';
      if (f[0] === 'PROBE') {
        const port = Number(f[2]);
        const text = f.slice(4).join(' ').trim();
        const state: ProbeState = f[3] === '0' && /^220[ -]/.test(text) ? 'answers' : 'fails';
        const p = probes.get(port) ?? { port, ipv6: 'fails', ipv4: 'fails', detail: { ipv6: '', ipv4: '' } };
        if (f[1] === '6') {
          p.ipv6 = state;
          p.detail.ipv6 = text || `probe exit ${f[3]}`;
        } else {
          p.ipv4 = state;
          p.detail.ipv4 = text || `probe exit ${f[3]}`;
        }
        probes.set(port, p);
      }
    }
    let leftover = false;
    if (pidAlive(pid)) {
      leftover = true;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
    return {
      btExit,
      btOutput: read(join(dir, 'bt.log')),
      started,
      probes: ports.map((port) => probes.get(port) ?? { port, ipv6: 'fails', ipv4: 'fails', detail: { ipv6: 'not probed', ipv4: 'not probed' } }),
      log: read(logPath),
      pid,
      leftover,
      netns,
      v6only,
      ms: Date.now() - t0,
      raw: `exit=${outcome.code}${outcome.timedOut ? ' (timed out, process group killed)' : ''}\n${outcome.stdout}${outcome.stderr}`,
    };
  } finally {
    if (keep) process.stderr.write(`sendmail oracle: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

/** `sendmail -C x.cf -bt` only (in the namespaces, for the qualified host name): the .cf parse check. */
export async function checkCf(cf: string): Promise<{ exit: number; output: string }> {
  const r = await runSendmail(cf, [], { btOnly: true });
  return { exit: r.btExit, output: r.btOutput };
}
