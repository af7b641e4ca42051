// rcconf/duplicate-knob: a knob set twice at top level where the first value is never used: sh keeps the last one.
import { defineRule } from '../../../core/rule';
import type { Edit, Fix } from '../../../core/types';
import { deleteAssignment } from '../edits';
import type { RcconfModel } from '../model';

export default defineRule<RcconfModel>({
  id: 'rcconf/duplicate-knob',
  severity: 'warning',
  docs: {
    summary: 'A knob assigned twice at top level, the second time without using the first value: the first line has no effect.',
    why:
      'rc.conf is read top to bottom and the last assignment wins. A second `ifconfig_em0=` (often appended by sysrc or a provisioning tool) ' +
      'silently replaces the first: the address or service you see at the top of the file is not what boots. Appending to a list ' +
      '(`kld_list="${kld_list} pf"`) uses the first value and is not reported.',
    bad: 'ifconfig_em0="inet 192.0.2.10/24"\nsshd_enable="YES"\nifconfig_em0="DHCP"',
    good: 'sshd_enable="YES"\nifconfig_em0="DHCP"',
    fix: 'Safe when nothing between the two lines can read the variable: deletes the first assignment (a comment on its line is kept).',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5'],
  },
  check(ctx) {
    const model = ctx.model;
    for (const [name, list] of model.byName) {
      const top = list.filter((a) => !a.ctx.conditional && a.ctx.depth === 0);
      // The later value builds on the earlier one: kld_list="${kld_list} x".
      const ref = new RegExp(`\\$\\{*${name}(?![A-Za-z0-9_])`);
      // From the last assignment back: the lines fix-all deletes (safe fixes) are skipped when looking for the
      // assignment that wins, so a chain whose end reads nothing is reported whole, not one line per pass.
      const removed: (Edit | undefined)[] = new Array(top.length);
      for (let i = top.length - 2; i >= 0; i--) {
        let j = i + 1;
        while (removed[j]) j++;
        const first = top[i];
        const second = top[j];
        if (ref.test(model.text.slice(second.value.span.start, second.value.span.end))) continue;
        // Anything between them that could read it (a command, a reference) makes deleting the first a change.
        let between = '';
        let pos = first.span.end;
        for (let k = i + 1; k < j; k++) {
          between += model.text.slice(pos, removed[k]!.start);
          pos = Math.max(pos, removed[k]!.end);
        }
        between += model.text.slice(pos, second.span.start);
        const used = ref.test(between) || model.commands.some((c) => c.command.words.length > 0 && c.command.start > first.span.end && c.command.start < second.span.start);
        const del = deleteAssignment(model, first);
        if (del && !used) removed[i] = del;
        const fixes: Fix[] = del ? [{ title: `Delete the first ${name} (line ${ctx.lines.lineOf(first.span.start) + 1})`, safe: !used, edits: [del] }] : [];
        ctx.report({
          span: first.nameSpan,
          message: `${name} is set again on line ${ctx.lines.lineOf(second.span.start) + 1}, which replaces this value: this line has no effect.`,
          fixes,
          related: [{ span: second.nameSpan, message: 'the assignment that wins' }],
        });
      }
    }
  },
});
