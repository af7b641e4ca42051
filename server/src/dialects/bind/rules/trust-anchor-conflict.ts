// bind/trust-anchor-conflict: one domain with both a static and an initializing trust anchor.
import { defineRule } from '../../../core/rule';
import type { BindModel, Clause } from '../model';
import { valueText } from '../semantics';

const ANCHORS = new Set(['trust-anchors', 'managed-keys', 'trusted-keys']);

/** 'static' or 'initial' for one anchor entry. */
function kindOf(list: Clause, entry: Clause): 'static' | 'initial' | undefined {
  if (list.name === 'trusted-keys') return 'static';
  const k = valueText(entry.args[0], true) ?? '';
  if (k.startsWith('static-')) return 'static';
  if (k.startsWith('initial-')) return 'initial';
  return undefined;
}

export default defineRule<BindModel>({
  id: 'bind/trust-anchor-conflict',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A domain given both a static trust anchor (static-key, static-ds, trusted-keys) and an initializing one (initial-key, initial-ds, managed-keys).',
    why: 'named-checkconf refuses the file ("static and initializing keys cannot be used for the same domain"): the two ask for opposite key management (RFC 5011 rollover or none).',
    bad: 'trust-anchors {\n    example. initial-ds 60724 5 1 "D74C...";\n    example. static-ds 60724 5 2 "29E7...";\n};',
    good: 'trust-anchors {\n    example. initial-ds 60724 5 1 "D74C...";\n};',
    fix: 'No automatic fix: keep one kind of anchor per domain (initial-key or initial-ds for RFC 5011 rollover).',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-trust-anchors'],
  },
  check(ctx) {
    const scopes: Clause[][] = [ctx.model.clauses, ...ctx.model.clauses.filter((c) => c.name === 'view').map((v) => v.children.filter((x) => x.parent === v))];
    for (const scope of scopes) {
      const entries: Array<{ domain: string; kind: 'static' | 'initial'; c: Clause }> = [];
      for (const list of scope) {
        if (!ANCHORS.has(list.name)) continue;
        for (const e of list.children) {
          const kind = kindOf(list, e);
          if (kind) entries.push({ domain: e.name.replace(/\.$/, '') || '.', kind, c: e });
        }
      }
      const reported = new Set<string>();
      for (const e of entries) {
        if (e.kind !== 'initial' || reported.has(e.domain)) continue;
        const s = entries.find((x) => x.kind === 'static' && x.domain === e.domain);
        if (!s) continue;
        reported.add(e.domain);
        ctx.report({
          span: e.c.nameNode ?? e.c.span,
          message: `static and initializing keys cannot be used for the same domain ('${e.c.name}', static key at line ${ctx.lines.lineOf(s.c.span.start) + 1}): named refuses the file.`,
          related: [{ span: s.c.span, message: 'static key' }],
        });
      }
    }
  },
});
