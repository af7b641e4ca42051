// bind/special-address: an IPv6 address that cannot work as written: site-local, 6bone, 6to4, IPv4-mapped, or
// link-local without a zone index. (Documentation ranges, less surely a mistake, are bind/documentation-address.)
import { defineRule } from '../../../core/rule';
import { addressWords, isMapped } from '../addressWords';
import type { BindModel } from '../model';

interface Range {
  /** Prefix length of the special range: a literal that names the range itself (or a wider one) is a deliberate filter. */
  len: number;
  test(bits: bigint): boolean;
  message(text: string): string;
}

const top16 = (b: bigint) => Number(b >> 112n);

const RANGES: Range[] = [
  {
    len: 10,
    test: (b) => (top16(b) & 0xffc0) === 0xfec0,
    message: (t) => `'${t}' is a site-local address (fec0::/10), deprecated since 2004 (RFC 3879): hosts no longer configure or route them. Use a unique local (fd00::/8) or global address.`,
  },
  {
    len: 16,
    test: (b) => top16(b) === 0x3ffe,
    message: (t) => `'${t}' is in 3ffe::/16, the 6bone test network returned in 2006 (RFC 3701): nothing routes it any more. Use the current address of that host.`,
  },
  {
    len: 16,
    test: (b) => top16(b) === 0x2002,
    message: (t) => `'${t}' is a 6to4 address (2002::/16), a transition mechanism deprecated by RFC 7526 whose relays have mostly gone: traffic to it is often lost. Use a native IPv6 address.`,
  },
  {
    len: 96,
    test: isMapped,
    message: (t) =>
      `'${t}' is an IPv4-mapped IPv6 address: named sees IPv4 clients as IPv4, and an IPv6-only network cannot reach it. Write the IPv4 address itself (${t.replace(/^::ffff:/i, '')}) in an IPv4 context, or the host's real IPv6 address.`,
  },
];

export default defineRule<BindModel>({
  id: 'bind/special-address',
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: 'An IPv6 address that cannot work as written: site-local (fec0::/10), 6bone (3ffe::/16), 6to4 (2002::/16), IPv4-mapped (::ffff:0:0/96), or link-local (fe80::/10) without a zone index.',
    why:
      'named-checkconf accepts all of these (research/real-daemons.md §1c). Site-local and 6bone addresses have not been ' +
      'assigned for two decades; 6to4 depends on relays that have mostly disappeared; named treats IPv4 clients as IPv4, so ' +
      'a mapped address in an ACL never matches, and as a server address it is IPv4 in disguise; a link-local address is the ' +
      'same on every link, so without `%interface` named cannot tell which one is meant. These are nearly always mistakes, ' +
      'hence a warning. A prefix that names such a range itself (`2002::/16` in a blocklist) is a deliberate filter and is not ' +
      'reported. Documentation addresses (2001:db8::/32, 192.0.2.0/24) are the separate, milder rule bind/documentation-address.',
    bad: 'options {\n    also-notify { fe80::53; fec0::53; };\n};',
    good: 'options {\n    also-notify { fe80::53%eth0; fd00::53; };\n};',
    fix: 'No automatic fix: the right address is the host\'s real one, or the interface is yours to name.',
    references: ['https://www.rfc-editor.org/rfc/rfc3879', 'https://www.rfc-editor.org/rfc/rfc3701', 'https://www.rfc-editor.org/rfc/rfc7526', 'https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5.2', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    for (const { node, literal, bits: b6 } of addressWords(ctx.model)) {
      const bits = b6;
      if (bits === undefined) continue;
      const prefix = literal.prefix ?? 128;
      const range = RANGES.find((r) => r.test(bits));
      if (range) {
        if (prefix > range.len) ctx.report({ span: node, message: range.message(node.image.split('/')[0]) });
        continue;
      }
      if ((top16(bits) & 0xffc0) === 0xfe80 && literal.zone === undefined && prefix === 128) {
        ctx.report({
          span: node,
          message: `'${node.image}' is link-local without a zone index: every interface has fe80::/10, so named cannot tell which link is meant. Add the interface (${node.image.split('/')[0]}%eth0) or use a global address.`,
        });
      }
    }
  },
});
