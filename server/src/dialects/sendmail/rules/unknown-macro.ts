// sendmail/unknown-macro: a call (or a lone upper-case word) that is no macro m4 knows. m4 copies such text
// into sendmail.cf unchanged; sendmail then misreads or ignores the line, and nobody says a word.
import { isKnownMacro } from '../../../../../grammars/sendmail/macros';
import { closestMatches } from '../../../core/suggest';
import { defineRule } from '../../../core/rule';
import type { Span } from '../../../core/types';
import { CF_README, CONF, MACRO_NAMES, VARIABLES } from '../catalogue';
import type { SendmailModel } from '../model';

const CANDIDATES = MACRO_NAMES.filter((n) => n !== 'dnl');

function looksLikeMacro(name: string, suggestions: string[]): boolean {
  return /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$|^[A-Z]{4,}[0-9]*$/.test(name) || suggestions.length > 0;
}

export default defineRule<SendmailModel>({
  id: 'sendmail/unknown-macro',
  severity: 'warning',
  topic: 'general',
  docs: {
    summary: 'A macro call (or a lone upper-case word) that neither m4 nor sendmail’s cf.m4 defines — usually a misspelling.',
    why:
      'm4 leaves names it does not know as text. `DAEMON_OPTION(`Port=2525, Family=inet6\')` (one S short) lands in ' +
      'sendmail.cf verbatim; sendmail reads a line starting with D as a macro definition and says nothing, so the daemon ' +
      'silently keeps its default (IPv4, port 25). m4 exits 0.',
    bad: "DAEMON_OPTION(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    good: "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6')dnl",
    fix: 'Not safe: replaces the name with the closest known macro (one fix per candidate).',
    references: [CF_README, 'research/real-daemons.md §3e (DAEMON_OPTION copied to the .cf)'],
  },
  check(ctx) {
    const m = ctx.model;
    const defined = new Set(m.defines.filter((d) => d.macro === 'define' || d.macro === 'pushdef').map((d) => d.name));
    const report = (name: string, span: Span, isCall: boolean) => {
      if (isKnownMacro(name) || defined.has(name)) return;
      const suggestions = closestMatches(name, CANDIDATES, 3);
      if (!looksLikeMacro(name, suggestions)) return;
      const variable = VARIABLES.has(name) || CONF.has(name);
      const did = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
      const hint = variable ? ` ${name} is a variable: set it with define(\`${name}', \`...').` : did;
      ctx.report({
        span,
        message: `m4 knows no macro ${name}: it copies ${isCall ? `'${name}(...)'` : `'${name}'`} into sendmail.cf as plain text, where sendmail ignores or misreads it.${hint}`,
        fixes: variable ? [] : suggestions.map((s) => ({ title: `Change to ${s}`, safe: false, edits: [{ start: span.start, end: span.end, newText: s }] })),
      });
    };
    const onHashLine = new Set(m.hashEffects.map((e) => e.call));
    for (const c of m.calls) {
      if (!onHashLine.has(c)) report(c.name, c.nameSpan, true);
    }
    // A lone word on its line (perhaps followed by dnl), e.g. a misspelt LOCAL_CONFIG.
    for (const it of m.cst.items) {
      if (it.kind !== 'word') continue;
      if (!/^[A-Z][A-Z0-9_]{3,}$/.test(it.image)) continue;
      // Only blanks before it on its line, and only blanks (and a dnl comment) after it. Walking back over the
      // blanks, not matching the whole line per word, keeps a long line linear.
      const line = ctx.lines.lineOf(it.start);
      const lineStart = ctx.lines.lineStart(line);
      let k = it.start;
      while (k > lineStart && (ctx.text[k - 1] === ' ' || ctx.text[k - 1] === '\t')) k--;
      if (k !== lineStart) continue;
      if (!/^[ \t]*(?:dnl\b.*)?$/.test(ctx.text.slice(it.start + it.image.length, ctx.lines.lineEnd(line)))) continue;
      if (closestMatches(it.image, CANDIDATES, 1).length === 0) continue;
      report(it.image, it, false);
    }
  },
});
