// bind/ipv4-only-acl: an address match list (allow-query, allow-transfer, match-clients, ...) that admits only IPv4.
import { defineRule } from '../../../core/rule';
import { FamilyResolver, ipv4Only } from '../families';
import type { BindModel } from '../model';
import { clausesNamed } from '../model';

/** Lists that decide which clients (or which of our addresses) are served; an IPv4-only one shuts IPv6 out. */
const CLIENT_LISTS = new Set([
  'allow-query', 'allow-query-cache', 'allow-query-on', 'allow-query-cache-on', 'allow-recursion', 'allow-recursion-on',
  'allow-transfer', 'allow-notify', 'allow-update', 'allow-update-forwarding', 'match-clients', 'match-destinations',
]);

export default defineRule<BindModel>({
  id: 'bind/ipv4-only-acl',
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'An address match list that admits only IPv4 clients (`allow-query`, `allow-recursion`, `allow-transfer`, `allow-notify`, `allow-update`, `match-clients`, ...), named ACLs resolved.',
    why:
      'named checks every client against these lists, and an IPv6 client matches none of the IPv4 prefixes: its queries, ' +
      'transfers, NOTIFYs or updates are refused (REFUSED, or a view that never matches). named-checkconf says nothing. ' +
      'The same hosts usually have IPv6 addresses too: the list was written before IPv6 was. Named ACLs (`acl internal { … };`) ' +
      'are followed, nested lists too, in the same file and in the files joined to it by `include` (both ways: named.conf.options ' +
      'sees the acls of named.conf); a list that names an ACL we cannot see (in a file that cannot be read), a key, `any`, ' +
      '`localhost` or `localnets` is not reported (those admit IPv6 or may).',
    bad: 'acl internal { 192.0.2.0/24; };\noptions {\n    allow-recursion { internal; };\n};',
    good: 'acl internal { 192.0.2.0/24; 2001:db8:1::/48; };\noptions {\n    allow-recursion { internal; };\n};',
    fix:
      'No automatic fix: only you know the IPv6 prefixes of the hosts the list is meant for. Add them to the list (or to the ' +
      'ACL it names); if shutting IPv6 clients out is what you want, say so with a suppression comment.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#address-match-lists', 'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-allow-query'],
  },
  check(ctx) {
    const resolver = new FamilyResolver(ctx.model, ctx.linked);
    const clientLists = clausesNamed(ctx.model.clauses, (n) => CLIENT_LISTS.has(n));
    for (let i = 0; i < clientLists.length; i++) {
      const c = clientLists[i];
      if (!CLIENT_LISTS.has(c.name) || !c.nameNode || !c.block) continue;
      const f = resolver.aml(c.block.statements);
      if (!ipv4Only(f)) continue;
      const via = f.via.length ? ` (through ${f.via.map((d) => `acl '${d.name}'`).join(', ')})` : '';
      // A view's match list refuses nobody: a query it does not match goes on to the next view (and is refused
      // only when no view matches it). The allow-* lists answer REFUSED.
      const outcome =
        c.name === 'match-clients'
          ? 'IPv6 clients never match this view and fall through to the next one (refused if no later view matches them)'
          : c.name === 'match-destinations'
            ? 'queries sent to our IPv6 addresses never match this view and fall through to the next one (refused if no later view matches them)'
            : `named refuses ${c.name.endsWith('-on') ? 'queries sent to any of our IPv6 addresses' : 'every IPv6 client'}`;
      ctx.report({
        span: c.nameNode,
        message: `${c.name} admits only IPv4 addresses${via}: ${outcome}. Add the IPv6 prefixes of the same hosts.`,
        related: resolver.related(f, 'IPv4 only'),
      });
    }
  },
});
