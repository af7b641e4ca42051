// `v6ready explain <rule>`: a rule's docs as text, with only the sections that have something to say.
import { GENERAL_TOPIC_NOTE, type RuleEntry } from '../core/registry';
import { docSections } from './format';

export function explainText(r: Pick<RuleEntry, 'id' | 'dialect' | 'severity' | 'docs' | 'topic'>): string {
  const d = r.docs;
  const out = [`${r.id} (${r.dialect?.title ?? 'v6ready'}, default severity: ${r.severity})`, '', d.summary, ''];
  // A heading over nothing reads as if the text went missing: a section is printed only when it has text.
  const section = (title: string, body: string) => {
    if (body.trim() !== '') out.push(`## ${title}`, body, '');
  };
  section('Why it matters', d.why);
  if (r.topic === 'general') section('Readiness', GENERAL_TOPIC_NOTE);
  for (const [heading, text] of docSections(d)) section(heading, text);
  section('Fix', d.fix);
  section('References', d.references.map((x) => `- ${x}`).join('\n'));
  return out.join('\n');
}
