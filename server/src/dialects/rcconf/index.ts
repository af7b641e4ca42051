// The FreeBSD rc.conf dialect: parse (sh grammar + model), rules, hover, symbols, completion.
import { MAX_TOKENS } from '../../../../grammars/rcconf/lexer';
import { parseRcconfText } from '../../../../grammars/rcconf/parser';
import { LARGE_FILE_RULE } from '../../core/limits';
import type { Dialect, Finding, RuleDocs } from '../../core/types';
import { rcconfCompletions, rcconfHover } from './hover';
import { buildRcconfModel, type RcconfModel } from './model';
import { rcconfSymbols } from './outline';
import { rules } from './rules';

export const RCCONF_SYNTAX_DOCS: RuleDocs = {
  summary: 'rc.conf text that sh cannot parse: an unclosed quote, `$(`, `${` or backquote, a stray `;;` or `)`, an `if` without `fi`.',
  why:
    'rc.conf is a shell script: /etc/rc and every rc.d script read it with sh\'s `.` command. A syntax error makes that shell stop ' +
    'reading it, so at boot the scripts fail or see none of the settings after the error: networking, sshd and the rest may not start. ' +
    'v6ready reports what `sh -n /etc/rc.conf` reports, at the same place.',
  bad: 'hostname="www.example.org\nifconfig_em0="inet 192.0.2.10/24"',
  good: 'hostname="www.example.org"\nifconfig_em0="inet 192.0.2.10/24"',
  fix: 'No automatic fix: the finding points at the quote, parenthesis or word sh stops at.',
  references: ['https://man.freebsd.org/cgi/man.cgi?query=sh&sektion=1', 'https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5'],
};

/**
 * The notice on line 1 of a file cut short at MAX_TOKENS: what was checked and what not. Where the editor's
 * large-file notice (core/limits.ts) stands for a limit of v6ready's, so does this one, under the same rule id.
 */
function tooLargeNotice(text: string, stop: number): Finding {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < stop; i = text.indexOf('\n', i + 1)) line++;
  const firstLineEnd = text.search(/[\r\n]/);
  return {
    rule: LARGE_FILE_RULE,
    severity: 'info',
    message:
      `This file is too large for v6ready to check whole (more than ${MAX_TOKENS.toLocaleString('en-US')} words and operators): ` +
      `checking stops at line ${line.toLocaleString('en-US')}; from there on the file is not checked, neither its syntax nor its settings. ` +
      'sh has no such limit; this says nothing about whether it accepts the file.',
    span: { start: 0, end: Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200) },
    fixes: [],
    related: [{ span: { start: stop, end: stop }, message: 'checking stops here' }],
  };
}

const CONSEQUENCE = '; sh -n rejects the file, and the rc scripts that read it fail';

export const rcconfDialect: Dialect<RcconfModel> = {
  name: 'rcconf',
  languageId: 'freebsd-rc-conf',
  title: 'FreeBSD rc.conf',
  filePatterns: ['rc.conf', 'rc.conf.local', '**/rc.conf.d/*'],
  lineComment: '#',
  syntaxDocs: RCCONF_SYNTAX_DOCS,
  parse(text) {
    const out = parseRcconfText(text);
    const model = buildRcconfModel(text, out.program, out.comments, out.problems);
    // v6ready's own bound on the file's size is no syntax error: a notice, like the editor's large-file one.
    const limit = out.problems.find((p) => p.limit);
    const problems = limit ? out.problems.filter((p) => !p.limit) : out.problems;
    // The first problem sh would report carries the consequence; v6ready's own nesting bound is no such problem.
    const first = problems.find((p) => !p.ours);
    const syntaxFindings: Finding[] = problems.map((p) => {
      const related = p.related !== undefined ? [{ span: { start: p.related, end: p.related + 1 }, message: p.relatedMessage ?? 'opened here' }] : [];
      // An unclosed quote is usually the missing close of an earlier value that now runs over a line break.
      if (p.message.startsWith('unterminated quoted string')) {
        const culprit = [...model.assignments].reverse().find((a) => a.span.start < p.start && text.slice(a.value.span.start, a.value.span.end).includes('\n'));
        if (culprit) related.push({ span: culprit.value.span, message: 'this value runs over a line break: its closing quote may be the one missing' });
      }
      return {
        rule: 'rcconf/syntax',
        severity: p.ours ? ('warning' as const) : ('error' as const),
        message: p === first ? p.message + CONSEQUENCE : p.message,
        span: { start: p.start, end: Math.max(p.start, p.end) },
        fixes: [],
        related: related.length ? related : undefined,
      };
    });
    // Last: the cap on syntax findings names its summary after the first one (core/analyze.ts).
    if (limit) syntaxFindings.push(tooLargeNotice(text, limit.start));
    return { model, syntaxFindings, comments: out.comments };
  },
  rules,
  // rc.conf includes nothing, but the rc scripts read rc.conf, rc.conf.local and rc.conf.d/<script> together: an
  // include world gives each its siblings as linked files (workspace/linked.ts), which it builds for dialects with links.
  links: () => [],
  hover: rcconfHover,
  completions: rcconfCompletions,
  symbols: rcconfSymbols,
};
