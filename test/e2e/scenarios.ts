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
  {
    language: 'sshd-config',
    example: 'examples/sshd_config',
    rule: 'sshd/unbracketed-listenaddress',
    hover: { text: 'ListenAddress', expect: 'global only (not inside Match)' },
    quickFix: { title: 'Bracket the address: [2001:db8:10::22]:2222', expected: 'test/e2e/expected/sshd-config/sshd_config' },
  },
  {
    language: 'apacheconf',
    example: 'examples/httpd.conf',
    rule: 'apache/unbracketed-ipv6',
    hover: { text: 'Redirect', expect: 'Sends the client an HTTP redirect' },
    quickFix: { title: 'Write [2001:db8::8]', expected: 'test/e2e/expected/apacheconf/httpd.conf' },
  },
  {
    language: 'sendmail-mc',
    example: 'examples/sendmail.mc',
    rule: 'sendmail/unquoted-options',
    hover: { text: 'CLIENT_OPTIONS', expect: 'Sets ClientPortOptions for outgoing connections' },
    quickFix: { title: 'Quote the whole argument', expected: 'test/e2e/expected/sendmail-mc/sendmail.mc' },
  },
  {
    language: 'dns-zone',
    example: 'examples/bind/db.example.net',
    rule: 'zone/address-family',
    hover: { text: 'AAAA', expect: 'An IPv6 address of the owner name' },
    quickFix: { title: 'Make it an A record', expected: 'test/e2e/expected/dns-zone/bind/db.example.net' },
  },
  {
    language: 'freebsd-rc-conf',
    example: 'examples/rc.conf',
    rule: 'rcconf/obsolete-knob',
    hover: { text: 'ipv6_enable', expect: 'ipv6_activate_all_interfaces' },
    quickFix: { title: 'Replace with ipv6_activate_all_interfaces and accept_rtadv', expected: 'test/e2e/expected/freebsd-rc-conf/rc.conf' },
  },
];

/**
 * The readiness report: run the command, and the webview must show what `v6ready report --format json` says about
 * the same workspace folder (a row per service with the same answers, the same findings); a link in the `click`
 * service's findings opens its file.
 */
export const REPORT_SCENARIO = {
  command: 'v6ready: Show IPv6 readiness report',
  click: 'dns',
};
