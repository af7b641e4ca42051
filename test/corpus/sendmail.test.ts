// Conformance on the shared corpus: every sendmail .mc (and cf/domain .m4) file parses with no sendmail/syntax
// finding — sendmail's own cf/cf samples, FreeBSD's freebsd.mc and real-world files. Files are read as bytes
// and decoded the way the CLI does (knecht.mc is not valid UTF-8). The other findings are listed and checked:
// each is a true positive, explained below. Corpus: $V6READY_CORPUS, default ../shared/corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../../server/src/cli/files';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import { sendmailDialect } from '../../server/src/dialects/sendmail';
import { CORPUS } from '../fixture-lib';

const corpus = CORPUS;
const dir = path.join(corpus, 'sendmail');
const present = existsSync(dir);
const skip = present ? false : `no sendmail corpus at ${dir} (set V6READY_CORPUS)`;

/** Findings (other than syntax) the corpus files do have, each checked against sendmail's behaviour. */
const KNOWN: Record<string, { findings: string[]; why: string }> = {
  'upstream/freebsd-9.2.0__freebsd.mc': {
    findings: ['84 sendmail/msa-ipv4-only'],
    why: 'FreeBSD pairs an inet and an inet6 daemon for port 25 but keeps the automatic submission daemon, which cf.m4 writes IPv4 only (Port=587, Name=MSA, M=E)',
  },
  'realworld/JaredHatfield__puppet-sendmailses__files__sendmail.mc': {
    findings: ['120 sendmail/no-inet6-daemon'],
    why: 'DAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA\') with no Family: IPv4 loopback only (the ::1 line is commented out with dnl)',
  },
  'realworld/aghorler__aaronhorler.com-server__etc__mail__sendmail.mc': {
    findings: ['57 sendmail/no-inet6-daemon', '59 sendmail/msa-ipv4-only'],
    why: "Debian's template with the Family=inet6 lines left commented out: MTA and MSP listen on 127.0.0.1 only",
  },
  'realworld/macielbombonato__docker-sendmail__sendmail.mc': {
    findings: ['26 sendmail/no-inet6-daemon', '28 sendmail/msa-ipv4-only'],
    why: 'Family=inet daemons on every IPv4 address, no inet6 daemon (inside a Docker image on Linux: a Family=inet6 daemon would take both)',
  },
  'realworld/saul-jb__wordpress-docker__sendmail.mc': {
    findings: ['10 sendmail/no-inet6-daemon', '12 sendmail/msa-ipv4-only'],
    why: "Debian's template, Family=inet on 127.0.0.1 only",
  },
  'upstream/cf__domain__CS.Berkeley.EDU.m4': { findings: ['16 sendmail/missing-ostype'], why: 'a DOMAIN() file, not a .mc: it is included by .mc files that have the OSTYPE (the rule reads one file)' },
  'upstream/cf__domain__S2K.Berkeley.EDU.m4': { findings: ['16 sendmail/missing-ostype'], why: 'a DOMAIN() file, not a .mc (see above)' },
  'upstream/cf__domain__generic.m4': { findings: ['26 sendmail/missing-ostype'], why: 'a DOMAIN() file, not a .mc (see above)' },
};

function files(): string[] {
  const out: string[] = [];
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of readdirSync(path.join(dir, sub.name)).sort()) if (f.endsWith('.mc') || f.endsWith('.m4')) out.push(`${sub.name}/${f}`);
  }
  return out.sort();
}

test('the sendmail corpus is present', { skip: present || process.env.CI ? false : skip }, () => {
  assert.ok(present, `sendmail corpus missing at ${dir}: set V6READY_CORPUS to the shared corpus folder`);
});

test('every .mc and .m4 file parses without sendmail/syntax findings; other findings are the known true positives', { skip }, async (t) => {
  const names = files();
  const mc = names.filter((n) => n.endsWith('.mc'));
  assert.ok(mc.length >= 20, `only ${mc.length} .mc files in ${dir}`);
  let invalidUtf8 = 0;
  let totalFindings = 0;
  const perRule = new Map<string, number>();
  for (const name of names) {
    const decoded = decode(readFileSync(path.join(dir, name)));
    if (!decoded.validUtf8) invalidUtf8++;
    const a = analyze(sendmailDialect, decoded.text);
    const lines = new LineIndex(decoded.text);
    const syntax = a.findings.filter((f) => f.rule === 'sendmail/syntax').map((f) => `${lines.lineOf(f.span.start) + 1}: ${f.message}`);
    const others = a.findings.filter((f) => f.rule !== 'sendmail/syntax').map((f) => `${lines.lineOf(f.span.start) + 1} ${f.rule}`);
    totalFindings += a.findings.length;
    for (const f of a.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
    await t.test(name, () => {
      assert.deepEqual(syntax, []);
      assert.ok(!a.findings.some((f) => f.rule === 'v6ready/internal-error'));
      assert.deepEqual(others, KNOWN[name]?.findings ?? [], KNOWN[name]?.why);
      // Undecodable bytes (U+FFFD) never produce findings of their own.
      for (const f of a.findings) assert.ok(!decoded.text.slice(f.span.start, Math.max(f.span.end, f.span.start + 1)).includes('\ufffd'), `finding on undecodable bytes: ${f.message}`);
    });
  }
  assert.ok(invalidUtf8 >= 1, 'the corpus has a file that is not valid UTF-8 (knecht.mc); it must be read and analysed too');
  const rules = [...perRule].sort().map(([r, n]) => `${r} ${n}`).join(', ');
  console.log(`sendmail corpus: ${names.length} files (${mc.length} .mc, ${names.length - mc.length} .m4), ${invalidUtf8} not valid UTF-8, 0 with sendmail/syntax findings, ${totalFindings} findings: ${rules}`);
});

test('knecht.mc (Latin-1 bytes in LOCAL_CONFIG) is read without crashing or false findings', { skip }, () => {
  const name = 'upstream/cf__cf__knecht.mc';
  const bytes = readFileSync(path.join(dir, name));
  const decoded = decode(bytes);
  assert.equal(decoded.validUtf8, false);
  assert.ok(decoded.text.includes('\ufffd'));
  const a = analyze(sendmailDialect, decoded.text);
  assert.deepEqual(a.findings.map((f) => f.message), []);
  // Its sections stay opaque: the Latin-1 regex line is part of LOCAL_RULESETS.
  assert.ok(a.parse.model.sections.some((s) => s.name === 'LOCAL_RULESETS'));
});
