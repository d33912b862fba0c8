package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;

/** Submit and evaluate through the Fabric Gateway SDK, reading results and refusals as JSON. */
final class Calls {

    private Calls() {
    }

    /** A committed transaction's result and where it landed. */
    record Committed(JsonNode result, String txId, long block) {
    }

    static Committed submit(Contract contract, String function, String... args) {
        return submit(contract, Map.of(), function, args);
    }

    static Committed submit(Contract contract, Map<String, byte[]> transientData, String function, String... args) {
        try {
            SubmittedTransaction tx = contract.newProposal(function).addArguments(args).putAllTransient(transientData)
                    .build().endorse().submitAsync();
            Status status = tx.getStatus();
            assertThat(status.isSuccessful()).as("%s committed: %s", function, status.getCode()).isTrue();
            return new Committed(json(tx.getResult()), status.getTransactionId(), status.getBlockNumber());
        } catch (GatewayException e) {
            throw new AssertionError(function + " failed: " + describe(e), e);
        }
    }

    static JsonNode evaluate(Contract contract, String function, String... args) {
        try {
            return json(contract.evaluateTransaction(function, args));
        } catch (GatewayException e) {
            throw new AssertionError(function + " failed: " + describe(e), e);
        }
    }

    /** Asserts the chaincode refuses the submit with {@code code}; returns the refusal. */
    static RefusalBody refusedSubmit(String code, Contract contract, String function, String... args) {
        try {
            contract.newProposal(function).addArguments(args).build().endorse().submitAsync().getStatus();
        } catch (GatewayException e) {
            return assertRefusal(code, e);
        }
        return fail("%s was not refused", function);
    }

    static RefusalBody refusedEvaluate(String code, Contract contract, String function, String... args) {
        try {
            contract.evaluateTransaction(function, args);
        } catch (GatewayException e) {
            return assertRefusal(code, e);
        }
        return fail("%s was not refused", function);
    }

    private static RefusalBody assertRefusal(String code, GatewayException e) {
        RefusalBody refusal = refusal(e).orElseThrow(() -> new AssertionError("no chaincode refusal in: " + describe(e), e));
        assertThat(refusal.code().name()).isEqualTo(code);
        return refusal;
    }

    static Optional<RefusalBody> refusal(GatewayException e) {
        return Stream.concat(Stream.of(e.getMessage()), e.getDetails().stream().map(d -> d.getMessage()))
                .map(RefusalBody::find).flatMap(Optional::stream).findFirst();
    }

    private static String describe(GatewayException e) {
        return e.getMessage() + " " + e.getDetails().stream().map(d -> d.getMspId() + ": " + d.getMessage()).toList();
    }

    static JsonNode json(byte[] bytes) {
        return CanonicalJson.read(new String(bytes, StandardCharsets.UTF_8), JsonNode.class);
    }

    static String json(Object value) {
        return CanonicalJson.toJson(value);
    }
}
