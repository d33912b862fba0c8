// Verifies a CreditBank credential with Digital Bazaar's W3C VC libraries, written independently
// of CreditBank, with both cryptosuites of its proof set (ecdsa-rdfc-2019 and eddsa-rdfc-2022).
// Everything is resolved offline: contexts from npm packages, the issuer's controller (DID)
// document and status lists from files given on the command line.
// Usage: node verify.mjs [--now=<ISO date-time>] <credential.json> <controller-document.json> [status-list.json ...]
// Prints {"verified": bool, "proofs": [{"cryptosuite", "verified", "error"}], "statuses": [{"purpose", "set"}],
// "error": string|null}. The library's "verified" is true when at least one proof of a set verifies
// (jsonld-signatures' rule), so "proofs" says what each proof's own verdict was.
import {readFileSync} from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {THIRD_PARTY, CREDITBANK_V1, creditBankContext} from './contexts.mjs';

const args = process.argv.slice(2);
const now = args[0]?.startsWith('--now=') ? new Date(args.shift().slice('--now='.length)) : new Date();
const [credentialFile, controllerFile, ...statusListFiles] = args;
if(!credentialFile || !controllerFile || isNaN(now)) {
  console.error('usage: node verify.mjs [--now=<ISO date-time>] <credential.json> <controller-document.json> ' +
    '[status-list.json ...]');
  process.exit(2);
}
const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

const documents = new Map();
for(const [url, [, context]] of THIRD_PARTY) {
  documents.set(url, context);
}
documents.set(CREDITBANK_V1, creditBankContext());
const controller = readJson(controllerFile);
documents.set(controller.id, controller);
for(const method of controller.verificationMethod) {
  // A method is resolved on its own, so it takes the DID document's contexts with it (the
  // Multikey library requires the Multikey context on the key).
  documents.set(method.id, {'@context': controller['@context'], ...method});
}
for(const file of statusListFiles) {
  const list = readJson(file);
  documents.set(list.id, list);
}

async function documentLoader(url) {
  if(!documents.has(url)) {
    throw new Error(`refusing to load unknown document ${url} (offline verifier)`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
}

const suite = [
  new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022})
];
const result = await vc.verifyCredential({
  credential: readJson(credentialFile),
  suite,
  documentLoader,
  checkStatus,
  now
});
const proofs = (result.results ?? []).map(r => ({
  cryptosuite: r.proof?.cryptosuite,
  verified: r.verified,
  error: r.error ? (r.error.errors ?? [r.error]).map(e => e.message).join('; ') : null
}));
const statuses = (result.statusResult?.results ?? []).map(r => ({
  purpose: r.credentialStatus?.statusPurpose,
  set: r.status
}));
const errors = [
  result.error,
  ...(result.results ?? []).map(r => r.error),
  result.statusResult?.error
].filter(Boolean).flatMap(e => e.errors ?? [e]).map(e => e.message);
const error = [...new Set(errors)].join('; ') || null;
console.log(JSON.stringify({verified: result.verified, proofs, statuses, error}));
process.exit(result.verified ? 0 : 1);
