// bind/ipv6-in-listen-on: an IPv6 address or prefix in listen-on, which named ignores with only a log line.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { amlElements } from '../aml';
import { listenBlocks, moveElementFix, servedByDefault } from '../listen';

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
    for (const block of listenBlocks(ctx.model)) {
      for (const clause of block.listenOn) {
        for (const el of amlElements(clause)) {
          if (el.kind !== 'address' || el.family !== 6 || !el.node) continue;
          const fix = moveElementFix(ctx.text, ctx.lines, block, clause, el, 6);
          ctx.report({
            span: el.node,
            message: servedByDefault(block, clause, 6)
              ? `named ignores IPv6 addresses in listen-on: '${el.text}' is listened on only because, with no listen-on-v6 at all, named listens on every IPv6 address. Move it to listen-on-v6 to listen on it alone.`
              : `named ignores IPv6 addresses in listen-on: '${el.text}' will not be listened on. Move it to listen-on-v6.`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});
