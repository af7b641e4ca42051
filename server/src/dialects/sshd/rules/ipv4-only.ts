// sshd/ipv4-only: AddressFamily inet, or ListenAddress lines that are all IPv4: sshd does not listen on IPv6 at all.
import { defineRule } from '../../../core/rule';
import type { Edit } from '../../../core/types';
import { insertLinesAfter, replaceSpan } from '../edits';
import { includeWords, includesBefore, ipv6Twins, listenByFamily } from '../listen';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/ipv4-only',
  severity: 'warning',
  docs: {
    summary: 'sshd listens on IPv4 only: `AddressFamily inet`, or every ListenAddress is an IPv4 address.',
    why:
      'With `AddressFamily inet` sshd opens only `0.0.0.0` sockets; with only IPv4 ListenAddress lines it binds only ' +
      'those. Either way clients on an IPv6-only network, or that prefer the AAAA record of the host, get "Connection ' +
      'refused" while IPv4 clients get in, so the problem hides until an IPv6 client tries.',
    bad: 'Port 2222\nAddressFamily inet\nListenAddress 127.0.0.1',
    good: 'Port 2222\nAddressFamily any\nListenAddress 127.0.0.1\nListenAddress ::1',
    fix:
      'Not safe: sets `AddressFamily any` and, when every ListenAddress is IPv4, adds the IPv6 twin of each after the ' +
      'last one, with the same port: `::1` for a loopback address, `::` (every IPv6 address) for any other. That opens ' +
      'sshd to IPv6 clients; narrow `::` to the host\'s own address if you mean fewer.',
    references: ['https://man.openbsd.org/sshd_config#AddressFamily', 'https://man.openbsd.org/sshd_config#ListenAddress', 'research/real-daemons.md §4b'],
  },
  check(ctx) {
    const model = ctx.model;
    const af = model.addressFamily;
    const { v4, v6, names, all } = listenByFamily(model);
    // AddressFamily inet beside an IPv6 address is sshd/address-family-conflict's finding (sshd does not start at all).
    if (af?.value === 'inet' && v6.length > 0) return;
    if (af?.value === 'inet6') return;
    const onlyV4 = v4.length > 0 && v6.length === 0 && names.length === 0 && v4.length === all.length;
    const last = v4[v4.length - 1];
    const twins = onlyV4 ? ipv6Twins(v4) : [];
    const addTwins = (): Edit[] => (onlyV4 ? [insertLinesAfter(ctx.lines, last.directive, twins.map((t) => `${last.directive.keyword} ${t}`))] : []);
    if (af?.value === 'inet') {
      const edits: Edit[] = [replaceSpan(af.arg, 'any'), ...addTwins()];
      // A file included above may set AddressFamily first (sshd uses the first value): then this line does nothing.
      const earlier = includesBefore(model, af.directive.span.start);
      ctx.report({
        span: af.arg,
        message:
          (earlier.length ? `Unless a file read by ${includeWords(ctx.lines, earlier)} sets AddressFamily first (sshd uses the first value), ` : '') +
          `AddressFamily ${af.arg.value}: sshd listens on IPv4 only, and IPv6 clients are refused.` +
          (onlyV4 ? ` Use AddressFamily any and add ${twins.map((t) => `ListenAddress ${t}`).join(', ')}.` : ' Use AddressFamily any.'),
        fixes: [{ title: onlyV4 ? `Set AddressFamily any and listen on ${twins.join(', ')}` : 'Set AddressFamily any', safe: false, edits }],
      });
      return;
    }
    if (!onlyV4) return;
    // An included file may add ListenAddress lines (wherever the Include is: they add up), IPv6 ones among them.
    const included = includesBefore(model);
    ctx.report({
      span: last.arg,
      message:
        `Every ListenAddress ${included.length ? `of this file ` : ''}is IPv4 (${v4.map((la) => la.arg.value).join(', ')}): ` +
        (included.length ? `unless a file read by ${includeWords(ctx.lines, included)} adds an IPv6 one, ` : '') +
        `sshd does not listen on IPv6, and IPv6 clients are refused. ` +
        `Add ${twins.map((t) => `ListenAddress ${t}`).join(', ')}.`,
      fixes: [{ title: `Also listen on ${twins.join(', ')}`, safe: false, edits: addTwins() }],
    });
  },
});
