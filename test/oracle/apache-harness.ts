// Runs the real Debian apache2 on a fixture inside a private network namespace (loopback only) and reports
// whether it answers HTTP on [::1] and 127.0.0.1 — the oracle that proves v6ready's Listen fixes — plus
// `apache2 -t` on any fixture. The fixture is Included from a self-contained wrapper config (research/real-daemons.md
// §2a: absolute -f, own ServerRoot/DefaultRuntimeDir/PidFile/ErrorLog, an MPM, TypesConfig), so its line numbers
// stay its own in httpd's messages.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { netnsAvailability, pidAlive, requireTools, runInNetns, trackTempDir, untrackTempDir, which } from './netns';

export { which };

const MODULE_DIR = '/usr/lib/apache2/modules';
/** Modules the fixtures use (mod_version and the others of `apache2 -l` are compiled in on Debian). */
const MODULES = [
  ['mpm_event_module', 'mod_mpm_event.so'],
  ['authz_core_module', 'mod_authz_core.so'],
  ['authz_host_module', 'mod_authz_host.so'],
  ['access_compat_module', 'mod_access_compat.so'],
  ['alias_module', 'mod_alias.so'],
  ['dir_module', 'mod_dir.so'],
  ['mime_module', 'mod_mime.so'],
  ['headers_module', 'mod_headers.so'],
  ['rewrite_module', 'mod_rewrite.so'],
  ['proxy_module', 'mod_proxy.so'],
  ['proxy_http_module', 'mod_proxy_http.so'],
];

/** The wrapper: everything a standalone start needs, then the fixture. */
export function wrapperConfig(dir: string, fixture: string): string {
  return [
    `ServerRoot "${dir}"`,
    `DefaultRuntimeDir "${dir}/run"`,
    `PidFile "${dir}/run/httpd.pid"`,
    `ErrorLog "${dir}/logs/error.log"`,
    'LogLevel warn',
    ...MODULES.map(([id, so]) => `LoadModule ${id} ${MODULE_DIR}/${so}`),
    'TypesConfig /etc/mime.types',
    'ServerName oracle.test',
    `DocumentRoot "${dir}/htdocs"`,
    `<Directory "${dir}/htdocs">`,
    '    Require all granted',
    '</Directory>',
    `Include "${fixture}"`,
    '',
  ].join('\n');
}

function prepareDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const d of ['run', 'logs', 'htdocs']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'htdocs', 'index.html'), 'hello from the v6ready oracle\n');
  // httpd's children run as the apache user (www-data): let them read the document root.
  chmodSync(dir, 0o755);
  // The resolver as measured in research §0: localhost is 127.0.0.1 only.
  writeFileSync(join(dir, 'hosts'), '127.0.0.1\tlocalhost\n');
  return dir;
}

const APACHE_TOOLS = ['apache2', 'curl', 'ss', 'mount'] as const;

export function apacheOracleSkipReason(): string | undefined {
  const a = netnsAvailability(APACHE_TOOLS, 'apache2 curl iproute2 mount');
  if (!a.ok) return `apache oracle unavailable: ${a.reason}`;
  if (!existsSync(join(MODULE_DIR, 'mod_mpm_event.so'))) return `apache oracle unavailable: ${MODULE_DIR}/mod_mpm_event.so missing (apt-get install apache2)`;
  return undefined;
}

export interface SyntaxCheck {
  ok: boolean;
  exitCode: number;
  /** `apache2 -t` prints "Syntax OK" and its errors on stderr; both streams merged. */
  output: string;
}

/** `apache2 -t` on a fixture file (Included from the wrapper). */
export function apacheSyntaxCheck(fixture: string): SyntaxCheck {
  const bin = which('apache2');
  if (!bin) throw new Error("apache oracle: 'apache2' not found (Debian: apt-get install apache2)");
  const dir = prepareDir('v6ready-apache-t-');
  try {
    const conf = join(dir, 'httpd.conf');
    writeFileSync(conf, wrapperConfig(dir, resolve(fixture)));
    const r = spawnSync(bin, ['-t', '-f', conf], { encoding: 'utf8', timeout: 15000 });
    return { ok: r.status === 0, exitCode: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type FamilyState = 'answers' | 'fails';

export interface HttpProbe {
  state: FamilyState;
  /** HTTP status ('000' when nothing answered). */
  status: string;
  curlExit: number;
}

export interface ApacheRun {
  ipv6: HttpProbe;
  ipv4: HttpProbe;
  /** apache2 was listening on the port before the deadline. */
  started: boolean;
  syntax: SyntaxCheck;
  pid: number;
  leftover: boolean;
  /** The error log (and apache2's own stderr). */
  log: string;
  /** `ss -ltn` lines for the port. */
  sockets: string[];
  netns: string;
  port: number;
  ms: { total: number; start: number };
  raw: string;
}

const SCRIPT = String.raw`
set -u
"$IP" link set lo up
# A private /etc/hosts (mount namespace): localhost is 127.0.0.1 only, as on the measured Debian image.
mount --bind "$DIR/hosts" /etc/hosts
echo -e "HARNESS\tnetns\t$(readlink /proc/self/ns/net)" >>"$OUT"
"$APACHE2" -f "$CONF" -DFOREGROUND >>"$DIR/logs/stderr.log" 2>&1 &
PID=$!
echo -e "APACHE\tpid\t$PID" >>"$OUT"
stop() {
  kill -TERM "$PID" 2>/dev/null
  for i in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
}
trap stop EXIT
T0=$(date +%s%3N)
STARTED=0
DEADLINE=$(( T0 + START_DEADLINE_MS ))
while [ "$(date +%s%3N)" -lt "$DEADLINE" ]; do
  kill -0 "$PID" 2>/dev/null || break
  if "$SS" -Hltn "sport = :$PORT" | grep -q .; then STARTED=1; break; fi
  sleep 0.02
done
echo -e "APACHE\tstarted\t$STARTED\t$(( $(date +%s%3N) - T0 ))" >>"$OUT"
"$SS" -Hltn "sport = :$PORT" | sed 's/^/SOCKET\t/' >>"$OUT"
for fam in 6 4; do
  if [ "$fam" = 6 ]; then URL="http://[::1]:$PORT/"; else URL="http://127.0.0.1:$PORT/"; fi
  CODE=$("$CURL" -"$fam" -s -o /dev/null -w '%{http_code}' --max-time 3 "$URL")
  echo -e "PROBE\t$fam\t$?\t$CODE" >>"$OUT"
done
`;

/** Start apache2 on the fixture in a private netns, probe [::1]:port and 127.0.0.1:port, stop it by PID. */
export async function runApache(fixture: string, port: number, opts: { keep?: boolean; timeoutMs?: number } = {}): Promise<ApacheRun> {
  const t0 = Date.now();
  const keep = opts.keep ?? process.env.V6READY_ORACLE_KEEP === '1';
  const syntax = apacheSyntaxCheck(fixture);
  const dir = prepareDir('v6ready-apache-');
  if (!keep) trackTempDir(dir);
  const empty: HttpProbe = { state: 'fails', status: '000', curlExit: -1 };
  try {
    const conf = join(dir, 'httpd.conf');
    writeFileSync(conf, wrapperConfig(dir, resolve(fixture)));
    if (!syntax.ok) {
      return { ipv6: empty, ipv4: empty, started: false, syntax, pid: 0, leftover: false, log: '', sockets: [], netns: '', port, ms: { total: Date.now() - t0, start: 0 }, raw: 'apache2 -t rejected the config; not started' };
    }
    const t = requireTools(APACHE_TOOLS, 'apache oracle');
    const outcome = await runInNetns(
      SCRIPT,
      { DIR: dir, CONF: conf, APACHE2: t.apache2, CURL: t.curl, SS: t.ss, PORT: String(port), START_DEADLINE_MS: '3000' },
      join(dir, 'harness.out'),
      { timeoutMs: opts.timeoutMs ?? 20000, mount: true },
    );
    let pid = 0;
    let started = false;
    let startMs = 0;
    let netns = '';
    const sockets: string[] = [];
    const probes = new Map<string, HttpProbe>();
    for (const line of outcome.stdout.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'APACHE' && f[1] === 'pid') pid = Number(f[2]);
      if (f[0] === 'APACHE' && f[1] === 'started') {
        started = f[2] === '1';
        startMs = Number(f[3]);
      }
      if (f[0] === 'HARNESS' && f[1] === 'netns') netns = f[2];
      if (f[0] === 'SOCKET') sockets.push(f.slice(1).join(' ').replace(/\s+/g, ' '));
      if (f[0] === 'PROBE') {
        const status = f[3] || '000';
        probes.set(f[1], { state: status !== '000' ? 'answers' : 'fails', status, curlExit: Number(f[2]) });
      }
    }
    let leftover = false;
    if (pidAlive(pid)) {
      // The trap should have stopped it; never leave an apache2 behind.
      leftover = true;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
    const log = read(join(dir, 'logs', 'error.log')) + read(join(dir, 'logs', 'stderr.log'));
    return {
      ipv6: probes.get('6') ?? empty,
      ipv4: probes.get('4') ?? empty,
      started,
      syntax,
      pid,
      leftover,
      log,
      sockets,
      netns,
      port,
      ms: { total: Date.now() - t0, start: startMs },
      raw: `exit=${outcome.code}${outcome.timedOut ? ' (timed out, process group killed)' : ''}\n${outcome.stdout}${outcome.stderr}`,
    };
  } finally {
    if (keep) process.stderr.write(`apache oracle: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
    untrackTempDir(dir);
  }
}

/** The port a fixture is probed on: a first-line `# oracle: port N`, else the first Listen's port. */
export function fixturePort(text: string): number | undefined {
  const m = /^#\s*oracle:.*\bport\s+(\d+)/m.exec(text.split('\n', 1)[0]);
  if (m) return Number(m[1]);
  for (const line of text.split('\n')) {
    const l = /^\s*Listen\s+(?:\S*:)?(\d+)(?:\s|$)/i.exec(line);
    if (l) return Number(l[1]);
  }
  return undefined;
}
