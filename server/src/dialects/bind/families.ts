// Which address families a named list lets through (an address match list, a primaries list, forwarders),
// following named acl and primaries lists in the same file and in linked (included) files; shared by the ipv4-only-* rules.
import type { StatementNode } from '../../../../grammars/bind/cst';
import { textOf } from '../../../../grammars/bind/cst';
import { Address6 } from 'ip-address';
import { parseAddress, type AddressLiteral, type Family } from '../../addresses';
import type { LinkedFile, RelatedLocation } from '../../core/types';
import { amlElementOf, isAclReference, type AmlElement } from './aml';
import type { BindModel, Clause } from './model';
import { definitionsByName, keyOf, type BindName } from './navigation';

export interface Families {
  v4: boolean;
  v6: boolean;
  /** Something whose family we cannot know here (a host name, an acl defined elsewhere, a bad literal). */
  unknown: boolean;
  /** The named lists followed on the way (for related locations). */
  via: BindName[];
}

const none = (): Families => ({ v4: false, v6: false, unknown: false, via: [] });

function merge(into: Families, f: Families): void {
  into.v4 ||= f.v4;
  into.v6 ||= f.v6;
  into.unknown ||= f.unknown;
  const via = f.via;
  if (via.length === 0) return;
  // Into an empty list, a copy of its own size (one grown by push keeps room for 17, once per zone's list).
  if (into.via.length === 0 && !hasDuplicates(via)) {
    into.via = via.slice();
    return;
  }
  for (let i = 0; i < via.length; i++) if (!into.via.includes(via[i])) into.via.push(via[i]);
}

/** A nested list's answer seen from where it stands: families its list shut out before it are not reached. */
function masked(f: Families, open4: boolean, open6: boolean): Families {
  if (open4 && open6) return f;
  return { v4: f.v4 && open4, v6: f.v6 && open6, unknown: f.unknown && (open4 || open6), via: f.via };
}

/** Does prefix `outer` (negated earlier in a list) cover every address of `inner`? Same family only. */
function covers(outer: AddressLiteral, inner: AddressLiteral): boolean {
  if (outer.family !== inner.family) return false;
  const max = outer.family === 4 ? 32 : 128;
  const len = outer.prefix ?? max;
  if (len > (inner.prefix ?? max)) return false;
  const shift = BigInt(max - len);
  return bitsOf(outer) >> shift === bitsOf(inner) >> shift;
}

function bitsOf(a: AddressLiteral): bigint {
  const addr = a.canonical.replace(/\/\d+$/, '').replace(/%.*$/, '');
  if (a.family === 4) return addr.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
  return new Address6(addr).bigInt();
}

function hasDuplicates(xs: readonly unknown[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs.indexOf(xs[i]) < i) return true;
  return false;
}

export class FamilyResolver {
  private readonly defs: Map<string, BindName>;
  /** The linked file a definition was found in (absent: the analysed file). */
  private readonly fileOf = new Map<BindName, string>();
  /** What a named list admits, followed from scratch: thousands of zones name the same few acls. Shared read-only. */
  private readonly resolved = new Map<string, Families>();

  /** Names resolve in the analysed file first, then in the files joined to it by includes. */
  constructor(model: BindModel, linked: readonly LinkedFile<BindModel>[] = []) {
    this.defs = definitionsByName(model);
    for (const l of linked) {
      for (const [key, def] of definitionsByName(l.model)) {
        if (this.defs.has(key)) continue;
        this.defs.set(key, def);
        this.fileOf.set(def, l.path);
      }
    }
  }

  /** The named lists followed, as related locations (in whichever file defines them). */
  related(f: Families, what: string): RelatedLocation[] | undefined {
    return f.via.length ? f.via.map((d) => ({ span: d.span, message: `${d.kind} '${d.name}' (${what})`, file: this.fileOf.get(d) })) : undefined;
  }

  /**
   * What an address match list admits positively (negated elements admit nothing; keys and localhost/localnets admit
   * both), in named's first-match order (lib/dns/acl.c dns_acl_match: the first element that matches decides): after
   * `none` (which is `!any`, lib/isccfg/aclconf.c) or `!any` nothing is reached, after `!::/0` no IPv6 address, and an
   * address inside an earlier negated prefix never matches. A negated nested list or acl is not followed: what it
   * shuts out is not worked out, so the answer errs towards "admits". `seen`: the named lists followed so far on the
   * way here, made when the first one is followed (a list whose named lists are all resolved already, as in thousands
   * of zones naming the same few acls, needs none).
   */
  aml(statements: readonly StatementNode[], seen?: Set<string>): Families {
    const out = none();
    let open4 = true;
    let open6 = true;
    let cuts: AddressLiteral[] | undefined;
    for (let i = 0; i < statements.length && (open4 || open6); i++) {
      const st = statements[i];
      const e = amlElementOf(st);
      if (e.kind === 'builtin' && (e.text === 'any' || e.text === 'none')) {
        // Matches every address: positively for `any` and `!none`, negatively for `none` and `!any`. Nothing after it is reached.
        if ((e.text === 'any') !== e.negated) {
          out.v4 ||= open4;
          out.v6 ||= open6;
        }
        break;
      }
      if (e.kind === 'address' && e.address) {
        const a = e.address;
        if (e.negated) {
          if (a.prefix === 0) {
            if (a.family === 4) open4 = false;
            else open6 = false;
          } else (cuts ??= []).push(a);
        } else if ((a.family === 4 ? open4 : open6) && !cuts?.some((c) => covers(c, a))) {
          if (a.family === 4) out.v4 = true;
          else out.v6 = true;
        }
        continue;
      }
      if (e.negated) continue;
      if (e.kind === 'builtin' || e.kind === 'key') {
        out.v4 ||= open4;
        out.v6 ||= open6;
      } else if (e.kind === 'nested') {
        const b = st.values.find((v) => v.kind === 'block');
        if (b && b.kind === 'block') merge(out, masked(this.aml(b.statements, (seen ??= new Set())), open4, open6));
      } else if (e.kind === 'acl') {
        const known = seen === undefined || seen.size === 0 ? this.resolved.get(this.keyOf('acl', e.text)) : undefined;
        merge(out, masked(known ?? this.named('acl', e.text, (seen ??= new Set())), open4, open6));
      } else {
        out.unknown = true;
      }
    }
    return out;
  }

  /**
   * The address elements of one family that acl `name` admits positively, through nested lists and the acls it names
   * (each acl once), with the file each is in (absent: the analysed file). Negated ones are left out.
   */
  addressesOfAcl(name: string, family: Family): { element: AmlElement; file?: string }[] {
    const out: { element: AmlElement; file?: string }[] = [];
    const seen = new Set<string>();
    const visit = (statements: readonly StatementNode[], file: string | undefined) => {
      for (const st of statements) {
        const e = amlElementOf(st);
        if (e.negated) continue;
        if (e.kind === 'address' && e.family === family && e.node) out.push({ element: e, file });
        else if (e.kind === 'nested') {
          const b = st.values.find((v) => v.kind === 'block');
          if (b && b.kind === 'block') visit(b.statements, file);
        } else if (isAclReference(e)) follow(e.text);
      }
    };
    const follow = (n: string) => {
      const key = this.keyOf('acl', n);
      const def = this.defs.get(key);
      if (!def || seen.has(key) || !def.clause?.block) return;
      seen.add(key);
      visit(def.clause.block.statements, this.fileOf.get(def));
    };
    follow(name);
    return out;
  }

  /** What a remote-servers list (primaries, also-notify) reaches: addresses, and named primaries lists. */
  remotes(list: Clause, seen: Set<string> = new Set()): Families {
    const out = none();
    for (const c of list.children) {
      const first = c.statement.values[0];
      if (c.nameNode !== first) continue;
      const text = textOf(first) ?? '';
      const p = first?.kind === 'word' ? parseAddress(text) : undefined;
      if (p?.ok) {
        if (p.value.family === 4) out.v4 = true;
        else out.v6 = true;
      } else if (p) {
        out.unknown = true;
      } else {
        merge(out, this.named('primaries', text, seen));
      }
    }
    return out;
  }

  /** Plain address lists (forwarders, dual-stack-servers): a host name counts as unknown. */
  addresses(list: Clause): Families {
    const out = none();
    for (const c of list.children) {
      const first = c.statement.values[0];
      if (c.nameNode !== first) continue;
      const p = first?.kind === 'word' ? parseAddress(first.image) : undefined;
      if (p?.ok) {
        if (p.value.family === 4) out.v4 = true;
        else out.v6 = true;
      } else out.unknown = true;
    }
    return out;
  }

  /** keyOf(kind, name), one string per kind and name: a list named by 20,000 zones is keyed (and hashed) once. */
  private keyOf(kind: 'acl' | 'primaries', name: string): string {
    const keys = kind === 'acl' ? this.aclKeys : this.primariesKeys;
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = keyOf(kind, name)));
    return key;
  }

  private readonly aclKeys = new Map<string, string>();
  private readonly primariesKeys = new Map<string, string>();

  /** What the named list admits: an acl as an address match list, a primaries list as remote servers. */
  private body(kind: 'acl' | 'primaries', d: BindName, seen: Set<string>): Families | undefined {
    if (kind === 'acl') return d.clause?.block ? this.aml(d.clause.block.statements, seen) : undefined;
    return d.clause ? this.remotes(d.clause, seen) : undefined;
  }

  private named(kind: 'acl' | 'primaries', name: string, seen: Set<string>): Families {
    const key = this.keyOf(kind, name);
    const def = this.defs.get(key);
    if (!def) return { ...none(), unknown: true };
    if (seen.has(key)) return { ...none(), via: [def] };
    // Only an answer found with nothing seen before is the list's own (a cycle cut elsewhere changes it).
    const fresh = seen.size === 0;
    if (fresh) {
      const known = this.resolved.get(key);
      if (known) return known;
    }
    seen.add(key);
    const f = this.body(kind, def, seen) ?? { ...none(), unknown: true };
    const out = { ...f, via: [def, ...f.via.filter((v) => v !== def)] };
    if (fresh) this.resolved.set(key, out);
    return out;
  }
}

export function ipv4Only(f: Families): boolean {
  return f.v4 && !f.v6 && !f.unknown;
}
