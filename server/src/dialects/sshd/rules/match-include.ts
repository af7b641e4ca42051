// sshd/match-include: a file read by an Include inside a Match block holds a keyword sshd allows only outside Match
// (ListenAddress, AddressFamily, Port ...): sshd refuses to start. Reported on the included line, and on the Include
// (the editor shows the file being edited; `v6ready check` on the tree shows both).
import { defineRule } from '../../../core/rule';
import { DEFAULT_TARGET } from '../catalogue';
import { includeInMatchOf, matchWords, outsideOwnMatch, refusedInMatch, refusedThrough } from '../match-includes';
import { isInclude } from '../listen';
import type { SshdModel } from '../model';

export default defineRule<SshdModel>({
  id: 'sshd/match-include',
  severity: 'error',
  docs: {
    summary:
      'A file read by an `Include` inside a Match block (or by a file it includes) holds a keyword allowed only outside Match (ListenAddress, AddressFamily, Port): sshd refuses to start.',
    why:
      'sshd reads an Include in place and holds the whole included file to what a Match block allows: every line of ' +
      'it, after its own `Match all` too, and the files it includes in turn. `sshd -t` stops at the first global ' +
      'keyword there ("/etc/ssh/m.conf line 1: Directive \'ListenAddress\' is not allowed within a Match block"), yet ' +
      'the included file looks fine on its own, and the file with the Include holds no such line. The rule reads both ' +
      'files as sshd does, when the caller read them (`v6ready check`, or the editor with the folder open).',
    bad: '# sshd_config\nMatch User backup\n    Include /etc/ssh/backup.conf\n# backup.conf\nListenAddress [::1]:2222\nPasswordAuthentication no',
    good: '# sshd_config\nListenAddress [::1]:2222\nMatch User backup\n    Include /etc/ssh/backup.conf\n# backup.conf\nPasswordAuthentication no',
    fix: 'No automatic fix: move the line to the global part of the main file, or move the Include above the first Match line.',
    references: ['https://man.openbsd.org/sshd_config#Include', 'https://man.openbsd.org/sshd_config#Match'],
  },
  check(ctx) {
    const target = ctx.target ?? DEFAULT_TARGET;
    // In this file: its lines read inside another file's Match block.
    const via = includeInMatchOf(ctx.path, ctx.model, ctx.lines, ctx.linked);
    if (via) {
      const where = `line ${via.lines.lineOf(via.include.span.start) + 1} of ${via.file}`;
      for (const d of outsideOwnMatch(ctx.model)) {
        if (!refusedInMatch(d, target) || d.args.length === 0) continue;
        ctx.report({
          span: d.keywordSpan,
          message:
            `Directive '${d.keyword}' is not allowed within a Match block: this file is read by the Include inside '${matchWords(via.match)}' (${where}), ` +
            `so sshd refuses to start. Move the line to the global part of the main file, or the Include above the first Match.`,
          related: [{ file: via.file, span: via.include.keywordSpan, message: `Include inside '${matchWords(via.match)}'` }],
        });
      }
    }
    // In the file with the Include: what the Include brings into its Match block.
    for (const d of ctx.model.directives) {
      if (!isInclude(d) || !d.block || d.block.all) continue;
      const refused = refusedThrough(d, ctx.path, ctx.linked, target).filter((r) => r.directive.args.length > 0);
      if (refused.length === 0) continue;
      const first = refused[0];
      const more = refused.length > 1 ? ` and ${refused.length - 1} more` : '';
      ctx.report({
        span: d.keywordSpan,
        message:
          `This Include reads '${first.directive.keyword}' (line ${first.lines.lineOf(first.directive.span.start) + 1} of ${first.file}${more}) into '${matchWords(d.block.match)}', ` +
          `where it is not allowed: sshd refuses to start ("Directive '${first.directive.keyword}' is not allowed within a Match block"). ` +
          `Move the Include above the first Match, or the line out of the included file.`,
        related: refused.map((r) => ({ file: r.file, span: r.directive.keywordSpan, message: `'${r.directive.keyword}': allowed only outside Match` })),
      });
    }
  },
});
