// bind/listen-on-v6-port: `listen-on port N` with no listen-on-v6 — IPv6 stays on the default port, not N.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { portArg } from '../aml';
import { insertStatementAfter } from '../edits';
import { listenBlocks, listenHeadText } from '../listen';

export default defineRule<BindModel>({
  id: 'bind/listen-on-v6-port',
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: '`listen-on port N` without any `listen-on-v6`: on IPv6, named keeps listening on port 53, not N.',
    why:
      'When `listen-on-v6` is absent, named listens on every IPv6 interface on the default port. The `port` of ' +
      '`listen-on` does not carry over: with `listen-on port 5353 { 127.0.0.1; };` named answers on 127.0.0.1#5353 ' +
      'and ::1#53, so IPv6 clients of port 5353 are refused (measured on BIND 9.18).',
    bad: 'options {\n    listen-on port 5353 { 127.0.0.1; };\n};',
    good: 'options {\n    listen-on port 5353 { 127.0.0.1; };\n    listen-on-v6 port 5353 { any; };\n};',
    fix:
      'Not safe: adds `listen-on-v6 port N { any; };` after the `listen-on`. It moves IPv6 service from port 53 to N ' +
      'on every IPv6 interface; narrow the list to the addresses you mean.',
    references: [
      'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-listen-on-v6',
      'research/real-daemons.md §1b, §1e',
    ],
  },
  check(ctx) {
    for (const block of listenBlocks(ctx.model)) {
      if (block.listenOnV6.length > 0) continue;
      for (const clause of block.listenOn) {
        const p = portArg(clause);
        if (!p || p.port === block.defaultPort) continue;
        // The twin serves what this clause serves on its port: DNS over TLS or HTTPS (`tls`, `http`) as well.
        const added = `listen-on-v6${listenHeadText(ctx.text, clause)} { any; };`;
        ctx.report({
          span: p.node,
          message:
            `listen-on uses port ${p.port}, but with no listen-on-v6 named listens on IPv6 port ${block.defaultPort}: ` +
            `IPv6 clients of port ${p.port} are refused. Add a listen-on-v6 with port ${p.port}.`,
          fixes: [{ title: `Add '${added}'`, safe: false, edits: [insertStatementAfter(ctx.text, ctx.lines, clause.span, added)] }],
        });
      }
    }
  },
});
