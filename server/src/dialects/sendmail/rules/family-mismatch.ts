// sendmail/family-mismatch: an Addr= of the other family than Family= (no Family means inet), an address in
// brackets, an Addr that is no address at all (a prefix, a zone index, a stray character), a blank before the
// comma (sendmail keeps it in the value), or a Family= sendmail does not know — sendmail refuses such a daemon
// only at run time.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import type { Fix, RuleContext, Span } from '../../../core/types';
import { CF_README, FAMILIES } from '../catalogue';
import { isLoopback4, setFamilyEdits } from '../daemons';
import { classifyAddr, type PortOptions, type SendmailModel } from '../model';

const FAMILY_NAMES = FAMILIES.map((f) => f.name);
/** Spellings people use for the two IP families. */
const FAMILY_ALIASES: Record<string, string> = { ipv6: 'inet6', ip6: 'inet6', v6: 'inet6', inet_6: 'inet6', af_inet6: 'inet6', ipv4: 'inet', ip4: 'inet', v4: 'inet', inet4: 'inet', af_inet: 'inet' };

function what(d: PortOptions): string {
  return d.kind === 'daemon' ? 'sendmail refuses the configuration' : 'sendmail rejects the client options';
}

/** An Addr that sendmail reads neither as an address of the daemon's family nor as a host name. */
function reportUnreadable(ctx: RuleContext<SendmailModel>, d: PortOptions, span: Span, value: string, bare: string): void {
  const fail = `${what(d)} with 'host "${value}" unknown'`;
  const zone = /%.*$/.exec(bare);
  const prefix = /^([^/]*)\/\d+$/.exec(bare);
  const prefixAddr = prefix ? classifyAddr(prefix[1], d.family) : undefined;
  if (zone) {
    ctx.report({ span, message: `sendmail reads no zone index (${zone[0]}) in Addr: ${fail}. Listen on a global or loopback address instead.` });
  } else if (prefix && (prefixAddr === 'ipv6' ? d.family === 'inet6' : prefixAddr === 'ipv4' && d.family === 'inet')) {
    const addr = value.slice(0, value.lastIndexOf('/'));
    ctx.report({
      span,
      message: `Addr takes one address, not a prefix: ${fail}. Write ${addr}.`,
      fixes: [{ title: `Remove the prefix length: Addr=${addr}`, safe: false, edits: [{ start: span.start, end: span.end, newText: addr }] }],
    });
  } else {
    ctx.report({ span, message: `'${value}' is neither an ${d.family === 'inet6' ? 'IPv6' : 'IPv4'} address nor a host name: ${fail}. Write a plain address.` });
  }
}

export default defineRule<SendmailModel>({
  id: 'sendmail/family-mismatch',
  severity: 'error',
  docs: {
    summary: 'DAEMON_OPTIONS / CLIENT_OPTIONS whose Addr does not belong to its Family (an IPv6 address with Family=inet or no Family, an IPv4 address with Family=inet6), a bracketed or malformed address, a blank before the comma, or an unknown Family.',
    why:
      'sendmail parses Addr according to Family, and Family defaults to inet. `Addr=::1` without `Family=inet6` is looked ' +
      'up as an IPv4 host name and fails: sendmail stops with `host "::1" unknown` (exit 70) — m4 built the .cf without a ' +
      'word. The same happens to `Addr=127.0.0.1` with Family=inet6, to `Addr=[::1]` (brackets are not part of the ' +
      'syntax), to `Addr=2001:db8::1/64` or `Addr=fe80::1%lo` (no prefix length, no zone index), and to `Addr=::1 ,`: ' +
      'sendmail skips blanks before a key and after `=` but keeps those before the comma, so the value is `::1 ` (and ' +
      '`Family=inet6 ,` is the unknown family `inet6 `). `Family=ipv6` is an unknown address family.',
    bad: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Addr=::1')dnl",
    good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Addr=::1, Family=inet6')dnl",
    fix:
      'Safe where the intent is clear: an IPv6 address gets Family=inet6, brackets and a blank before the comma are removed, ' +
      '`ipv6` becomes `inet6`. For an IPv4 address under Family=inet6 two unsafe choices: listen on ::1 instead (for ' +
      '127.0.0.1), or make it Family=inet. A prefix length can be removed (not safe: v6ready cannot know which address was ' +
      'meant); a zone index or a stray character gets no fix.',
    references: [CF_README, 'research/real-daemons.md §3b (sendmail -bt on each case)'],
  },
  check(ctx) {
    for (const d of [...ctx.model.daemons, ...ctx.model.clients]) {
      const fam = d.familyOpt;
      // A blank before the comma stays in the value (model.ts, parsePortOptions): `inet6 ` is no family, `::1 `
      // no address. sendmail -bt: "Unknown address family inet6  in Family=option", "host "::1 " unknown".
      const family = d.family.trimEnd();
      const blank = fam && /[ \t]$/.test(fam.value) ? fam : d.addrOpt && /[ \t]$/.test(d.addrOpt.value) && (family === 'inet' || family === 'inet6') ? d.addrOpt : undefined;
      if (blank) {
        const trimmed = blank.value.trimEnd();
        const isFamily = blank === fam;
        ctx.report({
          span: blank.valueSpan,
          message:
            `sendmail keeps the blank before the comma in the value: ${isFamily ? 'Family' : 'Addr'} is '${blank.value}', and ${what(d)} with ` +
            (isFamily ? `'Unknown address family ${blank.value} in Family=option'` : `'host "${blank.value}" unknown'`) +
            `. Write ${isFamily ? 'Family' : 'Addr'}=${trimmed} with no blank before the comma.`,
          fixes: [{ title: 'Remove the blank before the comma', safe: true, edits: [{ start: blank.valueSpan.start + trimmed.length, end: blank.valueSpan.end, newText: '' }] }],
        });
        continue;
      }
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
      // Neither an address nor a host name: a prefix length, a zone index, a stray character. sendmail -bt on each
      // (Family=inet6; Family=inet where a character no host name has is in it): 'host "<value>" unknown', exit 70.
      // Family=inet alone lets inet_addr forms through (`1.2.3` is accepted), so only those characters count there.
      const bare = value.replace(/^IPv6:/i, '');
      if (kind === 'bad' && (d.family === 'inet6' || /[^A-Za-z0-9._-]/.test(bare))) {
        reportUnreadable(ctx, d, a.valueSpan, value, bare);
        continue;
      }
      const noFamily = d.familyOpt ? '' : ' (no Family= means inet)';
      if (kind === 'ipv6' && d.family === 'inet') {
        const edits = setFamilyEdits(ctx.text, d, 'inet6');
        ctx.report({
          span: a.valueSpan,
          message: `'${value}' is an IPv6 address but this ${d.kind === 'daemon' ? 'daemon' : 'entry'} is Family=inet${noFamily}: ${what(d)} with 'host "${value}" unknown'. Add Family=inet6.`,
          fixes: edits ? [{ title: 'Use Family=inet6', safe: true, edits }] : [],
        });
      } else if (kind === 'ipv4' && d.family === 'inet6') {
        const fixes: Fix[] = [];
        if (isLoopback4(d.addr)) fixes.push({ title: 'Listen on ::1 (the IPv6 loopback)', safe: false, edits: [{ start: a.valueSpan.start, end: a.valueSpan.end, newText: '::1' }] });
        const edits = setFamilyEdits(ctx.text, d, 'inet');
        if (edits) fixes.push({ title: 'Use Family=inet for this IPv4 address', safe: false, edits });
        ctx.report({
          span: a.valueSpan,
          message: `'${value}' is an IPv4 address but this ${d.kind === 'daemon' ? 'daemon' : 'entry'} is Family=inet6: ${what(d)} with 'host "${value}" unknown'. Use an IPv6 address, or Family=inet.`,
          fixes,
        });
      }
    }
  },
});
