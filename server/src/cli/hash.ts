// Hex and base64 digests for the CLI (the result cache's keys and observations, SARIF fingerprints), loading
// node:crypto on the first digest only: a `check --no-cache` makes none, and loading the module at start-up cost
// ~9 ms of a ~145 ms run. A static import would not do: esbuild hoists it to the bundle's (and the loader's) top.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let cryptoModule: Crypto | undefined;

/** node:crypto, loaded now if it was not yet (a builtin: the path createRequire is given does not matter). */
function nodeCrypto(): Crypto {
  return (cryptoModule ??= createRequire(process.execPath)('node:crypto') as Crypto);
}

/** The digest of `data` with `algorithm` ('sha1', 'sha256'), as hex or base64. */
export function digest(algorithm: 'sha1' | 'sha256', data: string | Uint8Array, encoding: 'hex' | 'base64'): string {
  return nodeCrypto().createHash(algorithm).update(data).digest(encoding);
}

