// httpd.conf / .htaccess lines from the scanner's tokens (scanner.ts), then the section tree built with a stack,
// as httpd's ap_build_config does. Problems use httpd's own wording
// ("<VirtualHost> was not closed.", "Expected </Directory> but saw </VirtualHost>", ...).
import type { SkipRanges } from '../../server/src/core/types';
import type { ApacheCst, ArgNode, ConfigNode, DirectiveNode, SectionNode } from './cst';
import { GT, HEADER_NEWLINE, NEWLINE, QUOTED_STRING, SECTION_CLOSE, SECTION_OPEN, scanApache, type Tokens } from './scanner';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  /** Offset of a related place (the section opened there). */
  related?: number;
  relatedMessage?: string;
}

export interface ApacheComment {
  start: number;
  end: number;
  body: string;
}

export interface ApacheParseOutput {
  cst: ApacheCst;
  problems: SyntaxProblem[];
  comments: ApacheComment[];
}

/** The value httpd takes from a quoted string: quotes stripped, `\<quote>` and `\\` unescaped, continuations joined. */
function unquote(image: string): { value: string; terminated: boolean } {
  const q = image[0];
  // The text between escapes is taken in slices, not a character at a time.
  let out = '';
  let from = 1;
  for (let i = 1; i < image.length; i++) {
    const c = image[i];
    if (c === '\\') {
      const n = image[i + 1];
      if (n === q || n === '\\') {
        out += image.slice(from, i) + n;
        i++;
        from = i + 1;
        continue;
      }
      if (n === '\n' || n === '\r') {
        out += image.slice(from, i);
        i += image[i + 1] === '\r' && image[i + 2] === '\n' ? 2 : 1;
        from = i + 1;
        continue;
      }
    }
    if (c === q) return { value: out + image.slice(from, i), terminated: i === image.length - 1 };
  }
  return { value: out + image.slice(from), terminated: false };
}


/** The value httpd reads from a token (argOf's `value`, without the node). */
function valueOf(toks: Tokens, k: number): string {
  const image = toks.image(k);
  // A word holds no continuation (the scanner ends a word at one), so its value is its text.
  return toks.kind[k] === QUOTED_STRING ? unquote(image).value : image;
}

function argOf(toks: Tokens, k: number): ArgNode {
  const start = toks.start[k];
  const end = toks.end[k];
  const image = toks.image(k);
  if (toks.kind[k] === QUOTED_STRING) {
    const u = unquote(image);
    return { kind: 'string', image, value: u.value, terminated: u.terminated, start, end };
  }
  return { kind: 'word', image, value: image, terminated: true, start, end };
}

function argsOf(toks: Tokens, from: number, to: number): ArgNode[] {
  // Of its exact length for the usual few arguments; a line of thousands grows its array instead, as V8 makes
  // `new Array(n)` past ~16,000 elements a slow dictionary.
  const out: ArgNode[] = to - from <= 1024 ? new Array(to - from) : [];
  for (let k = from; k < to; k++) out[k - from] = argOf(toks, k);
  return out;
}

/** Deeper than any real configuration; keeps every later tree walk's recursion bounded. */
export const MAX_NESTING = 64;

/** Parse httpd.conf text; with `skip`, as if those ranges were blank (whole logical lines: see scanner.ts). */
export function parseApacheText(text: string, skip?: SkipRanges): ApacheParseOutput {
  const lexed = scanApache(text, skip);
  const problems: SyntaxProblem[] = [];
  for (const t of lexed.invalid) {
    const code = t.image.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    problems.push({ message: `invalid character U+${code}: control characters have no place in an httpd configuration`, start: t.startOffset, end: t.startOffset + t.image.length });
  }
  const comments: ApacheComment[] = lexed.comments.map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length, body: c.image.slice(1) }));
  const nodes = buildTree(text, lexed.tokens, problems);
  problems.sort((a, b) => a.start - b.start);
  return { cst: { nodes }, problems, comments };
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}

/** The name in a `</Name>` token (from `start` to `end`), and whether it has its `>`. */
function closeTag(text: string, start: number, end: number): { name: string; hasGt: boolean } {
  const hasGt = end - start > 2 && text.charCodeAt(end - 1) === 0x3e;
  return { name: text.slice(start + 2, hasGt ? end - 1 : end), hasGt };
}

/**
 * Lines into nested sections, with httpd's checks on opening and closing them. A line is its first token, then every
 * token up to the line break. (This was a Chevrotain parser with one rule and an OR per token; on a 1.6 MB httpd.conf
 * it took several times as long as the lexer, for no decision this loop does not make. Lines are token indices,
 * not objects: a large file's lines would all live until the tree is built.)
 */
function buildTree(text: string, toks: Tokens, problems: SyntaxProblem[]): ConfigNode[] {
  // The nodes of the top level and of every open section, in order; a section's body is taken out as one array of
  // its exact length when it closes (arrays pushed to as they grow keep room for 17 in a one-line <Directory>).
  const nodes: ConfigNode[] = [];
  const stack: SectionNode[] = [];
  /** Where the body of each section on the stack starts in `nodes`. */
  const bodyStarts: number[] = [];
  const open = (section: SectionNode) => {
    stack.push(section);
    bodyStarts.push(nodes.length);
  };
  const close = (): SectionNode => {
    const section = stack.pop()!;
    section.body = nodes.splice(bodyStarts.pop()!);
    return section;
  };
  let tooDeep = false;
  let flatDepth = 0;
  /** Sections a macro's body leaves closed or open (mod_macro expands `Use` text verbatim). */
  const macros = new Map<string, { name: string; opens: string[]; closes: string[] }>();
  const defining: { name: string; opens: string[]; closes: string[] }[] = [];
  const kinds = toks.kind;
  const isLineBreak = (k: number) => kinds[k] === NEWLINE || kinds[k] === HEADER_NEWLINE;
  let next = 0;
  while (next < toks.count) {
    const first = next++;
    if (isLineBreak(first)) continue;
    const restFrom = next;
    while (next < toks.count && !isLineBreak(next)) next++;
    const restTo = next;
    // Offset just past the line's last token.
    const end = toks.end[restTo > restFrom ? restTo - 1 : first];
    const firstKind = kinds[first];
    const firstStart = toks.start[first];
    const firstEnd = toks.end[first];
    // A <Macro> body is raw text to httpd until its </Macro> (mod_macro): sections inside need not balance.
    // A <Macro> on the stack has its entry in `defining` (the body's own sections never include a <Macro>).
    const inMacro = defining.length > 0 && stack.some((s) => s.name.toLowerCase() === 'macro');
    if (inMacro && (firstKind === SECTION_OPEN || firstKind === SECTION_CLOSE) && !/^<\/?macro>?$/i.test(toks.image(first))) {
      const m = defining[defining.length - 1];
      if (m && firstKind === SECTION_OPEN) m.opens.push(text.slice(firstStart + 1, firstEnd));
      if (m && firstKind === SECTION_CLOSE) {
        const name = closeTag(text, firstStart, firstEnd).name;
        if (m.opens.length) m.opens.pop();
        else m.closes.push(name);
      }
      nodes.push({
        kind: 'directive',
        name: toks.image(first),
        nameSpan: { start: firstStart, end: firstEnd },
        args: mergeHeaderArgs(toks, restFrom, restTo),
        lineEnd: lineEndAt(text, end),
        start: firstStart,
        end,
      });
      continue;
    }
    if (firstKind === SECTION_OPEN) {
      const name = text.slice(firstStart + 1, firstEnd);
      // httpd closes the header at the line's last `>`, quoted or not (core.c dirsection and the other section
      // handlers: ap_strrchr_c(arg, '>') on the raw arguments, then ap_getword_conf before it); anything after it is
      // ignored. So a quoted string holding that `>` ends there: `<Directory "/tmp>` is <Directory /tmp>.
      let gtIndex = -1;
      let gt = -1;
      let args: ArgNode[] | undefined;
      for (let i = restTo - 1; i >= restFrom; i--) {
        if (kinds[i] === GT) {
          gtIndex = i;
          break;
        }
        if (kinds[i] === QUOTED_STRING) {
          const at = lastGtIn(text, toks.start[i], toks.end[i]);
          if (at < 0) continue;
          gt = at;
          args = mergeHeaderArgs(toks, restFrom, i);
          args.push(clippedString(text, toks.start[i], at));
          break;
        }
      }
      if (gtIndex >= 0) gt = toks.start[gtIndex];
      args ??= mergeHeaderArgs(toks, restFrom, gtIndex >= 0 ? gtIndex : restTo);
      if (gt < 0) problems.push({ message: `<${name}> directive missing closing '>'`, start: firstStart, end });
      const section: SectionNode = {
        kind: 'section',
        name,
        nameSpan: { start: firstStart, end: firstEnd },
        args,
        gt,
        headerEnd: lineEndAt(text, end),
        body: NO_NODES,
        close: undefined,
        start: firstStart,
        end,
      };
      nodes.push(section);
      if (stack.length >= MAX_NESTING) {
        if (flatDepth === 0 && !tooDeep) problems.push({ message: `sections nested more than ${MAX_NESTING} deep: what is inside is not checked`, start: firstStart, end: firstEnd });
        tooDeep = true;
        // Deeper sections stay flat in the tree (their lines go to the deepest kept section); a counter pairs their closers.
        flatDepth++;
        continue;
      }
      open(section);
      if (name.toLowerCase() === 'macro') defining.push({ name: (args[0]?.value ?? '').toLowerCase(), opens: [], closes: [] });
      continue;
    }
    if (firstKind === SECTION_CLOSE) {
      const { name: closeName, hasGt } = closeTag(text, firstStart, firstEnd);
      const top = stack[stack.length - 1];
      if (!hasGt) problems.push({ message: `</${closeName}> directive missing closing '>'`, start: firstStart, end: firstEnd });
      if (flatDepth > 0) {
        flatDepth--;
        const flat = findFlatOpen(nodes, bodyStarts.length ? bodyStarts[bodyStarts.length - 1] : 0);
        if (flat) {
          flat.close = { start: firstStart, end: firstEnd, name: closeName };
          flat.end = end;
        }
        continue;
      }
      if (!top) {
        problems.push({ message: `</${closeName}> without matching <${closeName}> section`, start: firstStart, end: firstEnd });
        continue;
      }
      // The same spelling (nearly always) needs no lower-casing.
      if (top.name !== closeName && top.name.toLowerCase() !== closeName.toLowerCase()) {
        // httpd stops at this line. We recover: if an enclosing section has that name, the ones in between
        // were left open; otherwise the closer is stray.
        const idx = findOpen(stack, closeName);
        problems.push({
          message: `Expected </${top.name}> but saw </${closeName}>`,
          start: firstStart,
          end: firstEnd,
          related: top.start,
          relatedMessage: `<${top.name}> opened here`,
        });
        // No enclosing section of that name: take it as the (misspelt) closer of the innermost one, so the
        // one mistake is reported once.
        while (idx >= 0 && stack.length > idx + 1) {
          const s = close();
          s.end = Math.max(s.end, lastEnd(s));
        }
      }
      const s = close();
      s.close = { start: firstStart, end: firstEnd, name: closeName };
      s.end = end;
      if (s.name.toLowerCase() === 'macro') {
        const m = defining.pop();
        if (m) macros.set(m.name, m);
      }
      continue;
    }
    // A directive: its first word is the name (httpd accepts it quoted, too).
    const d: DirectiveNode = {
      kind: 'directive',
      name: valueOf(toks, first),
      nameSpan: { start: firstStart, end: firstEnd },
      args: argsOf(toks, restFrom, restTo),
      lineEnd: lineEndAt(text, end),
      start: firstStart,
      end,
    };
    nodes.push(d);
    // `Use` of a macro whose body opens or closes sections (mod_macro allows it): apply that to the nesting here.
    if (!inMacro && d.name.length === 3 && d.name.toLowerCase() === 'use' && d.args[0]) {
      const m = macros.get(d.args[0].value.toLowerCase());
      if (!m) continue;
      for (const c of m.closes) {
        const top = stack[stack.length - 1];
        if (!top || top.name.toLowerCase() !== c.toLowerCase()) break;
        close();
        top.close = { start: d.nameSpan.start, end: d.nameSpan.end, name: c };
        top.end = d.end;
      }
      for (const o of m.opens) {
        if (stack.length >= MAX_NESTING) break;
        const section: SectionNode = { kind: 'section', name: o, nameSpan: d.nameSpan, args: [], gt: -1, headerEnd: d.lineEnd, body: NO_NODES, close: undefined, start: d.start, end: d.end };
        nodes.push(section);
        open(section);
      }
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) stack[i].body = nodes.splice(bodyStarts[i]);
  for (const s of stack) {
    problems.push({ message: `<${s.name}> was not closed.`, start: s.nameSpan.start, end: s.nameSpan.end });
    s.end = Math.max(s.end, lastEnd(s));
  }
  // An unterminated quote is not an error to httpd: it reads to the end of the line (ErrorDocument 404 "text).
  return nodes;
}

/** The body of a section until it closes, and for good of one nested too deep to keep (its lines go to its parent's). */
const NO_NODES: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];

/** Offset of the last `>` in text[start, end), or -1. */
function lastGtIn(text: string, start: number, end: number): number {
  for (let i = end - 1; i > start; i--) if (text.charCodeAt(i) === 0x3e) return i;
  return -1;
}

/** A quoted string cut short at `end` (where httpd ends the header): what ap_getword_conf reads from what is left. */
function clippedString(text: string, start: number, end: number): ArgNode {
  const image = text.slice(start, end);
  const u = unquote(image);
  return { kind: 'string', image, value: u.value, terminated: u.terminated, start, end };
}

/** Header tokens between `<Name` and its last `>`: a `>` before that one is part of the word it touches. */
function mergeHeaderArgs(toks: Tokens, from: number, to: number): ArgNode[] {
  const out = argsOf(toks, from, to);
  let n = 0;
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    const prev = n > 0 ? out[n - 1] : undefined;
    // Two words can only touch across a `>`; httpd sees one word.
    if (prev && prev.kind === 'word' && a.kind === 'word' && prev.end === a.start) {
      prev.image += a.image;
      prev.value += a.value;
      prev.end = a.end;
      continue;
    }
    out[n++] = a;
  }
  out.length = n;
  return out;
}

function findOpen(stack: SectionNode[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].name.toLowerCase() === name.toLowerCase()) return i;
  return -1;
}

/** The last section in nodes[from..] not closed yet. */
function findFlatOpen(nodes: ConfigNode[], from: number): SectionNode | undefined {
  for (let i = nodes.length - 1; i >= from; i--) {
    const n = nodes[i];
    if (n.kind === 'section' && !n.close) return n;
  }
  return undefined;
}

function lastEnd(s: SectionNode): number {
  const last = s.body[s.body.length - 1];
  return last ? Math.max(last.end, last.kind === 'section' ? lastEnd(last) : last.end) : s.end;
}
