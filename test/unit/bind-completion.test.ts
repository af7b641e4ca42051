// named.conf completion through the Dialect: none inside comments and quoted strings, the usual entries elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindDialect } from '../../server/src/dialects/bind';
import { inCommentOrString } from '../../server/src/dialects/bind/completion';
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
