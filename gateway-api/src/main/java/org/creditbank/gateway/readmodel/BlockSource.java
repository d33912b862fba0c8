package org.creditbank.gateway.readmodel;

import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/** Where the feed gets committed blocks: the institution's peer, or a test's list. */
public interface BlockSource {

    /** The channel's committed blocks from {@code firstBlock} on, waiting for each new one; closing ends the stream. */
    CloseableIterator<Block> blocksFrom(long firstBlock);

    /** How many blocks the channel has now (the next block's number). */
    long height();
}
