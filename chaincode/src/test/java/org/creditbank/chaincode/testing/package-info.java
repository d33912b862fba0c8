/**
 * The chaincode's test fixtures, published in its test-jar for the gateway's and the network's
 * tests too: an in-memory channel ({@link org.creditbank.chaincode.testing.InMemoryLedger}) that
 * runs the real contracts under the real shim, the peer's side of the protocol that answers it
 * ({@link org.creditbank.chaincode.testing.PeerProtocol},
 * {@link org.creditbank.chaincode.testing.InMemoryStub}), callers with real certificates
 * ({@link org.creditbank.chaincode.testing.TestIdentity}) and valid drafts
 * ({@link org.creditbank.chaincode.testing.Drafts}). In one package apart from the tests so that
 * what other modules may reuse is plain.
 */
package org.creditbank.chaincode.testing;
