// Single sendmail fixes applied on their own (fix-all's later passes must not be what makes them right): a fix
// that adds `, Family=inet6` to an unquoted DAEMON_OPTIONS argument quotes it too, or m4 would cut the new entry
// off at the comma (sendmail/unquoted-options would then report our own fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edits';
import { DIALECTS } from '../../server/src/core/registry';

const sendmail = DIALECTS.find((d) => d.name === 'sendmail')!;
const HEAD = "divert(0)dnl\nOSTYPE(`linux')dnl\nFEATURE(`no_default_msa')dnl\n";
const TAIL = "MAILER(`local')dnl\nMAILER(`smtp')dnl\n";

/** The text after the first fix of the one finding of `rule` in `line`. */
function firstFix(line: string, rule: string): string | undefined {
  const text = HEAD + line + '\n' + TAIL;
  const found = analyze(sendmail, text).findings.filter((f) => f.rule === rule);
  assert.equal(found.length, 1, `${rule} on ${line}: ${found.map((f) => f.message).join(' | ')}`);
  const fix = found[0].fixes[0];
  if (!fix) return undefined;
  const after = applyEdits(text, fix.edits);
  const again = analyze(sendmail, after).findings;
  assert.deepEqual(again.filter((f) => f.rule === 'sendmail/unquoted-options' || f.rule === rule).map((f) => f.message), [], `after '${fix.title}'`);
  return after.slice(HEAD.length, after.length - TAIL.length - 1);
}

test('no-inet6-daemon: Family=inet6 added to an unquoted argument quotes it (Linux)', () => {
  assert.equal(firstFix('DAEMON_OPTIONS(Port=2525)dnl', 'sendmail/no-inet6-daemon'), "DAEMON_OPTIONS(`Port=2525, Family=inet6')dnl");
  assert.equal(firstFix('DAEMON_OPTIONS( Port=2525 )dnl', 'sendmail/no-inet6-daemon'), "DAEMON_OPTIONS( `Port=2525, Family=inet6' )dnl");
  // Already split by m4: the same two insertions make it one quoted argument.
  assert.equal(firstFix('DAEMON_OPTIONS(Port=2525, Name=MTA-v4)dnl', 'sendmail/no-inet6-daemon'), "DAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6')dnl");
  assert.equal(firstFix('DAEMON_OPTIONS(Port=2525, Family=inet)dnl', 'sendmail/no-inet6-daemon'), "DAEMON_OPTIONS(`Port=2525, Family=inet6')dnl");
  // Quoted: only the entry is added.
  assert.equal(firstFix("DAEMON_OPTIONS(`Port=2525')dnl", 'sendmail/no-inet6-daemon'), "DAEMON_OPTIONS(`Port=2525, Family=inet6')dnl");
  // No Family to add and no comma: nothing to quote.
  assert.equal(firstFix('DAEMON_OPTIONS(Family=inet)dnl', 'sendmail/no-inet6-daemon'), 'DAEMON_OPTIONS(Family=inet6)dnl');
});

test('no-inet6-daemon: no fix where two insertions cannot quote the argument', () => {
  assert.equal(firstFix("DAEMON_OPTIONS('Port=2525')dnl", 'sendmail/no-inet6-daemon'), undefined);
});

test('family-mismatch: Use Family=inet6 on an unquoted argument quotes it', () => {
  assert.equal(firstFix('DAEMON_OPTIONS(Addr=::1)dnl', 'sendmail/family-mismatch'), "DAEMON_OPTIONS(`Addr=::1, Family=inet6')dnl");
  assert.equal(firstFix("DAEMON_OPTIONS(`Port=2525, Addr=::1')dnl", 'sendmail/family-mismatch'), "DAEMON_OPTIONS(`Port=2525, Addr=::1, Family=inet6')dnl");
});
