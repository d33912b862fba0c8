package org.creditbank.chaincode.state;

import java.util.logging.Logger;

/**
 * How the {@link Ledger} sends a transaction's state operations to the peer: an explicit choice,
 * made once per chaincode process by the environment variable {@value #SWITCH} of the chaincode
 * server. Both modes store the same bytes under the same keys with the same key-level policies
 * ({@code DeterminismTest} runs the same transactions both ways through the real shim); they differ
 * only in the number of round trips between chaincode and peer.
 *
 * <ul>
 *   <li>{@link #BATCHED} (unset or {@code on}, the default): a transaction's writes in
 *       {@code WRITE_BATCH_STATE} messages and multi-key reads in {@code GET_STATE_MULTIPLE},
 *       sent by {@link PeerBatch}. Needs a Fabric peer of v3.1 or later (here v3.1.5) and the Java
 *       shim whose internals {@link PeerBatch} reaches (fabric-chaincode-shim 2.5.10).</li>
 *   <li>{@link #ONE_PER_CALL} ({@code off}): every read and write is its own shim call and its
 *       own round trip ({@code GET_STATE}, {@code PUT_STATE}, {@code PUT_STATE_METADATA}, …), as
 *       any peer and any shim understand. For peers before v3.1, which have no handler for the
 *       batch messages and fail the transaction.</li>
 * </ul>
 *
 * <p>The fallback: when {@link #BATCHED} is asked for but the shim on the class path is not the one
 * {@link PeerBatch} was written against (its private stub field or task method is not there), the
 * process runs {@link #ONE_PER_CALL} and says so once in its log, instead of failing every
 * transaction; {@code StateMessagesTest} fails then, so an upgrade of the shim is noticed in the
 * build. Any other value of the switch is refused at start-up ({@code ChaincodeService}).
 */
public enum StateMessages {
    BATCHED,
    ONE_PER_CALL;

    /** The environment variable that chooses the mode: {@code on} (default) or {@code off}. */
    public static final String SWITCH = "CREDITBANK_STATE_BATCHING";

    private static final Logger LOG = Logger.getLogger(StateMessages.class.getName());

    /** What the switch's value asks for; {@code null} (unset) means on. */
    static StateMessages requested(String value) {
        if (value == null || value.isBlank() || "on".equalsIgnoreCase(value.strip())) {
            return BATCHED;
        }
        if ("off".equalsIgnoreCase(value.strip())) {
            return ONE_PER_CALL;
        }
        throw new IllegalArgumentException(SWITCH + " is '" + value + "'; it must be 'on' or 'off'");
    }

    /** The mode of this process: what {@value #SWITCH} asks for, unless batching is impossible here. */
    public static StateMessages inForce() {
        return Holder.IN_FORCE;
    }

    /** One line for the start-up log: the mode and why. */
    public static String describe() {
        StateMessages asked = requested(System.getenv(SWITCH));
        if (inForce() == BATCHED) {
            return "state messages: batched (WRITE_BATCH_STATE, GET_STATE_MULTIPLE; " + SWITCH + "=off to send one per call)";
        }
        return asked == ONE_PER_CALL ? "state messages: one per call (" + SWITCH + "=off)"
                : "state messages: one per call, although " + SWITCH + " asks for batches: "
                        + "this fabric-chaincode-shim is not the one PeerBatch was written for (2.5.10)";
    }

    /** Decided on first use, so that a bad value fails loudly and the shim is probed once. */
    private static final class Holder {
        static final StateMessages IN_FORCE = decide();

        private static StateMessages decide() {
            StateMessages asked = requested(System.getenv(SWITCH));
            if (asked == BATCHED && !PeerBatch.shimChannelFound()) {
                LOG.warning(() -> SWITCH + " asks for batched state messages, but the shim's internals that "
                        + "PeerBatch needs are not there (another fabric-chaincode-shim than 2.5.10?): "
                        + "sending one message per call");
                return ONE_PER_CALL;
            }
            return asked;
        }
    }
}
