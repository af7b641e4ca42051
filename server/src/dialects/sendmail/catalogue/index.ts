// The sendmail cf catalogue: names for the unknown-name rules and did-you-mean, documents for hover.
import { CONF } from './conf';
import { FEATURES } from './features';
import { MACROS, VARIABLES } from './macros';
import { MAILERS, OSTYPES } from './mailers';

export { CONF, CONF_NAMES, type ConfDoc } from './conf';
export { FEATURES, FEATURE_NAMES, type FeatureDoc } from './features';
export { MACROS, VARIABLES, MAILER_VARIABLE_PREFIXES, type MacroDoc, type VariableDoc } from './macros';
export { MAILERS, AGENT_FILE, OSTYPES, type MailerDoc, type OstypeDoc, type Platform } from './mailers';
export * from './options';

/** The cf/README as sendmail.org publishes it (m4 configuration pages). */
export const CF_README = 'https://www.sendmail.org/~ca/email/doc8.12/cf/m4/';

export const MACRO_NAMES: readonly string[] = [...MACROS.keys()];
export const MAILER_NAMES: readonly string[] = [...MAILERS.keys()];
export const OSTYPE_NAMES: readonly string[] = [...OSTYPES.keys()];

export function isKnownFeature(name: string): boolean {
  return FEATURES.has(name);
}

export function isKnownMailer(name: string): boolean {
  return MAILERS.has(name);
}

export function isKnownOstype(name: string): boolean {
  return OSTYPES.has(name);
}

export function isKnownConf(name: string): boolean {
  return CONF.has(name);
}

/** A link to the cf/README with the section named in the link text. */
export function readmeLink(section: string): string {
  return `[cf/README: ${section}](${CF_README})`;
}

/** Markdown for a conf* variable. */
export function renderConf(name: string): string | undefined {
  const d = CONF.get(name);
  if (!d) return undefined;
  const sets = d.option ? ` — sets \`${d.option}\`` : '';
  const parts = [`**${d.name}**${sets}`];
  if (d.status === 'obsolete') parts.push('⚠ Obsolete: cf.m4 no longer uses it as written.');
  if (d.status === 'deprecated') parts.push('⚠ Deprecated (kept for compatibility).');
  parts.push(d.description);
  if (d.default) parts.push(`**Default:** \`${d.default}\``);
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  parts.push(readmeLink('TWEAKING CONFIGURATION OPTIONS'));
  return parts.join('\n\n');
}

export function renderFeature(name: string): string | undefined {
  const d = FEATURES.get(name);
  if (!d) return undefined;
  const parts = [`**FEATURE(\`${d.name}')**${d.origin ? ` — ${d.origin}` : ''}`];
  if (d.replacedBy) parts.push(`⚠ Replaced by \`${d.replacedBy}\`.`);
  parts.push(d.description);
  if (d.args) parts.push(`**Arguments:** ${d.args}`);
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  parts.push(readmeLink('FEATURES'));
  return parts.join('\n\n');
}

export function renderMailer(name: string): string | undefined {
  const d = MAILERS.get(name);
  if (!d) return undefined;
  const parts = [`**MAILER(\`${d.name}')**${d.origin ? ` — ${d.origin}` : ''}`, d.description, `**Defines the mailers:** ${d.agents.map((a) => `\`${a}\``).join(', ')}`];
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  parts.push(readmeLink('MAILERS'));
  return parts.join('\n\n');
}

const PLATFORM_TEXT = {
  linux: 'Linux: an IPv6 wildcard socket also accepts IPv4 (as ::ffff:a.b.c.d), so one `Family=inet6` daemon serves both families, and an inet daemon beside it on the same port fails to listen.',
  freebsd: 'BSD: IPv6 sockets are IPv6-only by default (net.inet6.ip6.v6only=1), so IPv4 and IPv6 each need their own daemon.',
};

export function renderOstype(name: string): string | undefined {
  const d = OSTYPES.get(name);
  if (!d) return undefined;
  const parts = [`**OSTYPE(\`${d.name}')**${d.origin ? ` — ${d.origin}` : ''}`, d.description];
  if (d.platform) parts.push(`**IPv6:** ${PLATFORM_TEXT[d.platform]}`);
  else parts.push('**IPv6:** v6ready does not know how IPv6 sockets behave on this system; the `v6ready.platform` setting decides the DAEMON_OPTIONS fixes.');
  parts.push(readmeLink('OSTYPE'));
  return parts.join('\n\n');
}

export function renderMacro(name: string): string | undefined {
  const d = MACROS.get(name);
  if (!d) return undefined;
  const parts = [`**${d.name}** — ${d.kind === 'cf' ? 'sendmail cf macro' : 'm4 builtin'}`, '```sendmail-mc\n' + d.syntax + '\n```', d.description];
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  parts.push(d.kind === 'm4' ? `[GNU m4 manual](https://www.gnu.org/software/m4/manual/m4.html) · ${readmeLink(d.section)}` : readmeLink(d.section));
  return parts.join('\n\n');
}

export function renderVariable(name: string): string | undefined {
  const d = VARIABLES.get(name);
  if (!d) return undefined;
  const parts = [`**${d.name}** — cf variable`, d.description, `**Default:** \`${d.default}\``];
  if (d.ipv6) parts.push(`**IPv6:** ${d.ipv6}`);
  parts.push(readmeLink('OSTYPE / DOMAINS'));
  return parts.join('\n\n');
}
