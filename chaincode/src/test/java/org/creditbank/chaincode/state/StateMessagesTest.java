package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The batching switch and the shim it depends on. That both modes store the same bytes through
 * the real shim is {@code DeterminismTest.batchingSwitchedOffSendsOneMessagePerCallAndStoresTheSameBytes}.
 */
class StateMessagesTest {

    @Test
    void unsetOrOnBatchesOffSendsOnePerCallAndAnythingElseIsRefused() {
        assertThat(StateMessages.requested(null)).isEqualTo(StateMessages.BATCHED);
        assertThat(StateMessages.requested("")).isEqualTo(StateMessages.BATCHED);
        assertThat(StateMessages.requested("ON")).isEqualTo(StateMessages.BATCHED);
        assertThat(StateMessages.requested(" off ")).isEqualTo(StateMessages.ONE_PER_CALL);
        assertThatThrownBy(() -> StateMessages.requested("false"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREDITBANK_STATE_BATCHING");
    }

    /**
     * PeerBatch reaches two private internals of fabric-chaincode-shim 2.5.10. When a new shim
     * moves them, the chaincode would quietly fall back to one message per call: this fails first.
     */
    @Test
    void thePinnedShimHasTheInternalsPeerBatchUses() {
        assertThat(PeerBatch.shimChannelFound()).isTrue();
        assertThat(StateMessages.inForce()).as("no %s in this build's environment", StateMessages.SWITCH)
                .isEqualTo(StateMessages.BATCHED);
    }
}
