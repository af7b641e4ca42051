// One row per language of package.json `contributes.languages`: what the E2E run does with that dialect in a real
// VS Code. A new dialect adds its row here and its expected file under test/e2e/expected/<language>/; the run fails
// for a contributed language without a row.
//
// Positions are not written here: the run asks the CLI (`v6ready check --format json`) where the rule's first
// finding in the example is, and what the file looks like after all safe fixes (`v6ready check --fix`).

export interface Scenario {
  /** Language id, as in package.json contributes.languages. */
  language: string;
  /** Example file (under examples/); the run opens a copy under the same name, so the language's file patterns apply. */
  example: string;
  /** Rule whose first finding the run looks at: squiggle, Problems entry, quick fix, severity setting. */
  rule: string;
  /** Hover over the first occurrence of `text` on the finding's line (else in the file): the directive's docs. */
  hover: { text: string; expect: string };
  /** The quick fix offered by Ctrl+. on the finding (a substring of its title), and the file it must produce. */
  quickFix: { title: string; expected: string };
}

export const SCENARIOS: Scenario[] = [
  {
    language: 'bind-named',
    example: 'examples/named.conf',
    rule: 'bind/ipv6-in-listen-on',
    hover: { text: 'listen-on', expect: 'The IPv4 addresses on which named accepts DNS queries' },
    quickFix: { title: 'Move 2001:db8:53::53 to listen-on-v6', expected: 'test/e2e/expected/bind-named/named.conf' },
  },
];
