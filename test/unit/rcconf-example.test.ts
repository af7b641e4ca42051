// examples/rc.conf, the seed's FreeBSD 6 tunnel configuration: one fix-all run (core fixAll, then the CLI's
// `check --fix`) turns it into the FreeBSD 14 form, keeping every setting FreeBSD 14 applied from the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { obsoleteKnobNames } from '../../server/src/dialects/rcconf/docs';
import { valueOfKnob } from '../../server/src/dialects/rcconf/model';

const EXAMPLE = join(process.cwd(), 'examples', 'rc.conf');

/** What FreeBSD 14 expects: what its scripts made of the old knobs at boot, written out (rc.conf(5)). */
const FREEBSD_14 = `# /etc/rc.conf of gw.example.net, written for FreeBSD 6.2: IPv4 from the
# provider, IPv6 through a configured tunnel (gif0) to a tunnel broker.

hostname="gw.example.net"
ifconfig_em0="inet 192.0.2.10 netmask 255.255.255.0"
ifconfig_em0_ipv6="inet6 accept_rtadv"
defaultrouter="192.0.2.1"

# IPv6 tunnel: local and remote IPv4 endpoints, then the inner IPv6 addresses.
ipv6_activate_all_interfaces="YES"
gif_interfaces="gif0"
gifconfig_gif0="192.0.2.10 203.0.113.1"
ifconfig_gif0_ipv6="inet6 2001:db8:1::2 2001:db8:1::1 prefixlen 128 accept_rtadv"
ipv6_defaultrouter="2001:db8:1::1"

sshd_enable="YES"
ntpd_enable="YES"
sendmail_enable="NONE"
`;

const seed = readFileSync(EXAMPLE, 'utf8');

test('the seed uses the FreeBSD 6 knobs the issue names', () => {
  for (const knob of ['gif_interfaces', 'gifconfig_gif0', 'ipv6_ifconfig_gif0', 'ipv6_defaultrouter', 'ipv6_enable']) {
    assert.match(seed, new RegExp(`^${knob}=`, 'm'), knob);
  }
  const before = analyze(rcconfDialect, seed);
  assert.deepEqual(before.findings.map((f) => `${f.rule}: ${seed.slice(f.span.start, f.span.end)}`), [
    'rcconf/obsolete-knob: ipv6_enable',
    'rcconf/obsolete-knob: ipv6_ifconfig_gif0',
  ]);
});

test('core fixAll: one run gives the FreeBSD 14 form, with nothing left to report', () => {
  const r = fixAll(rcconfDialect, seed);
  assert.equal(r.text, FREEBSD_14);
  assert.deepEqual(r.analysis.findings, [], 'no finding at all after the fix');
  const names = new Set(r.analysis.parse.model.assignments.map((a) => a.name));
  for (const old of obsoleteKnobNames()) assert.ok(!names.has(old), `${old} is gone`);
  assert.ok(![...names].some((n) => n.startsWith('ipv6_ifconfig_')), 'no ipv6_ifconfig_<if> left');
});

test('the fixed file keeps what FreeBSD 14 did with the old one', () => {
  const before = rcconfDialect.parse(seed).model;
  const after = rcconfDialect.parse(fixAll(rcconfDialect, seed).text).model;
  // Unchanged knobs keep their values.
  for (const a of before.assignments) {
    if (['ipv6_enable', 'ipv6_ifconfig_gif0'].includes(a.name)) continue;
    assert.equal(valueOfKnob(after, a.name), a.value.text, a.name);
  }
  // ipv6_enable=YES: IPv6 on every interface (netif copies it into ipv6_activate_all_interfaces) ...
  assert.equal(valueOfKnob(after, 'ipv6_activate_all_interfaces'), 'YES');
  // ... and router advertisements accepted on every interface but bridges (network.subr, ifconfig_up).
  assert.match(valueOfKnob(after, 'ifconfig_em0_ipv6')!, /(^|\s)accept_rtadv(\s|$)/);
  // ipv6_ifconfig_gif0 is applied as `ifconfig gif0 inet6 <value>`: the same arguments after `inet6`.
  assert.equal(valueOfKnob(after, 'ifconfig_gif0_ipv6'), `inet6 ${valueOfKnob(before, 'ipv6_ifconfig_gif0')} accept_rtadv`);
  // The tunnel itself and the default routes do not move.
  for (const k of ['gif_interfaces', 'gifconfig_gif0', 'ipv6_defaultrouter', 'defaultrouter']) assert.equal(valueOfKnob(after, k), valueOfKnob(before, k), k);
});

test('sh -n accepts the fixed file', { skip: existsSync('/bin/sh') ? false : 'no /bin/sh' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-rcconf-'));
  try {
    const file = join(dir, 'rc.conf');
    writeFileSync(file, FREEBSD_14);
    const r = spawnSync('/bin/sh', ['-n', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('v6ready check --fix examples/rc.conf does the same in one run', { skip: existsSync('dist/cli.js') ? false : 'dist/cli.js not built (npm run build)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-rcconf-'));
  try {
    const file = join(dir, 'rc.conf');
    copyFileSync(EXAMPLE, file);
    const r = spawnSync(process.execPath, ['dist/cli.js', 'check', '--fix', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(readFileSync(file, 'utf8'), FREEBSD_14, r.stdout + r.stderr);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
