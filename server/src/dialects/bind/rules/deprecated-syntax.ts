// bind/deprecated-syntax: `masters`, `type master`/`type slave`, and `port` in the `*-source` options: old forms with a current one.
import { defineRule } from '../../../core/rule';
import type { WordNode } from '../../../../../grammars/bind/cst';
import type { BindModel, Clause } from '../model';
import { walkClauses } from '../model';

const SOURCE_OPTIONS = new Set([
  'transfer-source', 'transfer-source-v6', 'alt-transfer-source', 'alt-transfer-source-v6', 'notify-source', 'notify-source-v6',
  'parental-source', 'parental-source-v6', 'query-source', 'query-source-v6',
]);

const NEW_TYPE: Record<string, string> = { master: 'primary', slave: 'secondary' };

/** `port N` inside a source option's values (query-source address X port N, transfer-source X port N). */
function portPair(c: Clause): { port: WordNode; value: WordNode; prevEnd: number } | undefined {
  for (let i = 1; i < c.args.length - 1; i++) {
    const a = c.args[i];
    const b = c.args[i + 1];
    if (a.kind === 'word' && a.image.toLowerCase() === 'port' && b.kind === 'word') return { port: a, value: b, prevEnd: c.args[i - 1].end };
  }
  // `query-source port 53;` with no address before it.
  const [a, b] = c.args;
  if (c.name.startsWith('query-source') && a?.kind === 'word' && a.image.toLowerCase() === 'port' && b?.kind === 'word') return { port: a, value: b, prevEnd: -1 };
  return undefined;
}

export default defineRule<BindModel>({
  id: 'bind/deprecated-syntax',
  scope: 'statement',
  severity: 'info',
  docs: {
    summary: 'Old spellings with a current form: `masters` (now `primaries`; the top-level list statement is `remote-servers` from BIND 9.20 on), `default-masters`, `type master`/`type slave` (now `primary`/`secondary`), and a fixed `port` in `transfer-source`, `notify-source`, `query-source` and their `-v6` twins.',
    why:
      'BIND 9.18 and 9.20 still accept `masters` and `type master/slave` silently as synonyms, but the manual only documents the ' +
      'new words and the old ones are on their way out. A fixed source port is worse: named-checkconf 9.18 and 9.20 warn ' +
      "\"token 'port' is deprecated\" (research/real-daemons.md §1c), the development branch no longer accepts it, and a fixed " +
      'source port makes spoofed answers easier to land. What counts as deprecated follows the target BIND version setting: ' +
      'with 9.20 the top-level `primaries`/`masters` lists are undocumented aliases of `remote-servers` (which 9.18 does not ' +
      'know), so the fix writes `primaries` for 9.18 and `remote-servers` for 9.20.',
    bad: 'zone "example.test" {\n    type slave;\n    masters { 2001:db8::53; };\n    transfer-source-v6 2001:db8::2 port 5300;\n    file "db.example.test";\n};',
    good: 'zone "example.test" {\n    type secondary;\n    primaries { 2001:db8::53; };\n    transfer-source-v6 2001:db8::2;\n    file "db.example.test";\n};',
    fix:
      'Safe: `masters` -> `primaries` (top-level with target 9.20: `masters`/`primaries` -> `remote-servers`), `default-masters` -> `default-primaries`, `type master` -> `type primary`, `type slave` -> `type secondary` ' +
      '(exact synonyms, named does the same). Removing `port *` is safe (a random port is the default); removing a fixed `port N` is ' +
      'offered but not safe: named will then use random source ports, which a firewall that expects the fixed one may block.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-primaries', 'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-type', 'https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-transfer-source', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    const target = ctx.target ?? '9.18';
    const typeWords = new Map<string, { message: string; title: string }>();
    const everyClause = walkClauses(ctx.model.clauses);
    for (let i = 0; i < everyClause.length; i++) {
      const c = everyClause[i];
      if (!c.nameNode || c.nameNode.kind !== 'word') continue;
      const name = c.nameNode;
      // A named server list: `masters` (and, from 9.20 on, `primaries`) is now `remote-servers`.
      const listNow = target === '9.18' ? 'primaries' : 'remote-servers';
      if (c.context === 'top' && (c.name === 'masters' || (c.name === 'primaries' && listNow !== 'primaries'))) {
        ctx.report({
          span: name,
          message: `'${c.name}' is the old name of the '${listNow}' statement (BIND ${target} accepts it; only '${listNow}' is documented).`,
          fixes: [{ title: `Use '${listNow}'`, safe: true, edits: [{ start: name.start, end: name.end, newText: listNow }] }],
        });
        continue;
      }
      // `masters` in a zone.
      if (c.name === 'masters' && c.context === 'zone') {
        const clash = (c.parent?.children ?? []).some((s) => s !== c && s.name === 'primaries');
        ctx.report({
          span: name,
          message: `'masters' is the old name of 'primaries' (BIND ${target} accepts both; only 'primaries' is documented).` + (clash ? " 'primaries' is also set here: keep one." : ''),
          fixes: clash ? [] : [{ title: "Use 'primaries'", safe: true, edits: [{ start: name.start, end: name.end, newText: 'primaries' }] }],
        });
        continue;
      }
      // catalog-zones { zone "…" default-masters { … }; }
      if (c.context === 'catalog-zones') {
        // Both set: named refuses the zone (bind/duplicate says so), and renaming would make the clash a parse error.
        const clash = c.args.some((a) => a.kind === 'word' && a.image.toLowerCase() === 'default-primaries');
        for (const a of c.args) {
          if (a.kind !== 'word' || a.image.toLowerCase() !== 'default-masters') continue;
          ctx.report({
            span: a,
            message: `'default-masters' is the old name of 'default-primaries' (BIND ${target} accepts both).` + (clash ? " 'default-primaries' is also set here: keep one." : ''),
            fixes: clash ? [] : [{ title: "Use 'default-primaries'", safe: true, edits: [{ start: a.start, end: a.end, newText: 'default-primaries' }] }],
          });
        }
      }
      if (c.name === 'type' && c.context === 'zone') {
        const v = c.args[0];
        if (!v || v.kind !== 'word' || !(v.image.toLowerCase() in NEW_TYPE)) continue;
        const now = NEW_TYPE[v.image.toLowerCase()];
        // Thousands of zones say `type master`: one message and one title string per spelling, not one each.
        let words = typeWords.get(v.image);
        if (!words) {
          words = { message: `'type ${v.image}' is the old spelling of 'type ${now}' (BIND ${target} reads them alike).`, title: `Use 'type ${now}'` };
          typeWords.set(v.image, words);
        }
        ctx.report({
          span: v,
          message: words.message,
          fixes: [{ title: words.title, safe: true, edits: [{ start: v.start, end: v.end, newText: now }] }],
        });
        continue;
      }
      if (SOURCE_OPTIONS.has(c.name)) {
        const p = portPair(c);
        if (!p) continue;
        const wild = p.value.image === '*';
        const removal = p.prevEnd >= 0 ? { start: p.prevEnd, end: p.value.end } : undefined;
        const fate = target === '9.18' || target === '9.20' ? `named-checkconf ${target} warns "token 'port' is deprecated", and later versions refuse it` : `BIND ${target} refuses it`;
        ctx.report({
          span: { start: p.port.start, end: p.value.end },
          message:
            `A fixed source port in ${c.name} is deprecated: ${fate}. ` +
            (wild ? "'port *' is the default: remove it." : `Remove 'port ${p.value.image}' (named then picks random source ports; open the firewall for them).`),
          fixes: removal ? [{ title: `Remove 'port ${p.value.image}'`, safe: wild, edits: [{ ...removal, newText: '' }] }] : [],
        });
      }
    }
  },
});
