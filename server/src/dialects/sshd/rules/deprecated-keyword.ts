// sshd/deprecated-keyword: a keyword sshd only tolerates — an old alias, or one it ignores ("Deprecated option").
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { deleteLine } from '../edits';
import type { SshdModel } from '../model';

/** Why a deprecated keyword does nothing any more, per keyword (our words; facts from servconf.c history). */
const WHY: Record<string, string> = {
  protocol: 'OpenSSH 7.4 removed SSH protocol 1, so there is nothing left to choose',
  rsaauthentication: 'it configured SSH protocol 1, which OpenSSH 7.4 removed',
  rhostsrsaauthentication: 'it configured SSH protocol 1, which OpenSSH 7.4 removed',
  serverkeybits: 'it sized the SSH protocol 1 server key; protocol 1 is gone since OpenSSH 7.4',
  keyregenerationinterval: 'it regenerated the SSH protocol 1 server key; protocol 1 is gone since OpenSSH 7.4',
  useprivilegeseparation: 'privilege separation is always on (and sandboxed) since OpenSSH 7.5',
  uselogin: 'OpenSSH 7.4 removed support for running login(1)',
  rhostsauthentication: 'rhosts-only authentication was removed in OpenSSH 3.7',
  verifyreversemapping: 'UseDNS decides whether sshd looks up client names',
  reversemappingcheck: 'UseDNS decides whether sshd looks up client names',
  checkmail: 'sshd has ignored it since before OpenSSH 3.0',
  pamauthenticationviakbdint: 'PAM runs through keyboard-interactive authentication whenever UsePAM is on (since OpenSSH 3.7)',
  authorizedkeysfile2: 'AuthorizedKeysFile takes several files now (its default already lists .ssh/authorized_keys2)',
  kerberostgtpassing: 'sshd has not supported it since OpenSSH 3.7',
  afstokenpassing: 'sshd has not supported it since OpenSSH 3.7',
};

export default defineRule<SshdModel>({
  id: 'sshd/deprecated-keyword',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'An old alias, or a keyword sshd reads and ignores ("Deprecated option", "Unsupported option").',
    why:
      'A deprecated keyword does nothing: `UsePrivilegeSeparation`, `RSAAuthentication` or `Protocol 2` suggest a ' +
      'setting that sshd no longer has, and readers trust them. Aliases such as `ChallengeResponseAuthentication` still ' +
      'work but hide the name sshd_config(5) documents, so a later `KbdInteractiveAuthentication` line looks independent ' +
      'while it is the same option (the first one wins).',
    bad: 'Protocol 2\nUsePrivilegeSeparation sandbox\nChallengeResponseAuthentication no',
    good: 'KbdInteractiveAuthentication no',
    fix:
      'Safe: renames an alias to the current keyword (the same option in every OpenSSH 9.x), and removes a line sshd ' +
      'ignores. For `AuthorizedKeysFile2` the removal is offered but not safe: list that file in `AuthorizedKeysFile`.',
    references: ['https://man.openbsd.org/sshd_config', 'https://www.openssh.com/releasenotes.html'],
  },
  check(ctx) {
    for (const d of ctx.model.directives) {
      const info = d.info;
      if (!info) continue;
      const fixes: Fix[] = [];
      let message: string;
      if (info.status === 'alias' || (info.status === 'vendor' && info.replacement)) {
        const to = info.replacement!;
        const since = info.changedIn ? ` (an alias since OpenSSH ${info.changedIn})` : '';
        message =
          info.status === 'vendor'
            ? `${d.keyword} is a spelling only Debian's sshd accepts; upstream sshd says "Bad configuration option". Use ${to}, the same option.`
            : `${d.keyword} is the old name of ${to}${since}; sshd still reads it as ${to}. Use ${to}.`;
        fixes.push({ title: `Rename to ${to}`, safe: true, edits: [{ ...d.keywordSpan, newText: to }] });
      } else if (info.status === 'deprecated' || info.status === 'ignored' || info.status === 'unsupported') {
        const says =
          info.status === 'deprecated' ? `sshd logs "Deprecated option ${d.keyword}" and ignores the line`
            : info.status === 'unsupported' ? `sshd logs "Unsupported option ${d.keyword}" and ignores the line`
              : 'sshd ignores the line without a word';
        const why = WHY[d.name] ? `: ${WHY[d.name]}` : '';
        const instead = info.replacement ? ` Use ${info.replacement} instead.` : ' Remove it.';
        message = `${d.keyword} does nothing — ${says}${why}.${instead}`;
        const del = deleteLine(ctx.text, ctx.lines, d);
        if (del) fixes.push({ title: 'Remove the ignored line', safe: d.name !== 'authorizedkeysfile2', edits: [del] });
      } else continue;
      ctx.report({ span: d.keywordSpan, message, fixes });
    }
  },
});
