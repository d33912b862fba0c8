// A wallet, made of libraries written independently of CreditBank, that collects a credential
// offered by a CreditBank gateway and binds it to a key of its own:
//   node wallet.mjs oid4vci <openid-credential-offer://...> [es256|eddsa]
//     OpenID4VCI 1.0, pre-authorized code flow, with the OpenWallet Foundation's client
//     (@openid4vc/openid4vci); the key proof is a JWT signed with jose.
//   node wallet.mjs vcapi <interaction URL>
//     a VC-API exchange: the DID Authentication is a presentation signed with Digital Bazaar's
//     @digitalbazaar/vc and the eddsa-rdfc-2022 cryptosuite, by a fresh Ed25519 did:key.
// Prints {"holder": <the wallet's DID>, "credential": <what the gateway issued>} or, on failure,
// {"error": ..., "status"?: ..., "body"?: ...} with exit code 1.
// The gateway under test is plain HTTP on loopback, so the OpenID4VCI client is told to allow
// http URLs (setGlobalConfig); nothing else is relaxed.
import {createHash, getRandomValues} from 'node:crypto';
import {Openid4vciClient} from '@openid4vc/openid4vci';
import {clientAuthenticationAnonymous, setGlobalConfig} from '@openid4vc/oauth2';
import * as jose from 'jose';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';

const [mode, target, keyType = 'es256'] = process.argv.slice(2);

function fail(error, extra = {}) {
  console.log(JSON.stringify({error: String(error?.message ?? error), ...extra}));
  process.exit(1);
}

async function oid4vci(offerLink) {
  setGlobalConfig({allowInsecureUrls: true});
  const key = keyType === 'eddsa' ? await jose.generateKeyPair('EdDSA', {crv: 'Ed25519'})
    : await jose.generateKeyPair('ES256');
  const publicJwk = await jose.exportJWK(key.publicKey);
  const alg = keyType === 'eddsa' ? 'EdDSA' : 'ES256';
  let signedJwk;
  const client = new Openid4vciClient({
    callbacks: {
      fetch,
      hash: (data, algorithm) => createHash(algorithm.replace('-', '')).update(data).digest(),
      generateRandom: length => getRandomValues(new Uint8Array(length)),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (signer, {header, payload}) => {
        // The wallet's DID is its key as it names it in the proof: did:jwk of the header's jwk.
        signedJwk = header.jwk;
        return {jwt: await new jose.SignJWT(payload).setProtectedHeader(header).sign(key.privateKey), signerJwk: publicJwk};
      }
    }
  });
  const credentialOffer = await client.resolveCredentialOffer(offerLink);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const {accessTokenResponse} = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata
  });
  const {c_nonce: nonce} = await client.requestNonce({issuerMetadata});
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
  const {jwt} = await client.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId, nonce,
    signer: {method: 'jwk', alg, publicJwk}
  });
  const response = await client.retrieveCredentials({
    issuerMetadata, credentialConfigurationId, accessToken: accessTokenResponse.access_token,
    proofs: {jwt: [jwt]}
  });
  const credential = response.credentialResponse.credentials?.[0]?.credential ?? response.credentialResponse.credential;
  const holder = 'did:jwk:' + Buffer.from(JSON.stringify(signedJwk)).toString('base64url');
  return {holder, credential, version: issuerMetadata.originalDraftVersion};
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST', headers: {'content-type': 'application/json', accept: 'application/json'},
    body: JSON.stringify(body)
  });
  const text = await response.text();
  if(!response.ok) {
    fail(`POST ${url} answered ${response.status}`, {status: response.status, body: text});
  }
  return JSON.parse(text);
}

async function vcapi(interactionUrl) {
  const protocols = await (await fetch(interactionUrl, {headers: {accept: 'application/json'}})).json();
  const exchange = protocols.protocols?.vcapi;
  if(!exchange) {
    fail('the interaction URL offers no vcapi protocol', {body: JSON.stringify(protocols)});
  }
  const {verifiablePresentationRequest: request} = await post(exchange, {});
  if(request?.query?.[0]?.type !== 'DIDAuthentication') {
    fail('the exchange did not ask for DID Authentication', {body: JSON.stringify(request)});
  }
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const documentLoader = async url => {
    if(credentialsContexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: credentialsContexts.get(url)};
    }
    throw new Error(`refusing to load ${url} (offline wallet)`);
  };
  const presentation = vc.createPresentation({holder: did});
  const signed = await vc.signPresentation({
    presentation,
    suite: new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022}),
    challenge: request.challenge,
    domain: request.domain,
    documentLoader
  });
  const reply = await post(exchange, {verifiablePresentation: signed});
  return {holder: did, credential: reply.verifiablePresentation?.verifiableCredential?.[0]};
}

try {
  const result = mode === 'oid4vci' ? await oid4vci(target) : mode === 'vcapi' ? await vcapi(target)
    : fail('usage: node wallet.mjs oid4vci <offer link> [es256|eddsa] | vcapi <interaction URL>');
  if(!result.credential) {
    fail('the gateway answered without a credential', {body: JSON.stringify(result)});
  }
  console.log(JSON.stringify(result));
} catch(e) {
  fail(e, {status: e.response?.status, body: e.response ? JSON.stringify(e.response) : undefined});
}
