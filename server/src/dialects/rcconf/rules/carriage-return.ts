// rcconf/carriage-return: Windows (CRLF) line endings. sh keeps the \r: every value ends in it, and `then\r` is no keyword.
import { defineRule } from '../../../core/rule';
import type { Edit } from '../../../core/types';
import type { RcconfModel } from '../model';

/** Beyond this many line endings the fix is one edit over the whole text rather than one per line. */
const MAX_EDITS = 10_000;

export default defineRule<RcconfModel>({
  id: 'rcconf/carriage-return',
  severity: 'error',
  docs: {
    summary: 'The file has Windows (CRLF) line endings.',
    why:
      'FreeBSD\'s sh treats the carriage return as part of the line: `sshd_enable="YES"` followed by \\r sets sshd_enable to "YES\\r", which ' +
      'checkyesno rejects, `ifconfig_em0="DHCP"\\r` hands ifconfig a garbled word, and `then\\r` is not a keyword, so an if block no longer parses. ' +
      'The file looks fine in most editors.',
    bad: 'sshd_enable="YES"␍␊\nifconfig_em0="DHCP"␍␊',
    good: 'sshd_enable="YES"␊\nifconfig_em0="DHCP"␊',
    fix: 'Safe: removes the carriage return before every line feed (the file gets Unix line endings).',
    references: ['https://man.freebsd.org/cgi/man.cgi?query=sh&sektion=1'],
  },
  check(ctx) {
    const text = ctx.model.text;
    const first = text.indexOf('\r\n');
    if (first < 0) return;
    const edits: Edit[] = [];
    let count = 0;
    for (let i = first; i >= 0; i = text.indexOf('\r\n', i + 2)) {
      count++;
      if (edits.length < MAX_EDITS) edits.push({ start: i, end: i + 1, newText: '' });
    }
    const fixEdits = count > MAX_EDITS ? [{ start: 0, end: text.length, newText: text.replace(/\r\n/g, '\n') }] : edits;
    const line = ctx.lines.lineOf(first);
    ctx.report({
      span: { start: ctx.lines.lineStart(line), end: first },
      message: `This file has Windows line endings (${count} carriage return${count === 1 ? '' : 's'} before a line feed): sh keeps each \\r as part of the line, so every value ends in it and rc.d reads none of them as written. Save the file with Unix (LF) line endings.`,
      fixes: [{ title: 'Convert to Unix (LF) line endings', safe: true, edits: fixEdits }],
    });
  },
});
