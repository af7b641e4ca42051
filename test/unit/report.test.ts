// `v6ready report` and cross-file findings in `v6ready check`, on the bundled CLI (npm run build first); the report's
// building and rendering also on the sources, with workspaces held in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialectForPath } from '../../server/src/core/registry';
import { WorkspaceIndex } from '../../server/src/workspace/model';
import { renderHtml, renderMarkdown } from '../../server/src/workspace/render';
import { buildReport } from '../../server/src/workspace/report';
import { runWorkspaceRules } from '../../server/src/workspace/rule';
import { WORKSPACE_RULES } from '../../server/src/workspace/rules';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIX = join('test', 'fixtures', 'workspace');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('report --format json: a table per service with listeners, access, names with AAAA and findings', () => {
  const r = run(['report', '--format', 'json', join(FIX, 'aaaa-without-listener', 'apache-ipv4-listen')]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout);
  assert.deepEqual(rep.services.map((s: any) => `${s.kind} v6=${s.listensV6} admits=${s.admitsV6} ready=${s.ready}`), ['dns v6=yes admits=yes ready=false', 'web v6=no admits=yes ready=false']);
  const web = rep.services.find((s: any) => s.kind === 'web');
  assert.deepEqual(web.names.map((n: any) => `${n.name} ${n.source} ${n.zone} A=${n.a} AAAA=${n.aaaa}`), ['www.example.net ServerName example.net A=192.0.2.80 AAAA=2001:db8::80']);
  assert.deepEqual(web.listenAt, { file: 'httpd.conf', path: web.listenAt.path, line: 1, column: 8 });
  const f = web.findings.find((x: any) => x.rule === 'workspace/aaaa-without-listener');
  assert.equal(f.at.file, 'example.net.zone');
  assert.equal(f.at.line, 7);
  assert.deepEqual(f.related.map((x: any) => `${x.file}:${x.line}`), ['httpd.conf:1', 'httpd.conf:3']);
  assert.equal(rep.summary.ready, false);
  assert.equal(rep.summary.errors, 1);
});

test('report --format md and html: the same tables, with links into the files', () => {
  const dir = join(FIX, 'name-without-aaaa', 'servername');
  const md = run(['report', dir]).stdout;
  assert.match(md, /^# IPv6 readiness report/m);
  assert.match(md, /\| Web \(Apache httpd\) \| ✅ yes \| ✅ yes \| 1\/2 \| 1 \| ❌ \|/);
  // Printed to stdout, the links lead from the current folder (the text shows the file as the report names it).
  const at = 'test/fixtures/workspace/name-without-aaaa/servername/';
  assert.ok(md.includes(`| www.example.net | [ServerName](${at}httpd.conf#L3) | example.net | 192.0.2.80 | ❌ none |`), md);
  assert.ok(md.includes(`\`workspace/name-without-aaaa\` | [httpd.conf:3:16](${at}httpd.conf#L3), [example.net.zone:7:1](${at}example.net.zone#L7)`), md);
  const out = mkdtempSync(join(tmpdir(), 'v6ready-report-'));
  try {
    const file = join(out, 'r.html');
    assert.equal(run(['report', '--format', 'html', '--output', file, dir]).code, 0);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<table id="summary">/);
    assert.match(html, /<tr data-service="web"><td><a href="#web">Web \(Apache httpd\)<\/a><\/td><td><span class="yes">yes<\/span><\/td>/);
    // Links lead to the file from the report's own folder (it was written elsewhere).
    const target = encodeURI(relative(out, resolve(dir, 'httpd.conf')).split(sep).join('/'));
    assert.ok(html.includes(`<a class="loc" href="${target}#L3" data-path="${resolve(dir, 'httpd.conf')}" data-line="3" data-column="16">`), html);
    assert.doesNotMatch(html, /<script/, 'the CLI page has no script');
  } finally {
    rmSync(out, { recursive: true });
  }
  assert.equal(run(['report', '--format', 'pdf', dir]).code, 2);
  assert.equal(run(['report']).code, 2);
});

test('check runs the cross-file rules too: findings in the zone file, "see" lines into the other files', () => {
  const r = run(['check', join(FIX, 'ns-unreachable-v6', 'aaaa-no-listener')]);
  assert.match(r.stdout, /example\.net\.zone:6:1: warning workspace\/ns-unreachable-v6: AAAA record for name server ns1\.example\.net/);
  assert.match(r.stdout, /\n    see .*named\.conf:2:2: named does not listen on IPv6/);
  const json = JSON.parse(run(['check', '--format', 'json', join(FIX, 'aaaa-without-listener', 'sendmail-mx')]).stdout);
  const zone = json.files.find((f: any) => f.path.endsWith('example.net.zone'));
  const f = zone.findings.find((x: any) => x.rule === 'workspace/aaaa-without-listener');
  assert.equal(f.severity, 'error');
  assert.ok(f.related.some((x: any) => x.path.endsWith('sendmail.mc') && x.range.start.line === 3), JSON.stringify(f.related));
});

/** The readiness report of files held in memory (absolute paths under /srv), as `report` builds it. */
function reportOf(files: Record<string, string>) {
  const texts = new Map(Object.entries(files));
  const index = new WorkspaceIndex({ read: (p) => texts.get(p), dialectFor: (p) => dialectForPath(p) });
  index.setFiles([...texts.keys()].filter((p) => dialectForPath(p)));
  const ws = index.build();
  return buildReport(ws, runWorkspaceRules(ws, WORKSPACE_RULES), '/srv');
}

test('a report with no config files gives no verdict: nothing was found to judge', () => {
  const cases: Record<string, string>[] = [{}, { '/srv/README': 'notes\n' }];
  for (const files of cases) {
    const r = reportOf(files);
    assert.equal(r.summary.files, 0);
    assert.equal(r.summary.judged, false);
    for (const text of [renderMarkdown(r), renderHtml(r)]) {
      assert.doesNotMatch(text, /ready for an IPv6-only network/i);
      assert.match(text, /Nothing to judge: no daemon configuration found\./);
    }
  }
  const r = reportOf({ '/srv/etc/ssh/sshd_config': 'ListenAddress 192.0.2.22\n' });
  assert.equal(r.summary.judged, true);
  assert.match(renderMarkdown(r), /\*\*Not ready for an IPv6-only network\.\*\*/);
});

test('a daemon listening on loopback addresses only does not listen on IPv6 for other hosts', () => {
  const listens = (files: Record<string, string>) => reportOf(files).services.map((s) => `${s.kind} v4=${s.listensV4} v6=${s.listensV6}`);
  assert.deepEqual(listens({ '/srv/etc/ssh/sshd_config': 'ListenAddress ::1\nListenAddress 127.0.0.1\n' }), ['ssh v4=no v6=no']);
  assert.deepEqual(listens({ '/srv/etc/ssh/sshd_config': 'ListenAddress ::1\nListenAddress 192.0.2.22\n' }), ['ssh v4=yes v6=no']);
  assert.deepEqual(listens({ '/srv/etc/ssh/sshd_config': 'ListenAddress 2001:db8::22\nListenAddress 127.0.0.1\n' }), ['ssh v4=no v6=yes']);
  assert.deepEqual(listens({ '/srv/etc/apache2/apache2.conf': 'Listen [::1]:80\nListen 127.0.0.1:80\n' }), ['web v4=no v6=no']);
  assert.deepEqual(listens({ '/srv/etc/apache2/apache2.conf': 'Listen [::1]:80\nListen [2001:db8::80]:80\n' }), ['web v4=no v6=yes']);
  assert.deepEqual(listens({ '/srv/etc/bind/named.conf': 'options { listen-on { 127.0.0.1; }; listen-on-v6 { ::1; }; };\n' }), ['dns v4=no v6=no']);
  assert.deepEqual(listens({ '/srv/etc/bind/named.conf': 'options { listen-on-v6 { ::1; 2001:db8::53; }; };\n' }), ['dns v4=yes v6=yes']);
  // `localhost` in an address match list is every address of the host's interfaces, not the loopback address only.
  assert.deepEqual(listens({ '/srv/etc/bind/named.conf': 'options { listen-on-v6 { localhost; }; };\n' }), ['dns v4=yes v6=yes']);
  const mc = (addr6: string) =>
    "divert(-1)dnl\ninclude(`/usr/share/sendmail/cf/m4/cf.m4')dnl\nOSTYPE(`linux')dnl\nFEATURE(`no_default_msa')dnl\n" +
    "DAEMON_OPTIONS(`Family=inet, Name=MTA-v4, Port=smtp, Addr=127.0.0.1')dnl\n" +
    `DAEMON_OPTIONS(\`Family=inet6, Name=MTA-v6, Port=smtp, Addr=${addr6}')dnl\nMAILER(\`local')dnl\nMAILER(\`smtp')dnl\n`;
  assert.deepEqual(listens({ '/srv/etc/mail/sendmail.mc': mc('::1') }), ['mail v4=no v6=no']);
  assert.deepEqual(listens({ '/srv/etc/mail/sendmail.mc': mc('2001:db8::25') }), ['mail v4=no v6=yes']);
  const mail = reportOf({ '/srv/etc/mail/sendmail.mc': mc('::1') }).services[0];
  assert.match(mail.listenDetail, /MTA-v6 inet6 ::1 port 25 \(loopback: this host only\)/);
});

test('the OS layer listens on IPv6 only when rc.conf gives an interface an IPv6 address other hosts reach', () => {
  const os = (text: string) => {
    const s = reportOf({ '/srv/etc/rc.conf': text }).services.find((x) => x.kind === 'os')!;
    return `v4=${s.listensV4} v6=${s.listensV6} ready=${s.ready}`;
  };
  // FreeBSD disables IPv6 on an interface without ifconfig_<if>_ipv6 (ipv6_activate_all_interfaces=NO by default).
  assert.equal(os('ifconfig_em0="inet 192.0.2.10/24"\ndefaultrouter="192.0.2.1"\n'), 'v4=yes v6=no ready=false');
  assert.equal(os('ifconfig_em0="DHCP"\n'), 'v4=yes v6=no ready=false');
  // Link-local only is no address other hosts reach.
  assert.equal(os('ifconfig_em0="DHCP"\nifconfig_em0_ipv6="inet6 fe80::1%em0 prefixlen 64"\n'), 'v4=yes v6=no ready=false');
  assert.equal(os('ifconfig_em0="DHCP"\nifconfig_em0_ipv6="inet6 accept_rtadv"\n'), 'v4=yes v6=yes ready=true');
  assert.equal(
    os('ifconfig_em0="inet 192.0.2.10/24"\nifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"\nipv6_defaultrouter="2001:db8::1"\n'),
    'v4=yes v6=yes ready=true',
  );
  // A static IPv6 address without an IPv6 default route: rcconf/no-ipv6-route decides.
  assert.match(os('ifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"\n'), /v6=no ready=false/);
  // No interface configured at all: nothing to say either way.
  assert.equal(os('sshd_enable="YES"\n'), 'v4=unknown v6=unknown ready=false');
});

test('warnings of rules not about IPv6 (topic general) do not make a service not ready; IPv6 warnings and errors do', () => {
  const ssh = (text: string) => reportOf({ '/srv/etc/ssh/sshd_config': text }).services[0];
  const deprecated = ssh('ListenAddress 2001:db8::22\nListenAddress 192.0.2.22\nProtocol 2\n');
  assert.ok(deprecated.findings.some((f) => f.rule === 'sshd/deprecated-keyword' && f.severity === 'warning'));
  assert.equal(deprecated.ready, true);
  assert.match(renderMarkdown(reportOf({ '/srv/etc/ssh/sshd_config': 'ListenAddress 2001:db8::22\nProtocol 2\n' })), /\*\*Ready for an IPv6-only network\.\*\*/);
  const v4only = ssh('ListenAddress 2001:db8::22\nListenAddress 192.0.2.22\nAddressFamily inet\n');
  assert.ok(v4only.findings.some((f) => f.severity === 'warning' || f.severity === 'error'));
  assert.equal(v4only.ready, false);
});

test('an include by absolute path names the workspace copy, not the machine file of the same path', () => {
  // The machine checking the copy has its own /etc/bind/named.conf.options; the copy's must be the one read and listed.
  const texts = new Map([
    ['/srv/etc/bind/named.conf', 'include "/etc/bind/named.conf.options";\n'],
    ['/srv/etc/bind/named.conf.options', 'options { listen-on-v6 { any; }; };\n'],
    ['/etc/bind/named.conf.options', 'options { listen-on-v6 { none; }; };\n'],
  ]);
  const index = new WorkspaceIndex({ read: (p) => texts.get(p), dialectFor: (p) => dialectForPath(p) });
  index.setFiles(['/srv/etc/bind/named.conf', '/srv/etc/bind/named.conf.options']);
  const ws = index.build();
  const r = buildReport(ws, runWorkspaceRules(ws, WORKSPACE_RULES), '/srv');
  assert.equal(r.summary.files, 2);
  const dns = r.services.find((s) => s.kind === 'dns')!;
  assert.deepEqual(dns.files, ['etc/bind/named.conf', 'etc/bind/named.conf.options']);
  assert.equal(dns.listensV6, 'yes');
});

test('Markdown report: text from the configs cannot become HTML, links or broken table cells; loopback-only is said', () => {
  const r = reportOf({ '/srv/etc/ssh/sshd_config': 'ListenAddress ::1\nListenAddress 127.0.0.1\n' });
  const md = renderMarkdown(r);
  assert.match(md, /\| SSH[^|]*\| ❌ no \(loopback only\) \|/);
  const evil: typeof r = JSON.parse(JSON.stringify(r));
  evil.services[0].listenDetail = 'x <script>alert(1)</script> | [y](http://z) a_b';
  evil.problems.push({ file: 'a b/c.conf', path: '/srv/a b/c.conf', line: 1, column: 1, message: '<img src=x>' });
  const out = renderMarkdown(evil);
  assert.doesNotMatch(out, /<script>|<img/);
  assert.match(out, /x &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\| \\\[y\\\]\(http:\/\/z\) a\\_b/);
  assert.match(out, /\[a b\/c\.conf:1:1\]\(a%20b\/c\.conf#L1\): &lt;img src=x&gt;/);
});

test('a wildcard include names the workspace copy of the files it matches (sshd_config.d, sites-enabled), never the machine', () => {
  const files = {
    '/srv/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nListenAddress 192.0.2.22\n',
    '/srv/etc/ssh/sshd_config.d/10-family.conf': 'AddressFamily inet\n',
    // Another copy's file of the same name is not this one's.
    '/srv/other/etc/ssh/sshd_config.d/20-v6.conf': 'ListenAddress 2001:db8::22\n',
  };
  const texts = new Map(Object.entries(files));
  const index = new WorkspaceIndex({ read: (p) => texts.get(p), dialectFor: (p) => dialectForPath(p) });
  index.setFiles([...texts.keys()]);
  const ws = index.build();
  const main = ws.files.find((f) => f.path === '/srv/etc/ssh/sshd_config')!;
  const v4only = main.findings.find((f) => f.rule === 'sshd/ipv4-only');
  assert.ok(v4only, JSON.stringify(main.findings));
  // Read through the Include, the first AddressFamily is certain: no "Unless a file read by ..." hedge.
  assert.doesNotMatch(v4only.message, /^Unless/);
  assert.match(v4only.message, /AddressFamily inet \(.*10-family\.conf/);
  const relPaths = (v4only.related ?? []).map((r) => (r as { file?: string }).file);
  assert.deepEqual(relPaths, ['/srv/etc/ssh/sshd_config.d/10-family.conf']);

  // Apache: IncludeOptional sites-enabled/*.conf relative to the ServerRoot joins the copy's vhosts to apache2.conf.
  const web = new Map(Object.entries({
    '/srv/etc/apache2/apache2.conf': 'ServerRoot "/etc/apache2"\nListen 80\nIncludeOptional sites-enabled/*.conf\n',
    '/srv/etc/apache2/sites-enabled/a.conf': '<VirtualHost *:80>\nServerName a.example.net\n</VirtualHost>\n',
  }));
  const wi = new WorkspaceIndex({ read: (p) => web.get(p), dialectFor: (p) => dialectForPath(p) });
  wi.setFiles([...web.keys()]);
  const wsw = wi.build();
  assert.deepEqual(wsw.problems.map((p) => p.message), []);
  // The vhost file is analysed in its tree (treeKey names both files), not alone.
  const site = wsw.files.find((f) => f.path.endsWith('a.conf'))!;
  assert.match(site.treeKey ?? '', /apache2\.conf/);
});
