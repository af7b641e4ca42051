// rcconf/missing-family-keyword: interface address knobs whose value does not start with `inet` / `inet6`.
import { defineRule } from '../../../core/rule';
import type { RcconfModel } from '../model';
import { insertInValue } from '../edits';
import { knobRole, looksLikeAddress, splitValue } from '../net';

export default defineRule<RcconfModel>({
  id: 'rcconf/missing-family-keyword',
  severity: 'warning',
  docs: {
    summary: 'An `ifconfig_<if>_ipv6`, `ifconfig_<if>_alias<n>` or `ifconfig_<if>_aliases` value that starts with an address instead of `inet6` / `inet`.',
    why:
      'network.subr needs the address family first. For `ifconfig_<if>_ipv6` it adds the missing `inet6` and warns at every boot. ' +
      'For `ifconfig_<if>_alias<n>` it assumes IPv4: an IPv4 address works (with a warning), an IPv6 address is handed to ' +
      '`ifconfig <if> inet ...` and is never configured. In `ifconfig_<if>_aliases`, words before the first family keyword are dropped silently.',
    bad: 'ifconfig_em0_ipv6="2001:db8::10 prefixlen 64"\nifconfig_em0_alias0="2001:db8::11 prefixlen 64"',
    good: 'ifconfig_em0_ipv6="inet6 2001:db8::10 prefixlen 64"\nifconfig_em0_alias0="inet6 2001:db8::11 prefixlen 64"',
    fix: 'Safe: inserts `inet6` (IPv6 address) or `inet` (IPv4 address) at the start of the value, which is what the address needs to be configured.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5', 'FreeBSD libexec/rc/network.subr (ifconfig_up, ifalias_af_common)'],
  },
  check(ctx) {
    for (const a of ctx.model.assignments) {
      if (a.forCommand || a.value.text === undefined) continue;
      const role = knobRole(a.name);
      if (role.kind !== 'ifconfig' || (role.part !== 'ipv6' && role.part !== 'alias' && role.part !== 'aliases') || role.iface === 'DEFAULT') continue;
      const first = splitValue(a)[0];
      if (!first || !looksLikeAddress(first.text)) continue;
      const v6 = first.text.includes(':');
      const keyword = v6 ? 'inet6' : 'inet';
      const edit = insertInValue(a, a.value.text.indexOf(first.text), `${keyword} `);
      let message: string;
      if (role.part === 'ipv6') {
        message = `${a.name} starts with an address: network.subr adds the missing "inet6" and warns at every boot. Write "inet6 ${first.text} ...".`;
      } else if (role.part === 'aliases') {
        message = `${a.name} starts with ${first.text} before any "inet"/"inet6" keyword: network.subr drops it silently and it is never configured. Write "${keyword} ${first.text} ...".`;
      } else if (v6) {
        message = `${a.name} has no "inet6" keyword: network.subr reads the value as IPv4 ("inet ${first.text}"), ifconfig rejects it, and the IPv6 alias is never configured. Write "inet6 ${first.text} ...".`;
      } else {
        message = `${a.name} has no "inet" keyword: network.subr assumes IPv4 and warns at every boot. Write "inet ${first.text} ...".`;
      }
      ctx.report({ span: first.span ?? a.value.span, message, fixes: edit ? [{ title: `Insert "${keyword}" before the address`, safe: true, edits: [edit] }] : [] });
    }
  },
});
