// sendmail/msa-ipv4-only: the submission daemon (port 587) listens on IPv4 only — whether declared in the file
// or the one cf.m4 adds by itself unless FEATURE(`no_default_msa').
import { defineRule } from '../../../core/rule';
import type { Edit, Fix } from '../../../core/types';
import { CF_README, FEATURES } from '../catalogue';
import { closestMatches } from '../../../core/suggest';
import { byPort, consistent, daemonNames, daemonSpan, hasSkippedFamily, insertFeatureEdit, ipDaemons, ipv6FixFor, meantForIpv6, platformLabel, platformOf, SUBMISSION_PORT, twinName } from '../daemons';
import { endsWithDnl, insertLineAfter } from '../edits';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/msa-ipv4-only',
  severity: 'warning',
  docs: {
    summary: 'The mail submission daemon (port 587) listens on IPv4 only: mail clients cannot submit over IPv6.',
    why:
      'Unless the .mc has FEATURE(`no_default_msa\'), cf.m4 adds `O DaemonPortOptions=Port=587, Name=MSA, M=E` by itself, ' +
      'and that daemon is IPv4 only — also in a file whose MTA daemons were made IPv6-ready. Declared submission daemons ' +
      'with Family=inet (or no Family) have the same gap. Users on IPv6-only networks then cannot send mail, while ' +
      'incoming mail works.',
    bad: "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    good: "OSTYPE(`linux')dnl\nFEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl\nDAEMON_OPTIONS(`Port=submission, Name=MSA, M=E, Family=inet6')dnl",
    fix:
      'Not safe (it opens port 587 to IPv6 clients). For the automatic daemon on Linux: add FEATURE(`no_default_msa\') and a ' +
      'submission daemon with Family=inet6 (which takes IPv4 too there); on FreeBSD: add an IPv6 twin of it ' +
      '(`Port=submission, Name=MSA-v6, M=E, Family=inet6`) beside the automatic one. Declared daemons get the same fixes ' +
      'as sendmail/no-inet6-daemon.',
    references: [CF_README, 'research/real-daemons.md §3b and the addendum (the automatic MSA is IPv4 only)'],
  },
  check(ctx) {
    const model = ctx.model;
    const { platform, source } = platformOf(model, ctx.target);
    const taken = daemonNames(model);
    const daemons = ipDaemons(model);
    const submission = byPort(daemons).get(SUBMISSION_PORT) ?? [];
    const v4 = submission.filter((d) => d.family === 'inet' && consistent(d));
    const hasV6 = submission.some((d) => meantForIpv6(d) || hasSkippedFamily(d));
    if (!hasV6) {
      for (const d of v4) {
        const fix = ipv6FixFor(ctx.text, ctx.lines, d, v4, platform, taken);
        ctx.report({
          span: daemonSpan(d),
          message:
            `The submission daemon${d.name ? ` '${d.name}'` : ''} listens on IPv4 only and no Family=inet6 daemon listens on port 587: ` +
            `mail clients cannot submit over IPv6. ${fix ? `Platform ${platformLabel(platform)} (from ${source}); quick fix: ${fix.title}.` : 'Add a Family=inet6 submission daemon with this host’s IPv6 address.'}`,
          fixes: fix ? [fix] : [],
        });
      }
    }
    // The automatic MSA: reported where the file shows it cares about IPv6 (an inet6 daemon) but forgot port 587.
    if (model.noDefaultMsa || submission.length > 0) return;
    // A misspelt FEATURE(`no_default_msa') is sendmail/unknown-feature's finding; the intent is clear.
    if (model.features.some((f) => !FEATURES.has(f.name) && closestMatches(f.name, ['no_default_msa', 'msp'], 1).length > 0)) return;
    const v6 = daemons.find((d) => d.family === 'inet6' && consistent(d));
    if (!v6) return;
    const last = model.daemons.filter((d) => !d.onHashLine).at(-1)!;
    const dnl = endsWithDnl(ctx.text, ctx.lines, last.call) ? 'dnl' : '';
    const fixes: Fix[] = [];
    if (platform === 'linux') {
      const feature = insertFeatureEdit(ctx.lines, model, 'no_default_msa');
      const edits: Edit[] = [insertLineAfter(ctx.text, ctx.lines, last.call, `DAEMON_OPTIONS(\`Port=submission, Name=MSA, M=E, Family=inet6')${dnl}`)];
      if (feature) edits.unshift(feature);
      fixes.push({ title: 'Replace the automatic IPv4 submission daemon with a Family=inet6 one (FEATURE(`no_default_msa\'))', safe: false, edits });
    } else {
      const name = twinName('MSA', SUBMISSION_PORT, taken);
      fixes.push({
        title: 'Add an IPv6 twin of the automatic submission daemon',
        safe: false,
        edits: [insertLineAfter(ctx.text, ctx.lines, last.call, `DAEMON_OPTIONS(\`Port=submission, Name=${name}, M=E, Family=inet6')${dnl}`)],
      });
    }
    ctx.report({
      span: v6.call.nameSpan,
      message:
        "cf.m4 adds the submission daemon 'Port=587, Name=MSA, M=E' by itself, IPv4 only (no FEATURE(`no_default_msa') here): " +
        `mail clients cannot submit over IPv6. Platform ${platformLabel(platform)} (from ${source}); quick fix: ${fixes[0].title}.`,
      fixes,
    });
  },
});
