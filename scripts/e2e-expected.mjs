// Helps add an E2E row (test/e2e/scenarios.ts): prints a rule's first finding in an example, the fixes offered, and
// writes test/e2e/expected/<language>/<example path under examples/> as the example after the chosen quick fix.
// Read the diff it prints before committing the file: the E2E run then checks that VS Code produces exactly it.
// Usage: npm run build && node scripts/e2e-expected.mjs <example> <rule> [<fix title substring>]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [example, rule, titlePart = ''] = process.argv.slice(2);
if (!example || !rule) {
  console.error('usage: node scripts/e2e-expected.mjs <example> <rule> [<fix title substring>]');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', example], { encoding: 'utf8' });
if (r.status !== 0 && r.status !== 1) {
  console.error(r.stderr || r.stdout);
  process.exit(2);
}
const file = JSON.parse(r.stdout).files[0];
const finding = file?.findings.find((f) => f.rule === rule);
if (!finding) {
  console.error(`no ${rule} finding in ${example}; found: ${[...new Set(file?.findings.map((f) => f.rule) ?? [])].join(', ')}`);
  process.exit(1);
}
const { line, character } = finding.range.start;
console.log(`${example}:${line + 1}:${character + 1}: ${finding.severity} ${rule}: ${finding.message}`);
for (const f of finding.fixes ?? []) console.log(`  fix (${f.safe ? 'safe' : 'unsafe'}): ${f.title}`);
const fix = (finding.fixes ?? []).find((f) => f.title.includes(titlePart));
if (!fix) {
  console.error('no fix with that title');
  process.exit(1);
}

// LSP-style ranges (0-based line, UTF-16 character) -> offsets; edits applied from the last one back.
const text = readFileSync(example, 'utf8');
const starts = [0];
for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
const offset = (p) => starts[p.line] + p.character;
let out = text;
for (const e of [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
  out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
}
const target = join('test/e2e/expected', file.language, relative('examples', example));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, out);
console.log(`\nwrote ${target} (after "${fix.title}"):`);
spawnSync('diff', ['-u', example, target], { stdio: 'inherit' });
console.log(`\nrow: { language: '${file.language}', example: '${example}', rule: '${rule}', hover: { text: '<directive>', expect: '<docs substring>' }, quickFix: { title: '${fix.title}', expected: '${target}' } }`);
