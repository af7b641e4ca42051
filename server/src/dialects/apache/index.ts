// The Apache httpd dialect (httpd.conf, apache2.conf, sites-*/, .htaccess): parse (grammar + model), rules,
// hover, completion, symbols, folding and Include links.
import { hasGlob } from '../../core/globs';
import { parseApacheText } from '../../../../grammars/apache/parser';
import { syntaxFindings } from '../../core/rule';
import type { Dialect, RuleDocs } from '../../core/types';
import { buildApacheModel, type ApacheModel } from './model';
import { rules } from './rules';
import { apacheSegments } from './segments';
import { apacheFolding, apacheIncludes, apacheServerRoot, apacheSymbols } from './outline';
import { apacheCompletions, apacheHover } from './hover';

export const APACHE_SYNTAX_DOCS: RuleDocs = {
  summary: 'httpd.conf text httpd cannot read: a section not closed or closed by the wrong name, a header without its `>`, an unterminated quote, a stray byte.',
  why:
    'httpd stops at the first such line: `apache2 -t` prints "Syntax error on line N" and the server does not start (or a ' +
    'graceful reload keeps the old configuration). Only the first error is reported, so the rest of the file stays unchecked.',
  bad: '<VirtualHost [::1]:80>\n    ServerName www.example.org\n</Directory>',
  good: '<VirtualHost [::1]:80>\n    ServerName www.example.org\n</VirtualHost>',
  fix: 'No automatic fix: the message names the section httpd expected to be closed, in httpd\'s own words.',
  references: ['https://httpd.apache.org/docs/2.4/configuring.html#syntax', 'research/real-daemons.md §2b'],
};

export const apacheDialect: Dialect<ApacheModel> = {
  name: 'apache',
  languageId: 'apacheconf',
  title: 'Apache httpd configuration',
  filePatterns: ['httpd.conf', 'apache2.conf', '.htaccess', '**/apache2/**/*.conf', '**/httpd/**/*.conf', '**/sites-available/*', '**/sites-enabled/*'],
  lineComment: '#',
  syntaxDocs: APACHE_SYNTAX_DOCS,
  parse(text, skip) {
    const out = parseApacheText(text, skip);
    const model = buildApacheModel(out.cst, out.problems);
    return { model, syntaxFindings: syntaxFindings('apache', out.problems, 'related'), comments: out.comments };
  },
  rules,
  hover: apacheHover,
  completions: apacheCompletions,
  symbols: apacheSymbols,
  folding: apacheFolding,
  // Measured with apache2 -t 2.4: a loop through an Include under <IfModule> of a module not loaded is never read;
  // such a loop is a warning that names the condition (apacheIncludes' `when`, workspace/includes.ts).
  includeLoop: 'httpd refuses the configuration ("Exceeded maximum include depth of 128, There appears to be a recursion.")',
  // Include / IncludeOptional paths; a relative one resolves against ServerRoot. A glob (conf.d/*.conf) is
  // followed through a bounded expansion (workspace/glob-expand.ts) but names no single file to open.
  links: (model) =>
    apacheIncludes(model).map((l) => ({
      span: l.span,
      target: l.target,
      kind: 'include' as const,
      optional: l.optional,
      glob: hasGlob(l.target) || undefined,
      directory: apacheServerRoot(model),
      when: l.when,
    })),
  // A top-level <VirtualHost> that nothing else reads is local (segments.ts).
  segments: apacheSegments,
};
