package org.creditbank.credentials;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a credential, one line per check, so that a UI (or the offline command)
 * can show a verdict together with its reasons: "signature valid; issuer Org1MSP trusted; status
 * not checked because the list is older than its ttl".
 */
public record VerificationReport(List<CheckResult> checks) {

    /** What was checked. */
    public enum Check {
        /** The document is a VC 2.0 with the fields CreditBank needs, and an ecdsa-rdfc-2019 proof (alone or in a proof set). */
        WELL_FORMED,
        /** The proof is a valid signature over the canonicalised credential by the embedded key. */
        SIGNATURE,
        /** The key's X.509 certificate chains to a CA of the issuer's organisation in the trust bundle. */
        ISSUER_TRUSTED,
        /** The verification time is within validFrom .. validUntil. */
        VALIDITY_PERIOD,
        /**
         * The eddsa-rdfc-2022 proof of a proof set is a valid signature by the issuer's Ed25519 key
         * named in its verification method. NOT_CHECKED for a credential with only an ECDSA proof.
         */
        EDDSA_SIGNATURE,
        /**
         * That Ed25519 key is registered on the ledger by the issuer's organisation (as the trust
         * bundle says) and was in force, registered and not retired, when the proof was created.
         */
        EDDSA_KEY_REGISTERED,
        /** The issuer's revocation list, within its ttl, does not have this credential's bit set. */
        REVOCATION,
        /**
         * The issuer's suspension list, within its ttl, does not have this credential's bit set.
         * NOT_CHECKED for a credential without a suspension entry, which is every achievement
         * credential issued now (Open Badges 3.0 allows one status entry, revocation): only the
         * ledger knows of a suspension then.
         */
        SUSPENSION,
        /**
         * Every disclosed transcript entry belongs to the signed Merkle root, says it was ACTIVE when
         * signed and is not past its last valid day; nothing else is revealed.
         */
        DISCLOSED_ENTRIES
    }

    /** PASSED and FAILED are findings; NOT_CHECKED means the verifier lacked what it needed. */
    public enum Status {
        PASSED,
        FAILED,
        NOT_CHECKED
    }

    /** One check's result and the reason a person can read. */
    public record CheckResult(Check check, Status status, String reason) {
    }

    static final List<Check> REQUIRED =
            List.of(Check.WELL_FORMED, Check.SIGNATURE, Check.ISSUER_TRUSTED, Check.VALIDITY_PERIOD);

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /**
     * Valid when nothing failed and the well-formedness, signature, issuer and validity-period
     * checks passed. A status check that could not be made does not make a credential invalid,
     * but the report says so and a cautious verifier should ask for a fresh status list.
     */
    public boolean valid() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED)
                && REQUIRED.stream().allMatch(check -> result(check).map(c -> c.status() == Status.PASSED)
                .orElse(false));
    }

    public Optional<CheckResult> result(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }

    /** One line per check, e.g. {@code SIGNATURE            PASSED       signature by did:web:...#key-1 is valid}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (CheckResult c : checks) {
            out.append(String.format("%-20s %-12s %s%n", c.check(), c.status(), c.reason()));
        }
        out.append(valid() ? "VALID" : "INVALID").append(System.lineSeparator());
        return out.toString();
    }
}
