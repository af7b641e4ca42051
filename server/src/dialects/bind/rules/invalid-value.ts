// bind/invalid-value: an option whose values do not fit its grammar (a boolean, a duration, a size, an address,
// a port...) or fall outside the range named accepts.
import { defineRule } from '../../../core/rule';
import { parseAddress } from '../../../addresses';
import type { ValueNode } from '../../../../../grammars/bind/cst';
import { isListContext, isMapContext, matchClause, matchElement } from '../catalogue';
import type { BindModel, Clause } from '../model';
import { walkClauses } from '../model';
import { grammarOf, valueText, contextIsCertain } from '../semantics';

/** named-checkconf's words for what it expected (lib/isccfg/parser.c), from the catalogue's notation. */
function namedWords(expected: readonly string[]): string {
  const e = expected.join(' | ');
  if (/duration/.test(e)) return 'expected ISO 8601 duration or TTL value';
  if (/boolean/.test(e)) return 'boolean expected';
  if (/size/.test(e)) return 'expected integer and optional unit';
  if (/percentage/.test(e)) return 'expected percentage';
  if (/ipv4_address/.test(e) && !/ipv6/.test(e)) return "expected IPv4 address or '*'";
  if (/ipv6_address/.test(e) && !/ipv4/.test(e)) return "expected IPv6 address or '*'";
  if (/integer|uint32|port/.test(e)) return 'expected integer';
  return `expected ${expected.slice(0, 4).join(' or ')}`;
}

/** named's words for a word it expected where a `{` stands. */
function blockWords(expected: readonly string[]): string {
  if (expected.every((e) => e === '<string>')) return 'expected string';
  if (expected.every((e) => e === '<quoted_string>')) return 'expected quoted string';
  return namedWords(expected);
}

/**
 * An address match list element's `!` (parse_addrmatchelt, lib/isccfg/parser.c) must be followed by an element;
 * the parser takes `! ! x`, but named then refuses the list (aclconf.c: "address match list contains unsupported
 * element type"). Checked once per statement, at its first clause.
 */
function negationProblem(c: Clause): { span: ValueNode; message: string } | undefined {
  const values = c.statement.values;
  if (values[0]?.kind !== 'bang' || c.span.start !== c.statement.start) return undefined;
  const next = values[1];
  if (!next) return { span: values[0], message: "expected IP match list element near ';' (a '!' negates the element after it): named refuses the file." };
  if (next.kind === 'bang') return { span: next, message: "address match list contains unsupported element type ('! !': negate an element once): named refuses the file." };
  return undefined;
}

function near(v: ValueNode | undefined): string {
  if (!v) return ';';
  if (v.kind === 'block') return '{';
  if (v.kind === 'bang') return '!';
  return valueText(v) ?? '';
}

/** Values that bind/invalid-address or bind/wrong-family-source already report. */
function reportedElsewhere(c: Clause, v: ValueNode | undefined): boolean {
  if (!v || v.kind !== 'word') return false;
  const r = parseAddress(v.image);
  if (r && !r.ok) return true;
  if (r?.ok && /-source(-v6)?$/.test(c.name)) return true;
  return false;
}

/** Seconds in a TTL-style (1w2d) or ISO 8601 (P1DT2H) duration, as BIND reads it; undefined if not one. */
export function durationSeconds(t: string): number | undefined {
  if (/^[0-9]+$/.test(t)) return Number(t);
  const u: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  if (/^(?:[0-9]+[wdhms])+$/i.test(t)) {
    let n = 0;
    for (const m of t.toLowerCase().matchAll(/([0-9]+)([wdhms])/g)) n += Number(m[1]) * u[m[2]];
    return n;
  }
  const iso = /^p(?:([0-9]+)y)?(?:([0-9]+)m)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:t(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?)?$/i.exec(t);
  if (!iso) return undefined;
  const k = [31536000, 2592000, 604800, 86400, 3600, 60, 1];
  return iso.slice(1).reduce((acc, x, i) => acc + (x ? Number(x) * k[i] : 0), 0);
}

/** Ranges check.c enforces on single-value options (in seconds for durations). */
const RANGES: Record<string, { ctx: string[]; min?: number; max: number; say: (n: number, raw: string) => string }> = {
  port: { ctx: ['options'], max: 65535, say: (n) => `port '${n}' out of range (0..65535)` },
  'tls-port': { ctx: ['options'], max: 65535, say: (n) => `port '${n}' out of range (0..65535)` },
  'http-port': { ctx: ['options'], max: 65535, say: (n) => `port '${n}' out of range (0..65535)` },
  'https-port': { ctx: ['options'], max: 65535, say: (n) => `port '${n}' out of range (0..65535)` },
  'max-ncache-ttl': { ctx: ['options', 'view'], max: 604800, say: (n) => `max-ncache-ttl '${n}' is out of range (0..604800)` },
  'min-cache-ttl': { ctx: ['options', 'view'], max: 90, say: (n) => `min-cache-ttl '${n}' is out of range (0..90)` },
  'min-ncache-ttl': { ctx: ['options', 'view'], max: 90, say: (n) => `min-ncache-ttl '${n}' is out of range (0..90)` },
  'nta-lifetime': { ctx: ['options', 'view'], min: 1, max: 604800, say: (n) => (n === 0 ? `'nta-lifetime' may not be zero` : `'nta-lifetime' cannot exceed one week`) },
  'nta-recheck': { ctx: ['options', 'view'], max: 604800, say: () => `'nta-recheck' cannot exceed one week` },
  'lmdb-mapsize': { ctx: ['options', 'view'], min: 1 << 20, max: 2 ** 40, say: (n, raw) => `'lmdb-mapsize ${n}' is ${n < 1 << 20 ? 'too small' : 'too large'} (${raw}; 1M..1T)` },
  // rate-limit { } (check_ratelimit)
  'responses-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `responses-per-second ${n} > 1000` },
  'referrals-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `referrals-per-second ${n} > 1000` },
  'nodata-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `nodata-per-second ${n} > 1000` },
  'nxdomains-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `nxdomains-per-second ${n} > 1000` },
  'errors-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `errors-per-second ${n} > 1000` },
  'all-per-second': { ctx: ['rate-limit'], max: 1000, say: (n) => `all-per-second ${n} > 1000` },
  'slip': { ctx: ['rate-limit'], max: 10, say: (n) => `slip ${n} > 10` },
  'window': { ctx: ['rate-limit'], min: 1, max: 3600, say: (n) => `window ${n} < 1 or > 3600` },
  'qps-scale': { ctx: ['rate-limit'], min: 1, max: 4294967295, say: (n) => `invalid 'qps-scale ${n}'` },
  'ipv4-prefix-length': { ctx: ['rate-limit'], min: 8, max: 32, say: (n) => `invalid 'ipv4-prefix-length ${n}'` },
  'ipv6-prefix-length': { ctx: ['rate-limit'], min: 16, max: 64, say: (n) => `ipv6-prefix-length ${n} < 16 or > 64` },
};

/** check.c's own checks on values the grammar lets through (transfer transports, DoH endpoints, reserved names). */
function specialProblem(c: Clause): { span: ValueNode; message: string } | undefined {
  // named-checkconf 9.18 aborts on `include "";` (an assertion in glob.c) instead of reporting it.
  if (c.name === 'include' && c.args[0]?.kind === 'string' && c.args[0].value === '') {
    return { span: c.args[0], message: 'include of an empty file name: named-checkconf 9.18 aborts on it (an assertion failure in glob.c) and named cannot load the file. Name the file to include, or remove the statement.' };
  }
  if (c.name === 'allow-transfer' && (c.context === 'zone' || c.context === 'options' || c.context === 'view')) {
    // An indexed loop, not findIndex with a closure: every zone's allow-transfer comes here.
    let i = -1;
    for (let k = 0; k < c.args.length; k++) {
      if (valueText(c.args[k], true) === 'transport') {
        i = k;
        break;
      }
    }
    const t = i >= 0 ? c.args[i + 1] : undefined;
    const tv = valueText(t, true);
    if (t && tv !== undefined && tv !== 'tcp' && tv !== 'tls') return { span: t, message: `'${valueText(t)}' is not a valid transport protocol for zone transfers. Please specify either 'tcp' or 'tls'` };
  }
  if (c.context === 'endpoints' && c.nameNode) {
    const path = valueText(c.nameNode) ?? '';
    if (!/^\/(?!\/)[^?#\s]*$/.test(path)) return { span: c.nameNode, message: `endpoint '${path}' is not a valid absolute HTTP path` };
  }
  if (c.context === 'top' && (c.name === 'tls' || c.name === 'dnssec-policy') && c.args[0] && c.args[0].kind !== 'block') {
    const n = valueText(c.args[0], true) ?? '';
    const has = (x: string) => c.children.some((k) => k.name === x);
    if (c.name === 'tls' && c.block && has('key-file') !== has('cert-file')) {
      return { span: c.args[0], message: `tls '${valueText(c.args[0])}': 'cert-file' and 'key-file' must both be specified, or both omitted` };
    }
    if (c.name === 'tls' && (n === 'ephemeral' || n === 'none')) return { span: c.args[0], message: `tls clause name '${n}' is reserved for internal use` };
    if (c.name === 'dnssec-policy' && ['insecure', 'none', 'default'].includes(n)) {
      return { span: c.args[0], message: "dnssec-policy name may not be 'insecure', 'none', or 'default' (which are built-in policies)" };
    }
  }
  return undefined;
}

/**
 * What named-checkconf 9.18 says of a query-source value whose words are out of order or repeated
 * (parse_querysource, lib/isccfg/namedconf.c): after a leading `address`, `port` or `dscp` the keywords come
 * in any order, each once, with an address or a port; else the value is a socket address, read with its
 * `port` and `dscp` (parse_sockaddrsub, lib/isccfg/parser.c), each at most once. undefined: the words are in
 * an order it reads (their values are checked as any other's).
 */
function querySourceProblem(c: Clause): { span: ValueNode; message: string } | undefined {
  const args = c.args;
  const kw = (i: number) => valueText(args[i], true);
  const counts: Record<string, number> = { address: 0, port: 0, dscp: 0 };
  const second: Record<string, ValueNode | undefined> = {};
  const count = (k: string, at: ValueNode) => {
    if (++counts[k] === 2) second[k] = at;
  };
  if (args[0]?.kind === 'word' && ['address', 'port', 'dscp'].includes(kw(0) ?? '')) {
    for (let i = 0; i < args.length; i += 2) {
      const k = kw(i);
      if (k === 'address' || k === 'port' || k === 'dscp') count(k, args[i]);
      else if (args[i].kind === 'word' || args[i].kind === 'string') return { span: args[i], message: `expected 'address' or 'port' near '${near(args[i])}'` };
      else return undefined;
    }
    if (counts.address > 1 || counts.port > 1 || counts.address + counts.port === 0) {
      return { span: second.address ?? second.port ?? c.nameNode ?? args[0], message: 'expected one address and/or port' };
    }
  } else {
    for (let i = 1; i < args.length && (kw(i) === 'port' || kw(i) === 'dscp'); i += 2) count(kw(i)!, args[i]);
  }
  if (counts.port > 1 && second.port) return { span: second.port, message: 'expected at most one port' };
  if (counts.dscp > 1 && second.dscp) return { span: second.dscp, message: 'expected at most one dscp' };
  return undefined;
}

/**
 * check.c's check_listener: a listen-on port from 65535 on ("port value 'N' is out of range"; the grammar reads an
 * integer of 32 bits there, so the parser lets it through).
 */
function listenPortProblem(c: Clause): { span: ValueNode; message: string } | undefined {
  if ((c.name !== 'listen-on' && c.name !== 'listen-on-v6') || c.context !== 'options') return undefined;
  for (let i = 0; i + 1 < c.args.length && c.args[i].kind !== 'block'; i++) {
    if (valueText(c.args[i], true) !== 'port') continue;
    const t = valueText(c.args[i + 1]);
    if (t && /^[0-9]+$/.test(t) && Number(t) >= 65535) return { span: c.args[i + 1], message: `port value '${t}' is out of range` };
    return undefined;
  }
  return undefined;
}

function sizeBytes(t: string): number | undefined {
  const m = /^([0-9]+)([kmg]?)$/i.exec(t);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()];
}

function rangeProblem(c: Clause): string | undefined {
  const r = RANGES[c.name];
  const raw = valueText(c.args[0]);
  if (r && raw && r.ctx.includes(c.context)) {
    const n = c.name === 'lmdb-mapsize' ? sizeBytes(raw) : durationSeconds(raw);
    if (n !== undefined && (n > r.max || n < (r.min ?? 0))) return r.say(n, raw);
  }
  if (c.name === 'max-table-size' && c.context === 'rate-limit') {
    const min = c.parent?.children.find((x) => x.name === 'min-table-size');
    const lo = Math.max(1, Number(valueText(min?.args[0]) ?? 500) || 0);
    const n = Number(raw);
    if (raw && /^[0-9]+$/.test(raw) && n < lo) return `max-table-size ${n} < min-table-size ${lo}`;
  }
  return undefined;
}

export default defineRule<BindModel>({
  id: 'bind/invalid-value',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: "A value that does not fit its option: not a boolean, duration, size or address where one is expected, or out of named's range.",
    why:
      "named-checkconf refuses the file (\"boolean expected near 'bogus'\", \"expected ISO 8601 duration or TTL value near '1x'\", " +
      "\"port '99999' out of range\"), so named does not start or reload.",
    bad: 'options {\n    max-cache-ttl 1x;\n    port 99999;\n};',
    good: 'options {\n    max-cache-ttl 1d;\n    port 53;\n};',
    fix: 'No automatic fix: the message says what named expected.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#configuration-file-grammar'],
  },
  check(ctx) {
    const v = grammarOf(ctx.target);
    const everyClause = walkClauses(ctx.model.clauses);
    for (let i = 0; i < everyClause.length; i++) {
      const c = everyClause[i];
      const special = specialProblem(c);
      if (special) {
        ctx.report({ span: special.span, message: special.message.endsWith('.') ? special.message : `${special.message}: named refuses the file.` });
        continue;
      }
      if (c.context === 'aml') {
        const bang = negationProblem(c);
        if (bang) ctx.report(bang);
        continue;
      }
      const inMap = isMapContext(c.context);
      if (!inMap && isListContext(c.context) && c.context !== 'aml' && contextIsCertain(c)) {
        checkElement(c);
        continue;
      }
      if (!c.nameNode || !inMap || !c.def?.versions[v] || !contextIsCertain(c)) continue;
      const r = matchClause(c.context, c.name, c.args, v, true, c.nameNode ? c.argsKey : undefined);
      if (!r) continue;
      if (r.complete) {
        const listen = listenPortProblem(c);
        if (listen) ctx.report({ span: listen.span, message: `${listen.message} (${c.name}): named refuses the file.` });
        const problem = rangeProblem(c);
        if (problem) ctx.report({ span: c.args[0] ?? c.nameNode, message: `${problem}: named refuses the file.` });
        continue;
      }
      const qs = v === '9.18' && (c.name === 'query-source' || c.name === 'query-source-v6') ? querySourceProblem(c) : undefined;
      if (qs) {
        ctx.report({ span: qs.span, message: `${qs.message} (${c.name}): named refuses the file.` });
        continue;
      }
      const at = r.furthest >= 0 && r.furthest < c.args.length ? c.args[r.furthest] : undefined;
      if (reportedElsewhere(c, at)) continue;
      // A block value is checked inside (its clauses are clauses of their own); an empty reading is a syntax finding.
      // But where only a word would do (`listen-on-v6 tls { ::1; };` lacks the tls name), named stops at the `{`.
      if (at?.kind === 'block') {
        if (r.expected.length > 0 && r.expected.every((e) => /^<[a-z_]+>$/.test(e))) {
          ctx.report({ span: { start: at.start, end: at.start + 1 }, message: `${blockWords(r.expected)} near '{' (${c.name}): named refuses the file.` });
        }
        continue;
      }
      const span = at ?? c.nameNode;
      const t = valueText(at);
      if (t && /^[0-9]+$/.test(t) && r.expected.some((e) => /port/.test(e))) {
        ctx.report({ span, message: `port number out of range near '${t}' (${c.name}; 0..65535): named refuses the file.` });
        continue;
      }
      const once = r.expected.find((e) => e.startsWith('at most one '));
      if (once) {
        ctx.report({ span, message: `expected ${once} (${c.name}): named refuses the file.` });
        continue;
      }
      ctx.report({ span, message: `${namedWords(r.expected)} near '${near(at)}' (${c.name}): named refuses the file.` });
    }

    /** A list element (a dnssec-policy key, a response-policy zone, ...) that the list's grammar does not take. */
    function checkElement(c: Clause) {
      const first = c.nameNode ?? c.statement.values[0];
      if (!first) return;
      const values = [first, ...c.args];
      const r = matchElement(c.context, values, v, true);
      if (!r || r.complete || r.furthest < 1) return;
      const at = values[r.furthest];
      if (reportedElsewhere(c, at) || at?.kind === 'block') return;
      const t = valueText(at);
      // cfg_parse_rawport (lib/isccfg/parser.c): a socket address's port from 65536 on.
      if (t && /^[0-9]+$/.test(t) && r.expected.includes('<port>')) {
        ctx.report({ span: at ?? first, message: `port number out of range near '${t}' (0..65535): named refuses the file.` });
        return;
      }
      const word = t !== undefined && /^[a-z][a-z0-9-]*$/i.test(t) && r.expected.every((e) => /^[a-z][a-z0-9-]*$/.test(e)) && !r.expected.includes(t.toLowerCase());
      const message = word
        ? `unexpected '${t}': BIND ${v} does not take it here (expected ${r.expected.slice(0, 5).map((e) => `'${e}'`).join(', ')}); named refuses the file.`
        : `${namedWords(r.expected)} near '${near(at)}': named refuses the file.`;
      ctx.report({ span: at ?? first, message });
    }
  },
});
