// Hover for zone files: RR types, classes, directives, TTLs, SOA fields, and names shown fully qualified.
import type { ZoneValue } from '../../../../grammars/zone/cst';
import type { HoverDoc } from '../../core/types';
import { DIRECTIVE_DOCS, GENERIC_DATA_DOC } from './docs';
import { type ZoneDirective, type ZoneModel, type ZoneRecord } from './model';
import { clip, displayName, isAbsolute } from './names';
import { CLASS_REF, describeSeconds, lookupClass, parseTTL, type RRTypeInfo } from './rrtypes';

const covers = (n: { start: number; end: number }, offset: number): boolean => n.start <= offset && offset < n.end;

const SOA_FIELDS = [
  'primary name server (MNAME)',
  'mailbox of the person responsible (RNAME: the first unescaped dot stands for @)',
  'serial number: secondaries transfer the zone when it increases',
  'refresh: how often secondaries check the serial',
  'retry: how soon a secondary retries after a failed check',
  'expire: how long a secondary keeps serving the zone without reaching the primary',
  'negative-caching TTL: how long resolvers cache "no such name" and "no such data" (RFC 2308)',
];

function renderType(t: RRTypeInfo): string {
  const label = t.ref.includes('rfc-editor.org') ? `RFC ${/rfc(\d+)/.exec(t.ref)?.[1]}${t.ref.includes('#section-') ? ' §' + t.ref.split('#section-')[1] : ''}` : t.ref.includes('iana.org') ? 'IANA registry of RR types' : 'BIND reference';
  return `**${t.name}** — resource record type ${t.code}\n\n${t.summary}\n\n[${label}](${t.ref})`;
}

function renderTTL(seconds: number, what = 'TTL'): string {
  return `**${what}** — ${seconds} seconds${seconds >= 60 ? ` (${describeSeconds(seconds)})` : ''}`;
}

function renderName(model: ZoneModel, node: ZoneValue, canonical: string, role: string): string {
  const lines = [`**${clip(node.value)}** — ${role}`];
  const full = displayName(canonical);
  if (node.value !== full) lines.push(`Fully qualified: \`${full}\``);
  if (!isAbsolute(canonical)) {
    lines.push('Relative to the zone origin, which is the zone name in named.conf: this file has no $ORIGIN and no absolute SOA owner.');
  } else if (model.inferredOrigin && !node.value.endsWith('.')) {
    lines.push(`The origin \`${model.inferredOrigin}\` is inferred from the absolute names in this file; named takes it from the zone statement in named.conf.`);
  }
  const recs = model.byOwner.get(canonical);
  if (recs?.length) {
    const types = [...new Set(recs.map((r) => r.type.name))];
    lines.push(`Records at this name: ${types.join(', ')}${types.includes('A') && !types.includes('AAAA') ? ' (no AAAA: not reachable over IPv6 by this name)' : ''}`);
  }
  return lines.join('\n\n');
}

function recordHover(model: ZoneModel, r: ZoneRecord, offset: number): HoverDoc | undefined {
  if (r.ownerNode && covers(r.ownerNode, offset)) return { markdown: renderName(model, r.ownerNode, r.owner, 'owner name'), span: r.ownerNode };
  if (r.ttlNode && covers(r.ttlNode, offset)) return { markdown: renderTTL(r.ttl ?? 0) + '\n\nHow long resolvers may cache this record.', span: r.ttlNode };
  if (r.classNode && covers(r.classNode, offset)) {
    const c = lookupClass(r.classNode.value);
    if (c) return { markdown: `**${c.name}** — class ${c.code}\n\n${c.summary}\n\n[IANA registry of DNS classes](${CLASS_REF})`, span: r.classNode };
  }
  if (covers(r.typeNode, offset)) return { markdown: renderType(r.type), span: r.typeNode };
  for (let i = 0; i < r.rdata.length; i++) {
    const v = r.rdata[i];
    if (!covers(v, offset)) continue;
    if (i === 0 && v.image === '\\#') return { markdown: GENERIC_DATA_DOC, span: v };
    const name = r.names.get(i);
    if (name !== undefined) {
      const role = r.type.code === 6 ? SOA_FIELDS[i] : `${r.type.name} target`;
      return { markdown: renderName(model, v, name, role), span: v };
    }
    if (r.type.code === 6 && i < SOA_FIELDS.length) {
      const secs = i >= 3 ? parseTTL(v.value) : undefined;
      return { markdown: secs !== undefined ? `${renderTTL(secs, SOA_FIELDS[i].split(':')[0])}\n\n${SOA_FIELDS[i]}` : `**${clip(v.value)}** — ${SOA_FIELDS[i]}`, span: v };
    }
    return undefined;
  }
  return undefined;
}

function directiveHover(model: ZoneModel, d: ZoneDirective, offset: number): HoverDoc | undefined {
  const doc = DIRECTIVE_DOCS[d.name];
  if (covers(d.nameNode, offset) && doc) {
    return { markdown: `**${d.name}** — directive\n\n\`\`\`dns-zone\n${doc.syntax}\n\`\`\`\n\n${doc.description}\n\n[Reference](${doc.link})`, span: d.nameNode };
  }
  const arg = d.args.find((a) => covers(a, offset));
  if (!arg) return undefined;
  if (d.name === '$TTL' && d.ttl !== undefined) return { markdown: renderTTL(d.ttl, 'Default TTL') + '\n\nFor the records after it that give no TTL.', span: arg };
  if (d.name === '$ORIGIN' && d.origin !== undefined && arg === d.args[0]) return { markdown: renderName(model, arg, d.origin, 'origin'), span: arg };
  return undefined;
}

export function zoneHover(model: ZoneModel, _text: string, offset: number): HoverDoc | undefined {
  // Records are in file order: a binary search finds the one whose entry holds the offset.
  const recs = model.records;
  let lo = 0;
  let hi = recs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = recs[mid];
    if (offset < r.span.start) hi = mid - 1;
    else if (offset >= r.span.end) lo = mid + 1;
    else return recordHover(model, r, offset);
  }
  for (const d of model.directives) if (d.span.start <= offset && offset < d.span.end) return directiveHover(model, d, offset);
  return undefined;
}
