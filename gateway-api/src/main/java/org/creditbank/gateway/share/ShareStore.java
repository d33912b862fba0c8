package org.creditbank.gateway.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the gateway keeps its shares ({@link JdbcShareStore} on an embedded H2 file by default).
 * Off the ledger on purpose: who shared what with whom, and who opened it, is the learner's
 * business, not the consortium's.
 */
public interface ShareStore {

    /** Stores a new share (its id is fresh: drawn with 128 random bits). */
    void add(Share share);

    Optional<Share> find(String id);

    /** The shares of account {@code learner}, newest first. */
    List<Share> ofLearner(String learner);

    /** Marks share {@code id} withdrawn at {@code at}, unless it already was; nothing when there is no such share. */
    void withdraw(String id, Instant at);

    /** Counts one opening of share {@code id} at {@code at}. */
    void opened(String id, Instant at);
}
