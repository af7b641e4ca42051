// Document symbols (one per Match block, its directives as children) and folding ranges for sshd_config.
import type { OutlineSymbol, Span } from '../../core/types';
import type { MatchBlock, SshdModel } from './model';

function blockName(b: MatchBlock): string {
  const words = b.match.args.map((a) => a.value);
  return `Match ${words.join(' ')}`.trim();
}

export function sshdSymbols(model: SshdModel): OutlineSymbol[] {
  return model.matches.map((b) => {
    const last = b.match.args[b.match.args.length - 1];
    return {
      name: blockName(b),
      detail: `${b.directives.length} line${b.directives.length === 1 ? '' : 's'}`,
      kind: 'namespace' as const,
      span: { start: b.span.start, end: b.span.end },
      selection: { start: b.match.keywordSpan.start, end: last ? last.end : b.match.keywordSpan.end },
      children: b.directives.map((d) => ({
        name: d.keyword,
        detail: d.args.map((a) => a.value).join(' '),
        kind: 'property' as const,
        span: { start: d.span.start, end: d.span.end },
        selection: { start: d.keywordSpan.start, end: d.keywordSpan.end },
        children: [],
      })),
    };
  });
}

/** Every Match block that spans more than its own line. */
export function sshdFolding(model: SshdModel, text: string): Span[] {
  return model.matches.filter((b) => text.slice(b.span.start, b.span.end).includes('\n')).map((b) => ({ start: b.span.start, end: b.span.end }));
}
