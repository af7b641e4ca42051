// Writes docs/rules.md from the rules' own docs (`npm run docs`); a unit test keeps it current.
import { writeFileSync } from 'node:fs';
import { allRules, GENERAL_TOPIC_NOTE } from '../server/src/core/registry';

export function ruleDocsMarkdown(): string {
  const out = ['# v6ready rules', '', 'Generated from the rules\' own docs by `npm run docs`; `v6ready explain <rule>` prints the same.', ''];
  out.push('| rule | default severity | summary |', '|---|---|---|');
  for (const r of allRules()) out.push(`| [\`${r.id}\`](#${r.id.replace(/[^a-z0-9-]/g, '')}) | ${r.severity} | ${r.docs.summary.replace(/\|/g, '\\|')} |`);
  for (const r of allRules()) {
    const d = r.docs;
    out.push('', `## ${r.id}`, '', d.summary, '', '**Why it matters.** ' + d.why);
    if (r.topic === 'general') out.push('', '**Readiness.** ' + GENERAL_TOPIC_NOTE);
    if (d.bad) out.push('', '**Example**', '', '```', d.bad, '```');
    if (d.good) out.push('', '**Instead**', '', '```', d.good, '```');
    out.push('', '**Fix.** ' + d.fix);
    if (d.references.length) out.push('', '**References:** ' + d.references.join(', '));
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) writeFileSync('docs/rules.md', ruleDocsMarkdown());
