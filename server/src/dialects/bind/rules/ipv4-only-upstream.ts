// bind/ipv4-only-upstream: primaries/masters, also-notify, forwarders or dual-stack-servers with IPv4 addresses only.
import { defineRule } from '../../../core/rule';
import { FamilyResolver, ipv4Only, type Families } from '../families';
import type { BindModel, Clause } from '../model';
import { clausesNamed } from '../model';

const CONSEQUENCE: Record<string, string> = {
  primaries: 'zone transfers and refresh checks fail from an IPv6-only network',
  masters: 'zone transfers and refresh checks fail from an IPv6-only network',
  'also-notify': 'NOTIFY messages never reach an IPv6-only secondary',
  forwarders: 'forwarding fails from an IPv6-only network (named then recurses itself, or fails with forward only)',
  'dual-stack-servers': 'named cannot reach them over IPv6, which is what dual-stack servers are for on an IPv6-only host',
};

export default defineRule<BindModel>({
  id: 'bind/ipv4-only-upstream',
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'A `primaries`/`masters`, `also-notify`, `forwarders` or `dual-stack-servers` list with IPv4 addresses only (named primaries lists resolved).',
    why:
      'These are the servers named itself contacts: where a secondary transfers its zones from, whom a primary notifies, ' +
      'where queries are forwarded. With IPv4 addresses only, all of it fails as soon as the host (or its peer) is on an ' +
      'IPv6-only network, and named-checkconf cannot know. Named primaries lists are followed in the same file and in ' +
      'the files joined to it by `include`; lists that name one we cannot see, or a host name (dual-stack-servers), are not reported.',
    bad: 'zone "example.test" {\n    type secondary;\n    file "db.example.test";\n    primaries { 192.0.2.53; };\n};',
    good: 'zone "example.test" {\n    type secondary;\n    file "db.example.test";\n    primaries { 192.0.2.53; 2001:db8::53; };\n};',
    fix: 'No automatic fix: add the IPv6 addresses of the same servers (they are not derivable from the IPv4 ones).',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-primaries', 'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-forwarders', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    const resolver = new FamilyResolver(ctx.model, ctx.linked);
    const upstreamLists = clausesNamed(ctx.model.clauses, (n) => n in CONSEQUENCE);
    for (let i = 0; i < upstreamLists.length; i++) {
      const c = upstreamLists[i];
      if (!(c.name in CONSEQUENCE) || !c.nameNode || !c.block) continue;
      let f: Families;
      if (c.name === 'forwarders' || c.name === 'dual-stack-servers') f = resolver.addresses(c);
      else if (c.context === 'top') continue; // a named primaries list is judged where a zone uses it
      else f = resolver.remotes(c as Clause);
      if (!ipv4Only(f)) continue;
      const via = f.via.length ? ` (through ${f.via.map((d) => `'${d.name}'`).join(', ')})` : '';
      ctx.report({
        span: c.nameNode,
        message: `${c.name} lists IPv4 addresses only${via}: ${CONSEQUENCE[c.name]}. Add the servers' IPv6 addresses.`,
        related: resolver.related(f, 'IPv4 only'),
      });
    }
  },
});
