// rcconf/unknown-knob: a variable FreeBSD's base system does not know that is one typo away from one it does
// (`sshd_enabled`, `ifconfg_em0`, `ifconfig_em0_ip6`). rc.conf accepts any variable, so names with no close
// match (port services, helper variables) are left alone.
import { defineRule } from '../../../core/rule';
import { closestMatches, editDistance } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { knobDoc, knownKnobNames } from '../docs';
import { rename } from '../edits';
import type { RcconfModel } from '../model';
import { interfaces, knobRole } from '../net';

/** Prefixes of knob families named after an interface or entry: a typo there is still recognisable. */
const FAMILY_PREFIXES = ['ifconfig_', 'ipv6_prefix_', 'ipv6_route_', 'route_', 'static_ndp_', 'static_arp_', 'vlans_', 'wlans_', 'create_args_', 'gifconfig_', 'dhclient_flags_'];
const IF_SUFFIXES = ['ipv6', 'aliases', 'name', 'descr'];
/** rc.subr's per-service suffixes: `<service>_<suffix>` is a plausible knob of any port's service. */
const SERVICE = /^([a-z0-9_]+?)_(enable|flags|program|config|conf|rules|user|group|pidfile|chroot|env|fib|nice|limits|oomprotect|svcj)$/;

function suggestions(name: string, known: string[], model: RcconfModel): string[] {
  // A mistyped family prefix: ifconfg_em0 -> ifconfig_em0.
  for (const p of FAMILY_PREFIXES.some((f) => name.startsWith(f)) ? [] : FAMILY_PREFIXES) {
    for (let len = p.length - 1; len <= p.length + 1; len++) {
      const head = name.slice(0, len);
      const rest = name.slice(len);
      if (head !== p && rest.length > 0 && /^[A-Za-z0-9]/.test(rest) && editDistance(head, p, 1) <= 1) return [p + rest];
    }
  }
  // ifconfig_<if>_<typo>: the interface is configured elsewhere and the suffix is close to a known one.
  const role = knobRole(name);
  if (role.kind === 'ifconfig' && role.part === 'main') {
    // The configured interfaces that `<if>_<suffix>` starts with, found by looking up each prefix that ends before
    // an underscore (a handful), not by scanning every interface for every knob (quadratic on 10,000 interfaces).
    const ifs = interfaces(model);
    const matching: string[] = [];
    for (let at = role.iface.indexOf('_'); at >= 0; at = role.iface.indexOf('_', at + 1)) {
      const prefix = role.iface.slice(0, at);
      if (ifs.has(prefix)) matching.push(prefix);
    }
    if (matching.length > 1) {
      const order = [...ifs.keys()];
      matching.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    for (const iface of matching) {
      const suffix = role.iface.slice(iface.length + 1);
      if (/^[0-9]+$/.test(suffix)) continue; // a vlan: em0_101
      const n = /([0-9]+)$/.exec(suffix)?.[1] ?? '0';
      const near = closestMatches(suffix, [...IF_SUFFIXES, `alias${n}`], 1).filter((s) => editDistance(suffix, s, 2) <= 2);
      if (near.length) return [`ifconfig_${iface}_${near[0]}`];
    }
    return [];
  }
  if (role.kind !== 'other') return [];
  const service = SERVICE.exec(name);
  if (service) {
    // Any port may define <service>_enable: only a one-letter slip in a longer service name, with the same suffix.
    const [, svc, suffix] = service;
    if (svc.length < 5) return [];
    return known.filter((k) => k.endsWith('_' + suffix) && editDistance(k.slice(0, -suffix.length - 1), svc, 1) <= 1).slice(0, 3);
  }
  const limit = name.length >= 12 ? 2 : 1;
  return closestMatches(name, known, 3).filter((k) => editDistance(name, k, limit) <= limit);
}

export default defineRule<RcconfModel>({
  id: 'rcconf/unknown-knob',
  severity: 'info',
  docs: {
    summary: 'A variable FreeBSD does not know, one typo away from a knob it does: `sshd_enabled`, `ifconfg_em0`, `ipv6_defaultroute`.',
    why:
      'rc.conf is a shell script, so a misspelt knob is just another variable: nothing warns, and the setting silently does not happen ' +
      '(the service does not start, the interface or route is not configured). Names with no close match are left alone, since ports ' +
      'and local scripts add their own knobs.',
    bad: 'sshd_enabled="YES"\nipv6_defaultroute="2001:db8::1"',
    good: 'sshd_enable="YES"\nipv6_defaultrouter="2001:db8::1"',
    fix: 'Not safe: renames the variable to the suggested knob, which then takes effect.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5'],
  },
  check(ctx) {
    const known = knownKnobNames();
    const seen = new Set<string>();
    for (const a of ctx.model.assignments) {
      if (a.forCommand || a.ctx.inFunction || a.ctx.subshell) continue;
      if (/^[A-Z0-9_]+$/.test(a.name) || a.name.startsWith('_')) continue; // environment and private variables
      if (knobDoc(a.name)?.known && knobRole(a.name).kind === 'other') continue;
      if (seen.has(a.name)) continue;
      const near = suggestions(a.name, known, ctx.model).filter((s) => s !== a.name);
      if (near.length === 0) continue;
      seen.add(a.name);
      const fixes: Fix[] = near.map((s) => ({ title: `Rename to ${s}`, safe: false, edits: [rename(a, s)] }));
      ctx.report({
        span: a.nameSpan,
        message: `${a.name} is not a knob FreeBSD knows, so it does nothing; did you mean ${near.join(' or ')}?`,
        fixes,
      });
    }
  },
});
