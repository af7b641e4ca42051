// sendmail/macro-order: OSTYPE or FEATURE after a MAILER, a second OSTYPE, a mailer variable defined after the
// MAILER that reads it, and LOCAL_*_FEATURES/TLS sections before MAILER — reported where the mistake is.
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import type { CallNode } from '../../../../../grammars/sendmail/cst';
import { CF_README, MAILER_VARIABLE_PREFIXES } from '../catalogue';
import { moveStatementBefore } from '../edits';
import type { SendmailModel } from '../model';

const AFTER_MAILER = new Set(['LOCAL_SRV_FEATURES', 'LOCAL_CLT_FEATURES', 'LOCAL_TRY_TLS', 'LOCAL_TLS_RCPT', 'LOCAL_TLS_CLIENT', 'LOCAL_TLS_SERVER']);

export default defineRule<SendmailModel>({
  id: 'sendmail/macro-order',
  severity: 'error',
  docs: {
    summary: 'Macros in an order cf.m4 cannot use: OSTYPE or FEATURE after MAILER, OSTYPE twice, a mailer variable set after its MAILER, TLS/feature rulesets before MAILER.',
    why:
      'MAILER() expands its mailer file at once, reading the paths and flags set so far. An OSTYPE after it comes too late ' +
      'for the mailers (cf/README: OSTYPE must come before any MAILER); a FEATURE after it makes m4 print ' +
      '`*** ERROR: FEATURE() should be before MAILER()` yet exit 0, and features that adjust mailers (local_procmail, ' +
      'local_lmtp) no longer reach them; `define(`LOCAL_MAILER_PATH\', ...)` after MAILER(`local\') is ignored. A second ' +
      'OSTYPE gives "duplicate OSTYPE"; LOCAL_SRV_FEATURES and the TLS rulesets before MAILER get m4 warnings.',
    bad: "MAILER(`local')dnl\nMAILER(`smtp')dnl\nFEATURE(`access_db')dnl",
    good: "FEATURE(`access_db')dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl",
    fix: 'Not safe (the generated .cf changes): moves the OSTYPE, FEATURE or define line before the first MAILER line.',
    references: [CF_README, 'sendmail cf/m4/cfhead.m4 (the FEATURE and LOCAL_* checks)'],
  },
  check(ctx) {
    const m = ctx.model;
    const firstMailer = m.mailers[0]?.call;
    const lineOf = (c: CallNode) => ctx.lines.lineOf(c.start) + 1;
    const move = (c: CallNode, title: string): Fix[] => {
      if (!firstMailer) return [];
      const edits = moveStatementBefore(ctx.text, ctx.lines, c, firstMailer);
      return edits ? [{ title, safe: false, edits }] : [];
    };
    if (firstMailer) {
      for (const o of m.ostypes) {
        if (o.call.start < firstMailer.start) continue;
        ctx.report({
          span: o.call.nameSpan,
          message: `OSTYPE comes after MAILER(\`${m.mailers[0].name}') on line ${lineOf(firstMailer)}: the mailers were already built with generic paths, and what ostype/${o.name}.m4 sets for them is ignored. Put OSTYPE before every MAILER.`,
          related: [{ span: firstMailer.nameSpan, message: 'the first MAILER' }],
          fixes: move(o.call, 'Move OSTYPE before the first MAILER'),
        });
      }
      for (const f of m.features) {
        if (f.call.start < firstMailer.start) continue;
        ctx.report({
          span: f.call.nameSpan,
          message: `FEATURE(\`${f.name}') comes after MAILER(\`${m.mailers[0].name}') on line ${lineOf(firstMailer)}: m4 prints "*** ERROR: FEATURE() should be before MAILER()" and features that adjust mailers no longer reach them. Move it before the MAILER lines.`,
          related: [{ span: firstMailer.nameSpan, message: 'the first MAILER' }],
          fixes: move(f.call, 'Move FEATURE before the first MAILER'),
        });
      }
      for (const d of m.defines) {
        if (d.macro !== 'define') continue;
        const prefix = MAILER_VARIABLE_PREFIXES.find(([p]) => d.name.startsWith(p));
        if (!prefix) continue;
        const mailer = m.mailers.find((u) => u.name === prefix[1] && u.call.start < d.call.start);
        if (!mailer) continue;
        ctx.report({
          span: d.nameSpan,
          message: `${d.name} is set after MAILER(\`${mailer.name}') on line ${lineOf(mailer.call)}, which already read it: the mailer keeps the old value. Define it before the MAILER lines.`,
          related: [{ span: mailer.call.nameSpan, message: 'the MAILER that reads it' }],
          fixes: move(d.call, `Move the define before the first MAILER`),
        });
      }
    }
    for (const o of m.ostypes.slice(1)) {
      ctx.report({
        span: o.call.nameSpan,
        message: `A second OSTYPE: m4 prints "duplicate OSTYPE" and the two systems’ settings mix. Keep one.`,
        related: [{ span: m.ostypes[0].call.nameSpan, message: 'the first OSTYPE' }],
      });
    }
    for (const c of m.calls) {
      if (!AFTER_MAILER.has(c.name) || (firstMailer && firstMailer.start < c.start)) continue;
      ctx.report({ span: c.nameSpan, message: `${c.name} must come after the MAILER lines: m4 prints "*** WARNING: MAILER() should be before ${c.name}".` });
    }
    for (const s of m.sections) {
      if (!AFTER_MAILER.has(s.name) || m.calls.some((c) => c.nameSpan.start === s.nameSpan.start) || (firstMailer && firstMailer.start < s.start)) continue;
      ctx.report({ span: s.nameSpan, message: `${s.name} must come after the MAILER lines: m4 prints "*** WARNING: MAILER() should be before ${s.name}".` });
    }
  },
});
