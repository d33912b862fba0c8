// Writes the third-party JSON-LD contexts from the pinned npm packages into the Java classpath,
// so the Java issuer and verifier never fetch a context from the web.
// Usage: node export-contexts.mjs <output directory>
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const outDir = process.argv[2];
if(!outDir) {
  console.error('usage: node export-contexts.mjs <output directory>');
  process.exit(2);
}
if(!existsSync(new URL('./node_modules/.package-lock.json', import.meta.url))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'],
    {cwd: new URL('.', import.meta.url), stdio: 'inherit'});
}
const {THIRD_PARTY} = await import('./contexts.mjs');
mkdirSync(outDir, {recursive: true});
for(const [url, [file, context]] of THIRD_PARTY) {
  if(!context) {
    throw new Error(`no npm package here provides ${url}`);
  }
  writeFileSync(join(outDir, file), JSON.stringify(context, null, 2) + '\n');
}
console.log(`exported ${THIRD_PARTY.size} JSON-LD contexts to ${outDir}`);
