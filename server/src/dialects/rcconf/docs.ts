// Hover data for rc.conf knobs in our own words: the network and IPv6 knobs in detail, every other knob of
// /etc/defaults/rc.conf from its name and default, and the obsolete knobs with what replaced them. Facts come from
// FreeBSD's rc scripts (libexec/rc/network.subr, rc.d/netif, rc.d/routing, rc.d/ip6addrctl, rc.d/route6d) and rc.conf(5).
import { analysisMemo } from '../../core/analyze';
import { DEFAULT_KNOBS } from './defaults';

export const RC_CONF_MAN = 'https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5';

export type KnobType = 'bool' | 'string' | 'list' | 'int' | 'address';

export interface KnobDoc {
  /** The name as written in the docs, with placeholders: `ifconfig_<if>_ipv6`. */
  title: string;
  type: KnobType;
  summary: string;
  default?: string;
  ipv6?: string;
  /** Which FreeBSD versions, what changed. */
  history?: string;
  /** Obsolete or deprecated: shown first. */
  obsolete?: ObsoleteInfo;
}

export interface ObsoleteInfo {
  /** What to write instead, in words. */
  instead: string;
  /** FreeBSD 13 and 14 still honour it (with a warning at boot when `warned`). */
  honoured: boolean;
  /** The rc scripts print "... is obsolete" at boot. */
  warned: boolean;
}

const IF = '<if>';

/** Knobs named after an interface or a list entry, most specific first. */
const PATTERN_DOCS: { re: RegExp; doc: KnobDoc }[] = [
  {
    re: /^ifconfig_DEFAULT$/,
    doc: {
      title: 'ifconfig_DEFAULT',
      type: 'string',
      summary: 'ifconfig(8) arguments for every interface that has no `ifconfig_<if>` of its own, e.g. `DHCP`.',
      ipv6: 'Also serves as the fallback for `ifconfig_<if>_ipv6`: `"DHCP inet6 accept_rtadv"` gives every unnamed interface DHCP for IPv4 and SLAAC for IPv6.',
    },
  },
  {
    re: /^ifconfig_[A-Za-z0-9_]+_ipv6$/,
    doc: {
      title: `ifconfig_${IF}_ipv6`,
      type: 'string',
      summary:
        'The IPv6 configuration of the interface, as ifconfig(8) arguments starting with `inet6`: `"inet6 2001:db8::1 prefixlen 64"`, or `"inet6 accept_rtadv"` for SLAAC. Defining it also clears the interface\'s IFDISABLED flag, so IPv6 works there even when `ipv6_activate_all_interfaces` is NO.',
      ipv6: 'Without the leading `inet6` keyword network.subr adds it and warns at boot. More addresses go in `ifconfig_<if>_alias<n>="inet6 ..."`. A point-to-point (gif) address takes the far end as a second address: `"inet6 2001:db8::2 2001:db8::1 prefixlen 128"`.',
      history: 'The form FreeBSD uses since 9.0; it replaced `ipv6_ifconfig_<if>`.',
    },
  },
  {
    re: /^ifconfig_[A-Za-z0-9_]+_alias[0-9]+$/,
    doc: {
      title: `ifconfig_${IF}_alias<n>`,
      type: 'string',
      summary: 'An extra address for the interface, with its family keyword first: `"inet 192.0.2.2/32"` or `"inet6 2001:db8::2 prefixlen 64"`. Numbered from 0.',
      ipv6: 'Without a family keyword network.subr treats the value as IPv4 (and warns): an IPv6 address there is never configured.',
      history: 'Replaced `ipv6_ifconfig_<if>_alias<n>` for IPv6 aliases in FreeBSD 9.0.',
    },
  },
  {
    re: /^ifconfig_[A-Za-z0-9_]+_aliases$/,
    doc: {
      title: `ifconfig_${IF}_aliases`,
      type: 'list',
      summary: 'All extra addresses of the interface in one knob, each started by its family keyword: `"inet 192.0.2.2/32 inet6 2001:db8::2/64"`.',
      ipv6: 'Words before the first `inet`/`inet6` keyword are ignored.',
    },
  },
  { re: /^ifconfig_[A-Za-z0-9_]+_name$/, doc: { title: `ifconfig_${IF}_name`, type: 'string', summary: 'Renames the interface at boot (`ifconfig_em0_name="net0"`); configure it under its new name afterwards.' } },
  { re: /^ifconfig_[A-Za-z0-9_]+_descr$/, doc: { title: `ifconfig_${IF}_descr`, type: 'string', summary: 'A description ifconfig(8) shows for the interface.' } },
  {
    re: /^ifconfig_[A-Za-z0-9_]+$/,
    doc: {
      title: `ifconfig_${IF}`,
      type: 'string',
      summary:
        'ifconfig(8) arguments for the interface at boot: an IPv4 address (`"inet 192.0.2.1/24"`), `DHCP`/`SYNCDHCP`, `WPA`, `NOAUTO`, `up`, or other ifconfig options such as `tunnel <src> <dst>` for a gif(4) interface. Interface names spell `.`, `-`, `/`, `+` as `_`.',
      ipv6: 'IPv6 goes in `ifconfig_<if>_ipv6`; an interface with no `_ipv6` knob keeps IPv6 disabled (IFDISABLED) unless `ipv6_activate_all_interfaces` is YES.',
    },
  },
  {
    re: /^ipv6_ifconfig_[A-Za-z0-9_]+_alias[0-9]+$/,
    doc: {
      title: `ipv6_ifconfig_${IF}_alias<n>`,
      type: 'string',
      summary: 'An extra IPv6 address of the interface, in the pre-9.0 form.',
      obsolete: { instead: '`ifconfig_<if>_alias<n>="inet6 ..."`', honoured: true, warned: true },
    },
  },
  {
    re: /^ipv6_ifconfig_[A-Za-z0-9_]+$/,
    doc: {
      title: `ipv6_ifconfig_${IF}`,
      type: 'string',
      summary: 'The IPv6 address of the interface, in the pre-9.0 form (ifconfig arguments without the `inet6` keyword).',
      obsolete: { instead: '`ifconfig_<if>_ipv6="inet6 ..."`', honoured: true, warned: true },
    },
  },
  {
    re: /^ipv6_prefix_[A-Za-z0-9_]+$/,
    doc: {
      title: `ipv6_prefix_${IF}`,
      type: 'list',
      summary: 'IPv6 /64 prefixes (`"2001:db8:1:0 2001:db8:2:0"`): the interface gets an address in each, built from its EUI-64 interface identifier; on a router (`ipv6_gateway_enable`) also the subnet-router anycast address.',
      ipv6: 'A prefix given here also turns off SLAAC on the interface.',
    },
  },
  {
    re: /^ipv4_addrs_[A-Za-z0-9_]+$/,
    doc: {
      title: `ipv4_addrs_${IF}`,
      type: 'list',
      summary: 'IPv4 addresses in CIDR form (ranges allowed) for the interface.',
      obsolete: { instead: '`ifconfig_<if>_aliases="inet 192.0.2.1/24 inet ..."` (or `ifconfig_<if>_alias<n>`)', honoured: true, warned: false },
    },
  },
  {
    re: /^gifconfig_[A-Za-z0-9_]+$/,
    doc: {
      title: `gifconfig_${IF}`,
      type: 'string',
      summary: 'The outer (tunnel) endpoints of a gif(4) interface listed in `gif_interfaces`: `"<local> <remote>"`, or `"inet6 <local> <remote>"` for a tunnel over IPv6. rc.d/netif runs `ifconfig <if> tunnel <local> <remote>`.',
      ipv6: 'The inner IPv6 address of the tunnel goes in `ifconfig_<if>_ipv6="inet6 <local> <remote> prefixlen 128"`.',
      history: 'Still supported by FreeBSD 13 and 14, without a warning. Equivalent: `cloned_interfaces="gif0"` with `ifconfig_gif0="tunnel <local> <remote>"`.',
    },
  },
  { re: /^vlans_[A-Za-z0-9_]+$/, doc: { title: `vlans_${IF}`, type: 'list', summary: 'vlan(4) interfaces to create on the parent interface: numeric tags (`"101 102"`, named `<if>.101`) or names whose tag is set in `create_args_<name>`.' } },
  { re: /^wlans_[A-Za-z0-9_]+$/, doc: { title: `wlans_${IF}`, type: 'list', summary: 'wlan(4) interfaces to create on the wireless device (`wlans_ath0="wlan0"`); configure them with `ifconfig_wlan0`.' } },
  { re: /^create_args_[A-Za-z0-9_]+$/, doc: { title: `create_args_${IF}`, type: 'string', summary: 'Extra arguments for `ifconfig <if> create` when rc.d/netif creates the interface (cloned, vlan or wlan).' } },
  { re: /^wlandebug_[A-Za-z0-9_]+$/, doc: { title: `wlandebug_${IF}`, type: 'string', summary: 'Debug flags passed to wlandebug(8) for the wlan interface.' } },
  { re: /^dhclient_flags_[A-Za-z0-9_]+$/, doc: { title: `dhclient_flags_${IF}`, type: 'string', summary: 'dhclient(8) flags for this interface only; overrides `dhclient_flags`.' } },
  { re: /^background_dhclient_[A-Za-z0-9_]+$/, doc: { title: `background_dhclient_${IF}`, type: 'bool', summary: 'Start dhclient in the background on this interface only; overrides `background_dhclient`.' } },
  { re: /^autobridge_[A-Za-z0-9_]+$/, doc: { title: 'autobridge_<bridge>', type: 'list', summary: 'Interface name globs that devd adds to the bridge when they appear (with `autobridge_interfaces`).' } },
  { re: /^route_[A-Za-z0-9_]+$/, doc: { title: 'route_<name>', type: 'string', summary: 'route(8) arguments of an IPv4 static route named in `static_routes`: `"-net 198.51.100.0/24 192.0.2.254"`.' } },
  {
    re: /^ipv6_route_[A-Za-z0-9_]+$/,
    doc: { title: 'ipv6_route_<name>', type: 'string', summary: 'route(8) arguments of an IPv6 static route named in `ipv6_static_routes`: `"2001:db8:2:: -prefixlen 48 2001:db8::1"`. rc.d/routing adds `-inet6`.' },
  },
  { re: /^static_arp_[A-Za-z0-9_]+$/, doc: { title: 'static_arp_<name>', type: 'string', summary: 'A static ARP entry named in `static_arp_pairs`: `"<IPv4 address> <MAC address>"`.' } },
  { re: /^static_ndp_[A-Za-z0-9_]+$/, doc: { title: 'static_ndp_<name>', type: 'string', summary: 'A static NDP (IPv6 neighbour) entry named in `static_ndp_pairs`: `"<IPv6 address> <MAC address>"`.', ipv6: 'The IPv6 counterpart of `static_arp_<name>`.' } },
  { re: /^defaultrouter_fib[0-9]+$/, doc: { title: 'defaultrouter_fib<n>', type: 'address', summary: 'The IPv4 default gateway of routing table (FIB) n.' } },
  { re: /^ipv6_defaultrouter_fib[0-9]+$/, doc: { title: 'ipv6_defaultrouter_fib<n>', type: 'address', summary: 'The IPv6 default gateway of routing table (FIB) n.' } },
  { re: /^jail_[A-Za-z0-9_]+$/, doc: { title: 'jail_<name>_<param>', type: 'string', summary: 'Per-jail settings of the old rc.conf jail configuration; jail.conf(5) replaces them (rc.d/jail converts them and warns).' } },
  { re: /^geli_[A-Za-z0-9_]+_(?:flags|autodetach|devices)$/, doc: { title: 'geli_<device>_<param>', type: 'string', summary: 'Per-device or per-group GELI settings (flags, autodetach, devices of a group).' } },
];

/** Detailed docs for the network and IPv6 knobs, and the obsolete ones. */
const DOCS: Record<string, Omit<KnobDoc, 'title' | 'default'> & { default?: string }> = {
  hostname: { type: 'string', summary: 'The host\'s fully qualified name. Leave it empty when DHCP sets it.' },
  defaultrouter: { type: 'address', summary: 'The IPv4 default gateway (an address, or NO for none).', ipv6: 'IPv4 only: the IPv6 default gateway is `ipv6_defaultrouter`.' },
  gateway_enable: { type: 'bool', summary: 'Forward IPv4 packets between interfaces (net.inet.ip.forwarding).', ipv6: 'IPv4 only: `ipv6_gateway_enable` does the same for IPv6.' },
  static_routes: { type: 'list', summary: 'Names of IPv4 static routes; each needs a `route_<name>` knob. `name:if` limits a route to one interface.' },
  network_interfaces: {
    type: 'list',
    summary: 'The interfaces rc.d/netif configures, or `auto` (the default) for all of them.',
    history: 'rc.conf(5) calls setting anything but `auto` deprecated: use `NOAUTO` in `ifconfig_<if>` to keep one interface down.',
  },
  cloned_interfaces: {
    type: 'list',
    summary: 'Pseudo-interfaces rc.d/netif creates at boot (`gif0 bridge0 lagg0 epair0 tap0 ...`), then configures like any other through `ifconfig_<if>`. `name:sticky` keeps one across `netif stop`.',
    ipv6: 'A gif tunnel can be made here: `cloned_interfaces="gif0"` and `ifconfig_gif0="tunnel <local> <remote>"`.',
  },
  cloned_interfaces_sticky: { type: 'bool', summary: 'Keep every cloned interface when rc.d/netif stops (per interface: `:sticky` / `:nosticky`).' },
  gif_interfaces: {
    type: 'list',
    summary: 'gif(4) tunnel interfaces to create at boot; each takes its endpoints from `gifconfig_<if>`.',
    history: 'Still supported by FreeBSD 13 and 14, without a warning.',
  },
  netif_enable: { type: 'bool', summary: 'Configure the network interfaces at boot (rc.d/netif).' },
  netif_ipexpand_max: { type: 'int', summary: 'The most addresses an address range (`192.0.2.5-23`) may expand to.' },
  dhclient_flags: { type: 'string', summary: 'Extra dhclient(8) flags for every DHCP interface.', ipv6: 'dhclient is IPv4 only; FreeBSD\'s base system has no DHCPv6 client (SLAAC through `accept_rtadv`, or a port such as dhcpcd).' },
  synchronous_dhclient: { type: 'bool', summary: 'Wait for DHCP on every DHCP interface while booting (per interface: `SYNCDHCP` / `NOSYNCDHCP`).' },
  background_dhclient: { type: 'bool', summary: 'Start dhclient in the background, so that the boot does not wait for a lease.' },
  ipv6_activate_all_interfaces: {
    type: 'bool',
    summary:
      'YES clears the IFDISABLED flag on every interface, so that each gets a link-local address and can use IPv6 even without an `ifconfig_<if>_ipv6` knob. With NO (the default) only interfaces that have one are IPv6-enabled.',
    ipv6: 'With ip6addrctl_policy AUTO, YES here also selects the IPv6-preferred address selection policy. It does not turn on router advertisements: use `inet6 accept_rtadv` in `ifconfig_<if>_ipv6`.',
    history: 'Since FreeBSD 9.0; replaced `ipv6_enable`.',
  },
  ipv6_network_interfaces: { type: 'list', summary: 'The interfaces IPv6 is configured on, or `auto` (the default): all that have IPv6 knobs. Rarely needs setting.' },
  ipv6_defaultrouter: {
    type: 'address',
    summary: 'The IPv6 default gateway, or NO. rc.d/routing adds `route -inet6 add default <value>`.',
    ipv6: 'Needed when the host has static IPv6 addresses and does not accept router advertisements. A link-local gateway needs its interface: `fe80::1%em0`. On a tunnel, the far end of the tunnel.',
  },
  ipv6_static_routes: { type: 'list', summary: 'Names of IPv6 static routes; each needs an `ipv6_route_<name>` knob. `name:if` limits a route to one interface.' },
  ipv6_gateway_enable: {
    type: 'bool',
    summary: 'Forward IPv6 packets between interfaces (net.inet6.ip6.forwarding): this host is a router.',
    ipv6: 'A router does not autoconfigure: with YES, rc.d/netif does not turn on router advertisements on any interface, so its own default route must be static (`ipv6_defaultrouter`) or come from a routing daemon.',
  },
  ipv6_cpe_wanif: {
    type: 'string',
    summary: 'On a home router (CPE, RFC 7084): the upstream interface, which then accepts router advertisements (`inet6 -no_radr accept_rtadv`) although the host forwards.',
  },
  ipv6_privacy: { type: 'bool', summary: 'Use temporary (privacy) addresses (RFC 4941) on interfaces that autoconfigure from router advertisements.' },
  ipv6_default_interface: { type: 'string', summary: 'The interface link-local destinations without a zone go out of (hosts only, not routers); `auto` picks the first IPv6 interface.' },
  ipv6_ipv4mapping: { type: 'bool', summary: 'Let IPv6 sockets talk IPv4 through IPv4-mapped addresses (::ffff:a.b.c.d), i.e. net.inet6.ip6.v6only=0.', ipv6: 'FreeBSD\'s default is NO: an IPv6 wildcard socket does not receive IPv4, so daemons listen on both families separately.' },
  ipv6_ipfilter_rules: { type: 'string', summary: 'The ipfilter rules file for IPv6.' },
  rtsol_flags: { type: 'string', summary: 'Flags for the rtsol(8) router solicitation rc.d/netif sends on interfaces with `accept_rtadv`.' },
  rtsold_enable: { type: 'bool', summary: 'Run rtsold(8), which keeps soliciting router advertisements (useful when routers come and go).', ipv6: 'The interfaces still need `inet6 accept_rtadv` for the kernel to act on the advertisements.' },
  rtsold_flags: { type: 'string', summary: 'Flags for rtsold(8); `-a` probes every interface.' },
  rtadvd_enable: { type: 'bool', summary: 'Run rtadvd(8): send router advertisements, so that hosts on the attached links autoconfigure and route through this host.' },
  rtadvd_interfaces: { type: 'list', summary: 'Interfaces rtadvd advertises on (empty: every IPv6 interface but lo0).' },
  route6d_enable: { type: 'bool', summary: 'Run route6d(8), the RIPng routing daemon.' },
  route6d_program: { type: 'string', summary: 'Path of the route6d program.' },
  route6d_flags: { type: 'string', summary: 'Flags for route6d(8).' },
  routed_enable: { type: 'bool', summary: 'Run routed(8), the RIP (IPv4) routing daemon.' },
  routed_program: { type: 'string', summary: 'Path of the routed program.' },
  routed_flags: { type: 'string', summary: 'Flags for routed(8).' },
  static_ndp_pairs: { type: 'list', summary: 'Names of static IPv6 neighbour entries; each needs a `static_ndp_<name>` knob.' },
  static_arp_pairs: { type: 'list', summary: 'Names of static ARP entries; each needs a `static_arp_<name>` knob.' },
  stf_interface_ipv4addr: { type: 'address', summary: 'The local IPv4 address of a 6to4 (stf0) tunnel; setting it creates stf0.', ipv6: '6to4 (RFC 3056) is deprecated for new deployments (RFC 7526); prefer native IPv6 or a configured tunnel.' },
  stf_interface_ipv4plen: { type: 'int', summary: 'Prefix length that limits which 6to4 peers stf0 accepts (0-31).' },
  stf_interface_ipv6_ifid: { type: 'string', summary: 'The interface identifier of stf0\'s IPv6 address, or AUTO.' },
  stf_interface_ipv6_slaid: { type: 'string', summary: 'The subnet (SLA) ID of stf0\'s IPv6 address.' },
  ip6addrctl_enable: { type: 'bool', summary: 'Install an address selection policy (RFC 6724) at boot with ip6addrctl(8).' },
  ip6addrctl_policy: {
    type: 'string',
    summary: '`ipv4_prefer`, `ipv6_prefer`, or AUTO: /etc/ip6addrctl.conf if present, else IPv6-preferred when `ipv6_activate_all_interfaces` is YES or any `ifconfig_<if>_ipv6` is set, IPv4-preferred otherwise.',
    ipv6: 'Decides whether programs try a name\'s IPv6 or IPv4 addresses first.',
  },
  ip6addrctl_verbose: { type: 'bool', summary: 'Print the address selection policy table at boot.' },
  icmp_drop_redirect: { type: 'string', summary: 'Ignore ICMP redirects: YES, NO, or auto (YES when a routing daemon runs).' },
  firewall_enable: { type: 'bool', summary: 'Load ipfw(8) rules at boot from `firewall_script` / `firewall_type`.', ipv6: 'rc.firewall covers IPv4 and IPv6 (the separate ipv6_firewall_* knobs are gone).' },
  firewall_type: { type: 'string', summary: 'The ruleset of /etc/rc.firewall (open, client, simple, closed, workstation) or a rules file.' },
  firewall_client_net: { type: 'address', summary: 'The IPv4 network the "client" firewall type trusts.' },
  firewall_client_net_ipv6: { type: 'address', summary: 'The IPv6 prefix the "client" firewall type trusts.', ipv6: 'Without it the client ruleset has no IPv6 network to allow.' },
  firewall_simple_inet_ipv6: { type: 'address', summary: 'The inside IPv6 prefix of the "simple" firewall type.' },
  firewall_simple_onet_ipv6: { type: 'address', summary: 'The outside IPv6 prefix of the "simple" firewall type.' },
  firewall_simple_iif_ipv6: { type: 'string', summary: 'The inside IPv6 interface of the "simple" firewall type.' },
  firewall_simple_oif_ipv6: { type: 'string', summary: 'The outside IPv6 interface of the "simple" firewall type.' },
  firewall_nat64_enable: { type: 'bool', summary: 'Load the ipfw NAT64 module (with firewall_enable).' },
  firewall_nptv6_enable: { type: 'bool', summary: 'Load the ipfw NPTv6 (prefix translation) module (with firewall_enable).' },
  pf_enable: { type: 'bool', summary: 'Load pf(4) rules from `pf_rules` at boot.' },
  sshd_enable: { type: 'bool', summary: 'Start sshd(8) at boot.' },
  devmatch_blacklist: {
    type: 'list',
    summary: 'Kernel modules devmatch(8) must not load (without .ko).',
    history: 'The FreeBSD 13 name; FreeBSD 14 renamed it devmatch_blocklist and still reads the old one.',
  },
  sendmail_enable: { type: 'string', summary: 'YES runs sendmail as an inbound mail server; NO runs only the local submission daemon; NONE runs no sendmail daemon at all.' },
  // Obsolete and removed knobs.
  ipv6_enable: {
    type: 'bool',
    summary: 'Turned IPv6 on in FreeBSD before 9.0.',
    obsolete: { instead: '`ipv6_activate_all_interfaces`, plus `inet6 accept_rtadv` in `ifconfig_<if>_ipv6` where router advertisements should be accepted', honoured: true, warned: true },
    history: 'FreeBSD 13 and 14 still read YES and warn at boot: they copy it to `ipv6_activate_all_interfaces` and turn on `accept_rtadv` on every interface but bridges (unless `ipv6_gateway_enable` is YES).',
  },
  ipv6_prefer: {
    type: 'bool',
    summary: 'Chose the IPv6-preferred (YES) or IPv4-preferred (NO) address selection policy.',
    obsolete: { instead: '`ip6addrctl_policy="ipv6_prefer"` (or `"ipv4_prefer"`)', honoured: true, warned: true },
  },
  ipv6_router_enable: { type: 'bool', summary: 'Ran the RIPng routing daemon.', obsolete: { instead: '`route6d_enable`', honoured: true, warned: true } },
  ipv6_router: { type: 'string', summary: 'Path of the IPv6 routing daemon.', obsolete: { instead: '`route6d_program`', honoured: true, warned: true } },
  ipv6_router_flags: { type: 'string', summary: 'Flags of the IPv6 routing daemon.', obsolete: { instead: '`route6d_flags`', honoured: true, warned: true } },
  router_enable: { type: 'bool', summary: 'Ran the IPv4 routing daemon.', obsolete: { instead: '`routed_enable`', honoured: true, warned: true } },
  router: { type: 'string', summary: 'Path of the IPv4 routing daemon.', obsolete: { instead: '`routed_program`', honoured: true, warned: true } },
  router_flags: { type: 'string', summary: 'Flags of the IPv4 routing daemon.', obsolete: { instead: '`routed_flags`', honoured: true, warned: true } },
  ipv6_firewall_enable: { type: 'bool', summary: 'Loaded a separate IPv6 firewall (ip6fw).', obsolete: { instead: '`firewall_enable`: rc.firewall and ipfw cover IPv6 (see `firewall_client_net_ipv6` and the other *_ipv6 firewall knobs)', honoured: false, warned: false } },
  ipv6_firewall_script: { type: 'string', summary: 'The separate IPv6 firewall script.', obsolete: { instead: '`firewall_script`', honoured: false, warned: false } },
  ipv6_firewall_type: { type: 'string', summary: 'The ruleset of the separate IPv6 firewall.', obsolete: { instead: '`firewall_type` (with the *_ipv6 firewall knobs)', honoured: false, warned: false } },
  ipv6_firewall_quiet: { type: 'bool', summary: 'Quiet loading of the IPv6 firewall.', obsolete: { instead: '`firewall_quiet`', honoured: false, warned: false } },
  ipv6_firewall_logging: { type: 'bool', summary: 'Logging of the IPv6 firewall.', obsolete: { instead: '`firewall_logging`', honoured: false, warned: false } },
  ipv6_firewall_flags: { type: 'string', summary: 'Flags of the IPv6 firewall.', obsolete: { instead: '`firewall_flags`', honoured: false, warned: false } },
  ipv6_faith_prefix: { type: 'string', summary: 'The prefix of the faith(4) IPv6-to-IPv4 translator.', obsolete: { instead: 'nothing: faith(4) was removed; use a translator such as ipfw NAT64 (`firewall_nat64_enable`)', honoured: false, warned: false } },
  dhcp_program: { type: 'string', summary: 'Path of the DHCP client.', obsolete: { instead: '`dhclient_program`', honoured: false, warned: false } },
  dhcp_flags: { type: 'string', summary: 'Flags of the DHCP client.', obsolete: { instead: '`dhclient_flags`', honoured: false, warned: false } },
  pccard_ifconfig: { type: 'string', summary: 'ifconfig arguments for PC Card network adapters.', obsolete: { instead: '`ifconfig_<if>` (devd configures hot-plugged interfaces like any other)', honoured: false, warned: false } },
};

export interface ResolvedKnobDoc extends KnobDoc {
  /** The knob is listed in FreeBSD 14's /etc/defaults/rc.conf (or named by a known pattern). */
  known: boolean;
}

function generic(name: string): KnobDoc {
  const m = /^(.*)_(enable|flags|program|config|conf|rules|user|pidfile)$/.exec(name);
  const svc = m ? m[1] : name;
  switch (m?.[2]) {
    case 'enable':
      return { title: name, type: 'bool', summary: `YES starts ${svc} at boot (its rc.d script runs when the value is YES, TRUE, ON or 1).` };
    case 'flags':
      return { title: name, type: 'string', summary: `Extra command-line flags the rc.d script passes to ${svc}.` };
    case 'program':
      return { title: name, type: 'string', summary: `Path of the ${svc} program the rc.d script runs.` };
    case 'config':
    case 'conf':
      return { title: name, type: 'string', summary: `Configuration file of ${svc}.` };
    case 'rules':
      return { title: name, type: 'string', summary: `Rules file ${svc} loads.` };
    default:
      return { title: name, type: 'string', summary: 'A setting of FreeBSD\'s rc scripts (see /etc/defaults/rc.conf and rc.conf(5)).' };
  }
}

/**
 * The docs of every knob a pattern names: one object per pattern, shared. A copy per knob name was ~15,000 objects on
 * the benchmark's rc.conf, kept by the memo below for the whole analysis, each given a hidden class of its own by V8.
 */
const RESOLVED_PATTERN_DOCS: { re: RegExp; doc: ResolvedKnobDoc }[] = PATTERN_DOCS.map(({ re, doc }) => ({ re, doc: { ...doc, known: true } }));

// Every rule asks for the docs of every assignment's name (an rc.conf of 40,000 lines tried ~30 patterns per line per
// rule): answers are remembered by name (core/analyze.ts analysisMemo). Callers only read them.
const knobDocs = analysisMemo<ResolvedKnobDoc | undefined>(5000);

/** Docs for a knob name, or undefined for a name FreeBSD's base system does not know. */
export function knobDoc(name: string): ResolvedKnobDoc | undefined {
  return knobDocs(name, knobDocUncached);
}

function knobDocUncached(name: string): ResolvedKnobDoc | undefined {
  const def = DEFAULT_KNOBS.get(name);
  const rich = Object.prototype.hasOwnProperty.call(DOCS, name) ? DOCS[name] : undefined;
  if (rich) return { title: name, ...rich, default: rich.default ?? def?.value, known: true };
  for (const p of RESOLVED_PATTERN_DOCS) if (p.re.test(name)) return p.doc;
  if (def) return { ...generic(name), default: def.value, known: true };
  return undefined;
}

/** Is this a boolean knob (read with checkyesno)? Service `*_enable` knobs of ports are too. */
export function isBooleanKnob(name: string): boolean {
  if (name === 'sendmail_enable') return false; // also takes NONE
  if (/_enable$/.test(name)) return true;
  const d = knobDoc(name);
  return d?.type === 'bool' && !d.obsolete;
}

/** Every knob name with a fixed spelling (for completion and "did you mean"). */
export function knownKnobNames(): string[] {
  const names = new Set<string>(DEFAULT_KNOBS.keys());
  for (const [n, d] of Object.entries(DOCS)) if (!d.obsolete) names.add(n);
  return [...names].sort();
}

export function obsoleteKnobNames(): string[] {
  return Object.entries(DOCS).filter(([, d]) => d.obsolete).map(([n]) => n);
}
