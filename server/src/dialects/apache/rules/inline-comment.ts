// apache/inline-comment: `#` after a directive on the same line, which httpd reads as more arguments.
import { defineRule } from '../../../core/rule';
import { commentStart, unchecked, type ApacheModel } from '../model';
import { commentRefusal, moveCommentFixes } from './argument-count';

export default defineRule<ApacheModel>({
  id: 'apache/inline-comment',
  scope: 'statement',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'A `# comment` after a directive on the same line: httpd takes comments only at the start of a line.',
    why:
      'httpd passes the `#` and every word after it to the directive as arguments. Most directives then refuse the ' +
      'configuration ("ServerName takes one argument"); list directives such as `Require ip` or `Options` choke on the ' +
      'words, and a few silently take them as values. Where httpd refuses the line, apache/argument-count reports it as ' +
      'an error, with the same fix; this rule warns about the comments httpd takes silently.',
    bad: 'Listen [::1]:80   # loopback only',
    good: '# loopback only\nListen [::1]:80',
    fix: 'Not safe (it changes the arguments httpd sees): moves the comment to its own line above the directive.',
    references: ['https://httpd.apache.org/docs/2.4/configuring.html#syntax'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      if (d.section || unchecked(d)) continue;
      const args = d.args;
      const i = commentStart(args);
      if (i < 0) continue;
      const first = args[i];
      const last = args[args.length - 1];
      // Only when the comment runs to the end of the line (a `#` that starts a value in mid-line is data).
      const lineEnd = ctx.lines.lineEnd(ctx.lines.lineOf(last.end));
      if (ctx.text.slice(last.end, lineEnd).trim() !== "") continue;
      // When its words make httpd refuse the directive, apache/argument-count reports that as an error, with this fix.
      if (commentRefusal(d)) continue;
      const n = args.length - i;
      ctx.report({
        span: { start: first.start, end: last.end },
        message: `httpd does not take '#' as a comment after a directive: it passes '${first.value}'${n > 1 ? ` and ${n - 1} more word${n > 2 ? 's' : ''}` : ''} to ${d.name} as argument${n > 1 ? 's' : ''}. Put the comment on a line of its own.`,
        fixes: moveCommentFixes(ctx, d, i),
      });
    }
  },
});
