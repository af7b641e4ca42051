// What the annotated fixtures cannot show for the BIND IPv6 rules: the target version (deprecated-syntax under
// 9.20), related locations through named lists, and messages that name the list followed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { bindDialect } from '../../server/src/dialects/bind';

const only = (rule: string, text: string, targets: Record<string, string> = {}) =>
  analyze(bindDialect, text, { ...DEFAULT_SETTINGS, targets }).findings.filter((f) => f.rule === rule);

test('deprecated-syntax: a top-level masters list becomes primaries for 9.18, remote-servers for 9.20', () => {
  const text = 'masters up { fd00::53; };\nprimaries other { fd00::54; };\n';
  assert.deepEqual(only('bind/deprecated-syntax', text).map((f) => f.fixes[0].edits[0].newText), ['primaries']);
  const v920 = only('bind/deprecated-syntax', text, { bind: '9.20' });
  assert.deepEqual(v920.map((f) => f.fixes[0].edits[0].newText), ['remote-servers', 'remote-servers']);
  assert.match(v920[0].message, /BIND 9\.20/);
  const fixed = fixAll(bindDialect, text, { ...DEFAULT_SETTINGS, targets: { bind: '9.20' } });
  assert.equal(fixed.text, 'remote-servers up { fd00::53; };\nremote-servers other { fd00::54; };\n');
});

test('deprecated-syntax: masters beside primaries in one zone gets no fix', () => {
  const f = only('bind/deprecated-syntax', 'zone "z" { type secondary; file "f"; primaries { fd00::1; }; masters { fd00::2; }; };\n');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fixes, []);
  assert.match(f[0].message, /keep one/);
});

test('ipv4-only-acl: the message and related locations name the acls followed; unknown acls are not guessed', () => {
  const text = 'acl a { b; };\nacl b { 10.0.0.0/8; };\noptions { allow-query { a; }; allow-transfer { elsewhere; }; allow-notify { a; a; }; };\n';
  const f = only('bind/ipv4-only-acl', text);
  assert.equal(f.length, 2);
  assert.match(f[0].message, /through acl 'a', acl 'b'/);
  assert.deepEqual(f[0].related?.map((r) => text.slice(r.span.start, r.span.end)), ['a', 'b']);
});

test('ipv4-only-acl and ipv4-only-upstream: cycles between named lists end', () => {
  const text = 'acl a { b; 10.0.0.1; };\nacl b { a; };\nprimaries p { q; 10.0.0.2; };\nprimaries q { p; };\noptions { allow-query { a; }; };\nzone "z" { type secondary; file "f"; primaries { p; }; };\n';
  assert.equal(only('bind/ipv4-only-acl', text).length, 1);
  assert.equal(only('bind/ipv4-only-upstream', text).length, 1);
});

test('non-canonical-ipv6: zone index and prefix are kept as written', () => {
  const f = only('bind/non-canonical-ipv6', 'acl a { FE80::1%Eth0; 2001:DB8::/32; };\n');
  assert.deepEqual(f.map((x) => x.fixes[0].edits[0].newText), ['fe80::1', '2001:db8::']);
  assert.equal(fixAll(bindDialect, 'acl a { FE80::1%Eth0; 2001:DB8::/32; };\n').text, 'acl a { fe80::1%Eth0; 2001:db8::/32; };\n');
});

test('listen twins for DNS over TLS and HTTPS carry the transport over, not only the port', () => {
  // No listen-on-v6 at all: the twin would otherwise serve plain DNS on 853 (and 443) where IPv4 serves DoT (DoH).
  const text = 'options {\n\tlisten-on port 853 tls ephemeral { 127.0.0.1; };\n\tlisten-on port 443 tls ephemeral http default { 127.0.0.1; ::1; };\n};\n';
  const port = only('bind/listen-on-v6-port', text);
  assert.deepEqual(port.map((f) => f.fixes[0].edits[0].newText.trim()), ['listen-on-v6 port 853 tls ephemeral { any; };', 'listen-on-v6 port 443 tls ephemeral http default { any; };']);
  const moved = only('bind/ipv6-in-listen-on', text);
  assert.equal(moved.length, 1);
  assert.equal(moved[0].fixes[0].title.split(' (')[0], 'Move ::1 to a new listen-on-v6 port 443 tls ephemeral http default');
  assert.ok(moved[0].fixes[0].edits.some((e) => e.newText.includes('listen-on-v6 port 443 tls ephemeral http default { ::1; };')));
});

test('deprecated-syntax: default-masters beside default-primaries in one catalog zone gets no fix', () => {
  const text = 'options { catalog-zones { zone "catalog.example" default-primaries { 10.53.0.1; } default-masters { 10.53.0.2; }; }; };\n';
  const f = only('bind/deprecated-syntax', text);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fixes, []);
  assert.match(f[0].message, /keep one/);
});

test('ipv6-in-listen-on / ipv4-in-listen-on-v6: a negated wrong-family element is no address to move', () => {
  const f = only('bind/ipv6-in-listen-on', 'options { listen-on { !::1; 127.0.0.1; }; };\n');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /negation '!::1' has no effect/);
  assert.doesNotMatch(f[0].message, /Move it/);
  assert.deepEqual(f[0].fixes.map((x) => [x.title, x.safe]), [['Remove !::1 from listen-on (it has no effect there)', true]]);
  const g = only('bind/ipv4-in-listen-on-v6', 'options { listen-on { 127.0.0.1; }; listen-on-v6 { !127.0.0.1; ::1; }; };\n');
  assert.equal(g.length, 1);
  assert.doesNotMatch(g[0].fixes[0].title, /already lists it/);
});

test('ipv6-in-listen-on: an acl bringing IPv6 into listen-on is reported at its name, with the addresses related', () => {
  const text = 'acl lo6 { 2001:db8::53; };\noptions { listen-on { 127.0.0.1; lo6; }; listen-on-v6 { none; }; };\n';
  const f = only('bind/ipv6-in-listen-on', text);
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].span.start, f[0].span.end), 'lo6');
  assert.match(f[0].message, /acl 'lo6' brings IPv6 address '2001:db8::53'/);
  assert.deepEqual(f[0].fixes, []);
  assert.deepEqual(f[0].related?.map((r) => text.slice(r.span.start, r.span.end)), ['2001:db8::53']);
});

test('ipv4-only-acl: a view match list lets IPv6 clients fall through; allow-* lists refuse them', () => {
  const f = only('bind/ipv4-only-acl', 'view v { match-clients { 10.0.0.0/8; }; match-destinations { 10.0.0.1; }; allow-query { 10.0.0.0/8; }; };\n');
  assert.equal(f.length, 3);
  assert.match(f[0].message, /IPv6 clients never match this view and fall through to the next one/);
  assert.doesNotMatch(f[0].message, /refuses/);
  assert.match(f[1].message, /fall through to the next one/);
  assert.match(f[2].message, /named refuses every IPv6 client/);
});
