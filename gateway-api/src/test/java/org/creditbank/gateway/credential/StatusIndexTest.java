package org.creditbank.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;

class StatusIndexTest {

    private static IssuedStatus outcome(int n, OutcomeStatus status) {
        return new IssuedStatus("CollegeMSP:2026-" + n, String.format("2026-09-01T08:%02d:%02dZ", n / 60 % 60, n % 60),
                status);
    }

    @Test
    void positionsAlreadyHandedOutNeverMoveWhenMoreOutcomesAreIssued() {
        List<IssuedStatus> issued = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            issued.add(outcome(n, OutcomeStatus.ACTIVE));
        }
        // A tiny list, so that many outcomes collide and are moved on by probing.
        StatusIndex before = StatusIndex.of(issued, 256);
        List<IssuedStatus> more = new ArrayList<>(issued);
        for (int n = 200; n < 256; n++) {
            more.add(outcome(n, OutcomeStatus.ACTIVE));
        }
        StatusIndex after = StatusIndex.of(more, 256);

        Set<Integer> positions = new HashSet<>();
        for (IssuedStatus o : more) {
            positions.add(after.positionOf(o.id()));
        }
        assertThat(positions).hasSize(256);
        for (IssuedStatus o : issued) {
            assertThat(after.positionOf(o.id())).as(o.id()).isEqualTo(before.positionOf(o.id()));
        }
    }

    @Test
    void theListsMarkExactlyTheOutcomesInTheirStatus() {
        List<IssuedStatus> issued = List.of(outcome(1, OutcomeStatus.ACTIVE), outcome(2, OutcomeStatus.REVOKED),
                outcome(3, OutcomeStatus.SUSPENDED));
        StatusIndex index = StatusIndex.of(issued, 131_072);
        assertThat(index.bitsOf(issued, OutcomeStatus.REVOKED).stream().boxed().toList())
                .containsExactly(index.positionOf("CollegeMSP:2026-2"));
        assertThat(index.bitsOf(issued, OutcomeStatus.SUSPENDED).stream().boxed().toList())
                .containsExactly(index.positionOf("CollegeMSP:2026-3"));
    }
}
