// sshd/ipv4-only-match: access rules written for IPv4 clients only — Match Address/LocalAddress lists, and the HOST
// of AllowUsers/DenyUsers USER@HOST — which IPv6 clients silently fall outside of.
import { defineRule } from '../../../core/rule';
import type { Span } from '../../../core/types';
import { listFamily } from '../addresses';
import { argPiece, listEntries, pieceSpan, slicePiece, type Directive, type SshdModel } from '../model';

interface UserRule {
  directive: Directive;
  /** The USER part, as written. */
  user: string;
  /** 4 or 6 when every host pattern is of that family; undefined when open (no @HOST) or mixed. */
  family?: 4 | 6;
  span: Span;
  text: string;
}

/** The USER part in words: `*` is everyone, a pattern is the users it matches. */
function who(user: string): string {
  if (user === '*') return 'every user';
  return /[*?!,]/.test(user) ? `users matching '${user}'` : user;
}

function userRules(d: Directive): UserRule[] {
  const out: UserRule[] = [];
  for (const a of d.args) {
    const p = argPiece(a);
    const at = p.text.indexOf('@');
    if (at < 0) {
      out.push({ directive: d, user: p.text, span: pieceSpan(p), text: p.text });
      continue;
    }
    const entries = listEntries(slicePiece(p, at + 1), 'user');
    if (entries.some((e) => e.problem)) continue; // sshd/invalid-match-address
    out.push({ directive: d, user: p.text.slice(0, at), family: listFamily(entries), span: pieceSpan(p), text: p.text });
  }
  return out;
}

export default defineRule<SshdModel>({
  id: 'sshd/ipv4-only-match',
  severity: 'info',
  docs: {
    summary: 'Access rules written for IPv4 only: a `Match Address` list, or `AllowUsers`/`DenyUsers` USER@HOST, with no IPv6 network.',
    why:
      'sshd compares the client address of each connection with these patterns. An IPv6 client never matches an IPv4 ' +
      'network, so a `Match Address 192.168.0.0/16` block (say, allowing passwords on the LAN) does not apply to the same ' +
      'LAN over IPv6, `AllowUsers alice@10.0.0.0/8` refuses alice over IPv6, and `DenyUsers *@203.0.113.0/24` does not ' +
      'deny the same hosts when they come over IPv6. Nothing fails; the rule simply stops meaning what it says once the ' +
      'network has IPv6.',
    bad: 'AllowUsers alice@192.0.2.0/24\nMatch Address 192.0.2.0/24\n    PasswordAuthentication yes',
    good: 'AllowUsers alice@192.0.2.0/24,2001:db8:1::/64\nMatch Address 192.0.2.0/24,2001:db8:1::/64\n    PasswordAuthentication yes',
    fix: 'None: only you know the IPv6 prefix of those hosts. Add it to the same list.',
    references: ['https://man.openbsd.org/sshd_config#Match', 'https://man.openbsd.org/sshd_config#AllowUsers'],
  },
  check(ctx) {
    for (const block of ctx.model.matches) {
      for (const c of block.criteria) {
        if (!c.info?.addresses || !c.value) continue;
        const entries = listEntries(c.value, 'match');
        if (entries.some((e) => e.problem) || listFamily(entries) !== 4) continue;
        const who = c.info.name === 'Address' ? 'clients connecting over IPv6' : 'connections to the server\'s IPv6 addresses';
        ctx.report({
          span: pieceSpan(c.value),
          message: `Match ${c.info.name} ${c.value.text} lists IPv4 only: ${who} never get this block's settings. Add the IPv6 prefix of the same hosts.`,
        });
      }
    }
    // AllowUsers: a user pattern whose every entry (across the lines of one scope) is limited to IPv4 hosts.
    const scopes = new Map<unknown, Directive[]>();
    for (const d of ctx.model.directives) {
      if ((d.name !== 'allowusers' && d.name !== 'denyusers') || d.node.openQuote >= 0) continue;
      const key = d.block && !d.block.all ? d.block : 'global';
      const list = scopes.get(key);
      if (list) list.push(d);
      else scopes.set(key, [d]);
    }
    // One pass to learn which users also have a pattern open to IPv6, one to report: a list of 100,000 users stays linear.
    for (const directives of scopes.values()) {
      const allow = directives.filter((d) => d.name === 'allowusers').flatMap(userRules);
      const notOnlyV4 = new Set(allow.filter((o) => o.family !== 4).map((o) => o.user));
      for (const r of allow) {
        if (r.family !== 4 || notOnlyV4.has(r.user)) continue;
        ctx.report({
          span: r.span,
          message: `AllowUsers ${r.text}: ${who(r.user)} may log in from IPv4 addresses only; from the same hosts over IPv6 sshd refuses the login. Add their IPv6 prefix.`,
        });
      }
      for (const r of directives.filter((d) => d.name === 'denyusers').flatMap(userRules)) {
        if (r.family !== 4) continue;
        ctx.report({
          span: r.span,
          message: `DenyUsers ${r.text} denies ${who(r.user)} from IPv4 addresses only: the same hosts connecting over IPv6 are not denied. Add their IPv6 prefix.`,
        });
      }
    }
  },
});
