// bind/documentation-address: an address from a range reserved for documentation (2001:db8::/32, 3fff::/20, 192.0.2.0/24, ...).
import { defineRule } from '../../../core/rule';
import { addressWords } from '../addressWords';
import type { BindModel } from '../model';

/** [first bits, prefix length] of each documentation range, IPv4 as a 32-bit number. */
const V4_DOC: Array<[number, number]> = [[0xc0000200, 24], [0xc6336400, 24], [0xcb007100, 24]];
const V6_DOC: Array<[bigint, number]> = [[0x20010db8n << 96n, 32], [0x3fffn << 112n, 20]];

/** The lists of servers named itself contacts (primaries/masters, also-notify, forwarders, dual-stack-servers). */
const UPSTREAM_CONTEXTS = new Set(['remote-servers', 'addresses', 'dual-stack-servers']);

function v4Bits(canonical: string): number {
  return canonical.split('/')[0].split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}

export default defineRule<BindModel>({
  id: 'bind/documentation-address',
  scope: 'statement',
  severity: 'info',
  docs: {
    summary: 'A server named contacts (primaries, also-notify, forwarders, dual-stack-servers, `server`) given an address from a documentation range: 2001:db8::/32, 3fff::/20, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24.',
    why:
      'These ranges are reserved for examples (RFC 3849, RFC 9637, RFC 5737) and are never routed: a primary, forwarder or ' +
      'notify target written with one is a placeholder copied from a manual and never replaced, and named will wait for ' +
      'answers that cannot come. Only the servers named contacts are checked: in an ACL such an address admits nobody and ' +
      'harms nothing, and examples and test configs use these ranges everywhere on purpose (v6ready\'s own do). For the same ' +
      'reason this is information, not a warning. A prefix that names the whole range (a bogon blocklist) is not reported.',
    bad: 'options {\n    forwarders { 2001:db8::53; };\n};',
    good: 'options {\n    forwarders { 2620:fe::fe; };\n};',
    fix: 'No automatic fix: put the real address there.',
    references: ['https://www.rfc-editor.org/rfc/rfc3849', 'https://www.rfc-editor.org/rfc/rfc9637', 'https://www.rfc-editor.org/rfc/rfc5737'],
  },
  check(ctx) {
    for (const { node, literal, clause, bits: b6 } of addressWords(ctx.model)) {
      if (!UPSTREAM_CONTEXTS.has(clause.context) && !(clause.name === 'server' && (clause.context === 'top' || clause.context === 'view'))) continue;
      let len: number | undefined;
      if (literal.family === 4) {
        if (literal.prefix !== undefined && literal.canonical.split('/')[0].split('.').length !== 4) continue;
        const b = v4Bits(literal.canonical);
        len = V4_DOC.find(([net, l]) => Math.floor(b / 2 ** (32 - l)) === Math.floor(net / 2 ** (32 - l)))?.[1];
      } else {
        const b = b6;
        if (b === undefined) continue;
        len = V6_DOC.find(([net, l]) => b >> BigInt(128 - l) === net >> BigInt(128 - l))?.[1];
      }
      if (len === undefined || (literal.prefix ?? (literal.family === 4 ? 32 : 128)) <= len) continue;
      ctx.report({
        span: node,
        message: `'${node.image}' is in a documentation range (never routed): is it a placeholder left from an example? Put the real address here.`,
      });
    }
  },
});
