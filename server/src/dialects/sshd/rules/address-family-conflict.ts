// sshd/address-family-conflict: AddressFamily inet with an IPv6 ListenAddress (or inet6 with an IPv4 one): sshd refuses to start.
import { defineRule } from '../../../core/rule';
import { replaceSpan } from '../edits';
import { includeWords, includesBefore, listenByFamily } from '../listen';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/address-family-conflict',
  severity: 'error',
  docs: {
    summary: '`AddressFamily inet` beside an IPv6 ListenAddress (or `inet6` beside an IPv4 one): sshd refuses to start.',
    why:
      'sshd resolves every ListenAddress in the family AddressFamily names, so with `AddressFamily inet` the address ' +
      '`::1` cannot be resolved: `sshd -t` and sshd stop with "bad addr or host: ::1 (Address family for hostname not ' +
      'supported)", and the server listens on nothing, IPv4 included.',
    bad: 'AddressFamily inet\nListenAddress 127.0.0.1\nListenAddress ::1',
    good: 'AddressFamily any\nListenAddress 127.0.0.1\nListenAddress ::1',
    fix:
      'Not safe: sets `AddressFamily any`. The ListenAddress lines still decide where sshd listens, but AddressFamily ' +
      'also governs the sockets of forwarded ports and X11 displays, which may then open on IPv6 too.',
    references: ['https://man.openbsd.org/sshd_config#AddressFamily', 'research/real-daemons.md §4a'],
  },
  check(ctx) {
    const af = ctx.model.addressFamily;
    if (!af || af.value === 'any') return;
    const { v4, v6 } = listenByFamily(ctx.model);
    const wrong = af.value === 'inet' ? v6 : v4;
    if (wrong.length === 0) return;
    const fam = af.value === 'inet' ? 'IPv6' : 'IPv4';
    const first = wrong[0];
    const line = ctx.lines.lineOf(first.arg.start) + 1;
    // A file included above may set AddressFamily first, and then this line does nothing (sshd -t accepts the file).
    const earlier = includesBefore(ctx.model, af.directive.span.start);
    const unless = earlier.length ? `Unless a file read by ${includeWords(ctx.lines, earlier)} sets AddressFamily first (sshd uses the first value), ` : '';
    ctx.report({
      span: af.arg,
      message:
        unless +
        `AddressFamily ${af.arg.value} cannot resolve the ${fam} ListenAddress ${first.host} (line ${line}${wrong.length > 1 ? ` and ${wrong.length - 1} more` : ''}): ` +
        `sshd refuses to start ("bad addr or host: ${first.host} (Address family for hostname not supported)") and listens on nothing. ` +
        `Use AddressFamily any.`,
      related: wrong.map((la) => ({ span: { start: la.arg.start, end: la.arg.end }, message: `${fam} address that AddressFamily ${af.arg.value} rejects` })),
      fixes: [{ title: 'Set AddressFamily any', safe: false, edits: [replaceSpan(af.arg, 'any')] }],
    });
  },
});
