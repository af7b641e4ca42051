// Part of `npm run bench`, bundled and minified by run.mjs: a process that reads one file and parses it with
// v6ready's own scanner and parser for BIND or Apache, and does nothing else (no model, no rules, no output but a
// count). Timed as a whole process, it is what any `v6ready check` built on these parsers cannot go below.
// Usage: node parse-only.cjs bind|apache <file>
import { readFileSync } from 'node:fs';
import { parseApacheText } from '../../grammars/apache/parser';
import { parseBindText } from '../../grammars/bind/parser';

const PARSERS: Record<string, (text: string) => number> = {
  bind: (text) => parseBindText(text).cst.statements.length,
  apache: (text) => parseApacheText(text).cst.nodes.length,
};

const [dialect, file] = process.argv.slice(2);
const parse = PARSERS[dialect];
if (!parse || !file) {
  process.stderr.write('usage: node parse-only.cjs bind|apache <file>\n');
  process.exit(2);
}
process.stdout.write(`${parse(readFileSync(file, 'utf8'))}\n`);
