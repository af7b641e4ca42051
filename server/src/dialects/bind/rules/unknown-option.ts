// bind/unknown-option: a statement or option BIND (the targeted version) does not know anywhere, or one it has removed.
import { defineRule } from '../../../core/rule';
import { editDistance } from '../../../core/suggest';
import type { Fix } from '../../../core/types';
import { clauseDef, contextsOf, GRAMMAR_VERSIONS, isMapContext, suggestClauses, type GrammarVersion } from '../catalogue';
import type { BindModel, Clause } from '../model';
import { grammarOf, contextIsCertain } from '../semantics';

/** Is this clause inside a block that is itself unknown or misplaced (reported once, at the outer clause)? */
export function insideUnknown(c: Clause, v: GrammarVersion): boolean {
  for (let p = c.parent; p; p = p.parent) {
    if (!isMapContext(p.context) || !p.nameNode) continue;
    if (!p.def?.versions[v]) return true;
  }
  return false;
}

/** "it is in 9.20 and later" / "BIND's development branch has it" for a clause the target lacks. */
export function laterVersionNote(context: string, name: string, v: GrammarVersion): string {
  const def = clauseDef(context, name);
  const later = GRAMMAR_VERSIONS.slice(GRAMMAR_VERSIONS.indexOf(v) + 1).filter((x) => def?.versions[x] && def.versions[x]!.status !== 'ancient');
  if (!later.length) return '';
  const first = later[0];
  return first === 'main'
    ? ` It exists only in BIND's development branch (9.21), not in ${v}.`
    : ` It was added in BIND ${first}; your target is ${v} (setting v6ready.targets.bind).`;
}

export default defineRule<BindModel>({
  id: 'bind/unknown-option',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A statement or option that the targeted BIND version does not know, or has removed.',
    why:
      "named-checkconf refuses the whole file with \"unknown option 'x'\" (the same words for statements and options), or with " +
      "\"option 'x' no longer exists\" for options BIND has removed, so named does not start. Options from a later release " +
      '(for example `remote-servers`, 9.20) are unknown to 9.18.',
    bad: 'options {\n    listen-on-ipv6 { ::1; };\n};',
    good: 'options {\n    listen-on-v6 { ::1; };\n};',
    fix:
      'When exactly one known option of the block is one slip of the keyboard away (a letter missing, extra or wrong, or two ' +
      'letters swapped), a safe fix renames it. Other close names (further off, or several) are offered as quick fixes, not ' +
      'safe: a guess that fix-all should not make. Removed options and options of a later release have no automatic fix.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html', 'research/real-daemons.md §1d'],
  },
  check(ctx) {
    const v = grammarOf(ctx.target);
    const walk = (clauses: readonly Clause[]) => {
      for (let i = 0; i < clauses.length; i++) {
        const c = clauses[i];
        if (!c.nameNode || !isMapContext(c.context) || !contextIsCertain(c)) {
          walk(c.children);
          continue;
        }
        const cv = c.def?.versions[v];
        if (cv?.status === 'ancient') {
          ctx.report({ span: c.nameNode, message: `option '${c.name}' no longer exists in BIND ${v}: named refuses the file. Remove it.` });
          continue;
        }
        if (cv) {
          walk(c.children);
          continue;
        }
        // Template placeholders (`@TKEY_CONFIGURATION@`) stand for statements we cannot see.
        if (/^@[a-z0-9_]+@$/.test(c.name)) continue;
        // Known elsewhere: bind/wrong-context says where it belongs. Children of an unknown block are not looked at.
        if (c.name !== '' && contextsOf(c.name, v).length > 0) continue;
        const later = laterVersionNote(c.context, c.name, v);
        const near = later ? [] : suggestClauses(c.context, c.name, v);
        const name = c.nameNode;
        // A rename is a guess: fix-all makes it only for one slip of the keyboard (a letter missing, extra, wrong, or two
        // swapped) towards the only close name. `dump` -> `dscp`, `query` -> `querylog` are offered, not applied.
        const oneSlip = near.length === 1 && editDistance(c.name, near[0], 1) <= 1;
        const fixes: Fix[] = near.map((n) => ({ title: `Change to '${n}'`, safe: oneSlip, edits: [{ start: name.start, end: name.end, newText: n }] }));
        const mean = near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
        const where = c.context === 'top' ? 'as a statement' : `in ${c.context === 'options' ? 'options' : `a ${c.context} block`}`;
        ctx.report({ span: name, message: `unknown option '${c.name}': BIND ${v} does not know it ${where}, and named refuses the file.${later}${mean}`, fixes });
      }
    };
    walk(ctx.model.clauses);
  },
});
