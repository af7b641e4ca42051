// sendmail/family-mismatch: an Addr= of the other family than Family= (no Family means inet), an address in
// brackets, or a Family= sendmail does not know — sendmail refuses such a daemon only at run time.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { CF_README, FAMILIES } from '../catalogue';
import { isLoopback4, setFamilyEdits } from '../daemons';
import { classifyAddr, type PortOptions, type SendmailModel } from '../model';

const FAMILY_NAMES = FAMILIES.map((f) => f.name);
/** Spellings people use for the two IP families. */
const FAMILY_ALIASES: Record<string, string> = { ipv6: 'inet6', ip6: 'inet6', v6: 'inet6', inet_6: 'inet6', af_inet6: 'inet6', ipv4: 'inet', ip4: 'inet', v4: 'inet', inet4: 'inet', af_inet: 'inet' };

function what(d: PortOptions): string {
  return d.kind === 'daemon' ? 'sendmail refuses the configuration' : 'sendmail rejects the client options';
}

export default defineRule<SendmailModel>({
  id: 'sendmail/family-mismatch',
  severity: 'error',
  docs: {
    summary: 'DAEMON_OPTIONS / CLIENT_OPTIONS whose Addr does not belong to its Family (an IPv6 address with Family=inet or no Family, an IPv4 address with Family=inet6), a bracketed address, or an unknown Family.',
    why:
      'sendmail parses Addr according to Family, and Family defaults to inet. `Addr=::1` without `Family=inet6` is looked ' +
      'up as an IPv4 host name and fails: sendmail stops with `host "::1" unknown` (exit 70) — m4 built the .cf without a ' +
      'word. The same happens to `Addr=127.0.0.1` with Family=inet6, to `Addr=[::1]` (brackets are not part of the ' +
      'syntax), and `Family=ipv6` is an unknown address family.',
    bad: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Addr=::1')dnl",
    good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Addr=::1, Family=inet6')dnl",
    fix:
      'Safe where the intent is clear: an IPv6 address gets Family=inet6, brackets are removed, `ipv6` becomes `inet6`. For an ' +
      'IPv4 address under Family=inet6 two unsafe choices: listen on ::1 instead (for 127.0.0.1), or make it Family=inet.',
    references: [CF_README, 'research/real-daemons.md §3b (sendmail -bt on each case)'],
  },
  check(ctx) {
    for (const d of [...ctx.model.daemons, ...ctx.model.clients]) {
      const fam = d.familyOpt;
      if (fam && !/^\d+$/.test(d.family) && !FAMILY_NAMES.includes(d.family)) {
        const want = FAMILY_ALIASES[d.family.replace(/[-\s]/g, '_')] ?? closestMatches(d.family, FAMILY_NAMES, 1)[0];
        ctx.report({
          span: fam.valueSpan,
          message: `sendmail knows no address family '${fam.value}' (Family= takes inet, inet6 or local): ${what(d)} with 'Unknown address family ${fam.value} in Family=option'.${want ? ` Did you mean ${want}?` : ''}`,
          fixes: want ? [{ title: `Use Family=${want}`, safe: want === 'inet6' || want === 'inet', edits: [{ start: fam.valueSpan.start, end: fam.valueSpan.end, newText: want }] }] : [],
        });
        continue;
      }
      const a = d.addrOpt;
      if (!a || (d.family !== 'inet' && d.family !== 'inet6')) continue;
      const value = a.value;
      const bracketed = /^\[(.*)\]$/.exec(value);
      if (bracketed) {
        const inner = bracketed[1];
        ctx.report({
          span: a.valueSpan,
          message: `sendmail takes Addr without brackets: '${value}' is looked up as a host name and ${what(d)} with 'host "${value}" unknown'. Write ${inner}.`,
          fixes: [{ title: `Remove the brackets: Addr=${inner}`, safe: true, edits: [{ start: a.valueSpan.start, end: a.valueSpan.end, newText: inner }] }],
        });
        continue;
      }
      const kind = classifyAddr(value, d.family);
      const noFamily = d.familyOpt ? '' : ' (no Family= means inet)';
      if (kind === 'ipv6' && d.family === 'inet') {
        ctx.report({
          span: a.valueSpan,
          message: `'${value}' is an IPv6 address but this ${d.kind === 'daemon' ? 'daemon' : 'entry'} is Family=inet${noFamily}: ${what(d)} with 'host "${value}" unknown'. Add Family=inet6.`,
          fixes: [{ title: 'Use Family=inet6', safe: true, edits: setFamilyEdits(ctx.text, d, 'inet6') }],
        });
      } else if (kind === 'ipv4' && d.family === 'inet6') {
        const fixes: Fix[] = [];
        if (isLoopback4(d.addr)) fixes.push({ title: 'Listen on ::1 (the IPv6 loopback)', safe: false, edits: [{ start: a.valueSpan.start, end: a.valueSpan.end, newText: '::1' }] });
        fixes.push({ title: 'Use Family=inet for this IPv4 address', safe: false, edits: setFamilyEdits(ctx.text, d, 'inet') });
        ctx.report({
          span: a.valueSpan,
          message: `'${value}' is an IPv4 address but this ${d.kind === 'daemon' ? 'daemon' : 'entry'} is Family=inet6: ${what(d)} with 'host "${value}" unknown'. Use an IPv6 address, or Family=inet.`,
          fixes,
        });
      }
    }
  },
});
