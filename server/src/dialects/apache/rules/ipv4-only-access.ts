// apache/ipv4-only-access: `Require ip` / `Allow from` that admit loopback or a network over IPv4 only.
import type { ArgNode } from '../../../../../grammars/apache/cst';
import { parseAddress } from '../../../addresses';
import { defineRule } from '../../../core/rule';
import type { Fix } from '../../../core/types';
import { commentStart, findDirectives, unchecked, type ApacheModel, type Directive } from '../model';

interface AccessList {
  d: Directive;
  /** The address arguments. */
  addrs: ArgNode[];
  /** A `# ...` follows the addresses on the line (httpd reads it as more addresses and refuses the line). */
  comment: boolean;
}

/** The address arguments of `Require ip ...` and `Allow from ...` (not `Require not ip`, not host names). */
function accessList(d: Directive): AccessList | undefined {
  if (d.section) return undefined;
  const keyword = d.lname === 'require' ? 'ip' : d.lname === 'allow' ? 'from' : undefined;
  const first = d.args[0]?.value;
  if (keyword === undefined || first?.toLowerCase() !== keyword) return undefined;
  // The addresses end where a `#` word starts what the author meant as a comment (apache/argument-count): the
  // words after it are not addresses, and ::1 must go before it.
  const hash = commentStart(d.args);
  const end = hash < 0 ? d.args.length : hash;
  return { d, addrs: d.args.slice(1, end), comment: hash >= 0 };
}

function family(a: ArgNode): 4 | 6 | undefined {
  const r = parseAddress(a.value);
  if (r?.ok) return r.value.family;
  // mod_authz_host takes partial IPv4 addresses: `Require ip 10.1` means 10.1.0.0/16.
  if (/^\d{1,3}(\.\d{1,3}){0,3}\.?$/.test(a.value)) return 4;
  // And an IPv4 network with a dotted netmask, `10.0.0.0/255.0.0.0` (both modules call apr_ipsubnet_create).
  if (/^\d{1,3}(\.\d{1,3}){3}\/\d{1,3}(\.\d{1,3}){3}$/.test(a.value)) return 4;
  return undefined;
}

/** An IPv6 address or `all`: the group lets IPv6 clients in. */
function admitsIpv6(a: ArgNode): boolean {
  return family(a) === 6 || (a.value.length === 3 && a.value.toLowerCase() === 'all');
}

const CONDITIONAL = new Set(['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection']);

/**
 * Whether a `Require` (or a <RequireAny>/<RequireAll> of them) admits a client on ::1: true, false, or undefined
 * when it depends on more than the address (a user, a host name, an expression) or on a negation.
 */
function requireAdmitsV6(d: Directive): boolean | undefined {
  if (unchecked(d)) return false;
  if (d.section) {
    if (CONDITIONAL.has(d.lname)) return anyOf(d.children);
    if (d.lname === 'requireany') return anyOf(d.children);
    if (d.lname === 'requireall') {
      const r = d.children.map(requireAdmitsV6);
      return r.includes(false) ? false : r.every((x) => x === true) && r.length > 0 ? true : undefined;
    }
    // <RequireNone> (negation) may or may not; any other section (<Files>, <If> ...) is a group of its own.
    return d.lname === 'requirenone' ? undefined : false;
  }
  if (d.lname !== 'require') return false;
  const w = d.args.map((a) => a.value.toLowerCase());
  if (w[0] === 'local') return true;
  if (w[0] === 'all' && w.length === 2) return w[1] === 'granted';
  if (w[0] === 'ip') return d.args.slice(1).some(admitsIpv6);
  return undefined;
}

/** For an implicit or explicit RequireAny: true if some member admits ::1; undefined if unsure; false if none does. */
function anyOf(ds: readonly Directive[]): boolean | undefined {
  let unsure = false;
  for (const d of ds) {
    const r = requireAdmitsV6(d);
    if (r === true) return true;
    // A sibling <RequireAll>/<RequireNone> that may admit ::1: stay silent rather than guess.
    if (r === undefined && d.section) unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * True when the `Require` group the lists sit in lets ::1 in through another member, or may: httpd joins the
 * `Require` lines of a section (and of the <IfModule>-like blocks inside it) as an implicit <RequireAny>, and the
 * members of an explicit <RequireAny>. In <RequireAll> every member must admit the client, so a sibling
 * `Require local` does not help (the lists are judged as before); in <RequireNone> the lists refuse rather than
 * admit, so there is nothing to report.
 */
function siblingRequireAdmits(parent: Directive | undefined, top: readonly Directive[]): boolean {
  let group = parent;
  while (group && CONDITIONAL.has(group.lname)) group = group.parent;
  if (group && (group.lname === 'requireall' || group.lname === 'limit' || group.lname === 'limitexcept')) return false;
  if (group && group.lname === 'requirenone') return true;
  const members = group ? group.children : top;
  return anyOf(members) !== false;
}

function isV4Loopback(a: ArgNode): boolean {
  return /^127(\.|$)/.test(a.value);
}

export default defineRule<ApacheModel>({
  id: 'apache/ipv4-only-access',
  // Lists are judged with their siblings (same parent): all inside one virtual host, or all global.
  scope: 'statement',
  severity: 'warning',
  docs: {
    summary: '`Require ip` or `Allow from` that admit loopback or a network over IPv4 only.',
    why:
      'mod_authz_host matches the client address as it arrived. `Require ip 127.0.0.1` refuses a client on `::1` (403), ' +
      'so a status page or an admin area that works from the machine over IPv4 fails over IPv6, and `curl localhost` ' +
      'flips between the two with the resolver. The same holds for networks: an IPv4 prefix does not admit the same ' +
      'hosts arriving over IPv6.',
    bad: '<Location "/server-status">\n    Require ip 127.0.0.1\n</Location>',
    good: '<Location "/server-status">\n    Require ip 127.0.0.1 ::1\n</Location>',
    fix:
      'Safe for loopback: adds `::1` to the same line (or use `Require local`). Networks get no fix: add your IPv6 prefix. ' +
      'On a line with a `# comment` after the addresses, `::1` goes before the comment and the fix is a quick fix only, ' +
      'not safe: httpd reads the `#` as one more address and refuses the line ("ip address \'#\' appears to be invalid", ' +
      '"No comments are allowed here") whether or not `::1` is added, so fix-all would leave a line that still fails. Move the ' +
      'comment to its own line first (the quick fix of apache/argument-count, which reports that line as refused); then the ' +
      'fix is safe again.',
    references: ['https://httpd.apache.org/docs/2.4/mod/mod_authz_host.html#requiredirectives', 'https://httpd.apache.org/docs/2.4/mod/mod_access_compat.html#allow'],
  },
  check(ctx) {
    // Lists are judged with their siblings: `Require ip 127.0.0.1` beside `Require ip ::1` is fine.
    const groups = new Map<Directive | undefined, AccessList[]>();
    for (const d of findDirectives(ctx.model, 'require', 'allow')) {
      if (unchecked(d)) continue;
      const l = accessList(d);
      if (!l || l.addrs.length === 0) continue;
      const g = groups.get(d.parent) ?? [];
      g.push(l);
      groups.set(d.parent, g);
    }
    for (const [parent, lists] of groups) {
      if (lists.some((l) => l.addrs.some(admitsIpv6))) continue;
      // A `Require local` or `Require all granted` beside them admits ::1 (mod_authz_core ORs the group).
      const requireAdmits = siblingRequireAdmits(parent, ctx.model.directives);
      for (const l of lists) {
        if (requireAdmits && l.d.lname === 'require') continue;
        const v4 = l.addrs.filter((a) => family(a) === 4);
        if (v4.length === 0) continue;
        const loop = v4.find(isV4Loopback);
        const last = l.addrs[l.addrs.length - 1];
        // Beside a `#` httpd refuses the line until the comment moves: adding ::1 alone does not make it work.
        const fixes: Fix[] = loop ? [{ title: 'Also admit ::1', safe: !l.comment, edits: [{ start: last.end, end: last.end, newText: ' ::1' }] }] : [];
        const what = loop ? `loopback only as ${loop.value}` : `only IPv4 addresses (${v4.map((a) => a.value).join(', ')})`;
        ctx.report({
          span: { start: l.addrs[0].start, end: last.end },
          message: `${l.d.name} ${l.d.args[0].value} admits ${what}: the same clients arriving over IPv6${loop ? ' (::1)' : ''} get 403. ${loop ? "Add ::1 (or use 'Require local')." : 'Add the matching IPv6 prefix.'}`,
          fixes,
        });
      }
    }
  },
});
