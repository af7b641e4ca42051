// Document symbols for rc.conf: one per variable assignment, and one per shell function.
import { allCommands } from '../../../../grammars/rcconf/cst';
import type { OutlineSymbol } from '../../core/types';
import type { RcconfModel } from './model';

const MAX_DETAIL = 60;

export function rcconfSymbols(model: RcconfModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const a of model.assignments) {
    const raw = model.text.slice(a.value.span.start, a.value.span.end);
    out.push({
      name: a.name,
      detail: raw.length > MAX_DETAIL ? raw.slice(0, MAX_DETAIL - 1) + '…' : raw,
      kind: 'property',
      span: a.span,
      selection: a.nameSpan,
      children: [],
    });
  }
  for (const c of allCommands(model.program)) {
    if (c.kind !== 'function') continue;
    out.push({ name: `${c.name.image}()`, kind: 'module', span: { start: c.start, end: c.end }, selection: { start: c.name.start, end: c.name.end }, children: [] });
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}
