// rcconf/obsolete-knob: IPv6, interface and routing knobs FreeBSD's rc scripts call obsolete (or no longer read),
// with fixes to the forms the scripts themselves translate them into.
import { defineRule } from '../../../core/rule';
import type { Edit, Fix } from '../../../core/types';
import { knobDoc } from '../docs';
import { deleteAssignment, insertInValue, insertLineAfter, nextAliasIndex, rename, replaceAssignment } from '../edits';
import { effective, isNo, isYes, valueOfKnob, type Assignment, type RcconfModel } from '../model';
import { interfaces, isNoAutoconfInterface, knobRole, splitValue } from '../net';

/** Knobs rc.d scripts declare with set_rcvar_obsolete: the value is copied into the new knob at boot, with a warning. */
const COPIED: Record<string, string> = {
  ipv6_router_enable: 'route6d_enable',
  ipv6_router: 'route6d_program',
  ipv6_router_flags: 'route6d_flags',
  router_enable: 'routed_enable',
  router: 'routed_program',
  router_flags: 'routed_flags',
};

/** Knobs nothing reads any more, with the knob that took over their job (a rename then starts doing something). */
const IGNORED_RENAMES: Record<string, string> = { dhcp_program: 'dhclient_program', dhcp_flags: 'dhclient_flags' };

const sortEdits = (edits: Edit[]) => edits.sort((a, b) => a.start - b.start || a.end - b.end);

/** Is `$name` or `${name...}` used anywhere (so that renaming the variable would break a reference)? */
function referenced(model: RcconfModel, name: string): boolean {
  return new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(model.text);
}

/**
 * Move an obsolete knob's value into its replacement: rename it, or, when the replacement is already set (the old knob
 * wins at boot, since the scripts copy it over), drop the old line and give the new knob the old value.
 */
function moveTo(model: RcconfModel, a: Assignment, newName: string, newValue: string | undefined): Edit[] | undefined {
  const existing = effective(model, newName);
  if (existing && existing !== a) {
    const del = deleteAssignment(model, a);
    if (!del || newValue === undefined) return undefined;
    const edits = [del];
    if (existing.value.text !== newValue) edits.push(replaceAssignment(existing, newName, newValue));
    return edits;
  }
  if (newValue === undefined || newValue === a.value.text) return [rename(a, newName)];
  return [replaceAssignment(a, newName, newValue)];
}

function ipv6EnableFixes(model: RcconfModel, a: Assignment): Fix[] {
  const v = a.value.text;
  if (v === undefined) return [];
  const base = moveTo(model, a, 'ipv6_activate_all_interfaces', v);
  if (!base) return [];
  const gateway = isYes(valueOfKnob(model, 'ipv6_gateway_enable'));
  const plain: Fix = { title: 'Replace with ipv6_activate_all_interfaces', safe: true, edits: sortEdits([...base]) };
  if (!isYes(v) || gateway) return [plain];
  if (a.ctx.conditional || a.ctx.depth > 0) return [{ ...plain, safe: false }];

  // ipv6_enable=YES also turns on accept_rtadv on every interface but bridges (network.subr, ifconfig_up): carry
  // that over to each interface this file configures, in the form rc.conf(5) gives for it.
  const extra: Edit[] = [];
  const named: string[] = [];
  let complete = true;
  for (const c of interfaces(model).values()) {
    if (isNoAutoconfInterface(c.name)) continue;
    if (!c.main && !c.ipv6 && !c.legacyIpv6 && !c.gif && c.aliases.length === 0) continue;
    if (c.prefix) continue; // ipv6_prefix_<if> turns autoconfiguration off there anyway
    const target = c.ipv6 ?? c.legacyIpv6;
    if (target) {
      const text = target.value.text;
      if (text === undefined) { complete = false; continue; }
      if (/(?:^|\s)accept_rtadv(?:\s|$)/i.test(text)) continue;
      const e = insertInValue(target, text.length, text.length ? ' accept_rtadv' : 'inet6 accept_rtadv');
      if (!e) { complete = false; continue; }
      extra.push(e);
    } else {
      const e = insertLineAfter(model, c.all[c.all.length - 1], `ifconfig_${c.name}_ipv6="inet6 accept_rtadv"`);
      if (!e) { complete = false; continue; }
      extra.push(e);
    }
    named.push(c.name);
  }
  const dflt = effective(model, 'ifconfig_DEFAULT');
  if (dflt) {
    const text = dflt.value.text;
    if (text !== undefined && !/(?:^|\s)accept_rtadv(?:\s|$)/i.test(text)) {
      const e = insertInValue(dflt, text.length, ' inet6 accept_rtadv');
      if (e) { extra.push(e); named.push('ifconfig_DEFAULT'); } else complete = false;
    }
  }
  // Interfaces the file does not name would lose router advertisements: only safe when the file names some.
  const safe = complete && (named.length > 0 || dflt !== undefined || interfaces(model).size > 0);
  const fixes: Fix[] = [];
  fixes.push({
    title: named.length
      ? `Replace with ipv6_activate_all_interfaces and accept_rtadv on ${named.join(', ')} (what FreeBSD makes of it)`
      : 'Replace with ipv6_activate_all_interfaces',
    safe,
    edits: sortEdits([...base, ...extra]),
  });
  if (named.length) fixes.push({ title: 'Replace with ipv6_activate_all_interfaces only (interfaces stop accepting router advertisements)', safe: false, edits: sortEdits([...base]) });
  return fixes;
}

/** ipv6_ifconfig_<if>[_alias<n>] -> ifconfig_<if>_ipv6 (or the next free ifconfig_<if>_alias<n>) with `inet6` in front. */
function legacyIpv6Fix(model: RcconfModel, a: Assignment, iface: string, alias: number | undefined): { fix?: Fix; target: string } {
  const ifs = interfaces(model);
  const c = ifs.get(iface);
  let target: string;
  if (alias === undefined && !c?.ipv6) {
    target = `ifconfig_${iface}_ipv6`;
  } else {
    // Slots after the aliases the interface already has, in the order network.subr applies the old knobs.
    const slots: Assignment[] = [];
    if (c?.ipv6 && c.legacyIpv6) slots.push(c.legacyIpv6);
    const legacy = [...(c?.legacyAliases ?? [])].sort((x, y) => (knobAlias(x) ?? 0) - (knobAlias(y) ?? 0));
    slots.push(...legacy);
    const pos = Math.max(0, slots.indexOf(a));
    target = `ifconfig_${iface}_alias${nextAliasIndex(model, iface) + pos}`;
  }
  const text = a.value.text;
  if (text === undefined && !a.value.content) return { target };
  const edits: Edit[] = [rename(a, target)];
  if (!/^\s*inet6(?:\s|$)/i.test(text ?? '')) {
    const e = insertInValue(a, 0, 'inet6 ');
    if (!e) return { target };
    edits.push(e);
  }
  return { target, fix: { title: `Replace with ${target}="inet6 ..."`, safe: true, edits: sortEdits(edits) } };
}

function knobAlias(a: Assignment): number | undefined {
  const r = knobRole(a.name);
  return r.kind === 'ipv6_ifconfig' ? r.alias : undefined;
}

export default defineRule<RcconfModel>({
  id: 'rcconf/obsolete-knob',
  severity: 'warning',
  docs: {
    summary: 'A knob FreeBSD\'s rc scripts call obsolete (ipv6_enable, ipv6_ifconfig_<if>, ipv6_prefer, ipv6_router_enable, ...) or no longer read at all.',
    why:
      'FreeBSD 13 and 14 still translate the old IPv6 knobs, but print an obsolescence warning at every boot, and the translation is not ' +
      'what the old knob meant before FreeBSD 9: `ipv6_enable="YES"` now turns on router advertisements on every interface, statically configured ones included. ' +
      'Other old knobs (ipv6_firewall_*, ipv6_faith_prefix, dhcp_program) are read by nothing: the line looks like configuration and does nothing. ' +
      'gif_interfaces and gifconfig_<if> are not obsolete: FreeBSD 13 and 14 still support them without a warning.',
    bad: 'ipv6_enable="YES"\nipv6_ifconfig_em0="2001:db8::10 prefixlen 64"\nipv6_defaultrouter="2001:db8::1"',
    good: 'ipv6_activate_all_interfaces="YES"\nifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64 accept_rtadv"\nipv6_defaultrouter="2001:db8::1"',
    fix:
      'Safe fixes write exactly what the scripts turn the old knob into: ipv6_ifconfig_<if> becomes ifconfig_<if>_ipv6="inet6 ..." ' +
      '(an ifconfig_<if>_alias<n> when the interface already has one); ipv6_enable becomes ipv6_activate_all_interfaces plus ' +
      '`accept_rtadv` on each interface the file configures (a second, unsafe fix leaves router advertisements off); ipv6_prefer becomes ' +
      'ip6addrctl_policy; ipv6_router_* and router_* become route6d_* and routed_*; ipv4_addrs_<if> becomes ifconfig_<if>_aliases. ' +
      'Renaming a knob that nothing reads (dhcp_program) is offered but not safe: it starts doing something.',
    references: [
      'https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5',
      'FreeBSD libexec/rc/network.subr (ifconfig_up, ifalias_af_common), libexec/rc/rc.d/netif, rc.d/ip6addrctl, rc.d/route6d, rc.d/routed (set_rcvar_obsolete)',
    ],
  },
  check(ctx) {
    const model = ctx.model;
    for (const a of model.assignments) {
      if (a.forCommand) continue;
      const role = knobRole(a.name);
      const span = a.nameSpan;

      if (role.kind === 'ipv6_ifconfig') {
        const { fix, target } = legacyIpv6Fix(model, a, role.iface, role.alias);
        ctx.report({
          span,
          message:
            `${a.name} is obsolete: FreeBSD 13 and 14 still apply it but warn at every boot. ` +
            `Write ${target}="inet6 ..." instead (the inet6 keyword first).`,
          fixes: fix ? [fix] : [],
        });
        continue;
      }
      if (role.kind === 'ipv4_addrs') {
        const tokens = splitValue(a);
        const fixes: Fix[] = [];
        const aliasesName = `ifconfig_${role.iface}_aliases`;
        if (a.value.text !== undefined && tokens.length > 0 && !model.byName.has(aliasesName)) {
          fixes.push({ title: `Replace with ${aliasesName}`, safe: true, edits: [replaceAssignment(a, aliasesName, tokens.map((t) => `inet ${t.text}`).join(' '))] });
        }
        ctx.report({ span, message: `${a.name} is deprecated (rc.conf(5)): FreeBSD still reads it for now. Write the addresses as ${aliasesName}="inet <address> ...".`, fixes });
        continue;
      }
      if (a.name === 'ipv6_enable') {
        ctx.report({
          span,
          message:
            'ipv6_enable is obsolete: FreeBSD 13 and 14 warn at every boot and turn YES into ipv6_activate_all_interfaces=YES plus accept_rtadv ' +
            '(router advertisements) on every interface. Write that configuration instead.',
          fixes: ipv6EnableFixes(model, a),
        });
        continue;
      }
      if (a.name === 'ipv6_prefer') {
        const v = a.value.text;
        const policy = v === undefined ? undefined : isYes(v) ? 'ipv6_prefer' : isNo(v) ? 'ipv4_prefer' : v;
        const edits = policy === undefined ? undefined : moveTo(model, a, 'ip6addrctl_policy', policy);
        ctx.report({
          span,
          message: `ipv6_prefer is obsolete: FreeBSD 13 and 14 copy it into ip6addrctl_policy and warn at every boot. Write ip6addrctl_policy="${policy ?? 'ipv6_prefer'}".`,
          fixes: edits ? [{ title: `Replace with ip6addrctl_policy="${policy}"`, safe: true, edits: sortEdits(edits) }] : [],
        });
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(COPIED, a.name)) {
        const to = COPIED[a.name];
        const edits = moveTo(model, a, to, a.value.text);
        const used = referenced(model, a.name);
        ctx.report({
          span,
          message:
            `${a.name} is obsolete: its rc.d script copies it into ${to} and warns at every boot. Write ${to} instead.` +
            (used ? ` (It is also used as $${a.name} in this file: rename that use too.)` : ''),
          fixes: edits ? [{ title: `Replace with ${to}`, safe: !used, edits: sortEdits(edits) }] : [],
        });
        continue;
      }
      if (a.name === 'network_interfaces' && a.value.text !== undefined && !/^auto$/i.test(a.value.text.trim())) {
        ctx.report({
          span,
          message:
            'Setting network_interfaces to a list is deprecated (rc.conf(5)): leave it at "auto" and mark interfaces to keep down with NOAUTO in ifconfig_<if>. ' +
            'Interfaces missing from the list get no IPv4 or IPv6 configuration at boot.',
        });
        continue;
      }
      const doc = knobDoc(a.name);
      if (doc?.obsolete && !doc.obsolete.honoured) {
        const to = IGNORED_RENAMES[a.name];
        ctx.report({
          span,
          message: `${a.name} does nothing on FreeBSD 13 and 14: no rc script reads it any more. Use ${doc.obsolete.instead}.`,
          fixes: to ? [{ title: `Rename to ${to} (it will then take effect)`, safe: false, edits: [rename(a, to)] }] : [],
        });
      }
    }
  },
});

