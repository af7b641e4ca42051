// Include following: loops, depth and missing files give problems, never a hang; the include world joins the
// files so rules see names defined in other files (an acl in named.conf.acls used in named.conf.options).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { dialectForLanguage } from '../../server/src/core/registry';
import { followIncludes, MAX_INCLUDE_DEPTH, type IncludeRef } from '../../server/src/workspace/includes';
import { absoluteCandidates, IncludeWorld } from '../../server/src/workspace/linked';
import { linkCandidates } from '../../server/src/lsp/navigation';

// A tiny include syntax for the test: lines `include <name>` (`include? <name>` is optional).
const includesOf = (_file: string, text: string): IncludeRef[] =>
  [...text.matchAll(/^include(\??) (\S*)$/gm)].map((m) => ({ target: m[2], optional: m[1] === '?', span: { start: m.index!, end: m.index! + m[0].length } }));
const resolve = (_from: string, target: string) => `/etc/${target}`;

test('a loop is reported once and the walk ends', () => {
  const fs: Record<string, string> = { '/etc/a': 'include b', '/etc/b': 'include c', '/etc/c': 'include a' };
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  assert.deepEqual(g.files, ['/etc/a', '/etc/b', '/etc/c']);
  assert.equal(g.problems.length, 1);
  assert.match(g.problems[0].message, /include loop: \/etc\/a -> \/etc\/b -> \/etc\/c -> \/etc\/a/);
  assert.equal(g.problems[0].file, '/etc/c');
  assert.equal(g.problems[0].severity, 'error');
});

test('a loop reached through an include read only under a condition is a warning naming every condition on the way', () => {
  // `include <name> if <cond>`: the include is read only when <cond> holds (PathLink.when).
  const conditional = (_file: string, text: string): IncludeRef[] =>
    [...text.matchAll(/^include (\S+)(?: if (.+))?$/gm)].map((m) => ({ target: m[1], when: m[2], span: { start: m.index!, end: m.index! + m[0].length } }));
  const fs: Record<string, string> = {
    '/etc/a': 'include b if <IfModule mod_x.c>\ninclude d',
    '/etc/b': 'include c',
    '/etc/c': 'include b if <IfDefine Y>',
    '/etc/d': 'include e',
    '/etc/e': 'include d',
  };
  const g = followIncludes('/etc/a', (p) => fs[p], conditional, resolve);
  assert.deepEqual(
    g.problems.map((p) => [p.file, p.severity, p.message]),
    [
      ['/etc/c', 'warning', 'include loop when <IfModule mod_x.c> and <IfDefine Y> hold: /etc/b -> /etc/c -> /etc/b'],
      ['/etc/e', 'error', 'include loop: /etc/d -> /etc/e -> /etc/d'],
    ],
  );
});

test('a file reached first under a condition and then without one is walked again: a loop in it is certain, said once', () => {
  const conditional = (_file: string, text: string): IncludeRef[] =>
    [...text.matchAll(/^include (\S+)(?: if (.+))?$/gm)].map((m) => ({ target: m[1], when: m[2], span: { start: m.index!, end: m.index! + m[0].length } }));
  const fs: Record<string, string> = {
    '/etc/a': 'include b if <IfModule mod_x.c>\ninclude b\ninclude c if <IfDefine Y>\ninclude c if <IfDefine Y>',
    '/etc/b': 'include b',
    '/etc/c': 'include c\ninclude gone',
  };
  const walks = new Map<string, number>();
  const counted = (file: string, text: string) => (walks.set(file, (walks.get(file) ?? 0) + 1), conditional(file, text));
  const g = followIncludes('/etc/a', (p) => fs[p], counted, resolve);
  assert.deepEqual(g.files, ['/etc/a', '/etc/b', '/etc/c']);
  assert.deepEqual(
    g.problems.map((p) => [p.file, p.severity, p.message]),
    [
      ['/etc/b', 'error', 'include loop: /etc/b -> /etc/b'],
      ['/etc/c', 'warning', 'include loop when <IfDefine Y> holds: /etc/c -> /etc/c'],
      ['/etc/c', 'warning', "included file 'gone' cannot be read from here (looked for /etc/gone); names defined in it are unknown to v6ready"],
    ],
  );
  // b is walked under <IfModule mod_x.c>, then again with no condition; c, named twice under the same one, once.
  assert.deepEqual(Object.fromEntries(walks), { '/etc/a': 1, '/etc/b': 2, '/etc/c': 1 });
});

test('a file included twice (a diamond) is read once and is no loop', () => {
  const fs: Record<string, string> = { '/etc/a': 'include b\ninclude c', '/etc/b': 'include d', '/etc/c': 'include d', '/etc/d': '' };
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  assert.deepEqual(g.files, ['/etc/a', '/etc/b', '/etc/d', '/etc/c']);
  assert.deepEqual(g.problems, []);
});

test('missing files and excessive depth are problems; optional includes and empty paths are left alone', () => {
  const fs: Record<string, string> = { '/etc/a': 'include nope\ninclude? maybe\ninclude \ninclude 0' };
  for (let i = 0; i < 100; i++) fs[`/etc/${i}`] = `include ${i + 1}`;
  const g = followIncludes('/etc/a', (p) => fs[p], includesOf, resolve);
  const messages = g.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /'nope' cannot be read/.test(m)), messages.join('\n'));
  assert.ok(!messages.some((m) => /maybe/.test(m)), 'an optional include that is missing is no problem');
  assert.ok(messages.some((m) => new RegExp(`more than ${MAX_INCLUDE_DEPTH} deep`).test(m)));
  assert.equal(messages.length, 2, 'the empty path is the dialect rule’s to report (bind/invalid-value), not a second message');
  assert.ok(g.files.length <= MAX_INCLUDE_DEPTH + 1);
});

/** A folder lister over a map of path -> text: the names in a folder that the paths imply (undefined: no such folder). */
function listerOf(files: Record<string, string>): (dir: string) => string[] | undefined {
  return (dir) => {
    const names = Object.keys(files).filter((p) => p.startsWith(dir + '/')).map((p) => p.slice(dir.length + 1).split('/')[0]);
    return names.length ? [...new Set(names)] : undefined;
  };
}

const bind = dialectForLanguage('bind-named')!;
const disk: Record<string, string> = {
  '/etc/bind/named.conf': 'include "named.conf.acls";\ninclude "named.conf.options";\n',
  '/etc/bind/named.conf.acls': 'acl internal { 192.0.2.0/24; };\nacl both { 192.0.2.0/24; 2001:db8::/32; };\n',
  '/etc/bind/named.conf.options': 'options {\n    allow-query { internal; };\n    allow-recursion { both; };\n    allow-transfer { nowhere; };\n};\n',
};
const lint = (path: string, roots: string[]) => {
  const world = new IncludeWorld(bind, (p) => disk[p]);
  const context = world.contextOf(path, roots);
  return analyze(bind, disk[path], undefined, { linked: context.linked, includeProblems: context.problems, linkedPartial: context.partial });
};

test('an acl defined in a sibling include is resolved from the file that uses it', () => {
  const a = lint('/etc/bind/named.conf.options', ['/etc/bind/named.conf', '/etc/bind/named.conf.options']);
  assert.deepEqual(
    a.linked.map((l) => l.path).sort(),
    ['/etc/bind/named.conf', '/etc/bind/named.conf.acls'],
  );
  const acl = a.findings.filter((f) => f.rule === 'bind/ipv4-only-acl');
  assert.equal(acl.length, 1, a.findings.map((f) => f.rule + ' ' + f.message).join('\n'));
  assert.match(acl[0].message, /allow-query admits only IPv4 addresses \(through acl 'internal'\)/);
  assert.deepEqual(acl[0].related?.map((r) => r.file), ['/etc/bind/named.conf.acls']);
  assert.equal(disk['/etc/bind/named.conf.acls'].slice(acl[0].related![0].span.start, acl[0].related![0].span.end), 'internal');
  // `nowhere` is defined in no file of the tree: with the tree known, that is named's "undefined ACL".
  const undef = a.findings.filter((f) => f.rule === 'bind/undefined-reference');
  assert.deepEqual(undef.map((f) => disk['/etc/bind/named.conf.options'].slice(f.span.start, f.span.end)), ['nowhere']);
});

test('without the including file, the acl is unknown: no ipv4-only-acl guess', () => {
  const a = lint('/etc/bind/named.conf.options', ['/etc/bind/named.conf.options']);
  assert.deepEqual(a.linked, []);
  assert.ok(!a.findings.some((f) => f.rule === 'bind/ipv4-only-acl'));
});

test('include problems land on the including file as v6ready/include findings', () => {
  const world = new IncludeWorld(bind, (p) => ({ ...disk, '/etc/bind/named.conf': 'include "named.conf";\ninclude "gone.conf";\n' })[p]);
  const path = '/etc/bind/named.conf';
  const context = world.contextOf(path, [path]);
  const a = analyze(bind, 'include "named.conf";\ninclude "gone.conf";\n', undefined, { linked: context.linked, includeProblems: context.problems });
  const inc = a.findings.filter((f) => f.rule === 'v6ready/include');
  assert.deepEqual(inc.map((f) => [f.severity, /loop/.test(f.message) ? 'loop' : /cannot be read/.test(f.message) ? 'missing' : f.message]), [
    ['error', 'loop'],
    ['warning', 'missing'],
  ]);
});

test('with an include that cannot be read, an acl found nowhere is not called undefined (it may be in there)', () => {
  const files: Record<string, string> = {
    '/etc/bind/named.conf': 'include "named.conf.acls";\ninclude "gone.conf";\noptions { allow-query { elsewhere; }; };\n',
    '/etc/bind/named.conf.acls': disk['/etc/bind/named.conf.acls'],
  };
  const world = new IncludeWorld(bind, (p) => files[p]);
  const path = '/etc/bind/named.conf';
  const context = world.contextOf(path, [path]);
  assert.equal(context.partial, true);
  const a = analyze(bind, files[path], undefined, { linked: context.linked, includeProblems: context.problems, linkedPartial: context.partial });
  assert.ok(!a.findings.some((f) => f.rule === 'bind/undefined-reference'), a.findings.map((f) => f.message).join('\n'));
  const complete = new IncludeWorld(bind, (p) => ({ ...files, '/etc/bind/gone.conf': '' })[p]).contextOf(path, [path]);
  assert.equal(complete.partial, false);
  const b = analyze(bind, files[path], undefined, { linked: complete.linked, linkedPartial: complete.partial });
  assert.deepEqual(b.findings.filter((f) => f.rule === 'bind/undefined-reference').map((f) => files[path].slice(f.span.start, f.span.end)), ['elsewhere']);
});

test('wildcard includes are followed through the lister, bounded; without a lister they are left alone', () => {
  const apache = dialectForLanguage('apacheconf')!;
  const files: Record<string, string> = {
    '/srv/httpd.conf': 'ServerRoot "/srv"\nInclude conf.d/*.conf\nIncludeOptional nowhere/*.conf\n',
    '/srv/conf.d/a.conf': 'Listen 80\n',
    '/srv/conf.d/b.conf': 'Include conf.d/*.conf\n',
  };
  const list = listerOf(files);
  const world = new IncludeWorld(apache, (p) => files[p], list);
  // b.conf first: it learns ServerRoot from httpd.conf, which includes it (Apache's relative paths hang off ServerRoot).
  const b = world.contextOf('/srv/conf.d/b.conf', ['/srv/httpd.conf']);
  assert.deepEqual(world.graph('/srv/httpd.conf').files, ['/srv/httpd.conf', '/srv/conf.d/a.conf', '/srv/conf.d/b.conf']);
  assert.deepEqual(b.problems.map((p) => [p.kind, p.severity]), [['loop', 'error']], 'b.conf includes itself through its own wildcard');
  assert.deepEqual(world.contextOf('/srv/httpd.conf', ['/srv/httpd.conf']).problems, [], 'an optional wildcard that matches nothing is fine');
  const blind = new IncludeWorld(apache, (p) => files[p]);
  assert.deepEqual(blind.graph('/srv/httpd.conf'), { files: ['/srv/httpd.conf'], problems: [] });
});

test('an absolute include in a copy of a server\'s files reads the copy\'s file, not the checking machine\'s', () => {
  const sshd = dialectForLanguage('sshd-config')!;
  const files: Record<string, string> = {
    // The checking machine's own files (a CI runner with bind9 and openssh-server installed).
    '/etc/bind/named.conf.options': 'options { listen-on-v6 { any; }; };\n',
    '/etc/ssh/sshd_config.d/runner.conf': 'ListenAddress ::\n',
    // A repository holding a server's configs.
    '/repo/ns1/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/etc/bind/only-on-the-runner.conf";\n',
    '/repo/ns1/etc/bind/named.conf.options': 'options { listen-on-v6 { none; }; };\n',
    '/etc/bind/only-on-the-runner.conf': '',
    '/repo/ns1/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n',
    '/repo/ns1/etc/ssh/sshd_config.d/10.conf': 'AddressFamily inet\n',
    // The server's files checked in place.
    '/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\n',
  };
  const list = listerOf(files);
  const repo = new IncludeWorld(bind, (p) => files[p], list);
  // The copy's own file; one the copy lacks is missing there, never the runner's file of that name.
  const g = repo.graph('/repo/ns1/etc/bind/named.conf');
  assert.deepEqual(g.files, ['/repo/ns1/etc/bind/named.conf', '/repo/ns1/etc/bind/named.conf.options']);
  assert.deepEqual(g.problems.map((p) => [p.kind, p.message.includes('/repo/ns1/etc/bind/only-on-the-runner.conf')]), [['missing', true]]);
  assert.deepEqual(new IncludeWorld(bind, (p) => files[p], list).graph('/etc/bind/named.conf').files, ['/etc/bind/named.conf', '/etc/bind/named.conf.options']);
  const ssh = new IncludeWorld(sshd, (p) => files[p], list);
  assert.deepEqual(ssh.graph('/repo/ns1/etc/ssh/sshd_config').files, ['/repo/ns1/etc/ssh/sshd_config', '/repo/ns1/etc/ssh/sshd_config.d/10.conf']);
  // A copy without sshd_config.d (git keeps no empty folder): the wildcard matches nothing, not the runner's files.
  files['/repo/ns2/etc/ssh/sshd_config'] = 'Include /etc/ssh/sshd_config.d/*.conf\n';
  const ns2 = new IncludeWorld(sshd, (p) => files[p], list).graph('/repo/ns2/etc/ssh/sshd_config');
  assert.deepEqual(ns2.files, ['/repo/ns2/etc/ssh/sshd_config']);
  // ... and says the folder is not in the copy (unknown, not empty: the rules hedge), as information.
  assert.deepEqual(ns2.problems.map((p) => [p.kind, p.severity, p.message.includes('/repo/ns2/etc/ssh/sshd_config.d is not in this copy')]), [['missing', 'info', true]]);
  // The server's own empty folder, in place, matched nothing: no problem.
  files['/etc/ssh/sshd_config'] = 'Include /etc/ssh/conf.d/*.conf\n';
  assert.deepEqual(new IncludeWorld(sshd, (p) => files[p], list).graph('/etc/ssh/sshd_config').problems, []);
  // A copy kept flat (an Ansible role's files/): the target's folder beside the includer; never a bare name there.
  files['/roles/ssh/files/sshd_config'] = 'Include /etc/ssh/sshd_config.d/*.conf\nInclude /usr/share/extra/*.conf\n';
  files['/roles/ssh/files/sshd_config.d/10.conf'] = 'AddressFamily inet\n';
  files['/roles/ssh/files/other.conf'] = '';
  assert.deepEqual(new IncludeWorld(sshd, (p) => files[p], list).graph('/roles/ssh/files/sshd_config').files, ['/roles/ssh/files/sshd_config', '/roles/ssh/files/sshd_config.d/10.conf']);
  // Through to the rules: the copy's `listen-on-v6 { none; }` is what named.conf.options says.
  const ctx = repo.contextOf('/repo/ns1/etc/bind/named.conf.options', ['/repo/ns1/etc/bind/named.conf']);
  const a = analyze(bind, files['/repo/ns1/etc/bind/named.conf.options'], undefined, { linked: ctx.linked, linkedPartial: ctx.partial });
  assert.ok(a.findings.some((f) => f.rule === 'bind/no-ipv6-listener'), a.findings.map((f) => f.rule).join(', '));
});

test('an include loop says what the daemon does with it (measured: each refuses the configuration)', () => {
  const sshd = dialectForLanguage('sshd-config')!;
  const files: Record<string, string> = { '/etc/ssh/sshd_config': 'Include /etc/ssh/b.conf\n', '/etc/ssh/b.conf': 'Include /etc/ssh/sshd_config\n' };
  const [p] = new IncludeWorld(sshd, (f) => files[f]).graph('/etc/ssh/sshd_config').problems;
  assert.equal(p.kind, 'loop');
  assert.match(p.message, /^include loop: \/etc\/ssh\/sshd_config -> \/etc\/ssh\/b\.conf -> \/etc\/ssh\/sshd_config: sshd refuses to start \("Too many recursive configuration includes"\)$/);
  const named: Record<string, string> = { '/etc/bind/a.conf': 'include "/etc/bind/a.conf";\n' };
  assert.match(new IncludeWorld(bind, (f) => named[f]).graph('/etc/bind/a.conf').problems[0].message, /: named refuses the configuration \("too many open files"\)$/);

  // Apache: a loop httpd reads is an error; one under a test httpd decides at start-up and v6ready cannot (a module
  // loaded elsewhere, `-D NAME`) a warning naming it; none under <IfDefine !NAME> with NAME defined (never read).
  // test/oracle/apache-include-loop.test.ts holds each case to apache2 -t.
  const apache = dialectForLanguage('apacheconf')!;
  const loopOf = (text: string) => {
    const httpd: Record<string, string> = { '/etc/apache2/apache2.conf': text, '/etc/apache2/l.conf': 'Include /etc/apache2/l.conf\n' };
    return new IncludeWorld(apache, (f) => httpd[f]).graph('/etc/apache2/apache2.conf').problems.map((q) => `${q.severity} ${q.message}`);
  };
  const recursion = ': httpd refuses the configuration ("Exceeded maximum include depth of 128, There appears to be a recursion.")';
  const loop = 'include loop: /etc/apache2/l.conf -> /etc/apache2/l.conf';
  assert.deepEqual(loopOf('Include l.conf\n'), [`error ${loop}${recursion}`]);
  assert.deepEqual(loopOf('<IfModule mod_ssl.c>\n  Include l.conf\n</IfModule>\n'), [
    `warning include loop when <IfModule mod_ssl.c> holds: /etc/apache2/l.conf -> /etc/apache2/l.conf${recursion}`,
  ]);
  assert.deepEqual(loopOf('LoadModule ssl_module modules/mod_ssl.so\n<IfModule mod_ssl.c>\n  Include l.conf\n</IfModule>\n'), [`error ${loop}${recursion}`]);
  assert.deepEqual(loopOf('<IfModule mod_ssl.c>\n  Include l.conf\n</IfModule>\nLoadModule ssl_module modules/mod_ssl.so\n').map((m) => m.split(' ')[0]), ['warning'], 'loaded only below the test');
  assert.deepEqual(loopOf('<IfDefine SSL>\n<IfModule ssl_module>\n  Include l.conf\n</IfModule>\n</IfDefine>\n').map((m) => m.split(':')[0]), ['warning include loop when <IfModule ssl_module> holds']);
  assert.deepEqual(loopOf('<IfDefine SSL>\n  Include l.conf\n</IfDefine>\n').map((m) => m.split(':')[0]), ['warning include loop when <IfDefine SSL> holds']);
  assert.deepEqual(loopOf('Define SSL\n<IfDefine SSL>\n  Include l.conf\n</IfDefine>\n'), [`error ${loop}${recursion}`]);
  assert.deepEqual(loopOf('Define SSL\n<IfDefine !SSL>\n  Include l.conf\n</IfDefine>\n'), []);
});

test('copies, continued: a nested file of a copy, a copy\'s absolute ServerRoot, `..` in a target, a server kept under /usr/local', () => {
  const apache = dialectForLanguage('apacheconf')!;
  const sshd = dialectForLanguage('sshd-config')!;
  const files: Record<string, string> = {
    // The checking machine's own.
    '/etc/ssh/extra.conf': 'AddressFamily inet\n',
    '/etc/apache2/conf-available/listen6.conf': '# nothing\n',
    '/etc/ssh/sshd_config.d/10-v6.conf': 'ListenAddress 2001:db8::10\n',
    // A fragment of a copy includes a file the copy lacks: missing there, not the machine's.
    '/srv/h1/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n',
    '/srv/h1/etc/ssh/sshd_config.d/10.conf': 'Include /etc/ssh/extra.conf\n',
    // A copy whose ServerRoot is the server's absolute path: relative includes are read in the copy.
    '/srv/web1/etc/apache2/apache2.conf': 'ServerRoot "/etc/apache2"\nInclude conf-available/listen6.conf\n',
    '/srv/web1/etc/apache2/conf-available/listen6.conf': 'Listen [::]:80\n',
    // `..` in an absolute target is folded before anything is looked for beside the includer.
    '/etc/apache2/sites-enabled/app.conf': 'Include /opt/app/conf/../app.conf\n',
    '/opt/app/app.conf': 'Listen 8080\n',
    // A server kept under /usr/local (FreeBSD ports) reads the base system's files as written.
    '/usr/local/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n',
  };
  const list = listerOf(files);
  const ssh = new IncludeWorld(sshd, (p) => files[p], list);
  const h1 = ssh.graph('/srv/h1/etc/ssh/sshd_config');
  assert.deepEqual(h1.files, ['/srv/h1/etc/ssh/sshd_config', '/srv/h1/etc/ssh/sshd_config.d/10.conf']);
  assert.ok(h1.problems.some((p) => p.kind === 'missing' && p.message.includes('/srv/h1/etc/ssh/extra.conf')), h1.problems.map((p) => p.message).join('\n'));
  const web = new IncludeWorld(apache, (p) => files[p], list);
  assert.deepEqual(web.graph('/srv/web1/etc/apache2/apache2.conf').files, ['/srv/web1/etc/apache2/apache2.conf', '/srv/web1/etc/apache2/conf-available/listen6.conf']);
  assert.deepEqual(web.graph('/etc/apache2/sites-enabled/app.conf').files, ['/etc/apache2/sites-enabled/app.conf', '/opt/app/app.conf']);
  assert.deepEqual(ssh.graph('/usr/local/etc/ssh/sshd_config').files, ['/usr/local/etc/ssh/sshd_config', '/etc/ssh/sshd_config.d/10-v6.conf']);
});

test('absoluteCandidates: where a document link of an absolute include points, as the include world reads it', () => {
  assert.deepEqual(absoluteCandidates('/repo/ns1/etc/bind/named.conf', '/etc/bind/named.conf.options'), ['/repo/ns1/etc/bind/named.conf.options']);
  assert.deepEqual(absoluteCandidates('/etc/bind/named.conf', '/etc/bind/named.conf.options'), ['/etc/bind/named.conf.options']);
  const c = absoluteCandidates('/home/u/files/sshd_config', '/etc/ssh/sshd_config.d/10.conf');
  assert.ok(c.includes('/home/u/files/sshd_config.d/10.conf'));
  // A file outside the server's folders is a copy: the link never opens the checking machine's own /etc/ssh.
  assert.ok(!c.includes('/etc/ssh/sshd_config.d/10.conf'), c.join(', '));
  // A target outside the server's folders is whatever that path holds.
  assert.equal(absoluteCandidates('/home/u/lab/httpd.conf', '/home/u/lab/more.conf').at(-1), '/home/u/lab/more.conf');
});

test('the machine checking is not the server: a file outside /etc, /var, /usr and /opt includes nothing of this machine\'s', () => {
  const bind = dialectForLanguage('bind-named')!;
  const ssh = dialectForLanguage('sshd-config')!;
  const files: Record<string, string> = {
    '/etc/bind/named.conf.options': 'acl lan { 192.0.2.0/24; };\n',
    '/etc/ssh/sshd_config.d/10.conf': 'AddressFamily inet\n',
    '/home/me/lab/more.conf': 'acl more { 2001:db8::/32; };\n',
    '/home/me/repo/named.conf': 'include "/etc/bind/named.conf.options";\ninclude "/home/me/lab/more.conf";\n',
    '/home/me/repo/ssh.conf': 'Include /etc/ssh/sshd_config.d/*.conf\n',
    '/etc/bind/named.conf': 'include "/etc/bind/named.conf.options";\n',
  };
  const list = (dir: string) => {
    const names = Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]);
    return names.length ? [...new Set(names)] : undefined;
  };
  const named = new IncludeWorld(bind, (p) => files[p], list);
  const repo = named.graph('/home/me/repo/named.conf');
  assert.deepEqual(repo.files, ['/home/me/repo/named.conf', '/home/me/lab/more.conf']);
  assert.equal(repo.problems.length, 1);
  assert.match(repo.problems[0].message, /^included file '\/etc\/bind\/named\.conf\.options' is not in this copy of the server's files, and is not read from this machine/);
  assert.deepEqual(named.graph('/etc/bind/named.conf').files, ['/etc/bind/named.conf', '/etc/bind/named.conf.options'], 'in place, the server reads its own');
  const sshd = new IncludeWorld(ssh, (p) => files[p], list).graph('/home/me/repo/ssh.conf');
  assert.deepEqual(sshd.files, ['/home/me/repo/ssh.conf']);
  assert.deepEqual(sshd.problems.map((p) => [p.severity, p.message.split(':')[0]]), [['info', "wildcard '/etc/ssh/sshd_config.d/*.conf'"]]);
  assert.match(sshd.problems[0].message, /the folder \/etc\/ssh\/sshd_config\.d is not in this copy/);
});

test('a flat copy of sshd\'s files (Dialect.serverFolderOf): sshd_config stands for /etc/ssh, its sshd_config.d for /etc/ssh/sshd_config.d', () => {
  const sshd = dialectForLanguage('sshd-config')!;
  const files: Record<string, string> = {
    '/etc/ssh/a.conf': 'AddressFamily inet\n',
    '/roles/ssh/files/sshd_config': 'Include a.conf\nInclude sshd_config.d/*.conf\n',
    '/roles/ssh/files/a.conf': 'ListenAddress ::1\n',
    '/roles/ssh/files/sshd_config.d/10.conf': 'Include *.conf\n',
    '/roles/ssh/files/other.conf': 'ListenAddress 192.0.2.1\n',
  };
  const list = listerOf(files);
  const g = new IncludeWorld(sshd, (p) => files[p], list).graph('/roles/ssh/files/sshd_config');
  assert.deepEqual(g.files, ['/roles/ssh/files/sshd_config', '/roles/ssh/files/a.conf', '/roles/ssh/files/sshd_config.d/10.conf', '/roles/ssh/files/other.conf']);
  assert.deepEqual(absoluteCandidates('/roles/ssh/files/sshd_config', '/etc/ssh/a.conf', '/etc/ssh'), ['/roles/ssh/files/a.conf']);
});

test('document links: a relative include under a copy\'s absolute ServerRoot points into the copy', () => {
  const link = { span: { start: 0, end: 1 }, target: 'conf/extra.conf', kind: 'include' as const, directory: '/etc/httpd' };
  assert.deepEqual(linkCandidates('/srv/a/etc/httpd/conf/httpd.conf', link), ['/srv/a/etc/httpd/conf/conf/extra.conf', '/srv/a/etc/httpd/conf/extra.conf']);
  assert.deepEqual(linkCandidates('/etc/httpd/conf/httpd.conf', link), ['/etc/httpd/conf/conf/extra.conf', '/etc/httpd/conf/extra.conf']);
});
