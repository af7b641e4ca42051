// rcconf/carriage-return: Windows (CRLF) or old Mac (CR) line endings. sh splits lines at LF only and keeps every \r.
import { defineRule } from '../../../core/rule';
import type { Edit } from '../../../core/types';
import type { RcconfModel } from '../model';

/** Beyond this many line endings the fix is one edit over the whole text rather than one per line. */
const MAX_EDITS = 10_000;

export default defineRule<RcconfModel>({
  id: 'rcconf/carriage-return',
  severity: 'error',
  docs: {
    summary: 'The file has Windows (CRLF) or old Mac (CR only) line endings.',
    why:
      'FreeBSD\'s sh treats the carriage return as part of the line: `sshd_enable="YES"` followed by \\r sets sshd_enable to "YES\\r", which ' +
      'checkyesno rejects, `ifconfig_em0="DHCP"\\r` hands ifconfig a garbled word, and `then\\r` is not a keyword, so an if block no longer parses. ' +
      'That holds for the last line too when it has no line feed after it. A file whose lines end in a carriage return alone is worse: sh ' +
      'ends lines at line feeds only, so it reads the whole file as one long line. Either way the file looks fine in most editors.',
    bad: 'sshd_enable="YES"␍␊\nifconfig_em0="DHCP"␍␊',
    good: 'sshd_enable="YES"␊\nifconfig_em0="DHCP"␊',
    fix:
      'Safe: removes the carriage return at the end of every line (before a line feed, or at the very end of the file); in a file with no ' +
      'line feed at all, turns each carriage return into a line feed. Either way the file gets Unix line endings.',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=sh&sektion=1'],
  },
  check(ctx) {
    const text = ctx.model.text;
    const firstCr = text.indexOf('\r');
    if (firstCr < 0) return;
    // No line feed anywhere and a carriage return before the last character: the lines end in CR alone (see
    // RcconfModel.lineBreak). One CR at the very end is a CRLF file's last line without its LF, handled below.
    const oldMac = ctx.model.lineBreak === undefined;
    const edits: Edit[] = [];
    let count = 0;
    let first = -1;
    for (let i = firstCr; i >= 0; i = text.indexOf('\r', i + 1)) {
      const next = text.charCodeAt(i + 1);
      // A CR inside a line of an LF file is no line ending: not this rule's business.
      if (!oldMac && next !== 10 && i + 1 < text.length) continue;
      if (first < 0) first = i;
      count++;
      if (edits.length < MAX_EDITS) edits.push({ start: i, end: i + 1, newText: oldMac ? '\n' : '' });
    }
    if (first < 0) return;
    const converted = oldMac ? text.replace(/\r/g, '\n') : text.replace(/\r(?=\n|$)/g, '');
    const fixEdits = count > MAX_EDITS ? [{ start: 0, end: text.length, newText: converted }] : edits;
    const line = ctx.lines.lineOf(first);
    const plural = count === 1 ? '' : 's';
    ctx.report({
      span: { start: ctx.lines.lineStart(line), end: first },
      message: oldMac
        ? `This file ends its lines with a carriage return alone (old Mac line endings, ${count} of them): sh ends lines at line feeds only, so it reads the whole file as one line and none of the settings as written. Save the file with Unix (LF) line endings.`
        : `This file has Windows line endings (${count} carriage return${plural} at the end of a line): sh keeps each \\r as part of the line, so every value ends in it and rc.d reads none of them as written. Save the file with Unix (LF) line endings.`,
      fixes: [{ title: 'Convert to Unix (LF) line endings', safe: true, edits: fixEdits }],
    });
  },
});
