// Zone editor features: hover on RR types, classes, TTLs, directives, names and SOA fields; symbols per owner;
// folding of parenthesised records; the TextMate grammar knows every type the hover knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { zoneDialect } from '../../server/src/dialects/zone';
import { RR_TYPES } from '../../server/src/dialects/zone/rrtypes';

const SAMPLE = `$TTL 1h30m
$ORIGIN example.net.
@       IN  SOA   ns1 hostmaster (
                  2024061801 ; serial
                  2h 30m 2w 1h )
        IN  NS    ns1
ns1     300 IN  A     192.0.2.53
www     IN  AAAA  2001:db8::80
x       CH  TYPE65534 \\# 0
$GENERATE 1-3 host$ A 192.0.2.$
`;

function hover(needle: string, nth = 0, delta = 1): string | undefined {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = SAMPLE.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const r = zoneDialect.parse(SAMPLE);
  return zoneDialect.hover!(r.model, SAMPLE, i + delta)?.markdown;
}

test('hover explains RR types with a link to their RFC or the IANA registry', () => {
  const aaaa = hover('AAAA')!;
  assert.match(aaaa, /\*\*AAAA\*\* — resource record type 28/);
  assert.match(aaaa, /IPv6-only/);
  assert.match(aaaa, /\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc3596#section-2\)/);
  assert.match(hover('SOA')!, /Start of authority/);
  assert.match(hover('TYPE65534')!, /generic/);
  assert.match(hover('\\#')!, /RFC 3597/);
});

test('hover on classes, TTLs, directives and SOA timers', () => {
  assert.match(hover('CH')!, /class 3/);
  assert.match(hover(' 300 ')!, /300 seconds \(5 minutes\)/);
  assert.match(hover('$TTL')!, /\$TTL <ttl>/);
  assert.match(hover('1h30m')!, /5400 seconds \(1 hour 30 minutes\)/);
  assert.match(hover('$GENERATE')!, /\$GENERATE <start>-<stop>/);
  assert.match(hover('2w')!, /expire.*1209600 seconds \(2 weeks\)/s);
  assert.match(hover('2024061801')!, /serial/);
});

test('hover on names shows them fully qualified, with the records at the name', () => {
  const ns1 = hover('ns1', 2)!;
  assert.match(ns1, /owner name/);
  assert.match(ns1, /ns1\.example\.net\./);
  assert.match(ns1, /Records at this name: A \(no AAAA/);
  assert.match(hover('ns1', 1)!, /NS target/);
  assert.match(hover('hostmaster')!, /mailbox/);
  const relative = zoneDialect.parse('@ 1h IN SOA ns1 h 1 2 3 4 5\nwww IN A 192.0.2.1\n');
  assert.match(zoneDialect.hover!(relative.model, '', 30)!.markdown, /zone name in named\.conf/);
});

test('symbols: one per run of records at an owner, with the records inside, plus the directives', () => {
  const r = zoneDialect.parse(SAMPLE);
  const symbols = zoneDialect.symbols!(r.model, SAMPLE);
  assert.deepEqual(
    symbols.map((s) => `${s.name} [${s.detail}] ${s.children.map((c) => c.name).join(',')}`),
    ['$TTL [1h30m] ', '$ORIGIN [example.net.] ', '@ [SOA NS — example.net.] SOA,NS', 'ns1 [A — ns1.example.net.] A', 'www [AAAA — www.example.net.] AAAA', 'x [TYPE65534 — x.example.net.] TYPE65534', '$GENERATE [1-3 host$ A 192.0.2.$] '],
  );
  for (const s of symbols) {
    assert.ok(s.span.start <= s.selection.start && s.selection.end <= s.span.end, s.name);
    for (const c of s.children) assert.ok(s.span.start <= c.span.start && c.span.end <= s.span.end, `${s.name}/${c.name}`);
  }
});

test('folding: records whose parentheses span lines', () => {
  const r = zoneDialect.parse(SAMPLE);
  const spans = zoneDialect.folding!(r.model, SAMPLE);
  assert.equal(spans.length, 1);
  assert.equal(SAMPLE.slice(spans[0].start, spans[0].end), SAMPLE.slice(SAMPLE.indexOf('@  '), SAMPLE.indexOf('1h )') + 4));
});

test('the TextMate grammar colours every RR type the model knows', () => {
  const grammar = JSON.parse(readFileSync('syntaxes/dns-zone.tmLanguage.json', 'utf8'));
  const begin: string = grammar.repository.record.begin;
  const group = /\(\?i:((?:[A-Z0-9\\-]+\|)+TYPE\[0-9\]\+)\)/.exec(begin);
  assert.ok(group, 'the record rule lists the types in one (?i:...) group');
  const listed = new Set(group[1].split('|').map((t) => t.replace(/\\-/g, '-')));
  for (const t of RR_TYPES) if (!t.meta) assert.ok(listed.has(t.name), `${t.name} is not in the TextMate grammar`);
});
