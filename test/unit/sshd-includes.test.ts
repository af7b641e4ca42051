// sshd reads an Include'd file in place, and the first AddressFamily it reads wins: a file included above may set it
// first, or add IPv6 ListenAddress lines. When the caller read the included files (RuleContext.linked, built by the
// include world from the dialect's Include links) the rules that depend on the first value or on every ListenAddress
// speak with certainty; read alone, or with an include that could not be read, they say "unless" beside an Include.
// (Measured with sshd 9.2: `Include incaf.conf` [AddressFamily any] then `AddressFamily inet` / `ListenAddress ::1`
// passes `sshd -t`.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { dialectForPath } from '../../server/src/core/registry';
import type { Finding } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { copyOf, filesOfInclude, readSshd } from '../../server/src/dialects/sshd/listen';
import { IncludeWorld } from '../../server/src/workspace/linked';
import { WorkspaceIndex } from '../../server/src/workspace/model';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';

function messages(text: string, rule: string): string[] {
  return analyze(sshdDialect, text).findings.filter((f) => f.rule === rule).map((f) => f.message);
}

test('address-family-conflict: an Include above the AddressFamily line makes the finding conditional', () => {
  const [m] = messages('Include /etc/ssh/incaf.conf\nAddressFamily inet\nListenAddress ::1\n', 'sshd/address-family-conflict');
  assert.match(m, /^Unless a file read by Include \/etc\/ssh\/incaf\.conf \(line 1\) sets AddressFamily first/);
  // An Include below the AddressFamily line cannot come first: the finding stays certain.
  const [below] = messages('AddressFamily inet\nListenAddress ::1\nInclude /etc/ssh/incaf.conf\n', 'sshd/address-family-conflict');
  assert.match(below, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1/);
});

test('ipv4-only: an Include anywhere may add an IPv6 ListenAddress; one above may set AddressFamily first', () => {
  const [m] = messages('ListenAddress 127.0.0.1\nInclude inc6.conf\n', 'sshd/ipv4-only');
  assert.match(m, /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file read by Include inc6\.conf \(line 2\) adds an IPv6 one/);
  const [plain] = messages('ListenAddress 127.0.0.1\n', 'sshd/ipv4-only');
  assert.match(plain, /^Every ListenAddress is IPv4 \(127\.0\.0\.1\): sshd does not listen on IPv6/);
  const [af] = messages('Include /etc/ssh/sshd_config.d/*.conf\nInclude more.conf\nAddressFamily inet\n', 'sshd/ipv4-only');
  assert.match(af, /^Unless a file read by Include \/etc\/ssh\/sshd_config\.d\/\*\.conf \(line 1 and 1 more\) sets AddressFamily first/);
  // An Include inside a Match block can set neither (both are global-only keywords).
  const [inMatch] = messages('ListenAddress 127.0.0.1\nMatch User x\n    Include x.conf\n', 'sshd/ipv4-only');
  assert.match(inMatch, /^Every ListenAddress is IPv4/);
});

// --- Following the includes: in-memory trees, read as the CLI and the editor read them (IncludeWorld with a lister).

/** The entry names directly under `dir` among the files' paths (files and folders). */
function lister(files: Map<string, string>) {
  return (dir: string): string[] | undefined => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const p of files.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    return names.size ? [...names] : undefined;
  };
}

/** Analyse `path` with the files its includes name, as `v6ready check` does. */
function lint(tree: Record<string, string>, path: string): Analysis {
  const files = new Map(Object.entries(tree));
  const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
  const c = world.contextOf(path);
  return analyze(sshdDialect, files.get(path)!, undefined, { linked: c.linked, includeProblems: c.problems, linkedPartial: c.partial });
}

function only(a: Analysis, rule: string): Finding[] {
  return a.findings.filter((f) => f.rule === rule);
}

const MAIN = '/etc/ssh/sshd_config';
const DEBIAN = 'Include /etc/ssh/sshd_config.d/*.conf\nPort 22\n';

test('links: each Include argument, quoted or not, with the glob flag; a relative path as sshd opens it, under /etc/ssh', () => {
  const text = 'Include /etc/ssh/sshd_config.d/*.conf "extra one.conf" ~/x.conf\nMatch User x\n    Include inmatch.conf\n';
  const links = sshdDialect.links!(sshdDialect.parse(text).model, text);
  assert.deepEqual(
    links.map((l) => ({ target: l.target, text: text.slice(l.span.start, l.span.end), glob: l.glob, directory: l.directory, kind: l.kind })),
    [
      { target: '/etc/ssh/sshd_config.d/*.conf', text: '/etc/ssh/sshd_config.d/*.conf', glob: true, directory: undefined, kind: 'include' },
      // servconf.c prefixes SSHDIR: the span stays on the path as written.
      { target: '/etc/ssh/extra one.conf', text: 'extra one.conf', glob: undefined, directory: undefined, kind: 'include' },
      // `~` is neither expanded nor prefixed.
      { target: '~/x.conf', text: '~/x.conf', glob: undefined, directory: undefined, kind: 'include' },
      // Inside a Match block too: what it reads belongs to the block (sshd/match-include).
      { target: '/etc/ssh/inmatch.conf', text: 'inmatch.conf', glob: undefined, directory: undefined, kind: 'include' },
    ],
    'the Include inside a Match block applies within it and is not followed',
  );
});

test('an AddressFamily inet in an included file decides: the finding is certain, on the Include, related to that line', () => {
  const a = lint({ [MAIN]: DEBIAN, '/etc/ssh/sshd_config.d/10-v4.conf': '# office network\nAddressFamily inet\n' }, MAIN);
  assert.equal(a.linked.length, 1);
  const [f] = only(a, 'sshd/ipv4-only');
  assert.ok(f, a.findings.map((x) => x.message).join('\n'));
  assert.match(f.message, /^AddressFamily inet \(line 2 of \/etc\/ssh\/sshd_config\.d\/10-v4\.conf\), read through this Include: sshd listens on IPv4 only/);
  assert.equal(DEBIAN.slice(f.span.start, f.span.end), '/etc/ssh/sshd_config.d/*.conf');
  assert.deepEqual(f.related?.map((r) => r.file), ['/etc/ssh/sshd_config.d/10-v4.conf']);
  assert.equal(f.fixes.length, 0, 'the fix belongs in the included file');
  // The first file in glob order wins: 10-v4.conf before 20-any.conf.
  const both = lint({ [MAIN]: DEBIAN, '/etc/ssh/sshd_config.d/20-any.conf': 'AddressFamily any\n', '/etc/ssh/sshd_config.d/10-v4.conf': 'AddressFamily inet\n' }, MAIN);
  assert.equal(only(both, 'sshd/ipv4-only').length, 1);
  const swapped = lint({ [MAIN]: DEBIAN, '/etc/ssh/sshd_config.d/20-v4.conf': 'AddressFamily inet\n', '/etc/ssh/sshd_config.d/10-any.conf': 'AddressFamily any\n' }, MAIN);
  assert.equal(only(swapped, 'sshd/ipv4-only').length, 0);
});

test('an included file read before this file\'s AddressFamily makes that line do nothing; read after, it does nothing itself', () => {
  const v4 = { '/etc/ssh/sshd_config.d/10-v4.conf': 'AddressFamily inet\n' };
  // The main file's AddressFamily comes first: the included inet is ignored by sshd.
  assert.deepEqual(only(lint({ [MAIN]: 'AddressFamily any\n' + DEBIAN, ...v4 }, MAIN), 'sshd/ipv4-only'), []);
  // The main file's inet comes first and the included `any` does nothing: certain, no "Unless".
  const mainFirst = lint({ [MAIN]: 'AddressFamily inet\n' + DEBIAN, '/etc/ssh/sshd_config.d/10-any.conf': 'AddressFamily any\n' }, MAIN);
  const [f] = only(mainFirst, 'sshd/ipv4-only');
  assert.match(f.message, /^AddressFamily inet: sshd listens on IPv4 only/);
  assert.equal(f.fixes.length, 1);
  // The included `any` comes before the main file's inet: sshd listens on both families.
  assert.deepEqual(only(lint({ [MAIN]: DEBIAN + 'AddressFamily inet\n', '/etc/ssh/sshd_config.d/10-any.conf': 'AddressFamily any\n' }, MAIN), 'sshd/ipv4-only'), []);
});

test('an included IPv6 ListenAddress means sshd listens on IPv6; included IPv4 ones count for the finding', () => {
  const main = 'ListenAddress 127.0.0.1\n' + DEBIAN;
  assert.deepEqual(only(lint({ [MAIN]: main, '/etc/ssh/sshd_config.d/v6.conf': 'ListenAddress 2001:db8::22\n' }, MAIN), 'sshd/ipv4-only'), []);
  const [f] = only(lint({ [MAIN]: main, '/etc/ssh/sshd_config.d/v4.conf': 'ListenAddress 192.0.2.22\n' }, MAIN), 'sshd/ipv4-only');
  assert.match(f.message, /^Every ListenAddress is IPv4 \(127\.0\.0\.1, 192\.0\.2\.22 in \/etc\/ssh\/sshd_config\.d\/v4\.conf\): sshd does not listen on IPv6/);
  assert.deepEqual(f.related?.map((r) => r.file), ['/etc/ssh/sshd_config.d/v4.conf']);
  // `::` covers `::1` on the same port: one twin.
  assert.equal(f.fixes[0].title, 'Also listen on ::');
  // A glob that matched nothing where the caller expanded it on disk (CLI, editor): sshd reads nothing there, certain.
  const empty = lint({ [MAIN]: 'Include /etc/ssh/empty.d/*.conf\nInclude other.conf\nListenAddress 127.0.0.1\n', '/etc/ssh/other.conf': 'PermitRootLogin no\n' }, MAIN);
  assert.equal(empty.linked.length, 1, 'other.conf was read');
  const [none] = only(empty, 'sshd/ipv4-only');
  assert.match(none.message, /^Every ListenAddress is IPv4 \(127\.0\.0\.1\): sshd does not listen on IPv6/);
  // Debian's own file with an empty sshd_config.d, as `v6ready check /etc/ssh/sshd_config` reads it: certain too.
  const debian = lint({ [MAIN]: DEBIAN + 'AddressFamily inet\n' }, MAIN);
  assert.match(only(debian, 'sshd/ipv4-only')[0].message, /^AddressFamily inet: sshd listens on IPv4 only/);
  // The workspace index matches wildcards against its own files only: one that matched none of them stays unknown.
  const files = new Map([['/srv/etc/ssh/sshd_config', 'Include /etc/ssh/empty.d/*.conf\nInclude other.conf\nListenAddress 127.0.0.1\n'], ['/srv/etc/ssh/other.conf', 'PermitRootLogin no\n']]);
  const index = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: (p) => (p.endsWith('sshd_config') ? sshdDialect : undefined) });
  index.setFiles(['/srv/etc/ssh/sshd_config']);
  const ws = index.build().files.find((f) => f.path === '/srv/etc/ssh/sshd_config')!;
  assert.match(ws.findings.find((f) => f.rule === 'sshd/ipv4-only')!.message, /unless a file read by Include \/etc\/ssh\/empty\.d\/\*\.conf \(line 1\) adds an IPv6 one/);
});

test('address-family-conflict sees the ListenAddress lines and the AddressFamily of the included files', () => {
  const [f] = only(lint({ [MAIN]: 'AddressFamily inet\n' + DEBIAN, '/etc/ssh/sshd_config.d/v6.conf': 'ListenAddress ::1\n' }, MAIN), 'sshd/address-family-conflict');
  assert.match(f.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 1 of \/etc\/ssh\/sshd_config\.d\/v6\.conf\): sshd refuses to start/);
  assert.deepEqual(f.related?.map((r) => r.file), ['/etc/ssh/sshd_config.d/v6.conf']);
  const [g] = only(lint({ [MAIN]: DEBIAN + 'ListenAddress ::1\n', '/etc/ssh/sshd_config.d/v4.conf': 'AddressFamily inet\n' }, MAIN), 'sshd/address-family-conflict');
  assert.match(g.message, /^AddressFamily inet \(line 1 of \/etc\/ssh\/sshd_config\.d\/v4\.conf, read through this Include\) cannot resolve the IPv6 ListenAddress ::1 \(line 3\)/);
  assert.equal(g.fixes.length, 0);
  // An included `any` read first makes the main file's inet do nothing: sshd starts.
  assert.deepEqual(only(lint({ [MAIN]: DEBIAN + 'AddressFamily inet\nListenAddress ::1\n', '/etc/ssh/sshd_config.d/any.conf': 'AddressFamily any\n' }, MAIN), 'sshd/address-family-conflict'), []);
});

test('nested includes are read in place; a relative path is under /etc/ssh, or beside a copy of the tree', () => {
  const nested = lint({ [MAIN]: 'Include a.conf\nListenAddress 127.0.0.1\n', '/etc/ssh/a.conf': 'Include sub/*.conf\n', '/etc/ssh/sub/v6.conf': 'ListenAddress ::\n' }, MAIN);
  assert.deepEqual(only(nested, 'sshd/ipv4-only'), []);
  // A copy of a server's /etc/ssh (a repository): the included copy is matched by the pattern's path under /etc/ssh.
  const copy = '/srv/etc/ssh/sshd_config';
  const [f] = only(lint({ [copy]: 'Include sshd_config.d/*.conf\n', '/srv/etc/ssh/sshd_config.d/10-v4.conf': 'AddressFamily inet\n' }, copy), 'sshd/ipv4-only');
  assert.match(f.message, /^AddressFamily inet \(line 1 of \/srv\/etc\/ssh\/sshd_config\.d\/10-v4\.conf\), read through this Include/);
});

test('an Include that could not be read, or a document read alone, keeps the hedged wording', () => {
  // A missing file: the include world reports it, and the rules cannot know what it holds.
  const missing = lint({ [MAIN]: 'Include /etc/ssh/gone.conf\nAddressFamily inet\n', '/etc/ssh/other.conf': '' }, MAIN);
  assert.ok(missing.findings.some((f) => f.rule === 'v6ready/include'));
  assert.match(only(missing, 'sshd/ipv4-only')[0].message, /^Unless a file read by Include \/etc\/ssh\/gone\.conf \(line 1\) sets AddressFamily first/);
  // One include read, another missing (linkedPartial): the glob may have matched files that were not read.
  const partial = lint({ [MAIN]: 'Include /etc/ssh/gone.conf\nInclude sshd_config.d/*.conf\nListenAddress 127.0.0.1\n', '/etc/ssh/sshd_config.d/x.conf': 'ListenAddress 192.0.2.1\n' }, MAIN);
  assert.match(only(partial, 'sshd/ipv4-only')[0].message, /^Every ListenAddress that could be read is IPv4 .*: unless a file read by Include \/etc\/ssh\/gone\.conf \(line 1 and 1 more\) adds an IPv6 one/);
  // A document on its own (no includes followed, as in the editor without the file on disk): hedged.
  const alone = analyze(sshdDialect, DEBIAN + 'AddressFamily inet\n');
  assert.match(only(alone, 'sshd/ipv4-only')[0].message, /^Unless a file read by Include/);
});

test('the workspace index follows a plain Include into a copy of /etc/ssh', () => {
  const files = new Map([
    ['/srv/etc/ssh/sshd_config', 'Include /etc/ssh/sshd_config.d/v6.conf\nListenAddress 127.0.0.1\n'],
    ['/srv/etc/ssh/sshd_config.d/v6.conf', 'ListenAddress 2001:db8::22\n'],
  ]);
  const index = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: (p) => dialectForPath(p) });
  index.setFiles([...files.keys()]);
  const ws = index.build();
  const main = ws.files.find((f) => f.path === '/srv/etc/ssh/sshd_config')!;
  assert.deepEqual(main.findings.filter((f) => f.rule === 'sshd/ipv4-only'), []);
  // Without the copy, the include is missing: the finding stays, hedged.
  files.delete('/srv/etc/ssh/sshd_config.d/v6.conf');
  const alone = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: (p) => dialectForPath(p) });
  alone.setFiles([...files.keys()]);
  const f = alone.build().files.find((x) => x.path === '/srv/etc/ssh/sshd_config')!.findings.find((x) => x.rule === 'sshd/ipv4-only')!;
  assert.match(f.message, /unless a file read by Include \/etc\/ssh\/sshd_config\.d\/v6\.conf \(line 1\) adds an IPv6 one/);
});

// --- Which file an Include reads: the one sshd would open, not any linked file whose path ends alike.

/** Analyse `text` (the file at `path`, when known) with these files linked, as the workspace index does. */
function withLinked(text: string, tree: Record<string, string>): Analysis {
  const linked = Object.entries(tree).map(([path, t]) => ({ path, text: t, lines: new LineIndex(t), model: sshdDialect.parse(t).model }));
  return analyze(sshdDialect, text, undefined, { linked, includesFollowed: true });
}

test('a relative Include names the file under /etc/ssh (or the copy\'s etc/ssh), not one of that name in a sub-folder', () => {
  // sshd reads /etc/ssh/a.conf, missing here; /etc/ssh/sub/a.conf is not it, and its AddressFamily must not decide.
  const a = withLinked('Include a.conf\nListenAddress ::1\n', { '/etc/ssh/sub/a.conf': 'AddressFamily inet\n' });
  assert.deepEqual(only(a, 'sshd/address-family-conflict'), []);
  // The workspace index links /srv/etc/ssh/sub/a.conf for `Include a.conf` (the only a.conf it holds): not the one.
  const files = new Map([['/srv/etc/ssh/sshd_config', 'Include a.conf\nListenAddress ::1\n'], ['/srv/etc/ssh/sub/a.conf', 'AddressFamily inet\n']]);
  const index = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: () => sshdDialect });
  index.setFiles([...files.keys()]);
  const ws = index.build().files.find((f) => f.path === '/srv/etc/ssh/sshd_config')!;
  assert.deepEqual(ws.findings.filter((f) => f.rule === 'sshd/address-family-conflict'), []);
});

test('Include *.conf reads /etc/ssh/*.conf, not the sshd_config.d files another Include reads later', () => {
  const text = 'Include *.conf\nAddressFamily any\nListenAddress ::1\nInclude sshd_config.d/*.conf\n';
  const a = lint({ [MAIN]: text, '/etc/ssh/sshd_config.d/10-v4.conf': 'AddressFamily inet\n' }, MAIN);
  assert.equal(a.linked.length, 1);
  assert.deepEqual(only(a, 'sshd/address-family-conflict'), [], 'AddressFamily any is the first sshd reads');
});

test('files of two copies (two hosts) that both fit an Include leave it unknown: the finding is hedged', () => {
  const a = withLinked('Include sshd_config.d/*.conf\nListenAddress ::1\n', {
    '/srv/host1/etc/ssh/sshd_config.d/10-v4.conf': 'AddressFamily inet\n',
    '/srv/host2/etc/ssh/sshd_config.d/20-any.conf': 'AddressFamily any\n',
  });
  assert.deepEqual(only(a, 'sshd/address-family-conflict'), [], 'neither copy\'s AddressFamily is known to be read');
  const [f] = only(a, 'sshd/ipv4-only');
  assert.equal(f, undefined, '::1 is IPv6');
  const v4 = withLinked('Include sshd_config.d/*.conf\nListenAddress 127.0.0.1\n', {
    '/srv/host1/etc/ssh/sshd_config.d/v6.conf': 'ListenAddress ::\n',
    '/srv/host2/etc/ssh/sshd_config.d/v4.conf': 'ListenAddress 192.0.2.1\n',
  });
  assert.match(only(v4, 'sshd/ipv4-only')[0].message, /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file read by Include sshd_config\.d\/\*\.conf \(line 1\) adds an IPv6 one/);
});

test('a file read through another\'s Include is hedged: the includer may set AddressFamily first', () => {
  const frag = '/etc/ssh/sshd_config.d/10-v4.conf';
  const files = new Map(Object.entries({ [MAIN]: 'AddressFamily any\n' + DEBIAN, [frag]: 'AddressFamily inet\n' }));
  const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
  const c = world.contextOf(frag, [MAIN]);
  assert.deepEqual(c.linked.map((l) => l.path), [MAIN]);
  const a = analyze(sshdDialect, files.get(frag)!, undefined, { linked: c.linked, includeProblems: c.problems, linkedPartial: c.partial });
  const [f] = only(a, 'sshd/ipv4-only');
  assert.match(f.message, /^Unless a file that includes this one \(such as \/etc\/ssh\/sshd_config\) sets AddressFamily first \(sshd uses the first value\), AddressFamily inet: sshd listens on IPv4 only/);
});

test('Include a.conf a.conf: sshd reads the file twice, the finding names its lines once', () => {
  const a = lint({ [MAIN]: 'ListenAddress 127.0.0.1\nInclude a.conf a.conf\n', '/etc/ssh/a.conf': 'ListenAddress 192.0.2.1\n' }, MAIN);
  const [f] = only(a, 'sshd/ipv4-only');
  assert.match(f.message, /^Every ListenAddress is IPv4 \(127\.0\.0\.1, 192\.0\.2\.1 in \/etc\/ssh\/a\.conf\): sshd does not listen on IPv6/);
  assert.deepEqual(f.related?.map((r) => r.file), ['/etc/ssh/a.conf']);
});

/** The linked files of a tree, parsed, and readSshd from `text` with them. */
function reading(text: string, tree: Record<string, string>, opts: { self?: string; followed?: boolean } = {}) {
  const linked = Object.entries(tree).map(([path, t]) => ({ path, text: t, lines: new LineIndex(t), model: sshdDialect.parse(t).model }));
  return readSshd(sshdDialect.parse(text).model, new LineIndex(text), linked, false, opts.followed ?? true, opts.self);
}

test('filesOfInclude: the path sshd opens, on the server or in the includer\'s copy; the whole pattern, never a shorter tail', () => {
  const paths = ['/etc/ssh/a.conf', '/etc/ssh/sub/a.conf', '/srv/h1/etc/ssh/a.conf', '/srv/h1/etc/ssh/sshd_config.d/a.conf', '/x/a.conf'].map((path) => ({ path }));
  const names = (r: ReturnType<typeof filesOfInclude>) => r && r.files.map((f) => f.path);
  // The includer's copy known: its own file; the server's only when the copy has none.
  assert.deepEqual(names(filesOfInclude('a.conf', paths, copyOf('/srv/h1/etc/ssh/sshd_config'))), ['/srv/h1/etc/ssh/a.conf']);
  assert.deepEqual(names(filesOfInclude('/etc/ssh/a.conf', paths, copyOf('/srv/h2/etc/ssh/sshd_config'))), ['/etc/ssh/a.conf']);
  assert.deepEqual(names(filesOfInclude('a.conf', paths, copyOf('/etc/ssh/sshd_config'))), ['/etc/ssh/a.conf']);
  assert.deepEqual(names(filesOfInclude('*.conf', paths, copyOf('/srv/h1/etc/ssh/sshd_config.d/x.conf'))), ['/srv/h1/etc/ssh/a.conf']);
  assert.deepEqual(names(filesOfInclude('/x/*.conf', paths, copyOf('/srv/h1/etc/ssh/sshd_config'))), ['/x/a.conf']);
  // A copy kept under another name: its sshd_config's folder stands for /etc/ssh.
  assert.deepEqual(copyOf('/home/u/conf/sshd_config'), { from: ['etc', 'ssh'], to: ['home', 'u', 'conf'] });
  assert.equal(copyOf('/home/u/conf/10.conf'), undefined);
  // The copy not known: the files ending with the whole pattern, when they lie in one copy; two copies: unknown.
  assert.equal(filesOfInclude('a.conf', paths), undefined);
  assert.deepEqual(names(filesOfInclude('a.conf', paths.filter((p) => !p.path.startsWith('/srv')))), ['/etc/ssh/a.conf']);
  assert.deepEqual(names(filesOfInclude('sshd_config.d/*.conf', paths)), ['/srv/h1/etc/ssh/sshd_config.d/a.conf']);
  // Only a shorter tail fits (/etc/ssh/sub/a.conf ends with a.conf): perhaps a copy under another name, unknown.
  assert.equal(filesOfInclude('a.conf', [{ path: '/etc/ssh/sub/a.conf' }]), undefined);
  assert.deepEqual(names(filesOfInclude('b.conf', paths)), []);
});

test('an included file lies in its includer\'s copy: its own Include lines read from that copy only', () => {
  const tree = {
    '/srv/h1/etc/ssh/a.conf': 'Include sub/*.conf\n',
    '/srv/h1/etc/ssh/sub/v4.conf': 'ListenAddress 192.0.2.1\n',
    '/srv/h2/etc/ssh/sub/v6.conf': 'ListenAddress ::\n',
  };
  const r = reading('Include a.conf\n', tree);
  assert.deepEqual(r.listen.map((s) => s.file), ['/srv/h1/etc/ssh/sub/v4.conf']);
  assert.deepEqual(r.unknown, []);
});

test('a copy kept under another name: certain when the analysed file\'s path is known, hedged when it is not', () => {
  const tree = { '/home/u/conf/sshd_config.d/10-v4.conf': 'AddressFamily inet\n' };
  const known = reading(DEBIAN, tree, { self: '/home/u/conf/sshd_config' });
  assert.equal(known.addressFamily?.file, '/home/u/conf/sshd_config.d/10-v4.conf');
  assert.deepEqual([known.unknown, known.includer], [[], undefined]);
  const unknown = reading(DEBIAN, tree);
  assert.equal(unknown.addressFamily, undefined);
  assert.equal(unknown.unknown.length, 1);
  // As `v6ready check /home/u/conf/sshd_config` reads it: the wildcard expanded beside the file is no "matched nothing".
  const conf = '/home/u/conf/sshd_config';
  const a = lint({ [conf]: 'Include sshd_config.d/*.conf\nListenAddress 127.0.0.1\n', '/home/u/conf/sshd_config.d/v6.conf': 'ListenAddress ::\n' }, conf);
  assert.equal(a.linked.length, 1);
  assert.match(only(a, 'sshd/ipv4-only')[0].message, /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file read by Include sshd_config\.d\/\*\.conf \(line 1\) adds an IPv6 one/);
});

test('a file in a .d folder, read alone with its path known, may be read through an Include', () => {
  assert.deepEqual(reading('AddressFamily inet\n', {}, { self: '/etc/ssh/sshd_config.d/10-v4.conf', followed: false }).includer, {});
  assert.equal(reading('AddressFamily inet\n', {}, { self: '/etc/ssh/sshd_config', followed: false }).includer, undefined);
  assert.equal(reading('AddressFamily inet\n', {}, { self: '/srv/host1/sshd_config.host1', followed: false }).includer, undefined);
  assert.equal(reading('AddressFamily inet\n', {}, { followed: false }).includer, undefined);
});

test('the file\'s path reaches the rules (RuleContext.path): a fragment checked alone is hedged, a main file is not', () => {
  const text = 'AddressFamily inet\nListenAddress ::1\n';
  const at = (path?: string) => only(analyze(sshdDialect, text, undefined, { path }), 'sshd/address-family-conflict')[0].message;
  assert.match(at('/etc/ssh/sshd_config.d/10-v4.conf'), /^Unless a file that includes this one sets AddressFamily first \(sshd uses the first value\), /);
  assert.doesNotMatch(at('/etc/ssh/sshd_config'), /Unless/);
  assert.doesNotMatch(at(undefined), /Unless/);
});

test('a fragment whose includer is linked: its IPv4 ListenAddress lines are hedged too', () => {
  const frag = '/etc/ssh/sshd_config.d/10.conf';
  const files = new Map(Object.entries({ [MAIN]: DEBIAN + 'ListenAddress ::1\n', [frag]: 'ListenAddress 127.0.0.1\n' }));
  const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
  const c = world.contextOf(frag, [MAIN]);
  const a = analyze(sshdDialect, files.get(frag)!, undefined, { linked: c.linked, linkedPartial: c.partial });
  assert.match(only(a, 'sshd/ipv4-only')[0].message, /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file that includes this one \(such as \/etc\/ssh\/sshd_config\) adds an IPv6 one/);
  // The main file, with the fragment linked, reads it: nothing hedged, and sshd listens on ::1 too.
  const main = world.contextOf(MAIN, [frag]);
  assert.deepEqual(only(analyze(sshdDialect, files.get(MAIN)!, undefined, { linked: main.linked }), 'sshd/ipv4-only'), []);
});

// --- A fragment whose includer is known: sshd's reading from the includer, up to the fragment, decides.

const FRAG = '/etc/ssh/sshd_config.d/20-frag.conf';

/** Analyse `path`, read through the Include lines of `roots`, with its path known (as the CLI and the index do). */
function lintIncluded(tree: Record<string, string>, path = FRAG, roots = [MAIN]): Analysis {
  const files = new Map(Object.entries(tree));
  const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
  const c = world.contextOf(path, roots);
  return analyze(sshdDialect, files.get(path)!, undefined, { linked: c.linked, includeProblems: c.problems, linkedPartial: c.partial, path });
}

test('a fragment that sshd reads before any AddressFamily: its AddressFamily is the first, the finding certain', () => {
  const frag = 'AddressFamily inet\nListenAddress ::1\n';
  // An earlier fragment and the includer's lines after the Include set nothing first.
  const tree = { [MAIN]: DEBIAN + 'AddressFamily any\n', '/etc/ssh/sshd_config.d/10-other.conf': 'PermitRootLogin no\n', [FRAG]: frag };
  const [f] = only(lintIncluded(tree), 'sshd/address-family-conflict');
  assert.match(f.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 2\): sshd refuses to start/);
  assert.equal(f.fixes.length, 1);
  const [g] = only(lintIncluded({ ...tree, [FRAG]: 'AddressFamily inet\n' }), 'sshd/ipv4-only');
  assert.match(g.message, /^AddressFamily inet: sshd listens on IPv4 only/);
  // The IPv6 ListenAddress may be the includer's: sshd reads it after this file's AddressFamily and refuses to start.
  const [h] = only(lintIncluded({ [MAIN]: DEBIAN + 'ListenAddress ::1\n', [FRAG]: 'AddressFamily inet\n' }), 'sshd/address-family-conflict');
  assert.match(h.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 3 of \/etc\/ssh\/sshd_config\): sshd refuses to start/);
  assert.deepEqual(h.related?.map((r) => r.file), [MAIN]);
  assert.deepEqual(only(lintIncluded({ [MAIN]: DEBIAN + 'ListenAddress ::1\n', [FRAG]: 'AddressFamily inet\n' }), 'sshd/ipv4-only'), [], 'not "listens on IPv4 only": it does not start');
  // The same pair in a workspace (a copy of the server's files), the fragment analysed with its includer linked.
  const files = new Map([['/srv/etc/ssh/sshd_config', DEBIAN], ['/srv/etc/ssh/sshd_config.d/20-frag.conf', frag]]);
  const index = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: (p) => dialectForPath(p) ?? sshdDialect });
  index.setFiles([...files.keys()]);
  const ws = index.build().files.find((x) => x.path === '/srv/etc/ssh/sshd_config.d/20-frag.conf')!;
  assert.match(ws.findings.find((x) => x.rule === 'sshd/address-family-conflict')!.message, /^AddressFamily inet cannot resolve/);
});

test('a fragment read after an AddressFamily of its includer (or of an earlier fragment): its own does nothing', () => {
  const frag = 'AddressFamily inet\nListenAddress ::1\n';
  for (const tree of <Record<string, string>[]>[
    { [MAIN]: 'AddressFamily any\n' + DEBIAN, [FRAG]: frag },
    { [MAIN]: DEBIAN, '/etc/ssh/sshd_config.d/10-any.conf': 'AddressFamily any\n', [FRAG]: frag },
  ]) {
    const a = lintIncluded(tree);
    assert.deepEqual(only(a, 'sshd/address-family-conflict'), [], 'sshd -t accepts it');
    assert.deepEqual(only(a, 'sshd/ipv4-only'), []);
  }
  // The includer's inet comes first: the conflict is its analysis's, on its own line; the fragment's `any` claims nothing.
  const tree = { [MAIN]: 'AddressFamily inet\n' + DEBIAN, [FRAG]: 'AddressFamily any\nListenAddress ::1\n' };
  assert.deepEqual(only(lintIncluded(tree), 'sshd/address-family-conflict'), []);
  const [m] = only(lint(tree, MAIN), 'sshd/address-family-conflict');
  assert.match(m.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 2 of \/etc\/ssh\/sshd_config\.d\/20-frag\.conf\)/);
  // An includer's `any` read first leaves the fragment's IPv4-only ListenAddress lines to decide.
  const [l] = only(lintIncluded({ [MAIN]: 'AddressFamily any\n' + DEBIAN, [FRAG]: 'AddressFamily inet\nListenAddress 127.0.0.1\n' }), 'sshd/ipv4-only');
  assert.match(l.message, /^Every ListenAddress is IPv4 \(127\.0\.0\.1\): sshd does not listen on IPv6/);
});

test('a fragment\'s IPv4 ListenAddress lines: another file of the tree may listen on IPv6; if none does, certain', () => {
  const frag = 'ListenAddress 127.0.0.1\n';
  assert.deepEqual(only(lintIncluded({ [MAIN]: DEBIAN + 'ListenAddress ::1\n', [FRAG]: frag }), 'sshd/ipv4-only'), []);
  assert.deepEqual(only(lintIncluded({ [MAIN]: DEBIAN, '/etc/ssh/sshd_config.d/30-v6.conf': 'ListenAddress ::\n', [FRAG]: frag }), 'sshd/ipv4-only'), []);
  // A host name may resolve to an IPv6 address: not "every ListenAddress is IPv4".
  assert.deepEqual(only(lintIncluded({ [MAIN]: DEBIAN + 'ListenAddress ssh.example.org\n', [FRAG]: frag }), 'sshd/ipv4-only'), []);
  const [f] = only(lintIncluded({ [MAIN]: DEBIAN + 'ListenAddress 192.0.2.1\n', [FRAG]: frag }), 'sshd/ipv4-only');
  assert.match(f.message, /^Every ListenAddress is IPv4 \(127\.0\.0\.1, 192\.0\.2\.1 in \/etc\/ssh\/sshd_config\): sshd does not listen on IPv6/);
  assert.deepEqual(f.related?.map((r) => r.file), [MAIN]);
  // `::` (for 192.0.2.1) covers `::1` (for 127.0.0.1) on the same port.
  assert.equal(f.fixes[0].title, 'Also listen on ::');
  // The includer's `AddressFamily inet`, after the Include, is what sshd uses: its analysis reports it, not this one.
  assert.deepEqual(only(lintIncluded({ [MAIN]: DEBIAN + 'AddressFamily inet\n', [FRAG]: frag }), 'sshd/ipv4-only'), []);
  assert.match(only(lint({ [MAIN]: DEBIAN + 'AddressFamily inet\n', [FRAG]: frag }, MAIN), 'sshd/ipv4-only')[0].message, /^AddressFamily inet: sshd listens on IPv4 only/);
});

test('a fragment whose includer is not fully known keeps the hedge', () => {
  const hedgeAf = /^Unless a file that includes this one \(such as \/etc\/ssh\/sshd_config\) sets AddressFamily first/;
  const hedgeListen = /^Every ListenAddress of this file is IPv4 \(127\.0\.0\.1\): unless a file that includes this one \(such as \/etc\/ssh\/sshd_config\) adds an IPv6 one/;
  // An Include that could not be read, above the one that reads the fragment.
  const gone = lintIncluded({ [MAIN]: 'Include /etc/ssh/gone.conf\n' + DEBIAN, [FRAG]: 'AddressFamily inet\n' });
  assert.match(only(gone, 'sshd/ipv4-only')[0].message, hedgeAf);
  // A second file includes the fragment too (another sshd's configuration, started with -f): either may come first.
  const alt = '/etc/ssh/sshd_config_alt';
  const two = lintIncluded({ [MAIN]: DEBIAN, [alt]: 'AddressFamily any\n' + DEBIAN, [FRAG]: 'AddressFamily inet\n' }, FRAG, [MAIN, alt]);
  assert.match(only(two, 'sshd/ipv4-only')[0].message, hedgeAf);
  // A wildcard the workspace index could not expand, after the fragment: AddressFamily is known, ListenAddress is not.
  const text = (t: string) => ({ path: MAIN, text: t, lines: new LineIndex(t), model: sshdDialect.parse(t).model });
  const at = (frag: string) =>
    analyze(sshdDialect, frag, undefined, { linked: [text(DEBIAN + 'Include /etc/ssh/extra.d/*.conf\n')], includesFollowed: false, path: FRAG });
  assert.match(only(at('AddressFamily inet\n'), 'sshd/ipv4-only')[0].message, /^AddressFamily inet: sshd listens on IPv4 only/);
  assert.match(only(at('ListenAddress 127.0.0.1\n'), 'sshd/ipv4-only')[0].message, hedgeListen);
  // The fragment's path not known: which file includes it, and where, cannot be told.
  const files = new Map(Object.entries({ [MAIN]: DEBIAN, [FRAG]: 'ListenAddress 127.0.0.1\n' }));
  const c = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files)).contextOf(FRAG, [MAIN]);
  assert.match(only(analyze(sshdDialect, files.get(FRAG)!, undefined, { linked: c.linked }), 'sshd/ipv4-only')[0].message, hedgeListen);
});

// --- A relative Include in a fragment: sshd opens it under /etc/ssh, never beside the fragment.

test('Include *.conf in sshd_config.d/50-x.conf reads /etc/ssh/*.conf: no include loop, and those files count', () => {
  const frag = '/etc/ssh/sshd_config.d/50-x.conf';
  // sshd -t exits 0 on this pair: the fragment's `*.conf` is /etc/ssh/*.conf, which holds no .conf file here.
  const alone = lintIncluded({ [MAIN]: DEBIAN, [frag]: 'Include *.conf\n' }, frag);
  assert.deepEqual(alone.findings.filter((f) => f.rule === 'v6ready/include').map((f) => f.message), []);
  assert.deepEqual(lint({ [MAIN]: DEBIAN, [frag]: 'Include *.conf\n' }, MAIN).findings.filter((f) => f.rule === 'v6ready/include'), []);
  // What /etc/ssh/*.conf holds is read in place: its IPv6 ListenAddress meets the fragment's AddressFamily inet.
  const tree = { [MAIN]: DEBIAN, [frag]: 'AddressFamily inet\nInclude *.conf\n', '/etc/ssh/v6.conf': 'ListenAddress ::1\n' };
  const a = lintIncluded(tree, frag);
  assert.deepEqual(a.linked.map((l) => l.path).sort(), [MAIN, '/etc/ssh/v6.conf']);
  const [f] = only(a, 'sshd/address-family-conflict');
  assert.match(f.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 1 of \/etc\/ssh\/v6\.conf\): sshd refuses to start/);
  // In a copy of the server's files, the copy's etc/ssh/*.conf.
  const copy = (p: string) => `/srv/h1${p}`;
  const inCopy = lintIncluded(Object.fromEntries(Object.entries(tree).map(([p, t]) => [copy(p), t])), copy(frag), [copy(MAIN)]);
  assert.deepEqual(inCopy.findings.filter((x) => x.rule === 'v6ready/include'), []);
  assert.match(only(inCopy, 'sshd/address-family-conflict')[0].message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 1 of \/srv\/h1\/etc\/ssh\/v6\.conf\)/);
});

// --- A file named sshd_config is one sshd starts with (`sshd -f`): a configuration that includes it is another daemon's.

const SECOND = '/etc/ssh/sshd_config_second';

test('a start file is judged as `sshd -f` reads it, whatever another configuration that includes it adds', () => {
  // sshd -t -f on the main file exits 0 (it listens on IPv4 only); the second file's ::1 is the second daemon's.
  const tree = { [MAIN]: 'AddressFamily inet\nListenAddress 127.0.0.1\n', [SECOND]: 'Include /etc/ssh/sshd_config\nListenAddress ::1\n' };
  const a = lintIncluded(tree, MAIN, [MAIN, SECOND]);
  assert.deepEqual(a.linked.map((l) => l.path), [SECOND]);
  assert.deepEqual(only(a, 'sshd/address-family-conflict'), [], 'sshd -t -f /etc/ssh/sshd_config exits 0');
  assert.match(only(a, 'sshd/ipv4-only')[0].message, /^AddressFamily inet: sshd listens on IPv4 only/);
  // The second configuration does not start (sshd -t -f exits 255): its own analysis says so.
  assert.match(only(lintIncluded(tree, SECOND, [MAIN, SECOND]), 'sshd/address-family-conflict')[0].message, /^AddressFamily inet \(line 1 of \/etc\/ssh\/sshd_config, read through this Include\) cannot resolve the IPv6 ListenAddress ::1 \(line 2\)/);
  // sshd -t -f on the main file exits 255 ("bad addr or host"): an `any` the second file sets first does not change that.
  const conflict = { [MAIN]: 'AddressFamily inet\nListenAddress ::1\n', [SECOND]: 'AddressFamily any\nInclude /etc/ssh/sshd_config\nPort 2222\n' };
  const [f] = only(lintIncluded(conflict, MAIN, [MAIN, SECOND]), 'sshd/address-family-conflict');
  assert.ok(f, 'the conflict is reported');
  assert.match(f.message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 2\): sshd refuses to start/);
  // No "unless a file that includes this one": nothing comes before a start file.
  assert.equal(reading(conflict[MAIN], { [SECOND]: conflict[SECOND] }, { self: MAIN }).includer, undefined);
  // The same pair in a workspace (a copy of the server's files).
  const files = new Map(Object.entries(tree).map(([p, t]) => [`/srv/a${p}`, t]));
  const index = new WorkspaceIndex({ read: (p) => files.get(p), dialectFor: (p) => dialectForPath(p) ?? sshdDialect });
  index.setFiles([...files.keys()]);
  const main = index.build().files.find((x) => x.path === '/srv/a/etc/ssh/sshd_config')!;
  assert.deepEqual(main.findings.filter((x) => x.rule === 'sshd/address-family-conflict'), []);
  assert.match(main.findings.find((x) => x.rule === 'sshd/ipv4-only')!.message, /^AddressFamily inet: sshd listens on IPv4 only/);
});

test('an includer is a linked file whose Include lines read this one, not any file with Include lines', () => {
  // /etc/ssh/sshd_config_other reads another folder: it is no includer of the fragment, and names none in the hedge.
  const other = { '/etc/ssh/sshd_config_other': 'AddressFamily any\nInclude /etc/ssh/other.d/*.conf\n' };
  assert.deepEqual(reading('AddressFamily inet\n', other, { self: FRAG }).includer, {}, 'a fragment may still be read by an Include not known here');
  assert.equal(reading('AddressFamily inet\n', other, { self: '/srv/host1/sshd_config.host1' }).includer, undefined);
  const linked = Object.entries(other).map(([path, t]) => ({ path, text: t, lines: new LineIndex(t), model: sshdDialect.parse(t).model }));
  const [f] = only(analyze(sshdDialect, 'AddressFamily inet\nListenAddress ::1\n', undefined, { linked, includesFollowed: true, path: FRAG }), 'sshd/address-family-conflict');
  assert.match(f.message, /^Unless a file that includes this one sets AddressFamily first \(sshd uses the first value\), AddressFamily inet cannot resolve/);
  // One that reads it through a file it includes is an includer: its reading, up to the fragment, decides.
  const nested = { [MAIN]: 'Include /etc/ssh/a.conf\n', '/etc/ssh/a.conf': 'Include /etc/ssh/sshd_config.d/*.conf\nListenAddress ::1\n', [FRAG]: 'AddressFamily inet\n' };
  const r = reading(nested[FRAG], { [MAIN]: nested[MAIN], '/etc/ssh/a.conf': nested['/etc/ssh/a.conf'] }, { self: FRAG });
  assert.equal(r.includer?.file, MAIN);
  assert.ok(r.includer?.reading, 'sshd\'s reading from /etc/ssh/sshd_config is known');
  assert.match(only(lintIncluded(nested), 'sshd/address-family-conflict')[0].message, /^AddressFamily inet cannot resolve the IPv6 ListenAddress ::1 \(line 2 of \/etc\/ssh\/a\.conf\): sshd refuses to start/);
});

// --- An Include inside a Match block: the files it reads are held to what Match allows (sshd/match-include;
// test/oracle/sshd-match-include.test.ts holds the same cases to sshd -t).

/** Analyse `path` with the files its include tree holds (every tree file a root), with its path, as `v6ready check` does. */
function lintTree(tree: Record<string, string>, path: string): Analysis {
  const files = new Map(Object.entries(tree));
  const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
  const c = world.contextOf(path, [...files.keys()]);
  return analyze(sshdDialect, files.get(path)!, undefined, { linked: c.linked, includeProblems: c.problems, linkedPartial: c.partial, includesFollowed: true, path });
}

test('match-include: a global keyword in a file read inside Match is reported there and on the Include', () => {
  const tree = {
    [MAIN]: 'ListenAddress [::1]:22\nMatch User backup\n    Include /etc/ssh/sshd_config.d/backup.conf\n',
    '/etc/ssh/sshd_config.d/backup.conf': 'PasswordAuthentication no\nPort 2222\nMatch all\nListenAddress 127.0.0.1\nMatch User x\n    X11Forwarding no\n',
  };
  const inc = only(lintTree(tree, '/etc/ssh/sshd_config.d/backup.conf'), 'sshd/match-include');
  // Port (line 2) and ListenAddress after the file's own `Match all` (line 4): sshd holds the whole file to Match.
  assert.deepEqual(
    inc.map((f) => [f.span.start, f.message.split(':')[0]]),
    [
      [tree['/etc/ssh/sshd_config.d/backup.conf'].indexOf('Port'), "Directive 'Port' is not allowed within a Match block"],
      [tree['/etc/ssh/sshd_config.d/backup.conf'].indexOf('ListenAddress'), "Directive 'ListenAddress' is not allowed within a Match block"],
    ],
  );
  assert.match(inc[0].message, /read by the Include inside 'Match User backup' \(line 3 of \/etc\/ssh\/sshd_config\), so sshd refuses to start/);
  assert.deepEqual(inc[0].related?.map((r) => r.file), [MAIN]);
  const [main, ...rest] = only(lintTree(tree, MAIN), 'sshd/match-include');
  assert.deepEqual(rest, []);
  assert.equal(tree[MAIN].slice(main.span.start, main.span.end), 'Include');
  assert.match(main.message, /^This Include reads 'Port' \(line 2 of \/etc\/ssh\/sshd_config\.d\/backup\.conf and 1 more\) into 'Match User backup'/);
  assert.equal(main.related?.length, 2);
});

test('match-include: nothing under Match all, above the first Match, or for keywords Match allows; Subsystem by the target', () => {
  const frag = '/etc/ssh/sshd_config.d/m.conf';
  const count = (main: string, inc: string, target?: string) => {
    const tree: Record<string, string> = { [MAIN]: main, [frag]: inc };
    const settings = target ? { ...DEFAULT_SETTINGS, targets: { sshd: target } } : undefined;
    const files = new Map(Object.entries(tree));
    const world = new IncludeWorld(sshdDialect, (p) => files.get(p), lister(files));
    return [MAIN, frag]
      .map((p) => {
        const c = world.contextOf(p, [MAIN, frag]);
        return only(analyze(sshdDialect, tree[p], settings, { linked: c.linked, linkedPartial: c.partial, includesFollowed: true, path: p }), 'sshd/match-include').length;
      })
      .join('+');
  };
  assert.equal(count('Match all\n    Include /etc/ssh/sshd_config.d/m.conf\n', 'ListenAddress ::1\n'), '0+0');
  assert.equal(count('Include /etc/ssh/sshd_config.d/m.conf\nMatch User x\n    X11Forwarding no\n', 'ListenAddress ::1\n'), '0+0');
  assert.equal(count('Match User x\n    Include /etc/ssh/sshd_config.d/m.conf\n', 'PasswordAuthentication no\n'), '0+0');
  // A line the included file's own Match block holds is sshd/syntax's, not reported twice.
  assert.equal(count('Match User x\n    Include /etc/ssh/sshd_config.d/m.conf\n', 'Match User y\n    Port 22\n'), '0+0');
  assert.equal(count('Match User x\n    Include /etc/ssh/sshd_config.d/m.conf\n', 'Subsystem sftp internal-sftp\n'), '1+1');
  assert.equal(count('Match User x\n    Include /etc/ssh/sshd_config.d/m.conf\n', 'Subsystem sftp internal-sftp\n', '9.5'), '0+0');
  // A relative Include is /etc/ssh/<path>, from inside Match too.
  assert.equal(count('Match User x\n    Include sshd_config.d/m.conf\n', 'Port 2222\n'), '1+1');
});
