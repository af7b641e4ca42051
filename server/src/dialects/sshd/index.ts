// The OpenSSH sshd_config dialect: parse (grammar + model), rules, hover, completion, symbols, folding, Include links.
import { parseSshdText } from '../../../../grammars/sshd/parser';
import { syntaxFindings } from '../../core/rule';
import type { Dialect, RuleDocs } from '../../core/types';
import { sshdCompletions, sshdHover } from './hover';
import { sshdIncludeLinks, sshdServerFolderOf } from './listen';
import { buildSshdModel, type SshdModel } from './model';
import { sshdFolding, sshdSymbols } from './outline';
import { rules } from './rules';

export const SSHD_SYNTAX_DOCS: RuleDocs = {
  summary: 'sshd_config lines that `sshd -t` rejects: a missing or malformed argument, an unclosed quote, a keyword not allowed inside Match, a bad Match line.',
  why:
    'sshd checks the whole file at start and on reload and refuses it on any of these ("terminating, 1 bad configuration ' +
    'options", "Bad Match condition", "Directive \'ListenAddress\' is not allowed within a Match block"), so the server ' +
    'does not start, or a reload fails and the next restart does.',
  bad: 'PasswordAuthentication maybe\nMatch User alice\n    ListenAddress ::1',
  good: 'PasswordAuthentication no\nListenAddress ::1\nMatch User alice\n    PasswordAuthentication yes',
  fix: 'No automatic fix: the finding quotes what `sshd -t` says and marks the argument it is about.',
  references: ['https://man.openbsd.org/sshd_config', 'research/real-daemons.md §4a'],
};

export const sshdDialect: Dialect<SshdModel> = {
  name: 'sshd',
  languageId: 'sshd-config',
  title: 'OpenSSH sshd_config',
  filePatterns: ['sshd_config', '**/sshd_config.d/*.conf'],
  lineComment: '#',
  syntaxDocs: SSHD_SYNTAX_DOCS,
  parse(text) {
    const out = parseSshdText(text);
    const model = buildSshdModel(out.cst);
    const problems = [...out.problems, ...model.problems].sort((a, b) => a.start - b.start);
    return { model, syntaxFindings: syntaxFindings('sshd', problems), comments: out.comments };
  },
  rules,
  hover: sshdHover,
  completions: sshdCompletions,
  symbols: sshdSymbols,
  folding: sshdFolding,
  // Include paths (servconf.c): each argument a path or glob, a relative one under /etc/ssh. The workspace and the
  // editor read them, so the rules see the included files (listen.ts readSshd for the global ones; what an Include
  // inside a Match block reads belongs to that block: match-includes.ts).
  links: (model) => sshdIncludeLinks(model),
  serverFolderOf: sshdServerFolderOf,
  // sshd -t 9.2 on two files that include each other: "Too many recursive configuration includes", exit 255.
  includeLoop: 'sshd refuses to start ("Too many recursive configuration includes")',
};
