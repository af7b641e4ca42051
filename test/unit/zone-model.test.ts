// The zone model: names and origins (with escapes, and inferred when the file does not say), TTLs, classes,
// $GENERATE templates, and the address syntax BIND accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../grammars/zone/parser';
import { buildZoneModel, substitute, type ZoneModel } from '../../server/src/dialects/zone/model';
import { isSubdomain, parentOf, parseName, resolveName } from '../../server/src/dialects/zone/names';
import { lookupClass, lookupType, parseTTL } from '../../server/src/dialects/zone/rrtypes';
import { isDottedQuad, isIPv6Text } from '../../server/src/dialects/zone/inet';
import { dialectForPath } from '../../server/src/core/registry';

function model(text: string): ZoneModel {
  return buildZoneModel(parseZoneText(text).cst, text);
}

function full(text: string, origin: string): string {
  const r = parseName(text);
  assert.ok(r.ok, text);
  return resolveName(r.name, origin);
}

test('names: relative, absolute, @, escapes, case; errors as BIND words them', () => {
  assert.equal(full('www', 'example.net.'), 'www.example.net.');
  assert.equal(full('WWW.Example.NET.', 'x.'), 'www.example.net.');
  assert.equal(full('@', 'example.net.'), 'example.net.');
  assert.equal(full('ns1', '.'), 'ns1.');
  assert.equal(full('a\\.b', 'example.net.'), 'a\\.b.example.net.');
  assert.equal(full('\\065b', 'example.net.'), 'ab.example.net.');
  assert.equal(full('www', '@'), 'www.@');
  for (const [bad, why] of [['a..b', /empty label/], ['.a', /empty label/], ['a'.repeat(64), /label too long/], ['a\\256', /bad escape/], ['a\\6', /bad escape/], [`${'a'.repeat(60)}.`.repeat(5), /name too long/]] as const) {
    const r = parseName(bad);
    assert.ok(!r.ok && why.test(r.message), `${bad}: ${JSON.stringify(r)}`);
  }
});

test('subdomains are label-aware: an escaped dot is not a boundary', () => {
  assert.ok(isSubdomain('www.example.net.', 'example.net.'));
  assert.ok(isSubdomain('example.net.', 'example.net.'));
  assert.ok(isSubdomain('anything.', '.'));
  assert.ok(!isSubdomain('wwwexample.net.', 'example.net.'));
  assert.ok(!isSubdomain('a\\.example.net.', 'example.net.'));
  assert.ok(!isSubdomain('a\\.b.', 'b.'));
  assert.equal(parentOf('www.example.net.'), 'example.net.');
  assert.equal(parentOf('net.'), '.');
  assert.equal(parentOf('a\\.b.c.'), 'c.');
});

test('TTLs: seconds, or every number with its unit; classes and types by mnemonic or number', () => {
  assert.equal(parseTTL('3600'), 3600);
  assert.equal(parseTTL('1h30m'), 5400);
  assert.equal(parseTTL('1W'), 604800);
  assert.equal(parseTTL('30m1h'), 5400);
  assert.equal(parseTTL('1h30'), undefined);
  assert.equal(parseTTL('4294967296'), undefined);
  assert.equal(lookupClass('in')?.name, 'IN');
  assert.equal(lookupClass('CLASS3')?.name, 'CH');
  assert.equal(lookupType('aaaa')?.code, 28);
  assert.equal(lookupType('TYPE28')?.name, 'AAAA');
  assert.equal(lookupType('TYPE65534')?.genericOnly, true);
  assert.equal(lookupType('TYPE65536'), undefined);
  assert.equal(lookupType('FOO'), undefined);
});

test('addresses as inet_pton reads them', () => {
  for (const ok of ['192.0.2.1', '0.0.0.0', '255.255.255.255']) assert.ok(isDottedQuad(ok), ok);
  for (const bad of ['192.0.2.01', '10.1', '256.0.0.1', '1.2.3.4/32', '1.2.3.4.5', '', 'a.b.c.d']) assert.ok(!isDottedQuad(bad), bad);
  for (const ok of ['::', '::1', '2001:db8::1', '1:2:3:4:5:6:7:8', '1::', '::ffff:192.0.2.1', '1:2:3:4:5:6:1.2.3.4', '2001:DB8::A']) assert.ok(isIPv6Text(ok), ok);
  for (const bad of [':::', '2001:db8:::1', '1::2::3', '1:2:3:4:5:6:7:8:9', '2001:db8::12345', 'fe80::1%eth0', '2001:db8::/64', '[::1]', '1:2:3:4:5:6:7:1.2.3.4', '::ffff:1.2.3', '1:', ':1']) {
    assert.ok(!isIPv6Text(bad), bad);
  }
});

test('owners: blank inherits the previous owner, $ORIGIN applies from its line, TTL and class in either order', () => {
  const m = model('$TTL 1h\n$ORIGIN example.net.\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\nns1 300 IN A 192.0.2.1\n IN 600 AAAA ::1\n$ORIGIN sub\nx A 192.0.2.2\n');
  assert.deepEqual(m.records.map((r) => `${r.owner} ${r.ttl} ${r.cls} ${r.type.name}`), [
    'example.net. 3600 IN SOA',
    'example.net. 3600 IN NS',
    'ns1.example.net. 300 IN A',
    'ns1.example.net. 600 IN AAAA',
    'x.sub.example.net. 3600 IN A',
  ]);
  assert.equal(m.apex, 'example.net.');
  assert.ok(m.originKnown);
  assert.deepEqual(m.problems, []);
});

test('without $ORIGIN, relative names share an unknown origin, or the origin is inferred from absolute names', () => {
  const unknown = model('$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n');
  assert.equal(unknown.apex, '@');
  assert.ok(!unknown.originKnown);
  assert.deepEqual(unknown.records.map((r) => r.owner), ['@', '@', 'ns1.@']);
  const inferred = model('$TTL 1h\n@ SOA ns1.example.net. hostmaster.example.net. 1 2 3 4 5\n@ NS ns1.example.net.\n@ NS ns2.example.org.\nns1 A 192.0.2.1\n');
  assert.equal(inferred.inferredOrigin, 'example.net.');
  assert.equal(inferred.apex, 'example.net.');
  assert.ok(!inferred.originKnown, 'an inferred origin is not a known one');
  assert.deepEqual(inferred.records.map((r) => r.owner), ['example.net.', 'example.net.', 'example.net.', 'ns1.example.net.']);
  // The SOA owner, when absolute, states the apex.
  assert.equal(model('example.org. 3600 IN SOA ns h 1 2 3 4 5\n').apex, 'example.org.');
});

test('$GENERATE templates: $, ${offset,width,base}, \\$ and $$; the expansion is capped', () => {
  assert.equal(substitute('host$', 7), 'host7');
  assert.equal(substitute('h${0,3,d}', 7), 'h007');
  assert.equal(substitute('h${10,4,x}', 7), 'h0011');
  assert.equal(substitute('h${0,2,X}', 255), 'hFF');
  assert.equal(substitute('${0,0,o}', 8), '10');
  assert.equal(substitute('${0,4,n}', 0x1a), 'a.1.0.0');
  assert.equal(substitute('a\\$b$$c$', 3), 'a$b$c3');
  assert.equal(substitute('${0,3', 1), undefined);
  const m = model('$TTL 1h\n$ORIGIN example.net.\n$GENERATE 1-3 host$ A 192.0.2.$\n$GENERATE 0-100/50 v6-$ AAAA 2001:db8::$\n');
  assert.deepEqual(m.generated.map((g) => `${g.owner} ${g.type.name} ${g.rhs}`), [
    'host1.example.net. A 192.0.2.1',
    'host2.example.net. A 192.0.2.2',
    'host3.example.net. A 192.0.2.3',
    'v6-0.example.net. AAAA 2001:db8::0',
    'v6-50.example.net. AAAA 2001:db8::50',
    'v6-100.example.net. AAAA 2001:db8::100',
  ]);
});

test('file patterns: *.zone and db.* / *.db under bind or named folders, nothing else', () => {
  for (const p of ['example.net.zone', '/etc/bind/db.example.net', '/var/named/db.local', 'etc/bind/example.db', '/var/named/example.net.db', 'C:\\bind\\db.x']) {
    assert.equal(dialectForPath(p)?.languageId, 'dns-zone', p);
  }
  for (const p of ['/etc/db.example.net', '/srv/example.db', '/etc/bind/named.conf', '/etc/bind/zones/db.example.net', 'zone']) {
    assert.notEqual(dialectForPath(p)?.languageId, 'dns-zone', p);
  }
});
