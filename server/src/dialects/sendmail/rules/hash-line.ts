// sendmail/hash-line: a `#` "comment" holding a macro call. cf.m4 turns m4 comments off (changecom()), so the
// macro still expands: a "commented-out" DAEMON_OPTIONS still opens its socket. Only `dnl` comments out.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { CF_README } from '../catalogue';
import type { HashEffect, SendmailModel } from '../model';

/** `FEATURE(`x')` for a call whose first argument names something, else `NAME(...)`, or the bare word. */
function effectName(e: HashEffect, text: string): string {
  if (!e.call) return e.word!.image;
  const a = e.call.args[0];
  const first = a ? text.slice(a.start, a.end).trim() : '';
  return /^`[A-Za-z0-9_.-]+'$/.test(first) ? `${e.call.name}(${first})` : `${e.call.name}(...)`;
}

function consequence(e: HashEffect, text: string): string {
  const c = e.call;
  if (c?.name === 'DAEMON_OPTIONS') return `sendmail still gets this daemon (${text.slice(c.open + 1, Math.max(c.open + 1, c.close)).replace(/[`']/g, '').trim()})`;
  if (c?.name === 'CLIENT_OPTIONS') return 'sendmail still gets these client options';
  if (c?.name === 'FEATURE') return 'the feature is still loaded';
  if (c?.name === 'MAILER') return 'the mailer is still defined';
  if (c?.name === 'define' || c?.name === 'undefine') return `the ${c.name} still takes effect`;
  if (c) return `m4 still expands ${c.name}`;
  const w = e.word!.image;
  if (w === 'divert' || w === 'undivert') return `m4 still runs ${w} here (output goes to diversion 0 from this point)`;
  if (w === 'changequote' || w === 'changecom') return `m4 still runs ${w} here`;
  if (w === 'm4exit') return 'm4 stops reading here';
  return `m4 still expands ${w} here, without arguments`;
}

export default defineRule<SendmailModel>({
  id: 'sendmail/hash-line',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'A `#` line (or the rest of a line after `#`) holding a macro call, which m4 still expands.',
    why:
      'In a .mc file `#` is not a comment: cf.m4 runs `changecom()`, so m4 expands macros on `#` lines like anywhere ' +
      'else. `# DAEMON_OPTIONS(...)` meant as a disabled line still adds the daemon (measured: sendmail then answers on it); ' +
      '`# FEATURE(...)` still includes the feature; a bare `divert` sends the rest of the file to the .cf. Only `dnl` ' +
      'removes text. (Before a Debian-style include of cf.m4, `#` is still a real comment, and those lines are not reported.)',
    bad: "# DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6, Addr=::1')",
    good: "dnl DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6, Addr=::1')",
    fix: 'Safe: replaces the `#` with `dnl`, which is what the line means. Not offered when the call continues on the next line.',
    references: [CF_README, 'research/real-daemons.md §3e (the # line still listens on ::1)'],
  },
  check(ctx) {
    const byHash = new Map<number, HashEffect[]>();
    for (const e of ctx.model.hashEffects) {
      const list = byHash.get(e.hash) ?? [];
      list.push(e);
      byHash.set(e.hash, list);
    }
    for (const [hash, effects] of byHash) {
      const first = effects[0];
      const span = first.call ? first.call.nameSpan : { start: first.word!.start, end: first.word!.end };
      const hashLine = ctx.lines.lineOf(hash);
      const multiLine = effects.some((e) => e.call && (e.call.close < 0 || ctx.lines.lineOf(e.call.close) !== hashLine));
      const next = ctx.text[hash + 1];
      const fixes: Fix[] = multiLine ? [] : [{ title: 'Comment it out with dnl', safe: true, edits: [{ start: hash, end: hash + 1, newText: next === ' ' || next === '\t' ? 'dnl' : 'dnl ' }] }];
      const names = effects.map((e) => effectName(e, ctx.text)).join(', ');
      ctx.report({
        span,
        message: `'#' does not comment out ${names} in a .mc file (cf.m4 turns m4 comments off): ${consequence(first, ctx.text)}. Use dnl to comment it out.`,
        fixes,
      });
    }
  },
});
