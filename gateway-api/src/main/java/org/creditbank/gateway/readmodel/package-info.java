/**
 * The institution's off-chain read model (docs/read-model.md): the peer's committed blocks,
 * decoded ({@link org.creditbank.gateway.readmodel.BlockDecoder}), projected into typed SQL tables
 * with the block checkpoint in the same database transaction, and queried for lists, searches,
 * analytics and notifications that chaincode range queries cannot serve. The ledger stays the
 * truth: the read model can be dropped and rebuilt from block 0 at any time.
 *
 * <p>Public: {@link org.creditbank.gateway.readmodel.ReadModel} (the queries),
 * {@link org.creditbank.gateway.readmodel.BlockFeed} (the background feed) and
 * {@link org.creditbank.gateway.readmodel.BlockSource} (where blocks come from). The rest is
 * package-private.
 */
package org.creditbank.gateway.readmodel;
