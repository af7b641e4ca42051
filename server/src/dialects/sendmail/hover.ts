// Hover and completion for .mc files: macros, FEATURE/MAILER/OSTYPE names, conf* and other cf variables,
// and the keys and values inside DAEMON_OPTIONS / CLIENT_OPTIONS.
import type { CallNode, ItemNode } from '../../../../grammars/sendmail/cst';
import type { CompletionEntry, HoverDoc, Span } from '../../core/types';
import {
  CF_README,
  CONF,
  DAEMON_MODIFIERS,
  FAMILIES,
  FEATURES,
  MACROS,
  MAILERS,
  OPTION_KEYS,
  OSTYPES,
  VARIABLES,
  documentedKey,
  keyByFirstLetter,
  readmeLink,
  renderConf,
  renderFeature,
  renderMacro,
  renderMailer,
  renderOstype,
  renderVariable,
  type OptionKey,
} from './catalogue';
import type { PortOption, PortOptions, SendmailModel } from './model';

const covers = (s: Span, offset: number): boolean => s.start <= offset && offset < s.end;
const touches = (s: Span, offset: number): boolean => s.start <= offset && offset <= s.end;

/** Every call in the tree (top level and nested in arguments), for hovering names. */
function* allCalls(items: readonly ItemNode[] | readonly { kind: string }[]): Generator<CallNode> {
  for (const it of items as ItemNode[]) {
    if (it.kind === 'call') {
      yield it;
      for (const a of it.args) yield* allCalls(a.items);
    } else if (it.kind === 'group') yield* allCalls(it.items);
  }
}

function renderKey(o: PortOption, d: PortOptions): string | undefined {
  const read = o.key;
  const doc = read ? OPTION_KEYS.get(read) : undefined;
  const macro = d.kind === 'daemon' ? 'DAEMON_OPTIONS' : 'CLIENT_OPTIONS';
  if (!doc) return `**${o.name}** — not a ${macro} key: sendmail stops with \`PortOptions parameter "${o.name}" unknown\`.`;
  const parts = [`**${doc.key}** — ${macro} key${doc.for !== 'both' && doc.for !== d.kind ? ` (meant for ${doc.for} options)` : ''}`];
  const meant = documentedKey(o.name);
  if (meant !== read) parts.push(`⚠ sendmail reads \`${o.name}\` by its first letter as **${doc.key}**.`);
  parts.push(doc.description, `**Default:** ${doc.default}`);
  if (doc.ipv6) parts.push(`**IPv6:** ${doc.ipv6}`);
  parts.push(`Spellings: ${doc.spellings.map((s) => `\`${s}\``).join(', ')} — sendmail looks only at the first letter.`);
  parts.push(readmeLink('TWEAKING CONFIGURATION OPTIONS'));
  return parts.join('\n\n');
}

function renderValue(o: PortOption, d: PortOptions): string | undefined {
  switch (o.key) {
    case 'Family': {
      const f = FAMILIES.find((x) => x.name === o.value.toLowerCase());
      return f ? `**Family=${f.name}**\n\n${f.description}` : `**Family=${o.value}** — sendmail knows no such address family.`;
    }
    case 'Modifiers': {
      const lines = [...o.value].filter((c) => c.trim()).map((c) => `- \`${c}\`: ${DAEMON_MODIFIERS[c] ?? (d.kind === 'client' && c === 'h' ? 'HELO with the name of the outgoing interface' : 'unknown modifier')}`);
      return `**Modifiers=${o.value}**\n\n${lines.join('\n')}`;
    }
    case 'Port':
      return `**Port=${o.value}** — ${d.kind === 'daemon' ? 'listens on' : 'sends from'} port ${d.port}${/^\d+$/.test(d.port) ? '' : ' (a service name from /etc/services)'}.`;
    case 'Addr': {
      const kind = d.addrKind;
      const what = kind === 'any' ? 'every address of the family' : kind === 'ipv4' ? 'an IPv4 address' : kind === 'ipv6' ? 'an IPv6 address' : kind === 'name' ? 'a host name (only its first address is used)' : kind === 'path' ? 'a socket path' : 'not an address sendmail can read';
      return `**Addr=${o.value}** — ${what}; this ${d.kind === 'daemon' ? 'daemon' : 'entry'} is Family=${d.family}.`;
    }
    default:
      return undefined;
  }
}

function nameHover(model: SendmailModel, offset: number): HoverDoc | undefined {
  for (const list of [model.features, model.mailers, model.ostypes]) {
    for (const u of list) {
      if (!touches(u.span, offset) || !covers({ start: u.call.open, end: u.call.end }, offset)) continue;
      const md = u.macro === 'FEATURE' ? renderFeature(u.name) : u.macro === 'MAILER' ? renderMailer(u.name) : renderOstype(u.name);
      if (md) return { markdown: md, span: u.span };
    }
  }
  for (const d of model.defines) {
    if (!touches(d.nameSpan, offset)) continue;
    const md = renderConf(d.name) ?? renderVariable(d.name);
    if (md) return { markdown: md, span: d.nameSpan };
  }
  return undefined;
}

export function sendmailHover(model: SendmailModel, text: string, offset: number): HoverDoc | undefined {
  for (const d of [...model.daemons, ...model.clients]) {
    if (!(d.inner.start <= offset && offset <= d.inner.end)) continue;
    for (const o of d.options) {
      if (touches(o.nameSpan, offset)) {
        const md = renderKey(o, d);
        if (md) return { markdown: md, span: o.nameSpan };
      }
      if (o.hasEquals && touches(o.valueSpan, offset) && o.valueSpan.end > o.valueSpan.start) {
        const md = renderValue(o, d);
        if (md) return { markdown: md, span: o.valueSpan };
      }
    }
  }
  const named = nameHover(model, offset);
  if (named) return named;
  for (const c of allCalls(model.cst.items)) {
    if (!covers(c.nameSpan, offset)) continue;
    const md = renderMacro(c.name);
    if (md) return { markdown: md, span: c.nameSpan };
    const def = model.defines.find((d) => d.name === c.name && d.macro === 'define');
    if (def) return { markdown: `**${c.name}** — a macro this file defines (line ${text.slice(0, def.call.start).split('\n').length}).`, span: c.nameSpan };
    return undefined;
  }
  for (const it of model.cst.items) {
    if (it.kind === 'word' && covers(it, offset)) {
      const md = renderMacro(it.image) ?? renderVariable(it.image) ?? renderConf(it.image);
      return md ? { markdown: md, span: { start: it.start, end: it.end } } : undefined;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ completion

const TOP_MACROS = ['define', 'undefine', 'ifdef', 'include', 'divert', 'dnl'];

function macroCompletions(): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const d of MACROS.values()) {
    if (d.kind === 'm4' && !TOP_MACROS.includes(d.name)) continue;
    if (d.name.startsWith('_') || d.name === 'lower' || d.name === 'strcasecmp' || d.name === 'PUSHDIVERT' || d.name === 'POPDIVERT') continue;
    out.push({ label: d.name, kind: d.snippet ? 'snippet' : 'keyword', detail: d.syntax, documentation: renderMacro(d.name), snippet: d.snippet });
  }
  return out;
}

function keyCompletions(kind: 'daemon' | 'client'): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const d of OPTION_KEYS.values()) {
    if (d.for !== 'both' && d.for !== kind) continue;
    if (d.key === 'SuperSafe') continue;
    const label = d.spellings[0];
    out.push({ label: `${label}=`, kind: 'property', detail: `${d.key} (default ${d.default})`, documentation: `${d.description}${d.ipv6 ? `\n\n**IPv6:** ${d.ipv6}` : ''}`, snippet: `${label}=$0` });
  }
  return out;
}

function valueCompletions(key: OptionKey | undefined, kind: 'daemon' | 'client'): CompletionEntry[] {
  switch (key) {
    case 'Family':
      return FAMILIES.slice(0, 3).map((f) => ({ label: f.name, kind: 'value', detail: 'address family', documentation: f.description }));
    case 'Port':
      return ['smtp', 'submission', 'submissions'].map((p) => ({ label: p, kind: 'value', detail: p === 'smtp' ? '25' : p === 'submission' ? '587' : '465' }));
    case 'Addr':
      return kind === 'daemon'
        ? [{ label: '::1', kind: 'value', detail: 'IPv6 loopback (needs Family=inet6)' }, { label: '127.0.0.1', kind: 'value', detail: 'IPv4 loopback' }]
        : [];
    case 'Modifiers':
      return Object.entries(DAEMON_MODIFIERS).map(([c, m]) => ({ label: c, kind: 'value', detail: m }));
    default:
      return [];
  }
}

function enclosingCall(model: SendmailModel, text: string, offset: number): CallNode | undefined {
  for (const c of model.calls) {
    const end = c.close >= 0 ? c.close : text.indexOf('\n', c.open) < 0 ? text.length : text.indexOf('\n', c.open);
    if (c.open < offset && offset <= end) return c;
  }
  return undefined;
}

export function sendmailCompletions(model: SendmailModel, text: string, offset: number): CompletionEntry[] {
  const call = enclosingCall(model, text, offset);
  if (call) {
    if (call.name === 'DAEMON_OPTIONS' || call.name === 'CLIENT_OPTIONS') {
      const kind = call.name === 'DAEMON_OPTIONS' ? 'daemon' : 'client';
      const before = text.slice(call.open + 1, offset);
      const entry = before.slice(before.lastIndexOf(',') + 1).replace(/^[\s`']+/, '');
      const eq = entry.indexOf('=');
      if (eq < 0) return keyCompletions(kind);
      return valueCompletions(keyByFirstLetter(entry.slice(0, eq).trim()), kind);
    }
    // Only the first argument names something.
    const firstArgEnd = call.args.length > 1 ? call.args[1].start : Number.MAX_SAFE_INTEGER;
    if (offset >= firstArgEnd) return [];
    switch (call.name) {
      case 'FEATURE':
        return [...FEATURES.values()].map((f) => ({ label: f.name, kind: 'value', detail: f.origin ? `feature (${f.origin})` : 'feature', documentation: renderFeature(f.name) }));
      case 'MAILER':
        return [...MAILERS.values()].map((m) => ({ label: m.name, kind: 'value', detail: `mailers: ${m.agents.join(', ')}`, documentation: renderMailer(m.name) }));
      case 'OSTYPE':
        return [...OSTYPES.values()].map((o) => ({ label: o.name, kind: 'value', detail: o.platform ? `OS type (${o.platform === 'linux' ? 'Linux sockets' : 'BSD sockets'})` : 'OS type', documentation: renderOstype(o.name) }));
      case 'define':
      case 'undefine':
      case 'ifdef':
        return [
          // Deprecated and obsolete conf* names are still offered, as before, but tagged: struck through and listed last.
          ...[...CONF.values()].map((c) => ({ label: c.name, kind: 'property' as const, detail: c.option || 'cf variable', documentation: renderConf(c.name), ...(c.status ? { deprecated: true } : {}) })),
          ...[...VARIABLES.values()].map((v) => ({ label: v.name, kind: 'property' as const, detail: 'cf variable', documentation: renderVariable(v.name) })),
        ];
      default:
        return [];
    }
  }
  return macroCompletions();
}

export const HOVER_LINK = CF_README;
