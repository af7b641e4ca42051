// bind/wrong-family-source: an IPv6 address in transfer-/notify-/query-/parental-source, or IPv4 in their -v6 twins.
import { defineRule } from '../../../core/rule';
import { parseAddress, type Family } from '../../../addresses';
import type { BindModel, Clause } from '../model';
import { clausesNamed } from '../model';

const SOURCES = ['transfer-source', 'alt-transfer-source', 'notify-source', 'query-source', 'parental-source'];

function familyOfOption(name: string): Family | undefined {
  if (SOURCES.includes(name)) return 4;
  if (name.endsWith('-v6') && SOURCES.includes(name.slice(0, -3))) return 6;
  return undefined;
}

/** The address argument: the first value, or the one after `address` (query-source address X port Y). */
function addressArg(c: Clause) {
  const a = c.args;
  const i = a.findIndex((v) => v.kind === 'word' && v.image.toLowerCase() === 'address');
  const v = i >= 0 ? a[i + 1] : a[0];
  return v && v.kind === 'word' ? v : undefined;
}

export default defineRule<BindModel>({
  id: 'bind/wrong-family-source',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'A `*-source` option given an address of the other family (IPv6 in `transfer-source`, IPv4 in `transfer-source-v6`).',
    why:
      'Each source option has a twin per family: `transfer-source`/`notify-source`/`query-source` take IPv4, their `-v6` ' +
      "twins take IPv6. named-checkconf refuses the file with \"expected IPv4 address or '*'\", so named will not start.",
    bad: 'options {\n    transfer-source 2001:db8::53;\n};',
    good: 'options {\n    transfer-source-v6 2001:db8::53;\n};',
    fix: 'Safe: renames the option to its twin of the address\'s family, when that twin is not already set in the same block.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-transfer-source', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    const sourceClauses = clausesNamed(ctx.model.clauses, (n) => familyOfOption(n) !== undefined);
    for (let i = 0; i < sourceClauses.length; i++) {
      const c = sourceClauses[i];
      const want = familyOfOption(c.name);
      if (!want || !c.nameNode) continue;
      const addr = addressArg(c);
      const parsed = addr && parseAddress(addr.image);
      if (!addr || !parsed?.ok || parsed.value.family === want) continue;
      const twin = want === 4 ? `${c.name}-v6` : c.name.slice(0, -3);
      const siblings = c.parent ? c.parent.children : ctx.model.clauses;
      const twinTaken = siblings.some((s) => s !== c && s.name === twin);
      const fam = parsed.value.family === 6 ? 'IPv6' : 'IPv4';
      ctx.report({
        span: addr,
        message:
          `${c.name} takes an IPv${want} address, and '${addr.image}' is ${fam}: named-checkconf rejects the file. ` +
          (twinTaken ? `${twin} is already set here; remove one of them.` : `Use ${twin}.`),
        fixes: twinTaken ? [] : [{ title: `Use ${twin}`, safe: true, edits: [{ start: c.nameNode.start, end: c.nameNode.end, newText: twin }] }],
      });
    }
  },
});
