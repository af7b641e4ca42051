// Hover and completion for sshd_config: keyword docs (meaning, default, IPv6 notes, versions, Match permission),
// Match criteria, the meanings of fixed values; completion of keywords allowed where the cursor is, and of values.
import type { CompletionEntry, HoverDoc } from '../../core/types';
import { closestMatches } from '../../core/suggest';
import { currentKeywords, lookupKeyword, MATCH_CRITERIA, type KeywordInfo } from './catalogue';
import { CRITERION_DOCS, KEYWORD_DOCS, MAN_PAGE } from './docs';
import type { Directive, SshdModel } from './model';
import { lineStartAt } from '../../core/text';

/** Keywords of OpenSSH portable that OpenBSD's manual (the link target) does not describe. */
const PORTABLE_ONLY = new Set(['usepam', 'pamservicename']);

export function manLink(info: KeywordInfo): string {
  const documented = info.status === 'current' && !PORTABLE_ONLY.has(info.name.toLowerCase());
  return documented ? `${MAN_PAGE}#${info.name}` : MAN_PAGE;
}

function statusLine(info: KeywordInfo): string | undefined {
  switch (info.status) {
    case 'alias':
      return `⚠ Old name of \`${info.replacement}\`${info.changedIn ? ` (an alias since OpenSSH ${info.changedIn})` : ''}; sshd reads it as that option.`;
    case 'deprecated':
      return `⚠ Deprecated${info.changedIn ? ` since OpenSSH ${info.changedIn}` : ''}: sshd logs "Deprecated option ${info.name}" and ignores the line.`;
    case 'ignored':
      return `⚠ Ignored${info.changedIn ? ` since OpenSSH ${info.changedIn}` : ''}: sshd reads the line and does nothing.`;
    case 'unsupported':
      return `⚠ Unsupported${info.changedIn ? ` since OpenSSH ${info.changedIn}` : ''}: sshd logs "Unsupported option ${info.name}" and ignores the line.`;
    case 'vendor':
      return `⚠ Only in ${info.vendor}'s sshd; upstream OpenSSH says "Bad configuration option".`;
    default:
      return undefined;
  }
}

function scopeLabel(info: KeywordInfo): string {
  if (info.name === 'Match') return 'starts a Match block';
  if (!info.match) return 'global only (not inside Match)';
  return info.matchSince ? `global, and inside Match since OpenSSH ${info.matchSince}` : 'global or inside Match';
}

/** The documentation body shared by hover and completion. */
export function renderKeywordBody(info: KeywordInfo): string {
  const doc = KEYWORD_DOCS[info.name.toLowerCase()];
  const parts: string[] = [];
  const status = statusLine(info);
  if (status) parts.push(status);
  if (doc) {
    parts.push('```sshd-config\n' + `${info.name} ${doc.syntax}` + '\n```');
    parts.push(doc.text);
    if (doc.default) parts.push(`**Default:** ${doc.default}`);
    if (doc.ipv6) parts.push(`**IPv6:** ${doc.ipv6}`);
  }
  if (info.since) parts.push(`**Since:** OpenSSH ${info.since}`);
  parts.push(`[sshd_config(5)](${manLink(info)})`);
  return parts.join('\n\n');
}

export function renderKeywordDoc(info: KeywordInfo): string {
  return `**${info.name}** — ${scopeLabel(info)}\n\n${renderKeywordBody(info)}`;
}

function renderCriterion(name: string): string | undefined {
  const key = name.toLowerCase();
  const info = MATCH_CRITERIA.get(key);
  const doc = CRITERION_DOCS[key];
  if (!info || !doc) return undefined;
  const parts = [`**Match ${info.name}** — Match criterion`, '```sshd-config\n' + `Match ${doc.syntax}` + '\n```', doc.text];
  if (doc.ipv6) parts.push(`**IPv6:** ${doc.ipv6}`);
  if (info.since) parts.push(`**Since:** OpenSSH ${info.since}`);
  parts.push(`[sshd_config(5)](${MAN_PAGE}#Match)`);
  return parts.join('\n\n');
}

function renderUnknown(d: Directive): string {
  const close = closestMatches(d.keyword, currentKeywords().map((k) => k.name), 3);
  return [
    `**${d.keyword}** — not an sshd_config keyword`,
    `sshd stops with "Bad configuration option: ${d.keyword}".${close.length ? ` Did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : ''}`,
    `[sshd_config(5)](${MAN_PAGE})`,
  ].join('\n\n');
}

const within = (s: { start: number; end: number }, offset: number) => s.start <= offset && offset < s.end;

/** The directive on the line that holds offset (binary search: directives are in document order). */
function directiveAt(model: SshdModel, offset: number): Directive | undefined {
  const ds = model.directives;
  let lo = 0;
  let hi = ds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = ds[mid];
    if (offset < d.line.start) hi = mid - 1;
    else if (offset > d.line.end) lo = mid + 1;
    else return d;
  }
  return undefined;
}

export function sshdHover(model: SshdModel, _text: string, offset: number): HoverDoc | undefined {
  const d = directiveAt(model, offset);
  if (!d) return undefined;
  if (within(d.keywordSpan, offset)) {
    return { markdown: d.info ? renderKeywordDoc(d.info) : renderUnknown(d), span: d.keywordSpan };
  }
  if (d.info?.name === 'Match') {
    const block = model.matches.find((b) => b.match === d);
    for (const c of block?.criteria ?? []) {
      if (within(c.nameSpan, offset)) {
        const md = renderCriterion(c.name);
        return md ? { markdown: md, span: c.nameSpan } : undefined;
      }
    }
    return undefined;
  }
  const doc = d.info ? KEYWORD_DOCS[d.info.name.toLowerCase()] : undefined;
  for (const a of d.args) {
    if (!within(a, offset)) continue;
    const values = doc?.values;
    if (!values) return undefined;
    const key = Object.keys(values).find((k) => k.toLowerCase() === a.value.toLowerCase());
    if (!key) return undefined;
    return {
      markdown: `**${key}** — value of \`${d.info!.name}\`\n\n${values[key]}\n\n[sshd_config(5)](${manLink(d.info!)})`,
      span: { start: a.start, end: a.end },
    };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ completion

/** True when the cursor is in a non-`All` Match block, where only some keywords are allowed. */
function inMatchBlock(model: SshdModel, offset: number): boolean {
  let inside = false;
  for (const b of model.matches) {
    if (b.match.line.end < offset || (b.match.line.start <= offset && offset <= b.match.line.end && offset > b.match.keywordSpan.end)) {
      inside = !b.all;
    }
  }
  return inside;
}

function keywordEntries(match: boolean): CompletionEntry[] {
  return currentKeywords()
    .filter((k) => !match || k.match)
    .map((k) => ({
      label: k.name,
      kind: 'property' as const,
      detail: KEYWORD_DOCS[k.name.toLowerCase()]?.syntax.split('\n')[0],
      documentation: renderKeywordBody(k),
    }));
}

/**
 * Values sshd still reads as the same thing as a current one: offered tagged deprecated. `without-password` is the
 * name of `prohibit-password` before OpenSSH 7.0; `Compression delayed` has meant `yes` since OpenSSH 7.4.
 */
const OLD_VALUES: Record<string, ReadonlySet<string>> = {
  permitrootlogin: new Set(['without-password']),
  compression: new Set(['delayed']),
};

export function sshdCompletions(model: SshdModel, text: string, offset: number): CompletionEntry[] {
  const lineStart = lineStartAt(text, offset);
  const before = text.slice(lineStart, offset);
  if (/^\s*#/.test(before)) return [];
  const rest = before.replace(/^\s+/, '');
  const head = /^"?([^\s="]*)"?/.exec(rest)!;
  // Nothing after the keyword yet: the cursor is on the keyword.
  if (head[0].length === rest.length) return keywordEntries(inMatchBlock(model, offset));
  const info = lookupKeyword(head[1]);
  if (!info) return [];
  if (info.name === 'Match') {
    return [...MATCH_CRITERIA.values()].map((c) => ({
      label: c.name,
      kind: 'keyword' as const,
      detail: 'Match criterion',
      documentation: CRITERION_DOCS[c.name.toLowerCase()]?.text,
    }));
  }
  // Values of a fixed set, for the first argument only.
  const args = rest.slice(head[0].length).replace(/^\s*=?\s*/, '');
  if (/\s/.test(args)) return [];
  const shape = info.shape;
  const values = shape.kind === 'enum' || shape.kind === 'enum-exact' ? shape.values : [];
  const meanings = KEYWORD_DOCS[info.name.toLowerCase()]?.values ?? {};
  const old = OLD_VALUES[info.name.toLowerCase()];
  return values.map((v) => {
    const entry: CompletionEntry = { label: v, kind: 'value', detail: `${info.name} value`, documentation: meanings[v] };
    if (old?.has(v)) entry.deprecated = true;
    return entry;
  });
}
