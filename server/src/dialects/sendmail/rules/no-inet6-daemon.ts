// sendmail/no-inet6-daemon: DAEMON_OPTIONS listen with Family=inet (or no Family) on a port where no
// Family=inet6 daemon listens — the MTA cannot be reached over IPv6. The fix depends on the platform.
import { defineRule } from '../../../core/rule';
import { CF_README } from '../catalogue';
import { byPort, consistent, daemonNames, daemonSpan, hasSkippedFamily, ipDaemons, ipv6FixFor, meantForIpv6, platformLabel, platformOf, SUBMISSION_PORT } from '../daemons';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/no-inet6-daemon',
  severity: 'warning',
  docs: {
    summary: 'DAEMON_OPTIONS that listen on IPv4 only (Family=inet, or no Family at all) on a port where no Family=inet6 daemon listens.',
    why:
      'A sendmail daemon listens on one address family, and Family defaults to inet (IPv4). With only inet daemons on a port, ' +
      'clients that reach the host over IPv6 — other MTAs following an AAAA record, mail clients on IPv6-only networks — get ' +
      '"connection refused". Neither m4 nor sendmail warns. The right IPv6 listener depends on the platform: on Linux an ' +
      'IPv6 wildcard socket also accepts IPv4, and an inet6 daemon beside a wildcard inet daemon on the same port makes ' +
      'sendmail answer on neither ("cannot listen: Address already in use"); on FreeBSD IPv6 sockets are IPv6-only and the ' +
      'two-daemon pair is what works.',
    bad: "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v4, Family=inet')dnl",
    good: "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    fix:
      'Not safe (it opens the port to IPv6 clients). On Linux a wildcard daemon becomes Family=inet6 (IPv4 still arrives, ' +
      'as mapped addresses); a daemon on 127.0.0.1 gets a twin on ::1. On FreeBSD an IPv6 twin is added after the daemon, ' +
      'with the same Port and other keys, Addr mapped (127.0.0.1 -> ::1, none stays none) and a unique Name. The platform ' +
      'comes from OSTYPE(), else from the setting v6ready.targets.sendmail. Daemons on other specific addresses get no fix: ' +
      'v6ready cannot know the host’s IPv6 address.',
    references: [CF_README, 'research/real-daemons.md §3d and the addendum (Linux vs FreeBSD)'],
  },
  check(ctx) {
    const { platform, source } = platformOf(ctx.model, ctx.target);
    const taken = daemonNames(ctx.model);
    for (const [port, list] of byPort(ipDaemons(ctx.model))) {
      if (port === SUBMISSION_PORT) continue; // sendmail/msa-ipv4-only
      // A daemon meant for IPv6 but written wrong is family-mismatch's or unknown-option-key's finding.
      if (list.some((d) => meantForIpv6(d) || hasSkippedFamily(d))) continue;
      const v4 = list.filter((d) => d.family === 'inet' && consistent(d));
      if (v4.length === 0) continue;
      for (const d of v4) {
        const fix = ipv6FixFor(ctx.text, ctx.lines, d, v4, platform, taken);
        const where = d.addrKind === 'any' ? '' : ` (${d.addr})`;
        ctx.report({
          span: daemonSpan(d),
          message:
            `${d.name ? `Daemon '${d.name}'` : 'This daemon'} listens on IPv4 only${where}${d.familyOpt ? '' : ' (no Family= means inet)'} and no Family=inet6 daemon listens on port ${port}: ` +
            `IPv6 clients cannot reach the MTA. ${fix ? `Platform ${platformLabel(platform)} (from ${source}); quick fix: ${fix.title}.` : `Add a DAEMON_OPTIONS with Family=inet6 and this host’s IPv6 address on port ${port}.`}`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
