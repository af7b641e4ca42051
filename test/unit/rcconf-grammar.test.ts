// The rc.conf (sh) grammar: parity with `sh -n` on a table of snippets (recorded from dash, and re-checked against
// /bin/sh when it exists), the values the model reads from assignments, and bad input that must not throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenizeSh } from '../../grammars/rcconf/lexer';
import { parseRcconfText } from '../../grammars/rcconf/parser';
import { analyze } from '../../server/src/core/analyze';
import { rcconfDialect } from '../../server/src/dialects/rcconf';

/** [does sh -n accept it, the text]: recorded from `dash -n` (Debian's /bin/sh, an ash like FreeBSD's sh). */
const CASES: [boolean, string][] = [
  [false, "a=1 if true; then :; fi"],
  [true,  "if=3"],
  [true,  "echo if then fi"],
  [false, "then"],
  [false, "a=\"b"],
  [false, "a='b"],
  [false, "a=${b"],
  [false, "a=$(b"],
  [false, "a=`b"],
  [true,  "a=${b c}"],
  [true,  "a=${b:-\"x y\"}"],
  [true,  "a=$((1+))"],
  [false, "a=$(if)"],
  [false, "a=`if`"],
  [true,  "cat <<EOF\nx"],
  [true,  "cat <<EOF"],
  [true,  "{ echo; }"],
  [false, "{ echo }"],
  [true,  "f() { :; }"],
  [false, "f()"],
  [false, "( )"],
  [false, "a=(1 2)"],
  [false, "a=b;;"],
  [true,  "case x in a) ;; esac"],
  [true,  "case x in a) esac"],
  [true,  "case x in (a) echo;; b|c) echo; esac"],
  [false, "&& true"],
  [false, "true |"],
  [false, "true &&"],
  [true,  "a=b &"],
  [true,  "! true"],
  [true,  "!true"],
  [true,  "a=b c"],
  [true,  "a=\\\nb"],
  [true,  "a=b\\"],
  [false, "${"],
  [false, "$("],
  [true,  "a=$(case x in a) echo;; esac)"],
  [true,  "a=$(echo \")\")"],
  [true,  "for i in a b; do :; done"],
  [true,  "for i do :; done"],
  [true,  "for i; do :; done"],
  [true,  "while :; do :; done"],
  [false, "until :; do done"],
  [false, "if true; then fi"],
  [false, "a=b >"],
  [true,  "a=b 2>&1"],
  [true,  "a=b #c"],
  [true,  "a=b#c"],
  [true,  "a=\"$(echo \"a b\")\""],
  [true,  "# only\n"],
  [false, ";"],
  [true,  "a=b;"],
  [false, "a=b; ;"],
  [true,  "true |\nfalse"],
  [true,  "true &&\n\nfalse"],
  [true,  "true ||\n# c\nfalse"],
  [true,  "if true\nthen\n:\nfi\n"],
  [true,  "case x in\nesac"],
  [true,  "case x in\n a)\n echo\n ;;\n b) ;;\nesac"],
  [true,  "case x\nin a) ;; esac"],
  [true,  "f() (echo)"],
  [true,  "f() echo"],
  [true,  "f ()\n{\n:\n}"],
  [false, "function f { :; }"],
  [true,  "[[ a ]]"],
  [true,  "a=$(( (1) ))"],
  [true,  "a=$( (echo) )"],
  [true,  "a=`echo \\`echo\\``"],
  [true,  "a=\"$(echo \\\")\""],
  [false, "a='\\''"],
  [true,  "a=${#a} b=${a#*} c=\"${a:-}\""],
  [true,  "cat <<-EOF\n\tx\n\tEOF\n"],
  [true,  "cat <<'EOF'\n$(\nEOF\n"],
  [false, "cat <<EOF\n$(\nEOF\n"],
  [true,  "a=$(cat <<EOF\nx)\nEOF\n)"],
  [true,  "a=b\r\n"],
  [false, "if true; then\r\n:\r\nfi\r\n"],
  [false, "{ }"],
  [false, "{\n}"],
  [false, "if then fi"],
  [false, "a=b |"],
  [false, "| a"],
  [false, "a=b && ;"],
  [false, "a=b &;"],
  [false, "a=b & ;"],
  [false, "a=b ;;"],
  [false, "echo ;; "],
  [false, "case x in a) echo ;; ;; esac"],
  [true,  "a=$(echo)"],
  [true,  "a=$((echo))"],
  [false, "a=$((echo) )"],
  [false, "echo $((1+2)"],
  [false, "echo ${a"],
  [false, "echo \"${a}"],
  [true,  "x=${a:-$(echo })}"],
  [true,  "x=${a:-`echo }`}"],
  [true,  "x=${a:-'}'}"],
  [true,  "x=${a:-\"}\"}"],
  [true,  "x=$(echo #)\n)"],
  [true,  "x=$(echo a#)"],
  [true,  "x=`echo #`"],
  [false, "done"],
  [false, "in"],
  [true,  "for in in in; do :; done"],
  [true,  "for i in; do :; done"],
  [true,  "for i in a b\ndo :; done"],
  [false, "for 1 in a; do :; done"],
  [false, "for a-b in a; do :; done"],
  [false, "1a() { :; }"],
  [false, "a-b() { :; }"],
  [false, "a.b() { :; }"],
  [true,  "f() { :; } >/dev/null"],
  [true,  "a=b >f <g 2>>h 3<>i 4>|j"],
  [false, "a=b >&"],
  [false, "echo <<"],
  [false, "echo < ;"],
  [true,  "> f"],
  [false, "a=b ()"],
  [false, "echo ( a )"],
  [false, "echo a(b"],
  [false, "echo a)b"],
  [true,  "echo {a,b}"],
  [true,  "echo }"],
  [false, "}"],
  [true,  "echo a}"],
  [false, "{echo; }"],
  [false, "! ! true"],
  [true,  "! a=b"],
  [true,  "while true; do break; done &"],
  [true,  "if true; then :; fi | cat"],
  [true,  "a=b\\\n c"],
  [true,  "ec\\\nho"],
  [false, "{ echo; } echo"],
  [true,  "{ echo; } >f"],
  [false, "( echo ) echo"],
  [false, "if true; then :; fi echo"],
  [true,  "if true; then :; fi; echo"],
  [true,  "if true; then :; fi && echo"],
  [true,  "x=\"${a:-'}'}\""],
  [true,  "x=\"$(echo \"$(echo a)\")\""],
  [true,  "x=$(echo \"\\\")\")"],
  [true,  "x=$(echo \\))"],
  [true,  "x=$(echo ')')"],
  [true,  "x=$(# c )\n)"],
  [true,  "x=$(case a in (a) echo;; esac)"],
  [true,  "x=$(case a in a|b) echo;; *) echo;; esac)"],
  [true,  "x=$( ( echo ) )"],
  [true,  "x=$(case a in a) (echo);; esac)"],
  [true,  "case a in a) (echo);; esac"],
  [false, "x=$(echo case a in a) )"],
  [false, "x=$(echo a) b) c)"],
  [true,  "echo $(( $(echo 1) + 2 ))"],
  [true,  "echo $(( (1+2) ))"],
  [false, "echo $((1+2)) )"],
  [true,  "a=$"],
  [true,  "a=$\"x\""],
  [true,  "a=$'x'"],
  [true,  "echo \\\n"],
  [false, "x=`echo \\`"],
  [false, "x=`echo \"`"],
  [false, "cat <<EOF\n${\nEOF\n"],
  [true,  "cat <<\"EOF\"\n${\nEOF\n"],
  [true,  "cat <<E\"O\"F\n${\nEOF\n"],
  [true,  "cat <<EOF; cat <<EOF2\na\nEOF\nb\nEOF2\n"],
  [true,  "cat <<EOF\nEOF"],
  [false, "cat <<EOF \n`\nEOF"],
  [true,  "cat <<\\EOF\n$(\nEOF\n"],
  [false, "cat <<-EOF\n\t$(\n\tEOF\n"],
  [false, "echo << ;"],
  [false, "for i in a; do :; done x"],
  [false, "case x in a) b) ;; esac"],
  [false, "case x in a;; esac"],
  [false, "case x in ) ;; esac"],
  [false, "case x in a|) ;; esac"],
  [true,  "case in in in) ;; esac"],
  [false, "case x in esac) ;; esac"],
  [true,  "case x in (esac) ;; esac"],
  [false, "case x esac"],
  [false, "case x in a) echo; fi ;; esac"],
  [false, "if true; then :; else; fi"],
  [true,  "if true; then :; elif false; then :; fi"],
  [false, "if true; then :; elif false; fi"],
  [false, "while; do :; done"],
  [false, "for i in a b c"],
  [false, "for"],
  [false, "if"],
  [false, "a=b\n)"],
  [true,  "kld_list=\"${kld_list} blake2\"\t\t# sys/opencrypto"],
  [true,  "ifconfig_em0=\"inet 192.0.2.1 netmask 255.255.255.0\""],
  [true,  "ifconfig_em0=inet 192.0.2.1"],
  [true,  "hostname=vagrant-freebsd-101"],
  [true,  "ifconfig_em0 = \"DHCP\""],
  [true,  "if [ -z \"${x}\" ]; then\n\tx=yes\n\tf() {\n\t\tlocal i\n\t\tfor i in ${l}; do\n\t\t\tcase ${s} in\n\t\t\t*:$i:*)\n\t\t\t\t;;\n\t\t\t*)\n\t\t\t\ts=\"${s}:$i:\"\n\t\t\t\tif [ -r $i ]; then\n\t\t\t\t\t. $i\n\t\t\t\tfi\n\t\t\t\t;;\n\t\t\tesac\n\t\tdone\n\t}\nfi\n"],
  [true,  ": ${a:=b}"],
  [true,  ". /etc/rc.conf.local"],
  [true,  "[ -r /etc/x ] && . /etc/x"],
  [true,  "echo \"a\" 'b' c\\ d"],
  [true,  "x=`echo \\$HOME`"],
  [true,  "x=\"`echo \\\"a\\\"`\""],
  [true,  "a=$(echo $(echo $(echo)))"],
  [false, "a=$("],
  [false, "a=$(echo `"],
  [false, "echo \"$(echo ')\""],
  [true,  "echo '$(echo'"],
  [true,  "echo \"\\$(\""],
  [true,  "a=${x:-${y:-${z}}}"],
  [false, "a=${x:-${y:-${z}}"],
  [true,  "case $x in *) ;; esac"],
  [true,  "case $x in\n*)\necho\n;;\nesac\n"],
  [true,  "case x in a) ;; *) ;;\nesac"],
  [true,  "echo a &&\n b ||\n c"],
  [true,  "echo a |\n\n b"],
  [false, "x=$(case a in a) echo )"],
  [true,  "x=$(echo \"(\")"],
  [true,  "x=$(echo \\()"],
  [true,  "x=$((1 + (2 * 3)))"],
  [true,  "echo $(( 1 )) $(( 2 ))"],
  [true,  "f() { echo; }; f"],
  [true,  "while read a; do echo $a; done < f"],
  [true,  "until false; do :; done"],
  [true,  "for i in 1 2 3; do if [ $i = 2 ]; then break; fi; done"],
  [true,  "a=b; b=c; c=d"],
  [true,  "a=b\nb=c\n\nc=d\n"],
  [true,  "#!/bin/sh\na=b\n"],
  [true,  "a=b # comment with ' quote"],
  [true,  "a=\"b # not comment\""],
  [true,  "a=b\\ c"],
  [true,  "a=b\\\n"],
  [true,  "a=\"multi\nline\""],
  [true,  "a='multi\nline'"],
];

test('sh -n parity: rcconf/syntax problems exactly on the snippets sh rejects', () => {
  const wrong: string[] = [];
  for (const [ok, src] of CASES) {
    const problems = parseRcconfText(src).problems;
    if (ok !== (problems.length === 0)) wrong.push(`${JSON.stringify(src)}: sh ${ok ? 'accepts' : 'rejects'}, we report ${JSON.stringify(problems.map((p) => p.message))}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(CASES.filter(([ok]) => !ok).length > 80 && CASES.filter(([ok]) => ok).length > 80);
});

test('the recorded table still matches the /bin/sh of this machine', { skip: existsSync('/bin/sh') ? false : 'no /bin/sh' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'v6ready-sh-'));
  try {
    const wrong: string[] = [];
    const file = join(dir, 'rc.conf');
    for (const [ok, src] of CASES) {
      writeFileSync(file, src);
      const r = spawnSync('/bin/sh', ['-n', file], { encoding: 'utf8' });
      if ((r.status === 0) !== ok) wrong.push(`${JSON.stringify(src)}: recorded ${ok}, /bin/sh says ${r.status === 0} (${r.stderr.trim()})`);
    }
    assert.deepEqual(wrong, []);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('messages and places follow sh', () => {
  const first = (src: string) => {
    const p = parseRcconfText(src).problems[0];
    return p && { message: p.message, start: p.start };
  };
  assert.deepEqual(first('if true; then :; elif false; fi'), { message: 'syntax error: "fi" unexpected (expecting "then")', start: 29 });
  assert.deepEqual(first('case x in a) echo; fi ;; esac'), { message: 'syntax error: "fi" unexpected (expecting ";;")', start: 19 });
  assert.match(first('a="b')!.message, /unterminated quoted string.*Unterminated quoted string/);
  assert.match(first('a=${b')!.message, /Missing '}'/);
  assert.match(first('a=$(b')!.message, /expecting "\)"/);
  assert.match(first('x=`echo')!.message, /EOF in backquote substitution/);
  assert.match(first('1a() { :; }')!.message, /Bad function name/);
  assert.match(first('for 1 in a; do :; done')!.message, /Bad for loop variable/);
  assert.deepEqual(first('a=$(if)'), { message: 'syntax error: ")" unexpected', start: 6 });
  // The opening `if` is related to a missing fi.
  const p = parseRcconfText('if true; then\n\ta=b\n').problems[0];
  assert.equal(p.related, 0);
});

test('after an error the rest of the file still reaches the rules', () => {
  const a = analyze(rcconfDialect, 'a=b;;\nipv6_enable="YES"\n');
  assert.deepEqual(a.findings.map((f) => f.rule), ['rcconf/syntax', 'rcconf/obsolete-knob']);
});

test('assignment values as sh reads them', () => {
  const text = [
    `a="x y" b='q "r"' c=plain d=`,
    `e="\\$HOME \\" ok" f=$HOME g="pre-\${x}-post" h=ab'cd'"ef" i="multi`,
    `line"`,
    `export j="k l"`,
    `m=n cmd arg`,
  ].join('\n');
  const { model } = rcconfDialect.parse(text);
  const v = (name: string) => model.assignments.find((a) => a.name === name)!;
  assert.deepEqual([v('a').value.text, v('a').value.quote], ['x y', 'double']);
  assert.deepEqual([v('b').value.text, v('b').value.quote], ['q "r"', 'single']);
  assert.deepEqual([v('c').value.text, v('c').value.quote], ['plain', 'none']);
  assert.deepEqual([v('d').value.text, v('d').value.quote], ['', 'empty']);
  assert.equal(v('e').value.text, '$HOME " ok');
  assert.equal(v('e').value.content, undefined, 'escapes: no 1:1 content offsets');
  assert.equal(v('f').value.text, undefined, 'an expansion is not static');
  assert.equal(v('g').value.text, undefined);
  assert.deepEqual([v('h').value.text, v('h').value.quote], ['abcdef', 'mixed']);
  assert.equal(v('i').value.text, 'multi\nline');
  assert.equal(v('j').builtin, 'export');
  assert.equal(v('m').forCommand, true);
  assert.ok(!model.byName.has('m'), 'an assignment for one command does not stay set');
  const c = v('a').value.content!;
  assert.equal(text.slice(c.start, c.end), 'x y');
});

test('context: conditional, subshell and function assignments', () => {
  const { model } = rcconfDialect.parse('if x; then a=1; fi\nb=2 | cat\nf() { c=3; }\n( d=4 )\ne=5 && g=6\nh=7 &\n');
  const ctx = (n: string) => model.assignments.find((a) => a.name === n)!.ctx;
  assert.equal(ctx('a').conditional, true);
  assert.equal(ctx('b').subshell, true);
  assert.equal(ctx('c').inFunction, true);
  assert.equal(ctx('d').subshell, true);
  assert.equal(ctx('e').conditional, false);
  assert.equal(ctx('g').conditional, true);
  assert.equal(ctx('h').subshell, true);
});

test('bad input never throws and stays bounded', () => {
  const inputs: [string, string][] = [
    ['NUL bytes', 'a=b\0c\n\0\0\0\nsshd_enable="\0YES"\n'],
    ['U+FFFD from invalid UTF-8', new TextDecoder().decode(new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0x0a, 0x62, 0x3d, 0x22, 0xc3, 0x22, 0x0a]))],
    ['a 10 MB line', 'x="' + 'ab '.repeat(3_500_000) + '"\n'],
    ['deep $( nesting', '$('.repeat(50_000)],
    ['deep if nesting', 'if true; then '.repeat(20_000)],
    ['function chain', 'f() '.repeat(20_000) + ':'],
    ['many words', 'a '.repeat(250_000)],
    ['unclosed everything', '"\'`${$($(('.repeat(1000)],
  ];
  for (const [name, text] of inputs) {
    const t0 = performance.now();
    assert.doesNotThrow(() => analyze(rcconfDialect, text), name);
    assert.ok(performance.now() - t0 < 120_000, `${name} took too long`);
  }
  const many = analyze(rcconfDialect, 'a '.repeat(250_000));
  assert.ok(many.findings.some((f) => /not checked/.test(f.message)), 'a file over the token bound says so');
});

test('where FreeBSD sh and dash differ, FreeBSD wins: `;&` (fall through) ends a case item', () => {
  // FreeBSD's own network.subr uses `;&`; dash rejects it, so it is not in the table above.
  assert.deepEqual(parseRcconfText('case x in a) echo ;& b) echo ;; esac\n').problems, []);
});

test("the lexer's tokens carry what Chevrotain's offset-only tokens carry, and `info`", () => {
  // NaN line and column fields cost four heap numbers per token (grammars/rcconf/lexer.ts).
  const { tokens } = tokenizeSh('ifconfig_em0="inet 192.0.2.1/24" # c\necho "$x" `y`\n');
  assert.ok(tokens.length > 4);
  for (const t of tokens) assert.deepEqual(Object.keys(t), ['image', 'startOffset', 'tokenTypeIdx', 'tokenType', 'info'], t.image);
});
