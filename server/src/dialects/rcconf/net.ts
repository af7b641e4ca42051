// The network view of an rc.conf: which interface a knob configures, and what its ifconfig(8) arguments say
// (address families, addresses, prefix lengths, flags such as accept_rtadv), with document offsets for fixes.
import { classify, parseAddress } from '../../addresses';
import { analysisMemo } from '../../core/analyze';
import type { Span } from '../../core/types';
import type { Assignment, RcconfModel } from './model';

export type KnobRole =
  | { kind: 'ifconfig'; iface: string; part: 'main' | 'ipv6' | 'alias' | 'aliases' | 'name' | 'descr'; alias?: number }
  | { kind: 'ipv6_ifconfig'; iface: string; alias?: number }
  | { kind: 'ipv6_prefix'; iface: string }
  | { kind: 'ipv4_addrs'; iface: string }
  | { kind: 'gifconfig'; iface: string }
  | { kind: 'other' };

const IFNAME = '([A-Za-z0-9_]+?)';
const PATTERNS: [RegExp, (m: RegExpExecArray) => KnobRole][] = [
  [new RegExp(`^ifconfig_${IFNAME}_ipv6$`), (m) => ({ kind: 'ifconfig', iface: m[1], part: 'ipv6' })],
  [new RegExp(`^ifconfig_${IFNAME}_alias(\\d+)$`), (m) => ({ kind: 'ifconfig', iface: m[1], part: 'alias', alias: Number(m[2]) })],
  [new RegExp(`^ifconfig_${IFNAME}_aliases$`), (m) => ({ kind: 'ifconfig', iface: m[1], part: 'aliases' })],
  [new RegExp(`^ifconfig_${IFNAME}_name$`), (m) => ({ kind: 'ifconfig', iface: m[1], part: 'name' })],
  [new RegExp(`^ifconfig_${IFNAME}_descr$`), (m) => ({ kind: 'ifconfig', iface: m[1], part: 'descr' })],
  [/^ifconfig_([A-Za-z0-9_]+)$/, (m) => ({ kind: 'ifconfig', iface: m[1], part: 'main' })],
  [new RegExp(`^ipv6_ifconfig_${IFNAME}_alias(\\d+)$`), (m) => ({ kind: 'ipv6_ifconfig', iface: m[1], alias: Number(m[2]) })],
  [/^ipv6_ifconfig_([A-Za-z0-9_]+)$/, (m) => ({ kind: 'ipv6_ifconfig', iface: m[1] })],
  [/^ipv6_prefix_([A-Za-z0-9_]+)$/, (m) => ({ kind: 'ipv6_prefix', iface: m[1] })],
  [/^ipv4_addrs_([A-Za-z0-9_]+)$/, (m) => ({ kind: 'ipv4_addrs', iface: m[1] })],
  [/^gifconfig_([A-Za-z0-9_]+)$/, (m) => ({ kind: 'gifconfig', iface: m[1] })],
];

/** Roles by name, remembered (rules ask for every assignment's): callers only read them. */
const knobRoles = analysisMemo<KnobRole>(5000);

export function knobRole(name: string): KnobRole {
  return knobRoles(name, knobRoleUncached);
}

function knobRoleUncached(name: string): KnobRole {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(name);
    if (m) return make(m);
  }
  return { kind: 'other' };
}

export interface ArgToken {
  text: string;
  /** Document offsets, when the value is written simply enough to map them (see RcValue.content). */
  span?: Span;
}

export interface IfAddress {
  family: 4 | 6;
  /** The `inet`/`inet6` keyword, absent when the family was implied. */
  keyword?: ArgToken;
  address: ArgToken;
  destination?: ArgToken;
  /** `prefixlen N` / `netmask M` arguments. */
  prefixlen?: ArgToken;
  netmask?: ArgToken;
}

export interface IfconfigArgs {
  tokens: ArgToken[];
  addresses: IfAddress[];
  /** Lower-cased words that are not addresses (accept_rtadv, -ifdisabled, dhcp, up, tunnel, ...). */
  words: Set<string>;
  /** The first token is an address family keyword (inet, inet6, link, ether). */
  startsWithFamily: boolean;
}

/** Split a static value on blanks, keeping document offsets when the value maps 1:1 onto its text. */
export function splitValue(a: Assignment): ArgToken[] {
  const text = a.value.text ?? '';
  const base = a.value.content?.start;
  const out: ArgToken[] = [];
  const re = /[^ \t\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ text: m[0], span: base === undefined ? undefined : { start: base + m.index, end: base + m.index + m[0].length } });
  return out;
}

/** Words of ifconfig(8) that take one argument: skip it when looking for addresses. */
const TAKES_ARG = new Set([
  'netmask', 'prefixlen', 'broadcast', 'mtu', 'metric', 'vhid', 'advskew', 'advbase', 'pass', 'vlan', 'vlandev', 'vlanproto',
  'vlanpcp', 'laggproto', 'laggport', '-laggport', 'addm', 'deletem', 'ssid', 'channel', 'mode', 'media', 'mediaopt', '-mediaopt',
  'description', 'descr', 'name', 'wlandev', 'wlanmode', 'country', 'authmode', 'weptxkey', 'wepkey', 'bssid', 'fib', 'tunnelfib',
  'lladdr', 'ether', 'link', 'vnet', 'group', '-group', 'pltime', 'vltime', 'maclabel', 'stp', '-stp', 'edge', '-edge', 'priority',
  'ifpriority', 'ifpathcost', 'maxaddr', 'timeout', 'hostname', 'protocol', 'state', 'peer', 'syncdev', 'syncpeer', 'maxupd',
  'carpdev', 'key', 'txpower', 'rate', 'rtsthreshold', 'fragthreshold', 'bintval', 'dtimperiod',
]);

/** An ifconfig(8) word (lower-cased) whose next word is its argument, not an address or flag of its own. */
export function takesArgument(word: string): boolean {
  return TAKES_ARG.has(word);
}

/** Parse ifconfig(8) arguments: address families, addresses with their prefix lengths, flags. */
export function parseIfconfig(tokens: ArgToken[], impliedFamily?: 4 | 6): IfconfigArgs {
  const words = new Set<string>();
  const addresses: IfAddress[] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());
  const startsWithFamily = ['inet', 'inet6', 'link', 'ether'].includes(lower[0] ?? '');
  let family: 4 | 6 | undefined = impliedFamily;
  let current: IfAddress | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const w = lower[i];
    if (w === 'inet' || w === 'inet6') {
      family = w === 'inet' ? 4 : 6;
      const next = tokens[i + 1];
      // `inet6 accept_rtadv`, `inet6 -ifdisabled`: a family keyword before flags, not before an address. Flags never
      // hold `:` or `.`, so a word that does is an attempt at an address (perhaps a malformed one).
      if (next && (looksLikeAddress(next.text) || /^[0-9A-Fa-f]*[:.]/.test(next.text))) {
        current = { family, keyword: tokens[i], address: next };
        addresses.push(current);
        i++;
        const dest = tokens[i + 1];
        if (dest && looksLikeAddress(dest.text)) {
          current.destination = dest;
          i++;
        }
      } else {
        current = undefined;
      }
      words.add(w);
      continue;
    }
    if (w === 'prefixlen' || w === 'netmask') {
      if (current && tokens[i + 1]) current[w] = tokens[i + 1];
      words.add(w);
      i++;
      continue;
    }
    if (w === 'tunnel') {
      words.add(w);
      i += 2;
      continue;
    }
    if (TAKES_ARG.has(w)) {
      words.add(w);
      i++;
      continue;
    }
    if (i === 0 && looksLikeAddress(tokens[i].text)) {
      // A value that starts with an address: the family keyword is missing (network.subr guesses it).
      current = { family: tokens[i].text.includes(':') ? 6 : 4, address: tokens[i] };
      addresses.push(current);
      const dest = tokens[i + 1];
      if (dest && looksLikeAddress(dest.text)) {
        current.destination = dest;
        i++;
      }
      continue;
    }
    words.add(w);
  }
  return { tokens, addresses, words, startsWithFamily };
}

/** An address literal (with optional /prefix or %zone) rather than a keyword; ranges (`192.0.2.5-9`) count. */
export function looksLikeAddress(text: string): boolean {
  if (/^[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9]+)?(?:\/[0-9]*)?$/.test(text)) return true;
  if (/^[0-9A-Fa-f:.\-]*:[0-9A-Fa-f:.\-]*(?:%[^\s/]+)?(?:\/[0-9]*)?$/.test(text) && /[0-9A-Fa-f]/.test(text)) return !isMac(text);
  return false;
}

/** A link-layer address (six groups of hex digits), not an IPv6 address. */
export function isMac(text: string): boolean {
  return /^[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5}$/.test(text);
}

/** rc.conf spells interface names with `.`, `-`, `/` and `+` as `_` in knob names. */
export function ifaceKey(name: string): string {
  return name.replace(/[.\-/+]/g, '_');
}

export interface InterfaceConfig {
  name: string;
  main?: Assignment;
  ipv6?: Assignment;
  legacyIpv6?: Assignment;
  aliases: Assignment[];
  legacyAliases: Assignment[];
  prefix?: Assignment;
  gif?: Assignment;
  /** Every assignment that configures it, in document order. */
  all: Assignment[];
}

const interfacesOf = new WeakMap<RcconfModel, Map<string, InterfaceConfig>>();

/** The interfaces this file configures (ifconfig_DEFAULT excluded), from the knobs that stay set. */
export function interfaces(model: RcconfModel): ReadonlyMap<string, InterfaceConfig> {
  // Asked once per unknown knob (unknown-knob's suggestions): build it once per model, not once per call.
  const known = interfacesOf.get(model);
  if (known) return known;
  const out = new Map<string, InterfaceConfig>();
  interfacesOf.set(model, out);
  const get = (name: string) => {
    let c = out.get(name);
    if (!c) out.set(name, (c = { name, aliases: [], legacyAliases: [], all: [] }));
    return c;
  };
  for (const list of model.byName.values()) {
    for (const a of list) {
      const role = knobRole(a.name);
      if (role.kind === 'other' || role.iface === 'DEFAULT') continue;
      const c = get(role.iface);
      c.all.push(a);
      if (role.kind === 'ifconfig') {
        if (role.part === 'main') c.main = a;
        else if (role.part === 'ipv6') c.ipv6 = a;
        else if (role.part === 'alias') c.aliases.push(a);
      } else if (role.kind === 'ipv6_ifconfig') {
        if (role.alias === undefined) c.legacyIpv6 = a;
        else c.legacyAliases.push(a);
      } else if (role.kind === 'ipv6_prefix') c.prefix = a;
      else if (role.kind === 'gifconfig') c.gif = a;
    }
  }
  for (const c of out.values()) c.all.sort((x, y) => x.span.start - y.span.start);
  return out;
}

/**
 * Interfaces rc.d/netif configures without an address family (network.subr `noafif`), and the kinds on which it never
 * turns on router advertisements (loopback, 6to4, bridges, serial links).
 */
export function isNoAfInterface(name: string): boolean {
  return /^(?:pflog|pfsync|usbus|an|ath|ipw|ipfw|iwi|iwn|ral|wi|wl|wpi)[0-9]/.test(name);
}

export function isNoAutoconfInterface(name: string): boolean {
  return /^(?:lo|stf|lp|sl|bridge)[0-9]/.test(name) || isNoAfInterface(name);
}

/**
 * An IPv6 address (with or without its /prefix) that other hosts reach, so it needs a route beyond the link: global or
 * unique-local, not link-local, loopback, multicast or unspecified.
 */
export function reachesBeyondLink(text: string): boolean {
  const r = parseAddress(text.split('/')[0]);
  if (!r?.ok || r.value.family !== 6) return false;
  const k = classify(r.value);
  return k !== 'link-local' && k !== 'loopback' && k !== 'multicast' && k !== 'unspecified';
}
