// sendmail/unquoted-options: a DAEMON_OPTIONS / CLIENT_OPTIONS argument m4 splits at its first comma (not
// quoted, or quoted with ' instead of `): everything after the comma, Family=inet6 included, is lost.
import { argValue } from '../../../../../grammars/sendmail/cst';
import { defineRule } from '../../../core/rule';
import { CF_README } from '../catalogue';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/unquoted-options',
  severity: 'error',
  docs: {
    summary: 'A DAEMON_OPTIONS or CLIENT_OPTIONS argument that is not one `...\' quoted string: m4 cuts it at the first comma.',
    why:
      'm4 splits a macro’s arguments at commas outside quotes, and DAEMON_OPTIONS uses only its first argument. ' +
      '`DAEMON_OPTIONS(Port=2525, Name=MTA-v6, Family=inet6)` therefore becomes `O DaemonPortOptions=Port=2525`: the name ' +
      'and Family=inet6 vanish, sendmail listens on IPv4 only, and neither m4 nor sendmail says a word. Straight quotes ' +
      "('...') are not m4 quotes and do the same.",
    bad: 'DAEMON_OPTIONS(Port=2525, Name=MTA-v6, Family=inet6)dnl',
    good: "DAEMON_OPTIONS(`Port=2525, Name=MTA-v6, Family=inet6')dnl",
    fix: 'Safe: wraps the whole argument in `...\' (straight quotes removed), which is what the line means.',
    references: [CF_README, 'research/real-daemons.md §3e and the addendum (measured: IPv4 only)'],
  },
  check(ctx) {
    for (const d of [...ctx.model.daemons, ...ctx.model.clients]) {
      if (!d.split) continue;
      const call = d.call;
      const kept = argValue(ctx.text, call.args[0]).replace(/[`']/g, '').trim();
      const inner = ctx.text.slice(d.inner.start, d.inner.end);
      const intended = inner.replace(/[`']/g, '').trim();
      const lost = intended.startsWith(kept) ? intended.slice(kept.length).replace(/^\s*,\s*/, '') : '';
      // Not when a dnl comment or a line break sits inside: quoting would swallow the comment.
      const fixable = call.close >= 0 && !/[()\n]|(?<![A-Za-z0-9_])dnl(?![A-Za-z0-9_])/.test(inner);
      ctx.report({
        span: { start: call.open + 1, end: Math.max(call.open + 1, d.inner.end) },
        message:
          `m4 splits this unquoted argument at its first comma: sendmail gets only '${kept}'` +
          (lost ? ` and loses '${lost}'` : '') +
          `. Quote it: ${call.name}(\`${intended}').`,
        fixes: fixable ? [{ title: 'Quote the whole argument', safe: true, edits: [{ start: d.inner.start, end: d.inner.end, newText: `\`${intended}'` }] }] : [],
      });
    }
  },
});
