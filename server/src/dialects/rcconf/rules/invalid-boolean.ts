// rcconf/invalid-boolean: a YES/NO knob whose value checkyesno does not accept (`Yes please`, `YSE`, `""`).
import { defineRule } from '../../../core/rule';
import { editDistance } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { isBooleanKnob } from '../docs';
import { replaceAssignment } from '../edits';
import { isNo, isYes, type RcconfModel } from '../model';

export default defineRule<RcconfModel>({
  id: 'rcconf/invalid-boolean',
  severity: 'warning',
  docs: {
    summary: 'A YES/NO knob (any `*_enable`, and the boolean knobs of rc.conf(5)) whose value is not YES, NO, TRUE, FALSE, ON, OFF, 1 or 0.',
    why:
      'rc.subr\'s checkyesno reads anything else as NO and prints "... is not set properly" at boot: `sshd_enable="yes please"` or a typo ' +
      'such as `"YSE"` leaves the service off. A value with a stray blank (`"YES "`) or a carriage return from a Windows editor fails the same way.',
    bad: 'sshd_enable="YSE"\nipv6_gateway_enable="YES "',
    good: 'sshd_enable="YES"\nipv6_gateway_enable="YES"',
    fix: 'Safe when only blanks are wrong (they are removed); otherwise the closest of YES and NO is offered, not safe (it changes what starts).',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.subr&sektion=8', 'https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5'],
  },
  check(ctx) {
    for (const a of ctx.model.assignments) {
      if (a.forCommand) continue;
      const v = a.value.text;
      if (v === undefined || !isBooleanKnob(a.name)) continue;
      if (isYes(v) || isNo(v)) continue;
      const trimmed = v.trim();
      const fixes: Fix[] = [];
      if (trimmed !== v && (isYes(trimmed) || isNo(trimmed))) {
        fixes.push({ title: `Remove the blanks: "${trimmed}"`, safe: true, edits: [replaceAssignment(a, a.name, trimmed)] });
      } else {
        const up = trimmed.toUpperCase();
        const near = ['YES', 'NO'].filter((c) => up.length > 0 && editDistance(up, c, 2) <= Math.min(2, Math.max(1, c.length - 1)));
        for (const c of near) fixes.push({ title: `Use "${c}"`, safe: false, edits: [a.value.content ? { start: a.value.content.start, end: a.value.content.end, newText: c } : replaceAssignment(a, a.name, c)] });
      }
      ctx.report({
        span: a.value.span,
        message:
          `${a.name} is a YES/NO knob, but "${v.replace(/\r/g, '\\r')}" is neither: checkyesno reads it as NO and prints "not set properly" at boot. ` +
          'Use YES or NO.',
        fixes,
      });
    }
  },
});
