// The sendmail catalogue is complete: every macro the grammar knows has a doc, and — where sendmail-cf is
// installed (/usr/share/sendmail/cf, Debian) — every feature, mailer and OS type file and every conf* name
// the cf tree uses is in the catalogue, so nothing real is reported as unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CF_MACROS, M4_BUILTINS } from '../../grammars/sendmail/macros';
import { CONF, FEATURES, MACROS, MAILERS, OSTYPES, renderConf, renderFeature, renderMacro, renderMailer, renderOstype } from '../../server/src/dialects/sendmail/catalogue';

const CF_DIR = process.env.SENDMAIL_CF_DIR ?? '/usr/share/sendmail/cf';
const installed = existsSync(join(CF_DIR, 'm4', 'cf.m4'));
const skip = installed ? false : `sendmail-cf not installed at ${CF_DIR} (Debian: apt-get install sendmail-cf)`;

function m4Names(dir: string): string[] {
  return readdirSync(join(CF_DIR, dir)).filter((f) => f.endsWith('.m4')).map((f) => f.slice(0, -3)).sort();
}

test('every macro the grammar knows has hover text, and every text renders', () => {
  for (const name of [...CF_MACROS, ...M4_BUILTINS]) assert.ok(MACROS.has(name), `no doc for ${name}`);
  for (const name of MACROS.keys()) assert.ok(renderMacro(name));
  for (const name of FEATURES.keys()) assert.ok(renderFeature(name));
  for (const name of MAILERS.keys()) assert.ok(renderMailer(name));
  for (const name of OSTYPES.keys()) assert.ok(renderOstype(name));
  for (const name of CONF.keys()) assert.match(renderConf(name)!, /sendmail\.org/);
  assert.ok(CONF.size >= 200, `${CONF.size} conf names`);
});

test('features, mailers and OS types match the installed cf tree', { skip }, () => {
  for (const f of m4Names('feature')) assert.ok(FEATURES.has(f), `feature ${f} missing from the catalogue`);
  for (const m of m4Names('mailer')) assert.ok(MAILERS.has(m), `mailer ${m} missing`);
  for (const o of m4Names('ostype')) assert.ok(OSTYPES.has(o), `ostype ${o} missing`);
});

test('every conf* name the installed cf tree uses is known', { skip }, () => {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.m4') || e.name.endsWith('.mc')) for (const m of readFileSync(p, 'latin1').matchAll(/\bconf[A-Z][A-Z0-9_]*[A-Z0-9]\b/g)) names.add(m[0]);
    }
  };
  walk(CF_DIR);
  const missing = [...names].filter((n) => !CONF.has(n)).sort();
  assert.deepEqual(missing, []);
  // Each option cf.m4 writes (_OPTION lines of proto.m4) names the same sendmail.cf option as the catalogue.
  const proto = readFileSync(join(CF_DIR, 'm4', 'proto.m4'), 'latin1');
  for (const m of proto.matchAll(/_OPTION\(([A-Za-z.]+), `(conf[A-Z0-9_]+)'/g)) {
    const d = CONF.get(m[2]);
    assert.ok(d, m[2]);
    assert.equal(d.option, m[1], `${m[2]} sets ${m[1]}`);
  }
});
