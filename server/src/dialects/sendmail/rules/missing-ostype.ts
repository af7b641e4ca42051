// sendmail/missing-ostype: a .mc without OSTYPE(). m4 prints "*** ERROR: No system type defined" but exits 0;
// the .cf then has generic paths.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { CF_README } from '../catalogue';
import { insertLineBefore } from '../edits';
import type { SendmailModel } from '../model';

const CONTENT = new Set(['FEATURE', 'MAILER', 'DOMAIN', 'DAEMON_OPTIONS', 'CLIENT_OPTIONS', 'HACK', 'MASQUERADE_AS', 'INPUT_MAIL_FILTER']);

export default defineRule<SendmailModel>({
  id: 'sendmail/missing-ostype',
  severity: 'error',
  docs: {
    summary: 'A .mc file without OSTYPE().',
    why:
      'cf/README requires an OSTYPE. Without one m4 prints `*** ERROR: No system type defined (use OSTYPE macro)` on stderr ' +
      'but exits 0 and writes a sendmail.cf with generic paths (queue, aliases, local mailer) that may not exist. v6ready ' +
      'also reads the platform from OSTYPE; without it the setting v6ready.targets.sendmail decides. (submit.mc avoids ' +
      'the error with define(`__OSTYPE__\', `\'); that counts.)',
    bad: "VERSIONID(`mail server')\nMAILER(`local')dnl\nMAILER(`smtp')dnl",
    good: "VERSIONID(`mail server')\nOSTYPE(`linux')dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl",
    fix: 'Not safe: inserts OSTYPE(`linux\') (or OSTYPE(`freebsd6\') when v6ready.targets.sendmail is freebsd) before the first FEATURE, MAILER or DAEMON_OPTIONS.',
    references: [CF_README, 'research/real-daemons.md §3e (no OSTYPE: exit 0 with an error message)'],
  },
  check(ctx) {
    const m = ctx.model;
    if (m.ostypes.length > 0 || m.defines.some((d) => d.name === '__OSTYPE__' && d.macro === 'define')) return;
    const first = m.calls.find((c) => CONTENT.has(c.name));
    if (!first) return;
    const os = ctx.target === 'freebsd' ? 'freebsd6' : 'linux';
    const fixes: Fix[] = [{ title: `Insert OSTYPE(\`${os}')`, safe: false, edits: [insertLineBefore(ctx.lines, first, `OSTYPE(\`${os}')dnl`)] }];
    const anchor = m.mailers[0]?.call ?? first;
    ctx.report({
      span: anchor.nameSpan,
      message: 'No OSTYPE() in this file: m4 prints "*** ERROR: No system type defined" yet writes sendmail.cf with generic paths. Add OSTYPE() before the first FEATURE and MAILER.',
      fixes,
    });
  },
});
