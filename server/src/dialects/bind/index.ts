// The BIND named.conf dialect: parse (grammar + model), rules, hover, symbols, folding, completion.
import { parseBindText } from '../../../../grammars/bind/parser';
import { syntaxFindings } from '../../core/rule';
import type { Dialect, RuleDocs } from '../../core/types';
import { buildBindModel, isExcusedProblem, type BindModel } from './model';
import { rules } from './rules';
import { bindFolding, bindSymbols } from './outline';
import { bindHover } from './hover';
import { bindCompletionsAt } from './completion';
import { bindLinks, bindNameAt, bindOccurrences, bindRenameEdit } from './navigation';

export const BIND_SYNTAX_DOCS: RuleDocs = {
  summary: 'named.conf text that BIND cannot parse: a missing `;` or brace, an unclosed string or comment, a stray character.',
  why: 'named-checkconf and named refuse the whole file on a syntax error, so the server does not start (or keeps its old configuration on reload).',
  bad: 'options {\n    directory "/var/cache/bind"\n    listen-on { any; };\n};',
  good: 'options {\n    directory "/var/cache/bind";\n    listen-on { any; };\n};',
  fix: 'No automatic fix: the finding names the token before which something is missing, on the line named-checkconf reports.',
  references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#configuration-file-grammar'],
};

export const bindDialect: Dialect<BindModel> = {
  name: 'bind',
  languageId: 'bind-named',
  title: 'BIND named.conf',
  filePatterns: ['named.conf', 'named.conf.*', 'named*.conf', '*.named.conf'],
  lineComment: '//',
  syntaxDocs: BIND_SYNTAX_DOCS,
  parse(text, skip) {
    const out = parseBindText(text, skip);
    const model = buildBindModel(out.cst);
    const problems = [...out.problems.filter((p) => !isExcusedProblem(model, p)), ...model.problems].sort((a, b) => a.start - b.start);
    return { model, syntaxFindings: syntaxFindings('bind', problems, 'the block opened here'), comments: out.comments };
  },
  rules,
  hover: bindHover,
  completions: bindCompletionsAt,
  symbols: bindSymbols,
  folding: bindFolding,
  nameAt: bindNameAt,
  occurrences: bindOccurrences,
  renameEdit: bindRenameEdit,
  links: (model) => bindLinks(model),
  // named-checkconf 9.18 on two files that include each other: "open: …/n2.conf: too many open files", exit 1.
  includeLoop: 'named refuses the configuration ("too many open files")',
  // Zones are local: they refer to acls, keys, primaries lists and options, nothing refers to a zone but a few whole-file rules.
  segments: (model) => model.clauses.map((c) => ({ start: c.span.start, end: c.span.end, local: c.name === 'zone' })),
};
