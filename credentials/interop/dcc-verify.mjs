// Verifies a CreditBank credential with the Digital Credentials Consortium's verifier-core, the
// verifier of the Learner Credential Wallet and VerifierPlus, called exactly as they call it:
// verifyCredential({credential, knownDIDRegistries}).
//
// verifier-core takes no document loader: it resolves did:web, contexts, status lists (and OB
// schemas) with the global fetch. So this script replaces globalThis.fetch with one that serves the
// given files at the URLs verifier-core asks for, and refuses every other URL (reported in
// "refused"), unless --online lets those through to the network.
//
// Usage: node dcc-verify.mjs [--online] <credential.json> <did-document.json | http(s) URL of it>
//        [status-list.json ...]
// The DID document is served at the did:web address of its id (https://host/.well-known/did.json);
// given as a URL (e.g. a test gateway's /.well-known/did.json over http) it is fetched from there.
// No registry is given, so "registered_issuer" is always false: that is not a signature failure.
//
// Prints {"verified": bool, "log": [{"id", "valid"}], "errors": [{"name", "message"}],
// "schemaCheck": ..., "fetched": [url], "refused": [url]}; "verified" is our summary: a valid
// signature and every other step of the log valid except registered_issuer. Exit 0 when verified.
import {readFileSync} from 'node:fs';
import {CREDITBANK_V1, creditBankContext} from './contexts.mjs';

const args = process.argv.slice(2);
const online = args[0] === '--online' ? Boolean(args.shift()) : false;
const [credentialFile, didDocument, ...statusListFiles] = args;
if(!credentialFile || !didDocument) {
  console.error('usage: node dcc-verify.mjs [--online] <credential.json> <did-document.json | URL> ' +
    '[status-list.json ...]');
  process.exit(2);
}
const readJson = file => JSON.parse(readFileSync(file, 'utf8'));
const networkFetch = globalThis.fetch;

/** Where did:web says the DID document of `did` is (did:web method, "Read"). */
function didWebUrl(did) {
  const [scheme, method, host, ...path] = did.split(':');
  if(scheme !== 'did' || method !== 'web' || !host) {
    throw new Error(`not a did:web DID: ${did}`);
  }
  const base = `https://${decodeURIComponent(host)}/`;
  return path.length ? base + path.map(decodeURIComponent).join('/') + '/did.json' : base + '.well-known/did.json';
}

async function loadDidDocument(source) {
  if(!/^https?:\/\//.test(source)) {
    return readJson(source);
  }
  const response = await networkFetch(source, {headers: {accept: 'application/did+json, application/json'}});
  if(!response.ok) {
    throw new Error(`GET ${source}: HTTP ${response.status}`);
  }
  return response.json();
}

const documents = new Map([[CREDITBANK_V1, creditBankContext()]]);
const controller = await loadDidDocument(didDocument);
documents.set(didWebUrl(controller.id), controller);
for(const file of statusListFiles) {
  const list = readJson(file);
  documents.set(list.id, list);
}

const fetched = [];
const refused = [];
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : (input.url ?? String(input));
  if(documents.has(url)) {
    fetched.push(url);
    return new Response(JSON.stringify(documents.get(url)),
      {status: 200, headers: {'content-type': 'application/json'}});
  }
  if(online) {
    fetched.push(url);
    return networkFetch(input, init);
  }
  refused.push(url);
  return new Response(`offline verifier: ${url} is not served`, {status: 404});
};

// Imported only now: verifier-core builds its document loader when it loads.
const {verifyCredential} = await import('@digitalcredentials/verifier-core');
const result = await verifyCredential({credential: readJson(credentialFile), knownDIDRegistries: []});
const log = (result.log ?? []).map(({id, valid, error}) => ({id, valid, ...(error ? {error} : {})}));
const errors = (result.errors ?? []).map(({name, message}) => ({name, message}));
const signature = log.find(step => step.id === 'valid_signature');
const verified = errors.length === 0 && signature?.valid === true &&
  log.every(step => step.id === 'registered_issuer' || step.valid === true);
const schemaCheck = result.additionalInformation?.find(entry => entry.id === 'schema_check')?.results ?? null;
console.log(JSON.stringify({verified, log, errors, schemaCheck, fetched: [...new Set(fetched)],
  refused: [...new Set(refused)]}));
process.exit(verified ? 0 : 1);
