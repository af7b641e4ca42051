// Findings that come from v6ready itself rather than from a dialect's rules: include statements that cannot be
// followed, the editor's large-file notice, and a rule (or parser) that crashed. They have ids and docs like any rule, so settings, `explain` and SARIF know them.
import { INCLUDE_RULE, INTERNAL_ERROR_RULE } from './analyze';
import { LARGE_FILE_CHARS, LARGE_FILE_RULE, TOO_MANY_PROBLEMS_RULE } from './limits';
import type { RuleDocs, Severity } from './types';

/** Reported by `v6ready check` only: an editor hides the mark and never sends it to the language server. */
export const BYTE_ORDER_MARK_RULE = 'v6ready/byte-order-mark';

export interface CoreRule {
  id: string;
  severity: Severity;
  docs: RuleDocs;
}

export const CORE_RULES: readonly CoreRule[] = [
  {
    id: INCLUDE_RULE,
    severity: 'warning',
    docs: {
      summary:
        'An include that cannot be followed: a loop (error; a warning when the daemon reads it only under a test v6ready cannot decide), a file that cannot be read from here, or nesting too deep (warnings).',
      why:
        'v6ready reads the files a config includes so that names defined in one file (an acl in named.conf.acls) are known ' +
        'where they are used (named.conf.options). A loop makes named, httpd and sshd refuse to start; in httpd only if it is ' +
        'read: an Include inside `<IfModule mod_ssl.c>` is read only when that module is loaded, so the message names the test, ' +
        'and inside `<IfDefine !NAME>` with NAME defined it is never read. A file that cannot be read ' +
        'here may exist on the server, but v6ready cannot check what it defines, so findings that depend on it are held ' +
        'back rather than guessed. The machine checking is not the server: a file checked outside /etc, /var, /usr and /opt ' +
        "is a copy, and a server path it names that the copy does not hold is not read from the checking machine's own folders. " +
        'In an untrusted workspace, files outside the workspace folders are not read.',
      bad: '// named.conf\ninclude "named.conf";',
      good: '// named.conf\ninclude "named.conf.options";',
      fix: 'No automatic fix: break the loop, or make the included file available (open the folder that holds it).',
      references: ['https://bind9.readthedocs.io/en/v9.18/reference.html#include-directive', 'https://httpd.apache.org/docs/2.4/mod/core.html#include'],
    },
  },
  {
    id: LARGE_FILE_RULE,
    severity: 'info',
    docs: {
      summary: `In the editor, a file over ${LARGE_FILE_CHARS / (1024 * 1024)} MB is checked for syntax only; this notice on line 1 says so.`,
      why:
        'Running every rule on a very large document on each keystroke would freeze the editor, and a file that is silently ' +
        'not checked looks clean. The notice makes the limit visible; `v6ready check` on the command line runs every rule ' +
        'whatever the size. Each file is measured on its own, so a large config split over includes is checked in full.',
      bad: '// named.conf: one 9 MB file with every zone of the server\nzone "example-00001.net" { type primary; file "db.example-00001.net"; };\n// ... 60,000 more zones',
      good: '// named.conf\ninclude "zones/a-m.conf"; // each under 5 MB\ninclude "zones/n-z.conf";',
      fix: 'No fix: run `v6ready check <file>` for the full analysis, or split the config with include statements.',
      references: [],
    },
  },
  {
    id: TOO_MANY_PROBLEMS_RULE,
    severity: 'info',
    docs: {
      summary: 'In the editor, a file with more problems than `v6ready.maxNumberOfProblems` (1,000 unless set) shows that many, the most severe first; this notice on line 1 says how many more there are.',
      why:
        'Every keystroke sends the editor the whole list of a file\'s problems. Ten thousand of them (a generated named.conf ' +
        'that spells `type master` in every zone) are megabytes of messages per keystroke, and a Problems panel nobody can ' +
        'read. Errors and warnings come first, so a limit never hides one behind a thousand hints; the notice keeps the ' +
        'limit visible.',
      bad: '// 2,000 zones, each a bind/deprecated-syntax finding: the editor shows 1,000 and this notice\nzone "example-0001.net" { type master; file "db.example-0001.net"; };\nzone "example-0002.net" { type master; file "db.example-0002.net"; };\n// ...',
      good: '// after Fix all\nzone "example-0001.net" { type primary; file "db.example-0001.net"; };\nzone "example-0002.net" { type primary; file "db.example-0002.net"; };\n// ...',
      fix: 'Run `v6ready check <file>` for the full list, use Fix all (it fixes every finding, shown or not), or raise the setting (0 shows all).',
      references: [],
    },
  },
  {
    id: BYTE_ORDER_MARK_RULE,
    severity: 'error',
    docs: {
      summary: 'A file that starts with a UTF-8 byte order mark, which named, httpd, sshd and sh read as part of the first word (reported by `v6ready check`).',
      why:
        'Some Windows editors save UTF-8 with an invisible mark (the bytes EF BB BF) in front of the text. None of these ' +
        'daemons skips it: for named-checkconf 9.18 the first statement becomes an unknown option, named-checkzone refuses ' +
        'the zone, apache2 -t reports an invalid command, sshd -t a bad configuration option, and sh runs the first line ' +
        'of rc.conf as a command, so the variable set there stays unset. v6ready reads past the mark to check the rest; ' +
        "the daemon does not. Sendmail's m4 copies the mark into the generated .cf ahead of a comment, where it does no " +
        'harm, so .mc files are not reported.',
      bad: '<EF BB BF>options { directory "/var/cache/bind"; };',
      good: 'options { directory "/var/cache/bind"; };',
      fix: 'Safe: `v6ready check --fix` writes the file without the mark. In VS Code, Save with Encoding > UTF-8 (the editor hides the mark, so only the command line reports it).',
      references: [],
    },
  },
  {
    id: INTERNAL_ERROR_RULE,
    severity: 'warning',
    docs: {
      summary: 'A v6ready rule (or the reader of the file) failed on this file; the finding on line 1 names the rule and the error.',
      why:
        'A bug in v6ready, not in your config: a rule threw an exception, and its findings for this file are missing while ' +
        'the other rules ran ("v6ready rule bind/duplicate failed on this file (...); please report it."). When the reader ' +
        'itself fails, nothing in the file was checked ("v6ready could not read this file"). Either way the file is not ' +
        'known to be clean. No config is meant to cause this, so there is no example.',
      bad: '',
      good: '',
      fix: 'Please report it with the file (or a reduced copy) and the message.',
      references: [],
    },
  },
];
