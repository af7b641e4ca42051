// rcconf/no-ipv6-route: static IPv6 addresses, but no IPv6 default route: no ipv6_defaultrouter, no router
// advertisements accepted, no routing daemon. IPv6 then works on the attached links only.
import { defineRule } from '../../../core/rule';
import { classify, parseAddress } from '../../../addresses';
import type { Fix, RelatedLocation } from '../../../core/types';
import { insertInValue, insertLineAfter } from '../edits';
import { effective, isYes, valueOfKnob, type Assignment, type RcconfModel } from '../model';
import { interfaces, parseIfconfig, splitValue, type IfAddress } from '../net';

/** rc.d services (base and common ports) that install routes themselves. */
const ROUTING_DAEMONS = ['route6d_enable', 'bird_enable', 'bird6_enable', 'frr_enable', 'quagga_enable', 'zebra_enable', 'ospf6d_enable', 'openbgpd_enable', 'bgpd_enable', 'ripngd_enable'];

interface StaticAddress {
  knob: Assignment;
  iface: string;
  address: IfAddress;
}

/** A global or unique-local address: one that needs a route beyond the link. */
function needsRoute(text: string): boolean {
  const r = parseAddress(text.split('/')[0]);
  if (!r?.ok || r.value.family !== 6) return false;
  const k = classify(r.value);
  return k !== 'link-local' && k !== 'loopback' && k !== 'multicast' && k !== 'unspecified';
}

function acceptsRa(a: Assignment | undefined): boolean {
  const t = a?.value.text;
  return t !== undefined && /(?:^|\s)accept_rtadv(?:\s|$)/i.test(t);
}

export default defineRule<RcconfModel>({
  id: 'rcconf/no-ipv6-route',
  severity: 'warning',
  docs: {
    summary: 'Static IPv6 addresses with no way to an IPv6 default route: no ipv6_defaultrouter, no interface accepting router advertisements, no routing daemon.',
    why:
      'A static IPv6 address does not bring a default route with it. Unless ipv6_defaultrouter is set, an interface has `accept_rtadv` ' +
      '(so that routers announce themselves), or a routing daemon runs, the host answers only on its own links: IPv6 clients elsewhere ' +
      'cannot reach it and it cannot reach them, while IPv4 works and hides the problem.',
    bad: 'ifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"',
    good: 'ifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"\nipv6_defaultrouter="2001:db8::1"',
    fix:
      'Not safe: for a point-to-point address (a tunnel) the fix sets ipv6_defaultrouter to the far end; otherwise it adds `accept_rtadv`, ' +
      'which takes the route from the routers on the link. Check that either is what your network does.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5', 'FreeBSD libexec/rc/rc.d/routing (static_inet6)'],
  },
  check(ctx) {
    const model = ctx.model;
    const router = valueOfKnob(model, 'ipv6_defaultrouter');
    if (effective(model, 'ipv6_defaultrouter') && (router === undefined || !/^(?:no|)$/i.test(router.trim()))) return;
    for (const list of model.byName.values()) if (list.some((a) => /^ipv6_defaultrouter_fib[0-9]+$/.test(a.name))) return;
    if (ROUTING_DAEMONS.some((k) => isYes(valueOfKnob(model, k)))) return;
    const cpe = valueOfKnob(model, 'ipv6_cpe_wanif');
    if (cpe !== undefined && !/^(?:no|)$/i.test(cpe.trim())) return;
    if (isYes(valueOfKnob(model, 'ipv6_enable')) && !isYes(valueOfKnob(model, 'ipv6_gateway_enable'))) return;
    if (acceptsRa(effective(model, 'ifconfig_DEFAULT'))) return;
    // A static IPv6 route to `default` counts too.
    for (const [name, list] of model.byName) {
      if (!/^ipv6_route_/.test(name)) continue;
      const t = list[list.length - 1].value.text ?? '';
      if (/^\s*(?:default|::\/0)(?:\s|$)/.test(t) || /^\s*::\s+-prefixlen\s+0(?:\s|$)/.test(t)) return;
    }

    const found: StaticAddress[] = [];
    for (const c of interfaces(model).values()) {
      if (/^lo[0-9]/.test(c.name)) continue;
      const gateway = isYes(valueOfKnob(model, 'ipv6_gateway_enable'));
      if (!gateway && [c.main, c.ipv6, c.legacyIpv6].some(acceptsRa)) return;
      for (const knob of [c.ipv6, c.legacyIpv6, ...c.aliases, ...c.legacyAliases]) {
        if (!knob || knob.value.text === undefined) continue;
        const args = parseIfconfig(splitValue(knob));
        for (const addr of args.addresses) {
          const v6 = addr.family === 6 || knob.name.startsWith('ipv6_ifconfig_');
          if (v6 && needsRoute(addr.address.text)) found.push({ knob, iface: c.name, address: addr });
        }
      }
      if (c.prefix) {
        const first = splitValue(c.prefix)[0];
        if (first) found.push({ knob: c.prefix, iface: c.name, address: { family: 6, address: first } });
      }
    }
    if (found.length === 0) return;
    found.sort((x, y) => x.knob.span.start - y.knob.span.start);
    const first = found[0];
    const fixes: Fix[] = [];
    const p2p = found.find((f) => {
      const d = f.address.destination && parseAddress(f.address.destination.text);
      return !!d && d.ok && d.value.family === 6;
    });
    if (p2p?.address.destination) {
      const anchor = effective(model, 'ipv6_defaultrouter') ?? p2p.knob;
      const edit =
        anchor === p2p.knob
          ? insertLineAfter(model, p2p.knob, `ipv6_defaultrouter="${p2p.address.destination.text}"`)
          : { start: anchor.span.start, end: anchor.span.end, newText: `ipv6_defaultrouter="${p2p.address.destination.text}"` };
      if (edit) fixes.push({ title: `Route IPv6 through the far end of ${p2p.iface}: ipv6_defaultrouter="${p2p.address.destination.text}"`, safe: false, edits: [edit] });
    }
    const modern = found.find((f) => f.knob.name === `ifconfig_${f.iface}_ipv6` && f.knob.value.text !== undefined);
    if (modern) {
      const e = insertInValue(modern.knob, modern.knob.value.text!.length, ' accept_rtadv');
      if (e) fixes.push({ title: `Accept router advertisements on ${modern.iface} (accept_rtadv)`, safe: false, edits: [e] });
    }
    const related: RelatedLocation[] = found.slice(1, 6).map((f) => ({ span: f.knob.nameSpan, message: `also static on ${f.iface}` }));
    ctx.report({
      span: first.knob.nameSpan,
      message:
        `${first.iface} has the static IPv6 address ${first.address.address.text}, but nothing gives this host an IPv6 default route: ` +
        'ipv6_defaultrouter is not set and no interface accepts router advertisements (accept_rtadv). IPv6 will work on the attached link only. ' +
        'Set ipv6_defaultrouter, or add accept_rtadv where a router advertises.',
      fixes,
      related,
    });
  },
});
