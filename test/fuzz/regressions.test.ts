// Bugs the fuzz suite found, each reduced to a small text: the invariants of lib.ts hold on them, and what the fix
// must (not) do is stated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { apacheDialect } from '../../server/src/dialects/apache';
import { rcconfDialect } from '../../server/src/dialects/rcconf';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { checkText } from './lib';

test('apache/unknown-directive: a mangled opening tag closed by another name renames only what it spells', () => {
  // Invalid UTF-8 turned `<Location` into `<\ufffd\ufffdLocation`; the close `</Location` at the end of the file
  // is shorter than the opening name, and the rename used to run past the end of the text.
  const text = '<\ufffd\ufffdLocation /status>\n    Require local\n</Location\n';
  checkText(apacheDialect, text);
  const f = analyze(apacheDialect, text).findings.find((x) => x.rule === 'apache/unknown-directive');
  assert.ok(f && f.fixes.length > 0, 'the rename is still offered');
  for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.end <= text.length);
  assert.ok(f.fixes.every((fix) => fix.edits.length === 1), 'the close tag, which spells another name, is left alone');
});

test('sshd: with lone CR line breaks, "remove the line" never removes other lines', () => {
  // sshd reads a lone CR as a blank, so this is one line for sshd and four for the editor; deleting the editor's
  // line 0 removed a comment (and fix-all then removed one line per pass).
  const text = '# c1\r# c2\rProtocol 2\rPort 22\r';
  checkText(sshdDialect, text);
  const r = fixAll(sshdDialect, text);
  assert.ok(r.text.includes('# c1\r# c2\r'), `comments removed: ${JSON.stringify(r.text)}`);
  assert.ok(r.text.includes('Port 22'));
  // The ordinary case still gets its fix.
  assert.equal(fixAll(sshdDialect, '# c\nProtocol 2\nPort 22\n').text, '# c\nPort 22\n');
});

test('rcconf/duplicate-knob: a value that reads the knob through a mangled ${{...} is a use, not a replacement', () => {
  // `${{kld_list}` is a sh syntax error, but it names kld_list: deleting the line before it, then the line before
  // that on the next pass, and so on, removed every kld_list line of the file.
  const text = 'kld_list="a"\nkld_list="${kld_list} b"\nkld_list="${{kld_list} c"\n';
  checkText(rcconfDialect, text);
  assert.equal(fixAll(rcconfDialect, text).text, text);
  // A plain replacement is still found and fixed.
  assert.equal(fixAll(rcconfDialect, 'x_enable="NO"\nx_enable="YES"\n').text, 'x_enable="YES"\n');
});

test('rcconf/duplicate-knob: a chain whose last value reads nothing is reported whole, so fix-all is idempotent', () => {
  // `kld_list="{{kld_list} carp"` (a `$` flipped to `{`) reads nothing: every line of the chain before it is dead.
  // Only the last line of the chain used to be reported, and fix-all removed one line per pass.
  const text = 'kld_list=""\nkld_list="${kld_list} a"\nkld_list="${kld_list} b"\nkld_list="{{kld_list} c"\n';
  checkText(rcconfDialect, text);
  const once = fixAll(rcconfDialect, text, undefined, { maxPasses: 1 });
  assert.equal(once.text, 'kld_list="{{kld_list} c"\n');
  assert.ok(!once.analysis.findings.some((f) => f.fixes.some((x) => x.safe)));
  // A chain that ends by reading the knob is untouched.
  const live = 'kld_list=""\nkld_list="${kld_list} a"\nkld_list="${kld_list} b"\n';
  assert.equal(fixAll(rcconfDialect, live).text, live);
});
