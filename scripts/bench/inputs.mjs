// Deterministic large inputs for the benchmarks, one generator per dialect; `scale` multiplies the size
// (1 = the sizes issue #8 names: named.conf with 20,000 zones and 200 acls, httpd.conf with 5,000 VirtualHosts).
// Valid configs that the real checkers accept, with a few findings so the rules have something to report.

/** named.conf: options, 200 acls (v4 /24, v6 /48, v4 /16 each), 20,000 zones (half primary, half master). */
export function bindNamed(scale = 1) {
  const acls = 200 * scale;
  const zones = 20000 * scale;
  const out = [
    'options {',
    '    directory "/var/cache/bind";',
    '    listen-on { 127.0.0.1; };',
    '    listen-on-v6 { ::1; };',
    '    allow-query { any; };',
    '    recursion no;',
    '};',
    '',
  ];
  for (let i = 0; i < acls; i++) {
    out.push(`acl acl${i} {`, `    192.0.${i % 256}.0/24;`, `    2001:db8:${(i % 65536).toString(16)}::/48;`, `    10.${i % 256}.0.0/16;`, '};', '');
  }
  for (let i = 0; i < zones; i++) {
    out.push(`zone "z${i}.example" {`, `\ttype ${i % 2 ? 'master' : 'primary'};`, `\tfile "db.z${i}";`, `\tallow-transfer { acl${i % acls}; };`, '};', '');
  }
  return out.join('\n');
}

/** httpd.conf: a base config, two Listens, 5,000 VirtualHosts alternating 127.0.0.1:8080 and [::1]:8080. */
export function apacheHttpd(scale = 1) {
  const hosts = 5000 * scale;
  const out = [
    'ServerRoot "/etc/apache2"',
    'Mutex file:/tmp default',
    'PidFile /tmp/httpd-bench.pid',
    'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so',
    'LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so',
    'LoadModule authz_host_module /usr/lib/apache2/modules/mod_authz_host.so',
    'ErrorLog /dev/null',
    'LogLevel warn',
    'ServerName bench.example.test',
    'DocumentRoot "/tmp"',
    'Listen 127.0.0.1:8080',
    'Listen [::1]:8080',
    '',
  ];
  for (let i = 0; i < hosts; i++) {
    out.push(
      `<VirtualHost ${i % 2 ? '[::1]:8080' : '127.0.0.1:8080'}>`,
      `    ServerName vh${i}.example.test`,
      `    ServerAlias www.vh${i}.example.test alias${i}.example.test`,
      `    DocumentRoot "/tmp"`,
      `    ServerAdmin webmaster@vh${i}.example.test`,
      `    LogLevel warn`,
      `    <Directory "/tmp/vh${i}">`,
      `        Require ip 2001:db8::/32 192.0.2.0/24`,
      `    </Directory>`,
      '</VirtualHost>',
    );
  }
  return out.join('\n') + '\n';
}

/** sshd_config: global keywords, then 4,000 Match blocks (about 0.6 MB). */
export function sshdConfig(scale = 1) {
  const blocks = 4000 * scale;
  const out = [
    'Port 22',
    'AddressFamily any',
    'ListenAddress 127.0.0.1',
    'ListenAddress ::1',
    'HostKey /etc/ssh/ssh_host_ed25519_key',
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'UsePAM yes',
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    '',
  ];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `Match User u${i} Address 192.0.2.${i % 256},2001:db8:${(i % 65536).toString(16)}::/64`,
      '    PasswordAuthentication yes',
      '    AllowTcpForwarding no',
      `    ForceCommand /usr/local/bin/task${i}`,
      '',
    );
  }
  return out.join('\n');
}

/** A zone file: SOA, NS, then 25,000 hosts with A and AAAA records (about 1.4 MB). */
export function dnsZone(scale = 1) {
  const hosts = 25000 * scale;
  const out = ['$TTL 1h', '$ORIGIN example.test.', '@ IN SOA ns1 hostmaster 2024061801 2h 30m 2w 1h', '@ IN NS ns1', 'ns1 IN A 192.0.2.53', 'ns1 IN AAAA 2001:db8::53', ''];
  for (let i = 0; i < hosts; i++) {
    out.push(`h${i} 3600 IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `h${i} 3600 IN AAAA 2001:db8:${(i >> 16).toString(16)}:${(i & 65535).toString(16)}::1`);
  }
  return out.join('\n') + '\n';
}

/** sendmail.mc: the usual header, then 10,000 define/FEATURE lines (about 0.5 MB). */
export function sendmailMc(scale = 1) {
  const n = 10000 * scale;
  const out = ['divert(-1)dnl', 'dnl bench', 'divert(0)dnl', "VERSIONID(`bench')dnl", "OSTYPE(`linux')dnl", "DOMAIN(`generic')dnl"];
  for (let i = 0; i < n; i++) {
    out.push(i % 2 ? `define(\`confTO_IDENT', \`${i}')dnl` : `FEATURE(\`access_db')dnl`, `dnl comment line ${i}`);
  }
  out.push("DAEMON_OPTIONS(`Port=smtp, Name=MTA-v4, Family=inet')dnl", "DAEMON_OPTIONS(`Port=smtp, Name=MTA-v6, Family=inet6, Addr=::1')dnl", "MAILER(`local')dnl", "MAILER(`smtp')dnl");
  return out.join('\n') + '\n';
}

/** rc.conf: 20,000 lines: interfaces with IPv4, IPv6 and alias addresses, and comments (about 0.8 MB). */
export function rcConf(scale = 1) {
  const n = 20000 * scale;
  const out = ['hostname="bench.example.test"', 'ipv6_activate_all_interfaces="YES"', 'defaultrouter="192.0.2.1"', 'ipv6_defaultrouter="2001:db8::1"'];
  for (let i = 0; i < n; i++) {
    const k = i % 4;
    if (k === 0) out.push(`ifconfig_vlan${i}="inet 10.${(i >> 8) & 255}.${i & 255}.1/24"`);
    // The 16-bit group wraps: past 65,535 (the 4x file) an unwrapped one is five hex digits, an invalid address,
    // and the larger files were a different mix (thousands of findings the 1x file has none of).
    else if (k === 1) out.push(`ifconfig_vlan${i - 1}_ipv6="inet6 2001:db8:${(i & 0xffff).toString(16)}::1/64"`);
    else if (k === 2) out.push(`# interface ${i} added by the provisioning script`);
    else out.push(`ifconfig_vlan${i - 3}_alias0="inet 10.${(i >> 8) & 255}.${i & 255}.2/32"`);
  }
  return out.join('\n') + '\n';
}

/** Per dialect: the generator, the file name the CLI recognises, and the real checker's command line. */
export const INPUTS = [
  { dialect: 'bind', language: 'bind-named', file: 'named.conf', generate: bindNamed, checker: (f) => ['named-checkconf', [f]] },
  { dialect: 'apache', language: 'apacheconf', file: 'httpd.conf', generate: apacheHttpd, checker: (f) => ['apache2', ['-t', '-f', f]] },
  { dialect: 'sshd', language: 'sshd-config', file: 'sshd_config', generate: sshdConfig, checker: (f) => ['sshd', ['-t', '-f', f]] },
  { dialect: 'zone', language: 'dns-zone', file: 'bench.zone', generate: dnsZone, checker: (f) => ['named-checkzone', ['example.test', f]] },
  { dialect: 'sendmail', language: 'sendmail-mc', file: 'sendmail.mc', generate: sendmailMc },
  { dialect: 'rcconf', language: 'freebsd-rc-conf', file: 'rc.conf', generate: rcConf },
];
