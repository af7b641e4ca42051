// named.conf completion through the Dialect: none inside comments and quoted strings, the usual entries elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindDialect } from '../../server/src/dialects/bind';
import { bindCompletionsAt, inCommentOrString } from '../../server/src/dialects/bind/completion';
import type { BindModel } from '../../server/src/dialects/bind/model';

const complete = (text: string, offset = text.length) => {
  const model = bindDialect.parse(text).model as BindModel;
  return bindDialect.completions!(model, text, offset).map((e) => e.label);
};

/** Completion labels at the `|` in the text (at its end when there is none). */
const at = (marked: string) => {
  const i = marked.indexOf('|');
  return i < 0 ? complete(marked) : complete(marked.slice(0, i) + marked.slice(i + 1), i);
};

test('no completion in a comment: //, # and /* */, at top level and inside a block', () => {
  for (const text of [
    '// comment ',
    '# comment ',
    '/* comment ',
    '/* a\n   comment */ /* another ',
    'options {\n\tdirectory "/var/cache/bind"; // comment ',
    'options {\n\t# comment |\n};',
    'options { /* comment | */ };',
    'zone "example.test" {\n\ttype primary; # the primary ',
  ]) {
    assert.deepEqual(at(text), [], JSON.stringify(text));
  }
});

test('no completion inside a quoted string, terminated or not', () => {
  assert.deepEqual(complete('options {\n\tdirectory "/var/ca'), []);
  const text = 'options {\n\tdirectory "/var/cache/bind";\n};\n';
  assert.deepEqual(complete(text, text.indexOf('bind"')), []);
  assert.deepEqual(complete('include "a\\"b // not a comment'), [], 'an escaped quote does not end the string');
  // Where a bare word would get names or statements: a quoted list element, a quoted word where a clause starts.
  assert.deepEqual(complete('acl lan { 10.0.0.0/8; };\noptions {\n\tallow-query { "la'), []);
  assert.deepEqual(at('options {\n\t"dir|";\n};'), []);
});

test('completion still works next to comments and strings: after a line comment, after */, after a string', () => {
  assert.ok(complete('// comment\n').includes('options'), 'on the line after a comment');
  assert.ok(complete('/* comment */ ').includes('options'), 'after a closed block comment');
  const text = 'options {\n\tdirectory "/var/cache/bind"; // "quoted" in a comment\n\t\n};\n';
  assert.ok(complete(text, text.indexOf('\t\n};') + 1).includes('allow-query'), 'the next line of the block');
  const addr = 'acl a { 10.0.0.0/8; };\n';
  assert.ok(complete(addr).includes('options'), 'a `/` in a prefix starts no comment');
});

test('inCommentOrString: token boundaries', () => {
  const t = 'a # c\nb "s" /* k */ d';
  assert.equal(inCommentOrString(t, t.indexOf('#')), false, 'before the #');
  assert.equal(inCommentOrString(t, t.indexOf('#') + 1), true, 'right after the #');
  assert.equal(inCommentOrString(t, t.indexOf('\n')), true, 'at the end of the comment line');
  assert.equal(inCommentOrString(t, t.indexOf('\n') + 1), false, 'on the next line');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 1), true, 'inside the string');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 2), true, 'before the closing quote');
  assert.equal(inCommentOrString(t, t.indexOf('"s"') + 3), false, 'after the closing quote');
  assert.equal(inCommentOrString(t, t.indexOf('*/')), true, 'before */');
  assert.equal(inCommentOrString(t, t.indexOf('*/') + 2), false, 'after */');
});

test("a dnssec-policy's keys list offers no TSIG key names (its entries are key roles); a server's keys list does", () => {
  const defs = 'key "tsig1" { algorithm hmac-sha256; secret "c2VjcmV0"; };\n';
  assert.ok(!at(`${defs}dnssec-policy p {\n\tkeys {\n\t\t|\n\t};\n};`).includes('tsig1'));
  assert.ok(at(`${defs}server 192.0.2.1 {\n\tkeys { | };\n};`).includes('tsig1'));
});

test('server lists offer the lists of their own kind: primaries lists in primaries, parental-agents lists in parental-agents', () => {
  const defs = 'primaries up { 192.0.2.1; };\nparental-agents pa { 192.0.2.2; };\n';
  const primaries = at(defs + 'zone "z" { type secondary; file "z"; primaries { | }; };\n');
  assert.ok(primaries.includes('up') && !primaries.includes('pa'), primaries.join(' '));
  const agents = at(defs + 'zone "z" { type primary; file "z"; parental-agents { | }; };\n');
  assert.ok(agents.includes('pa') && !agents.includes('up'), agents.join(' '));
});

/** Completion labels at a line and column (0-based, as the LSP position), for a target version. */
const atPos = (text: string, line: number, character: number, target?: string) => {
  const lines = text.split('\n');
  let offset = character;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  const model = bindDialect.parse(text).model as BindModel;
  return bindCompletionsAt(model, text, offset, target).map((e) => e.label);
};

test('after an option name: the values its shape takes in the target version, not option names', () => {
  // zone-type in lib/isccfg/namedconf.c; `master`/`slave` are synonyms and 9.18's named-checkconf calls
  // `type delegation-only` deprecated, so neither is offered.
  const zone = 'zone "x" {\n    type \n};';
  const types = ['forward', 'hint', 'mirror', 'primary', 'redirect', 'secondary', 'static-stub', 'stub'];
  assert.deepEqual(atPos(zone, 1, 9).sort(), types);
  assert.deepEqual(atPos(zone, 1, 9, '9.20').sort(), types);
  assert.deepEqual(atPos('options {\n    dnssec-validation \n};', 1, 22).sort(), ['auto', 'no', 'yes']);
  assert.deepEqual(atPos('options {\n    recursion \n};', 1, 14).sort(), ['no', 'yes']);
  // The word being typed is not a value already given: `type pri` still offers the types.
  assert.ok(atPos('zone "x" {\n    type pri\n};', 1, 12).includes('primary'));
  // Free-form values (a path, a number) get nothing rather than option names.
  assert.deepEqual(atPos('options {\n    directory \n};', 1, 14), []);
  assert.deepEqual(atPos('options {\n    port \n};', 1, 9), []);
  // With all its values given, a clause offers nothing more.
  assert.deepEqual(atPos('options {\n    recursion yes \n};', 1, 18), []);
  // A clause ended by `;` on the line: the next statement's names again.
  assert.ok(atPos('options {\n    recursion yes; \n};', 1, 19).includes('allow-query'));
});

test('after `key` in an address match list or a server list: only the key names', () => {
  const text = 'acl trusted { ::1; };\nkey k1 { algorithm hmac-sha256; secret "aGVsbG8="; };\noptions {\n    allow-transfer { key  };\n};';
  assert.deepEqual(atPos(text, 3, 25), ['k1']);
  const server = 'key k1 { algorithm hmac-sha256; secret "aGVsbG8="; };\nprimaries up { 192.0.2.1; };\nzone "z" { type secondary; file "z"; primaries { 192.0.2.2 key  }; };';
  assert.deepEqual(atPos(server, 2, 63), ['k1']);
  // Past an element's address, no list names (`up` would read as `192.0.2.2 up`).
  assert.ok(!atPos(server.replace('key  ', '  '), 2, 59).includes('up'));
});

test('statement names follow the target version and the zone type', () => {
  // named-checkconf 9.18: "option 'dscp' is obsolete and should be removed" (and random-device,
  // suppress-initial-notify); `auto-dnssec` "is deprecated". Completion entries have no deprecated tag: left out.
  const options = atPos('options {\n    \n};', 1, 4);
  for (const n of ['dscp', 'random-device', 'suppress-initial-notify', 'auto-dnssec']) assert.ok(!options.includes(n), n);
  assert.ok(options.includes('listen-on-v6') && options.includes('recursion'));
  // named-checkconf 9.18: "option 'multi-master' is not allowed in 'primary' zone".
  const primary = atPos('zone "x" {\n    type primary;\n    \n};', 2, 4);
  for (const n of ['multi-master', 'request-expire', 'request-ixfr', 'try-tcp-refresh', 'delegation-only']) assert.ok(!primary.includes(n), n);
  assert.ok(primary.includes('allow-transfer') && primary.includes('file'));
  const secondary = atPos('zone "x" {\n    type slave;\n    \n};', 2, 4);
  assert.ok(secondary.includes('multi-master') && secondary.includes('request-ixfr'), 'allowed in a secondary zone');
  // `template` is 9.21 only (lib/isccfg/namedconf.c of the development branch); 9.18 reads it as an unknown option.
  assert.ok(!atPos('\n', 0, 0).includes('template'));
  assert.ok(atPos('\n', 0, 0, '9.21').includes('template'));
  // An option 9.20 removed (named: "option 'dscp' no longer exists") stays out there too.
  assert.ok(!atPos('options {\n    \n};', 1, 4, '9.20').includes('random-device'));
});

test('old names of values (master, slave, master-only) are not offered; their current names are', () => {
  assert.deepEqual(atPos('options {\n    check-names \n};', 1, 16).sort(), ['primary', 'response', 'secondary']);
  assert.deepEqual(atPos('options {\n    notify \n};', 1, 11).sort(), ['explicit', 'no', 'primary-only', 'yes']);
  // Keywords after values already given, keywords the version flags obsolete left out (listen-on's `dscp`).
  assert.deepEqual(atPos('options {\n    listen-on-v6 port 53 \n};', 1, 25), ['tls', 'http']);
});
