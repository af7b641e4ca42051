// Runs the real BIND named on a config inside a private network namespace (loopback only) and reports
// whether it answers DNS on ::1 and 127.0.0.1 — the oracle that proves v6ready's listen-on fixes.
// Method and timings: ../shared/research/real-daemons.md §1e and §7 (bind-listens-v6.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsAvailability, pidAlive, requireTools, runInNetns, stopTrapScript, trackTempDir, untrackTempDir, which } from './netns';

export { which };

export interface ProtoProbe {
  /** A DNS reply (any status, REFUSED included) came back. */
  answered: boolean;
  /** The reply's status (NOERROR, REFUSED, ...) or 'none'. */
  status: string;
  /** dig's exit code (0 = a reply, 9 = no reply). */
  digExit: number;
  /** dig's complaint when nothing answered ("connection refused", "timed out", ...). */
  error: string;
}

export interface ProbeResult {
  /** Both UDP and TCP got a DNS reply. */
  answered: boolean;
  /** 'answers' (udp+tcp), 'fails' (neither), 'udp-only' or 'tcp-only'. */
  state: 'answers' | 'fails' | 'udp-only' | 'tcp-only';
  /** The UDP reply's status, else the TCP one's, else 'none'. */
  status: string;
  udp: ProtoProbe;
  tcp: ProtoProbe;
  /** named's log lines for this family: 'listening on IPvN interface …' and 'incorrect address family' lines
   *  naming an address of this family. */
  logLines: string[];
}

export interface CheckconfResult {
  ok: boolean;
  exitCode: number;
  /** named-checkconf prints its diagnostics on stdout (research §1); stdout and stderr merged. */
  output: string;
}

export interface NamedRun {
  ipv6: ProbeResult;
  ipv4: ProbeResult;
  /** The whole named log (stderr of `named -g`). */
  log: string;
  /** The 'listening on' / 'incorrect address family' / bind-failure lines of the log. */
  listenLines: string[];
  /** named-checkconf on the prepared (injected) config; named is not started when it fails. */
  checkconf: CheckconfResult;
  /** named logged ' running' before the deadline. */
  started: boolean;
  port: number;
  qname: string;
  qtype: string;
  /** The config text named actually ran. */
  preparedConfig: string;
  /** named's pid (global: `unshare -n` makes no pid namespace), or 0 if it never started. */
  pid: number;
  /** named was still alive after the run and had to be killed from Node (should never happen). */
  leftover: boolean;
  /** Milliseconds: whole run, and named start until ' running'. */
  ms: { total: number; start: number };
  /** The network namespace named ran in (`net:[inode]`), never the host's. */
  netns: string;
  /** The harness script's raw stdout/stderr, for debugging failures. */
  raw: string;
}

export interface RunNamedOptions {
  /** Port probed on both families; default derivePort(configText). */
  port?: number;
  /** Keep the temp dir (its path is in the error / printed) — for debugging. Also V6READY_ORACLE_KEEP=1. */
  keep?: boolean;
  /** Milliseconds to wait for named's ' running' line; default 5000. */
  startDeadlineMs?: number;
  /** Hard limit for the whole namespace script, after which its process group is SIGKILLed; default 20000. */
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Config text handling (pure).

/** The text with every comment (`#`, `//`, `/* … *\/`) replaced by spaces (newlines kept), so offsets and
 *  line numbers stay those of the original; quoted strings are kept. */
export function maskComments(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** An option statement name at a statement start (not a suffix of a longer name such as managed-keys-directory). */
function hasStatement(code: string, name: string): boolean {
  return new RegExp(`(^|[\\s;{}])${name.replace(/-/g, '\\-')}(?=[\\s{;"])`, 'm').test(code);
}

/** True when the config defines a zone or a view (then the harness adds no zone of its own). */
export function definesZones(configText: string): boolean {
  const code = maskComments(configText);
  return /(^|[\s;{}])(zone|view)\s+("[^"]*"|[^\s{;"]+)(\s+[A-Za-z]+)?\s*\{/m.test(code);
}

/** The `port N` of the first `<statement> … {` header that has one, or undefined. */
function portOf(code: string, statement: 'listen-on' | 'listen-on-v6'): number | undefined {
  const re = statement === 'listen-on-v6' ? /(^|[\s;{}])listen-on-v6\b([^{};]*)\{/gm : /(^|[\s;{}])listen-on(?!-v6)\b([^{};]*)\{/gm;
  for (const m of code.matchAll(re)) {
    const p = /\bport\s+(\d+)/.exec(m[2]);
    if (p) return Number(p[1]);
  }
  return undefined;
}

/** The port under test for a config (normally the FIXED one): the `port N` of listen-on-v6 if present,
 *  else of listen-on, else the global `port N;` option, else 53. */
export function derivePort(configText: string): number {
  const code = maskComments(configText);
  const v6 = portOf(code, 'listen-on-v6');
  if (v6 !== undefined) return v6;
  const v4 = portOf(code, 'listen-on');
  if (v4 !== undefined) return v4;
  const global = /(^|[\s;{}])port\s+(\d+)\s*;/m.exec(code);
  return global ? Number(global[2]) : 53;
}

export interface PreparedConfig {
  text: string;
  /** Names of the options that were injected (those the config did not set itself). */
  injected: string[];
  addedControls: boolean;
  addedZone: boolean;
  prependedOptions: boolean;
}

/** Makes a config runnable from the temp dir `dir`: injects directory/pid-file/… right after the
 *  first real `options {` — on the same line, so named's `FILE:LINE` messages keep the fixture's line numbers —
 *  appends `controls { };` (no rndc channel on port 953) and, unless the config has zones, zone example.test. */
export function prepareConfig(configText: string, dir: string, zoneFile: string): PreparedConfig {
  const code = maskComments(configText);
  const wanted: Array<[string, string]> = [
    ['directory', `directory "${dir}";`],
    ['pid-file', `pid-file "${dir}/named.pid";`],
    ['session-keyfile', `session-keyfile "${dir}/session.key";`],
    ['managed-keys-directory', `managed-keys-directory "${dir}";`],
    ['recursion', 'recursion no;'],
    ['dnssec-validation', 'dnssec-validation no;'],
  ];
  const missing = wanted.filter(([name]) => !hasStatement(code, name));
  const injection = missing.map(([, stmt]) => stmt).join(' ');
  let text: string;
  let prependedOptions = false;
  const opt = /(^|[\s;{}])options\s*\{/m.exec(code);
  if (opt) {
    const at = opt.index + opt[0].length;
    text = `${configText.slice(0, at)} ${injection} ${configText.slice(at)}`;
  } else {
    text = `options { ${injection} }; ${configText}`;
    prependedOptions = true;
  }
  if (!text.endsWith('\n')) text += '\n';
  const addedControls = !hasStatement(code, 'controls');
  if (addedControls) text += 'controls { };\n';
  const addedZone = !definesZones(configText);
  if (addedZone) text += `zone "example.test" { type primary; file "${zoneFile}"; };\n`;
  return { text, injected: missing.map(([n]) => n), addedControls, addedZone, prependedOptions };
}

export const ZONE_TEXT = [
  '$TTL 300',
  '@\tIN\tSOA\tns1.example.test. hostmaster.example.test. 1 3600 600 86400 300',
  '@\tIN\tNS\tns1.example.test.',
  'ns1\tIN\tA\t127.0.0.1',
  'ns1\tIN\tAAAA\t::1',
  '@\tIN\tA\t192.0.2.10',
  '@\tIN\tAAAA\t2001:db8::10',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------------------
// Tools.

const NAMED_TOOLS = ['named', 'named-checkconf', 'dig'] as const;

function tools() {
  return requireTools(NAMED_TOOLS, 'named oracle');
}

/** Whether the oracle can run here: the tools exist and a private network namespace can be created. */
export function oracleAvailability(): { ok: true } | { ok: false; reason: string } {
  return netnsAvailability(NAMED_TOOLS, 'bind9 bind9-utils bind9-dnsutils');
}

export function checkconfFile(path: string, cwd?: string): CheckconfResult {
  const bin = which('named-checkconf');
  if (!bin) throw new Error("named oracle: 'named-checkconf' not found on PATH (Debian: apt-get install bind9-utils)");
  const r = spawnSync(bin, [path], { encoding: 'utf8', timeout: 15000, cwd });
  return { ok: r.status === 0, exitCode: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

/** named-checkconf on config text (written to a temp file, removed afterwards). */
export function checkconfText(configText: string): CheckconfResult {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-checkconf-'));
  try {
    const p = join(dir, 'named.conf');
    writeFileSync(p, configText);
    return checkconfFile(p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The run inside `unshare -n`. Paths come in through the environment; output lines are tab-separated:
//   HARNESS <tab> netns|error <tab> value    NAMED <tab> started|pid|exit|killed <tab> value          PROBE <tab> 4|6 <tab> udp|tcp <tab> digExit <tab> status <tab> error
// The script writes to a file, not to a pipe: if the Node side dies, no SIGPIPE can kill bash before its trap
// stops named; it runs to its bounded end. named also gets SIGKILL if bash dies (setpriv --pdeathsig).
const SCRIPT = String.raw`
set -u
exec >"$OUT" 2>&1 </dev/null
"$IP" link set lo up || { printf 'HARNESS\terror\tip link set lo up failed\n'; exit 70; }
printf 'HARNESS\tnetns\t%s\n' "$(readlink /proc/self/ns/net)"
${stopTrapScript('NAMED')}
if "$SETPRIV" --help 2>/dev/null | grep -q pdeathsig; then
  "$SETPRIV" --pdeathsig KILL -- "$NAMED" -g -c "$CONF" -u root >"$LOG" 2>&1 </dev/null &
else
  "$NAMED" -g -c "$CONF" -u root >"$LOG" 2>&1 </dev/null &
fi
pid=$!
printf 'NAMED\tpid\t%s\n' "$pid"
t0=$(date +%s%N)
deadline=$(( t0 + START_DEADLINE_MS * 1000000 ))
started=0
while :; do
  if grep -q ' running$' "$LOG"; then started=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  [ "$(date +%s%N)" -ge "$deadline" ] && break
  sleep 0.02
done
printf 'NAMED\tstarted\t%s\t%s\n' "$started" $(( ($(date +%s%N) - t0) / 1000000 ))
[ "$started" = 1 ] || exit 0
probe() {
  fam=$1; server=$2; proto=$3; shift 3
  out=$("$TIMEOUT" 5 "$DIG" -r "-$fam" "@$server" -p "$PORT" +tries=1 +time=1 +norecurse "$@" "$QNAME" "$QTYPE" 2>&1)
  rc=$?
  status=$(printf '%s\n' "$out" | sed -n 's/.*->>HEADER<<-.*status: \([A-Z0-9]*\),.*/\1/p' | head -n 1)
  err=$(printf '%s\n' "$out" | grep -m 1 -E 'communications error|no servers|timed out|refused|unreachable|failed' | tr '\t' ' ')
  [ -n "$status" ] || status=none
  printf 'PROBE\t%s\t%s\t%s\t%s\t%s\n' "$fam" "$proto" "$rc" "$status" "$err"
}
probe 6 ::1 udp
probe 6 ::1 tcp +tcp
probe 4 127.0.0.1 udp
probe 4 127.0.0.1 tcp +tcp
`;

function emptyProto(): ProtoProbe {
  return { answered: false, status: 'none', digExit: -1, error: 'not probed (named did not start)' };
}

function combine(udp: ProtoProbe, tcp: ProtoProbe, logLines: string[]): ProbeResult {
  const state = udp.answered && tcp.answered ? 'answers' : !udp.answered && !tcp.answered ? 'fails' : udp.answered ? 'udp-only' : 'tcp-only';
  const status = udp.answered ? udp.status : tcp.answered ? tcp.status : 'none';
  return { answered: state === 'answers', state, status, udp, tcp, logLines };
}

const LISTEN_LINE = /listening on|incorrect address family|could not listen|address in use|not listening|unable to listen|bind.*failed/i;

/** Runs named on configText in a fresh temp dir and private network namespace and probes ::1 and 127.0.0.1. */
export async function runNamed(configText: string, opts: RunNamedOptions = {}): Promise<NamedRun> {
  const t0 = Date.now();
  const port = opts.port ?? derivePort(configText);
  const keep = opts.keep ?? process.env.V6READY_ORACLE_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-named-'));
  if (!keep) trackTempDir(dir);
  let pid = 0;
  try {
    const zoneFile = join(dir, 'db.example.test');
    const conf = join(dir, 'named.conf');
    const logFile = join(dir, 'named.log');
    const prepared = prepareConfig(configText, dir, zoneFile);
    writeFileSync(zoneFile, ZONE_TEXT);
    writeFileSync(conf, prepared.text);
    const [qname, qtype] = prepared.addedZone ? ['example.test', 'AAAA'] : ['.', 'NS'];
    const checkconf = checkconfFile(conf);
    const base = {
      checkconf,
      port,
      qname,
      qtype,
      preparedConfig: prepared.text,
    };
    if (!checkconf.ok) {
      return {
        ...base,
        ipv6: combine(emptyProto(), emptyProto(), []),
        ipv4: combine(emptyProto(), emptyProto(), []),
        log: '',
        listenLines: [],
        started: false,
        pid: 0,
        leftover: false,
        ms: { total: Date.now() - t0, start: 0 },
        netns: '',
        raw: 'named-checkconf rejected the config; named not started',
      };
    }
    const t = tools();
    const outcome = await runInNetns(
      SCRIPT,
      {
        DIR: dir,
        NAMED: t.named,
        DIG: t.dig,
        CONF: conf,
        LOG: logFile,
        PORT: String(port),
        QNAME: qname,
        QTYPE: qtype,
        START_DEADLINE_MS: String(opts.startDeadlineMs ?? 5000),
      },
      join(dir, 'harness.out'),
      { timeoutMs: opts.timeoutMs ?? 20000 },
    );
    const probes = new Map<string, ProtoProbe>();
    let started = false;
    let startMs = 0;
    let netns = '';
    for (const line of outcome.stdout.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'NAMED' && f[1] === 'pid') pid = Number(f[2]);
      if (f[0] === 'HARNESS' && f[1] === 'netns') netns = f[2];
      if (f[0] === 'NAMED' && f[1] === 'started') {
        started = f[2] === '1';
        startMs = Number(f[3]);
      }
      if (f[0] === 'PROBE') {
        const digExit = Number(f[3]);
        const status = f[4] || 'none';
        probes.set(`${f[1]}/${f[2]}`, { answered: status !== 'none', status, digExit, error: (f[5] ?? '').trim() });
      }
    }
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const listenLines = log.split('\n').filter((l) => LISTEN_LINE.test(l));
    const familyLines = (fam: 4 | 6) =>
      listenLines.filter((l) => {
        if (l.includes(`IPv${fam} interface`)) return true;
        const bad = /'([^']*)': incorrect address family/.exec(l);
        return bad ? bad[1].includes(':') === (fam === 6) : false;
      });
    let leftover = false;
    if (pidAlive(pid)) {
      // The trap should have stopped it; never leave a named behind.
      leftover = true;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    const raw = `exit=${outcome.code}${outcome.timedOut ? ' (timed out, process group killed)' : ''}\n${outcome.stdout}${outcome.stderr}`;
    return {
      ...base,
      ipv6: combine(probes.get('6/udp') ?? emptyProto(), probes.get('6/tcp') ?? emptyProto(), familyLines(6)),
      ipv4: combine(probes.get('4/udp') ?? emptyProto(), probes.get('4/tcp') ?? emptyProto(), familyLines(4)),
      log,
      listenLines,
      started,
      pid,
      leftover,
      ms: { total: Date.now() - t0, start: startMs },
      netns,
      raw,
    };
  } finally {
    if (keep) process.stderr.write(`named oracle: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

/** One line for humans: "ipv6 fails (connection refused) · ipv4 answers NOERROR". */
export function describeProbe(p: ProbeResult): string {
  if (p.state === 'answers') return `answers ${p.status}`;
  if (p.state === 'fails') return `fails${p.udp.error ? ` (${p.udp.error.replace(/^;; /, '')})` : ''}`;
  return `${p.state} ${p.status}`;
}

/** For the oracle test files: why the oracle cannot run here, or undefined when it can. Under CI a missing
 *  prerequisite is not a skip: the caller turns the reason into a failing test. */
export function oracleSkipReason(): string | undefined {
  const a = oracleAvailability();
  return a.ok ? undefined : `named oracle unavailable: ${a.reason}`;
}
