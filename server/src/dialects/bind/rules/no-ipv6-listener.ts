// bind/no-ipv6-listener: `listen-on-v6 { none; }` everywhere — the name server is unreachable over IPv6.
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import type { Fix } from '../../../core/types';
import { amlElements, type AmlElement } from '../aml';
import { removeElement } from '../edits';
import { FamilyResolver } from '../families';
import { listenBlocks } from '../listen';

/** `none`, `!any`, `!::/0`: an element that matches every IPv6 address, negatively (lib/isccfg/aclconf.c: none is !any). */
function matchesEveryIpv6Negatively(e: AmlElement): boolean {
  if (e.kind === 'builtin') return (e.text === 'none' && !e.negated) || (e.text === 'any' && e.negated);
  return e.kind === 'address' && e.negated && e.family === 6 && e.address?.prefix === 0;
}

function elementText(text: string, e: AmlElement): string {
  return text.slice(e.statement.start, e.statement.end).replace(/;$/, '');
}

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
    const isNone = (els: AmlElement[]) => els.length === 1 && els[0].kind === 'builtin' && els[0].text === 'none' && !els[0].negated;
    let resolver: FamilyResolver | undefined;
    for (const block of listenBlocks(ctx.model)) {
      if (block.listenOnV6.length === 0) continue;
      // What each list admits, in named's first-match order (families.ts): `{ none; ::1; }` admits nothing, and
      // IPv4 literals, which named ignores here, admit no IPv6 address. Host names, acls we cannot see: may admit.
      resolver ??= new FamilyResolver(ctx.model, ctx.linked);
      const lists = block.listenOnV6.map((c) => ({ clause: c, elements: amlElements(c), f: c.block ? resolver!.aml(c.block.statements) : undefined }));
      if (!lists.every((l) => l.f && !l.f.v6 && !l.f.unknown)) continue;
      for (const { clause, elements, f } of lists) {
        const block = clause.block!;
        const none = isNone(elements);
        const hasIpv4 = elements.some((e) => e.kind === 'address' && e.family === 4);
        // An element that matches every IPv6 address negatively, ahead of IPv6 addresses it hides from named.
        const blocker = none ? undefined : elements.findIndex(matchesEveryIpv6Negatively);
        const hidden = blocker !== undefined && blocker >= 0 && elements.slice(blocker + 1).some((e) => !e.negated && e.kind === 'address' && e.family === 6);
        const hider = hidden ? elements[blocker!] : undefined;
        // With IPv4 addresses in the list, bind/ipv4-in-listen-on-v6 moves them out first; replacing the
        // list here would lose them, so this finding then offers no fix of its own.
        const edit = none
          ? { start: elements[0].statement.start, end: elements[0].statement.end, newText: 'any;' }
          : { start: block.start, end: block.end, newText: '{ any; }' };
        const fixes: Fix[] = [];
        if (hider) {
          fixes.push({
            title: `Remove '${elementText(ctx.text, hider)}', which hides the addresses after it`,
            safe: false,
            edits: [removeElement(ctx.text, ctx.lines, block, hider.statement)],
          });
        }
        if (!hasIpv4) fixes.push({ title: "Listen on every IPv6 interface ('any')", safe: false, edits: [edit] });
        ctx.report({
          span: none ? elements[0].node! : hider?.node ?? { start: clause.span.start, end: clause.nameNode?.end ?? clause.span.end },
          message:
            'listen-on-v6 admits no IPv6 address: named will not listen on IPv6, and IPv6 clients cannot reach it.' +
            (hider
              ? ` named takes the first element that matches, and '${elementText(ctx.text, hider)}' matches every IPv6 address (to refuse it): the addresses after it are never reached.`
              : '') +
            (hasIpv4 ? ' Move its IPv4 addresses to listen-on, then list IPv6 addresses or any.' : ''),
          fixes,
          related: resolver.related(f!, 'no IPv6 address'),
        });
      }
    }
  },
});
