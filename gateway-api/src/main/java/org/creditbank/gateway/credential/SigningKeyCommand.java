package org.creditbank.gateway.credential;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import org.creditbank.credentials.Ed25519Keys;

/**
 * Makes and shows the Ed25519 key a gateway signs its {@code eddsa-rdfc-2022} proofs with:
 * <pre>
 * java -cp creditbank-gateway.jar org.creditbank.gateway.credential.SigningKeyCommand generate eddsa-key.pem
 * java -cp creditbank-gateway.jar org.creditbank.gateway.credential.SigningKeyCommand show eddsa-key.pem
 * </pre>
 * Both print the public key as a Multikey ({@code z6Mk...}) on standard output, the one argument
 * the institution's admin registers on the ledger with {@code signingkey:register}: the gateway
 * has no admin identity, so it cannot register its key itself. {@code generate} never overwrites a
 * file and writes it readable by its owner only.
 */
public final class SigningKeyCommand {

    private SigningKeyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("generate") && !args[0].equals("show")) {
            err.println("usage: SigningKeyCommand generate|show <eddsa-key.pem>");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            if (args[0].equals("generate")) {
                KeyPair pair = Ed25519Keys.generate();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
            }
            out.println(IssuerFiles.eddsaKey(file).publicKeyMultibase());
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println(file + " exists; it is never overwritten (use show)");
            return 1;
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
