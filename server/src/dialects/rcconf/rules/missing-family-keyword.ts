// rcconf/missing-family-keyword: interface address knobs whose value does not start with `inet` / `inet6`.
import { defineRule } from '../../../core/rule';
import type { Edit } from '../../../core/types';
import type { Assignment, RcconfModel } from '../model';
import { insertInValue } from '../edits';
import { knobRole, looksLikeAddress, splitValue, takesArgument, type ArgToken } from '../net';

export default defineRule<RcconfModel>({
  id: 'rcconf/missing-family-keyword',
  severity: 'warning',
  docs: {
    summary: 'An `ifconfig_<if>_ipv6`, `ifconfig_<if>_alias<n>` or `ifconfig_<if>_aliases` value that starts with an address instead of `inet6` / `inet`.',
    why:
      'network.subr needs the address family first. For `ifconfig_<if>_ipv6` it adds the missing `inet6` and warns at every boot. ' +
      'For `ifconfig_<if>_alias<n>` it assumes IPv4: an IPv4 address works (with a warning), an IPv6 address is handed to ' +
      '`ifconfig <if> inet ...` and is never configured. `ifconfig_<if>_aliases` holds a list of addresses that network.subr cuts ' +
      'into one ifconfig command per `inet` / `inet6` keyword: the words before the first keyword are dropped silently, and an ' +
      'address with no keyword of its own joins the command of the one before it (as its destination address, not as an alias).',
    bad: 'ifconfig_em0_ipv6="2001:db8::10 prefixlen 64"\nifconfig_em0_alias0="2001:db8::11 prefixlen 64"\nifconfig_em0_aliases="192.0.2.3/32 192.0.2.4/32"',
    good: 'ifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"\nifconfig_em0_alias0="inet6 2001:db8::11 prefixlen 64"\nifconfig_em0_aliases="inet 192.0.2.3/32 inet 192.0.2.4/32"',
    fix:
      'Safe: inserts `inet6` (IPv6 address) or `inet` (IPv4 address) before the address, which is what it needs to be configured. ' +
      'In `ifconfig_<if>_aliases` every address before the first keyword gets its own, so that each becomes an alias of its own.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5', 'FreeBSD libexec/rc/network.subr (ifconfig_up, ifalias_af_common)'],
  },
  check(ctx) {
    for (const a of ctx.model.assignments) {
      if (a.forCommand || a.value.text === undefined) continue;
      const role = knobRole(a.name);
      if (role.kind !== 'ifconfig' || (role.part !== 'ipv6' && role.part !== 'alias' && role.part !== 'aliases') || role.iface === 'DEFAULT') continue;
      const tokens = splitValue(a);
      const first = tokens[0];
      if (!first || !looksLikeAddress(first.text)) continue;
      // `_ipv6` and `_alias<n>` are one ifconfig command each: one keyword at the start. `_aliases` is cut at the keywords.
      const addresses = role.part === 'aliases' ? leadingAddresses(tokens) : [first];
      const keywordOf = (t: ArgToken) => (t.text.includes(':') ? 'inet6' : 'inet');
      const keyword = keywordOf(first);
      const edits = keywordEdits(a, addresses.map((t) => ({ token: t, keyword: keywordOf(t) })));
      const written = addresses.map((t) => `${keywordOf(t)} ${t.text}`).join(' ');
      let message: string;
      if (role.part === 'ipv6') {
        message = `${a.name} starts with an address: network.subr adds the missing "inet6" and warns at every boot. Write "inet6 ${first.text} ...".`;
      } else if (role.part === 'aliases') {
        message =
          addresses.length === 1
            ? `${a.name} starts with ${first.text} before any "inet"/"inet6" keyword: network.subr drops it silently and it is never configured. Write "${written} ...".`
            : `${a.name} starts with ${addresses.length} addresses before any "inet"/"inet6" keyword (${addresses.map((t) => t.text).join(', ')}): network.subr drops them silently and none is configured. ` +
              `Give each its own keyword: "${written}".`;
      } else if (keyword === 'inet6') {
        message = `${a.name} has no "inet6" keyword: network.subr reads the value as IPv4 ("inet ${first.text}"), ifconfig rejects it, and the IPv6 alias is never configured. Write "inet6 ${first.text} ...".`;
      } else {
        message = `${a.name} has no "inet" keyword: network.subr assumes IPv4 and warns at every boot. Write "inet ${first.text} ...".`;
      }
      const last = addresses[addresses.length - 1];
      const span = first.span && last.span ? { start: first.span.start, end: last.span.end } : a.value.span;
      const title = addresses.length === 1 ? `Insert "${keyword}" before the address` : 'Insert "inet"/"inet6" before each address';
      ctx.report({ span, message, fixes: edits ? [{ title, safe: true, edits }] : [] });
    }
  },
});

/**
 * The addresses of an `_aliases` value before its first family keyword: network.subr drops all of these. Arguments of
 * words such as netmask or broadcast are not addresses of their own.
 */
function leadingAddresses(tokens: ArgToken[]): ArgToken[] {
  const out: ArgToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].text.toLowerCase();
    if (w === 'inet' || w === 'inet6') break;
    if (takesArgument(w)) i++;
    else if (looksLikeAddress(tokens[i].text)) out.push(tokens[i]);
  }
  return out;
}

/** One edit per keyword; undefined when the value cannot be edited in place (see insertInValue). */
function keywordEdits(a: Assignment, inserts: { token: ArgToken; keyword: string }[]): Edit[] | undefined {
  const c = a.value.content;
  if (!c) return undefined;
  const edits: Edit[] = [];
  for (const { token, keyword } of inserts) {
    if (!token.span) return undefined;
    const e = insertInValue(a, token.span.start - c.start, `${keyword} `);
    if (!e) return undefined;
    edits.push(e);
  }
  // insertInValue rewrites a bare value whole (a blank needs quotes): one such edit at most. A bare word has no blank,
  // so it never holds two addresses; this only keeps the edits from overlapping.
  if (edits.length > 1 && (a.value.quote === 'none' || a.value.quote === 'empty')) return undefined;
  return edits;
}
