// What the daemons of a .mc file listen on, per port and family, and the fixes that add IPv6: the platform
// decides (research/real-daemons.md, addendum). On Linux an IPv6 wildcard socket also takes IPv4, so an inet6
// twin beside a wildcard inet daemon makes both fail ("Address already in use"): there the wildcard daemon
// itself becomes Family=inet6. On FreeBSD (v6only) the inet6 twin is what works.
import type { LineIndex } from '../../core/text';
import type { Edit, Fix, Span } from '../../core/types';
import { OSTYPES, type Platform } from './catalogue';
import { endsWithDnl, insertLineAfter, insertLineBefore } from './edits';
import type { PortOptions, SendmailModel } from './model';

export interface PlatformChoice {
  platform: Platform;
  /** For messages: "OSTYPE(`linux')", "the v6ready.platform setting", "the default (Linux)". */
  source: string;
  /**
   * OSTYPE names a system of sendmail's cf/ostype that is neither Linux nor a BSD (solaris11, aix5, darwin, hpux11…):
   * `platform` is then only the setting's fallback for fixes, and a finding that holds on Linux alone is not made.
   */
  otherSystem?: string;
  /** OSTYPE names no system cf/ostype has (or the `unknown` placeholder): `platform` is the setting's guess. */
  guessedFor?: string;
}

/**
 * The platform: from OSTYPE() when it names a system v6ready knows, else from the `targets.sendmail` setting
 * (ctx.target: 'linux' by default, or 'freebsd'), noting when OSTYPE names another known system or none at all.
 */
export function platformOf(model: SendmailModel, target: string | undefined): PlatformChoice {
  if (model.platform) return { platform: model.platform.platform, source: `OSTYPE(\`${model.platform.ostype.name}')` };
  const named = model.ostypes.find((o) => o.plain && o.name);
  // Linux ostypes (linux, mklinux, debian) all carry a platform, so a known name here is another system.
  const other = named && named.name !== 'unknown' && OSTYPES.has(named.name) ? named.name : undefined;
  const guessed = named && !other ? named.name : undefined;
  const extra = { ...(other ? { otherSystem: other } : {}), ...(guessed ? { guessedFor: guessed } : {}) };
  if (target === 'freebsd') return { platform: 'freebsd', source: 'the setting v6ready.targets.sendmail', ...extra };
  return { platform: 'linux', source: 'the setting v6ready.targets.sendmail (default linux)', ...extra };
}

export function platformLabel(p: Platform): string {
  return p === 'linux' ? 'Linux' : 'FreeBSD';
}

export const SUBMISSION_PORT = '587';

/** Daemons that listen on IP (inet/inet6), as the author means them: `#` lines are left out. */
export function ipDaemons(model: SendmailModel): PortOptions[] {
  return model.daemons.filter((d) => !d.onHashLine && (d.family === 'inet' || d.family === 'inet6') && d.addrKind !== 'path');
}

/** Daemons whose Addr agrees with their Family (the others are family-mismatch findings). */
export function consistent(d: PortOptions): boolean {
  if (d.addrKind === 'bad') return false;
  if (d.family === 'inet') return d.addrKind !== 'ipv6';
  if (d.family === 'inet6') return d.addrKind !== 'ipv4';
  return true;
}

/** A daemon meant for IPv6: Family=inet6, or an IPv6 Addr under the wrong Family (family-mismatch reports it). */
export function meantForIpv6(d: PortOptions): boolean {
  return d.family === 'inet6' || d.addrKind === 'ipv6' || (d.addr ?? '').includes(':');
}

/** An entry such as `Family inet6` (no `=`), which sendmail skips: the intent is unclear (unknown-option-key reports it). */
export function hasSkippedFamily(d: PortOptions): boolean {
  return d.options.some((o) => !o.hasEquals && /^f/i.test(o.name));
}

export function byPort(daemons: PortOptions[]): Map<string, PortOptions[]> {
  const out = new Map<string, PortOptions[]>();
  for (const d of daemons) {
    const list = out.get(d.port) ?? [];
    list.push(d);
    out.set(d.port, list);
  }
  return out;
}

/** How a daemon is called in messages. */
export function daemonLabel(d: PortOptions): string {
  return d.name ? `'${d.name}'` : `the ${d.kind} on line`;
}

export function isLoopback4(addr: string | undefined): boolean {
  return !!addr && /^127\.\d+\.\d+\.\d+$/.test(addr);
}

/** A unique name for the IPv6 twin of a daemon: MTA-v4 -> MTA-v6, MTA -> MTA-v6. */
export function twinName(base: string | undefined, port: string, taken: Set<string>): string {
  const b = base ?? (port === SUBMISSION_PORT ? 'MSA' : 'MTA');
  let name = /v4$/i.test(b) ? `${b.slice(0, -1)}6` : `${b}-v6`;
  const stem = name;
  for (let k = 2; taken.has(name); k++) name = `${stem}-${k}`;
  return name;
}

function optionText(o: { name: string; value: string }): string {
  return `${o.name}=${o.value}`;
}

/**
 * The options of an IPv6 twin of an IPv4 daemon (or client entry): every key as written, Family=inet6, Addr
 * mapped (127.0.0.1 -> ::1, wildcard -> none), a unique Name. Undefined when the address has no IPv6 twin
 * v6ready can know (a specific non-loopback address or a host name).
 */
export function twinOptions(d: PortOptions, taken: Set<string>, dropAddr = false): string | undefined {
  let addr: string | undefined;
  if (d.addrKind === 'any') addr = undefined;
  else if (d.addrKind === 'ipv4' && isLoopback4(d.addr)) addr = '::1';
  else if (dropAddr) addr = undefined;
  else return undefined;
  const parts: string[] = [];
  let sawFamily = false;
  let sawName = false;
  for (const o of d.options) {
    if (!o.hasEquals) continue;
    if (o.key === 'Family') {
      if (sawFamily) continue;
      sawFamily = true;
      parts.push(`${o.name}=inet6`);
    } else if (o.key === 'Addr') {
      if (addr !== undefined && !parts.some((p) => p.startsWith(`${o.name}=`))) parts.push(`${o.name}=${addr}`);
    } else if (o.key === 'Name') {
      if (sawName) continue;
      sawName = true;
      parts.push(`${o.name}=${twinName(d.name, d.port, taken)}`);
    } else parts.push(optionText(o));
  }
  if (!sawName && d.kind === 'daemon') parts.push(`Name=${twinName(undefined, d.port, taken)}`);
  if (!sawFamily) parts.push('Family=inet6');
  return parts.join(', ');
}

/** All names in use by daemons (twins must not clash with them). */
export function daemonNames(model: SendmailModel): Set<string> {
  return new Set(model.daemons.map((d) => d.name).filter((n): n is string => !!n));
}

/** A fix that inserts the IPv6 twin on the line after the daemon (or client entry). */
export function twinFix(text: string, lines: LineIndex, d: PortOptions, options: string, title: string): Fix {
  const macro = d.kind === 'daemon' ? 'DAEMON_OPTIONS' : 'CLIENT_OPTIONS';
  const line = `${macro}(\`${options}')${endsWithDnl(text, lines, d.call) ? 'dnl' : ''}`;
  return { title, safe: false, edits: [insertLineAfter(text, lines, d.call, line)] };
}

/**
 * Edits that make an options entry say Family=inet6 (replacing Family=inet, or adding it at the end). m4 cuts an
 * unquoted argument at its first comma and DAEMON_OPTIONS keeps only that part, so when the entry ends up with
 * a comma outside quotes — the one added here, or one already there — the edits quote the whole argument too
 * (as sendmail/unquoted-options does). Undefined when that cannot be done by two insertions: quote characters,
 * parentheses, a line break or a dnl inside, or a comma after the last entry.
 */
export function setFamilyEdits(text: string, d: PortOptions, family: 'inet' | 'inet6'): Edit[] | undefined {
  const last = d.options[d.options.length - 1];
  const append = !d.familyOpt;
  const quote = !d.quoted && ((append && !!last) || d.split);
  const raw = text.slice(d.inner.start, d.inner.end);
  const open = d.inner.start + (raw.length - raw.trimStart().length);
  const close = d.inner.start + raw.trimEnd().length;
  if (quote && (/[`'()\n]|(?<![A-Za-z0-9_])dnl(?![A-Za-z0-9_])/.test(raw) || (append && last.span.end !== close))) return undefined;
  const edits: Edit[] = [];
  if (quote) edits.push({ start: open, end: open, newText: '`' });
  if (d.familyOpt) edits.push({ start: d.familyOpt.valueSpan.start, end: d.familyOpt.valueSpan.end, newText: family });
  else {
    const at = last ? last.span.end : d.inner.start;
    edits.push({ start: at, end: at, newText: `${last ? ', ' : ''}Family=${family}${quote ? "'" : ''}` });
  }
  if (quote && !append) edits.push({ start: close, end: close, newText: "'" });
  return edits;
}

/**
 * Linux: turn a wildcard inet daemon into Family=inet6 (which also takes IPv4 there). Addr=0.0.0.0 becomes ::
 * and a Name ending in v4 its v6 form. Undefined when the argument cannot be quoted (setFamilyEdits).
 */
export function toInet6Fix(text: string, d: PortOptions, taken: Set<string>): Fix | undefined {
  const family = setFamilyEdits(text, d, 'inet6');
  if (!family) return undefined;
  const edits: Edit[] = [...family];
  if (d.addrOpt && d.addrKind === 'any' && /^0\.0\.0\.0$/.test(d.addrOpt.value)) edits.push({ start: d.addrOpt.valueSpan.start, end: d.addrOpt.valueSpan.end, newText: '::' });
  if (d.nameOpt && /(?:ipv4|v4)$/i.test(d.nameOpt.value)) {
    const others = new Set([...taken].filter((n) => n !== d.name));
    edits.push({ start: d.nameOpt.valueSpan.start, end: d.nameOpt.valueSpan.end, newText: twinName(d.nameOpt.value, d.port, others) });
  }
  edits.sort((a, b) => a.start - b.start);
  return { title: 'Listen with Family=inet6 (on Linux this socket takes IPv4 too, as mapped addresses)', safe: false, edits };
}

/** The fix for an IPv4-only daemon (or client entry) whose port has no IPv6 listener, per platform. */
export function ipv6FixFor(text: string, lines: LineIndex, d: PortOptions, sameFamilyOnPort: PortOptions[], platform: Platform, taken: Set<string>): Fix | undefined {
  if (platform === 'linux' && d.addrKind === 'any') {
    // Another inet daemon on the port would then collide with the IPv6 wildcard socket.
    if (sameFamilyOnPort.length > 1) return undefined;
    return toInet6Fix(text, d, taken);
  }
  const opts = twinOptions(d, taken);
  if (!opts) return undefined;
  const where = d.addrKind === 'any' ? 'on every IPv6 address' : 'on ::1';
  return twinFix(text, lines, d, opts, `Add an IPv6 twin ${where} (Family=inet6)`);
}

/** Where a FEATURE line belongs: before the first DAEMON_OPTIONS, or before the first MAILER if that is earlier. */
export function featureAnchor(model: SendmailModel): Span | undefined {
  const firstDaemon = model.daemons.find((d) => !d.onHashLine)?.call;
  const firstMailer = model.mailers[0]?.call;
  if (firstDaemon && firstMailer) return firstMailer.start < firstDaemon.start ? firstMailer : firstDaemon;
  return firstDaemon ?? firstMailer;
}

export function insertFeatureEdit(lines: LineIndex, model: SendmailModel, feature: string): Edit | undefined {
  const anchor = featureAnchor(model);
  return anchor ? insertLineBefore(lines, anchor, `FEATURE(\`${feature}')dnl`) : undefined;
}

/** The span a daemon finding points at: its Family entry, else the macro name. */
export function daemonSpan(d: PortOptions): Span {
  return d.familyOpt ? d.familyOpt.span : d.call.nameSpan;
}
