// bind/invalid-update-policy: update-policy grant rules whose name field named refuses (check.c, check_update_policy).
import { defineRule } from '../../../core/rule';
import type { BindModel } from '../model';
import { clausesNamed } from '../model';
import { valueText } from '../semantics';

/** Match types whose name must equal the identity or be '.'. */
const SELF = new Set(['self', 'selfsub', 'selfwild']);
/** Match types whose name must be the placeholder '.'. */
const PLACEHOLDER = new Set(['krb5-self', 'ms-self', 'krb5-selfsub', 'ms-selfsub', 'tcp-self', '6to4-self']);
/** Match types with a real name field, which must not be a record type (a forgotten name). */
const NAMED = new Set(['name', 'subdomain', 'ms-subdomain', 'ms-subdomain-self-rhs', 'krb5-subdomain', 'krb5-subdomain-self-rhs', 'wildcard', 'external', 'local']);
/** Record types a forgotten name field is usually replaced by (dns_rdatatype_fromtext accepts these). */
const RRTYPES = new Set(
  'A AAAA A6 AFSDB ANY APL CAA CDNSKEY CDS CERT CNAME CSYNC DHCID DLV DNAME DNSKEY DS EUI48 EUI64 HINFO HIP HTTPS IPSECKEY KEY KX LOC MX NAPTR NS NSEC NSEC3 NSEC3PARAM NULL NXT OPENPGPKEY PTR RP RRSIG RT SIG SMIMEA SOA SPF SRV SSHFP SVCB TLSA TXT URI ZONEMD'.split(' '),
);

function isType(s: string): boolean {
  const u = s.toUpperCase();
  return RRTYPES.has(u) || /^TYPE[0-9]+$/.test(u);
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/\.$/, '');
  return n(a) === n(b);
}

export default defineRule<BindModel>({
  id: 'bind/invalid-update-policy',
  scope: 'statement',
  severity: 'error',
  docs: {
    summary: 'An update-policy rule whose name field named refuses: a record type where the name goes, or a name where a placeholder is required.',
    why:
      "named-checkconf checks each grant: for `self` the name must be the identity or `.` (\"identity and name fields are not the same\"), " +
      "for `tcp-self`/`krb5-self`... it must be `.` (\"name field not set to placeholder value '.'\"), and for `name`, `subdomain`, " +
      "`external`... a record type in the name's place means the name was forgotten (\"missing name field type 'TXT' found\").",
    bad: 'update-policy {\n    grant * self TXT;\n};',
    good: 'update-policy {\n    grant * self . TXT;\n};',
    fix: 'No automatic fix: write the name field the match type needs.',
    references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#namedconf-statement-update-policy'],
  },
  check(ctx) {
    for (const c of clausesNamed(ctx.model.clauses, (n) => n === 'grant' || n === 'deny')) {
      if (c.context !== 'update-policy' || (c.name !== 'grant' && c.name !== 'deny')) continue;
      const [identity, matchtype, name] = c.args;
      const id = valueText(identity);
      const mt = valueText(matchtype, true);
      const nm = valueText(name);
      if (!id || !mt || !name || nm === undefined) continue;
      if (SELF.has(mt)) {
        if (!sameName(id, nm) && nm !== '.') ctx.report({ span: name, message: `identity and name fields are not the same: '${mt}' needs the name '${id}' or '.', and named refuses '${nm}'.` });
      } else if (PLACEHOLDER.has(mt)) {
        if (nm !== '.') ctx.report({ span: name, message: `name field not set to placeholder value '.': '${mt}' takes '.' as its name, and named refuses '${nm}'.` });
      } else if (NAMED.has(mt) && isType(nm)) {
        ctx.report({ span: name, message: `missing name field type '${nm}' found: '${mt}' needs a name before the record types, and named refuses the rule.` });
      }
    }
  },
});
