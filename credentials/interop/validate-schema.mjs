// Validates a credential against a published 1EdTech JSON schema (draft 2019-09, as the schemas
// declare) with ajv and ajv-formats, offline: the schema comes from the pinned registry package
// (schemas.mjs), which export-contexts.mjs installs during the build.
// Usage: node validate-schema.mjs [--schema=<schema $id>] <credential.json>
// The default schema is Open Badges 3.0 AchievementCredential. Prints {"valid": bool, "schema",
// "errors": [{"instancePath", "keyword", "message", "params"}]}; exit 0 when valid.
import {readFileSync} from 'node:fs';
import {Ajv2019} from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {OB_ACHIEVEMENT_CREDENTIAL, schemaFile} from './schemas.mjs';

const args = process.argv.slice(2);
const schemaId = args[0]?.startsWith('--schema=') ? args.shift().slice('--schema='.length) : OB_ACHIEVEMENT_CREDENTIAL;
const [credentialFile] = args;
if(!credentialFile) {
  console.error('usage: node validate-schema.mjs [--schema=<schema $id>] <credential.json>');
  process.exit(2);
}
// Strict mode, but for the warning on @context: the schema gives its first two items and, on
// purpose, no maxItems (further contexts are allowed), which ajv's strictTuples would warn about.
const ajv = new Ajv2019({allErrors: true, strictTuples: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile(schemaId), 'utf8')));
const valid = validate(JSON.parse(readFileSync(credentialFile, 'utf8')));
const errors = (validate.errors ?? []).map(({instancePath, keyword, message, params}) =>
  ({instancePath, keyword, message, params}));
console.log(JSON.stringify({valid, schema: schemaId, errors}));
process.exit(valid ? 0 : 1);
