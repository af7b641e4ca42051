// What the "no AAAA" rules share: which names have IPv4 and IPv6 addresses in the zone, and how to name them.
import type { Span } from '../../core/types';
import { clip, displayName } from './names';
import { isDottedQuad, isIPv6Text } from './inet';
import { cutAbove, inZone, type ZoneModel, type ZoneRecord } from './model';

export interface AddressFacts {
  /** The first A record at the name (undefined when only $GENERATE makes it). */
  firstA?: ZoneRecord;
  hasA: boolean;
  hasAAAA: boolean;
}

/**
 * The family an A or AAAA record stands for: its data's when that is an address of either family (an A record
 * holding an IPv6 address was meant as AAAA; zone/address-family reports it), else its type's. Undefined for
 * malformed data, which zone/invalid-address reports.
 */
export function recordFamily(rec: ZoneRecord): 4 | 6 | undefined {
  if (rec.generic) return rec.type.code === 1 ? 4 : 6;
  const v = rec.rdata[0]?.kind === 'word' ? rec.rdata[0].value : '';
  if (isDottedQuad(v)) return 4;
  if (isIPv6Text(v)) return 6;
  return undefined;
}

const factsCache = new WeakMap<ZoneModel, Map<string, AddressFacts>>();
const NONE: AddressFacts = { hasA: false, hasAAAA: false };

/** A and AAAA at a name, counting only data named loads (not out-of-zone data). One pass per model, then lookups. */
export function addressFacts(model: ZoneModel, name: string): AddressFacts {
  let all = factsCache.get(model);
  if (!all) factsCache.set(model, (all = allFacts(model)));
  if (inZone(model, name) === false) return NONE;
  return all.get(name) ?? NONE;
}

function allFacts(model: ZoneModel): Map<string, AddressFacts> {
  const out = new Map<string, AddressFacts>();
  const at = (name: string) => {
    let f = out.get(name);
    // firstA written in the literal: added later it went to a property array of its own, one more object per name.
    if (!f) out.set(name, (f = { firstA: undefined, hasA: false, hasAAAA: false }));
    return f;
  };
  for (const r of model.records) {
    if (r.type.code !== 1 && r.type.code !== 28) continue;
    const family = recordFamily(r);
    if (family === 4) {
      const f = at(r.owner);
      f.hasA = true;
      f.firstA ??= r;
    } else if (family === 6) at(r.owner).hasAAAA = true;
  }
  for (const g of model.generated) {
    if (g.type.code === 1) at(g.owner).hasA = true;
    else if (g.type.code === 28) at(g.owner).hasAAAA = true;
  }
  return out;
}

/** `ns1` when the file wrote it relative to the origin, else the full name. */
export function shortName(model: ZoneModel, name: string): string {
  const apex = model.apex;
  if (name === apex) return '@';
  if (apex === '.' && name.endsWith('.')) return clip(name.slice(0, -1));
  if (apex !== '.' && name.endsWith('.' + apex)) return clip(name.slice(0, -apex.length - 1));
  return displayName(name);
}

export function isGlue(model: ZoneModel, name: string): boolean {
  return cutAbove(model, name) !== undefined;
}

/** Where the finding's related location points: the A record's owner (or its type when the owner is inherited). */
export function aRecordSpan(rec: ZoneRecord): Span {
  return rec.ownerNode ?? rec.typeNode;
}
