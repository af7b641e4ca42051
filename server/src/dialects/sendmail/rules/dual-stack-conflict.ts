// sendmail/dual-stack-conflict (Linux): an IPv6 wildcard daemon and an IPv4 daemon on the same port. The IPv6
// socket also takes IPv4 there, so the second bind fails and sendmail answers on neither family.
import { defineRule } from '../../../core/rule';
import type { Edit, Fix, RelatedLocation } from '../../../core/types';
import { CF_README } from '../catalogue';
import { byPort, consistent, daemonSpan, insertFeatureEdit, ipDaemons, platformOf, SUBMISSION_PORT } from '../daemons';
import { deleteStatement } from '../edits';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/dual-stack-conflict',
  severity: 'error',
  docs: {
    summary: 'On Linux, a Family=inet6 daemon on every address and a Family=inet daemon on the same port: sendmail listens on neither. Not checked when OSTYPE names another system (a BSD, Solaris, AIX, macOS…).',
    why:
      'Linux IPv6 sockets accept IPv4 as well (net.ipv6.bindv6only = 0), and sendmail does not set IPV6_V6ONLY. The inet6 ' +
      'wildcard socket therefore claims the IPv4 side of the port too, and whichever daemon opens second fails: sendmail ' +
      'logs `opendaemonsocket: daemon MTA-v6: cannot listen: Address already in use`, retries, and meanwhile accepts no ' +
      'connection on either family. This is the two-daemon setup of cf/README’s example — right on FreeBSD, fatal on Linux. ' +
      'The automatic submission daemon (port 587, IPv4) counts too. Marking the IPv6 daemon optional (M=O, as FreeBSD’s ' +
      'freebsd.mc does) only shortens the outage: measured, sendmail retries for about 45 s, then serves IPv4 alone.',
    bad: "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v4, Family=inet')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    good: "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    fix:
      'Not safe: removes the IPv4 wildcard daemon (the inet6 one already answers IPv4 on Linux), or for the automatic ' +
      'submission daemon adds FEATURE(`no_default_msa\'). Keep the IPv4 daemon instead if it carries settings the IPv6 one ' +
      'lacks (Modifiers, InputMailFilters) and copy them over first.',
    references: [CF_README, 'research/real-daemons.md, addendum (measured on Debian 12)'],
  },
  check(ctx) {
    const model = ctx.model;
    const choice = platformOf(model, ctx.target);
    // Only on Linux. A known other system (Solaris, AIX, macOS…) is not checked: solaris8/11.m4 even make this very
    // pair cf.m4's default (_NETINET6_). For an OSTYPE v6ready does not know the message says it assumes Linux.
    if (choice.platform !== 'linux' || choice.otherSystem) return;
    const assumed = choice.guessedFor ? `OSTYPE(\`${choice.guessedFor}') names no system sendmail knows, so this assumes Linux (${choice.source}). ` : '';
    const daemons = ipDaemons(model).filter(consistent);
    for (const [port, list] of byPort(daemons)) {
      const wild6 = list.filter((d) => d.family === 'inet6' && d.addrKind === 'any');
      const v4 = list.filter((d) => d.family === 'inet');
      const automaticMsa = port === SUBMISSION_PORT && !model.noDefaultMsa;
      if (wild6.length === 0 || (v4.length === 0 && !automaticMsa)) continue;
      const others = v4.map((d) => `'${d.name ?? 'inet daemon'}'`);
      if (automaticMsa) others.push("the automatic submission daemon 'MSA' (cf.m4 adds it; IPv4)");
      const related: RelatedLocation[] = v4.map((d) => ({ span: daemonSpan(d), message: 'the IPv4 daemon on the same port' }));
      const fixes: Fix[] = [];
      if (v4.length > 0 && v4.every((d) => d.addrKind === 'any')) {
        const edits = v4.map((d) => deleteStatement(ctx.text, ctx.lines, d.call));
        if (edits.every((e): e is Edit => !!e)) {
          if (automaticMsa) {
            const f = insertFeatureEdit(ctx.lines, model, 'no_default_msa');
            if (f) edits.unshift(f);
          }
          fixes.push({ title: 'Remove the IPv4 daemon: the inet6 wildcard daemon answers IPv4 too on Linux', safe: false, edits: edits.sort((a, b) => a.start - b.start) });
        }
      } else if (v4.length === 0 && automaticMsa) {
        const f = insertFeatureEdit(ctx.lines, model, 'no_default_msa');
        if (f) fixes.push({ title: "Turn off the automatic IPv4 submission daemon (FEATURE(`no_default_msa'))", safe: false, edits: [f] });
      }
      for (const d of wild6) {
        // sendmail opens daemons in the order they are declared; M=O makes a failed socket optional.
        const optional = (x: typeof d) => x.modifiers.includes('O');
        let dead = automaticMsa;
        let v4only = false;
        for (const d4 of v4) {
          const later = d4.call.start > d.call.start ? d4 : d;
          if (!optional(later)) dead = true;
          else if (later === d) v4only = true;
        }
        if (!dead && !v4only) continue;
        ctx.report({
          span: daemonSpan(d),
          message: assumed + (dead
            ? `On Linux this IPv6 wildcard daemon${d.name ? ` '${d.name}'` : ''} also takes IPv4 on port ${port}, where ${others.join(' and ')} listens: ` +
              `the second one fails with 'cannot listen: Address already in use' and sendmail answers on neither family. ` +
              'Keep the inet6 daemon alone (it serves IPv4 too), or give the daemons specific addresses.'
            : `On Linux this IPv6 wildcard daemon${d.name ? ` '${d.name}'` : ''} cannot bind port ${port} after ${others.join(' and ')} (the IPv6 socket would take IPv4 too): ` +
              'although it is optional (M=O), sendmail retries it for about 45 seconds answering nobody, then drops it and answers over IPv4 only. ' +
              'Keep the inet6 daemon alone instead (it serves IPv4 too).'),
          related,
          fixes,
        });
      }
    }
  },
});
