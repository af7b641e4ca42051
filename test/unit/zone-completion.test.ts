// Zone file completion: directives at the start of a line, record types (and IN) where the type goes, nothing in
// comments, strings, parenthesised data or after the type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoneDialect } from '../../server/src/dialects/zone';
import type { CompletionEntry } from '../../server/src/core/types';

const DIRECTIVES = ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE'];

/** Completion entries at the `|` in the text. */
const entriesAt = (marked: string): CompletionEntry[] => {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return zoneDialect.completions!(zoneDialect.parse(text).model, text, offset);
};
const at = (marked: string) => entriesAt(marked).map((e) => e.label);

const HEAD = '$TTL 1h\n$ORIGIN example.net.\n@ IN SOA ns1 hostmaster (\n\t1 ; serial\n\t2h 30m 2w 1h )\n\tIN NS ns1\n';

test('start of a line: the four directives, no record types', () => {
  for (const text of ['|', `${HEAD}|`, `${HEAD}|\nwww A 192.0.2.1\n`, `${HEAD}$TT|`]) {
    const labels = at(text);
    assert.deepEqual(labels, DIRECTIVES, JSON.stringify(text));
  }
  const ttl = entriesAt('|').find((e) => e.label === '$TTL')!;
  assert.equal(ttl.kind, 'keyword');
  assert.ok(ttl.detail && ttl.documentation?.includes('$TTL <ttl>'));
});

test('after an owner name (and a TTL, a class): record types, common ones first, and IN while no class is written', () => {
  const afterOwner = at(`${HEAD}www |`);
  assert.deepEqual(afterOwner.slice(0, 11), ['IN', 'A', 'AAAA', 'NS', 'MX', 'CNAME', 'TXT', 'SOA', 'PTR', 'SRV', 'CAA']);
  assert.ok(afterOwner.includes('TLSA') && afterOwner.includes('HTTPS'));
  assert.ok(!afterOwner.some((l) => l.startsWith('$')), 'no directives after the owner');
  // Query and pseudo types, types BIND refuses, and BIND's internal ones are never offered.
  for (const n of ['AXFR', 'IXFR', 'OPT', 'TSIG', 'MD', 'MF', 'KEYDATA', 'NULL']) assert.ok(!afterOwner.includes(n), n);

  const afterTTL = at(`${HEAD}www 3600 |`);
  assert.ok(afterTTL.includes('IN') && afterTTL.includes('AAAA'));
  const afterIN = at(`${HEAD}www 3600 IN |`);
  assert.ok(afterIN.includes('AAAA') && afterIN.includes('MX'));
  assert.ok(!afterIN.includes('IN'), 'one class per record');
  assert.ok(at(`${HEAD}www IN 1h |`).includes('A'), 'class before TTL');
  // An indented line inherits the owner: its first word is already the type (or a TTL or class).
  assert.ok(at(`${HEAD}\t|`).includes('NS'));
  assert.ok(at(`${HEAD}\tIN |`).includes('MX'));
  // The word being typed is still the type.
  assert.ok(at(`${HEAD}www IN AA|`).includes('AAAA'));
  // $GENERATE range lhs [ttl] [class] type. BIND 9.18 takes any type it knows there but the meta ones (lib/dns/master.c,
  // generate(); the PTR/CNAME/DNAME/A/AAAA/NS-only list was BIND 9.6 and before), so the list is the record one.
  assert.ok(at('$GENERATE 1-10 host-$ |\n').includes('PTR'));
  assert.deepEqual(at('$GENERATE 1-10 host-$ |\n'), at(`${HEAD}www |`));
  for (const n of ['MX', 'TXT', 'SRV']) assert.ok(at('$GENERATE 1-10 host-$ 1h IN |\n').includes(n), n);
  assert.deepEqual(at('$GENERATE 1-10 |\n'), []);
  assert.deepEqual(at('$TTL |\n'), []);
  // The other directives' arguments are names, a file or a TTL: nothing to offer there either.
  for (const text of ['$ORIGIN |\n', '$ORIGIN example.net. |\n', '$INCLUDE |\n', '$INCLUDE "db.x" |\n', '$ttl 1h |\n']) {
    assert.deepEqual(at(text), [], JSON.stringify(text));
  }
});

test('documentation and detail come from the record type data; deprecated types are tagged and current ones are not', () => {
  const entries = entriesAt(`${HEAD}www |`);
  const aaaa = entries.find((e) => e.label === 'AAAA')!;
  assert.equal(aaaa.detail, 'record type 28');
  assert.match(aaaa.documentation!, /IPv6 address/);
  assert.match(aaaa.documentation!, /rfc3596/);
  assert.match(entries.find((e) => e.label === 'IN')!.documentation!, /Internet class/);
  assert.equal(entries.find((e) => e.label === 'SPF')?.deprecated, true);
  assert.equal(entries.find((e) => e.label === 'A6')?.deprecated, true);
  for (const n of ['A', 'AAAA', 'TXT', 'IN']) assert.equal(entries.find((e) => e.label === n)?.deprecated, undefined, n);
  // Entries bring their order: the editor keeps common types first.
  const order = entries.map((e) => e.sortText!);
  assert.deepEqual([...order].sort(), order);
});

test('snippets for AAAA and SOA, only when nothing follows on the line', () => {
  const entries = entriesAt(`${HEAD}www |`);
  assert.equal(entries.find((e) => e.label === 'AAAA')?.snippet, 'AAAA ${1:2001:db8::1}');
  assert.match(entries.find((e) => e.label === 'SOA')!.snippet!, /^SOA \$\{1:[^}]+\} \$\{2:[^}]+\} \(\n/);
  assert.equal(entries.find((e) => e.label === 'A')?.snippet, undefined);
  assert.ok(entriesAt(`${HEAD}www | ; a comment\n`).find((e) => e.label === 'AAAA')?.snippet, 'a comment after the cursor is fine');
  const editing = entriesAt(`${HEAD}www IN A|AA 2001:db8::1\n`);
  assert.ok(editing.length > 0 && editing.every((e) => e.snippet === undefined), 'data after the cursor: plain types');
});

test('nothing in comments, quoted strings, parenthesised data, or after the type', () => {
  for (const text of [
    `${HEAD}; a comment |`,
    `${HEAD}www IN ; comment |`,
    `${HEAD}www IN A 192.0.2.1 ; |`,
    `${HEAD}www IN TXT "v=spf1 |"`,
    `${HEAD}www IN TXT "unclosed |`,
    `${HEAD}www IN TXT "closed"|`,
    // After the type: the data.
    `${HEAD}www A |`,
    `${HEAD}www 3600 IN AAAA |`,
    `${HEAD}www IN MX 10 |`,
    `${HEAD}\tA |`,
    // Inside a parenthesised group: on the same line, on a later line, and in one not closed yet.
    `${HEAD}www IN TXT ( |`,
    '@ IN SOA ns1 hostmaster (\n\t1 ; serial\n\t|\n\t2h 30m 2w 1h )\n',
    '@ IN SOA ns1 hostmaster (\n\t1\n\t|',
    '@ IN SOA ns1 hostmaster (\n\t1\n|',
  ]) {
    assert.deepEqual(at(text), [], JSON.stringify(text));
  }
  // A record after a closed group, and a new owner after an unclosed one (where the parser starts a new entry).
  assert.ok(at('@ IN SOA ns1 hostmaster ( 1 2h 30m 2w 1h )\nwww |').includes('AAAA'));
  assert.ok(at('@ IN SOA ns1 hostmaster (\n\t1\nwww |').includes('AAAA'));
  // A quoted string where the type goes is not a TTL or class: what follows is data, not a type.
  assert.deepEqual(at(`${HEAD}www "x" |`), []);
});

test('CRLF line ends and a cursor at the very end of a file without a final line break', () => {
  assert.ok(at('$TTL 1h\r\nwww |').includes('A'));
  assert.deepEqual(at('$TTL 1h\r\n|'), DIRECTIVES);
  assert.deepEqual(at('$TTL 1h\r\nwww IN A |\r\n'), []);
});

test('offset 0 of a text that starts with a line break is the start of an empty first line', () => {
  for (const text of ['|\n', '|\n\tA 192.0.2.1\n', '|\r\n\tIN A 192.0.2.1\r\n', '|\n\n', `|\n${HEAD}`]) {
    assert.deepEqual(at(text), DIRECTIVES, JSON.stringify(text));
  }
  // The same lines further down, after an empty line.
  assert.deepEqual(at('$TTL 1h\n\n|\n\tA 192.0.2.1\n'), DIRECTIVES);
  assert.ok(at('\n\t|A 192.0.2.1\n').includes('AAAA'), 'the indented line after the empty first one');
});

test('a position before the start or past the end of the text is read as the nearest end', () => {
  const cases: [text: string, offset: number, expected: string[]][] = [
    ['', 5, DIRECTIVES],
    [`${HEAD}www `, HEAD.length + 40, at(`${HEAD}www |`)],
    ['\tA 192.0.2.1\n', -1, DIRECTIVES],
    ['\tA 192.0.2.1\n', Number.NaN, DIRECTIVES],
  ];
  for (const [text, offset, expected] of cases) {
    const labels = zoneDialect.completions!(zoneDialect.parse(text).model, text, offset).map((e) => e.label);
    assert.deepEqual(labels, expected, `${JSON.stringify(text)} at ${offset}`);
  }
  // Every position, one past each end included, of texts with CRLF, a multi-line SOA, an unclosed group and string.
  const texts = [`\r\n${HEAD.replace(/\n/g, '\r\n')}`, '@ SOA a b (\r\n\r\n 1 2 3 4 5 ) ; x\r\n\t', '\n( a\\)\n\t"b\\\n', '\r\r\n\n'];
  for (const text of texts) {
    const p = zoneDialect.parse(text);
    for (let i = -1; i <= text.length + 1; i++) {
      assert.ok(Array.isArray(zoneDialect.completions!(p.model, text, i)), `${JSON.stringify(text)} at ${i}`);
    }
  }
});

test('an unclosed group whose last word ends in an escaped parenthesis still holds the next indented line', () => {
  assert.deepEqual(at('@ IN TXT ( a\\)\n\t|'), []);
  // Once a real `)` closes it, the next line is a record again.
  assert.ok(at('@ IN TXT ( a\\)\n\tb )\n\t|').includes('AAAA'));
});

test('a NUL byte at column 0 is a blank: the line is indented, its first word is the type', () => {
  assert.deepEqual(at('\0\tA |'), []);
  assert.deepEqual(at('\0www |'), []);
  assert.ok(at('\0\t|').includes('AAAA'));
  // Inside an unclosed group it does not start a new entry either.
  assert.deepEqual(at('@ IN SOA ns1 hostmaster (\n\t1\n\0\t|'), []);
});

test('a NUL byte on the line before the cursor is skipped, not read forever', () => {
  for (const text of ['\0; comment\n', 'www\0 IN ', '$TTL 1h\0\n', 'www 3600\0\0 ']) {
    const p = zoneDialect.parse(text);
    for (let i = 0; i <= text.length; i++) assert.ok(Array.isArray(zoneDialect.completions!(p.model, text, i)), `${JSON.stringify(text)} at ${i}`);
  }
  const text = 'www 3600\0 ';
  assert.ok(zoneDialect.completions!(zoneDialect.parse(text).model, text, text.length).some((e) => e.label === 'AAAA'));
});
