// bind/ipv4-in-listen-on-v6: an IPv4 address or prefix in listen-on-v6, which named ignores.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { checkWrongFamily } from '../listen';

export default defineRule<BindModel>({
  id: 'bind/ipv4-in-listen-on-v6',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An IPv4 address or prefix inside `listen-on-v6`, which only ever binds IPv6.',
    why:
      '`listen-on-v6` selects IPv6 interfaces only. named-checkconf accepts `listen-on-v6 { 127.0.0.1; };` silently, and ' +
      "named skips the address with `'127.0.0.1': incorrect address family; ignoring`.",
    bad: 'options {\n    listen-on { 127.0.0.1; };\n    listen-on-v6 { ::1; 192.0.2.53; };\n};',
    good: 'options {\n    listen-on { 127.0.0.1; 192.0.2.53; };\n    listen-on-v6 { ::1; };\n};',
    fix:
      'Safe when a `listen-on` of the same port exists (the address moves there), or one of another port (a new ' +
      '`listen-on` with this port is added). Where there is no `listen-on` at all, named listens on every IPv4 interface ' +
      'by default, and adding a `listen-on` would narrow that, so the fix that adds one is offered but not applied by fix-all.',
    references: [
      'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-listen-on-v6',
      'research/real-daemons.md §1a, §1e',
    ],
  },
  check(ctx) {
    checkWrongFamily(ctx, 4);
  },
});
