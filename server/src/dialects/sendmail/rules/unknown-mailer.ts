// sendmail/unknown-mailer: MAILER(`name') with no cf/mailer/name.m4 (often a mailer that another file
// defines, such as esmtp from MAILER(`smtp')).
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import { AGENT_FILE, CF_README, isKnownMailer, MAILER_NAMES } from '../catalogue';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-mailer',
  severity: 'error',
  docs: {
    summary: 'MAILER() with a name sendmail’s cf/mailer directory does not have.',
    why:
      'MAILER(`x\') includes cf/mailer/x.m4; for an unknown name m4 fails with "cannot open" and exits 1, and the .cf lacks ' +
      'those delivery agents — mail that needs them bounces with "mailer not defined". A common slip is naming a mailer ' +
      'that another file defines: esmtp, relay, smtp8 and dsmtp come from MAILER(`smtp\'), prog from MAILER(`local\').',
    bad: "MAILER(`esmtp')dnl",
    good: "MAILER(`smtp')dnl",
    fix: 'Safe for a mailer defined by another file (MAILER(`esmtp\') -> MAILER(`smtp\')); otherwise not safe: the closest known names.',
    references: [CF_README],
  },
  check(ctx) {
    for (const u of ctx.model.mailers) {
      if (!u.plain || !u.name || isKnownMailer(u.name)) continue;
      const file = AGENT_FILE.get(u.name);
      const suggestions = file ? [file] : closestMatches(u.name, MAILER_NAMES, 3);
      ctx.report({
        span: u.span,
        message:
          `sendmail has no mailer file '${u.name}': m4 fails with "cannot open .../cf/mailer/${u.name}.m4" (exit 1).` +
          (file ? ` The ${u.name} mailer is defined by MAILER(\`${file}').` : suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''),
        fixes: suggestions.map((s) => ({ title: `Change to ${s}`, safe: !!file, edits: [{ start: u.span.start, end: u.span.end, newText: s }] })),
      });
    }
  },
});
