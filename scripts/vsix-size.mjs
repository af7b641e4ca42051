// Prints the packaged .vsix's size and fails when it reaches 1 MB: the package holds only the bundles, the syntaxes,
// the manifest, README, CHANGELOG, LICENSE and the icon (.vscodeignore). Usage: node scripts/vsix-size.mjs <file.vsix>
import { statSync } from 'node:fs';

const LIMIT = 1024 * 1024;
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/vsix-size.mjs <file.vsix>');
  process.exit(2);
}
const bytes = statSync(file).size;
const ok = bytes < LIMIT;
console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes), ${ok ? 'under' : 'OVER'} the 1 MiB limit`);
process.exit(ok ? 0 : 1);
