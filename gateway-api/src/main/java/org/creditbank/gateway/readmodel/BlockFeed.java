package org.creditbank.gateway.readmodel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a read model up to date in the background: asks the source for the blocks after the
 * checkpoint, applies each as it is committed, and when the stream breaks (the peer restarts, the
 * network drops) asks again from the new checkpoint after a growing pause, so a block is never
 * skipped and never applied twice. Logs where it is at start, on each reconnect and every
 * {@link #PROGRESS_EVERY} blocks.
 */
public final class BlockFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockFeed.class);
    private static final int PROGRESS_EVERY = 1_000;

    private final ReadModel model;
    private final BlockSource source;
    private final BlockDecoder decoder;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Thread thread;
    private final AtomicReference<CloseableIterator<Block>> stream = new AtomicReference<>();
    private volatile boolean running = true;

    private BlockFeed(ReadModel model, BlockSource source, String chaincode, Duration firstPause, Duration longestPause) {
        this.model = model;
        this.source = source;
        this.decoder = new BlockDecoder(chaincode);
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.thread = new Thread(this::run, "read-model-feed");
        thread.setDaemon(true);
    }

    /** Starts feeding {@code model} with the writes of {@code chaincode} from {@code source}. */
    public static BlockFeed start(ReadModel model, BlockSource source, String chaincode) {
        return start(model, source, chaincode, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    static BlockFeed start(ReadModel model, BlockSource source, String chaincode, Duration firstPause,
                           Duration longestPause) {
        BlockFeed feed = new BlockFeed(model, source, chaincode, firstPause, longestPause);
        feed.thread.start();
        return feed;
    }

    private void run() {
        Duration pause = firstPause;
        while (running) {
            long next = model.nextBlock();
            try {
                model.channelHeightIs(source.height());
                LOG.info("read model: reading blocks from {} (channel height {})", next, model.status().channelHeight());
                try (CloseableIterator<Block> blocks = source.blocksFrom(next)) {
                    stream.set(blocks);
                    while (running && blocks.hasNext()) {
                        Block block = blocks.next();
                        if (model.apply(decoder.decode(block), () -> { }) && block.getHeader().getNumber() % PROGRESS_EVERY == 0) {
                            LOG.info("read model: at block {}, {} behind", block.getHeader().getNumber(), model.status().lag());
                        }
                        pause = firstPause;
                    }
                } finally {
                    stream.set(null);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("read model: block stream from {} broke ({}); again in {} ms", model.nextBlock(), e.toString(),
                        pause.toMillis());
            }
            if (!sleep(pause)) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    /**
     * Waits on the monitor, not by interrupting: an interrupt during a database write would close
     * H2's file under it.
     */
    private synchronized boolean sleep(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            for (long left = pause.toMillis(); running && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }

    /** Stops the feed and waits for it; the block being applied is committed or rolled back whole. */
    @Override
    public void close() {
        running = false;
        CloseableIterator<Block> open = stream.get();
        if (open != null) {
            open.close();
        }
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
