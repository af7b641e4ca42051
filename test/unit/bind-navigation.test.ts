// BIND names and paths for the editor: definitions and references of acl, key, primaries/masters, parental-agents, view,
// dnssec-policy and tls names; renames; include and zone file links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindDialect } from '../../server/src/dialects/bind';
import { bindIncludes, bindLinks, bindNames, bindRenameEdit, occurrencesOf } from '../../server/src/dialects/bind/navigation';
import type { BindModel } from '../../server/src/dialects/bind/model';

const CONF = `include "/etc/bind/named.conf.keys";
key "xfer" { algorithm hmac-sha256; secret "c2VjcmV0"; };
acl internal { 192.0.2.0/24; !blocked; key xfer; };
acl blocked { 198.51.100.7; };
primaries upstream { 2001:db8::53 key xfer tls dot; 192.0.2.53; };
masters legacy { upstream; };
tls dot { ca-file "ca.pem"; };
dnssec-policy strict { keys { csk lifetime unlimited algorithm 13; }; };
options {
	directory "/var/cache/bind";
	allow-query { internal; localhost; };
	allow-transfer { { internal; }; key xfer; };
	dnssec-policy default;
};
server 192.0.2.1 { keys xfer; };
controls { inet 127.0.0.1 allow { internal; } keys { xfer; }; };
view "inside" {
	match-clients { internal; };
	zone "example.test" {
		type secondary;
		file "db.example.test";
		primaries { legacy; 2001:db8::54 tls dot; };
		dnssec-policy strict;
	};
};
view "outside" {
	zone "example.test" { in-view "inside"; };
};
`;

const model = (text: string) => bindDialect.parse(text).model as BindModel;
const m = model(CONF);
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = CONF.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};
const summary = (kind: Parameters<typeof occurrencesOf>[1], name: string) =>
  occurrencesOf(m, kind, name).map((o) => `${o.definition ? 'def' : 'ref'}@${CONF.slice(0, o.span.start).split('\n').length}`);

test('acl definitions and references, negated and nested ones included; builtins are not names', () => {
  assert.deepEqual(summary('acl', 'internal'), ['def@3', 'ref@11', 'ref@12', 'ref@16', 'ref@18']);
  assert.deepEqual(summary('acl', 'blocked'), ['ref@3', 'def@4']);
  assert.ok(!bindNames(m).some((n) => n.name === 'localhost'));
});

test('key names: definition (quoted), aml `key k`, remote server `key k`, server keys, controls keys', () => {
  assert.deepEqual(summary('key', 'xfer'), ['def@2', 'ref@3', 'ref@5', 'ref@12', 'ref@15', 'ref@16']);
  const def = occurrencesOf(m, 'key', 'xfer')[0];
  assert.equal(CONF.slice(def.span.start, def.span.end), 'xfer', 'the span is inside the quotes');
});

test('primaries and masters lists share one namespace; zone primaries reference them', () => {
  assert.deepEqual(summary('primaries', 'upstream'), ['def@5', 'ref@6']);
  assert.deepEqual(summary('primaries', 'legacy'), ['def@6', 'ref@22']);
});

test('view, dnssec-policy and tls names', () => {
  assert.deepEqual(summary('view', 'inside'), ['def@17', 'ref@27']);
  assert.deepEqual(summary('dnssec-policy', 'strict'), ['def@8', 'ref@23']);
  assert.deepEqual(summary('dnssec-policy', 'default'), [], 'builtin policy');
  assert.deepEqual(summary('tls', 'dot'), ['ref@5', 'def@7', 'ref@22']);
});

test('nameAt through the Dialect: on a reference and on a definition', () => {
  const ref = bindDialect.nameAt!(m, CONF, at('internal; localhost') + 2);
  assert.deepEqual(ref && { kind: ref.kind, name: ref.name, definition: ref.definition }, { kind: 'acl', name: 'internal', definition: false });
  const def = bindDialect.nameAt!(m, CONF, at('"inside"') + 1);
  assert.equal(def?.kind, 'view');
  assert.equal(def?.definition, true);
  assert.equal(bindDialect.nameAt!(m, CONF, at('allow-query')), undefined);
  assert.equal(bindDialect.nameAt!(m, CONF, at('192.0.2.0/24')), undefined, 'an address is not a name');
});

test('rename: bare words stay bare, quoted stay quoted, names needing quotes get them, builtins refused', () => {
  const occ = bindDialect.occurrences!(m, CONF, 'acl', 'internal');
  const edits = occ.map((o) => bindRenameEdit(CONF, o, 'trusted'));
  assert.ok(edits.every((e) => typeof e !== 'string' && e.newText === 'trusted'));
  const spaced = bindRenameEdit(CONF, occ[1], 'my clients');
  assert.equal(typeof spaced !== 'string' && spaced.newText, '"my clients"');
  const keyDef = bindDialect.occurrences!(m, CONF, 'key', 'xfer')[0];
  const k = bindRenameEdit(CONF, keyDef, 'my key');
  assert.equal(typeof k !== 'string' && k.newText, 'my key', 'inside existing quotes');
  assert.equal(typeof bindRenameEdit(CONF, occ[0], 'any'), 'string');
  assert.equal(typeof bindRenameEdit(CONF, occ[0], '10.0.0.1'), 'string');
  assert.equal(typeof bindRenameEdit(CONF, occ[0], 'a"b'), 'string');
});

test('links: include anywhere, zone file with the options directory', () => {
  const links = bindLinks(m);
  assert.deepEqual(
    links.map((l) => ({ kind: l.kind, target: l.target, directory: l.directory, text: CONF.slice(l.span.start, l.span.end) })),
    [
      { kind: 'include', target: '/etc/bind/named.conf.keys', directory: '/var/cache/bind', text: '/etc/bind/named.conf.keys' },
      { kind: 'file', target: 'db.example.test', directory: '/var/cache/bind', text: 'db.example.test' },
    ],
  );
  assert.deepEqual(bindIncludes(m).map((i) => i.target), ['/etc/bind/named.conf.keys']);
  assert.deepEqual(bindDialect.links!(m, CONF), links);
});

test('a broken file still gives the names it has, and never throws', () => {
  const broken = 'acl a { 10.0.0.0/8 \noptions { allow-query { a; }; \nkey "k" { secret';
  const bm = model(broken);
  assert.doesNotThrow(() => bindNames(bm));
  assert.doesNotThrow(() => bindLinks(bm));
  assert.doesNotThrow(() => bindDialect.nameAt!(bm, broken, broken.length));
});

// Keyword-led elements that name nothing: rename on them would rewrite the keyword and break the file.
const KW = `key k { algorithm hmac-sha256; secret "c2VjcmV0"; };
acl lan { 192.0.2.0/24; };
dnssec-policy p {
	keys {
		csk lifetime unlimited algorithm 13;
		ksk key-directory lifetime P1Y algorithm 13;
		zsk lifetime P30D algorithm 13;
	};
};
view one { match-clients { geoip asnum 100001; ! geoip db country country US; lan; { !key k; localnets; }; any; }; };
options { also-notify { 192.0.2.1 key k; 2001:db8::zz; @PRIMARY@; }; };
controls { unix "/run/named/ctl" perm 0600 owner 0 group 0 keys { k; }; };
zone "example.test" { type primary; file "db"; update-policy { grant k subdomain example.test. KEY TXT; }; };
`;
const km = model(KW);
const kwAt = (needle: string) => {
  const i = KW.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

test('dnssec-policy keys { csk|ksk|zsk … } are key roles, not key names: no name, no rename', () => {
  for (const role of ['csk', 'ksk', 'zsk']) {
    assert.equal(bindDialect.nameAt!(km, KW, kwAt(role) + 1), undefined, role);
    assert.deepEqual(occurrencesOf(km, 'key', role), [], role);
  }
});

test('a GeoIP element (`geoip [db name] <type> <value>`) is not an ACL reference; real ACL and key elements still are', () => {
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('geoip asnum') + 1), undefined);
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('geoip db') + 1), undefined);
  assert.deepEqual(occurrencesOf(km, 'acl', 'geoip'), []);
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('lan; {'))?.name, 'lan');
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('localnets')), undefined, 'built-in ACL');
  const refs = (kind: Parameters<typeof occurrencesOf>[1], name: string) =>
    occurrencesOf(km, kind, name).map((o) => `${o.definition ? 'def' : 'ref'}@${KW.slice(0, o.span.start).split('\n').length}`);
  assert.deepEqual(refs('acl', 'lan'), ['def@2', 'ref@10']);
  // `!key k` in a nested list, `key k` of a remote server, controls `keys { k; }`: references.
  assert.deepEqual(refs('key', 'k'), ['def@1', 'ref@10', 'ref@11', 'ref@12']);
  // named reads a quoted element as an ACL name too (bind/undefined-reference reports `"lan"` when undefined).
  const quoted = 'acl lan { 10.0.0.0/8; };\noptions { allow-query { "lan"; }; };\n';
  assert.deepEqual(occurrencesOf(model(quoted), 'acl', 'lan').map((o) => quoted.slice(o.span.start - 1, o.span.end + 1)), [' lan ', '"lan"']);
});

test('`key` names a key only where the grammar has `key <name>`: update-policy KEY is a record type', () => {
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('TXT')), undefined);
  assert.deepEqual(occurrencesOf(km, 'key', 'TXT'), []);
});

test('remote-servers elements that are broken addresses or template placeholders are not list names', () => {
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('2001:db8::zz') + 1), undefined);
  assert.equal(bindDialect.nameAt!(km, KW, kwAt('@PRIMARY@') + 1), undefined);
});

test('parental-agents lists are their own namespace (BIND 9.18): definitions, references and renames stay apart', () => {
  const text = `primaries p { 192.0.2.1; };
parental-agents p { 192.0.2.2; };
parental-agents q { p; };
zone "example.test" {
	type primary;
	file "db.example.test";
	parental-agents { p; q; };
	also-notify { p; };
};
zone "other.test" { type secondary; file "db.other.test"; masters { p; }; };
`;
  const pm = model(text);
  const lines = (kind: Parameters<typeof occurrencesOf>[1], name: string) =>
    occurrencesOf(pm, kind, name).map((o) => `${o.definition ? 'def' : 'ref'}@${text.slice(0, o.span.start).split('\n').length}`);
  assert.deepEqual(lines('primaries', 'p'), ['def@1', 'ref@8', 'ref@10']);
  assert.deepEqual(lines('parental-agents', 'p'), ['def@2', 'ref@3', 'ref@7']);
  assert.deepEqual(lines('parental-agents', 'q'), ['def@3', 'ref@7']);
  const at = text.indexOf('p; q;');
  const o = bindDialect.nameAt!(pm, text, at);
  assert.equal(o?.kind, 'parental-agents');
  assert.deepEqual(bindDialect.occurrences!(pm, text, o!.kind, o!.name).length, 3);
});

test('bind/undefined-reference follows acls into included files to find a loop, and says where named reports it', async () => {
  const { analyze } = await import('../../server/src/core/analyze');
  const { IncludeWorld } = await import('../../server/src/workspace/linked');
  const files: Record<string, string> = {
    '/etc/bind/named.conf': 'include "acls.conf";\noptions {\n\tallow-query { outer; };\n};\n',
    '/etc/bind/acls.conf': 'acl outer { { 192.0.2.1; inner; }; };\nacl inner { !outer; 2001:db8::1; };\n',
  };
  const world = new IncludeWorld(bindDialect, (p) => files[p]);
  const path = '/etc/bind/named.conf';
  const context = world.contextOf(path, [path]);
  const a = analyze(bindDialect, files[path], undefined, { linked: context.linked, includeProblems: context.problems, linkedPartial: context.partial });
  const loops = a.findings.filter((f) => f.rule === 'bind/undefined-reference');
  assert.equal(loops.length, 1, a.findings.map((f) => f.message).join('\n'));
  assert.equal(files[path].slice(loops[0].span.start, loops[0].span.end), 'outer');
  // named-checkconf 9.18: "acls.conf:2: acl loop detected: outer", at the `!outer` that closes the loop
  // (outer -> nested list -> inner -> !outer): the finding is at the use, with that place as its last related location.
  assert.match(loops[0].message, /acl loop detected: outer/);
  const acls = files['/etc/bind/acls.conf'];
  assert.deepEqual(
    loops[0].related?.map((r) => [r.file, acls.slice(r.span.start, r.span.end), acls.slice(0, r.span.start).split('\n').length]),
    [
      ['/etc/bind/acls.conf', 'inner', 1],
      ['/etc/bind/acls.conf', 'outer', 2],
    ],
  );
});
