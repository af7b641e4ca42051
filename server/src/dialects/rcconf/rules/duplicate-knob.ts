// rcconf/duplicate-knob: a knob set twice at top level where the first value is never used: sh keeps the last one.
import { defineRule } from '../../../core/rule';
import type { Edit, Fix } from '../../../core/types';
import { firstNumberAtOrAfter } from '../../../core/search';
import { deleteAssignment } from '../edits';
import type { RcconfModel } from '../model';

export default defineRule<RcconfModel>({
  id: 'rcconf/duplicate-knob',
  severity: 'warning',
  topic: 'general',
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
    const text = model.text;
    // Where the file reads each variable ($name, ${name}), and where commands start: found once, then looked up
    // by position. (Building the text between two assignments and searching it, for every pair, was quadratic on a
    // file that sets one knob thousands of times.)
    const readsOf = new Map<string, number[]>();
    for (const m of text.matchAll(/\$\{*([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const list = readsOf.get(m[1]);
      if (list) list.push(m.index);
      else readsOf.set(m[1], [m.index]);
    }
    const commandStarts = model.commands.filter((c) => c.command.words.length > 0).map((c) => c.command.start).sort((a, b) => a - b);
    for (const [name, list] of model.byName) {
      const top = list.filter((a) => !a.ctx.conditional && a.ctx.depth === 0);
      if (top.length < 2) continue;
      const reads = readsOf.get(name) ?? [];
      // From the last assignment back: the lines fix-all deletes (safe fixes) are skipped when looking for the
      // assignment that wins, so a chain whose end reads nothing is reported whole, not one line per pass.
      const removed: (Edit | undefined)[] = new Array(top.length);
      // The assignment that wins over top[i]: the next one that fix-all keeps (not walked to: with 5,000 of one knob
      // that walk was quadratic).
      let j = top.length - 1;
      for (let i = top.length - 2; i >= 0; i--) {
        const first = top[i];
        const second = top[j];
        // The later value builds on the earlier one: kld_list="${kld_list} x".
        const r = firstNumberAtOrAfter(reads, second.value.span.start);
        if (r < reads.length && reads[r] < second.value.span.end) {
          j = i;
          continue;
        }
        // Anything between them that could read it (a command, a reference) makes deleting the first a change; the
        // lines between that fix-all deletes do not count.
        let used = false;
        for (let k = firstNumberAtOrAfter(reads, first.span.end); k < reads.length && reads[k] < second.span.start && !used; k++) {
          used = !insideRemoved(reads[k], removed, i + 1, j);
        }
        const c = firstNumberAtOrAfter(commandStarts, first.span.end + 1);
        if (c < commandStarts.length && commandStarts[c] < second.span.start) used = true;
        const del = deleteAssignment(model, first);
        if (del && !used) removed[i] = del;
        else j = i;
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

/** Is the offset inside one of the edits removed[from..to) (all defined, ascending: the lines fix-all deletes)? */
function insideRemoved(offset: number, removed: readonly (Edit | undefined)[], from: number, to: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = removed[mid]!;
    if (offset < e.start) hi = mid - 1;
    else if (offset >= e.end) lo = mid + 1;
    else return true;
  }
  return false;
}
