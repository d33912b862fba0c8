package org.creditbank.gateway.readmodel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/** A peer for the feed in tests: a chain that grows while the feed reads it; its streams wait for the next block. */
public final class GrowingChain implements BlockSource {

    private final List<Block> chain = new CopyOnWriteArrayList<>();

    public GrowingChain(Block... blocks) {
        chain.addAll(List.of(blocks));
    }

    /** The next block is committed. */
    public void add(Block block) {
        chain.add(block);
    }

    @Override
    public long height() {
        return chain.size();
    }

    @Override
    public CloseableIterator<Block> blocksFrom(long firstBlock) {
        return new CloseableIterator<>() {
            private volatile boolean closed;
            private int next = (int) firstBlock;

            @Override
            public boolean hasNext() {
                while (!closed && next >= chain.size()) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return !closed;
            }

            @Override
            public Block next() {
                return chain.get(next++);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
