// apache/argument-count: a directive given more or fewer arguments than httpd's command table takes.
import { defineRule } from '../../../core/rule';
import type { Fix, RuleContext } from '../../../core/types';
import { argRange } from '../catalogue';
import { catalogueSkip, commentStart, type ApacheModel, type Directive } from '../model';

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

/** The count limits of a directive, or undefined when httpd's table does not fix them (or it is not checked here). */
function limits(d: Directive): { range: readonly [number, number]; argv?: (typeof ARGV_LIMITS)[string] } | undefined {
  const fact = d.fact;
  if (d.section || !fact || fact.trunk) return undefined;
  const argv = fact.args === 'TAKE_ARGV' && Object.hasOwn(ARGV_LIMITS, d.lname) ? ARGV_LIMITS[d.lname] : undefined;
  const range = argv?.range ?? argRange(fact.args);
  if (!range || catalogueSkip(d)) return undefined;
  // A value built from variables or template placeholders is counted only once expanded.
  if (d.args.some((a) => /\$\{|@\w+@/.test(a.value))) return undefined;
  return { range, argv };
}

/** Whether httpd refuses n arguments (server/config.c invoke_cmd): a FLAG reads its first word and ignores the rest. */
function countRefused(kind: string | undefined, range: readonly [number, number], n: number): boolean {
  if (kind === 'FLAG') return n < 1;
  return n < range[0] || n > range[1] || (kind === 'TAKE13' && n === 2);
}

/**
 * Directives that take any number of words but refuse a `#` one, with what httpd 2.4.71 says (measured with
 * `apache2 -t`): mod_authz_host parses each word of `Require ip` as an address, mod_access_compat refuses `#` in
 * Allow/Deny, core's Options and AllowOverride parse each word as an option name.
 */
function listRefusal(d: Directive, word: string): string | undefined {
  const w0 = d.args[0]?.value.toLowerCase();
  const w1 = d.args[1]?.value.toLowerCase();
  switch (d.lname) {
    case 'require':
      if (w0 === 'ip' || (w0 === 'not' && w1 === 'ip')) return `ip address '${word}' appears to be invalid`;
      if (w0 === 'all') return "Argument for 'Require all' must be 'granted' or 'denied'";
      return undefined;
    case 'allow':
    case 'deny':
      return w0 === 'from' ? 'No comments are allowed here' : undefined;
    case 'options':
      return `Illegal option ${word}`;
    case 'allowoverride':
      return `Illegal override option ${word}`;
    default:
      return undefined;
  }
}

/**
 * When the words of a trailing `# comment` make httpd refuse a directive that is fine without them: the message for
 * apache/argument-count, which reports it as an error (apache/inline-comment then stays silent on it). Undefined
 * otherwise, and when the directive is refused even without the comment (that count problem is reported on its own).
 */
export function commentRefusal(d: Directive): { message: string; hash: number } | undefined {
  const hash = commentStart(d.args);
  if (hash < 0 || d.section || !d.fact || d.fact.trunk || catalogueSkip(d)) return undefined;
  const name = d.fact.name;
  const n = d.args.length - hash;
  const comment = `'${d.args[hash].value}'${n > 1 ? ` and ${n - 1} more word${n > 2 ? 's' : ''}` : ''}`;
  const head = `httpd does not take '#' as a comment after a directive: it passes ${comment} to ${name} as argument${n > 1 ? 's' : ''}`;
  const tail = 'Put the comment on a line of its own.';
  const lim = limits(d);
  if (lim) {
    const kind = d.fact.args;
    const before = d.args.slice(0, hash);
    if (countRefused(kind, lim.range, hash) || (kind === 'FLAG' && hash === 1 && !/^(on|off)$/i.test(before[0].value))) return undefined;
    if (countRefused(kind, lim.range, d.args.length)) {
      const says = lim.argv ? `${name} ${lim.argv.says}. httpd refuses the configuration: "${lim.argv.httpd}"` : `${name} ${SAYS[kind!]}. httpd refuses the configuration.`;
      return { message: `${head}, and ${says} ${tail}`, hash };
    }
  } else if (d.args.some((a) => /\$\{|@\w+@/.test(a.value))) return undefined;
  const httpd = listRefusal(d, d.args[hash].value);
  return httpd ? { message: `${head}, and httpd refuses the configuration: "${httpd}". ${tail}`, hash } : undefined;
}

/**
 * Moving the comment words (from argument `hash` to the end of the line) to a line of their own above the directive:
 * not safe, as it changes the arguments httpd sees. None when they span lines.
 */
export function moveCommentFixes(ctx: RuleContext<ApacheModel>, d: Directive, hash: number): Fix[] {
  const args = d.args;
  const first = args[hash];
  const last = args[args.length - 1];
  const comment = ctx.text.slice(first.start, last.end);
  if (ctx.lines.lineOf(first.start) !== ctx.lines.lineOf(last.end) || comment.includes('\\')) return [];
  let ws = first.start;
  while (ws > 0 && (ctx.text[ws - 1] === ' ' || ctx.text[ws - 1] === '\t')) ws--;
  const lineStart = ctx.lines.lineStart(ctx.lines.lineOf(d.span.start));
  return [{
    title: 'Move the comment to its own line above',
    safe: false,
    edits: [
      { start: lineStart, end: lineStart, newText: `${ctx.lines.indentationAt(d.span.start)}${comment}${ctx.lines.eol}` },
      { start: ws, end: last.end, newText: '' },
    ],
  }];
}

export default defineRule<ApacheModel>({
  id: 'apache/argument-count',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A directive with too many or too few arguments, or a flag that is not On or Off, a trailing `# comment` included.',
    why:
      'httpd checks the count against the directive\'s definition and refuses the configuration: "ServerName takes one ' +
      'argument", "KeepAlive must be On or Off". Directives that count their own arguments say it in their own words ' +
      '("Listen requires 1 or 2 arguments."). A value with a space needs quotes. httpd has no comments after a directive: ' +
      'the words of a `# comment` count as arguments, so `Listen [::]:8080 # all` has three, and list directives that ' +
      'parse each word refuse them (`Require ip 127.0.0.1 # lo`: "ip address \'#\' appears to be invalid").',
    bad: 'ServerName www.example.org example.org\nKeepAlive yes',
    good: 'ServerName www.example.org\nServerAlias example.org\nKeepAlive On',
    fix: 'No automatic fix for a wrong count. When the words of a comment are what httpd refuses: a quick fix (not safe, it changes the arguments httpd sees) moves the comment to its own line above the directive.',
    references: ['https://httpd.apache.org/docs/2.4/configuring.html#syntax'],
  },
  check(ctx) {
    const all = ctx.model.all;
    for (let k = 0; k < all.length; k++) {
      const d = all[k];
      // A `#` word starts what the author meant as a comment. When its words are what makes httpd refuse the line,
      // that is reported here, as the error it is, with the fix that moves the comment; apache/inline-comment reports
      // the other comments.
      const refused = commentRefusal(d);
      if (refused) {
        ctx.report({ span: { start: d.args[refused.hash].start, end: d.args[d.args.length - 1].end }, message: refused.message, fixes: moveCommentFixes(ctx, d, refused.hash) });
        continue;
      }
      const lim = limits(d);
      const fact = d.fact;
      if (!lim || !fact) continue;
      const { range, argv } = lim;
      // Otherwise the count is of the words before the comment.
      const hash = commentStart(d.args);
      const n = hash >= 0 ? hash : d.args.length;
      const badFlag = fact.args === 'FLAG' && n === 1 && !/^(on|off)$/i.test(d.args[0].value);
      const badCount = countRefused(fact.args, range, n);
      if (!badCount && !badFlag) continue;
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
