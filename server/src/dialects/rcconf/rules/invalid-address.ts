// rcconf/invalid-address: malformed IPv4/IPv6 literals, prefix lengths and netmasks in address knobs, and addresses
// of the wrong family (an IPv6 router in defaultrouter, an IPv4 one in ipv6_defaultrouter, `inet6 192.0.2.1`).
import { defineRule } from '../../../core/rule';
import { parseAddress } from '../../../addresses';
import type { Fix, ReportInput, Span } from '../../../core/types';
import { rename } from '../edits';
import type { Assignment, RcconfModel } from '../model';
import { effective } from '../model';
import { isMac, knobRole, looksLikeAddress, parseIfconfig, splitValue, type ArgToken } from '../net';

/** Knobs whose value is a list of addresses or prefixes (every address-looking word is checked). */
const ADDRESS_LISTS: Record<string, 4 | 6 | undefined> = {
  firewall_client_net: 4,
  firewall_simple_inet: 4,
  firewall_simple_onet: 4,
  firewall_client_net_ipv6: 6,
  firewall_simple_inet_ipv6: 6,
  firewall_simple_onet_ipv6: 6,
  firewall_trusted: undefined,
  firewall_allowservices: undefined,
  stf_interface_ipv4addr: 4,
  pfsync_syncpeer: undefined,
  netwait_ip: undefined,
  natd_interface: undefined,
  firewall_nat_interface: undefined,
};

const NONE = /^(?:no|none|)$/i;

function spanOf(a: Assignment, t: ArgToken): Span {
  return t.span ?? a.value.span;
}

/** The problem with an address word, or undefined when it is fine. Ranges (`192.0.2.5-9`) are left alone. */
function problemOf(text: string, family?: 4 | 6): string | undefined {
  if (text.includes('-') || isMac(text)) return undefined;
  const r = parseAddress(text);
  if (!r) return `'${text}' is not an IPv${family ?? 4} address`;
  if (!r.ok) return r.reason;
  if (family && r.value.family !== family) return `'${text}' is an IPv${r.value.family} address where IPv${family} is needed`;
  return undefined;
}

export default defineRule<RcconfModel>({
  id: 'rcconf/invalid-address',
  severity: 'error',
  docs: {
    summary: 'A malformed IPv4 or IPv6 address, prefix length or netmask in an interface, route or firewall knob, or an address of the wrong family.',
    why:
      'rc.d/netif and rc.d/routing pass these values to ifconfig(8) and route(8) at boot. A malformed address makes that command fail: the ' +
      'interface comes up without it, or the route is missing, and the boot goes on with only a message on the console. ' +
      'An IPv6 gateway in defaultrouter (or an IPv4 one in ipv6_defaultrouter) gives no default route at all for that family.',
    bad: 'ifconfig_em0_ipv6="inet6 2001:db8::1::5 prefixlen 129"\ndefaultrouter="2001:db8::1"',
    good: 'ifconfig_em0_ipv6="inet6 2001:db8::5 prefixlen 64"\nipv6_defaultrouter="2001:db8::1"',
    fix: 'Not safe, and offered only for the family mix-ups: defaultrouter with an IPv6 address is renamed to ipv6_defaultrouter (and the reverse). Malformed literals have no automatic fix.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5', 'https://man.freebsd.org/cgi/man.cgi?query=ifconfig&sektion=8'],
  },
  check(ctx) {
    const model = ctx.model;
    for (const a of model.assignments) {
      if (a.forCommand || a.value.text === undefined) continue;
      const report = (r: ReportInput) => ctx.report(r);
      const role = knobRole(a.name);
      // Split the value only for the knobs checked below (a huge unrelated value costs nothing).
      let split: ArgToken[] | undefined;
      const tokensOf = () => (split ??= splitValue(a));

      // Interface configuration: ifconfig(8) arguments.
      if ((role.kind === 'ifconfig' && role.part !== 'name' && role.part !== 'descr') || role.kind === 'ipv6_ifconfig') {
        const args = parseIfconfig(tokensOf());
        const implied: 4 | 6 | undefined = role.kind === 'ipv6_ifconfig' ? 6 : undefined;
        for (const addr of args.addresses) {
          const family = addr.keyword ? addr.family : implied;
          for (const t of [addr.address, addr.destination]) {
            if (!t) continue;
            const p = problemOf(t.text, family);
            if (p) report({ span: spanOf(a, t), message: `${p} (${a.name}): ifconfig fails on it at boot and the interface comes up without this address.` });
          }
          if (addr.prefixlen) {
            const n = Number(addr.prefixlen.text);
            if (!/^[0-9]{1,3}$/.test(addr.prefixlen.text) || n > 128) {
              report({ span: spanOf(a, addr.prefixlen), message: `invalid prefixlen '${addr.prefixlen.text}' (0 to 128) in ${a.name}: ifconfig rejects the address.` });
            }
          }
          if (addr.netmask) {
            const m = addr.netmask.text;
            const ok = /^0x[0-9a-fA-F]{8}$/.test(m) ? contiguous(parseInt(m, 16)) : /^[0-9]+(?:\.[0-9]+){3}$/.test(m) ? dottedOk(m) : false;
            if (!ok) report({ span: spanOf(a, addr.netmask), message: `invalid netmask '${m}' in ${a.name}: use a contiguous mask such as 255.255.255.0 or 0xffffff00, or /len after the address.` });
          }
        }
        continue;
      }
      if (role.kind === 'gifconfig') {
        const tokens = tokensOf();
        const words = tokens.filter((t) => !/^inet6?$/i.test(t.text));
        const v6 = /^inet6$/i.test(tokens[0]?.text ?? '');
        for (const t of words.slice(0, 2)) {
          const p = problemOf(t.text, v6 ? 6 : undefined);
          if (p) report({ span: spanOf(a, t), message: `${p} (${a.name}): the tunnel endpoint is not set and the gif interface carries nothing.` });
        }
        continue;
      }
      if (role.kind === 'ipv6_prefix') {
        for (const t of tokensOf()) {
          const [prefix, plen] = t.text.split('/');
          // network.subr trims a trailing `::` or `:` and appends `::`.
          const norm = prefix.replace(/::.*$/, '').replace(/:$/, '') + '::';
          const r = parseAddress(norm);
          if (!r || !r.ok || (plen !== undefined && !(Number(plen) <= 128 && /^[0-9]+$/.test(plen)))) {
            report({ span: spanOf(a, t), message: `'${t.text}' is not an IPv6 prefix (${a.name} takes prefixes such as 2001:db8:1:0 or 2001:db8:1::/64).` });
          }
        }
        continue;
      }
      if (role.kind === 'ipv4_addrs') {
        for (const t of tokensOf()) {
          const p = problemOf(t.text, 4);
          if (p) report({ span: spanOf(a, t), message: `${p} (${a.name}).` });
        }
        continue;
      }
      const fib = /^(ipv6_)?defaultrouter(?:_fib[0-9]+)?$/.exec(a.name);
      if (fib) {
        const want: 4 | 6 = fib[1] ? 6 : 4;
        const v = a.value.text.trim();
        if (NONE.test(v) || !looksLikeAddress(v)) continue; // NO, or a host name route(8) resolves
        const r = parseAddress(v);
        if (r?.ok && r.value.family !== want) {
          const other = want === 4 ? a.name.replace('defaultrouter', 'ipv6_defaultrouter') : a.name.replace('ipv6_', '');
          const fixes: Fix[] = effective(model, other) ? [] : [{ title: `Rename to ${other}`, safe: false, edits: [rename(a, other)] }];
          report({
            span: a.value.span,
            message:
              `${a.name} takes an IPv${want} gateway, but ${v} is IPv${r.value.family}: route(8) fails at boot and there is no IPv${want} default route. ` +
              `This address belongs in ${other}.`,
            fixes,
          });
          continue;
        }
        const p = problemOf(v, want);
        if (p) report({ span: a.value.span, message: `${p} (${a.name}): route(8) fails at boot and there is no default route.` });
        continue;
      }
      if (/^static_ndp_/.test(a.name) && a.name !== 'static_ndp_pairs' && tokensOf()[0]) {
        const t0 = tokensOf()[0];
        const p = problemOf(t0.text, 6);
        if (p) report({ span: spanOf(a, t0), message: `${p} (${a.name} takes "<IPv6 address> <MAC address>").` });
        continue;
      }
      if (/^static_arp_/.test(a.name) && a.name !== 'static_arp_pairs' && tokensOf()[0]) {
        const t0 = tokensOf()[0];
        const p = problemOf(t0.text, 4);
        if (p) report({ span: spanOf(a, t0), message: `${p} (${a.name} takes "<IPv4 address> <MAC address>").` });
        continue;
      }
      const routeV6 = /^ipv6_route_/.test(a.name);
      if (routeV6 || /^route_/.test(a.name)) {
        const tokens = tokensOf();
        for (let i = 0; i < tokens.length; i++) {
          const t = tokens[i];
          if (i > 0 && /^-prefixlen$/.test(tokens[i - 1].text)) {
            if (!/^[0-9]{1,3}$/.test(t.text) || Number(t.text) > 128) report({ span: spanOf(a, t), message: `invalid -prefixlen '${t.text}' (0 to 128) in ${a.name}.` });
            continue;
          }
          if (!looksLikeAddress(t.text) || (i > 0 && /^-(?:iface|interface|ifp|link)$/.test(tokens[i - 1].text))) continue;
          const p = problemOf(t.text, routeV6 ? 6 : undefined);
          if (p) report({ span: spanOf(a, t), message: `${p} (${a.name}): route(8) fails on it at boot and the route is missing.` });
        }
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(ADDRESS_LISTS, a.name)) {
        const family = ADDRESS_LISTS[a.name];
        for (const t of tokensOf()) {
          if (!looksLikeAddress(t.text)) continue;
          const p = problemOf(t.text, family);
          if (p) report({ span: spanOf(a, t), message: `${p} (${a.name}).` });
        }
      }
    }
  },
});

function contiguous(mask: number): boolean {
  const inv = ~mask >>> 0;
  return (inv & (inv + 1)) === 0;
}

function dottedOk(m: string): boolean {
  const parts = m.split('.').map(Number);
  if (parts.some((p) => p > 255)) return false;
  return contiguous(((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0);
}
