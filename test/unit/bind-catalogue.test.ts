// The named.conf clause catalogue: statement splitting at a missing ';' (named-checkconf's message and line),
// block contexts, value shapes, and the 9.18 / 9.20 differences it records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import { bindDialect } from '../../server/src/dialects/bind';
import { walkClauses, type BindModel } from '../../server/src/dialects/bind/model';
import { parseBindText } from '../../grammars/bind/parser';
import type { StatementNode, ValueNode } from '../../grammars/bind/cst';
import {
  BIND_VERSIONS,
  blockContexts,
  clauseArgCount,
  clauseDef,
  clauseHistory,
  clauseIn,
  clausesIn,
  contextsOf,
  finalSemicolonOptional,
  isListContext,
  isMapContext,
  isRawTextContext,
  listContexts,
  lookupClause,
  mapContexts,
  matchClause,
  normalizeZoneType,
  shapeText,
  suggestClauses,
} from '../../server/src/dialects/bind/catalogue';

/** bind/syntax findings as "line: message" (1-based lines, as named-checkconf prints them). */
function syntax(text: string): string[] {
  const a = analyze(bindDialect, text);
  const lines = new LineIndex(text);
  return a.findings.filter((f) => f.rule === 'bind/syntax').map((f) => `${lines.lineOf(f.span.start) + 1}: ${f.message}`);
}

function model(text: string): BindModel {
  return analyze(bindDialect, text).parse.model;
}

/** The values of the first statement of a one-statement text, without its name. */
function argsOf(statement: string): ValueNode[] {
  return parseBindText(statement).cst.statements[0].values.slice(1);
}

function firstStatement(text: string): StatementNode {
  return parseBindText(text).cst.statements[0];
}

// ---------------------------------------------------------------------------------------------------------
// Splitting: each expectation was checked with named-checkconf 9.18 (Debian 12), which prints the same line.

test('a missing ; after directory is reported before listen-on, on the listen-on line', () => {
  assert.deepEqual(syntax('options {\n directory "/x"\n listen-on { any; };\n};\n'), ["3: missing ';' before 'listen-on'"]);
});

test('named-checkconf-verified splits', () => {
  const cases: Array<[string, string[]]> = [
    ['options {\n listen-on { 127.0.0.1 10.0.0.1; };\n};\n', ["2: missing ';' before '10.0.0.1'"]],
    ['options {\n notify-source 192.0.2.1 port 53 dscp 3\n transfer-source 192.0.2.2;\n};\n', ["3: missing ';' before 'transfer-source'"]],
    ['zone "a" {\n type primary\n file "a.db";\n};\n', ["3: missing ';' before 'file'"]],
    ['key k {\n\talgorithm hmac - md5;\n\tsecret "eW91";\n};\n', ["2: missing ';' before '-'"]],
    ['dnssec-policy "p" {\n\tnsec3param salt "pepper";\n};\n', ["2: missing ';' before 'salt'"]],
    ['options {\n recursion yes\n allow-query { any; };\n};\n', ["3: missing ';' before 'allow-query'"]],
    ['logging {\n channel c {\n  file "f" versions 3 size 10m\n  severity info;\n };\n};\n', ["4: missing ';' before 'severity'"]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(syntax(text), expected, text);
});

test('statements BIND parses are never split (some are semantic errors; named-checkconf parses them all)', () => {
  const valid = [
    'options { listen-on port 5353 tls ephemeral http local { any; }; listen-on-v6 port 53 { ::1; fe80::1%lo; }; };',
    'options { query-source address * port 53; query-source-v6 address 2001:db8::1; transfer-source * port 0; };',
    'options { query-source 192.0.2.1 port 5300; query-source address none; query-source none; };',
    'options { forwarders port 53 { 2001:db8::1 port 5353; 192.0.2.1; }; dual-stack-servers port 53 { "ns.example." port 53; 2001:db8::53; }; };',
    'options { dnstap-output file "dnstap.bin" size 10m versions 3 suffix increment; dnstap { auth response; client; }; };',
    'options { response-policy { zone "rpz" policy cname x.example. log yes; zone "b"; } break-dnssec yes min-ns-dots 1; };',
    'options { rrset-order { class IN type A name "example.com" order cyclic; order random; }; };',
    'options { prefetch 2 9; max-cache-size 90%; max-cache-size unlimited; sig-validity-interval 30 7; fetches-per-server 100 drop; };',
    'options { deny-answer-addresses { 10/8; } except-from { "example.net"; }; check-names primary fail; };',
    'options { catalog-zones { zone "cat" default-primaries port 53 { 192.0.2.1 key k; } in-memory yes min-update-interval 5; }; };',
    'zone "e" { type primary; file "e.db"; update-policy { grant k zonesub ANY; grant * self * A AAAA; }; notify explicit; also-notify port 53 { 2001:db8::53 key k tls t; pri; }; };',
    'zone "e" { type secondary; primaries port 5353 { 192.0.2.1; 2001:db8::1 port 53 key "k"; }; masterfile-format raw; };',
    'dnssec-policy p { keys { ksk key-directory lifetime unlimited algorithm 13; zsk lifetime P30D algorithm ecdsa256 256; }; nsec3param iterations 0 optout no salt-length 0; };',
    'acl a { 10/8; !key k; geoip country US; { any; }; 10.0.0.0 / 8; "named-acl"; };',
    'controls { inet * port 953 allow { localhost; } keys { "rndc-key"; } read-only yes; unix "/run/x" perm 0600 owner 0 group 0; };',
    'statistics-channels { inet 127.0.0.1 port 8080 allow { 127.0.0.1; }; inet ::1; };',
    'logging { channel c { file "f" size 10m versions unlimited suffix timestamp; severity debug 3; print-time iso8601-utc; }; category default { c; null; }; };',
    'server 2001:db8::/32 { keys k; transfer-source 192.0.2.1; edns-udp-size 1232; };',
    'view "v" IN { match-clients { any; }; zone "z" IN { type forward; forwarders { 192.0.2.1; }; forward only; }; };',
    'trust-anchors { . initial-key 257 3 8 "AwEAAag"; "example." static-ds 12345 8 2 "49FD46E6"; };',
    'primaries p port 53 { 192.0.2.1; 2001:db8::1 key k; }; include "/etc/bind/x.conf";',
    'options { listen-on port @PORT@ { 10.53.0.1; }; notify-source 10.53.0.1 port @EXTRAPORT1@; };',
    'tls t { cert-file "c"; key-file "k"; protocols { TLSv1.3; }; }; http h { endpoints { "/dns-query"; }; };',
  ];
  for (const text of valid) assert.deepEqual(syntax(text), [], text);
});

test('clauseArgCount counts the values that belong to the clause, or says nothing', () => {
  assert.equal(clauseArgCount('options', 'directory', argsOf('directory "/x" listen-on { any; };')), 1);
  assert.equal(clauseArgCount('options', 'directory', argsOf('directory "/x";')), undefined);
  assert.equal(clauseArgCount('options', 'recursion', argsOf('recursion yes no;')), 1);
  // Unknown clauses and values the catalogue cannot read are left alone.
  assert.equal(clauseArgCount('options', 'no-such-option', argsOf('no-such-option 1 2 3;')), undefined);
  assert.equal(clauseArgCount('options', 'recursion', argsOf('recursion maybe;')), undefined);
  // A list element: its first value is the "name" (or pass the value itself as head).
  assert.equal(clauseArgCount('aml', '10.0.0.1', argsOf('x 10.0.0.2;')), 0);
  const st = firstStatement('! 10.0.0.1 10.0.0.2;');
  assert.equal(clauseArgCount('aml', '', st.values.slice(1), st.values[0]), 1);
});

// ---------------------------------------------------------------------------------------------------------
// Contexts.

test('options, view and zone blocks get their contexts; listen-on holds an address match list', () => {
  assert.equal(lookupClause('top', 'options')?.blockContext, 'options');
  assert.equal(lookupClause('top', 'view')?.blockContext, 'view');
  assert.equal(lookupClause('top', 'zone')?.blockContext, 'zone');
  assert.equal(lookupClause('view', 'zone')?.blockContext, 'zone');
  assert.equal(lookupClause('options', 'listen-on')?.blockContext, 'aml');
  assert.equal(lookupClause('options', 'listen-on-v6')?.blockContext, 'aml');
  assert.equal(lookupClause('zone', 'allow-transfer')?.blockContext, 'aml');
  assert.equal(lookupClause('top', 'acl')?.blockContext, 'aml');
  assert.equal(lookupClause('top', 'logging')?.blockContext, 'logging');
  assert.equal(lookupClause('logging', 'channel')?.blockContext, 'channel');
  assert.equal(lookupClause('top', 'primaries')?.blockContext, 'remote-servers');
  assert.equal(lookupClause('zone', 'primaries')?.blockContext, 'remote-servers');
  assert.equal(lookupClause('options', 'forwarders')?.blockContext, 'addresses');
  assert.equal(lookupClause('top', 'dyndb')?.blockContext, 'text');
  assert.equal(lookupClause('options', 'no-such-option'), undefined);
  assert.ok(lookupClause('aml', '10.0.0.1')?.element);

  const m = model('options { listen-on { 127.0.0.1; }; };\nview "v" { zone "z" { type primary; file "z"; }; };\nzone "y" { type hint; file "h"; };\n');
  const ctx = (name: string) => [...walkClauses(m.clauses)].filter((c) => c.name === name).map((c) => c.context);
  assert.deepEqual(ctx('listen-on'), ['options']);
  assert.deepEqual(ctx('127.0.0.1'), ['aml']);
  assert.deepEqual(ctx('zone'), ['view', 'top']);
  assert.deepEqual(ctx('type'), ['zone', 'zone']);
  assert.deepEqual(ctx('file'), ['zone', 'zone']);
});

test('blockContexts names every block of a statement', () => {
  assert.deepEqual(blockContexts('controls', 'inet', argsOf('inet * allow { any; } keys { k; };')), [undefined, undefined, 'aml', undefined, 'keys']);
  assert.deepEqual(blockContexts('options', 'deny-answer-aliases', argsOf('x { "a"; } except-from { "b"; };')), ['names', undefined, 'names']);
  const nested = firstStatement('{ 10/8; };');
  assert.deepEqual(blockContexts('aml', '', [], nested.values[0]), ['aml']);
  assert.equal(blockContexts('options', 'listen-on', argsOf('listen-on bogus;')), undefined);
});

test('contexts are listed; raw text and lenient blocks are marked', () => {
  for (const c of ['top', 'options', 'view', 'zone', 'logging', 'channel', 'key', 'server', 'controls', 'statistics-channels', 'dnssec-policy', 'tls', 'http', 'dlz', 'rate-limit', 'dns64', 'key-store'])
    assert.ok(isMapContext(c), c);
  for (const c of ['aml', 'remote-servers', 'addresses', 'trust-anchors', 'update-policy', 'response-policy-zones', 'catalog-zones', 'dnssec-policy-keys', 'server-key'])
    assert.ok(isListContext(c), c);
  assert.ok(mapContexts().includes('zone') && listContexts().includes('aml'));
  assert.ok(isRawTextContext('text'));
  assert.ok(finalSemicolonOptional('server-key') && !finalSemicolonOptional('keys'));
});

// ---------------------------------------------------------------------------------------------------------
// Versions and flags.

test('9.18 and 9.20 differences', () => {
  // New in 9.20.
  for (const [ctx, name] of [['top', 'remote-servers'], ['top', 'key-store'], ['zone', 'check-svcb'], ['zone', 'checkds'], ['options', 'tcp-reuse-timeout'], ['dnssec-policy', 'inline-signing']] as const) {
    assert.equal(clauseIn(ctx, name, '9.18'), undefined, `${name} is not in 9.18`);
    assert.ok(clauseIn(ctx, name, '9.20'), `${name} is in 9.20`);
    assert.ok(!clausesIn(ctx, '9.18').includes(name) && clausesIn(ctx, '9.20').includes(name));
  }
  // Gone (ancient: named refuses to start) in 9.20.
  assert.equal(clauseIn('options', 'tkey-dhkey', '9.18')?.status, 'deprecated');
  assert.equal(clauseIn('options', 'tkey-dhkey', '9.20')?.status, 'ancient');
  assert.equal(clauseIn('zone', 'auto-dnssec', '9.18')?.status, 'deprecated');
  assert.equal(clauseIn('zone', 'auto-dnssec', '9.20')?.status, 'ancient');
  assert.ok(!clausesIn('zone', '9.20').includes('auto-dnssec'));
  assert.ok(clausesIn('zone', '9.20', { includeAncient: true }).includes('auto-dnssec'));
  assert.deepEqual(clauseHistory('options', 'glue-cache'), [
    { version: '9.18', status: 'deprecated' },
    { version: '9.20', status: 'ancient' },
    { version: 'main', status: 'ancient' },
  ]);
  // dscp: an obsolete keyword of listen-on in 9.18, gone from the grammar in 9.20.
  const dscp = argsOf('listen-on port 53 dscp 46 { any; };');
  assert.equal(matchClause('options', 'listen-on', dscp, '9.18')?.complete, true);
  assert.equal(matchClause('options', 'listen-on', dscp, '9.20')?.complete, false);
  // `delegation-only` zones are gone in 9.20.
  assert.equal(matchClause('zone', 'type', argsOf('type delegation-only;'), '9.18')?.complete, true);
  assert.equal(matchClause('zone', 'type', argsOf('type delegation-only;'), '9.20')?.complete, false);
  assert.deepEqual(BIND_VERSIONS, ['9.18', '9.20']);
});

test('flags: multi, experimental, build features, zone types', () => {
  assert.equal(clauseIn('options', 'listen-on', '9.18')?.multi, true);
  assert.equal(clauseIn('options', 'directory', '9.18')?.multi, false);
  assert.equal(clauseIn('options', 'allow-proxy', '9.20')?.status, 'experimental');
  assert.equal(clauseIn('options', 'dnstap', '9.18')?.build, 'dnstap');
  assert.deepEqual(clauseIn('zone', 'allow-update', '9.18')?.zoneTypes, ['primary']);
  assert.ok(clausesIn('zone', '9.18', { zoneType: 'secondary' }).includes('primaries'));
  assert.ok(!clausesIn('zone', '9.18', { zoneType: 'primary' }).includes('primaries'));
  assert.equal(normalizeZoneType('master'), 'primary');
  assert.equal(normalizeZoneType('SLAVE'), 'secondary');
  assert.equal(normalizeZoneType('bogus'), undefined);
});

test('shapes: the grammar of a clause reads like the ARM', () => {
  const def = clauseDef('options', 'listen-on');
  assert.ok(def);
  assert.equal(shapeText(def.versions['9.20']!.shape!), '[ port <integer> ] [ proxy <string> ] [ tls <string> ] [ http <string> ] { <address_match_element>; ... }');
  assert.equal(shapeText(clauseIn('zone', 'notify-source', '9.20')!.shape!), '( <ipv4_address> | * ) [ port ( <integer> | * ) ]');
  const bad = matchClause('zone', 'transfer-source', argsOf('transfer-source 2001:db8::1;'), '9.18');
  assert.equal(bad?.complete, false);
  assert.equal(bad?.furthest, 0);
  assert.ok(bad?.expected.some((e) => e.includes('<ipv4_address>')));
});

test('did you mean, and where a clause belongs', () => {
  assert.deepEqual(suggestClauses('options', 'listen-on-ipv6', '9.18').slice(0, 1), ['listen-on-v6']);
  assert.ok(suggestClauses('zone', 'primarys', '9.18').includes('primaries'));
  assert.deepEqual(contextsOf('listen-on', '9.18'), ['options']);
  assert.ok(contextsOf('allow-transfer', '9.18').includes('zone'));
});

test('every clause of every version has a shape, or is ancient', () => {
  for (const ctx of mapContexts()) {
    for (const v of ['9.18', '9.20', 'main'] as const) {
      for (const name of clausesIn(ctx, v, { includeAncient: true })) {
        const cv = clauseIn(ctx, name, v)!;
        assert.ok(cv.shape || cv.status === 'ancient', `${ctx} ${name} ${v}`);
      }
    }
  }
});
