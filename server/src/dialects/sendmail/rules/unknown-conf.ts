// sendmail/unknown-conf: define(`confXXX', ...) of a conf* name sendmail's cf files never read — a misspelling
// that m4 and sendmail pass in silence.
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import { CF_README, CONF_NAMES, isKnownConf } from '../catalogue';
import type { SendmailModel } from '../model';

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-conf',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'A define (or undefine/ifdef) of a `conf*` name that sendmail’s cf.m4 never reads.',
    why:
      'cf.m4 turns each known confXXX variable into a sendmail.cf option. A misspelt one — confBIND_OPT, ' +
      'confDONT_PROBE_INTERFACE — is an ordinary m4 macro nobody reads: the option keeps its default and neither m4 nor ' +
      'sendmail says anything.',
    bad: "define(`confBIND_OPT', `WorkAroundBrokenAAAA')dnl",
    good: "define(`confBIND_OPTS', `WorkAroundBrokenAAAA')dnl",
    fix: 'Not safe: renames it to the closest known conf variable (one fix per candidate).',
    references: [CF_README],
  },
  check(ctx) {
    for (const d of ctx.model.defines) {
      if (!/^conf[A-Z0-9_]+$/.test(d.name) || isKnownConf(d.name)) continue;
      const suggestions = closestMatches(d.name, CONF_NAMES, 3);
      ctx.report({
        span: d.nameSpan,
        message: `cf.m4 does not read ${d.name}: this ${d.macro} has no effect on sendmail.cf.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        fixes: suggestions.map((s) => ({ title: `Change to ${s}`, safe: false, edits: [{ start: d.nameSpan.start, end: d.nameSpan.end, newText: s }] })),
      });
    }
  },
});
