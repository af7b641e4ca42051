// defineRule: the one way a rule module declares itself (id, default severity, docs, check).
import type { Rule } from './types';

export function defineRule<Model>(rule: Rule<Model>): Rule<Model> {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`bad rule id '${rule.id}'`);
  return rule;
}
