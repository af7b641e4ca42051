// Fixes never harm, on the real checkers: for every corpus file of a dialect whose checker is installed, apply
// every safe fix (fix-all), and run the checker before and after. Its verdict is never worse (accepted before,
// rejected after fails the test). Prints per dialect: files, files fixed, fixes applied, verdicts.
// Checkers: named-checkconf (BIND), named-checkzone (zones), apache2 -t (Apache, through the oracle's wrapper
// config), sshd -t (in a private namespace), m4 with sendmail's cf.m4 (a clean build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fixAll } from '../../server/src/core/analyze';
import { DIALECTS } from '../../server/src/core/registry';
import type { Dialect } from '../../server/src/core/types';
import { apacheOracleSkipReason, apacheSyntaxCheck } from './apache-harness';
import { checkconfFile, which } from './named-harness';
import { buildCf, sendmailSkipReason } from './sendmail-harness';
import { sshdCheckFiles, sshdSkipReason } from './sshd-harness';
import { CORPUS } from '../fixture-lib';


function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.(tsv|md)$/.test(n) ? [] : [p];
    });
}

interface Pair {
  file: string;
  before: string;
  after: string;
  applied: number;
}

/** Accepted (true) or rejected (false) by the checker, for a batch of texts. */
type Checker = (texts: { name: string; text: string }[]) => Promise<boolean[]>;

function inTempFiles<T>(texts: { name: string; text: string }[], f: (paths: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-never-harm-'));
  try {
    const paths = texts.map((t, i) => {
      const p = join(dir, `${i}-${basename(t.name)}`);
      writeFileSync(p, t.text);
      return p;
    });
    return f(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Family {
  dialect: string;
  folder: string;
  checker: string;
  skip: () => string | undefined;
  check: Checker;
}

const FAMILIES: Family[] = [
  {
    dialect: 'bind',
    folder: 'bind',
    checker: 'named-checkconf',
    skip: () => (which('named-checkconf') ? undefined : 'named-checkconf not found (Debian: apt-get install bind9-utils)'),
    // Run where the original lives, so that its relative includes and files resolve as they did for its authors.
    check: async (texts) => inTempFiles(texts, (paths) => paths.map((p, i) => checkconfFile(p, dirname(texts[i].name)).ok)),
  },
  {
    dialect: 'zone',
    folder: 'zones',
    checker: 'named-checkzone',
    skip: () => (which('named-checkzone') ? undefined : 'named-checkzone not found (Debian: apt-get install bind9-utils)'),
    check: async (texts) =>
      inTempFiles(texts, (paths) =>
        paths.map((p) => {
          // The origin is the file's name as the corpus gives it (…__example.net.db), else a neutral one.
          const m = /__([a-z0-9.-]+?)\.db$/i.exec(p);
          const origin = m && m[1].includes('.') ? m[1] : 'example.test';
          return spawnSync(which('named-checkzone')!, ['-q', origin, p], { timeout: 15000 }).status === 0;
        }),
      ),
  },
  {
    dialect: 'apache',
    folder: 'apache',
    checker: 'apache2 -t',
    skip: apacheOracleSkipReason,
    check: async (texts) => inTempFiles(texts, (paths) => paths.map((p) => apacheSyntaxCheck(p).ok)),
  },
  {
    dialect: 'sshd',
    folder: 'sshd',
    checker: 'sshd -t',
    skip: sshdSkipReason,
    check: async (texts) => {
      const dir = mkdtempSync(join(tmpdir(), 'v6ready-never-harm-sshd-'));
      try {
        const paths = texts.map((t, i) => {
          const p = join(dir, `${i}.conf`);
          writeFileSync(p, t.text, { mode: 0o644 });
          return p;
        });
        return (await sshdCheckFiles(paths, 2)).map((c) => c.ok);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    dialect: 'sendmail',
    folder: 'sendmail',
    checker: 'm4 (cf.m4)',
    skip: sendmailSkipReason,
    check: async (texts) => texts.map((t) => buildCf(t.text).clean),
  },
];

for (const fam of FAMILIES) {
  const dir = join(CORPUS, fam.folder);
  const why = !existsSync(dir) ? `corpus not found at ${dir} (set V6READY_CORPUS)` : fam.skip();
  if (why) {
    if (process.env.CI) test(`fixes never harm: ${fam.dialect} (${fam.checker})`, () => assert.fail(`${why} — CI must provide it`));
    else test(`fixes never harm: ${fam.dialect} (${fam.checker})`, { skip: why }, () => {});
    continue;
  }
  test(`fixes never harm: ${fam.dialect} corpus, ${fam.checker} before and after fix-all`, { timeout: 900_000 }, async () => {
    const dialect = DIALECTS.find((d) => d.name === fam.dialect) as Dialect;
    const files = walk(dir);
    assert.ok(files.length > 5, `only ${files.length} files in ${dir}`);
    const pairs: Pair[] = [];
    for (const file of files) {
      const before = new TextDecoder().decode(readFileSync(file));
      const r = fixAll(dialect, before);
      if (r.applied > 0 && r.text !== before) pairs.push({ file, before, after: r.text, applied: r.applied });
    }
    const verdictsBefore = await fam.check(pairs.map((p) => ({ name: p.file, text: p.before })));
    const verdictsAfter = await fam.check(pairs.map((p) => ({ name: p.file, text: p.after })));
    const counts = { unchanged: 0, improved: 0, worse: 0 };
    const worse: string[] = [];
    pairs.forEach((p, i) => {
      const b = verdictsBefore[i];
      const a = verdictsAfter[i];
      if (b === a) counts.unchanged++;
      else if (a) counts.improved++;
      else {
        counts.worse++;
        worse.push(relative(CORPUS, p.file));
      }
    });
    const accepted = verdictsBefore.filter(Boolean).length;
    console.log(
      `fixes never harm, ${fam.dialect} (${fam.checker}): ${files.length} corpus files, ${pairs.length} changed by fix-all ` +
        `(${pairs.reduce((n, p) => n + p.applied, 0)} safe fixes applied; ${accepted} of them accepted before); ` +
        `verdict unchanged ${counts.unchanged}, improved ${counts.improved}, worse ${counts.worse}`,
    );
    assert.deepEqual(worse, [], 'the checker accepted these files before fix-all and rejects them after');
  });
}
