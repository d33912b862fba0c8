// The 1EdTech JSON schemas CreditBank credentials are validated against, taken from a pinned
// registry package only (pypi-requirements.txt: the sdist of openbadgeslib, hash-checked by pip),
// never typed in here. Shared by export-contexts.mjs (which installs them) and validate-schema.mjs.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const SDIST = 'openbadgeslib-4.6.3';
/** One directory per pinned version, so a new pin in pypi-requirements.txt is installed anew. */
const DIR = new URL(`./.pypi/${SDIST}/`, import.meta.url);

/** Schema $id -> its file inside the sdist. */
const IN_SDIST = new Map([
  ['https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
    `${SDIST}/tests/fixtures/ob_schemas/ob_v3p0_achievementcredential_schema.json`]
]);

export const OB_ACHIEVEMENT_CREDENTIAL = [...IN_SDIST.keys()][0];

/** Where the installed copy of the schema `id` is. */
export function schemaFile(id) {
  if(!IN_SDIST.has(id)) {
    throw new Error(`no registry package here provides the schema ${id}`);
  }
  return fileURLToPath(new URL(IN_SDIST.get(id).split('/').pop(), DIR));
}

/** Downloads the pinned sdist with pip (hash-checked) and extracts the schemas, when missing. */
export function installSchemas() {
  if([...IN_SDIST.keys()].every(id => existsSync(schemaFile(id)))) {
    return;
  }
  const dir = fileURLToPath(DIR);
  mkdirSync(dir, {recursive: true});
  execFileSync('python3', ['-m', 'pip', 'download', '--quiet', '--disable-pip-version-check', '--no-deps',
    '--no-binary', ':all:', '--require-hashes', '-r', fileURLToPath(new URL('./pypi-requirements.txt',
      import.meta.url)), '-d', dir], {stdio: 'inherit'});
  for(const [id, member] of IN_SDIST) {
    const schema = execFileSync('tar', ['-xzOf', `${dir}${SDIST}.tar.gz`, member], {maxBuffer: 1 << 24});
    if(JSON.parse(schema.toString('utf8')).$id !== id) {
      throw new Error(`${member} in ${SDIST} is not the schema ${id}`);
    }
    writeFileSync(schemaFile(id), schema);
  }
}
