// apache/argument-count: a directive given more or fewer arguments than httpd's command table takes.
import { defineRule } from '../../../core/rule';
import { argRange, lookupDirective } from '../catalogue';
import { catalogueSkip, type ApacheModel } from '../model';

const SAYS: Record<string, string> = {
  NO_ARGS: 'takes no arguments',
  FLAG: 'must be On or Off',
  TAKE1: 'takes one argument',
  TAKE2: 'takes two arguments',
  TAKE12: 'takes one or two arguments',
  TAKE3: 'takes three arguments',
  TAKE23: 'takes two or three arguments',
  TAKE123: 'takes one, two or three arguments',
  TAKE13: 'takes one or three arguments',
  ITERATE: 'requires at least one argument',
  ITERATE2: 'requires at least two arguments',
};

export default defineRule<ApacheModel>({
  id: 'apache/argument-count',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive with too many or too few arguments, or a flag that is not On or Off.',
    why:
      'httpd checks the count against the directive\'s definition and refuses the configuration: "ServerName takes one ' +
      'argument", "KeepAlive must be On or Off". A value with a space needs quotes.',
    bad: 'ServerName www.example.org example.org\nKeepAlive yes',
    good: 'ServerName www.example.org\nServerAlias example.org\nKeepAlive On',
    fix: 'No automatic fix.',
    references: ['https://httpd.apache.org/docs/2.4/configuring.html#syntax'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      if (d.section || catalogueSkip(d)) continue;
      const fact = lookupDirective(d.lname);
      const range = fact && !fact.trunk ? argRange(fact.args) : undefined;
      if (!fact || !range) continue;
      if (d.args.some((a) => /\$\{|@\w+@/.test(a.value))) continue;
      // A `#` word starts what the author meant as a comment: apache/inline-comment reports it.
      const hash = d.args.findIndex((a) => a.kind === 'word' && a.value.startsWith('#'));
      const args = hash >= 0 ? d.args.slice(0, hash) : d.args;
      const n = args.length;
      const badFlag = fact.args === 'FLAG' && n === 1 && !/^(on|off)$/i.test(args[0].value);
      const badCount = n < range[0] || n > range[1] || (fact.args === 'TAKE13' && n === 2);
      if (!badCount && !badFlag) continue;
      if (hash >= 0 && !badFlag && n >= range[0] && n <= range[1]) continue;
      const span = n > range[1] ? { start: args[range[1]].start, end: args[n - 1].end } : badFlag ? args[0] : d.nameSpan;
      ctx.report({ span, message: `${fact.name} ${SAYS[fact.args!]}; here it has ${n === 0 ? 'none' : n}${badFlag ? ` ('${args[0].value}')` : ''}. httpd refuses the configuration.` });
    }
  },
});
