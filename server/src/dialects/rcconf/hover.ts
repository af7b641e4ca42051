// Hover and completion for rc.conf: knob docs on variable names, ifconfig(8) keyword notes inside interface values.
import type { CompletionEntry, HoverDoc } from '../../core/types';
import { isBooleanKnob, knobDoc, knownKnobNames, RC_CONF_MAN, type ResolvedKnobDoc } from './docs';
import type { RcconfModel } from './model';
import { knobRole, splitValue } from './net';
import { lineStartAt } from '../../core/text';

const IFCONFIG_MAN = 'https://man.freebsd.org/cgi/man.cgi?query=ifconfig&sektion=8';

/** ifconfig(8) words that matter for IPv6 readiness, and rc.d/netif's pseudo-arguments. */
const IFCONFIG_WORDS: Record<string, string> = {
  inet: 'The IPv4 address family: an IPv4 address (and optional destination, `/len` or `netmask`) follows.',
  inet6: 'The IPv6 address family: an IPv6 address (with `prefixlen N` or `/N`, default 64) or IPv6 flags follow.',
  prefixlen: 'The IPv6 prefix length of the address before it (default 64).',
  netmask: 'The IPv4 netmask of the address before it (dotted or hex), like `/len`.',
  accept_rtadv:
    'Accept router advertisements on this interface: SLAAC addresses and a default route from the routers on the link. rc.d/netif also sends a router solicitation (rtsol) at boot.',
  '-accept_rtadv': 'Ignore router advertisements on this interface.',
  auto_linklocal: 'Give the interface a link-local address (fe80::) automatically.',
  '-auto_linklocal': 'Do not configure a link-local address automatically.',
  ifdisabled: 'Disable IPv6 on the interface (IFDISABLED).',
  '-ifdisabled': 'Enable IPv6 on the interface (clear IFDISABLED); rc.d/netif does this for interfaces with an `ifconfig_<if>_ipv6` knob.',
  no_radr: 'Do not add routers learnt from advertisements to the default router list.',
  '-no_radr': 'Add routers learnt from advertisements to the default router list.',
  defaultif: 'Make this the default interface for link-local destinations without a zone.',
  eui64: 'Fill the address\'s interface identifier from the interface\'s EUI-64 (a prefix is given).',
  anycast: 'Configure the address as an anycast address.',
  alias: 'Add the address instead of replacing the interface\'s primary one.',
  tunnel: 'Set the outer source and destination of a tunnel (gif, gre): `tunnel <local> <remote>`.',
  up: 'Bring the interface up.',
  dhcp: 'rc.d/netif pseudo-argument: start dhclient(8) on the interface (IPv4 only).',
  syncdhcp: 'rc.d/netif pseudo-argument: start dhclient and wait for the lease during boot.',
  nosyncdhcp: 'rc.d/netif pseudo-argument: start dhclient without waiting for the lease.',
  noauto: 'rc.d/netif pseudo-argument: do not configure this interface at boot.',
  wpa: 'rc.d/netif pseudo-argument: start wpa_supplicant(8) on the interface.',
  hostap: 'rc.d/netif pseudo-argument: start hostapd(8) on the interface.',
};

function typeLabel(d: ResolvedKnobDoc): string {
  return d.type === 'bool' ? 'YES/NO' : d.type === 'list' ? 'list' : d.type === 'int' ? 'number' : d.type === 'address' ? 'address' : 'string';
}

export function renderKnobDoc(d: ResolvedKnobDoc): string {
  const parts: string[] = [];
  parts.push(`**${d.title}** (${typeLabel(d)})${d.obsolete ? ' — obsolete' : ''}`);
  if (d.obsolete) {
    const still = d.obsolete.honoured
      ? `FreeBSD 13 and 14 still read it${d.obsolete.warned ? ' and warn about it at every boot' : ''}.`
      : 'FreeBSD 13 and 14 ignore it: it does nothing.';
    parts.push(`⚠ Obsolete — use ${d.obsolete.instead}. ${still}`);
  }
  parts.push(d.summary);
  if (d.default !== undefined) parts.push(`**Default:** ${d.default === '' ? 'empty' : '`' + d.default + '`'}`);
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  if (d.history) parts.push(`**Versions:** ${d.history}`);
  parts.push(`[rc.conf(5)](${RC_CONF_MAN})`);
  return parts.join('\n\n');
}

function isIfconfigValue(name: string): boolean {
  const r = knobRole(name);
  return (r.kind === 'ifconfig' && r.part !== 'name' && r.part !== 'descr') || r.kind === 'ipv6_ifconfig' || name === 'ifconfig_DEFAULT';
}

export function rcconfHover(model: RcconfModel, _text: string, offset: number): HoverDoc | undefined {
  for (const a of model.assignments) {
    if (offset < a.span.start || offset > a.span.end) continue;
    if (offset <= a.nameSpan.end && offset >= a.nameSpan.start) {
      const d = knobDoc(a.name);
      if (!d) return undefined;
      return { markdown: renderKnobDoc(d), span: a.nameSpan };
    }
    if (isIfconfigValue(a.name)) {
      for (const t of splitValue(a)) {
        if (!t.span || offset < t.span.start || offset >= t.span.end) continue;
        const meaning = IFCONFIG_WORDS[t.text.toLowerCase()];
        if (!meaning) return undefined;
        return { markdown: `**${t.text}** — ifconfig(8) argument in \`${a.name}\`\n\n${meaning}\n\n[ifconfig(8)](${IFCONFIG_MAN})`, span: t.span };
      }
    }
    return undefined;
  }
  return undefined;
}

/** At the start of a line: knob names; after `name=`: YES/NO for boolean knobs. */
export function rcconfCompletions(model: RcconfModel, text: string, offset: number): CompletionEntry[] {
  const lineStart = lineStartAt(text, offset);
  // A line that continues a value begun above (a quoted value over several lines, or one still open): sh reads it as
  // part of that value, so a knob name typed there would be text, not an assignment.
  if (model.assignments.some((a) => a.span.start < lineStart && lineStart <= a.span.end)) return [];
  const before = text.slice(lineStart, offset);
  const assign = /^\s*([A-Za-z_][A-Za-z0-9_]*)="?([A-Za-z]*)$/.exec(before);
  if (assign) {
    if (!isBooleanKnob(assign[1])) return [];
    return ['YES', 'NO'].map((v) => ({ label: v, kind: 'value' as const, detail: `${assign[1]}` }));
  }
  if (!/^\s*[A-Za-z0-9_]*$/.test(before)) return [];
  const present = new Set(model.assignments.map((a) => a.name));
  return knownKnobNames()
    .filter((n) => !present.has(n))
    .map((name) => {
      const d = knobDoc(name)!;
      const entry: CompletionEntry = { label: name, kind: 'property', detail: d.default !== undefined ? `default: ${d.default || '""'}` : undefined, documentation: renderKnobDoc(d) };
      entry.snippet = `${name}="\${1:${(d.default ?? '').replace(/[$}\\]/g, '\\$&')}}"`;
      return entry;
    });
}
