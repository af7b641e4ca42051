// apache/argument-count: a directive given more or fewer arguments than httpd's command table takes.
import { defineRule } from '../../../core/rule';
import { argRange } from '../catalogue';
import { catalogueSkip, commentStart, type ApacheModel } from '../model';

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

/**
 * TAKE_ARGV directives count their own arguments in code, so the command table says nothing: their limits, with the
 * message httpd prints. Listen: ap_set_listener in server/listen.c ("Listen requires 1 or 2 arguments.").
 */
const ARGV_LIMITS: Record<string, { range: readonly [number, number]; says: string; httpd: string }> = {
  listen: { range: [1, 2], says: 'takes an address and port, and optionally a protocol', httpd: 'Listen requires 1 or 2 arguments.' },
};

export default defineRule<ApacheModel>({
  id: 'apache/argument-count',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive with too many or too few arguments, or a flag that is not On or Off.',
    why:
      'httpd checks the count against the directive\'s definition and refuses the configuration: "ServerName takes one ' +
      'argument", "KeepAlive must be On or Off". Directives that count their own arguments say it in their own words ' +
      '("Listen requires 1 or 2 arguments."). A value with a space needs quotes.',
    bad: 'ServerName www.example.org example.org\nKeepAlive yes',
    good: 'ServerName www.example.org\nServerAlias example.org\nKeepAlive On',
    fix: 'No automatic fix.',
    references: ['https://httpd.apache.org/docs/2.4/configuring.html#syntax'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      const fact = d.fact;
      if (d.section || !fact || fact.trunk) continue;
      const argv = fact.args === 'TAKE_ARGV' && Object.hasOwn(ARGV_LIMITS, d.lname) ? ARGV_LIMITS[d.lname] : undefined;
      const range = argv?.range ?? argRange(fact.args);
      if (!range || catalogueSkip(d)) continue;
      // A `#` word starts what the author meant as a comment: apache/inline-comment reports it.
      const hash = commentStart(d.args);
      const n = hash >= 0 ? hash : d.args.length;
      const badFlag = fact.args === 'FLAG' && n === 1 && !/^(on|off)$/i.test(d.args[0].value);
      const badCount = n < range[0] || n > range[1] || (fact.args === 'TAKE13' && n === 2);
      if (!badCount && !badFlag) continue;
      if (hash >= 0 && !badFlag && n >= range[0] && n <= range[1]) continue;
      // A value built from variables or template placeholders is counted only once expanded.
      if (d.args.some((a) => /\$\{|@\w+@/.test(a.value))) continue;
      const args = hash >= 0 ? d.args.slice(0, hash) : d.args;
      const span = n > range[1] ? { start: args[range[1]].start, end: args[n - 1].end } : badFlag ? args[0] : d.nameSpan;
      const has = `here it has ${n === 0 ? 'none' : n}`;
      const message = argv
        ? `${fact.name} ${argv.says}; ${has}. httpd refuses the configuration: "${argv.httpd}"`
        : `${fact.name} ${SAYS[fact.args!]}; ${has}${badFlag ? ` ('${args[0].value}')` : ''}. httpd refuses the configuration.`;
      ctx.report({ span, message });
    }
  },
});
