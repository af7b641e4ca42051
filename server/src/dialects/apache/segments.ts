// The top-level segments of an httpd.conf for incremental analysis (Dialect.segments, core/incremental.ts): every
// top-level directive or section is one, spanning it whole (a section from the `<` of its header to the end of its
// closing line). A top-level <VirtualHost> is local: the editor re-analyses it alone with the global segments when an
// edit stays inside it, every other local one skipped as if blank.
//
// That holds only for a virtual host nothing else in the file reads. The parser and the model carry a few facts from
// one part of the file to later ones, and some rules read facts of the whole file; a <VirtualHost> holding one of
// those is global, so that skipping local ones changes nothing the rest of the file sees:
// - `Define` (later <IfDefine> sections become inactive or conditional: model.ts),
// - a <Macro> (a later `Use` opens or closes sections with its body: parser.ts),
// - sections nested so deep that the parser flattens them (it reports that once per file),
// - `Include`, `IncludeOptional`, `ServerRoot` (the include context the editor keeps across a fast-path edit, and
//   apache/unknown-directive's LoadModule list), `LoadModule` (that list),
// - `Listen` (httpd refuses it there, but listenFacts reads every one: apache/ipv4-only-vhost, listen-conflict).
// A <VirtualHost> the file ends before closing is global too: where it ends depends on what follows it (it would take
// in the next virtual host as soon as that one is skipped no more).
// A virtual host inside another section (<IfModule>, <Macro>...) is part of that top-level section, which is global.
import { MAX_NESTING } from '../../../../grammars/apache/parser';
import type { Segment } from '../../core/types';
import type { ApacheModel, Directive } from './model';

/** Directives whose presence in a virtual host makes it global (lower case). */
const READ_ELSEWHERE = new Set(['define', 'include', 'includeoptional', 'serverroot', 'loadmodule', 'listen']);

/** True when nothing inside the section is read by the rest of the file (see above). */
function selfContained(section: Directive): boolean {
  const stack: { d: Directive; depth: number }[] = section.children.map((d) => ({ d, depth: 1 }));
  while (stack.length) {
    const { d, depth } = stack.pop()!;
    if (d.section) {
      if (d.lname === 'macro' || depth >= MAX_NESTING) return false;
      for (const c of d.children) stack.push({ d: c, depth: depth + 1 });
    } else if (READ_ELSEWHERE.has(d.lname)) return false;
  }
  return true;
}

export function apacheSegments(model: ApacheModel): Segment[] {
  const out: Segment[] = [];
  for (const d of model.directives) {
    const last = out[out.length - 1];
    // A section a macro's `Use` opens starts where that Use line does: the two are one segment, a global one.
    if (last && d.span.start < last.end) {
      last.end = Math.max(last.end, d.span.end);
      last.local = false;
      continue;
    }
    out.push({ start: d.span.start, end: d.span.end, local: d.section && d.lname === 'virtualhost' && d.close !== undefined && selfContained(d) });
  }
  return out;
}
