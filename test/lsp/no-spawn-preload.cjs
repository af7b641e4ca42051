// Preloaded into the server and the CLI by no-child-processes.test.ts: every way of starting a process throws
// and leaves a line on stderr, so a test can tell that none was tried.
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  cp[name] = function () {
    process.stderr.write(`V6READY-SPAWN-ATTEMPT child_process.${name}(${JSON.stringify([...arguments].slice(0, 2))})\n`);
    throw new Error(`v6ready must not start child processes (child_process.${name})`);
  };
}
