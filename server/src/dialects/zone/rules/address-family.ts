// zone/address-family: an A record holding an IPv6 address or an AAAA record holding an IPv4 one (and the same
// mix-up in SVCB/HTTPS ipv4hint/ipv6hint); named refuses the whole zone.
import { defineRule } from '../../../core/rule';
import type { Edit, Fix } from '../../../core/types';
import { isDottedQuad, isIPv6Text } from '../inet';
import type { ZoneModel, ZoneRecord } from '../model';

/** The type mnemonic in the case the record wrote its own. */
function sameCase(written: string, name: string): string {
  return written === written.toLowerCase() ? name.toLowerCase() : name;
}

/** Swap the type token, keeping the data in its column when spaces after the type allow it. */
function swapFix(text: string, rec: ZoneRecord, to: 'A' | 'AAAA'): Fix {
  const t = rec.typeNode;
  let newText = sameCase(t.image, to);
  let end = t.end;
  let spaces = 0;
  while (text.charCodeAt(end + spaces) === 32) spaces++;
  const grow = newText.length - t.image.length;
  if (grow > 0 && spaces > grow) end += grow;
  else if (grow < 0 && spaces > 0) newText += ' '.repeat(-grow);
  return { title: `Make it an ${to} record`, safe: true, edits: [{ start: t.start, end, newText }] };
}

export default defineRule<ZoneModel>({
  id: 'zone/address-family',
  severity: 'error',
  docs: {
    summary: 'An A record with an IPv6 address, or an AAAA record with an IPv4 address.',
    why:
      'A holds exactly one IPv4 address and AAAA exactly one IPv6 address. named-checkzone stops at such a line ("bad dotted quad", ' +
      '"bad IPv6 address") and named does not load the zone at all: every name in it fails, not only this one. It typically ' +
      'happens when an IPv6 address is added by copying the A line and the type is not changed. The same holds for the ' +
      '`ipv4hint`/`ipv6hint` parameters of SVCB and HTTPS records.',
    bad: 'www   IN  A     2001:db8::80\nmail  IN  AAAA  192.0.2.25',
    good: 'www   IN  AAAA  2001:db8::80\nmail  IN  A     192.0.2.25',
    fix:
      'Safe: the fix changes the record type to the one the address belongs to (A <-> AAAA), which is what the line meant; the ' +
      'zone then loads. For a hint parameter holding only the other family, the fix renames the key when the other one is absent.',
    references: ['https://www.rfc-editor.org/rfc/rfc3596#section-2.2', 'https://www.rfc-editor.org/rfc/rfc9460#section-7.3', 'research/real-daemons.md §1f'],
  },
  check(ctx) {
    for (const rec of ctx.model.records) {
      const code = rec.type.code;
      const data = rec.rdata[0];
      if ((code === 1 || code === 28) && data && data.kind === 'word' && !rec.generic && rec.rdata.length === 1) {
        if (code === 1 && isIPv6Text(data.value)) {
          ctx.report({
            span: data,
            message:
              `An A record holds only an IPv4 address, and '${data.value}' is IPv6: named-checkzone refuses the zone ("bad dotted quad") ` +
              'and named does not load it. Make it an AAAA record.',
            fixes: [swapFix(ctx.text, rec, 'AAAA')],
          });
        } else if (code === 28 && isDottedQuad(data.value)) {
          ctx.report({
            span: data,
            message:
              `An AAAA record holds only an IPv6 address, and '${data.value}' is IPv4: named-checkzone refuses the zone ("bad IPv6 address") ` +
              'and named does not load it. Make it an A record.',
            fixes: [swapFix(ctx.text, rec, 'A')],
          });
        }
      }
      if (code === 64 || code === 65) checkHints(rec, ctx.report);
    }
  },
});

function checkHints(rec: ZoneRecord, report: (r: { span: { start: number; end: number }; message: string; fixes?: Fix[] }) => void): void {
  const params = rec.rdata.slice(2).filter((v) => v.kind === 'word');
  const keys = new Set(params.map((v) => v.value.split('=')[0]));
  for (const v of params) {
    const m = /^(ipv4hint|ipv6hint)=(.+)$/.exec(v.value);
    if (!m) continue;
    const want = m[1] === 'ipv4hint' ? 4 : 6;
    const addrs = m[2].split(',');
    const wrong = addrs.filter((a) => (want === 4 ? isIPv6Text(a) : isDottedQuad(a)));
    if (wrong.length === 0) continue;
    const other = want === 4 ? 'ipv6hint' : 'ipv4hint';
    const all = wrong.length === addrs.length;
    report({
      span: v,
      message:
        `${m[1]} holds ${want === 4 ? 'IPv4' : 'IPv6'} addresses only, and '${wrong[0]}' is IPv${want === 4 ? 6 : 4}: named-checkzone refuses the zone ` +
        `("syntax error"). ${all ? `Use ${other}.` : `Move it to ${other}.`}`,
      fixes: fixesOf(all && !keys.has(other) ? renameHintEdits(params, v, m[1], other) : undefined, other),
    });
  }
}

/**
 * The edits renaming a hint key: the key itself, and its name in `mandatory=` when listed there (a mandatory key the
 * record lacks makes named refuse the zone: "inconsistent resource record"). Sorted, as a fix's edits must be.
 */
function renameHintEdits(params: readonly ZoneRecord['rdata'][number][], hint: ZoneRecord['rdata'][number], from: string, to: string): Edit[] | undefined {
  const edits: Edit[] = [{ start: hint.start, end: hint.start + from.length, newText: to }];
  const mandatory = params.find((p) => p.kind === 'word' && p.value.startsWith('mandatory='));
  if (mandatory && mandatory.kind === 'word') {
    // Offsets into the value are offsets into the text only when it is written without escapes.
    if (mandatory.end - mandatory.start !== mandatory.value.length) return mandatory.value.split(/[=,]/).includes(from) ? undefined : edits;
    let at = 'mandatory='.length;
    for (const key of mandatory.value.slice(at).split(',')) {
      if (key === from) edits.push({ start: mandatory.start + at, end: mandatory.start + at + key.length, newText: to });
      at += key.length + 1;
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

function fixesOf(edits: Edit[] | undefined, to: string): Fix[] {
  return edits ? [{ title: `Rename to ${to}`, safe: true, edits }] : [];
}
