package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.creditbank.chaincode.state.StateMessages;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.InMemoryLedger.Response;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endorsing peer must compute identical bytes, or endorsements mismatch and the transaction
 * fails. The same transactions run in two differently configured JVMs (see
 * {@link DeterminismScenario}) must give byte-identical responses, events, world state and
 * policies, and every stored JSON document must have its keys sorted.
 */
class DeterminismTest {

    /**
     * Two peers are two JVMs: each has its own salt for {@code Map.of}/{@code Set.of} iteration
     * order, and may run with other hash codes, time zone, locale and default charset. The same
     * transactions must still give the same bytes everywhere.
     */
    @Test
    void twoJvmsThatDifferInHashingZoneLocaleAndCharsetProduceByteIdenticalResults(@TempDir Path dir)
            throws Exception {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");
        runInOwnJvm(first, "-XX:hashCode=2", "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US",
                "-Dfile.encoding=UTF-8");
        runInOwnJvm(second, "-XX:hashCode=5", "-Duser.timezone=Asia/Shanghai", "-Duser.language=tr",
                "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1");

        List<String> a = Files.readAllLines(first);
        List<String> b = Files.readAllLines(second);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String inFirst = i < a.size() ? a.get(i) : "(nothing)";
            String inSecond = i < b.size() ? b.get(i) : "(nothing)";
            if (!inFirst.equals(inSecond)) {
                differences.add("line " + (i + 1) + "\n first: " + inFirst + "\nsecond: " + inSecond);
            }
        }
        assertThat(differences).as("lines the two JVMs wrote differently").isEmpty();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    /**
     * The batching switch, as a chaincode server sees it: the same scenario through the real shim
     * with {@code CREDITBANK_STATE_BATCHING=off} (in a JVM of its own, since the switch is read from
     * the environment) sends no batch message, one message per read and write instead, and every
     * response, event, state entry and policy is byte-identical to the batched run in this JVM.
     */
    @Test
    void batchingSwitchedOffSendsOneMessagePerCallAndStoresTheSameBytes(@TempDir Path dir) throws Exception {
        assertThat(StateMessages.inForce()).isEqualTo(StateMessages.BATCHED);
        Consortium batched = new Consortium();
        List<String> batchedRecord = DeterminismScenario.record(batched,
                DeterminismScenario.run(batched, DeterminismScenario.LEARNER));
        Path unbatched = dir.resolve("unbatched.txt");
        runInOwnJvm(unbatched, Map.of(StateMessages.SWITCH, "off"));

        Map<String, Integer> sentBatched = new TreeMap<>();
        batched.ledger.allMessages().forEach((type, count) -> sentBatched.put(type.name(), count));
        assertThat(sentBatched).containsKeys("WRITE_BATCH_STATE", "GET_STATE_MULTIPLE")
                .doesNotContainKeys("PUT_STATE", "PUT_STATE_METADATA");
        assertThat(messages(unbatched)).containsKeys("PUT_STATE", "PUT_STATE_METADATA", "GET_STATE")
                .doesNotContainKeys("WRITE_BATCH_STATE", "GET_STATE_MULTIPLE");
        assertThat(Files.readAllLines(unbatched)).isEqualTo(batchedRecord);
    }

    private static Map<String, Integer> messages(Path output) throws Exception {
        Map<String, Integer> sent = new TreeMap<>();
        for (String line : Files.readAllLines(output.resolveSibling(output.getFileName() + ".messages"))) {
            String[] typeAndCount = line.split(" ");
            sent.put(typeAndCount[0], Integer.parseInt(typeAndCount[1]));
        }
        return sent;
    }

    private static void runInOwnJvm(Path output, String... options) throws Exception {
        runInOwnJvm(output, Map.of(), options);
    }

    private static void runInOwnJvm(Path output, Map<String, String> environment, String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UnlockExperimentalVMOptions");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeterminismScenario.class.getName());
        command.add(output.toString());
        command.add(output.resolveSibling(output.getFileName() + ".messages").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile());
        builder.environment().remove(StateMessages.SWITCH);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the scenario JVM finished").isTrue();
        assertThat(process.exitValue()).as("exit value; see %s.log", output).isZero();
    }

    @Test
    void theScenarioExercisesSuccessesAndARefusalWithManyViolations() {
        List<Response> responses = DeterminismScenario.run(new Consortium(), DeterminismScenario.LEARNER);

        assertThat(responses).filteredOn(r -> !r.ok()).singleElement().satisfies(refusal -> {
            JsonNode body = CanonicalJson.read(refusal.message(), JsonNode.class);
            assertThat(body.get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(body.get("violations")).hasSizeGreaterThan(12);
        });
    }

    @Test
    void batchedStateMessagesStoreExactlyWhatOneCallPerWriteStores() {
        Consortium batched = new Consortium();
        Consortium oneByOne = new Consortium(InMemoryLedger.withoutShim());

        List<String> a = DeterminismScenario.record(batched, DeterminismScenario.run(batched, DeterminismScenario.LEARNER));
        List<String> b = DeterminismScenario.record(oneByOne, DeterminismScenario.run(oneByOne, DeterminismScenario.LEARNER));

        assertThat(a).isEqualTo(b);
        assertThat(batched.ledger.worldState()).isEqualTo(oneByOne.ledger.worldState());
        assertThat(batched.ledger.validationParameters()).hasSameSizeAs(oneByOne.ledger.validationParameters());
        batched.ledger.validationParameters().forEach((key, policy) ->
                assertThat(oneByOne.ledger.validationParameter(key)).as(key).isEqualTo(policy));
    }

    @Test
    void storedDocumentsHaveSortedKeys() {
        Consortium c = new Consortium();
        DeterminismScenario.run(c, DeterminismScenario.LEARNER);
        for (String value : c.ledger.worldState().values()) {
            if (value.startsWith("{")) {
                assertSorted(CanonicalJson.read(value, JsonNode.class));
                assertThat(CanonicalJson.toJson(CanonicalJson.read(value, JsonNode.class))).isEqualTo(value);
            }
        }
    }

    private static void assertSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            assertThat(names).isSorted();
        }
        node.elements().forEachRemaining(DeterminismTest::assertSorted);
    }
}
