// sendmail/unknown-feature: FEATURE(`name') with no cf/feature/name.m4 — m4 fails ("cannot open"), exits 1,
// and the .cf is written without it.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import { CF_README, FEATURE_NAMES, isKnownFeature, MAILERS } from '../catalogue';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-feature',
  severity: 'error',
  docs: {
    summary: 'FEATURE() with a name sendmail’s cf/feature directory does not have.',
    why:
      'FEATURE(`x\') includes cf/feature/x.m4. For a misspelt name m4 prints `cannot open \'.../feature/x.m4\'`, exits 1 — ' +
      'and still writes the rest of sendmail.cf, so a build script that ignores m4’s status installs a .cf without the ' +
      'feature (an access database that is never consulted, a missing no_default_msa, ...).',
    bad: "FEATURE(`acess_db')dnl",
    good: "FEATURE(`access_db')dnl",
    fix: 'Not safe: replaces the name with the closest known feature (one fix per candidate).',
    references: [CF_README, 'research/real-daemons.md §3e (m4 exit 1, .cf still complete)'],
  },
  check(ctx) {
    for (const f of ctx.model.features) {
      if (!f.plain || !f.name || isKnownFeature(f.name)) continue;
      const suggestions = closestMatches(f.name, FEATURE_NAMES, 3);
      const mailer = MAILERS.has(f.name) ? ` ${f.name} is a mailer: MAILER(\`${f.name}').` : '';
      ctx.report({
        span: f.span,
        message:
          `sendmail has no feature '${f.name}': m4 fails with "cannot open .../cf/feature/${f.name}.m4" (exit 1) and sendmail.cf is written without it.` +
          (mailer || (suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '')),
        fixes: suggestions.map((s) => ({ title: `Change to ${s}`, safe: false, edits: [{ start: f.span.start, end: f.span.end, newText: s }] })),
      });
    }
  },
});
