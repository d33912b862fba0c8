package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.network.AuthorisationMatrix.Actor;
import org.creditbank.network.MatrixRun.Answer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorisation specification without a network: it names exactly the chaincode's
 * transactions, docs/authorisation.md shows it, and the contracts themselves, run in memory with
 * certificates like the Fabric CA's (role attribute, admin NodeOU), answer every cell as it says.
 * {@link AuthorisationMatrixIT} runs the same cells on the real network.
 */
class AuthorisationMatrixTest {

    private static final Path DOC = LiveNetwork.ROOT.resolve("docs/authorisation.md");

    @Test
    void theTableCoversEveryTransactionOfEveryContractAndNothingElse() {
        assertThat(AuthorisationMatrix.functions())
                .as("functions in AuthorisationMatrix.TABLE vs @Transaction methods of the chaincode")
                .containsExactlyElementsOf(AuthorisationMatrix.chaincodeFunctions());
    }

    /**
     * The document's table is generated from the specification: when it differs, this test writes
     * the new one into the file and fails, so the change shows in {@code git diff} and is committed
     * with the specification it came from.
     */
    @Test
    void docsAuthorisationShowsTheTable() throws IOException {
        assertThat(DOC).as("the checkout's docs (system property creditbank.root)").exists();
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = AuthorisationMatrix.splice(committed,
                AuthorisationMatrix.markdown(AuthorisationMatrix.expectedLabels()));
        if (!generated.equals(committed)) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("%s was out of date and has been regenerated; review and commit it", DOC)
                .isEqualTo(generated);
    }

    @TestFactory
    Stream<DynamicTest> everyCellOnTheContractsInMemory() {
        return AuthorisationMatrix.cells(new MatrixRun(new InMemoryChain(), Runnable::run).run());
    }

    /** The contracts on an in-memory ledger, called through the real shim. */
    private static final class InMemoryChain implements MatrixRun.Chain {

        private final InMemoryLedger ledger = new InMemoryLedger();
        private final Map<Actor, TestIdentity> identities = new HashMap<>();

        @Override
        public Answer submit(Actor who, Map<String, byte[]> transientData, String function, String... args) {
            return answer(ledger.submitWithTransient(identity(who), transientData, function, args));
        }

        @Override
        public Answer evaluate(Actor who, String function, String... args) {
            return answer(ledger.evaluate(identity(who), function, args));
        }

        private static Answer answer(InMemoryLedger.Response response) {
            if (response.ok()) {
                return Answer.ok(CanonicalJson.read(response.payload(), JsonNode.class), response.txId());
            }
            return RefusalBody.find(response.message()).map(r -> Answer.refused(r.code()))
                    .orElseGet(() -> Answer.failed(response.status() + " " + response.message()));
        }

        /** The certificate scripts/network enrols for this user: its role attribute or the admin NodeOU. */
        private TestIdentity identity(Actor who) {
            return identities.computeIfAbsent(who, a -> switch (a.user()) {
                case "admin" -> TestIdentity.admin(a.mspId());
                case "registrar1" -> TestIdentity.withRole(a.mspId(), a.user(), "registrar");
                case "verifier1", "gateway" -> TestIdentity.withRole(a.mspId(), a.user(), "verifier");
                case "norole" -> TestIdentity.withRole(a.mspId(), a.user(), null);
                default -> throw new IllegalArgumentException("scripts/network enrols no " + a.user());
            });
        }
    }
}
