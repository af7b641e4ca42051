// The Sendmail .mc dialect (m4 source of sendmail.cf): parse (grammar + model), rules, hover, symbols, folding, completion.
import { parseMcText } from '../../../../grammars/sendmail/parser';
import { syntaxFindings } from '../../core/rule';
import type { Dialect, RuleDocs } from '../../core/types';
import { buildSendmailModel, type SendmailModel } from './model';
import { rules } from './rules';
import { sendmailFolding, sendmailSymbols } from './outline';
import { sendmailCompletions, sendmailHover } from './hover';

export const SENDMAIL_SYNTAX_DOCS: RuleDocs = {
  summary: 'm4 text that does not read the way it looks: a quote or parenthesis left open, a stray `)`.',
  why:
    'm4 does not stop at the end of a line. A backquote without its closing quote swallows the rest of the file ' +
    '("end of file in string"); a call without its `)` collects the following lines as arguments and fails at the end, ' +
    'often naming another file (smtp.m4:123). m4 exits 1 but still writes a truncated sendmail.cf. These findings point ' +
    'at the line where the quote or parenthesis was opened.',
  bad: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6)dnl\nMAILER(`smtp')dnl",
  good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl\nMAILER(`smtp')dnl",
  fix: 'No automatic fix: the finding names the quote or parenthesis to close, on the line where it opens.',
  references: ['https://www.sendmail.org/~ca/email/doc8.12/cf/m4/', 'research/real-daemons.md §3e'],
};

export const sendmailDialect: Dialect<SendmailModel> = {
  name: 'sendmail',
  languageId: 'sendmail-mc',
  title: 'Sendmail .mc',
  // The standard names, FreeBSD's (its /etc/mail/Makefile builds `hostname`.mc and `hostname`.submit.mc from
  // freebsd.mc and freebsd.submit.mc), and any .mc directly in a `mail` folder. Not every `*.mc`: that also names
  // Windows message files. Other .mc files are recognised in the editor by their first line (package.json
  // firstLine), and checked from the CLI with --language sendmail-mc. Keep package.json's sendmail-mc in step.
  filePatterns: ['sendmail.mc', 'submit.mc', 'freebsd.mc', 'freebsd.submit.mc', '**/mail/*.mc'],
  lineComment: 'dnl',
  syntaxDocs: SENDMAIL_SYNTAX_DOCS,
  parse(text) {
    const out = parseMcText(text);
    const model = buildSendmailModel(out.cst, text);
    return { model, syntaxFindings: syntaxFindings('sendmail', out.problems, 'the call it follows'), comments: out.comments };
  },
  rules,
  hover: sendmailHover,
  completions: sendmailCompletions,
  symbols: sendmailSymbols,
  folding: sendmailFolding,
  // A macro call whose arguments run over lines: a `dnl` comment cannot go between them (inside a quoted argument m4
  // keeps it as text, and we would read it as an option).
  statementSpans: (model, text) =>
    model.calls
      .filter((c) => {
        const nl = text.indexOf('\n', c.start);
        return nl >= 0 && nl < c.end;
      })
      .map((c) => ({ start: c.start, end: c.end })),
};
