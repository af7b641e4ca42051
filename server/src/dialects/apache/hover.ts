// Hover and completion for httpd.conf: directive docs (catalogue facts + our notes), ${VAR} values, and
// directive names valid in the context at the cursor.
import type { CompletionEntry, HoverDoc } from '../../core/types';
import { allDirectives, contextList, lookupDirective, manualLink, type DirectiveFact } from './catalogue';
import { noteFor } from './docs';
import { bodyContext, type ApacheContext, type ApacheModel, type Directive } from './model';

const NEED: Partial<Record<ApacheContext, string>> = { server: 's', vhost: 'v', directory: 'd' };

function moduleLabel(f: DirectiveFact): string {
  if (f.module === 'mpm_common' && f.mpms?.length) return `${f.module} (${f.mpms.join(', ')})`;
  return f.module;
}

/** Markdown for a directive; `here` adds a warning when it is not valid in that context. */
export function renderDirective(f: DirectiveFact, here?: ApacheContext): string {
  const parts: string[] = [`**${f.name}** — ${moduleLabel(f)}`];
  const need = here ? NEED[here] : undefined;
  if (f.trunk) parts.push('⚠ Only in httpd\'s development branch (trunk): httpd 2.4 reports it as an invalid command.');
  if (need && f.contexts && !f.contexts.includes(need)) parts.push(`⚠ Not valid here (${here === 'vhost' ? 'virtual host' : here === 'server' ? 'server config' : 'directory'}); httpd accepts it in: ${contextList(f.contexts)}.`);
  if (f.syntax) parts.push('```apacheconf\n' + f.syntax + '\n```');
  const note = noteFor(f.name.toLowerCase());
  parts.push(note?.description ?? `A directive of ${f.module}${f.undocumented ? ' that the 2.4 manual no longer describes (kept for old configurations)' : ''}; see the manual for its meaning.`);
  if (f.default) parts.push(`**Default:** \`${f.default}\``);
  if (f.contexts) parts.push(`**Context:** ${contextList(f.contexts)}${f.override ? ` · **.htaccess needs** AllowOverride ${f.override}` : ''}`);
  if (note?.ipv6) parts.push(`**IPv6:** ${note.ipv6}`);
  if (f.since) parts.push(`**Since:** httpd ${f.since}`);
  if (!f.undocumented) parts.push(`[httpd ${f.trunk ? 'trunk' : '2.4'} manual: ${f.name}](${manualLink(f)})`);
  return parts.join('\n\n');
}

const covers = (s: { start: number; end: number }, offset: number) => s.start <= offset && offset < s.end;

/** The value a `${NAME}` gets from a Define earlier in the file. */
function defineValue(model: ApacheModel, name: string, before: number): string | undefined {
  let value: string | undefined;
  for (const d of model.all) {
    if (d.section || d.span.start >= before) continue;
    if (d.lname === 'define' && d.args[0]?.value === name) value = d.args[1]?.value ?? '(defined, no value)';
    if (d.lname === 'undefine' && d.args[0]?.value === name) value = undefined;
  }
  return value;
}

export function apacheHover(model: ApacheModel, _text: string, offset: number): HoverDoc | undefined {
  for (const d of model.all) {
    if (offset < d.span.start || offset > d.span.end) continue;
    if (covers(d.nameSpan, offset) || (d.close && covers(d.close, offset))) {
      if (!d.fact) return undefined;
      return { markdown: renderDirective(d.fact, d.context), span: covers(d.nameSpan, offset) ? d.nameSpan : d.close! };
    }
    for (const a of d.args) {
      if (!covers(a, offset)) continue;
      for (const m of a.image.matchAll(/\$\{([^}]+)\}/g)) {
        const s = a.start + m.index!;
        const span = { start: s, end: s + m[0].length };
        if (!covers(span, offset)) continue;
        const v = defineValue(model, m[1], d.span.start);
        return {
          markdown: v !== undefined
            ? `**\${${m[1]}}** = \`${v}\` (Define earlier in this file)`
            : `**\${${m[1]}}**: not defined in this file; httpd takes it from \`Define\` elsewhere, \`-D\`, or its environment (Debian: /etc/apache2/envvars), and warns "AH00111: Config variable \${${m[1]}} is not defined" otherwise.`,
          span,
        };
      }
    }
  }
  return undefined;
}

/** The innermost section whose body holds the offset. */
function enclosing(model: ApacheModel, offset: number): Directive | undefined {
  let best: Directive | undefined;
  for (const d of model.all) {
    if (!d.section) continue;
    const bodyStart = d.lineEnd;
    const bodyEnd = d.close ? d.close.start : Number.MAX_SAFE_INTEGER;
    if (bodyStart < offset && offset <= bodyEnd && (!best || d.span.start >= best.span.start)) best = d;
  }
  return best;
}

export function apacheCompletions(model: ApacheModel, text: string, offset: number): CompletionEntry[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  // Past the directive name: only On/Off for flags.
  const m = /^\s*(<?\/?)([^\s<>]*)(\s+)?/.exec(before)!;
  if (m[3] !== undefined) {
    const f = lookupDirective(m[2].toLowerCase());
    if (f?.args === 'FLAG') return ['On', 'Off'].map((label) => ({ label, kind: 'value', detail: `${f.name} value` }));
    return [];
  }
  if (before.trimStart().startsWith('#')) return [];
  const section = enclosing(model, offset);
  const ctx: ApacheContext = section ? bodyContext(section.lname, section.context, section.fact) : model.topContext;
  const need = NEED[ctx];
  const out: CompletionEntry[] = [];
  for (const f of allDirectives()) {
    if (f.trunk || f.undocumented) continue;
    if (need && f.contexts && !f.contexts.includes(need)) continue;
    const isSection = f.name.startsWith('<');
    const label = isSection ? f.name.slice(1, -1) : f.name;
    const entry: CompletionEntry = {
      label: isSection ? `<${label}>` : label,
      kind: isSection ? 'snippet' : 'property',
      detail: `${f.module}${f.syntax ? ` — ${f.syntax}` : ''}`,
      documentation: renderDirective(f),
    };
    if (isSection) entry.snippet = `${m[1] === '<' ? '' : '<'}${label} \${1}>\n\t\$0\n</${label}>`;
    out.push(entry);
  }
  return out;
}
