// bind/source-listener-port: a `*-source` option whose port is named's own listener port (check.c refuses it).
import { defineRule } from '../../../core/rule';
import type { BindModel, Clause } from '../model';
import { clausesNamed } from '../model';
import { childNamed, globalOption, numberOf, valueText, zones } from '../semantics';

/** Checked where set in options or a view (check.c, check_options). */
const QUERY_SOURCES = new Set(['query-source', 'query-source-v6']);
/** Checked per zone, from the zone or the global options (check.c, check_zoneconf; views are not consulted). */
const ZONE_SOURCES = ['transfer-source', 'transfer-source-v6', 'notify-source', 'notify-source-v6', 'parental-source', 'parental-source-v6'];

function portOf(c: Clause) {
  const i = c.args.findIndex((a) => valueText(a, true) === 'port');
  return i >= 0 ? c.args[i + 1] : undefined;
}

export default defineRule<BindModel>({
  id: 'bind/source-listener-port',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: "A `*-source` option whose `port` is named's own DNS listener port (query-source in options or a view; transfer-, notify-, parental-source as a zone uses them).",
    why:
      "named-checkconf refuses the file (\"'notify-source' cannot specify the DNS listener port (53)\"): named would send from the " +
      'port it listens on. Any fixed source port is deprecated anyway; let the system choose.',
    bad: 'options {\n    notify-source-v6 2001:db8::53 port 53;\n};',
    good: 'options {\n    notify-source-v6 2001:db8::53;\n};',
    fix: 'No automatic fix: remove the `port`, which is what BIND recommends.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-notify-source', 'research/real-daemons.md §1c'],
  },
  check(ctx) {
    const m = ctx.model;
    const listener = numberOf(globalOption(m, 'port')?.args[0]) ?? 53;
    const bad = new Set<Clause>();
    const sources = clausesNamed(m.clauses, (n) => QUERY_SOURCES.has(n));
    for (let i = 0; i < sources.length; i++) {
      const c = sources[i];
      if ((c.context === 'options' || c.context === 'view') && numberOf(portOf(c)) === listener) bad.add(c);
    }
    // The global options, looked up once rather than for each of 20,000 zones that has none of its own.
    const globals = ZONE_SOURCES.map((name) => globalOption(m, name));
    const zoneList = zones(m);
    for (let i = 0; i < zoneList.length; i++) {
      const z = zoneList[i];
      for (let k = 0; k < ZONE_SOURCES.length; k++) {
        const c = childNamed(z, ZONE_SOURCES[k]) ?? globals[k];
        if (c && numberOf(portOf(c)) === listener) bad.add(c);
      }
    }
    for (const c of bad) {
      ctx.report({ span: portOf(c)!, message: `'${c.name}' cannot specify the DNS listener port (${listener}): named refuses the file. Remove the port.` });
    }
  },
});
