// zone/invalid-address: A or AAAA data that is not an address BIND accepts (leading zeros, short dotted quads,
// a prefix length, a zone index, five hex digits, a second `::`); named refuses the whole zone.
import { defineRule } from '../../../core/rule';
import { isDottedQuad, isIPv6Text, looksLike } from '../inet';
import type { ZoneModel } from '../model';

/** Why BIND rejects the text, in a few words. */
function hint4(s: string): string {
  if (s.includes('/')) return 'an A record takes one address, not a prefix';
  const parts = s.split('.');
  if (parts.length !== 4) return `a dotted quad has four parts, this one ${parts.length}`;
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return 'leading zeros are not allowed (BIND would not guess octal or decimal)';
  if (parts.some((p) => Number(p) > 255)) return 'each part is at most 255';
  return 'four decimal numbers 0-255 separated by dots';
}

function hint6(s: string): string {
  if (s.includes('%')) return 'a zone index (%eth0) has no meaning in DNS data';
  if (s.includes('/')) return 'an AAAA record takes one address, not a prefix';
  if (s.startsWith('[')) return 'no brackets around the address';
  if ((s.match(/::/g) ?? []).length > 1 || s.includes(':::')) return '`::` may appear only once';
  if (/[0-9a-fA-F]{5,}/.test(s)) return 'each group has at most four hex digits';
  if (/[^0-9a-fA-F:.]/.test(s)) return 'only hex digits, colons and a dotted-quad tail may appear';
  return 'eight groups of hex digits, or fewer with one `::`';
}

export default defineRule<ZoneModel>({
  id: 'zone/invalid-address',
  severity: 'error',
  docs: {
    summary: 'A or AAAA data that is not a valid IPv4 or IPv6 address as BIND reads it.',
    why:
      'BIND parses A and AAAA data with inet_pton: no leading zeros (`192.0.2.010`), no abbreviated dotted quads (`10.1`), no prefix ' +
      'length, no zone index (`fe80::1%eth0`), at most four hex digits per group and one `::`. named-checkzone stops at the line ' +
      '("bad dotted quad", "bad IPv6 address") and named does not load the zone, so every name in it fails.',
    bad: 'www   IN  A     192.0.2.080\nwww   IN  AAAA  2001:db8:::80',
    good: 'www   IN  A     192.0.2.80\nwww   IN  AAAA  2001:db8::80',
    fix: 'No automatic fix: only you know which address was meant. An address of the other family is zone/address-family.',
    references: ['https://www.rfc-editor.org/rfc/rfc1035#section-3.4.1', 'https://www.rfc-editor.org/rfc/rfc4291#section-2.2', 'research/real-daemons.md §1f'],
  },
  check(ctx) {
    for (const rec of ctx.model.records) {
      const code = rec.type.code;
      if (code === 1 || code === 28) {
        const data = rec.rdata[0];
        if (!data || data.kind !== 'word' || rec.generic || data.image === '\\#') continue;
        const v = data.value;
        if (code === 1 && !isDottedQuad(v) && !isIPv6Text(v)) {
          ctx.report({ span: data, message: `bad dotted quad: '${v}' is not an IPv4 address BIND accepts (${hint4(v)}); named does not load the zone.` });
        } else if (code === 28 && !isIPv6Text(v) && !isDottedQuad(v)) {
          ctx.report({ span: data, message: `bad IPv6 address: '${v}' is not an address BIND accepts (${hint6(v)}); named does not load the zone.` });
        }
      } else if (code === 64 || code === 65) {
        for (const p of rec.rdata.slice(2)) {
          const m = p.kind === 'word' ? /^(ipv4hint|ipv6hint)=(.*)$/.exec(p.value) : null;
          if (!m) continue;
          for (const a of m[2].split(',')) {
            const fam = looksLike(a);
            const ok = isDottedQuad(a) || isIPv6Text(a);
            if (!ok) ctx.report({ span: p, message: `${m[1]}: '${a}' is not a valid ${fam === 4 || m[1] === 'ipv4hint' ? 'IPv4' : 'IPv6'} address; named-checkzone refuses the zone ("syntax error").` });
          }
        }
      }
    }
  },
});
