// bind/no-ipv6-listener: `listen-on-v6 { none; }` everywhere — the name server is unreachable over IPv6.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { amlElements, type AmlElement } from '../aml';
import { listenBlocks } from '../listen';

export default defineRule<BindModel>({
  id: 'bind/no-ipv6-listener',
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'Every `listen-on-v6` admits nothing (`{ none; }`): named does not listen on IPv6 at all.',
    why:
      'Clients on an IPv6-only network, and resolvers that prefer IPv6 transport, cannot reach this server. If the ' +
      'zone publishes AAAA records for its name servers, queries to those addresses time out.',
    bad: 'options {\n    listen-on-v6 { none; };\n};',
    good: 'options {\n    listen-on-v6 { any; };\n};',
    fix: 'Not safe: replaces `none` with `any`, which opens port 53 on every IPv6 interface. Narrow it to your addresses if you mean fewer.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-listen-on-v6'],
  },
  check(ctx) {
    // No element can admit an IPv6 address: `none`, IPv4 literals (which named ignores here) or negations.
    const admitsNoIpv6 = (els: AmlElement[]) =>
      els.every((e) => e.negated || (e.kind === 'builtin' && e.text === 'none') || (e.kind === 'address' && e.family === 4));
    const isNone = (els: AmlElement[]) => els.length === 1 && els[0].kind === 'builtin' && els[0].text === 'none' && !els[0].negated;
    for (const block of listenBlocks(ctx.model)) {
      if (block.listenOnV6.length === 0) continue;
      const lists = block.listenOnV6.map((c) => ({ clause: c, elements: amlElements(c) }));
      if (!lists.every((l) => l.clause.block && admitsNoIpv6(l.elements))) continue;
      for (const { clause, elements } of lists) {
        const block = clause.block!;
        const none = isNone(elements);
        const hasIpv4 = elements.some((e) => e.kind === 'address' && e.family === 4);
        // With IPv4 addresses in the list, bind/ipv4-in-listen-on-v6 moves them out first; replacing the
        // list here would lose them, so this finding then offers no fix of its own.
        const edit = none
          ? { start: elements[0].statement.start, end: elements[0].statement.end, newText: 'any;' }
          : { start: block.start, end: block.end, newText: '{ any; }' };
        ctx.report({
          span: none ? elements[0].node! : { start: clause.span.start, end: clause.nameNode?.end ?? clause.span.end },
          message:
            'listen-on-v6 admits no IPv6 address: named will not listen on IPv6, and IPv6 clients cannot reach it.' +
            (hasIpv4 ? ' Move its IPv4 addresses to listen-on, then list IPv6 addresses or any.' : ''),
          fixes: hasIpv4 ? [] : [{ title: "Listen on every IPv6 interface ('any')", safe: false, edits: [edit] }],
        });
      }
    }
  },
});
