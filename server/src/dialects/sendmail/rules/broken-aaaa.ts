// sendmail/broken-aaaa: an IPv6-enabled .mc without `WorkAroundBrokenAAAA` in confBIND_OPTS. When a
// destination's name servers time out on AAAA queries, sendmail defers the mail instead of using IPv4.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { CF_README } from '../catalogue';
import { insertLineAfter } from '../edits';
import { definitionOf, type SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/broken-aaaa',
  severity: 'hint',
  docs: {
    summary: 'A .mc that sets up IPv6 but leaves `WorkAroundBrokenAAAA` out of confBIND_OPTS (ResolverOptions).',
    why:
      'For every delivery sendmail asks for the destination’s AAAA records first. If the destination’s name servers time ' +
      'out or fail on AAAA queries — broken DNS servers and middleboxes that drop them still exist — sendmail treats the ' +
      'lookup as a temporary failure and keeps the mail queued, although the A records would work. With ' +
      '`WorkAroundBrokenAAAA` it falls back to IPv4 (daemon.c, makeconnection). Today most DNS answers AAAA correctly, so ' +
      'this rarely matters, and the option costs nothing. Debian’s OSTYPE(`debian\') sets it, unless the .mc defines ' +
      'confBIND_OPTS itself.',
    bad: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl\ndefine(`confBIND_OPTS', `-DNSRCH')dnl",
    good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl\ndefine(`confBIND_OPTS', `-DNSRCH WorkAroundBrokenAAAA')dnl",
    fix: 'Not safe (it changes resolver behaviour): adds `WorkAroundBrokenAAAA` to the confBIND_OPTS define, or adds that define.',
    references: [CF_README, 'sendmail doc/op/op.me, ResolverOptions; research/real-daemons.md §3b'],
  },
  check(ctx) {
    const m = ctx.model;
    const v6 = [...m.daemons, ...m.clients].find((d) => !d.onHashLine && d.family === 'inet6');
    if (!v6) return;
    const def = definitionOf(m, 'confBIND_OPTS');
    if (def && /WorkAroundBrokenAAAA/i.test(def.value ?? '')) return;
    // Set under a misspelt name: sendmail/unknown-conf reports that.
    if (m.defines.some((d) => d.name !== 'confBIND_OPTS' && /WorkAroundBrokenAAAA/i.test(d.value ?? ''))) return;
    if (!def && m.ostypes.some((o) => o.name === 'debian')) return;
    const fixes: Fix[] = [];
    if (def) {
      const q = def.valueArg?.items.length === 1 && def.valueArg.items[0].kind === 'quoted' ? def.valueArg.items[0] : undefined;
      if (q && q.terminated) {
        const at = q.end - 1;
        fixes.push({ title: 'Add WorkAroundBrokenAAAA to confBIND_OPTS', safe: false, edits: [{ start: at, end: at, newText: q.value.trim() ? ' WorkAroundBrokenAAAA' : 'WorkAroundBrokenAAAA' }] });
      }
      ctx.report({
        span: def.nameSpan,
        message:
          'confBIND_OPTS lacks WorkAroundBrokenAAAA while this host uses IPv6: when a destination’s name servers time out on AAAA ' +
          'queries, sendmail defers the mail instead of falling back to IPv4. Rare today; harmless to add.',
        fixes,
      });
      return;
    }
    fixes.push({ title: 'Define confBIND_OPTS with WorkAroundBrokenAAAA', safe: false, edits: [insertLineAfter(ctx.text, ctx.lines, v6.call, "define(`confBIND_OPTS', `WorkAroundBrokenAAAA')dnl")] });
    ctx.report({
      span: v6.familyOpt ? v6.familyOpt.span : v6.call.nameSpan,
      message:
        'IPv6 is set up here, but confBIND_OPTS does not include WorkAroundBrokenAAAA: when a destination’s name servers time out ' +
        'on AAAA queries, sendmail defers the mail instead of falling back to IPv4. Rare today; harmless to add.',
      fixes,
    });
  },
});
