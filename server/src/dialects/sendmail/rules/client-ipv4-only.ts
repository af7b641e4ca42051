// sendmail/client-ipv4-only: CLIENT_OPTIONS given for Family=inet only. sendmail still delivers over IPv6, but
// those connections get none of the settings (source address, port, modifiers): they leave from whatever
// address the kernel picks.
import { defineRule } from '../../../core/rule';
import { CF_README } from '../catalogue';
import { twinFix, twinOptions } from '../daemons';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/client-ipv4-only',
  severity: 'warning',
  docs: {
    summary: 'CLIENT_OPTIONS set for Family=inet only: outgoing IPv6 connections get none of those settings.',
    why:
      'ClientPortOptions are kept per address family (daemon.c, setclientoptions), and a Family=inet entry applies to IPv4 ' +
      'connections only. sendmail still tries a destination’s IPv6 addresses first, so IPv6 deliveries go out without the ' +
      'source address, port or modifiers you set: from an address the kernel picks, which often has no PTR record and no ' +
      'place in your SPF record, so receivers such as large mail providers refuse or junk the mail — only over IPv6, ' +
      'which makes it hard to trace.',
    bad: "CLIENT_OPTIONS(`Family=inet, Addr=192.0.2.25, M=h')dnl",
    good: "CLIENT_OPTIONS(`Family=inet, Addr=192.0.2.25, M=h')dnl\nCLIENT_OPTIONS(`Family=inet6, Addr=2001:db8::25, M=h')dnl",
    fix:
      'Not safe: adds a Family=inet6 twin with the same keys; Addr becomes ::1 for 127.0.0.1 and is left out otherwise ' +
      '(put this host’s IPv6 source address there).',
    references: [CF_README, 'sendmail doc/op/op.me, ClientPortOptions; research/real-daemons.md §8 (outbound not measured)'],
  },
  check(ctx) {
    const clients = ctx.model.clients.filter((c) => !c.onHashLine);
    if (clients.some((c) => c.family === 'inet6')) return;
    const taken = new Set(clients.map((c) => c.name).filter((n): n is string => !!n));
    for (const c of clients) {
      if (c.family !== 'inet' || !c.familyOpt) continue;
      const settings = c.options.filter((o) => o.hasEquals && o.key && o.key !== 'Family' && o.key !== 'Name');
      if (settings.length === 0) continue;
      const opts = twinOptions(c, taken, true);
      const addr = c.addrKind === 'ipv4' ? ` from ${c.addr}` : '';
      ctx.report({
        span: c.familyOpt.span,
        message:
          `These client options apply to IPv4 connections only: sendmail still delivers over IPv6 (it tries AAAA addresses first), ` +
          `and those connections get none of ${settings.map((o) => o.name).join(', ')}${addr ? `: they do not leave${addr} but` : ': they leave'} from an address the kernel picks. ` +
          'Add a CLIENT_OPTIONS with Family=inet6' +
          (c.addrKind === 'ipv4' && !c.addr?.startsWith('127.') ? ' and this host’s IPv6 source address.' : '.'),
        fixes: opts ? [twinFix(ctx.text, ctx.lines, c, opts, 'Add a Family=inet6 CLIENT_OPTIONS with the same settings')] : [],
      });
    }
  },
});
