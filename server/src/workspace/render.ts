// Renders a readiness report (report.ts) as Markdown or HTML. No imports beyond types: the VS Code client bundles
// this file for its webview, the CLI for `v6ready report --format md|html`.
import type { ReadinessReport, ReportFinding, ReportLocation, ReportService, Tri } from './report';

const MARK: Record<Tri, string> = { yes: '✅ yes', no: '❌ no', unknown: '❔ unknown' };
/** In HTML the answer is a word in colour: emoji need a font the page may not have. */
const WORD: Record<Tri, string> = { yes: 'yes', no: 'no', unknown: 'unknown' };

function where(l: ReportLocation): string {
  return `${l.file}:${l.line}:${l.column}`;
}

/**
 * Text from the configs in a Markdown table cell: a pipe would end the cell, a newline the row, and Markdown viewers
 * render raw HTML (a `<Directory>` in a message would vanish, a `<script>` run), so `&`, `<` and `>` become entities;
 * backslashes, backticks, brackets and emphasis marks are escaped so a name cannot turn into a link or code.
 */
function mdEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|]/g, '\\$&')
    .replace(/\r?\n|\r/g, ' ');
}

/** The listens-on-IPv6 answer, with "loopback only" when it listens on that family for this host alone. */
function listens(s: ReportService, family: 'v4' | 'v6', word: (t: Tri) => string): string {
  const t = family === 'v6' ? s.listensV6 : s.listensV4;
  return s.loopbackOnly?.[family] ? `${word(t)} (loopback only)` : word(t);
}

export interface MarkdownOptions {
  /**
   * The target of a link to a place, URI-encoded (a space would end the link): by default the file as shown (relative
   * to the report's root) and `#L<line>`.
   */
  href?: (l: ReportLocation) => string;
}

/** The report's one-line verdict; none when no daemon's config was found (an empty folder is not "not ready"). */
function verdict(r: ReadinessReport): string {
  if (!r.summary.judged) return 'Nothing to judge: no daemon configuration found.';
  return r.summary.ready ? 'Ready for an IPv6-only network.' : 'Not ready for an IPv6-only network.';
}

export function renderMarkdown(r: ReadinessReport, o: MarkdownOptions = {}): string {
  const href = o.href ?? ((l: ReportLocation) => `${encodeURI(l.file)}#L${l.line}`);
  const link = (text: string, l: ReportLocation) => `[${mdEscape(text)}](${href(l)})`;
  const out: string[] = ['# IPv6 readiness report', ''];
  out.push(
    `**${verdict(r)}** ` +
      `${r.summary.files} file${r.summary.files === 1 ? '' : 's'}; ${r.summary.errors} error${r.summary.errors === 1 ? '' : 's'}, ${r.summary.warnings} warning${r.summary.warnings === 1 ? '' : 's'}, ${r.summary.others} other.`,
    '',
    '| layer | listens on IPv6 | admits IPv6 clients | names with AAAA | findings | ready |',
    '|---|---|---|---|---|---|',
  );
  for (const s of r.services) {
    const named = s.names.filter((n) => n.zone);
    out.push(`| ${mdEscape(s.title)} | ${listens(s, 'v6', (t) => MARK[t])} | ${MARK[s.admitsV6]} | ${named.filter((n) => n.aaaa.length).length}/${named.length} | ${s.findings.length} | ${s.ready ? '✅' : '❌'} |`);
  }
  for (const s of r.services) {
    out.push('', `## ${mdEscape(s.title)}`, '', `Files: ${s.files.map(mdCode).join(', ')}`, '');
    out.push('| question | answer | where |', '|---|---|---|');
    out.push(`| listens on IPv6 | ${listens(s, 'v6', (t) => MARK[t])} (${mdEscape(s.listenDetail)}) | ${s.listenAt ? link(where(s.listenAt), s.listenAt) : ''} |`);
    out.push(`| listens on IPv4 | ${listens(s, 'v4', (t) => MARK[t])} | |`);
    out.push(`| admits IPv6 clients | ${MARK[s.admitsV6]}${s.admitsAt ? ` (${mdEscape(s.admitsAt.message)})` : ''} | ${s.admitsAt ? link(where(s.admitsAt), s.admitsAt) : ''} |`);
    if (s.names.length) {
      out.push('', '| name | from | zone | A | AAAA |', '|---|---|---|---|---|');
      for (const n of s.names) {
        out.push(`| ${mdEscape(n.name)} | ${link(n.source, n.at)} | ${n.zone ? mdEscape(n.zone) : '(not in the workspace)'} | ${mdEscape(n.a.join(', ')) || '—'} | ${mdEscape(n.aaaa.join(', ')) || (n.zone ? '❌ none' : '—')} |`);
      }
    }
    if (s.findings.length) {
      out.push('', '| severity | rule | where | message |', '|---|---|---|---|');
      for (const f of s.findings) out.push(`| ${f.severity} | \`${f.rule}\` | ${link(where(f.at), f.at)}${relatedMd(f, link)} | ${mdEscape(f.message)} |`);
    }
  }
  if (r.problems.length) {
    out.push('', '## Not found', '');
    for (const p of r.problems) out.push(`- ${link(where(p), p)}: ${mdEscape(p.message)}`);
  }
  return out.join('\n') + '\n';
}

/** A file name as inline code: a backtick in it needs a longer fence. */
function mdCode(s: string): string {
  const fence = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return `${fence}${fence.length > 1 ? ' ' : ''}${s.replace(/\|/g, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function relatedMd(f: ReportFinding, link: (text: string, l: ReportLocation) => string): string {
  return f.related.filter((x) => x.path !== f.at.path).map((x) => `, ${link(where(x), x)}`).join('');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface HtmlOptions {
  /** The href of a link to a place (the CLI: the relative file path). */
  href?: (l: ReportLocation) => string;
  /** Content-Security-Policy for the page (the webview sets one). */
  csp?: string;
  /** A script to run in the page (with the nonce the CSP allows). */
  script?: { nonce: string; code: string };
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5em;line-height:1.4;color:var(--vscode-foreground,#1b1b1b);background:var(--vscode-editor-background,#fff)}
table{border-collapse:collapse;margin:.6em 0 1.2em}th,td{border:1px solid #8884;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#8881}.yes{color:#1a7f37}.no{color:#cf222e}.unknown{color:#9a6700}a{color:var(--vscode-textLink-foreground,#0969da)}
code{font-family:var(--vscode-editor-font-family,monospace)}.sev-error{color:#cf222e}.sev-warning{color:#9a6700}`;

export function renderHtml(r: ReadinessReport, o: HtmlOptions = {}): string {
  const href = o.href ?? ((l: ReportLocation) => `${encodeURI(l.file)}#L${l.line}`);
  const link = (l: ReportLocation, text = where(l)) =>
    `<a class="loc" href="${esc(href(l))}" data-path="${esc(l.path)}" data-line="${l.line}" data-column="${l.column}">${esc(text)}</a>`;
  const cell = (t: Tri) => `<span class="${t}">${WORD[t]}</span>`;
  const h: string[] = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">'];
  if (o.csp) h.push(`<meta http-equiv="Content-Security-Policy" content="${esc(o.csp)}">`);
  h.push('<title>IPv6 readiness report</title>', `<style>${STYLE}</style></head><body>`);
  h.push('<h1>IPv6 readiness report</h1>');
  h.push(
    `<p id="verdict"><strong>${esc(verdict(r))}</strong> ` +
      `${r.summary.files} files; ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.others} other.</p>`,
  );
  h.push('<table id="summary"><thead><tr><th>layer</th><th>listens on IPv6</th><th>admits IPv6 clients</th><th>names with AAAA</th><th>findings</th><th>ready</th></tr></thead><tbody>');
  for (const s of r.services) {
    const named = s.names.filter((n) => n.zone);
    h.push(
      `<tr data-service="${s.kind}"><td><a href="#${s.kind}">${esc(s.title)}</a></td><td>${listens(s, 'v6', cell)}</td><td>${cell(s.admitsV6)}</td>` +
        `<td>${named.filter((n) => n.aaaa.length).length}/${named.length}</td><td>${s.findings.length}</td><td>${s.ready ? cell('yes') : cell('no')}</td></tr>`,
    );
  }
  h.push('</tbody></table>');
  for (const s of r.services) h.push(serviceHtml(s, link, cell));
  if (r.problems.length) {
    h.push('<h2 id="not-found">Not found</h2><ul>');
    for (const p of r.problems) h.push(`<li>${link(p)}: ${esc(p.message)}</li>`);
    h.push('</ul>');
  }
  if (o.script) h.push(`<script nonce="${esc(o.script.nonce)}">${o.script.code}</script>`);
  h.push('</body></html>');
  return h.join('\n') + '\n';
}

function serviceHtml(s: ReportService, link: (l: ReportLocation, text?: string) => string, cell: (t: Tri) => string): string {
  const h: string[] = [`<section id="${s.kind}" data-service="${s.kind}"><h2>${esc(s.title)}</h2>`];
  h.push(`<p>Files: ${s.files.map((f) => `<code>${esc(f)}</code>`).join(', ')}</p>`);
  h.push('<table class="layer"><tbody>');
  h.push(`<tr><th>listens on IPv6</th><td class="listens-v6">${listens(s, 'v6', cell)} — ${esc(s.listenDetail)}</td><td>${s.listenAt ? link(s.listenAt) : ''}</td></tr>`);
  h.push(`<tr><th>listens on IPv4</th><td>${listens(s, 'v4', cell)}</td><td></td></tr>`);
  h.push(`<tr><th>admits IPv6 clients</th><td class="admits-v6">${cell(s.admitsV6)}${s.admitsAt ? ` — ${esc(s.admitsAt.message)}` : ''}</td><td>${s.admitsAt ? link(s.admitsAt) : ''}</td></tr>`);
  h.push('</tbody></table>');
  if (s.names.length) {
    h.push('<table class="names"><thead><tr><th>name</th><th>from</th><th>zone</th><th>A</th><th>AAAA</th></tr></thead><tbody>');
    for (const n of s.names) {
      const aaaa = n.aaaa.length ? esc(n.aaaa.join(', ')) : n.zone ? cell('no') : '—';
      h.push(`<tr><td>${esc(n.name)}</td><td>${link(n.at, n.source)}</td><td>${esc(n.zone ?? '(not in the workspace)')}</td><td>${esc(n.a.join(', ') || '—')}</td><td>${aaaa}</td></tr>`);
    }
    h.push('</tbody></table>');
  }
  if (s.findings.length) {
    h.push('<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr></thead><tbody>');
    for (const f of s.findings) {
      const rel = f.related.filter((x) => x.path !== f.at.path).map((x) => `<br>↳ ${link(x)}`).join('');
      h.push(`<tr><td class="sev-${f.severity}">${f.severity}</td><td><code>${esc(f.rule)}</code></td><td>${link(f.at)}${rel}</td><td>${esc(f.message)}</td></tr>`);
    }
    h.push('</tbody></table>');
  } else h.push('<p>No findings.</p>');
  h.push('</section>');
  return h.join('\n');
}
