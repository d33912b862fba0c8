package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.creditbank.network.AuthorisationMatrix.Actor;
import org.creditbank.network.AuthorisationMatrix.Identity;
import org.creditbank.network.MatrixRun.Answer;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorisation matrix on the real network, bypassing the CreditBank gateway: every chaincode
 * function called through the Fabric Gateway SDK as each enrolled identity (their roles come from
 * the Fabric CA's certificate attributes), one test per cell of {@link AuthorisationMatrix#TABLE}.
 * The cells run at the same time, each on its own targets, over one connection per identity.
 */
class AuthorisationMatrixIT {

    private static final LiveNetwork NETWORK = new LiveNetwork();
    /** Endorsements and commits are mostly waiting; 16 in flight fill blocks without starving the 2 cores. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(16);

    @AfterAll
    static void close() {
        POOL.shutdownNow();
        NETWORK.close();
    }

    /** The deployed chaincode, as its own metadata describes it, has exactly the table's functions. */
    @Test
    void theDeployedChaincodeHasExactlyTheTablesFunctions() {
        JsonNode metadata = Calls.evaluate(NETWORK.as(LiveNetwork.Org.COLLEGE, "verifier1"), "org.hyperledger.fabric:GetMetadata");
        Set<String> deployed = new TreeSet<>();
        metadata.get("contracts").fields().forEachRemaining(contract -> {
            if (!contract.getKey().equals("org.hyperledger.fabric")) {
                contract.getValue().get("transactions").forEach(tx ->
                        deployed.add(contract.getKey() + ":" + tx.get("name").asText()));
            }
        });
        assertThat(deployed).containsExactlyElementsOf(AuthorisationMatrix.functions());
    }

    @TestFactory
    Stream<DynamicTest> everyCellOnTheNetwork() {
        long start = System.nanoTime();
        Map<String, Map<Identity, MatrixRun.Observed>> observed = new MatrixRun(new NetworkChain(), POOL,
                Map.of(LiveNetwork.Org.COLLEGE, LiveNetwork.Org.COLLEGE.profile(),
                        LiveNetwork.Org.UNIVERSITY, LiveNetwork.Org.UNIVERSITY.profile(),
                        LiveNetwork.Org.HARDWARE, LiveNetwork.Org.HARDWARE.profile(),
                        LiveNetwork.Org.EDU, LiveNetwork.Org.EDU.profile())).run();
        System.out.printf("authorisation matrix: %d cells in %s%n",
                AuthorisationMatrix.TABLE.size() * Identity.values().length, Duration.ofNanos(System.nanoTime() - start));
        return AuthorisationMatrix.cells(observed);
    }

    /** One SDK connection per identity, to its own organisation's peer. */
    private static final class NetworkChain implements MatrixRun.Chain {

        private final Map<Actor, Contract> contracts = new HashMap<>();

        @Override
        public Answer submit(Actor who, Map<String, byte[]> transientData, String function, String... args) {
            try {
                SubmittedTransaction tx = contract(who).newProposal(function).addArguments(args)
                        .putAllTransient(transientData).build().endorse().submitAsync();
                Status status = tx.getStatus();
                if (!status.isSuccessful()) {
                    return Answer.failed("endorsed but not committed: " + status.getCode());
                }
                return Answer.ok(Calls.json(tx.getResult()), status.getTransactionId());
            } catch (GatewayException e) {
                return refusal(e);
            }
        }

        @Override
        public Answer evaluate(Actor who, String function, String... args) {
            try {
                return Answer.ok(Calls.json(contract(who).evaluateTransaction(function, args)), null);
            } catch (GatewayException e) {
                return refusal(e);
            }
        }

        /** Synchronized: {@link LiveNetwork} keeps its connections in plain lists. */
        private synchronized Contract contract(Actor who) {
            return contracts.computeIfAbsent(who, a -> NETWORK.as(a.org(), a.user()));
        }

        private static Answer refusal(GatewayException e) {
            return Calls.refusal(e).map(r -> Answer.refused(r.code())).orElseGet(() -> Answer.failed(e.getMessage()
                    + " " + e.getDetails().stream().map(d -> d.getMspId() + ": " + d.getMessage()).toList()));
        }
    }
}
