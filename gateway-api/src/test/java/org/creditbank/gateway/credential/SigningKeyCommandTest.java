package org.creditbank.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.creditbank.model.key.Ed25519Multikey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ed25519 key file a gateway signs its second proof with, made and shown by the command the
 * network scripts run; what it prints is what the org admin registers on the ledger.
 */
class SigningKeyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return SigningKeyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generateWritesAPrivateKeyFileAndPrintsTheMultikeyTheGatewaySignsWith() throws Exception {
        Path key = dir.resolve("eddsa-key.pem");

        assertThat(run("generate", key.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String multikey = out.toString(StandardCharsets.UTF_8).strip();

        assertThat(Ed25519Multikey.isValid(multikey)).as(multikey).isTrue();
        assertThat(multikey).startsWith("z6Mk");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(IssuerFiles.eddsaKey(key).publicKeyMultibase()).isEqualTo(multikey);
        assertThat(run("show", key.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(multikey);
    }

    @Test
    void anExistingKeyIsNeverOverwritten() throws Exception {
        Path key = dir.resolve("eddsa-key.pem");
        run("generate", key.toString());
        String before = Files.readString(key);

        assertThat(run("generate", key.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never overwritten");
        assertThat(Files.readString(key)).isEqualTo(before);
    }

    @Test
    void aFileWithoutAnEd25519KeyIsRefused() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("p256.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThat(run("show", notAKey.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no Ed25519 private key");
        assertThat(run("rotate", notAKey.toString())).isEqualTo(2);
    }
}
