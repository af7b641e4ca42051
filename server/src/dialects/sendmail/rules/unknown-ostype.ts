// sendmail/unknown-ostype: OSTYPE(`name') with no cf/ostype/name.m4.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import { CF_README, isKnownOstype, OSTYPE_NAMES } from '../catalogue';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-ostype',
  severity: 'error',
  docs: {
    summary: 'OSTYPE() with a name sendmail’s cf/ostype directory does not have.',
    why:
      'OSTYPE(`x\') includes cf/ostype/x.m4, which sets the system’s paths (queue, aliases, local mailer). For an unknown ' +
      'name m4 fails with "cannot open" and exits 1, and the .cf falls back to generic paths that may not exist on the ' +
      'host. v6ready also reads the platform (Linux or BSD socket behaviour) from OSTYPE.',
    bad: "OSTYPE(`linx')dnl",
    good: "OSTYPE(`linux')dnl",
    fix: 'Not safe: replaces the name with the closest known OS type (one fix per candidate).',
    references: [CF_README],
  },
  check(ctx) {
    for (const o of ctx.model.ostypes) {
      if (!o.plain || !o.name || isKnownOstype(o.name)) continue;
      const suggestions = closestMatches(o.name, OSTYPE_NAMES, 3);
      ctx.report({
        span: o.span,
        message: `sendmail has no OS type '${o.name}': m4 fails with "cannot open .../cf/ostype/${o.name}.m4" (exit 1).${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        fixes: suggestions.map((s) => ({ title: `Change to ${s}`, safe: false, edits: [{ start: o.span.start, end: o.span.end, newText: s }] })),
      });
    }
  },
});
