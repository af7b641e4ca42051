// Document symbols (one per run of records at the same owner, with the records inside, plus the directives) and
// folding ranges (records whose parentheses span lines) for zone files.
import type { OutlineSymbol, Span } from '../../core/types';
import type { ZoneModel, ZoneRecord } from './model';
import { clip, displayName } from './names';

function recordSymbol(r: ZoneRecord): OutlineSymbol {
  const data = r.rdata.map((v) => v.image).join(' ');
  return {
    name: r.type.name,
    detail: data.length > 60 ? data.slice(0, 59) + '…' : data,
    kind: 'property',
    span: r.span,
    selection: r.typeNode,
    children: [],
  };
}

export function zoneSymbols(model: ZoneModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  let run: ZoneRecord[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0];
    const last = run[run.length - 1];
    const written = first.ownerNode?.value;
    const full = displayName(first.owner);
    out.push({
      name: clip(written ?? full),
      detail: [...new Set(run.map((r) => r.type.name))].join(' ') + (written !== undefined && written !== full ? ` — ${full}` : ''),
      kind: first.type.code === 6 ? 'namespace' : 'object',
      span: { start: first.span.start, end: last.span.end },
      selection: first.ownerNode ?? first.typeNode,
      children: run.map(recordSymbol),
    });
    run = [];
  };
  // Records and directives in file order; a directive ends the run of records before it, so symbols never overlap.
  const recs = model.records;
  const dirs = model.directives;
  let i = 0;
  let j = 0;
  while (i < recs.length || j < dirs.length) {
    if (j < dirs.length && (i >= recs.length || dirs[j].span.start < recs[i].span.start)) {
      flush();
      const d = dirs[j++];
      out.push({ name: d.name, detail: clip(d.args.map((a) => a.image).join(' ')), kind: d.name === '$ORIGIN' ? 'module' : 'key', span: d.span, selection: d.nameNode, children: [] });
    } else {
      const r = recs[i++];
      if (run.length && r.owner !== run[0].owner) flush();
      run.push(r);
    }
  }
  flush();
  return out;
}

/** Every parenthesised part that spans lines (an SOA, a long DNSKEY or TXT). */
export function zoneFolding(model: ZoneModel, text: string): Span[] {
  const out: Span[] = [];
  for (const e of model.cst.entries) {
    for (const g of e.groups) {
      const slice = text.slice(g.start, g.end);
      if (slice.includes('\n') || slice.includes('\r')) out.push({ start: e.start, end: g.end });
    }
  }
  return out;
}
