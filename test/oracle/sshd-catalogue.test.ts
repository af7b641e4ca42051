// Proves the sshd keyword catalogue on the installed sshd: for every keyword it knows, generated one-line configs
// (a typical value, a bad value, no value, extra values, and the keyword inside a Match block) get the same
// verdict from `sshd -t` as from v6ready ("sshd refuses" = an error finding of sshd/syntax, sshd/unknown-keyword or
// one that says so). Cases that need a newer OpenSSH than the installed one are skipped and counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { sshdDialect } from '../../server/src/dialects/sshd';
import { KEYWORDS, MATCH_CRITERIA, type KeywordInfo } from '../../server/src/dialects/sshd/catalogue';
import { sshdCheckFiles, sshdSkipReason } from './sshd-harness';
import { which } from './netns';

/** A value sshd accepts for keywords whose shape does not say (lists, paths, algorithms, specials). */
const SAMPLE: Record<string, string> = {
  acceptenv: 'LANG LC_*',
  allowgroups: 'wheel staff',
  allowusers: 'root alice@192.0.2.0/24,2001:db8::/32',
  authenticationmethods: 'publickey,password publickey,keyboard-interactive',
  authorizedkeyscommand: '/usr/bin/true %u',
  authorizedkeyscommanduser: 'nobody',
  authorizedkeysfile: '.ssh/authorized_keys .ssh/authorized_keys2',
  authorizedprincipalscommand: '/usr/bin/true %u',
  authorizedprincipalscommanduser: 'nobody',
  authorizedprincipalsfile: 'none',
  banner: 'none',
  casignaturealgorithms: 'ssh-ed25519,rsa-sha2-512',
  channeltimeout: 'session=5m agent-connection=1h',
  chrootdirectory: 'none',
  ciphers: 'aes128-ctr,aes256-gcm@openssh.com',
  denygroups: 'games',
  denyusers: 'mallory *@203.0.113.0/24',
  fingerprinthash: 'sha256',
  forcecommand: 'internal-sftp -d /upload',
  hostbasedacceptedalgorithms: 'ssh-ed25519',
  hostcertificate: '/nonexistent/host-cert.pub',
  hostkey: '/nonexistent/hostkey',
  hostkeyagent: 'SSH_AUTH_SOCK',
  hostkeyalgorithms: 'ssh-ed25519,rsa-sha2-256',
  include: '/nonexistent/*.conf',
  ipqos: 'af21 cs1',
  kexalgorithms: 'curve25519-sha256',
  listenaddress: '127.0.0.1',
  logverbose: 'kex.c:*:1000',
  macs: 'hmac-sha2-256',
  maxstartups: '10:30:100',
  modulifile: '/etc/ssh/moduli',
  pamservicename: 'sshd',
  permitlisten: 'localhost:8080 [::1]:8080 9000',
  permitopen: '[::1]:22 localhost:* 192.0.2.1:443',
  permituserenvironment: 'LANG,LC_*',
  persourcemaxstartups: 'none',
  persourcenetblocksize: '32:64',
  persourcepenalties: 'no',
  persourcepenaltyexemptlist: '192.0.2.0/24,2001:db8::/32',
  pidfile: '/nonexistent/sshd.pid',
  port: '2222',
  pubkeyacceptedalgorithms: '+ssh-rsa',
  pubkeyauthoptions: 'touch-required verify-required',
  rdomain: 'none',
  rekeylimit: '1G 1h',
  revokedkeys: 'none',
  securitykeyprovider: 'internal',
  setenv: 'FOO=bar BAZ="a b"',
  sshdauthpath: '/usr/lib/openssh/sshd-auth',
  sshdsessionpath: '/usr/lib/openssh/sshd-session',
  streamlocalbindmask: '0177',
  subsystem: 'sftp /usr/lib/openssh/sftp-server -f AUTHPRIV',
  trustedusercakeys: 'none',
  unusedconnectiontimeout: '5m',
  versionaddendum: 'hello world',
  xauthlocation: '/usr/bin/xauth',
  clientaliveinterval: '1m30s',
  logingracetime: '2m',
  pubkeyacceptedkeytypes: '+ssh-rsa',
  hostbasedacceptedkeytypes: 'ssh-ed25519',
  hostdsakey: '/nonexistent/hostkey',
  gssapikexalgorithms: 'gss-curve25519-sha256-',
};

/** A value sshd rejects, for shapes where one exists. */
function badValue(k: KeywordInfo): string | undefined {
  switch (k.shape.kind) {
    case 'enum':
    case 'enum-exact':
      return 'bogus-value';
    case 'int':
      return '-1';
    case 'time':
      return '10x';
    case 'time-or-none':
      return 'forever';
    case 'port':
      return '0';
    default:
      break;
  }
  const special: Record<string, string> = {
    authorizedkeyscommand: 'relative/path',
    authorizedprincipalscommand: 'relative/path',
    channeltimeout: 'session',
    fingerprinthash: 'sha3',
    ipqos: 'af99',
    listenaddress: '[::1]:99999',
    maxstartups: '10:0:5',
    permitopen: 'localhost',
    persourcemaxstartups: 'many',
    persourcenetblocksize: '33:64',
    pubkeyauthoptions: 'nfc-required',
    rekeylimit: 'lots',
    setenv: 'NOVALUE',
    streamlocalbindmask: '0999',
    authenticationmethods: 'publickey,magic',
    acceptenv: 'LANG=C',
  };
  return special[k.name.toLowerCase()];
}

function sampleValue(k: KeywordInfo): string {
  const s = SAMPLE[k.name.toLowerCase()];
  if (s) return s;
  switch (k.shape.kind) {
    case 'enum':
    case 'enum-exact':
      return k.shape.values[k.shape.values.length - 1];
    case 'int':
      return '10';
    case 'time':
    case 'time-or-none':
      return '30';
    case 'port':
      return '2222';
    default:
      return 'yes';
  }
}

function installedVersion(): number[] | undefined {
  const sshd = which('sshd');
  if (!sshd) return undefined;
  const r = spawnSync(sshd, ['-V'], { encoding: 'utf8', timeout: 5000 });
  const m = /OpenSSH_(\d+)\.(\d+)/.exec(`${r.stdout}${r.stderr}`);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const newer = (since: string | undefined, installed: number[]) => {
  if (!since) return false;
  const [a, b] = since.split('.').map(Number);
  return a > installed[0] || (a === installed[0] && b > installed[1]);
};

interface Case {
  name: string;
  text: string;
}

function cases(installed: number[]): { run: Case[]; skipped: string[] } {
  const run: Case[] = [];
  const skipped: string[] = [];
  for (const k of KEYWORDS.values()) {
    if (k.name === 'Match') continue;
    if (newer(k.since, installed) || (k.status === 'vendor' && !/debian/i.test(`${installedBanner}`))) {
      skipped.push(`${k.name} (since OpenSSH ${k.since ?? '?'}${k.status === 'vendor' ? `, ${k.vendor}` : ''})`);
      continue;
    }
    const v = sampleValue(k);
    run.push({ name: `${k.name} ${v}`, text: `${k.name} ${v}\n` });
    run.push({ name: `${k.name} (no argument)`, text: `${k.name}\n` });
    const bad = badValue(k);
    if (bad !== undefined) run.push({ name: `${k.name} ${bad}`, text: `${k.name} ${bad}\n` });
    if (['one', 'enum', 'enum-exact', 'int', 'time', 'port'].includes(k.shape.kind)) {
      run.push({ name: `${k.name} ${v} extra`, text: `${k.name} ${v} extra\n` });
    }
    if (newer(k.matchSince, installed)) skipped.push(`${k.name} inside Match (allowed since OpenSSH ${k.matchSince})`);
    else run.push({ name: `Match User nobody / ${k.name} ${v}`, text: `Match User nobody\n    ${k.name} ${v}\n` });
  }
  for (const c of MATCH_CRITERIA.values()) {
    if (newer(c.since, installed)) {
      skipped.push(`Match ${c.name} (since OpenSSH ${c.since})`);
      continue;
    }
    const arg = c.argument ? (c.addresses ? ' 192.0.2.0/24,2001:db8::/32' : c.name === 'LocalPort' ? ' 2222' : ' x*') : '';
    run.push({ name: `Match ${c.name}${arg}`, text: `Match ${c.name}${arg}\n    X11Forwarding no\n` });
    if (c.argument) run.push({ name: `Match ${c.name} (no pattern)`, text: `Match ${c.name}\n    X11Forwarding no\n` });
  }
  return { run, skipped };
}

let installedBanner = '';
const skip = sshdSkipReason();

if (skip && process.env.CI) {
  test('sshd catalogue oracle prerequisites', () => {
    throw new Error(`${skip} — CI must install openssh-server and run the oracle as root`);
  });
} else {
  test('sshd -t and v6ready agree on every keyword of the catalogue', { skip: skip ?? false }, async () => {
    const installed = installedVersion();
    assert.ok(installed, 'cannot read the version of sshd (sshd -V)');
    const r = spawnSync(which('sshd')!, ['-V'], { encoding: 'utf8' });
    installedBanner = `${r.stdout}${r.stderr}`;
    // Debian's build reports "OpenSSH_9.2p1 Debian-..." with -V on some versions and only "OpenSSH_9.2" on others;
    // the package database says whose build it is.
    const dpkg = which('dpkg-query') ? spawnSync(which('dpkg-query')!, ['-W', '-f', '${Version}', 'openssh-server'], { encoding: 'utf8' }) : undefined;
    if (dpkg?.status === 0 && dpkg.stdout) installedBanner += ` Debian ${dpkg.stdout}`;
    const { run, skipped } = cases(installed);
    const dir = mkdtempSync(join(tmpdir(), 'v6ready-sshd-catalogue-'));
    try {
      const files = run.map((c, i) => {
        const p = join(dir, `case-${i}.conf`);
        writeFileSync(p, c.text);
        return p;
      });
      const checks = await sshdCheckFiles(files);
      const disagreements: string[] = [];
      let refused = 0;
      for (let i = 0; i < run.length; i++) {
        const a = analyze(sshdDialect, run[i].text);
        const errors = a.findings.filter((f) => f.severity === 'error' && (f.rule === 'sshd/syntax' || f.rule === 'sshd/unknown-keyword' || /sshd refuses/.test(f.message)));
        const sshdRefuses = !checks[i].ok;
        if (sshdRefuses) refused++;
        if (sshdRefuses !== errors.length > 0) {
          disagreements.push(
            `${run[i].name}: sshd -t ${sshdRefuses ? `refuses (${checks[i].output.split('\n').pop()})` : 'accepts'}, v6ready ${errors.length ? `says ${errors[0].message}` : 'reports no error'}`,
          );
        }
      }
      console.log(
        `sshd catalogue oracle (OpenSSH ${installed.join('.')}): ${run.length} cases, ${refused} refused by sshd -t, ` +
          `${run.length - disagreements.length} agree; skipped as newer than the installed sshd: ${skipped.join(', ') || 'none'}`,
      );
      assert.deepEqual(disagreements, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
