// rc.conf fixes that insert a line use the file's own line break, and none is inserted into a file sh reads as one
// line (lone CR line breaks) until rcconf/carriage-return has given it real ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../../server/src/core/analyze';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { insertLineAfter } from '../../server/src/dialects/rcconf/edits';
import { applyEdits } from '../../server/src/core/edits';

function inserted(text: string, name: string): string | undefined {
  const { model } = rcconfDialect.parse(text);
  const a = model.assignments.find((x) => x.name === name);
  assert.ok(a, `no assignment ${name}`);
  const e = insertLineAfter(model, a, 'new="1"');
  return e && applyEdits(text, [e]);
}

test('a line inserted after the last line takes the break the file uses elsewhere', () => {
  assert.equal(inserted('a="1"\nb="2"', 'b'), 'a="1"\nb="2"\nnew="1"');
  assert.equal(inserted('a="1"\r\nb="2"', 'b'), 'a="1"\r\nb="2"\r\nnew="1"');
  // The last line of a CRLF file that lost its LF: the \r is no line break for sh, the inserted line gets a whole one.
  assert.equal(inserted('a="1"\r\nb="2"\r', 'b'), 'a="1"\r\nb="2"\r\nnew="1"\r');
  assert.equal(inserted('a="1"\r\nb="2"\r\n', 'a'), 'a="1"\r\nnew="1"\r\nb="2"\r\n');
});

test('no line is inserted into a file whose lines end in CR alone', () => {
  // sh reads this as one line: a \r-separated line would join the value before it, a \n one would be the file's only break.
  assert.equal(inserted('a="1"\rb="2"', 'a'), undefined);
});

test('fix-all on an old Mac rc.conf gives Unix line endings, then the inserted line', () => {
  const text = 'hostname="gw.example.net"\rifconfig_gif0_ipv6="inet6 2001:db8:1::2 2001:db8:1::1 prefixlen 128"\r';
  const result = fixAll(rcconfDialect, text, undefined, { pick: 'first' });
  assert.equal(
    result.text,
    'hostname="gw.example.net"\nifconfig_gif0_ipv6="inet6 2001:db8:1::2 2001:db8:1::1 prefixlen 128"\nipv6_defaultrouter="2001:db8:1::1"\n',
  );
});
