// bind/non-canonical-ipv6: an IPv6 address not in RFC 5952 form (upper case, leading zeros, zero runs not compressed).
import { defineRule } from '../../../core/rule';
import { addressWords, canonical6 } from '../addressWords';
import type { BindModel } from '../model';

export default defineRule<BindModel>({
  id: 'bind/non-canonical-ipv6',
  scope: 'statement',
  severity: 'hint',
  docs: {
    summary: 'An IPv6 address not written in the RFC 5952 canonical form (lower case, no leading zeros, the longest run of zero groups as `::`, IPv4-mapped in dotted form).',
    why:
      'named reads every form alike, so nothing breaks; but the same address written two ways defeats grep, diffs and ' +
      'reviews (`2001:DB8:0:0::1` and `2001:db8::1` are one host), and logs, `dig` and named-checkconf -p print the canonical form.',
    bad: 'acl ns { 2001:0DB8:0:0:0:0:0:53; };',
    good: 'acl ns { 2001:db8::53; };',
    fix: 'Safe: rewrites the address in RFC 5952 form, keeping its zone index and prefix length as written; named reads the same address.',
    references: ['https://www.rfc-editor.org/rfc/rfc5952'],
  },
  check(ctx) {
    for (const { node, literal, bits: b6 } of addressWords(ctx.model)) {
      const bits = b6;
      if (bits === undefined) continue;
      const cut = node.image.search(/[%/]/);
      const written = cut < 0 ? node.image : node.image.slice(0, cut);
      // A prefix over the mapped range (`::ffff:0:0/96`) names a range, not a host: hex is as canonical there.
      const canon = canonical6(bits, (literal.prefix ?? 128) > 96);
      if (written === canon) continue;
      ctx.report({
        span: node,
        message: `'${written}' is not in canonical form (RFC 5952): write ${canon}.`,
        fixes: [{ title: `Write ${canon}`, safe: true, edits: [{ start: node.start, end: node.start + written.length, newText: canon }] }],
      });
    }
  },
});
