// The FreeBSD rc.conf dialect: parse (sh grammar + model), rules, hover, symbols, completion.
import { parseRcconfText } from '../../../../grammars/rcconf/parser';
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
    const syntaxFindings: Finding[] = out.problems.map((p, i) => {
      const related = p.related !== undefined ? [{ span: { start: p.related, end: p.related + 1 }, message: p.relatedMessage ?? 'opened here' }] : [];
      // An unclosed quote is usually the missing close of an earlier value that now runs over a line break.
      if (p.message.startsWith('unterminated quoted string')) {
        const culprit = [...model.assignments].reverse().find((a) => a.span.start < p.start && text.slice(a.value.span.start, a.value.span.end).includes('\n'));
        if (culprit) related.push({ span: culprit.value.span, message: 'this value runs over a line break: its closing quote may be the one missing' });
      }
      return {
        rule: 'rcconf/syntax',
        severity: 'error' as const,
        // The first problem is the one sh reports; it carries the consequence.
        message: i === 0 ? p.message + CONSEQUENCE : p.message,
        span: { start: p.start, end: Math.max(p.start, p.end) },
        fixes: [],
        related: related.length ? related : undefined,
      };
    });
    return { model, syntaxFindings, comments: out.comments };
  },
  rules,
  hover: rcconfHover,
  completions: rcconfCompletions,
  symbols: rcconfSymbols,
};
