package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A credential fetched from each issuing institution's gateway is checked by implementations no one
 * here wrote, as an employer or a wallet would check it: the Digital Credentials Consortium's
 * verifier-core (the Learner Credential Wallet's and VerifierPlus's), Digital Bazaar's
 * {@code @digitalbazaar/vc} with both cryptosuites, and the published 1EdTech Open Badges 3.0 JSON
 * schema. The issuer's DID document is the one its gateway serves at {@code /.well-known/did.json},
 * and the status lists are the gateway's, fetched again after the registrar revokes the record.
 * The scripts and their pinned npm packages are the credentials module's {@code interop/}.
 */
class IndependentVerifiersOnNetworkIT {

    static final Path INTEROP = Path.of(System.getProperty("creditbank.interop.dir", "../credentials/interop"));
    private static final String RUN = "IV" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"college", "university", "hardware"})
    void aCredentialFromTheGatewayIsValidInEachIndependentVerifierAndRevokedOnceTheRegistrarRevokesIt(String org)
            throws Exception {
        Gateway gateway = RunningGateways.of(org);
        String learner = gateway.openAccount();
        // An enterprise issues training, a school courses (the chaincode's rule of who issues what).
        RunningGateways.Reply issued = gateway.post("/api/v1/outcomes", gateway.registrarToken(), org.equals("hardware")
                ? Drafts.training(RUN + "-" + org, learner) : Drafts.course(RUN + "-" + org, learner));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().at("/record/id").asText();
        String credential = gateway.get("/api/v1/outcomes/" + id + "/credential", gateway.registrarToken()).body();
        Path file = write("credential.json", credential);
        String didDocument = gateway.baseUrl() + "/.well-known/did.json";

        JsonNode dcc = node("dcc-verify.mjs", file.toString(), didDocument, statusLists(gateway, credential));
        assertThat(dcc.path("verified").asBoolean()).as("verifier-core: %s", dcc).isTrue();
        JsonNode bazaar = node("verify.mjs", file.toString(), write("did.json", gateway.get("/.well-known/did.json", null)
                .body()).toString(), statusLists(gateway, credential));
        assertThat(bazaar.path("verified").asBoolean()).as("Digital Bazaar: %s", bazaar).isTrue();
        assertThat(bazaar.path("proofs").findValuesAsText("cryptosuite"))
                .containsExactlyInAnyOrder("ecdsa-rdfc-2019", "eddsa-rdfc-2022");
        assertThat(bazaar.path("proofs").findValues("verified")).allMatch(JsonNode::asBoolean);
        JsonNode schema = node("validate-schema.mjs", file.toString());
        assertThat(schema.path("valid").asBoolean()).as("Open Badges 3.0 schema: %s", schema).isTrue();

        gateway.post("/api/v1/outcomes/" + id + "/revoke", gateway.registrarToken(), Map.of("reason", "证书作废"));

        JsonNode dccRevoked = node("dcc-verify.mjs", file.toString(), didDocument, statusLists(gateway, credential));
        assertThat(dccRevoked.path("verified").asBoolean()).isFalse();
        assertThat(step(dccRevoked, "revocation_status").path("valid").asBoolean()).as(dccRevoked.toString()).isFalse();
        assertThat(step(dccRevoked, "valid_signature").path("valid").asBoolean()).isTrue();
        JsonNode bazaarRevoked = node("verify.mjs", file.toString(), dir.resolve("did.json").toString(),
                statusLists(gateway, credential));
        assertThat(bazaarRevoked.path("statuses")).anyMatch(s -> "revocation".equals(s.path("purpose").asText())
                && s.path("set").asBoolean());
    }

    private static JsonNode step(JsonNode verdict, String id) {
        for (JsonNode step : verdict.path("log")) {
            if (id.equals(step.path("id").asText())) {
                return step;
            }
        }
        throw new AssertionError("verifier-core logged no " + id + ": " + verdict);
    }

    /** The gateway's current status lists that the credential's entries name, as files. */
    private String[] statusLists(Gateway gateway, String credential) throws IOException {
        JsonNode status = CanonicalJson.read(credential, JsonNode.class).path("credentialStatus");
        List<String> files = new ArrayList<>();
        for (JsonNode entry : status.isArray() ? status : List.of(status)) {
            String url = entry.path("statusListCredential").asText();
            assertThat(url).startsWith(gateway.baseUrl());
            files.add(write("list-" + files.size() + ".json", gateway.get(url.substring(gateway.baseUrl().length()), null)
                    .body()).toString());
        }
        return files.toArray(String[]::new);
    }

    private JsonNode node(String script, String first, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script, first));
        command.addAll(List.of(more));
        return node(command);
    }

    private JsonNode node(String script, String first, String second, String[] rest)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script, first, second));
        command.addAll(List.of(rest));
        return node(command);
    }

    private JsonNode node(List<String> command) throws IOException, InterruptedException {
        assertThat(INTEROP.resolve("node_modules/.package-lock.json")).as("the credentials build installs interop/")
                .exists();
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(INTEROP.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s timed out", command).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8).strip();
        assertThat(stdout).as("%s printed nothing; stderr: %s", command, Files.readString(err)).isNotEmpty();
        return CanonicalJson.read(stdout, JsonNode.class);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
