// bind/invalid-address: malformed IPv4/IPv6 literals, prefix lengths out of range, host bits set under a prefix.
import { defineRule } from '../../../core/rule';
import { parseAddress } from '../../../addresses';
import type { BindModel } from '../model';
import { addressLikeWords } from '../addressWords';

export default defineRule<BindModel>({
  id: 'bind/invalid-address',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A malformed IPv4 or IPv6 address, a prefix length out of range, or a prefix with host bits set.',
    why:
      "named-checkconf rejects `2001:db8::/129` and `192.0.2.1/24` (\"address/prefix length mismatch\"); worse, it reads a " +
      "malformed IPv6 literal such as `2001:db8:::1` as the name of an ACL and reports only \"undefined ACL\", which hides " +
      'the typo. The file does not load.',
    bad: 'acl clients { 192.0.2.1/24; 2001:db8:::1; 2001:db8::/129; };',
    good: 'acl clients { 192.0.2.0/24; 2001:db8::1; 2001:db8::/32; };',
    fix:
      'For host bits set under a prefix, a fix (not safe) offers the network address (`192.0.2.0/24`); whether you meant the ' +
      'network or the host (`192.0.2.1/32`) is yours to say. Malformed literals have no automatic fix.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#address-match-lists', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    // Every word that may be an address: parseAddress takes only words with a '.', ':' or '/' (addresses/addressShape).
    const addressList = addressLikeWords(ctx.model).words;
    for (let i = 0; i < addressList.length; i++) {
      const w = addressList[i];
      const r = parseAddress(w.image);
      if (!r) continue;
      if (!r.ok) {
        const acl = r.reason.includes('not a valid') ? ' (named would read it as the name of an ACL and report it undefined)' : '';
        ctx.report({ span: w, message: `${r.reason}${acl}.` });
        continue;
      }
      const lit = r.value;
      if (lit.hostBitsSet && lit.prefix !== undefined) {
        const network = networkOf(w.image);
        ctx.report({
          span: w,
          message:
            `'${w.image}': address/prefix length mismatch: bits beyond /${lit.prefix} are set, and named refuses the file. ` +
            `Write the network (${network}) or a host prefix.`,
          fixes: network ? [{ title: `Use the network address ${network}`, safe: false, edits: [{ start: w.start, end: w.end, newText: network }] }] : [],
        });
      }
    }
  },
});

/** `192.0.2.1/24` -> `192.0.2.0/24`, `2001:db8::1/32` -> `2001:db8::/32`. */
function networkOf(text: string): string | undefined {
  const r = parseAddress(text);
  if (!r?.ok || r.value.prefix === undefined) return undefined;
  const { family, prefix } = r.value;
  const [addr] = r.value.canonical.split('/');
  if (family === 4) {
    const n = addr.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
    const net = n & ~((1n << BigInt(32 - prefix)) - 1n);
    return `${[24n, 16n, 8n, 0n].map((s) => String((net >> s) & 255n)).join('.')}/${prefix}`;
  }
  const groups = expand6(addr.split('%')[0]);
  let n = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  n &= ~((1n << BigInt(128 - prefix)) - 1n);
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  return `${compress6(out)}/${prefix}`;
}

function expand6(addr: string): number[] {
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':').map((x) => parseInt(x, 16)) : [];
  const t = tail ? tail.split(':').map((x) => parseInt(x, 16)) : [];
  return tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
}

/** RFC 5952: the longest run of two or more zero groups becomes `::`. */
function compress6(groups: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
