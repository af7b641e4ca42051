// The DNS zone file dialect (master files as BIND loads them): parse (grammar + model), rules, hover, completion, symbols, folding.
import { parseZoneText } from '../../../../grammars/zone/parser';
import { syntaxFindings } from '../../core/rule';
import type { Dialect, RuleDocs } from '../../core/types';
import { buildZoneModel, type ZoneModel } from './model';
import { rules } from './rules';
import { zoneFolding, zoneSymbols } from './outline';
import { zoneHover } from './hover';
import { zoneCompletions } from './completion';

export const ZONE_SYNTAX_DOCS: RuleDocs = {
  summary:
    'Zone file text that BIND cannot load: an unknown record type or directive, missing or extra data, a bad number, TTL, ' +
    'name, hex or base64 field, unbalanced parentheses or quotes.',
  why:
    'named-checkzone and named refuse the whole zone on one such line ("not loaded due to errors"): the server then answers ' +
    'SERVFAIL for every name in it, over IPv4 and IPv6 alike, until the file is fixed.',
  bad: '$TTL 1h30\nwww  IN  MX  mail.example.net.',
  good: '$TTL 1h30m\nwww  IN  MX  10 mail.example.net.',
  fix: "No automatic fix: the finding names what BIND expected, with named-checkzone's own wording where it has one.",
  references: ['https://www.rfc-editor.org/rfc/rfc1035#section-5', 'https://bind9.readthedocs.io/en/v9.18/chapter3.html#soa-rr', 'research/real-daemons.md §1f'],
};

export const zoneDialect: Dialect<ZoneModel> = {
  name: 'zone',
  languageId: 'dns-zone',
  title: 'DNS zone file',
  filePatterns: ['*.zone', '**/bind/db.*', '**/named/db.*', '**/bind/*.db', '**/named/*.db'],
  lineComment: ';',
  syntaxDocs: ZONE_SYNTAX_DOCS,
  parse(text) {
    const out = parseZoneText(text);
    const model = buildZoneModel(out.cst, text);
    const problems = [...out.problems, ...model.problems].sort((a, b) => a.start - b.start);
    return { model, syntaxFindings: syntaxFindings('zone', problems, "the '(' opened here"), comments: out.comments };
  },
  rules,
  hover: zoneHover,
  completions: zoneCompletions,
  symbols: zoneSymbols,
  folding: zoneFolding,
};
