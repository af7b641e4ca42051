// bind/ipv6-in-listen-on: an IPv6 address or prefix in listen-on, which named ignores with only a log line.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { checkWrongFamily } from '../listen';

export default defineRule<BindModel>({
  id: 'bind/ipv6-in-listen-on',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An IPv6 address or prefix inside `listen-on`, which only ever binds IPv4.',
    why:
      '`listen-on` selects IPv4 interfaces only. named-checkconf accepts an IPv6 address there without a word, and named ' +
      "then skips it, logging `'::1': incorrect address family; ignoring`. The server is not reachable on that address, " +
      'and nobody notices until an IPv6 client fails.',
    bad: 'options {\n    listen-on { 192.0.2.53; 2001:db8::53; };\n    listen-on-v6 { none; };\n};',
    good: 'options {\n    listen-on { 192.0.2.53; };\n    listen-on-v6 { 2001:db8::53; };\n};',
    fix:
      'Safe: moves the address into the `listen-on-v6` of the same port (replacing a lone `none`, or merging into the ' +
      'existing list), or into a new `listen-on-v6` with the same `port` right after. What named does on IPv4 is unchanged. ' +
      'Not safe where there is no `listen-on-v6` at all: named then listens on every IPv6 address on port 53 by default, and ' +
      'the new `listen-on-v6` replaces that default with the addresses listed, so clients using another IPv6 address of the ' +
      'server (or port 53, when the list was for another port) lose it. It is offered, titled so, and not applied by fix-all.',
    references: [
      'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-listen-on',
      'research/real-daemons.md §1a, §1e',
    ],
  },
  check(ctx) {
    checkWrongFamily(ctx, 6);
  },
});
