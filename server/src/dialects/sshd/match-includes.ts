// sshd reads an Include inside a Match block in place (servconf.c) and holds the whole included file to what a Match
// block allows, its own `Match all` lines and the files it includes in turn too: a keyword allowed only outside
// Match (ListenAddress, AddressFamily, Port) makes sshd refuse to start, with the error on the included file's line
// ("/etc/ssh/m.conf line 3: Directive 'Port' is not allowed within a Match block", sshd -t 9.2, after a `Match all`
// on line 2). What each side of such an Include sees.
import type { LineIndex } from '../../core/text';
import type { LinkedFile } from '../../core/types';
import { newerThan } from './catalogue';
import { copyOf, filesOfInclude, isInclude } from './listen';
import type { Directive, SshdModel } from './model';

/** A line of a file read inside a Match block that sshd allows only outside one. */
export interface RefusedInMatch {
  directive: Directive;
  file: string;
  lines: LineIndex;
}

/** A Match block's Include line that reads the analysed file (directly or through files it reads first). */
export interface IncludeInMatch {
  file: string;
  lines: LineIndex;
  include: Directive;
  match: Directive;
}

/**
 * The file's lines that sshd holds to what Match allows only because a Match block includes it: those outside its
 * own Match blocks (before its first Match, or after a `Match all`). Lines in its own blocks are held to it anyway,
 * and sshd/syntax reports them.
 */
export function outsideOwnMatch(model: SshdModel): Directive[] {
  return model.directives.filter((d) => (!d.block || d.block.all) && d.info?.name !== 'Match');
}

/** A keyword the target sshd refuses inside Match (a known one: sshd/unknown-keyword reports the others). */
export function refusedInMatch(d: Directive, target: string): boolean {
  const info = d.info;
  return !!info && info.name !== 'Match' && (!info.match || (info.matchSince !== undefined && newerThan(info.matchSince, target)));
}

/** Is the Include inside a Match block that holds only some connections (`Match all` holds them all, as global lines)? */
function inMatch(d: Directive): boolean {
  return !!d.block && !d.block.all;
}

/** The linked files one Include argument reads (none when that cannot be told), from a file at `from`. */
function readBy(value: string, from: string | undefined, linked: readonly LinkedFile<SshdModel>[]): LinkedFile<SshdModel>[] {
  if (value === '') return [];
  return filesOfInclude(value, linked, from === undefined ? undefined : copyOf(from))?.files ?? [];
}

/**
 * The lines sshd refuses that an Include inside a Match block reads: those of the files it names, and of the files
 * their Include lines read in turn (held to the same), each file once.
 */
export function refusedThrough(include: Directive, from: string | undefined, linked: readonly LinkedFile<SshdModel>[], target: string): RefusedInMatch[] {
  const out: RefusedInMatch[] = [];
  const seen = new Set<string>();
  const visit = (f: LinkedFile<SshdModel>, depth: number) => {
    if (seen.has(f.path) || depth > 16) return;
    seen.add(f.path);
    for (const d of outsideOwnMatch(f.model)) if (refusedInMatch(d, target)) out.push({ directive: d, file: f.path, lines: f.lines });
    for (const d of f.model.directives) if (isInclude(d)) for (const a of d.args) for (const g of readBy(a.value, f.path, linked)) visit(g, depth + 1);
  };
  for (const a of include.args) for (const f of readBy(a.value, from, linked)) visit(f, 0);
  return out;
}

/**
 * The Include in a Match block of another linked file that reads the analysed file (`self`), directly or through
 * files read in that block; undefined when none does or the file's path is not known.
 */
export function includeInMatchOf(self: string | undefined, model: SshdModel, lines: LineIndex, linked: readonly LinkedFile<SshdModel>[]): IncludeInMatch | undefined {
  if (self === undefined) return undefined;
  const me = { path: self, text: '', lines, model };
  const all = [...linked.filter((f) => f.path !== self), me];
  // Which file a Match block reads, and through which Include: first the Includes in Match blocks, then every
  // Include of the files they read.
  const origin = new Map<string, IncludeInMatch>();
  const queue: LinkedFile<SshdModel>[] = [];
  for (const f of all) {
    if (f === me) continue;
    for (const d of f.model.directives) {
      if (!isInclude(d) || !inMatch(d)) continue;
      for (const a of d.args) {
        for (const g of readBy(a.value, f.path, all)) {
          if (origin.has(g.path)) continue;
          origin.set(g.path, { file: f.path, lines: f.lines, include: d, match: d.block!.match });
          queue.push(g);
        }
      }
    }
  }
  for (let i = 0; i < queue.length && !origin.has(self); i++) {
    const g = queue[i];
    for (const d of g.model.directives) {
      if (!isInclude(d)) continue;
      for (const a of d.args) {
        for (const h of readBy(a.value, g.path, all)) {
          if (origin.has(h.path)) continue;
          origin.set(h.path, origin.get(g.path)!);
          queue.push(h);
        }
      }
    }
  }
  return origin.get(self);
}

/** `Match User alice` as written, for a message. */
export function matchWords(match: Directive): string {
  return [match.keyword, ...match.args.map((a) => a.value)].join(' ');
}
