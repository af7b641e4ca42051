// Proves the named oracle harness itself on inline configs, independently of the rule fixtures.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readlinkSync } from 'node:fs';
import {
  runNamed,
  prepareConfig,
  derivePort,
  definesZones,
  maskComments,
  checkconfText,
  oracleSkipReason,
  describeProbe,
  type NamedRun,
} from './named-harness';

const skip = oracleSkipReason();
const started: number[] = [];

function explain(r: NamedRun): string {
  return `ipv6 ${describeProbe(r.ipv6)}, ipv4 ${describeProbe(r.ipv4)}, port ${r.port}\n--- listen lines\n${r.listenLines.join('\n')}\n--- harness\n${r.raw}\n--- checkconf\n${r.checkconf.output}`;
}

async function run(text: string, port?: number): Promise<NamedRun> {
  const r = await runNamed(text, port === undefined ? {} : { port });
  if (r.pid) started.push(r.pid);
  assert.equal(r.checkconf.ok, true, `named-checkconf rejected the prepared config:\n${r.checkconf.output}\n${r.preparedConfig}`);
  assert.equal(r.started, true, `named did not start:\n${r.log}\n${r.raw}`);
  assert.equal(r.leftover, false, 'named was still running after the run');
  assert.ok(r.ms.total < 5000, `run took ${r.ms.total} ms`);
  return r;
}

describe('config preparation (pure)', () => {
  test('injects the run options on the line of the first real options {, keeping line numbers', () => {
    const src = '# options { in a comment }\n// options {\noptions {\n\tlisten-on { 127.0.0.1; };\n};\n';
    const p = prepareConfig(src, '/tmp/x', '/tmp/x/db');
    const lines = p.text.split('\n');
    assert.equal(lines[0], '# options { in a comment }');
    assert.match(lines[2], /^options \{ directory "\/tmp\/x"; pid-file "\/tmp\/x\/named.pid"; session-keyfile "\/tmp\/x\/session.key"; managed-keys-directory "\/tmp\/x"; recursion no; dnssec-validation no; $/);
    assert.equal(lines[3], '\tlisten-on { 127.0.0.1; };');
    assert.deepEqual(p.injected, ['directory', 'pid-file', 'session-keyfile', 'managed-keys-directory', 'recursion', 'dnssec-validation']);
    assert.ok(p.addedControls && p.addedZone && !p.prependedOptions);
    assert.match(p.text, /\ncontrols \{ \};\nzone "example.test" \{ type primary; file "\/tmp\/x\/db"; \};\n$/);
  });

  test('does not inject options the config sets itself, nor controls it has', () => {
    const src = 'options {\n directory "/var/cache/bind";\n recursion yes;\n dnssec-validation auto;\n};\ncontrols { inet 127.0.0.1 allow { none; }; };\n';
    const p = prepareConfig(src, '/tmp/x', '/tmp/x/db');
    assert.deepEqual(p.injected, ['pid-file', 'session-keyfile', 'managed-keys-directory']);
    assert.equal(p.addedControls, false);
    assert.equal((p.text.match(/directory "/g) ?? []).length, 2, 'only the config directory and managed-keys-directory');
  });

  test('prepends an options block on line 1 when there is none', () => {
    const p = prepareConfig('# oracle: x\nzone "a.test" { type primary; file "db.a"; };\n', '/d', '/d/db');
    assert.ok(p.prependedOptions);
    assert.equal(p.addedZone, false);
    assert.match(p.text.split('\n')[0], /^options \{ directory "\/d";.*\}; # oracle: x$/);
    assert.equal(p.text.split('\n')[1], 'zone "a.test" { type primary; file "db.a"; };');
  });

  test('definesZones sees zone and view statements, not comments or zone-statistics', () => {
    assert.equal(definesZones('zone "a.test" { type hint; file "x"; };'), true);
    assert.equal(definesZones('zone a.test IN { type hint; file "x"; };'), true);
    assert.equal(definesZones('view "inside" { match-clients { any; }; };'), true);
    assert.equal(definesZones('options { zone-statistics yes; };\n# zone "x" {\n/* zone "y" { */'), false);
  });

  test('maskComments keeps offsets and strings', () => {
    const src = 'a "#x" # c\n/* b\n */ d // e\n';
    const m = maskComments(src);
    assert.equal(m.length, src.length);
    assert.equal(m, 'a "#x"    \n    \n    d     \n');
  });

  test('derivePort: listen-on-v6 port, else listen-on port, else global port, else 53', () => {
    assert.equal(derivePort('options { listen-on port 5353 { 127.0.0.1; }; listen-on-v6 port 5354 { ::1; }; };'), 5354);
    assert.equal(derivePort('options { listen-on port 5353 { 127.0.0.1; }; listen-on-v6 { ::1; }; };'), 5353);
    assert.equal(derivePort('options { port 5300; listen-on { 127.0.0.1; }; };'), 5300);
    assert.equal(derivePort('options { listen-on { 127.0.0.1; }; };\n# listen-on-v6 port 99 { ::1; };'), 53);
    assert.equal(derivePort('options { listen-on-v6 port 8053 tls none { ::1; }; };'), 8053);
  });
});

describe('named oracle harness (real named in a private network namespace)', { skip: skip && !process.env.CI ? skip : false }, () => {
  if (skip && process.env.CI) {
    test('prerequisites', () => {
      throw new Error(`${skip} — CI must install bind9, bind9-utils, bind9-dnsutils and run as root`);
    });
    return;
  }

  after(() => {
    const alive = started.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    assert.deepEqual(alive, [], `named processes left running: ${alive.join(', ')}`);
  });

  test('named-checkconf on text reports errors with exit status', () => {
    assert.equal(checkconfText('options { listen-on { 127.0.0.1; ::1; }; };\n').ok, true, 'wrong family is silent (research §1a)');
    const bad = checkconfText('options { listen-on { 127.0.0.1 }; };\n');
    assert.equal(bad.ok, false);
    assert.match(bad.output, /missing ';' before '}'/);
  });

  test('IPv4-only config (::1 in listen-on, listen-on-v6 none): IPv6 fails, IPv4 answers', async () => {
    const r = await run('options {\n\tlisten-on port 5353 { 127.0.0.1; ::1; };\n\tlisten-on-v6 port 5353 { none; };\n};\n');
    assert.equal(r.port, 5353);
    assert.equal(r.ipv6.state, 'fails', explain(r));
    assert.equal(r.ipv4.state, 'answers', explain(r));
    assert.equal(r.ipv4.status, 'NOERROR');
    assert.match(r.ipv6.udp.error, /connection refused/);
    // the injected options stay on line 1, so named reports the fixture's own line number
    assert.ok(r.ipv6.logLines.some((l) => /named\.conf:2: '::1': incorrect address family; ignoring/.test(l)), explain(r));
    assert.ok(r.ipv4.logLines.some((l) => l.includes('listening on IPv4 interface lo, 127.0.0.1#5353')), explain(r));
  });

  test('both families configured: both answer NOERROR over UDP and TCP', async () => {
    const r = await run('options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { ::1; };\n};\n');
    assert.equal(r.ipv6.state, 'answers', explain(r));
    assert.equal(r.ipv4.state, 'answers', explain(r));
    assert.equal(r.ipv6.udp.status, 'NOERROR');
    assert.equal(r.ipv6.tcp.status, 'NOERROR');
    assert.ok(r.ipv6.logLines.some((l) => l.includes('listening on IPv6 interface lo, ::1#5353')), explain(r));
    assert.equal(r.qname, 'example.test');
  });

  test('listen-on port does not carry over to the default listen-on-v6 (research §1b): ::1 is on 53', async () => {
    const text = 'options {\n\tlisten-on port 5353 { 127.0.0.1; };\n};\n';
    const [on5353, on53] = await Promise.all([run(text), run(text, 53)]);
    assert.equal(on5353.ipv6.state, 'fails', explain(on5353));
    assert.equal(on5353.ipv4.state, 'answers', explain(on5353));
    assert.equal(on53.ipv6.state, 'answers', explain(on53));
    assert.equal(on53.ipv4.state, 'fails', explain(on53));
    assert.ok(on53.ipv6.logLines.some((l) => l.includes('::1#53')), explain(on53));
  });

  test('IPv4 address in listen-on-v6 is ignored: IPv6 fails', async () => {
    const r = await run('options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { 127.0.0.1; };\n};\n');
    assert.equal(r.ipv6.state, 'fails', explain(r));
    assert.equal(r.ipv4.state, 'answers', explain(r));
    assert.ok(r.ipv4.logLines.some((l) => /'127\.0\.0\.1': incorrect address family/.test(l)), explain(r));
  });

  test('documentation addresses that are not on lo are simply not bound', async () => {
    const r = await run('options {\n\tlisten-on port 5353 { 192.0.2.1; 127.0.0.1; };\n\tlisten-on-v6 port 5353 { 2001:db8::1; ::1; };\n};\n');
    assert.equal(r.ipv6.state, 'answers', explain(r));
    assert.equal(r.ipv4.state, 'answers', explain(r));
  });

  test('config with its own zones: queries . NS and counts REFUSED as answering', async () => {
    const r = await run('options {\n\tlisten-on port 5353 { 127.0.0.1; };\n\tlisten-on-v6 port 5353 { none; };\n};\nzone "a.test" { type primary; file "db.a.test"; };\n');
    assert.equal(r.qname, '.');
    assert.equal(r.ipv4.state, 'answers', explain(r));
    assert.equal(r.ipv4.status, 'REFUSED');
    assert.equal(r.ipv6.state, 'fails', explain(r));
  });

  test('no options block at all: defaults listen on port 53 for both families', async () => {
    const r = await run('# nothing but a comment\n');
    assert.equal(r.port, 53);
    assert.equal(r.ipv6.state, 'answers', explain(r));
    assert.equal(r.ipv4.state, 'answers', explain(r));
  });

  test('a config named-checkconf rejects is reported and named is not started', async () => {
    const r = await runNamed('options { listen-on { 127.0.0.1 }; };\n');
    assert.equal(r.checkconf.ok, false);
    assert.equal(r.started, false);
    assert.equal(r.ipv4.answered, false);
  });

  test('the run happens in a private network namespace, not the host one', async () => {
    const r = await run('options {\n\tlisten-on port 5391 { 127.0.0.1; };\n\tlisten-on-v6 port 5391 { ::1; };\n};\n');
    assert.equal(r.ipv4.state, 'answers', explain(r));
    assert.match(r.netns, /^net:\[\d+\]$/);
    assert.notEqual(r.netns, readlinkSync('/proc/self/ns/net'));
  });
});
