// defineRule: the one way a rule module declares itself (id, default severity, docs, check).
import type { Finding, Rule } from './types';

export function defineRule<Model>(rule: Rule<Model>): Rule<Model> {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`bad rule id '${rule.id}'`);
  return rule;
}

/** A problem a grammar or model found, before it is a finding: offsets, message, optionally where it began. */
export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** The offset of a related place (the bracket or quote opened there). */
  related?: number;
  relatedMessage?: string;
}

/** A dialect's syntax problems as `<dialect>/syntax` error findings; `relatedMessage` labels related places without their own. */
export function syntaxFindings(dialect: string, problems: readonly SyntaxProblem[], relatedMessage = 'opened here'): Finding[] {
  return problems.map((p) => ({
    rule: `${dialect}/syntax`,
    severity: 'error' as const,
    message: p.message,
    span: { start: p.start, end: Math.max(p.start, p.end) },
    fixes: [],
    related: p.related !== undefined ? [{ span: { start: p.related, end: p.related + 1 }, message: p.relatedMessage ?? relatedMessage }] : undefined,
  }));
}
