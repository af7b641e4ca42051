// The workspace model: includes followed (also to files no pattern matches), zones joined to their files with
// `file` resolved against `directory`, served names and listeners per service, missing files as problems, and
// incremental rebuilds that re-read only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { dialectForPath } from '../../server/src/core/registry';
import { fileFacts } from '../../server/src/workspace/file-facts';
import { isSubdomainOf, serviceOf, WorkspaceIndex, zoneOf, type WorkspaceModel, type ZoneJoin } from '../../server/src/workspace/model';

const FILES: Record<string, string> = {
  '/srv/cfg/named.conf': 'options { directory "zones"; listen-on-v6 { none; }; };\ninclude "extra/zones.inc";\nzone "missing.example" { type primary; file "nope.zone"; };\n',
  '/srv/cfg/extra/zones.inc': 'zone "example.org" { type primary; file "db.org"; };\n',
  '/srv/cfg/zones/db.org': '$ORIGIN example.org.\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\n  IN MX 10 mx\nns1 IN A 192.0.2.1\nwww IN A 192.0.2.2\nwww IN AAAA 2001:db8::2\nmx IN A 192.0.2.3\n',
  '/srv/cfg/httpd.conf': 'Listen [2001:db8::2]:443\nServerName www.example.org\nServerAlias *.example.org localhost [2001:db8::2]\n',
  '/srv/cfg/sshd_config': 'ListenAddress 192.0.2.1\nAddressFamily inet\n',
};

function index() {
  const reads: string[] = [];
  const idx = new WorkspaceIndex({
    read: (p) => {
      reads.push(p);
      return FILES[p];
    },
    dialectFor: (p) => dialectForPath(p),
  });
  idx.setFiles(['/srv/cfg/named.conf', '/srv/cfg/httpd.conf', '/srv/cfg/sshd_config']);
  return { idx, reads };
}

test('includes are followed, zones joined through directory, missing files reported', () => {
  const ws = index().idx.build();
  const paths = ws.files.map((f) => `${f.path}${f.linkedOnly ? ' (linked)' : ''}:${f.dialect.name}`).sort();
  assert.deepEqual(paths, [
    '/srv/cfg/extra/zones.inc (linked):bind',
    '/srv/cfg/httpd.conf:apache',
    '/srv/cfg/named.conf:bind',
    '/srv/cfg/sshd_config:sshd',
    '/srv/cfg/zones/db.org (linked):zone',
  ]);
  const org = ws.zones.find((z) => z.zone === 'example.org.');
  assert.equal(org?.zoneFile, '/srv/cfg/zones/db.org', 'file "db.org" resolved against directory "zones"');
  assert.equal(org?.conf, '/srv/cfg/extra/zones.inc');
  const missing = ws.zones.find((z) => z.zone === 'missing.example.');
  assert.equal(missing?.zoneFile, undefined);
  assert.match(ws.problems.map((p) => p.message).join('\n'), /zone file 'nope.zone' of zone missing.example is not in the workspace \(tried \/srv\/cfg\/zones\/nope.zone, /);
  assert.deepEqual(ws.addresses.get('www.example.org.')?.map((r) => `${r.type} ${r.address}`), ['A 192.0.2.2', 'AAAA 2001:db8::2']);
  assert.deepEqual(ws.delegations.map((d) => `${d.type} ${d.target}`), ['NS ns1.example.org.', 'MX mx.example.org.']);
});

test('services: listeners, served names (NS/MX targets included), access', () => {
  const ws = index().idx.build();
  const dns = serviceOf(ws, 'dns')!;
  assert.equal(dns.listen.v6, false, 'listen-on-v6 { none; }');
  assert.equal(dns.listen.v4, true);
  assert.deepEqual(dns.names.map((n) => `${n.source} ${n.name}`), ['NS ns1.example.org.']);
  const web = serviceOf(ws, 'web')!;
  assert.equal(web.listen.v6, true);
  assert.equal(web.listen.v4, false);
  assert.deepEqual(web.names.map((n) => `${n.source} ${n.name}`), ['ServerName www.example.org.'], 'wildcards, single labels and addresses are not names');
  assert.equal(web.admitsV6, true);
  const ssh = serviceOf(ws, 'ssh')!;
  assert.equal(ssh.listen.v6, false, 'AddressFamily inet');
  assert.equal(serviceOf(ws, 'mail'), undefined, 'no sendmail config, no mail row');
});

test('incremental: a rebuild re-reads only the files marked changed', () => {
  const { idx, reads } = index();
  idx.build();
  reads.length = 0;
  idx.build();
  assert.deepEqual(reads, [], 'nothing changed, nothing read');
  FILES['/srv/cfg/httpd.conf'] = 'Listen 192.0.2.2:443\nServerName www.example.org\n';
  idx.changed('/srv/cfg/httpd.conf');
  const ws = idx.build();
  assert.deepEqual(reads, ['/srv/cfg/httpd.conf']);
  assert.equal(serviceOf(ws, 'web')!.listen.v6, false);
});

for (const keepModelChars of [undefined, 0]) {
  const how = keepModelChars === 0 ? ' (no model kept: the tree parses them again)' : '';
  test(`files of one include tree are analysed together: an acl in one file decides access in another, and follows its edits${how}`, () => {
    const files: Record<string, string> = {
      '/srv/ns/named.conf': 'include "named.conf.acls";\ninclude "named.conf.options";\n',
      '/srv/ns/named.conf.acls': 'acl clients { 192.0.2.0/24; };\n',
      '/srv/ns/named.conf.options': 'options { listen-on-v6 { any; }; allow-query { clients; }; };\n',
    };
    const idx = new WorkspaceIndex({ read: (p) => files[p], dialectFor: (p) => dialectForPath(p), keepModelChars });
    idx.setFiles(Object.keys(files));
    const first = idx.build();
    const options = first.files.find((f) => f.path.endsWith('.options'))!;
    assert.deepEqual(options.findings.map((f) => f.rule), ['bind/ipv4-only-acl'], 'the acl file is seen from the options file');
    assert.equal(serviceOf(first, 'dns')!.admitsV6, false);
    assert.ok(first.files.every((f) => (f.model === undefined) === (keepModelChars === 0)));
    files['/srv/ns/named.conf.acls'] = 'acl clients { 192.0.2.0/24; 2001:db8::/32; };\n';
    idx.changed('/srv/ns/named.conf.acls');
    const second = idx.build();
    assert.deepEqual(second.files.find((f) => f.path.endsWith('.options'))!.findings.map((f) => f.rule), []);
    assert.equal(serviceOf(second, 'dns')!.admitsV6, true);
  });
}

test('offer: a file analysed elsewhere is used without being read again, unless it changed after the offer was asked for', () => {
  const files: Record<string, string> = { '/srv/ns/named.conf': 'options { listen-on-v6 { none; }; };\n' };
  const reads: string[] = [];
  const idx = new WorkspaceIndex({ read: (p) => (reads.push(p), files[p]), dialectFor: (p) => dialectForPath(p) });
  idx.setFiles(Object.keys(files));
  const path = '/srv/ns/named.conf';
  const offered = (text: string) => {
    const dialect = idx.dialectOf(path, text)!;
    const a = analyze(dialect, text);
    return { dialect, parts: { lines: a.lines, findings: a.findings, facts: fileFacts(dialect, text, a) } };
  };
  assert.ok(idx.needsLoad(path));
  const elsewhere = 'options { listen-on-v6 { any; }; };\n';
  const { dialect, parts } = offered(elsewhere);
  assert.ok(idx.offer(path, dialect, elsewhere, parts, idx.generationOf(path)));
  assert.ok(!idx.needsLoad(path));
  const first = idx.build();
  assert.deepEqual(reads, [], 'the offered file is not read');
  assert.equal(serviceOf(first, 'dns')!.listen.v6, true, 'the offered text counts');
  assert.equal(idx.takeAnalysedChars(), elsewhere.length, 'an offer counts as analysed (its garbage is collected like an analysis here)');
  // Asked for before a change, answered after it: refused, and the next build reads the file.
  const generation = idx.generationOf(path);
  idx.changed(path);
  assert.ok(!idx.offer(path, dialect, elsewhere, parts, generation), 'an answer about an older reading is refused');
  const second = idx.build();
  assert.deepEqual(reads, [path]);
  assert.equal(serviceOf(second, 'dns')!.listen.v6, false);
  const cleared = idx.generationOf(path);
  idx.clear();
  assert.notEqual(idx.generationOf(path), cleared, 'clearing (settings changed) also refuses older answers');
});

test('zone files: each folder is listed once, and names it does not list are not read (a server\'s own /etc/named.conf)', () => {
  const zones = Array.from({ length: 50 }, (_, i) => `zone "z${i}.example" { type primary; file "db.z${i}"; };`).join('\n');
  const files: Record<string, string> = {
    '/etc/named.conf': `options { directory "/var/named"; };\n${zones}\n`,
    '/var/named/db.z7': '$ORIGIN z7.example.\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\n',
  };
  const listed: string[] = [];
  const reads: string[] = [];
  const idx = new WorkspaceIndex({
    read: (p) => {
      reads.push(p);
      return files[p];
    },
    list: (dir) => {
      listed.push(dir);
      if (dir === '/nowhere') return undefined;
      return new Set(Object.keys(files).filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1)));
    },
    dialectFor: (p) => dialectForPath(p),
  });
  idx.setFiles(['/etc/named.conf']);
  const ws = idx.build();
  assert.deepEqual(listed.sort(), ['/etc', '/var/named'], 'one listing per folder, not one per zone');
  assert.deepEqual(reads, ['/etc/named.conf', '/var/named/db.z7'], 'only the files the listings show are read');
  assert.equal(ws.zones.length, 50);
  assert.deepEqual(ws.zones.filter((z) => z.zoneFile).map((z) => z.zoneFile), ['/var/named/db.z7']);
  assert.ok(!ws.zones.find((z) => z.zone === 'z3.example.')!.zoneFile);
  const missing = ws.problems.filter((p) => p.message.includes('of zone z3.example '));
  assert.deepEqual(
    missing.map((p) => p.message),
    ["zone file 'db.z3' of zone z3.example is not in the workspace (tried /var/named/db.z3, /etc/db.z3)"],
    'the same paths tried as without listings',
  );
  // A file that appears is read at the next build once it is marked changed (its folder is listed again).
  files['/var/named/db.z3'] = '$ORIGIN z3.example.\n@ IN SOA ns1 h 1 2 3 4 5\n';
  idx.changed('/var/named/db.z3');
  assert.equal(idx.build().zones.find((z) => z.zone === 'z3.example.')!.zoneFile, '/var/named/db.z3');
  assert.equal(listed.filter((d) => d === '/var/named').length, 2);
});

test('the machine checking is not the server: a config outside /etc, /var, /usr and /opt reads no server folder of this machine', () => {
  const conf = 'options { directory "/var/named"; };\nzone "a.example" { type primary; file "db.a"; };\nzone "b.example" { type primary; file "/etc/bind/db.b"; };\ninclude "/etc/bind/named.conf.options";\n';
  const machine: Record<string, string> = {
    '/var/named/db.a': '$ORIGIN a.example.\n@ IN SOA ns1 h 1 2 3 4 5\n',
    '/etc/bind/db.b': '$ORIGIN b.example.\n@ IN SOA ns1 h 1 2 3 4 5\n',
    '/etc/bind/named.conf.options': 'options { listen-on-v6 { any; }; };\n',
  };
  const build = (path: string, extra: Record<string, string> = {}) => {
    const files: Record<string, string> = { ...machine, ...extra, [path]: conf };
    const reads: string[] = [];
    const idx = new WorkspaceIndex({ read: (p) => (reads.push(p), files[p]), dialectFor: (p) => dialectForPath(p) });
    idx.setFiles([path]);
    return { ws: idx.build(), reads };
  };
  // Checked in place on the server: its folders are the server's.
  const own = build('/etc/named.conf');
  assert.deepEqual(own.ws.zones.map((z) => z.zoneFile), ['/var/named/db.a', '/etc/bind/db.b']);
  assert.deepEqual(own.ws.problems, []);
  // The same file in a repository: nothing of this machine's /var/named or /etc/bind is read, and each is said so.
  const repo = build('/home/ci/repo/named.conf');
  assert.deepEqual(repo.reads.filter((p) => !p.startsWith('/home/')), [], 'no read outside the copy');
  assert.deepEqual(repo.ws.zones.map((z) => z.zoneFile), [undefined, undefined]);
  const messages = repo.ws.problems.map((p) => p.message);
  assert.equal(messages.length, 3);
  assert.match(messages.find((m) => m.includes("'db.a'"))!, /^zone file 'db\.a' of zone a\.example \(\/var\/named\/db\.a\) is not in this copy of the server's files, and is not read from this machine: .* \(tried \/home\/ci\/repo\/db\.a\)$/);
  assert.match(messages.find((m) => m.includes("'/etc/bind/db.b'"))!, /^zone file '\/etc\/bind\/db\.b' of zone b\.example is not in this copy .*unknown to v6ready$/);
  assert.ok(messages.some((m) => m.startsWith("include '/etc/bind/named.conf.options' is not in this copy")));
  // Kept in the repository beside it, the zone file is read there.
  const beside = build('/home/ci/repo/named.conf', { '/home/ci/repo/db.a': machine['/var/named/db.a'] });
  assert.deepEqual(beside.ws.zones.map((z) => z.zoneFile), ['/home/ci/repo/db.a', undefined]);
});

test('zone files: a name listed under another case is still read (case-insensitive file systems)', () => {
  const files: Record<string, string> = {
    '/srv/ns/named.conf': 'zone "a.example" { type primary; file "DB.A"; };\n',
    '/srv/ns/DB.A': '$ORIGIN a.example.\n@ IN SOA ns1 h 1 2 3 4 5\n',
  };
  const idx = new WorkspaceIndex({
    read: (p) => files[p],
    list: () => new Set(['named.conf', 'db.a']),
    dialectFor: (p) => dialectForPath(p),
  });
  idx.setFiles(['/srv/ns/named.conf']);
  assert.equal(idx.build().zones[0].zoneFile, '/srv/ns/DB.A');
});

test('zoneOf: the longest joined zone that is a suffix of the name, as a comparison with every zone finds it', () => {
  // The definition zoneOf's suffix lookups must agree with: every joined zone compared, the first longest kept.
  const byComparison = (ws: WorkspaceModel, name: string) => {
    let best: ZoneJoin | undefined;
    for (const z of ws.zones) if (z.zoneFile && isSubdomainOf(name, z.zone) && (!best || z.zone.length > best.zone.length)) best = z;
    return best;
  };
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), (seed >>> 16) % n);
  const LABELS = ['a', 'b', 'ex', 'org', 'x\\.y', 'www'];
  const nameOf = () => Array.from({ length: random(4) }, () => LABELS[random(LABELS.length)]).join('.') + '.';
  let found = 0;
  for (let round = 0; round < 200; round++) {
    const zones = Array.from({ length: 1 + random(12) }, (_, i) => ({ zone: random(15) === 0 ? '.' : nameOf(), conf: `/c${i}`, zoneFile: random(4) ? `/z${i}` : undefined }));
    const ws = { zones } as unknown as WorkspaceModel;
    for (let i = 0; i < 20; i++) {
      const zone = zones[random(zones.length)].zone;
      const prefix = Array.from({ length: random(3) }, () => `${LABELS[random(LABELS.length)]}.`).join('');
      const name = random(4) ? (zone === '.' ? nameOf() : prefix + zone) : nameOf();
      const expected = byComparison(ws, name);
      if (expected) found++;
      assert.equal(zoneOf(ws, name), expected, `${name} among ${zones.map((z) => `${z.zone}${z.zoneFile ? '' : ' (no file)'}`).join(', ')}`);
    }
  }
  assert.ok(found > 2000, `most names found a zone (${found} of 4000)`);
});

test('mayMatter: the files of the index, and those it read or looked for, matter; any other file does not', () => {
  const { idx } = index();
  idx.build();
  // A root, an included file, a zone file read, a zone file looked for and missing.
  for (const p of ['/srv/cfg/named.conf', '/srv/cfg/extra/zones.inc', '/srv/cfg/zones/db.org', '/srv/cfg/zones/nope.zone']) assert.equal(idx.mayMatter(p), true, p);
  for (const p of ['/srv/cfg/README.md', '/srv/other/acl.conf', '/srv/cfg/.git/index']) assert.equal(idx.mayMatter(p), false, p);
});

test("copies of several hosts: a copy takes a file by its path's tail only from its own copy, never from another host's", () => {
  // /srv/a and /srv/b are copies of two servers' /etc/bind, every file found by the folder walk; only b has
  // named.conf.options and shared.example.zone. Nothing outside the workspace is readable (a machine without /etc/bind).
  const files: Record<string, string> = {
    '/srv/a/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/named.conf.local";\nzone "shared.example" { type primary; file "/etc/bind/shared.example.zone"; };\n',
    '/srv/a/etc/bind/named.conf.local': 'zone "a.example" { type primary; file "/etc/bind/a.example.zone"; };\n',
    '/srv/a/etc/bind/a.example.zone': '$ORIGIN a.example.\n@ IN SOA ns1 h 1 2 3 4 5\n',
    '/srv/b/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\nzone "shared.example" { type primary; file "/etc/bind/shared.example.zone"; };\n',
    '/srv/b/etc/bind/named.conf.options': 'options { listen-on-v6 { none; }; };\n',
    '/srv/b/etc/bind/shared.example.zone': '$ORIGIN shared.example.\n@ IN SOA ns1 h 1 2 3 4 5\n',
  };
  const idx = new WorkspaceIndex({ read: (p) => files[p], dialectFor: (p) => dialectForPath(p) });
  idx.setFiles(Object.keys(files));
  const ws = idx.build();
  const problems = ws.problems.map((p) => `${p.site.file}: ${p.message.replace(/ \(tried .*/, '')}`).sort();
  assert.deepEqual(problems, [
    "/srv/a/etc/bind/named.conf: include '/etc/bind/named.conf.options' is not in the workspace",
    "/srv/a/etc/bind/named.conf: zone file '/etc/bind/shared.example.zone' of zone shared.example is not in the workspace",
  ]);
  const joins = ws.zones.map((z) => `${z.conf} ${z.zone} -> ${z.zoneFile ?? 'none'}`).sort();
  assert.deepEqual(joins, [
    '/srv/a/etc/bind/named.conf shared.example. -> none',
    '/srv/a/etc/bind/named.conf.local a.example. -> /srv/a/etc/bind/a.example.zone',
    '/srv/b/etc/bind/named.conf shared.example. -> /srv/b/etc/bind/shared.example.zone',
  ]);
});

test("a copy of a server's files never reads the checking machine's own: a missing include or zone file is missing in the copy", () => {
  const files: Record<string, string> = {
    // The machine running the check (a CI runner with bind9 installed).
    '/etc/bind/named.conf.local': 'acl onlyrunner { 192.0.2.1; };\n',
    '/var/cache/bind/db.example.org': '$ORIGIN example.org.\n@ IN SOA ns1 h 1 2 3 4 5\n',
    // The repository: a copy of ns1's files.
    '/repo/ns1/etc/bind/named.conf':
      'options { directory "/var/cache/bind"; };\ninclude "/etc/bind/named.conf.local";\ninclude "/etc/bind/zones/zones.conf";\nzone "example.org" { type primary; file "db.example.org"; };\n',
    '/repo/ns1/etc/bind/zones/zones.conf': 'zone "example.net" { type primary; file "/etc/bind/zones/db.example.net"; };\n',
    '/repo/ns1/etc/bind/zones/db.example.net': '$ORIGIN example.net.\n@ IN SOA ns1 h 1 2 3 4 5\n',
  };
  const idx = new WorkspaceIndex({ read: (p) => files[p], dialectFor: (p) => dialectForPath(p) });
  idx.setFiles(['/repo/ns1/etc/bind/named.conf', '/repo/ns1/etc/bind/zones/zones.conf', '/repo/ns1/etc/bind/zones/db.example.net']);
  const ws = idx.build();
  assert.deepEqual(ws.problems.map((p) => p.message).sort(), [
    "include '/etc/bind/named.conf.local' is not in the workspace (tried /repo/ns1/etc/bind/named.conf.local)",
    "zone file 'db.example.org' of zone example.org is not in the workspace (tried /repo/ns1/var/cache/bind/db.example.org, /repo/ns1/etc/bind/db.example.org)",
  ]);
  assert.deepEqual(ws.zones.map((z) => `${z.zone} -> ${z.zoneFile ?? 'none'}`).sort(), ['example.net. -> /repo/ns1/etc/bind/zones/db.example.net', 'example.org. -> none']);
  assert.ok(!ws.files.some((f) => !f.path.startsWith('/repo/')), ws.files.map((f) => f.path).join(', '));
});

test("Debian's layout in place: the directory set in named.conf.options (a file with no include or zone) places named.conf.local's zone files", () => {
  const files: Record<string, string> = {
    '/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/named.conf.local";\n',
    '/etc/bind/named.conf.options': 'options {\n  directory "/var/cache/bind";\n};\n',
    '/etc/bind/named.conf.local': 'zone "example.org" { type primary; file "db.example.org"; };\n',
    '/var/cache/bind/db.example.org': '$ORIGIN example.org.\n@ IN SOA ns1 h 1 2 3 4 5\n',
  };
  const idx = new WorkspaceIndex({ read: (p) => files[p], dialectFor: (p) => dialectForPath(p) });
  idx.setFiles(['/etc/bind/named.conf', '/etc/bind/named.conf.options', '/etc/bind/named.conf.local']);
  const ws = idx.build();
  assert.deepEqual(ws.zones.map((z) => `${z.zone} -> ${z.zoneFile ?? 'none'}`), ['example.org. -> /var/cache/bind/db.example.org']);
});
