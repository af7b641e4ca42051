// The dialects v6ready knows, and lookups by language id, file path and rule id.
import { apacheDialect } from '../dialects/apache';
import { bindDialect } from '../dialects/bind';
import { rcconfDialect } from '../dialects/rcconf';
import { sendmailDialect } from '../dialects/sendmail';
import { sshdDialect } from '../dialects/sshd';
import { zoneDialect } from '../dialects/zone';
import { WORKSPACE_FAMILY, WORKSPACE_RULES } from '../workspace/rules';
import { CORE_RULES } from './coreRules';
import { matchesGlob } from './globs';
import type { Dialect, Rule, RuleDocs } from './types';

export const DIALECTS: readonly Dialect[] = [bindDialect, apacheDialect, zoneDialect, sshdDialect, sendmailDialect, rcconfDialect];

export function dialectForLanguage(languageId: string): Dialect | undefined {
  return DIALECTS.find((d) => d.languageId === languageId);
}

/** The dialect whose file patterns match the path (for walking directories and for the CLI). */
export function dialectForPath(path: string): Dialect | undefined {
  return DIALECTS.find((d) => d.filePatterns.some((g) => matchesGlob(path, g)));
}

/** Said of a rule of topic 'general' (Rule.topic) in its docs (`explain`, docs/rules.md). */
export const GENERAL_TOPIC_NOTE = 'This rule is about correctness in general, not about IPv6: its warnings do not make the readiness report call a service not ready (its errors do).';

export interface RuleEntry {
  id: string;
  /** Undefined for v6ready's own findings (core/coreRules.ts); the cross-file `workspace` family has a name and a title only. */
  dialect?: Pick<Dialect, 'name' | 'title'>;
  severity: Rule['severity'];
  docs: RuleDocs;
  topic?: Rule['topic'];
}

/** Every rule, syntax rules and v6ready's own included, in id order. */
export function allRules(): RuleEntry[] {
  const out: RuleEntry[] = CORE_RULES.map((r) => ({ ...r }));
  for (const d of DIALECTS) {
    out.push({ id: `${d.name}/syntax`, dialect: d, severity: 'error', docs: d.syntaxDocs });
    for (const r of d.rules) out.push({ id: r.id, dialect: d, severity: r.severity, docs: r.docs, topic: r.topic });
  }
  for (const r of WORKSPACE_RULES) out.push({ id: r.id, dialect: WORKSPACE_FAMILY, severity: r.severity, docs: r.docs });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export function findRule(id: string): RuleEntry | undefined {
  return allRules().find((r) => r.id === id);
}
