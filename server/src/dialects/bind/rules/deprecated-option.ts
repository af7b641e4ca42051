// bind/deprecated-option: an option the targeted BIND version still accepts but warns about (deprecated: it
// will go away; obsolete: it does nothing any more).
import { defineRule } from '../../../core/rule';
import { GRAMMAR_VERSIONS, isMapContext } from '../catalogue';
import type { BindModel } from '../model';
import { walkClauses } from '../model';
import { contextIsCertain, grammarOf } from '../semantics';

export default defineRule<BindModel>({
  id: 'bind/deprecated-option',
  scope: 'statement',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'An option that the targeted BIND version marks deprecated (to be removed) or obsolete (ignored).',
    why:
      "named-checkconf warns \"option 'x' is deprecated\" or \"option 'x' is obsolete and should be removed\" and accepts the file; " +
      'the next major release refuses it ("no longer exists"), so an upgrade stops named from starting.',
    bad: 'trusted-keys {\n    . 257 3 8 "AwEAAa...";\n};',
    good: 'trust-anchors {\n    . initial-key 257 3 8 "AwEAAa...";\n};',
    fix: 'No automatic fix: the BIND manual names the replacement, if there is one.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html', 'https://bind9.readthedocs.io/en/v9.20/changelog.html'],
  },
  check(ctx) {
    const v = grammarOf(ctx.target);
    const everyClause = walkClauses(ctx.model.clauses);
    for (let i = 0; i < everyClause.length; i++) {
      const c = everyClause[i];
      if (!c.nameNode || !isMapContext(c.context) || !contextIsCertain(c)) continue;
      const def = c.def;
      const status = def?.versions[v]?.status;
      if (status !== 'deprecated' && status !== 'obsolete') continue;
      const gone = GRAMMAR_VERSIONS.slice(GRAMMAR_VERSIONS.indexOf(v) + 1).find((x) => !def?.versions[x] || def.versions[x]!.status === 'ancient');
      const when = gone ? ` ${gone === 'main' ? "BIND's development branch" : `BIND ${gone}`} refuses it.` : '';
      ctx.report({
        span: c.nameNode,
        message: status === 'deprecated' ? `option '${c.name}' is deprecated in BIND ${v}.${when}` : `option '${c.name}' is obsolete and should be removed: BIND ${v} ignores it.${when}`,
      });
    }
  },
});
