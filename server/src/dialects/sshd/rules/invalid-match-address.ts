// sshd/invalid-match-address: a bad address, prefix or pattern in Match Address/LocalAddress (or the HOST of
// AllowUsers/DenyUsers USER@HOST) — some make `sshd -t` fail, the rest are accepted and never match.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { argPiece, listEntries, slicePiece, type SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/invalid-match-address',
  severity: 'error',
  docs: {
    summary: 'A malformed address, prefix or pattern in `Match Address`/`LocalAddress` or in the HOST of `AllowUsers`/`DenyUsers` USER@HOST.',
    why:
      'sshd reads each entry as an address or CIDR network, and when that fails, as a wildcard pattern compared with ' +
      "the client's address text. So `Match Address 2001:db8::/129`, `2001:db8:::1` or `*.example.com` pass `sshd -t` " +
      'and silently never match: the block (often a restriction) never applies. Host bits under a prefix ' +
      '(`192.0.2.1/24`), a prefix too long for IPv4 (`/33`) or an empty entry make `sshd -t` fail instead ("Invalid Match ' +
      'address argument"). glibc reads `10.0.0` as the single address 10.0.0.0 and `010.0.0.1` as 8.0.0.1.',
    bad: 'Match Address 2001:db8::/129,192.0.2.1/24,*.example.com\n    PasswordAuthentication yes',
    good: 'Match Address 2001:db8::/32,192.0.2.0/24\n    PasswordAuthentication yes',
    fix: 'For host bits under a prefix, a fix (not safe) writes the network address (`192.0.2.0/24`). The others need you: no automatic fix.',
    references: ['https://man.openbsd.org/sshd_config#Match', 'https://man.openbsd.org/ssh_config#PATTERNS', 'research/real-daemons.md §4a'],
  },
  check(ctx) {
    const report = (entries: ReturnType<typeof listEntries>, where: string, sshdSays: string) => {
      for (const e of entries) {
        if (!e.problem) continue;
        const says = e.problem.rejected ? `, and sshd refuses the whole file (sshd -t: ${sshdSays})` : '';
        const fixes: Fix[] = e.problem.network
          ? [{ title: `Use the network ${e.problem.network}`, safe: false, edits: [{ ...e.span, newText: e.problem.network }] }]
          : [];
        ctx.report({ span: e.span, message: `${where}: ${e.problem.message}${says}.`, fixes });
      }
    };
    for (const block of ctx.model.matches) {
      for (const c of block.criteria) {
        if (!c.info?.addresses || !c.value) continue;
        report(listEntries(c.value, 'match'), `Match ${c.info.name}`, `Invalid Match ${c.info.name.toLowerCase()} argument '${c.value.text}'`);
      }
    }
    for (const d of ctx.model.directives) {
      if ((d.name !== 'allowusers' && d.name !== 'denyusers') || d.node.openQuote >= 0) continue;
      for (const a of d.args) {
        const p = argPiece(a);
        const at = p.text.indexOf('@');
        if (at < 0) continue;
        const kw = d.info?.name ?? d.keyword;
        report(listEntries(slicePiece(p, at + 1), 'user'), `${kw} ${p.text}`, `invalid ${kw} pattern: '${p.text}'`);
      }
    }
  },
});
