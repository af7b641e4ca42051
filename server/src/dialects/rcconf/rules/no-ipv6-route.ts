// rcconf/no-ipv6-route: static IPv6 addresses, but no IPv6 default route: no ipv6_defaultrouter, no router
// advertisements accepted, no routing daemon. IPv6 then works on the attached links only. The rc scripts read more
// than this file: the route may be set in a sibling rc.conf.local or rc.conf.d/routing (RuleContext.linked).
import { defineRule } from '../../../core/rule';
import { parseAddress } from '../../../addresses';
import type { Fix, LinkedFile, RelatedLocation } from '../../../core/types';
import { insertInValue, insertLineAfter } from '../edits';
import { effective, isYes, type Assignment, type RcconfModel } from '../model';
import { interfaces, parseIfconfig, reachesBeyondLink, splitValue, type IfAddress } from '../net';

/** rc.d services (base and common ports) that install routes themselves. */
const ROUTING_DAEMONS = ['route6d_enable', 'bird_enable', 'bird6_enable', 'frr_enable', 'quagga_enable', 'zebra_enable', 'ospf6d_enable', 'openbgpd_enable', 'bgpd_enable', 'ripngd_enable'];

interface StaticAddress {
  knob: Assignment;
  iface: string;
  address: IfAddress;
}

function acceptsRa(a: Assignment | undefined): boolean {
  const t = a?.value.text;
  return t !== undefined && /(?:^|\s)accept_rtadv(?:\s|$)/i.test(t);
}

/** A file the rc scripts read beside this one: rc.conf, rc.conf.local, or rc.conf.d/<script> (or rc.conf.d/<script>/*). */
interface Sibling {
  model: RcconfModel;
  /** 'rc.conf', 'rc.conf.local' or 'rc.conf.d/<script>'. */
  role: string;
  /** sh's reading order: rc_conf_files (defaults/rc.conf: rc.conf, then rc.conf.local), then rc.conf.d/<script>. */
  rank: number;
}

/** Where a path sits among the files the rc scripts read: its etc folder and its role; undefined for other names. */
export function rcconfPlace(path: string): { etc: string; role: string; rank: number } | undefined {
  const parts = path.split(/[\\/]/);
  const n = parts.length;
  const base = parts[n - 1];
  if (base === 'rc.conf' || base === 'rc.conf.local') return { etc: parts.slice(0, -1).join('/'), role: base, rank: base === 'rc.conf' ? 0 : 1 };
  // load_rc_config (rc.subr) reads rc.conf.d/<name>, or every file in the folder rc.conf.d/<name>/.
  if (n >= 2 && parts[n - 2] === 'rc.conf.d') return { etc: parts.slice(0, -2).join('/'), role: `rc.conf.d/${base}`, rank: 2 };
  if (n >= 3 && parts[n - 3] === 'rc.conf.d') return { etc: parts.slice(0, -3).join('/'), role: `rc.conf.d/${parts[n - 2]}`, rank: 2 };
  return undefined;
}

/** The linked files that are rc.conf files of the same etc folder (the callers link nothing else), in sh's order. */
function siblingsOf(linked: readonly LinkedFile<RcconfModel>[]): Sibling[] {
  const out: Sibling[] = [];
  for (const f of linked) {
    const place = rcconfPlace(f.path);
    if (place && f.model?.byName) out.push({ model: f.model, role: place.role, rank: place.rank });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/** The siblings an rc.d script reads: rc.conf and rc.conf.local always, rc.conf.d/<script> for that script only. */
function sources(siblings: readonly Sibling[], script: string): RcconfModel[] {
  return siblings.filter((s) => s.rank < 2 || s.role === `rc.conf.d/${script}`).map((s) => s.model);
}

/** The assignment sh keeps: the last file read that assigns the knob. */
function lastOf(models: readonly RcconfModel[], name: string): Assignment | undefined {
  for (let i = models.length - 1; i >= 0; i--) {
    const a = effective(models[i], name);
    if (a) return a;
  }
  return undefined;
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
    const siblings = siblingsOf(ctx.linked);
    // The knobs as the rc.d script `script` sees them: this file's own assignment, else the last of the siblings it reads.
    const knob = (script: string, name: string) => effective(model, name) ?? lastOf(sources(siblings, script), name);
    const valueOf = (script: string, name: string) => knob(script, name)?.value.text;
    const routing = [model, ...sources(siblings, 'routing')];
    const netif = [model, ...sources(siblings, 'netif')];
    const router = valueOf('routing', 'ipv6_defaultrouter');
    if (knob('routing', 'ipv6_defaultrouter') && (router === undefined || !/^(?:no|)$/i.test(router.trim()))) return;
    for (const m of routing) for (const list of m.byName.values()) if (list.some((a) => /^ipv6_defaultrouter_fib[0-9]+$/.test(a.name))) return;
    // Each daemon's rc.d script is named after its knob (route6d_enable: rc.d/route6d, which reads rc.conf.d/route6d).
    if (ROUTING_DAEMONS.some((k) => isYes(valueOf(k.replace(/_enable$/, ''), k)))) return;
    const cpe = valueOf('netif', 'ipv6_cpe_wanif') ?? valueOf('routing', 'ipv6_cpe_wanif');
    if (cpe !== undefined && !/^(?:no|)$/i.test(cpe.trim())) return;
    const gateway = isYes(valueOf('routing', 'ipv6_gateway_enable'));
    if (isYes(valueOf('netif', 'ipv6_enable')) && !gateway) return;
    if (acceptsRa(knob('netif', 'ifconfig_DEFAULT'))) return;
    // A static IPv6 route to `default` counts too.
    for (const m of routing) {
      for (const [name, list] of m.byName) {
        if (!/^ipv6_route_/.test(name)) continue;
        const t = list[list.length - 1].value.text ?? '';
        if (/^\s*(?:default|::\/0)(?:\s|$)/.test(t) || /^\s*::\s+-prefixlen\s+0(?:\s|$)/.test(t)) return;
      }
    }
    // An interface of a sibling that accepts router advertisements gives the host its route too.
    if (!gateway) {
      for (const m of netif.slice(1)) {
        for (const c of interfaces(m).values()) if (!/^lo[0-9]/.test(c.name) && [c.main, c.ipv6, c.legacyIpv6].some(acceptsRa)) return;
      }
    }

    const found: StaticAddress[] = [];
    for (const c of interfaces(model).values()) {
      if (/^lo[0-9]/.test(c.name)) continue;
      if (!gateway && [c.main, c.ipv6, c.legacyIpv6].some(acceptsRa)) return;
      for (const knob of [c.ipv6, c.legacyIpv6, ...c.aliases, ...c.legacyAliases]) {
        if (!knob || knob.value.text === undefined) continue;
        const args = parseIfconfig(splitValue(knob));
        for (const addr of args.addresses) {
          const v6 = addr.family === 6 || knob.name.startsWith('ipv6_ifconfig_');
          if (v6 && reachesBeyondLink(addr.address.text)) found.push({ knob, iface: c.name, address: addr });
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
    const read = siblings.filter((x) => x.rank < 2 || x.role === 'rc.conf.d/routing' || x.role === 'rc.conf.d/netif').map((x) => x.role);
    const related: RelatedLocation[] = found.slice(1, 6).map((f) => ({ span: f.knob.nameSpan, message: `also static on ${f.iface}` }));
    ctx.report({
      span: first.knob.nameSpan,
      message:
        `${first.iface} has the static IPv6 address ${first.address.address.text}, but nothing gives this host an IPv6 default route: ` +
        'ipv6_defaultrouter is not set and no interface accepts router advertisements (accept_rtadv)' +
        (read.length > 0
          ? ` in this file or in ${read.join(', ')} beside it. `
          : ' in this file, nor in an rc.conf, rc.conf.local or rc.conf.d/routing beside it that v6ready could read (the rc scripts read those too). ') +
        'IPv6 will work on the attached link only. Set ipv6_defaultrouter, or add accept_rtadv where a router advertises.',
      fixes,
      related,
    });
  },
});
