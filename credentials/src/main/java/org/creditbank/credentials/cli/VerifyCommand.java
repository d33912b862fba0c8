package org.creditbank.credentials.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.credentials.VerificationReport;

/**
 * The offline verifier an employer or admissions office runs on a credential a learner gave
 * them, with nothing but a trust bundle: no network, no ledger access.
 *
 * <pre>
 * java -jar creditbank-verify.jar --credential cred.json --trust trust-bundle.json \
 *     [--status-list list.json]... [--transcript] [--at 2026-12-01T00:00:00Z]
 * </pre>
 * Exit status: 0 valid, 1 invalid, 2 usage or input error.
 */
public final class VerifyCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar creditbank-verify.jar --credential FILE --trust FILE
                   [--status-list FILE]... [--transcript] [--at INSTANT]
              --credential   the credential (or, with --transcript, the transcript presentation)
              --trust        trust bundle: {"<MSP id>": ["<PEM CA certificate>", ...]}
              --status-list  a status list credential of the issuer (repeatable)
              --transcript   the file is a selective-disclosure transcript presentation
              --at           verify as of this instant (ISO-8601, default: now)
            exit status: 0 valid, 1 invalid, 2 usage or input error""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the command; returns the exit status instead of exiting, so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        String credential = null;
        String trust = null;
        List<String> statusLists = new ArrayList<>();
        boolean transcript = false;
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--credential" -> credential = read(value(args, ++i));
                    case "--trust" -> trust = read(value(args, ++i));
                    case "--status-list" -> statusLists.add(read(value(args, ++i)));
                    case "--transcript" -> transcript = true;
                    case "--at" -> at = Instant.parse(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (credential == null || trust == null) {
                throw new IllegalArgumentException("--credential and --trust are required");
            }
            CredentialVerifier verifier = new CredentialVerifier(TrustBundle.parse(trust));
            VerificationReport report = transcript
                    ? verifier.verifyTranscript(credential, at)
                    : verifier.verify(credential, statusLists, at);
            out.print(report.describe());
            return report.valid() ? VALID : INVALID;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (IOException | CredentialException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
